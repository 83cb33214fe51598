/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** The kind of activity (Open Referral UK style categories); the directory is listed by category. */
export type ActivityCategory =
  /** Advice services (money, housing, benefits, legal). */
  | 'ADVICE_SERVICES'
  /** Arts, crafts, music, writing. */
  | 'ARTS_AND_CREATIVITY'
  /** Dance. */
  | 'DANCE'
  /** Courses, learning, local history and heritage. */
  | 'LEARNING_AND_HERITAGE'
  /** Nature, gardening, green spaces. */
  | 'NATURE_AND_GARDENING'
  /** Anything else. */
  | 'OTHER'
  /** Exercise, walking groups, sport. */
  | 'PHYSICAL_ACTIVITY'
  /** Social groups, clubs, befriending. */
  | 'SOCIAL_GROUPS'
  /** Volunteering opportunities. */
  | 'VOLUNTEERING';

/** Give a `pcnId` or a `providerOrganisationId`, not both; with neither, the caller's own PCN (or, for a provider, their organisation). */
export type ActivityFilter = {
  /** Only this category. */
  category?: ActivityCategory | null | undefined;
  /** Include archived activities (default false). */
  includeArchived?: boolean | null | undefined;
  /**
   * A PCN's directory, listed by category code then name. Required for callers without a PCN of their own (ICB staff),
   * else BAD_USER_INPUT naming `filter.pcnId`; an id that is not a PCN is BAD_USER_INPUT too.
   */
  pcnId?: string | number | null | undefined;
  /** The activities one provider runs, by name. An id that is not a provider is BAD_USER_INPUT naming the field. */
  providerOrganisationId?: string | number | null | undefined;
  /** Words to find in the name, description or venue (case-insensitive), up to 100 characters. */
  text?: string | null | undefined;
};

/** Whether an activity is in the directory. */
export type ActivityStatus =
  /** Listed and may be prescribed. */
  | 'ACTIVE'
  /** Taken out of the directory: hidden unless asked for, cannot be prescribed; existing prescriptions carry on. */
  | 'ARCHIVED';

/** Gives a referral to a link worker. */
export type AssignReferralInput = {
  /** The `version` you last saw; CONFLICT if the referral changed since. Omit to skip the check. */
  expectedVersion?: number | null | undefined;
  /** An active link worker of the referral's PCN (BAD_USER_INPUT naming `linkWorkerId` otherwise). */
  linkWorkerId: string | number;
  /** The referral to assign. */
  referralId: string | number;
};

/** What happened at one session. */
export type AttendanceStatus =
  /** The person came. */
  | 'ATTENDED'
  /** The session did not run, or the person's place was cancelled; may be recorded ahead of the date. */
  | 'CANCELLED'
  /** The person did not come. */
  | 'MISSED';

/** Open referrals are worked; closed ones are kept for the record. */
export type CaseState =
  /** CLOSED, DECLINED or UNABLE_TO_CONTACT: final, kept for the record and for figures. */
  | 'CLOSED'
  /** RECEIVED, CONTACTED, ACCEPTED or ACTIVE: on a caseload, being worked. */
  | 'OPEN';

/** Narrows a caseload page. Filters combine (all must hold). */
export type CaseloadFilter = {
  /** Only referrals whose next check-in is before this instant. */
  checkInDueBefore?: string | null | undefined;
  /** Only referrals with an unresolved concern. */
  concernOnly?: boolean | null | undefined;
  /** Only these statuses: all open ones (the default) or all closed ones, not a mix (BAD_USER_INPUT naming `statuses`). */
  statuses?: Array<ReferralStatus> | null | undefined;
};

/** The order of a caseload page. */
export type CaseloadSort =
  /** Longest since last contact first. */
  | 'LAST_CONTACT'
  /** Soonest next check-in first; referrals with none scheduled last. */
  | 'NEXT_CHECK_IN';

/** Where a check-in stands. WAITING, SENDING and AWAITING_REPLY are open; the others are final. */
export type CheckInStatus =
  /** The current question was sent; waiting for the person's reply. */
  | 'AWAITING_REPLY'
  /**
   * Stopped before it finished: by staff, on opt-out, when the referral closed, after a worrying reply, or because the
   * patient's SMS budget for the referral was spent (`closeReason`).
   */
  | 'CANCELLED'
  /** Every question was answered, or closed unanswered after one re-ask. */
  | 'COMPLETED'
  /**
   * The SMS provider kept refusing the text, or its first text never reached the phone (`closeReason`
   * `DELIVERY_FAILED`: check the number with the person); never retried automatically. Needs review.
   */
  | 'FAILED'
  /** No reply within the expiry time (after one reminder). */
  | 'NO_RESPONSE'
  /** A dispatcher run is sending the current step. */
  | 'SENDING'
  /** A send was started but never confirmed, so the text may or may not have gone; never resent. Needs review. */
  | 'UNCERTAIN'
  /** The current step waits to be sent at `dueAt` (inside the sending window). */
  | 'WAITING';

/** When in the episode a check-in (or a measurement) belongs: at prescribing, then after the first attended session. */
export type CheckInWave =
  /** Scheduled or recorded by hand, outside the plan. */
  | 'AD_HOC'
  /** Before the activity starts: scheduled when an activity is prescribed. */
  | 'BASELINE'
  /** The day after the first attended session. */
  | 'WEEK_1'
  /** Six weeks after the first attended session. */
  | 'WEEK_6'
  /** Twelve weeks after the first attended session. */
  | 'WEEK_12';

/** What the person resolving a concern did about it; `note` says more. */
export type ConcernAction =
  /** Arranged urgent help (crisis team, 111, 999). */
  | 'ARRANGED_URGENT_HELP'
  /** Spoke with the person (or tried to, and says so in the note). */
  | 'CONTACTED_PERSON'
  /** Told the person's GP. */
  | 'INFORMED_GP'
  /** Looked into it: nothing more was needed (e.g. a false alarm). */
  | 'NO_FURTHER_ACTION'
  /** Something else: `note` is required and says what. */
  | 'OTHER'
  /** Made a safeguarding referral. */
  | 'SAFEGUARDING_REFERRAL';

/** What raised a concern. */
export type ConcernReason =
  /** An answer in a band marked as a concern (ONS4 anxiety 6 to 10). */
  | 'CONCERN_ANSWER'
  /** A text with words on the reviewed worrying-reply list (e.g. about self-harm, or asking for help). */
  | 'WORRYING_TEXT';

/**
 * Where a concern stands. OPEN (nobody has looked at it yet; it counts towards the unacknowledged-concern alarm) and
 * ACKNOWLEDGED (a named person is dealing with it) are unresolved: the referral's caseload row shows them. RESOLVED is
 * final.
 */
export type ConcernStatus =
  /** A named person has seen it and is dealing with it (`acknowledgedBy`). A new worrying text raises a new concern. */
  | 'ACKNOWLEDGED'
  /** Raised; nobody has acknowledged it yet. Further worrying texts join it until someone does. */
  | 'OPEN'
  /** Dealt with: `resolvedBy` recorded the action taken (`action`) and a note. */
  | 'RESOLVED';

/** Whether taking part costs money. */
export type CostKind =
  /** There is a charge; `details` says what it is. */
  | 'CHARGE'
  /** Free (`details` may add e.g. `donations welcome`). */
  | 'FREE';

/**
 * Give exactly one of `patientId` (an existing patient) and `newPatient`. A new patient whose NHS number is already
 * known is matched to the existing record, not duplicated.
 */
export type CreateReferralInput = {
  /**
   * Assign straight away (a link worker may only name themselves); otherwise the referral waits in the PCN's queue.
   * Must be an active link worker of the practice's PCN, else BAD_USER_INPUT naming `linkWorkerId`.
   */
  linkWorkerId?: string | number | null | undefined;
  /** At least one need (BAD_USER_INPUT naming `needs` when empty); repeats are dropped. */
  needs: Array<Need>;
  /** A person not yet known; matched by NHS number to an existing patient if there is one. */
  newPatient?: NewPatientInput | null | undefined;
  /** The referrer's note, up to 2,000 characters. */
  note?: string | null | undefined;
  /** An existing patient in your scope (FORBIDDEN otherwise, or when erased). */
  patientId?: string | number | null | undefined;
  /** The referring GP practice, in your scope (FORBIDDEN otherwise); the referral takes its PCN and ICB. */
  practiceId: string | number;
  /** Who referred the person. */
  source: ReferralSource;
};

/** How the figures were protected before they left the server. */
export type DisclosureControl =
  /**
   * Below national level, for everyone. Counts: 0–7 (and counts whose perturbed value is under 8) show as
   * suppressed; others carry a small consistent perturbation (the ONS cell-key method) and are rounded to the nearest 5.
   * Means and intervals: 1 decimal, from perturbed sums, only beside a count of at least 15. Percentages: from the
   * released counts.
   */
  | 'CONTROLLED'
  /** National figures for national administrators: exact counts, means to 2 decimals. */
  | 'EXEMPT';

/** A follow-up wave compared with the baseline (ad hoc measurements are not in figures). */
export type FollowUpWave =
  /** The day after the first attended session. */
  | 'WEEK_1'
  /** Six weeks after the first attended session. */
  | 'WEEK_6'
  /** Twelve weeks after the first attended session. */
  | 'WEEK_12';

/** A new goal (omit `goalId`, give `description`) or a change to an existing one (give `goalId` and what changes). */
export type GoalInput = {
  /** What the person wants to achieve, up to 500 characters; required for a new goal. */
  description?: string | null | undefined;
  /**
   * One of this referral's goals, to change it; omit to add a new goal. An id that is not a goal of this referral is
   * BAD_USER_INPUT naming `goals[<i>].goalId`.
   */
  goalId?: string | number | null | undefined;
  /** Where the goal stands (a new goal defaults to NOT_STARTED). */
  status?: GoalStatus | null | undefined;
};

/** Where a goal of the personalised support plan stands. */
export type GoalStatus =
  /** Achieved. */
  | 'ACHIEVED'
  /** No longer pursued. */
  | 'DROPPED'
  /** Being worked on. */
  | 'IN_PROGRESS'
  /** Agreed but not begun (the default for a new goal). */
  | 'NOT_STARTED';

/** Why a text from a patient was not taken as an answer, and so waits in an inbox. */
export type InboxReason =
  /** No question was waiting: the patient's latest check-in had already closed (often a late answer). */
  | 'AFTER_CHECK_IN'
  /** No question was waiting, and none had been asked before: news, a question, a thank-you. */
  | 'OUTSIDE_CHECK_IN'
  /**
   * The number is on more than one patient's record and not exactly one of them was waiting for an answer, so we
   * cannot tell whose it is. Each record's inbox gets it.
   */
  | 'SHARED_NUMBER'
  /** Still unreadable after the question was asked again; the question was left unanswered. */
  | 'UNREADABLE'
  /** Worrying words stopped the check-in; a concern was raised on the same text. */
  | 'WORRYING_TEXT';

/** A need or reason for referral; a referral names one or more. Commissioners' figures can be broken down by need. */
export type Need =
  /** Bereavement. */
  | 'BEREAVEMENT'
  /** Support as a carer. */
  | 'CARER_SUPPORT'
  /** Housing problems. */
  | 'HOUSING'
  /** Loneliness or social isolation. */
  | 'LONELINESS_ISOLATION'
  /** Living with a long-term condition. */
  | 'LONG_TERM_CONDITION'
  /** Low mood or anxiety. */
  | 'LOW_MOOD_ANXIETY'
  /** Money or debt worries. */
  | 'MONEY_DEBT'
  /** Another need; describe it in the referral's `note`. */
  | 'OTHER'
  /** Physical inactivity. */
  | 'PHYSICAL_INACTIVITY';

/** A person not yet known to Linkwork. Errors name the field as `newPatient.<field>`. */
export type NewPatientInput = {
  /** What helps the person take part, up to 1,000 characters. */
  accessibilityNeeds?: string | null | undefined;
  /** Date of birth; not in the future, not before 1880. */
  dateOfBirth: string;
  /** NHS ethnic category code, if the person chooses to give it (up to 10 characters). */
  ethnicity?: string | null | undefined;
  /** Family name, 1 to 100 characters. */
  familyName: string;
  /** Given (first) name, 1 to 100 characters. */
  givenName: string;
  /** UK mobile number for check-in texts. */
  mobile?: string | null | undefined;
  /**
   * The person's NHS number. If it already belongs to a patient registered in your scope (your PCN; an administrator's
   * ICB), that patient is used and the other details here are ignored. If it belongs to a patient registered elsewhere,
   * the referral is refused with FORBIDDEN naming `newPatient.nhsNumber`, and nothing of that patient is returned or
   * changed: an administrator can move them first (`movePatient`).
   */
  nhsNumber: string;
  /** The name they like to be called, up to 100 characters. */
  preferredName?: string | null | undefined;
  /** Sex as recorded by the GP system. */
  sex: Sex;
  /**
   * Whether they agreed to SMS check-ins (default NOT_ASKED). GIVEN needs `mobile`, else BAD_USER_INPUT. A mobile is the
   * SMS contact of one patient at a time: GIVEN on a mobile another patient already has consent on is CONFLICT naming
   * `newPatient.mobile` (`extensions.reason` MOBILE_IN_USE; `heldByPatientId` when you may see that patient). Record a
   * second person on a shared phone with NOT_ASKED, or withdraw the other patient's consent first.
   */
  smsConsent?: SmsConsent | null | undefined;
};

/** What an organisation is: the NHS hierarchy ICB → PCN → practice, plus the organisations that run activities. */
export type OrganisationKind =
  /** Integrated Care Board: commissions services for an area; the top of the hierarchy. */
  | 'ICB'
  /** Primary Care Network: a group of GP practices within one ICB; employs the link workers. */
  | 'PCN'
  /** A GP practice within one PCN; referrals come from practices. */
  | 'PRACTICE'
  /** A voluntary or community organisation under an ICB that runs activities in the directory. */
  | 'PROVIDER';

/** One answer given in person. */
export type OutcomeAnswerInput = {
  /** As in the catalogue: `ONS4`, `ONS_LONELINESS` or `UCLA3`. */
  instrument: string;
  /**
   * The item: for ONS4 `lifeSatisfaction`, `worthwhile`, `happiness` or `anxiety`; for ONS_LONELINESS `lonely`; for UCLA3
   * `companionship`, `leftOut` or `isolated`. An unknown item is BAD_USER_INPUT naming `answers.<index>`.
   */
  item: string;
  /**
   * As the person answered: 0–10 for ONS4; for option questions the option's number (ONS_LONELINESS 1 Often/always …
   * 5 Never; UCLA3 1 Hardly ever or never, 2 Some of the time, 3 Often). Anything else is BAD_USER_INPUT naming
   * `answers.<index>.value`.
   */
  value: number;
};

/** The fixed breakdowns. Figures exist for one breakdown at a time, never crossed; every group of a breakdown is listed. */
export type OutcomeDimension =
  /** Category of the activities the person attended (people engaged and outcomes only; other figures are null there). */
  | 'ACTIVITY_CATEGORY'
  /** Age band at referral: UNDER_18 (kept apart), 18-24, 25-34, 35-44, 45-54, 55-64, 65-74, 75+, NOT_RECORDED. */
  | 'AGE_BAND'
  /** Ethnic group (NHS ethnic category codes in the five ONS high-level groups): WHITE, MIXED, ASIAN_OR_ASIAN_BRITISH, BLACK_OR_BLACK_BRITISH, OTHER_ETHNIC_GROUP, NOT_STATED (code Z), NOT_RECORDED. */
  | 'ETHNICITY'
  /** By ICB: national figures only. */
  | 'ICB'
  /** Need or reason for referral; a referral with several needs counts in each, so the rows may add up to more than the total. */
  | 'NEED'
  /** The total row. */
  | 'NONE'
  /** By PCN: ICB figures only. */
  | 'PCN'
  /** By practice: ICB and PCN figures. */
  | 'PRACTICE'
  /** Who referred: GP, PRACTICE_NURSE, OTHER_CLINICIAN, SELF, SOCIAL_CARE, VOLUNTARY_SECTOR, OTHER, NOT_RECORDED. */
  | 'REFERRAL_SOURCE'
  /** Sex as recorded by the GP system (FEMALE, MALE, INTERSEX, NOT_KNOWN, NOT_STATED, NOT_RECORDED). */
  | 'SEX';

/** The length of a reporting period in the fixed catalogue. */
export type OutcomePeriodKind =
  /** A calendar month, id `2026-01`. */
  | 'MONTH'
  /** An NHS financial quarter, id `FY2025-26-Q1` (Q1 = April to June 2025, Q4 = January to March 2026). */
  | 'QUARTER'
  /** An NHS financial year, id `FY2025-26` (April 2025 to March 2026). */
  | 'YEAR';

/** Give one of the three; give none for national figures (national administrators only). */
export type OutcomeScopeInput = {
  /** An ICB's organisation id: that ICB's figures (its commissioners and administrators). */
  icbId?: string | number | null | undefined;
  /** A PCN's organisation id: that PCN's figures. */
  pcnId?: string | number | null | undefined;
  /** A practice's organisation id: that practice's figures. */
  practiceId?: string | number | null | undefined;
};

/** The level of the organisation figures are for. */
export type OutcomeScopeKind =
  /** An Integrated Care Board. */
  | 'ICB'
  /** All of England (national administrators only). */
  | 'NATIONAL'
  /** A Primary Care Network. */
  | 'PCN'
  /** A GP practice. */
  | 'PRACTICE';

/** How an outcome answer was collected. */
export type OutcomeSource =
  /** Asked by the link worker in person (or on the phone) and recorded with `recordOutcome`. */
  | 'IN_PERSON'
  /** Answered by text to a check-in. */
  | 'SMS';

/** What figures to get: one released period of the catalogue, for one scope. */
export type OutcomeSummaryInput = {
  /** Breakdowns, each giving its own rows in `groups`; the total always comes back. */
  groupBy?: Array<OutcomeDimension> | null | undefined;
  /** Instrument ids: ONS4, ONS_LONELINESS, UCLA3. Default: the instruments check-ins ask. Items no check-in asks are left out. */
  instruments?: Array<string> | null | undefined;
  /**
   * A released catalogue period: a month (`2026-01`), a financial quarter (`FY2025-26-Q1`) or a financial year
   * (`FY2025-26`). Ranges are not offered. A period is released on the 11th day after its last month ends (see
   * `releasedOutcomePeriods`); asking earlier is BAD_USER_INPUT on `period`.
   */
  period: string;
  /** The organisation; omit for national figures (national administrators only). */
  scope?: OutcomeScopeInput | null | undefined;
};

/** Connects a referral to an activity. */
export type PrescribeActivityInput = {
  /** An ACTIVE activity of your ICB's directory, not already prescribed (and open) on this referral. */
  activityId: string | number;
  /** The referral, in your care scope and ACCEPTED or ACTIVE. */
  referralId: string | number;
  /** When the person plans to start. */
  startDate: string;
};

/** Where a prescription stands. PROPOSED → STARTED on the first attended session; COMPLETED and STOPPED are final. */
export type PrescriptionStatus =
  /** Ended: the person finished the activity. */
  | 'COMPLETED'
  /** Prescribed; the person has not attended a session yet. */
  | 'PROPOSED'
  /** The person has attended at least one session. */
  | 'STARTED'
  /** Ended early. */
  | 'STOPPED';

/** One session's attendance. */
export type RecordAttendanceInput = {
  /** The prescription (from `prescribeActivity`). */
  prescriptionId: string | number;
  /** The day of the session; not in the future unless `status` is CANCELLED (BAD_USER_INPUT naming `sessionDate`). */
  sessionDate: string;
  /** Whether the person came. */
  status: AttendanceStatus;
};

/** Answers to outcome questions given in person (or on the phone). */
export type RecordOutcomeInput = {
  /** At least one answer (BAD_USER_INPUT naming `answers` otherwise). */
  answers: Array<OutcomeAnswerInput>;
  /** When the answers were given; default now; never in the future. */
  measuredAt?: string | null | undefined;
  /** The referral; in your care scope. */
  referralId: string | number;
  /** Which wave the answers belong to (AD_HOC outside the plan); figures use each wave's earliest answer. */
  wave: CheckInWave;
};

/** Notes and goals from a "what matters to you" conversation: at least one, at most 50 notes and goals together. */
export type RecordWhatMattersInput = {
  /** New goals, and changes to existing ones. */
  goals?: Array<GoalInput> | null | undefined;
  /** New conversation notes, each 1 to 4,000 characters. */
  notes?: Array<string> | null | undefined;
  /** The referral they belong to. */
  referralId: string | number;
};

/** SNOMED-coded referral counts for one released period. */
export type ReferralActivityInput = {
  /** A released catalogue period, as in `OutcomeSummaryInput.period`; one row per practice per month. */
  period: string;
  /** An ICB, PCN or practice you commission. */
  scope: OutcomeScopeInput;
};

/** What a referral event records. */
export type ReferralEventKind =
  /** The referral moved to a link worker's caseload (`fromLinkWorker` → `toLinkWorker`). */
  | 'ASSIGNED'
  /** The referral was received (`toStatus` RECEIVED; `toLinkWorker` when assigned at once). */
  | 'RECEIVED'
  /** The referral's status changed (`fromStatus` → `toStatus`, with the `reason` given). */
  | 'STATUS_CHANGED';

/** Who referred the person. */
export type ReferralSource =
  /** A GP. */
  | 'GP'
  /** Anyone else; say who in the referral's `note`. */
  | 'OTHER'
  /** Another clinician (e.g. a pharmacist, physiotherapist or mental health worker). */
  | 'OTHER_CLINICIAN'
  /** A practice nurse. */
  | 'PRACTICE_NURSE'
  /** The person referred themselves. */
  | 'SELF'
  /** Social care. */
  | 'SOCIAL_CARE'
  /** A voluntary or community sector organisation. */
  | 'VOLUNTARY_SECTOR';

/**
 * RECEIVED → CONTACTED → ACCEPTED → ACTIVE → CLOSED is the primary course; DECLINED and UNABLE_TO_CONTACT are exits.
 * CLOSED, DECLINED and UNABLE_TO_CONTACT are final. `Referral.allowedTransitions` lists the next statuses allowed.
 */
export type ReferralStatus =
  /**
   * The person accepted social prescribing (sets `lastContactAt`; records SNOMED CT 871731000000106). Activities may be
   * prescribed from here. Next: ACTIVE, CLOSED or DECLINED.
   */
  | 'ACCEPTED'
  /**
   * Support is under way. Set by the first attended session of a prescribed activity (event cause FIRST_ATTENDANCE), or
   * by hand. Activities may be prescribed. Next: CLOSED.
   */
  | 'ACTIVE'
  /** The episode ended. Final: a person who comes back gets a new referral. */
  | 'CLOSED'
  /** The link worker has spoken to the person (sets `lastContactAt`). Next: ACCEPTED, DECLINED or UNABLE_TO_CONTACT. */
  | 'CONTACTED'
  /** The person declined social prescribing (records SNOMED CT 871711000000103). Final. */
  | 'DECLINED'
  /** Just received; nobody has spoken to the person yet. Next: CONTACTED, UNABLE_TO_CONTACT or DECLINED. */
  | 'RECEIVED'
  /** The person could not be reached. Final. */
  | 'UNABLE_TO_CONTACT';

/** How a concern was dealt with. */
export type ResolveConcernInput = {
  /** What was done. */
  action: ConcernAction;
  /** The concern; OPEN or ACKNOWLEDGED, on a referral in your care scope. */
  concernId: string | number;
  /** What was done, in a sentence or two (up to 2,000 characters, line breaks allowed); required when `action` is OTHER. */
  note?: string | null | undefined;
};

/** A member of staff has exactly one role; it decides what they may see and do. */
export type Role =
  /** Administers an ICB (or, unscoped, the whole deployment). */
  | 'ADMIN'
  /** Sees disclosure-controlled outcome figures only, never care records. */
  | 'COMMISSIONER'
  /** Manages a PCN's referrals and link workers. */
  | 'COORDINATOR'
  /** Supports patients on their caseload; sees their own caseload and unassigned referrals of their PCN. */
  | 'LINK_WORKER'
  /** Runs activities in the directory; never sees care records. */
  | 'PROVIDER';

/** GIVEN needs a mobile number on record (see `updatePatientContact`). */
export type SetSmsConsentInput = {
  /**
   * Their decision. GIVEN without a mobile on record is BAD_USER_INPUT naming `consent`; GIVEN while another patient
   * has consent on the same mobile is CONFLICT naming `consent` (reason MOBILE_IN_USE, `heldByPatientId` when you may see
   * them).
   */
  consent: SmsConsent;
  /** The patient, in your scope. */
  patientId: string | number;
};

/** Sex as recorded by the GP system. */
export type Sex =
  /** Female. */
  | 'FEMALE'
  /** Intersex. */
  | 'INTERSEX'
  /** Male. */
  | 'MALE'
  /** Not known: not recorded by the GP system. */
  | 'NOT_KNOWN'
  /** Not stated: the person chose not to say. */
  | 'NOT_STATED';

/** Whether the person agreed to SMS check-ins. An opt-out (STOP) is honoured at once. */
export type SmsConsent =
  /** Agreed to check-in texts; needs a mobile number on record. */
  | 'GIVEN'
  /** Not asked yet (the default for a new patient). No texts are sent. */
  | 'NOT_ASKED'
  /** Withdrew consent (recorded by staff, or by texting STOP). No texts are sent; pending check-ins are cancelled. */
  | 'OPTED_OUT'
  /** Asked and said no. No texts are sent; setting it cancels pending check-ins. */
  | 'REFUSED';

/** Which way a text went. */
export type SmsDirection =
  /** From the person. */
  | 'IN'
  /** To the person. */
  | 'OUT';

/** What a text in a check-in's thread is. */
export type SmsMessageKind =
  /** Answer to HELP: who the texts are for and how to reach the link worker. */
  | 'HELP'
  /**
   * The opening notice (how many questions, replies are not read straight away, STOP to opt out), sent on its own when
   * it does not fit in one text with the first question.
   */
  | 'INTRO'
  /** A question of the check-in (the first may carry the opening notice). */
  | 'QUESTION'
  /** The same question again, once, after a reply that could not be read. */
  | 'REASK'
  /** The one reminder, sent when a question has had no reply for 3 days (by default). */
  | 'REMINDER'
  /** A text from the person. */
  | 'REPLY'
  /** Answer to a worrying reply: where to get help now (111, 999, Samaritans). */
  | 'SIGNPOSTING'
  /** Confirms the person's START: texts again. */
  | 'START_CONFIRMED'
  /** Confirms the person's STOP: no more texts. */
  | 'STOP_CONFIRMED'
  /** Thanks, after the last question. */
  | 'THANKS';

/** Moves a referral to its next status. */
export type TransitionReferralInput = {
  /** The `version` you last saw; CONFLICT if the referral changed since. Omit to skip the check. */
  expectedVersion?: number | null | undefined;
  /** Why (e.g. why declined), up to 2,000 characters; kept on the event, removed on erasure. */
  reason?: string | null | undefined;
  /** The referral to move. */
  referralId: string | number;
  /** The new status; must be one of the referral's `allowedTransitions` (CONFLICT otherwise). */
  to: ReferralStatus;
};

/** Only the fields given change; `null` removes a value (removing the mobile also withdraws SMS consent). */
export type UpdatePatientContactInput = {
  /** What helps the person take part, up to 1,000 characters; `null` or blank removes it. */
  accessibilityNeeds?: string | null | undefined;
  /**
   * New UK mobile number; `null` removes it and sets GIVEN consent back to NOT_ASKED. With consent GIVEN, a mobile on
   * which another patient has consent is CONFLICT naming `mobile` (reason MOBILE_IN_USE).
   */
  mobile?: string | null | undefined;
  /** The patient, in your scope. */
  patientId: string | number;
  /** The name they like to be called, up to 100 characters; `null` or blank removes it. */
  preferredName?: string | null | undefined;
};

export type ActivityDirectoryQueryVariables = Exact<{
  filter?: ActivityFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ActivityDirectoryQuery = { __typename: 'Query', activities: { __typename: 'ActivityConnection', edges: Array<{ __typename: 'ActivityEdge', cursor: string, node: { __typename: 'Activity', id: string, name: string, description: string, category: ActivityCategory, scheduleText: string, takesDirectReferrals: boolean, status: ActivityStatus, venue: { __typename: 'Venue', name: string, address: string, postcode: string }, cost: { __typename: 'ActivityCost', kind: CostKind, details: string | null } } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } };

export type PrescribeActivityMutationVariables = Exact<{
  input: PrescribeActivityInput;
}>;


export type PrescribeActivityMutation = { __typename: 'Mutation', prescribeActivity: { __typename: 'Prescription', id: string, status: PrescriptionStatus, startDate: string, activity: { __typename: 'Activity', id: string, name: string } | null, referral: { __typename: 'Referral', id: string, version: number } } };

export type RecordAttendanceMutationVariables = Exact<{
  input: RecordAttendanceInput;
}>;


export type RecordAttendanceMutation = { __typename: 'Mutation', recordAttendance: { __typename: 'RecordAttendancePayload', firstAttendance: boolean, prescriptionStatus: PrescriptionStatus, attendance: { __typename: 'Attendance', id: string, prescriptionId: string, sessionDate: string, status: AttendanceStatus } } };

export type CaseloadRowFragment = { __typename: 'Referral', id: string, status: ReferralStatus, caseState: CaseState, needs: Array<Need>, receivedAt: string, lastContactAt: string | null, nextCheckInAt: string | null, concernOpen: boolean, concernRaisedAt: string | null, version: number, patient: { __typename: 'Patient', id: string, name: string | null, dateOfBirth: string | null, smsConsent: SmsConsent }, practice: { __typename: 'Organisation', id: string, name: string } | null, linkWorker: { __typename: 'StaffUser', id: string, name: string } | null, latestOutcomes: Array<{ __typename: 'OutcomeAnswer', key: string, value: string, score: number | null, measuredAt: string }> };

export type CaseloadPageQueryVariables = Exact<{
  linkWorkerId?: string | number | null | undefined;
  unassignedPcnId?: string | number | null | undefined;
  filter?: CaseloadFilter | null | undefined;
  sort?: CaseloadSort | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CaseloadPageQuery = { __typename: 'Query', caseload: { __typename: 'ReferralConnection', edges: Array<{ __typename: 'ReferralEdge', cursor: string, node: { __typename: 'Referral', id: string, status: ReferralStatus, caseState: CaseState, needs: Array<Need>, receivedAt: string, lastContactAt: string | null, nextCheckInAt: string | null, concernOpen: boolean, concernRaisedAt: string | null, version: number, patient: { __typename: 'Patient', id: string, name: string | null, dateOfBirth: string | null, smsConsent: SmsConsent }, practice: { __typename: 'Organisation', id: string, name: string } | null, linkWorker: { __typename: 'StaffUser', id: string, name: string } | null, latestOutcomes: Array<{ __typename: 'OutcomeAnswer', key: string, value: string, score: number | null, measuredAt: string }> } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } };

export type ConcernCardFragment = { __typename: 'Concern', id: string, status: ConcernStatus, reasons: Array<ConcernReason>, raisedAt: string, lastRaisedAt: string, raisedCount: number, acknowledgedAt: string | null, resolvedAt: string | null, action: ConcernAction | null, note: string | null, acknowledgedBy: { __typename: 'StaffUser', id: string, name: string } | null, resolvedBy: { __typename: 'StaffUser', id: string, name: string } | null, texts: { __typename: 'SmsMessageConnection', edges: Array<{ __typename: 'SmsMessageEdge', node: { __typename: 'SmsMessage', id: string, body: string | null, at: string } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean } }, referral: { __typename: 'Referral', id: string, concernOpen: boolean, concernRaisedAt: string | null, patient: { __typename: 'Patient', id: string, name: string | null } } };

export type OpenConcernsQueryVariables = Exact<{
  icbId?: string | number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type OpenConcernsQuery = { __typename: 'Query', openConcerns: { __typename: 'ConcernConnection', edges: Array<{ __typename: 'ConcernEdge', cursor: string, node: { __typename: 'Concern', id: string, status: ConcernStatus, reasons: Array<ConcernReason>, raisedAt: string, lastRaisedAt: string, raisedCount: number, acknowledgedAt: string | null, resolvedAt: string | null, action: ConcernAction | null, note: string | null, acknowledgedBy: { __typename: 'StaffUser', id: string, name: string } | null, resolvedBy: { __typename: 'StaffUser', id: string, name: string } | null, texts: { __typename: 'SmsMessageConnection', edges: Array<{ __typename: 'SmsMessageEdge', node: { __typename: 'SmsMessage', id: string, body: string | null, at: string } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean } }, referral: { __typename: 'Referral', id: string, concernOpen: boolean, concernRaisedAt: string | null, patient: { __typename: 'Patient', id: string, name: string | null } } } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } };

export type ReferralConcernsQueryVariables = Exact<{
  id: string | number;
}>;


export type ReferralConcernsQuery = { __typename: 'Query', referral: { __typename: 'Referral', id: string, openConcern: { __typename: 'Concern', id: string } | null, concerns: { __typename: 'ConcernConnection', edges: Array<{ __typename: 'ConcernEdge', node: { __typename: 'Concern', id: string, status: ConcernStatus, reasons: Array<ConcernReason>, raisedAt: string, lastRaisedAt: string, raisedCount: number, acknowledgedAt: string | null, resolvedAt: string | null, action: ConcernAction | null, note: string | null, acknowledgedBy: { __typename: 'StaffUser', id: string, name: string } | null, resolvedBy: { __typename: 'StaffUser', id: string, name: string } | null, texts: { __typename: 'SmsMessageConnection', edges: Array<{ __typename: 'SmsMessageEdge', node: { __typename: 'SmsMessage', id: string, body: string | null, at: string } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean } }, referral: { __typename: 'Referral', id: string, concernOpen: boolean, concernRaisedAt: string | null, patient: { __typename: 'Patient', id: string, name: string | null } } } }> } } | null };

export type AcknowledgeConcernMutationVariables = Exact<{
  concernId: string | number;
}>;


export type AcknowledgeConcernMutation = { __typename: 'Mutation', acknowledgeConcern: { __typename: 'Concern', id: string, status: ConcernStatus, reasons: Array<ConcernReason>, raisedAt: string, lastRaisedAt: string, raisedCount: number, acknowledgedAt: string | null, resolvedAt: string | null, action: ConcernAction | null, note: string | null, acknowledgedBy: { __typename: 'StaffUser', id: string, name: string } | null, resolvedBy: { __typename: 'StaffUser', id: string, name: string } | null, texts: { __typename: 'SmsMessageConnection', edges: Array<{ __typename: 'SmsMessageEdge', node: { __typename: 'SmsMessage', id: string, body: string | null, at: string } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean } }, referral: { __typename: 'Referral', id: string, concernOpen: boolean, concernRaisedAt: string | null, patient: { __typename: 'Patient', id: string, name: string | null } } } };

export type ResolveConcernMutationVariables = Exact<{
  input: ResolveConcernInput;
}>;


export type ResolveConcernMutation = { __typename: 'Mutation', resolveConcern: { __typename: 'Concern', id: string, status: ConcernStatus, reasons: Array<ConcernReason>, raisedAt: string, lastRaisedAt: string, raisedCount: number, acknowledgedAt: string | null, resolvedAt: string | null, action: ConcernAction | null, note: string | null, acknowledgedBy: { __typename: 'StaffUser', id: string, name: string } | null, resolvedBy: { __typename: 'StaffUser', id: string, name: string } | null, texts: { __typename: 'SmsMessageConnection', edges: Array<{ __typename: 'SmsMessageEdge', node: { __typename: 'SmsMessage', id: string, body: string | null, at: string } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean } }, referral: { __typename: 'Referral', id: string, concernOpen: boolean, concernRaisedAt: string | null, patient: { __typename: 'Patient', id: string, name: string | null } } } };

export type InboxItemFragment = { __typename: 'InboxMessage', id: string, reason: InboxReason, body: string | null, receivedAt: string, handled: boolean, handledAt: string | null, handledBy: { __typename: 'StaffUser', id: string, name: string } | null, patient: { __typename: 'Patient', id: string, name: string | null }, referral: { __typename: 'Referral', id: string } | null };

export type InboxQueryVariables = Exact<{
  linkWorkerId?: string | number | null | undefined;
  unassignedPcnId?: string | number | null | undefined;
  handled?: boolean | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type InboxQuery = { __typename: 'Query', inbox: { __typename: 'InboxMessageConnection', edges: Array<{ __typename: 'InboxMessageEdge', cursor: string, node: { __typename: 'InboxMessage', id: string, reason: InboxReason, body: string | null, receivedAt: string, handled: boolean, handledAt: string | null, handledBy: { __typename: 'StaffUser', id: string, name: string } | null, patient: { __typename: 'Patient', id: string, name: string | null }, referral: { __typename: 'Referral', id: string } | null } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } };

export type MarkInboxMessageHandledMutationVariables = Exact<{
  inboxMessageId: string | number;
}>;


export type MarkInboxMessageHandledMutation = { __typename: 'Mutation', markInboxMessageHandled: { __typename: 'InboxMessage', id: string, reason: InboxReason, body: string | null, receivedAt: string, handled: boolean, handledAt: string | null, handledBy: { __typename: 'StaffUser', id: string, name: string } | null, patient: { __typename: 'Patient', id: string, name: string | null }, referral: { __typename: 'Referral', id: string } | null } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { __typename: 'Query', me: { __typename: 'StaffUser', id: string, name: string, role: Role, email: string, contactRoute: string | null, organisation: { __typename: 'Organisation', id: string, kind: OrganisationKind, name: string, odsCode: string | null } | null } };

export type PeriodFragment = { __typename: 'OutcomePeriod', id: string, kind: OutcomePeriodKind, from: string, to: string, months: Array<string>, releasedAt: string };

export type ReleasedOutcomePeriodsQueryVariables = Exact<{
  kind: OutcomePeriodKind;
  last?: number | null | undefined;
}>;


export type ReleasedOutcomePeriodsQuery = { __typename: 'Query', releasedOutcomePeriods: Array<{ __typename: 'OutcomePeriod', id: string, kind: OutcomePeriodKind, from: string, to: string, months: Array<string>, releasedAt: string }> };

export type CountFragment = { __typename: 'ControlledCount', value: number | null, suppressed: boolean };

export type FigureFragment = { __typename: 'ControlledNumber', value: number | null, suppressed: boolean };

export type OutcomeRowFiguresFragment = { __typename: 'OutcomeRow', dimension: OutcomeDimension, group: string, label: string | null, referralsReceived: { __typename: 'ControlledCount', value: number | null, suppressed: boolean }, referralsAccepted: { __typename: 'ControlledCount', value: number | null, suppressed: boolean }, referralsDeclined: { __typename: 'ControlledCount', value: number | null, suppressed: boolean }, peopleEngaged: { __typename: 'ControlledCount', value: number | null, suppressed: boolean }, checkInsSent: { __typename: 'ControlledCount', value: number | null, suppressed: boolean }, checkInsAnswered: { __typename: 'ControlledCount', value: number | null, suppressed: boolean }, checkInResponseRate: { __typename: 'ControlledNumber', value: number | null, suppressed: boolean }, optOuts: { __typename: 'ControlledCount', value: number | null, suppressed: boolean }, concernsRaised: { __typename: 'ControlledCount', value: number | null, suppressed: boolean }, instruments: Array<{ __typename: 'InstrumentItemFigures', key: string, instrument: string, item: string, higherIsBetter: boolean, baseline: { __typename: 'MeasureFigures', people: { __typename: 'ControlledCount', value: number | null, suppressed: boolean }, mean: { __typename: 'ControlledNumber', value: number | null, suppressed: boolean } }, waves: Array<{ __typename: 'WaveFigures', wave: FollowUpWave, paired: { __typename: 'PairedFigures', people: { __typename: 'ControlledCount', value: number | null, suppressed: boolean }, meanChange: { __typename: 'ControlledNumber', value: number | null, suppressed: boolean }, meanChangeCi: { __typename: 'ControlledInterval', lower: number | null, upper: number | null, suppressed: boolean } } }> }> };

export type OutcomeSummaryQueryVariables = Exact<{
  input: OutcomeSummaryInput;
}>;


export type OutcomeSummaryQuery = { __typename: 'Query', outcomeSummary: { __typename: 'OutcomeSummary', disclosureControl: DisclosureControl, scope: { __typename: 'OutcomeScope', kind: OutcomeScopeKind, id: string, name: string | null }, period: { __typename: 'OutcomePeriod', id: string, kind: OutcomePeriodKind, from: string, to: string, months: Array<string>, releasedAt: string }, total: { __typename: 'OutcomeRow', dimension: OutcomeDimension, group: string, label: string | null, referralsReceived: { __typename: 'ControlledCount', value: number | null, suppressed: boolean }, referralsAccepted: { __typename: 'ControlledCount', value: number | null, suppressed: boolean }, referralsDeclined: { __typename: 'ControlledCount', value: number | null, suppressed: boolean }, peopleEngaged: { __typename: 'ControlledCount', value: number | null, suppressed: boolean }, checkInsSent: { __typename: 'ControlledCount', value: number | null, suppressed: boolean }, checkInsAnswered: { __typename: 'ControlledCount', value: number | null, suppressed: boolean }, checkInResponseRate: { __typename: 'ControlledNumber', value: number | null, suppressed: boolean }, optOuts: { __typename: 'ControlledCount', value: number | null, suppressed: boolean }, concernsRaised: { __typename: 'ControlledCount', value: number | null, suppressed: boolean }, instruments: Array<{ __typename: 'InstrumentItemFigures', key: string, instrument: string, item: string, higherIsBetter: boolean, baseline: { __typename: 'MeasureFigures', people: { __typename: 'ControlledCount', value: number | null, suppressed: boolean }, mean: { __typename: 'ControlledNumber', value: number | null, suppressed: boolean } }, waves: Array<{ __typename: 'WaveFigures', wave: FollowUpWave, paired: { __typename: 'PairedFigures', people: { __typename: 'ControlledCount', value: number | null, suppressed: boolean }, meanChange: { __typename: 'ControlledNumber', value: number | null, suppressed: boolean }, meanChangeCi: { __typename: 'ControlledInterval', lower: number | null, upper: number | null, suppressed: boolean } } }> }> }, groups: Array<{ __typename: 'OutcomeRow', dimension: OutcomeDimension, group: string, label: string | null, referralsReceived: { __typename: 'ControlledCount', value: number | null, suppressed: boolean }, referralsAccepted: { __typename: 'ControlledCount', value: number | null, suppressed: boolean }, referralsDeclined: { __typename: 'ControlledCount', value: number | null, suppressed: boolean }, peopleEngaged: { __typename: 'ControlledCount', value: number | null, suppressed: boolean }, checkInsSent: { __typename: 'ControlledCount', value: number | null, suppressed: boolean }, checkInsAnswered: { __typename: 'ControlledCount', value: number | null, suppressed: boolean }, checkInResponseRate: { __typename: 'ControlledNumber', value: number | null, suppressed: boolean }, optOuts: { __typename: 'ControlledCount', value: number | null, suppressed: boolean }, concernsRaised: { __typename: 'ControlledCount', value: number | null, suppressed: boolean }, instruments: Array<{ __typename: 'InstrumentItemFigures', key: string, instrument: string, item: string, higherIsBetter: boolean, baseline: { __typename: 'MeasureFigures', people: { __typename: 'ControlledCount', value: number | null, suppressed: boolean }, mean: { __typename: 'ControlledNumber', value: number | null, suppressed: boolean } }, waves: Array<{ __typename: 'WaveFigures', wave: FollowUpWave, paired: { __typename: 'PairedFigures', people: { __typename: 'ControlledCount', value: number | null, suppressed: boolean }, meanChange: { __typename: 'ControlledNumber', value: number | null, suppressed: boolean }, meanChangeCi: { __typename: 'ControlledInterval', lower: number | null, upper: number | null, suppressed: boolean } } }> }> }> } };

export type OutcomeSummaryCsvQueryVariables = Exact<{
  input: OutcomeSummaryInput;
}>;


export type OutcomeSummaryCsvQuery = { __typename: 'Query', outcomeSummaryCsv: string };

export type ReferralActivityQueryVariables = Exact<{
  input: ReferralActivityInput;
}>;


export type ReferralActivityQuery = { __typename: 'Query', referralActivity: { __typename: 'ReferralActivity', acceptedCode: string, declinedCode: string, scope: { __typename: 'OutcomeScope', kind: OutcomeScopeKind, id: string, name: string | null }, period: { __typename: 'OutcomePeriod', id: string, kind: OutcomePeriodKind, from: string, to: string, months: Array<string>, releasedAt: string }, rows: Array<{ __typename: 'PracticeReferralActivity', practiceId: string, practiceName: string | null, month: string, accepted: { __typename: 'ControlledCount', value: number | null, suppressed: boolean }, declined: { __typename: 'ControlledCount', value: number | null, suppressed: boolean } }> } };

export type CreateReferralMutationVariables = Exact<{
  input: CreateReferralInput;
}>;


export type CreateReferralMutation = { __typename: 'Mutation', createReferral: { __typename: 'CreateReferralPayload', patientCreated: boolean, referral: { __typename: 'Referral', id: string, status: ReferralStatus, caseState: CaseState, allowedTransitions: Array<ReferralStatus>, source: ReferralSource, needs: Array<Need>, note: string | null, receivedAt: string, closedAt: string | null, lastContactAt: string | null, nextCheckInAt: string | null, concernOpen: boolean, concernRaisedAt: string | null, snomedCodes: Array<string>, version: number, updatedAt: string, patient: { __typename: 'Patient', id: string, name: string | null, nhsNumber: string | null, dateOfBirth: string | null, sex: Sex | null, mobile: string | null, smsConsent: SmsConsent, accessibilityNeeds: string | null }, practice: { __typename: 'Organisation', id: string, name: string } | null, linkWorker: { __typename: 'StaffUser', id: string, name: string } | null, latestOutcomes: Array<{ __typename: 'OutcomeAnswer', key: string, instrument: string, item: string, value: string, score: number | null, measuredAt: string }> } } };

export type AssignReferralMutationVariables = Exact<{
  input: AssignReferralInput;
}>;


export type AssignReferralMutation = { __typename: 'Mutation', assignReferral: { __typename: 'Referral', id: string, status: ReferralStatus, caseState: CaseState, allowedTransitions: Array<ReferralStatus>, source: ReferralSource, needs: Array<Need>, note: string | null, receivedAt: string, closedAt: string | null, lastContactAt: string | null, nextCheckInAt: string | null, concernOpen: boolean, concernRaisedAt: string | null, snomedCodes: Array<string>, version: number, updatedAt: string, patient: { __typename: 'Patient', id: string, name: string | null, nhsNumber: string | null, dateOfBirth: string | null, sex: Sex | null, mobile: string | null, smsConsent: SmsConsent, accessibilityNeeds: string | null }, practice: { __typename: 'Organisation', id: string, name: string } | null, linkWorker: { __typename: 'StaffUser', id: string, name: string } | null, latestOutcomes: Array<{ __typename: 'OutcomeAnswer', key: string, instrument: string, item: string, value: string, score: number | null, measuredAt: string }> } };

export type TransitionReferralMutationVariables = Exact<{
  input: TransitionReferralInput;
}>;


export type TransitionReferralMutation = { __typename: 'Mutation', transitionReferral: { __typename: 'Referral', id: string, status: ReferralStatus, caseState: CaseState, allowedTransitions: Array<ReferralStatus>, source: ReferralSource, needs: Array<Need>, note: string | null, receivedAt: string, closedAt: string | null, lastContactAt: string | null, nextCheckInAt: string | null, concernOpen: boolean, concernRaisedAt: string | null, snomedCodes: Array<string>, version: number, updatedAt: string, patient: { __typename: 'Patient', id: string, name: string | null, nhsNumber: string | null, dateOfBirth: string | null, sex: Sex | null, mobile: string | null, smsConsent: SmsConsent, accessibilityNeeds: string | null }, practice: { __typename: 'Organisation', id: string, name: string } | null, linkWorker: { __typename: 'StaffUser', id: string, name: string } | null, latestOutcomes: Array<{ __typename: 'OutcomeAnswer', key: string, instrument: string, item: string, value: string, score: number | null, measuredAt: string }> } };

export type RecordWhatMattersMutationVariables = Exact<{
  input: RecordWhatMattersInput;
}>;


export type RecordWhatMattersMutation = { __typename: 'Mutation', recordWhatMatters: { __typename: 'Referral', id: string, version: number, whatMatters: { __typename: 'WhatMattersNoteConnection', edges: Array<{ __typename: 'WhatMattersNoteEdge', node: { __typename: 'WhatMattersNote', id: string, text: string | null, recordedAt: string } }> }, goals: { __typename: 'GoalConnection', edges: Array<{ __typename: 'GoalEdge', node: { __typename: 'Goal', id: string, description: string | null, status: GoalStatus, updatedAt: string } }> } } };

export type RecordOutcomeMutationVariables = Exact<{
  input: RecordOutcomeInput;
}>;


export type RecordOutcomeMutation = { __typename: 'Mutation', recordOutcome: { __typename: 'Referral', id: string, version: number, latestOutcomes: Array<{ __typename: 'OutcomeAnswer', key: string, value: string, score: number | null, measuredAt: string }> } };

export type SetSmsConsentMutationVariables = Exact<{
  input: SetSmsConsentInput;
}>;


export type SetSmsConsentMutation = { __typename: 'Mutation', setSmsConsent: { __typename: 'Patient', id: string, smsConsent: SmsConsent, smsConsentChangedAt: string | null } };

export type UpdatePatientContactMutationVariables = Exact<{
  input: UpdatePatientContactInput;
}>;


export type UpdatePatientContactMutation = { __typename: 'Mutation', updatePatientContact: { __typename: 'Patient', id: string, name: string | null, preferredName: string | null, mobile: string | null, smsConsent: SmsConsent, accessibilityNeeds: string | null } };

export type ReferralHeaderFragment = { __typename: 'Referral', id: string, status: ReferralStatus, caseState: CaseState, allowedTransitions: Array<ReferralStatus>, source: ReferralSource, needs: Array<Need>, note: string | null, receivedAt: string, closedAt: string | null, lastContactAt: string | null, nextCheckInAt: string | null, concernOpen: boolean, concernRaisedAt: string | null, snomedCodes: Array<string>, version: number, updatedAt: string, patient: { __typename: 'Patient', id: string, name: string | null, nhsNumber: string | null, dateOfBirth: string | null, sex: Sex | null, mobile: string | null, smsConsent: SmsConsent, accessibilityNeeds: string | null }, practice: { __typename: 'Organisation', id: string, name: string } | null, linkWorker: { __typename: 'StaffUser', id: string, name: string } | null, latestOutcomes: Array<{ __typename: 'OutcomeAnswer', key: string, instrument: string, item: string, value: string, score: number | null, measuredAt: string }> };

export type ReferralDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type ReferralDetailQuery = { __typename: 'Query', referral: { __typename: 'Referral', id: string, status: ReferralStatus, caseState: CaseState, allowedTransitions: Array<ReferralStatus>, source: ReferralSource, needs: Array<Need>, note: string | null, receivedAt: string, closedAt: string | null, lastContactAt: string | null, nextCheckInAt: string | null, concernOpen: boolean, concernRaisedAt: string | null, snomedCodes: Array<string>, version: number, updatedAt: string, whatMatters: { __typename: 'WhatMattersNoteConnection', edges: Array<{ __typename: 'WhatMattersNoteEdge', node: { __typename: 'WhatMattersNote', id: string, text: string | null, recordedAt: string, recordedBy: { __typename: 'StaffUser', id: string, name: string } | null } }> }, goals: { __typename: 'GoalConnection', edges: Array<{ __typename: 'GoalEdge', node: { __typename: 'Goal', id: string, description: string | null, status: GoalStatus, updatedAt: string } }> }, activeActivities: { __typename: 'ActivityConnection', edges: Array<{ __typename: 'ActivityEdge', node: { __typename: 'Activity', id: string, name: string, category: ActivityCategory, scheduleText: string, venue: { __typename: 'Venue', name: string } } }> }, events: { __typename: 'ReferralEventConnection', edges: Array<{ __typename: 'ReferralEventEdge', node: { __typename: 'ReferralEvent', id: string, kind: ReferralEventKind, at: string, fromStatus: ReferralStatus | null, toStatus: ReferralStatus | null, reason: string | null, actor: { __typename: 'StaffUser', id: string, name: string } | null, toLinkWorker: { __typename: 'StaffUser', id: string, name: string } | null } }> }, patient: { __typename: 'Patient', id: string, name: string | null, nhsNumber: string | null, dateOfBirth: string | null, sex: Sex | null, mobile: string | null, smsConsent: SmsConsent, accessibilityNeeds: string | null }, practice: { __typename: 'Organisation', id: string, name: string } | null, linkWorker: { __typename: 'StaffUser', id: string, name: string } | null, latestOutcomes: Array<{ __typename: 'OutcomeAnswer', key: string, instrument: string, item: string, value: string, score: number | null, measuredAt: string }> } | null };

export type ReferralThreadQueryVariables = Exact<{
  id: string | number;
  checkIns?: number | null | undefined;
  messages?: number | null | undefined;
}>;


export type ReferralThreadQuery = { __typename: 'Query', referral: { __typename: 'Referral', id: string, nextCheckIn: { __typename: 'CheckIn', id: string, wave: CheckInWave, status: CheckInStatus, dueAt: string | null } | null, checkIns: { __typename: 'CheckInConnection', edges: Array<{ __typename: 'CheckInEdge', node: { __typename: 'CheckIn', id: string, wave: CheckInWave, status: CheckInStatus, scheduledFor: string, dueAt: string | null, closedAt: string | null, closeReason: string | null, needsReview: boolean, questions: Array<string>, messages: { __typename: 'SmsMessageConnection', edges: Array<{ __typename: 'SmsMessageEdge', node: { __typename: 'SmsMessage', id: string, direction: SmsDirection, kind: SmsMessageKind, body: string | null, at: string, questionIndex: number | null } }> } } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } } | null };

export type ReferralOutcomesQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ReferralOutcomesQuery = { __typename: 'Query', referral: { __typename: 'Referral', id: string, outcomes: { __typename: 'OutcomeMeasurementConnection', edges: Array<{ __typename: 'OutcomeMeasurementEdge', node: { __typename: 'OutcomeMeasurement', id: string, key: string, instrument: string, item: string, value: number, option: string | null, band: string | null, wave: CheckInWave, source: OutcomeSource, measuredAt: string } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } } | null };

export const CaseloadRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CaseloadRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Referral"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"caseState"}},{"kind":"Field","name":{"kind":"Name","value":"needs"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastContactAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextCheckInAt"}},{"kind":"Field","name":{"kind":"Name","value":"concernOpen"}},{"kind":"Field","name":{"kind":"Name","value":"concernRaisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"patient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"smsConsent"}}]}},{"kind":"Field","name":{"kind":"Name","value":"practice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"linkWorker"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"latestOutcomes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"measuredAt"}}]}}]}}]} as unknown as DocumentNode<CaseloadRowFragment, unknown>;
export const ConcernCardFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConcernCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Concern"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"raisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastRaisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"raisedCount"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"texts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"referral"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"concernOpen"}},{"kind":"Field","name":{"kind":"Name","value":"concernRaisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"patient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ConcernCardFragment, unknown>;
export const InboxItemFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InboxItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InboxMessage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"handled"}},{"kind":"Field","name":{"kind":"Name","value":"handledAt"}},{"kind":"Field","name":{"kind":"Name","value":"handledBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"patient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"referral"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<InboxItemFragment, unknown>;
export const PeriodFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Period"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OutcomePeriod"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"months"}},{"kind":"Field","name":{"kind":"Name","value":"releasedAt"}}]}}]} as unknown as DocumentNode<PeriodFragment, unknown>;
export const CountFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Count"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ControlledCount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]} as unknown as DocumentNode<CountFragment, unknown>;
export const FigureFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Figure"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ControlledNumber"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]} as unknown as DocumentNode<FigureFragment, unknown>;
export const OutcomeRowFiguresFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OutcomeRowFigures"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OutcomeRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"dimension"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"referralsReceived"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"referralsAccepted"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"referralsDeclined"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"peopleEngaged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"checkInsSent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"checkInsAnswered"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"checkInResponseRate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Figure"}}]}},{"kind":"Field","name":{"kind":"Name","value":"optOuts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"concernsRaised"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instruments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"instrument"}},{"kind":"Field","name":{"kind":"Name","value":"item"}},{"kind":"Field","name":{"kind":"Name","value":"higherIsBetter"}},{"kind":"Field","name":{"kind":"Name","value":"baseline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"people"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mean"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Figure"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"waves"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"wave"}},{"kind":"Field","name":{"kind":"Name","value":"paired"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"people"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"meanChange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Figure"}}]}},{"kind":"Field","name":{"kind":"Name","value":"meanChangeCi"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Count"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ControlledCount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Figure"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ControlledNumber"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]} as unknown as DocumentNode<OutcomeRowFiguresFragment, unknown>;
export const ReferralHeaderFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReferralHeader"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Referral"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"caseState"}},{"kind":"Field","name":{"kind":"Name","value":"allowedTransitions"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"needs"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastContactAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextCheckInAt"}},{"kind":"Field","name":{"kind":"Name","value":"concernOpen"}},{"kind":"Field","name":{"kind":"Name","value":"concernRaisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"snomedCodes"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"patient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nhsNumber"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"sex"}},{"kind":"Field","name":{"kind":"Name","value":"mobile"}},{"kind":"Field","name":{"kind":"Name","value":"smsConsent"}},{"kind":"Field","name":{"kind":"Name","value":"accessibilityNeeds"}}]}},{"kind":"Field","name":{"kind":"Name","value":"practice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"linkWorker"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"latestOutcomes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"instrument"}},{"kind":"Field","name":{"kind":"Name","value":"item"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"measuredAt"}}]}}]}}]} as unknown as DocumentNode<ReferralHeaderFragment, unknown>;
export const ActivityDirectoryDocument = {"__meta__":{"hash":"sha256:7c34bed7c0f13c76aea2911f02c6efd2ad6f756e108261ba23102a499c73f4af"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ActivityDirectory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ActivityFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"activities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"scheduleText"}},{"kind":"Field","name":{"kind":"Name","value":"takesDirectReferrals"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"venue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cost"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"details"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ActivityDirectoryQuery, ActivityDirectoryQueryVariables>;
export const PrescribeActivityDocument = {"__meta__":{"hash":"sha256:dc2976cd548f01ca8003ed8f2c08f97bfd44453eb7837767f833b272844111ea"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PrescribeActivity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PrescribeActivityInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"prescribeActivity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"activity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"referral"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<PrescribeActivityMutation, PrescribeActivityMutationVariables>;
export const RecordAttendanceDocument = {"__meta__":{"hash":"sha256:64cccb003dc07e70ed8fa3c2d0fc33bc3225296cee591896a955603bf982d9c8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordAttendance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordAttendanceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"recordAttendance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"firstAttendance"}},{"kind":"Field","name":{"kind":"Name","value":"prescriptionStatus"}},{"kind":"Field","name":{"kind":"Name","value":"attendance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"prescriptionId"}},{"kind":"Field","name":{"kind":"Name","value":"sessionDate"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<RecordAttendanceMutation, RecordAttendanceMutationVariables>;
export const CaseloadPageDocument = {"__meta__":{"hash":"sha256:0f79444bc38e0b90c266a3c24b2ec95c92ce52d1136e6a03c4dc14b064d01dc7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CaseloadPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"linkWorkerId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"unassignedPcnId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseloadFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sort"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseloadSort"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"caseload"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"linkWorkerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"linkWorkerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"unassignedPcnId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unassignedPcnId"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"sort"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sort"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CaseloadRow"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CaseloadRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Referral"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"caseState"}},{"kind":"Field","name":{"kind":"Name","value":"needs"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastContactAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextCheckInAt"}},{"kind":"Field","name":{"kind":"Name","value":"concernOpen"}},{"kind":"Field","name":{"kind":"Name","value":"concernRaisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"patient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"smsConsent"}}]}},{"kind":"Field","name":{"kind":"Name","value":"practice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"linkWorker"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"latestOutcomes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"measuredAt"}}]}}]}}]} as unknown as DocumentNode<CaseloadPageQuery, CaseloadPageQueryVariables>;
export const OpenConcernsDocument = {"__meta__":{"hash":"sha256:6c90915657604573a72d2f0c8fac8f8316ca13ebbf744eb013791e37437576d1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OpenConcerns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"icbId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"openConcerns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"icbId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"icbId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConcernCard"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConcernCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Concern"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"raisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastRaisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"raisedCount"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"texts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"referral"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"concernOpen"}},{"kind":"Field","name":{"kind":"Name","value":"concernRaisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"patient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<OpenConcernsQuery, OpenConcernsQueryVariables>;
export const ReferralConcernsDocument = {"__meta__":{"hash":"sha256:7e9a7e3d9ccd2f52f01e3842a97fc3934e8d7b58a15e1534fe87c2ab8583bd28"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReferralConcerns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"referral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"openConcern"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"concerns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConcernCard"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConcernCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Concern"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"raisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastRaisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"raisedCount"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"texts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"referral"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"concernOpen"}},{"kind":"Field","name":{"kind":"Name","value":"concernRaisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"patient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ReferralConcernsQuery, ReferralConcernsQueryVariables>;
export const AcknowledgeConcernDocument = {"__meta__":{"hash":"sha256:20bb4af30b4ef507d4768f51150ea6c7466292b359520ee8fd7a4e0c29ed6299"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcknowledgeConcern"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"concernId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgeConcern"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"concernId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"concernId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConcernCard"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConcernCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Concern"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"raisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastRaisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"raisedCount"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"texts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"referral"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"concernOpen"}},{"kind":"Field","name":{"kind":"Name","value":"concernRaisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"patient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<AcknowledgeConcernMutation, AcknowledgeConcernMutationVariables>;
export const ResolveConcernDocument = {"__meta__":{"hash":"sha256:3bddc1d0b1497d30a49ef4c1db4aa8d2f73d656326d17b374d8bbf3004bf3abd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResolveConcern"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResolveConcernInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"resolveConcern"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConcernCard"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConcernCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Concern"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"raisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastRaisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"raisedCount"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"texts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"referral"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"concernOpen"}},{"kind":"Field","name":{"kind":"Name","value":"concernRaisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"patient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ResolveConcernMutation, ResolveConcernMutationVariables>;
export const InboxDocument = {"__meta__":{"hash":"sha256:db96a47b1e74429950aedc5e73ea6a6a407b0fac883ead3a99c678eec9b2bfb2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Inbox"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"linkWorkerId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"unassignedPcnId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"handled"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"inbox"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"linkWorkerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"linkWorkerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"unassignedPcnId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unassignedPcnId"}}},{"kind":"Argument","name":{"kind":"Name","value":"handled"},"value":{"kind":"Variable","name":{"kind":"Name","value":"handled"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"InboxItem"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InboxItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InboxMessage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"handled"}},{"kind":"Field","name":{"kind":"Name","value":"handledAt"}},{"kind":"Field","name":{"kind":"Name","value":"handledBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"patient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"referral"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<InboxQuery, InboxQueryVariables>;
export const MarkInboxMessageHandledDocument = {"__meta__":{"hash":"sha256:24cf9f1dad1aab9a31e7aea7c0eee72ab3fc75159fe030d87312159a525e6a18"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MarkInboxMessageHandled"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"inboxMessageId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"markInboxMessageHandled"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"inboxMessageId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"inboxMessageId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"InboxItem"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InboxItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InboxMessage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"handled"}},{"kind":"Field","name":{"kind":"Name","value":"handledAt"}},{"kind":"Field","name":{"kind":"Name","value":"handledBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"patient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"referral"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<MarkInboxMessageHandledMutation, MarkInboxMessageHandledMutationVariables>;
export const MeDocument = {"__meta__":{"hash":"sha256:2ba00e29eb3655a037830150f3ceb2d8b9cf9ee9321e4e1c24b2b25f591d8223"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"contactRoute"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"odsCode"}}]}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const ReleasedOutcomePeriodsDocument = {"__meta__":{"hash":"sha256:7f79290f523fa0bbba774b60ff7f3d975c57b84c81425951ea1749673c0e6df4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReleasedOutcomePeriods"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OutcomePeriodKind"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"releasedOutcomePeriods"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Period"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Period"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OutcomePeriod"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"months"}},{"kind":"Field","name":{"kind":"Name","value":"releasedAt"}}]}}]} as unknown as DocumentNode<ReleasedOutcomePeriodsQuery, ReleasedOutcomePeriodsQueryVariables>;
export const OutcomeSummaryDocument = {"__meta__":{"hash":"sha256:81eb703f9a8e23248b118c979acd0711c9d9e0d743183049c946ca2b4c02895f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OutcomeSummary"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OutcomeSummaryInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"outcomeSummary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"scope"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Period"}}]}},{"kind":"Field","name":{"kind":"Name","value":"disclosureControl"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"OutcomeRowFigures"}}]}},{"kind":"Field","name":{"kind":"Name","value":"groups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"OutcomeRowFigures"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Count"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ControlledCount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Figure"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ControlledNumber"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Period"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OutcomePeriod"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"months"}},{"kind":"Field","name":{"kind":"Name","value":"releasedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OutcomeRowFigures"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OutcomeRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"dimension"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"referralsReceived"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"referralsAccepted"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"referralsDeclined"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"peopleEngaged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"checkInsSent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"checkInsAnswered"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"checkInResponseRate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Figure"}}]}},{"kind":"Field","name":{"kind":"Name","value":"optOuts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"concernsRaised"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instruments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"instrument"}},{"kind":"Field","name":{"kind":"Name","value":"item"}},{"kind":"Field","name":{"kind":"Name","value":"higherIsBetter"}},{"kind":"Field","name":{"kind":"Name","value":"baseline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"people"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mean"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Figure"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"waves"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"wave"}},{"kind":"Field","name":{"kind":"Name","value":"paired"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"people"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"meanChange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Figure"}}]}},{"kind":"Field","name":{"kind":"Name","value":"meanChangeCi"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<OutcomeSummaryQuery, OutcomeSummaryQueryVariables>;
export const OutcomeSummaryCsvDocument = {"__meta__":{"hash":"sha256:91758fc68fedc9351f33beb79e678cc2ca97061b12a93c418bbff7a04d2bb816"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OutcomeSummaryCsv"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OutcomeSummaryInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"outcomeSummaryCsv"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}]}]}}]} as unknown as DocumentNode<OutcomeSummaryCsvQuery, OutcomeSummaryCsvQueryVariables>;
export const ReferralActivityDocument = {"__meta__":{"hash":"sha256:6be641a6f38f7fa0610978eb4ea7d512a1ff52ed4ccc36cab26f0a7cd4d032cc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReferralActivity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReferralActivityInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"referralActivity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"scope"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Period"}}]}},{"kind":"Field","name":{"kind":"Name","value":"acceptedCode"}},{"kind":"Field","name":{"kind":"Name","value":"declinedCode"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"practiceId"}},{"kind":"Field","name":{"kind":"Name","value":"practiceName"}},{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"accepted"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"declined"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Count"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Period"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OutcomePeriod"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"months"}},{"kind":"Field","name":{"kind":"Name","value":"releasedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Count"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ControlledCount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]} as unknown as DocumentNode<ReferralActivityQuery, ReferralActivityQueryVariables>;
export const CreateReferralDocument = {"__meta__":{"hash":"sha256:39f739bf252f0c58eed694f80eedaaff5517d3545776532837ec06a45af4c5a6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateReferralInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"createReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"patientCreated"}},{"kind":"Field","name":{"kind":"Name","value":"referral"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReferralHeader"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReferralHeader"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Referral"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"caseState"}},{"kind":"Field","name":{"kind":"Name","value":"allowedTransitions"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"needs"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastContactAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextCheckInAt"}},{"kind":"Field","name":{"kind":"Name","value":"concernOpen"}},{"kind":"Field","name":{"kind":"Name","value":"concernRaisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"snomedCodes"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"patient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nhsNumber"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"sex"}},{"kind":"Field","name":{"kind":"Name","value":"mobile"}},{"kind":"Field","name":{"kind":"Name","value":"smsConsent"}},{"kind":"Field","name":{"kind":"Name","value":"accessibilityNeeds"}}]}},{"kind":"Field","name":{"kind":"Name","value":"practice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"linkWorker"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"latestOutcomes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"instrument"}},{"kind":"Field","name":{"kind":"Name","value":"item"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"measuredAt"}}]}}]}}]} as unknown as DocumentNode<CreateReferralMutation, CreateReferralMutationVariables>;
export const AssignReferralDocument = {"__meta__":{"hash":"sha256:72c8d08473ae332f3543f74a3afa3dc3ea4dd6baac056f3c3a16cd7577332898"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AssignReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AssignReferralInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"assignReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReferralHeader"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReferralHeader"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Referral"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"caseState"}},{"kind":"Field","name":{"kind":"Name","value":"allowedTransitions"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"needs"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastContactAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextCheckInAt"}},{"kind":"Field","name":{"kind":"Name","value":"concernOpen"}},{"kind":"Field","name":{"kind":"Name","value":"concernRaisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"snomedCodes"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"patient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nhsNumber"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"sex"}},{"kind":"Field","name":{"kind":"Name","value":"mobile"}},{"kind":"Field","name":{"kind":"Name","value":"smsConsent"}},{"kind":"Field","name":{"kind":"Name","value":"accessibilityNeeds"}}]}},{"kind":"Field","name":{"kind":"Name","value":"practice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"linkWorker"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"latestOutcomes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"instrument"}},{"kind":"Field","name":{"kind":"Name","value":"item"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"measuredAt"}}]}}]}}]} as unknown as DocumentNode<AssignReferralMutation, AssignReferralMutationVariables>;
export const TransitionReferralDocument = {"__meta__":{"hash":"sha256:9256372152b2b31de209d88ac1daa435c213a920f8cd54947e80eb6f03d4cbc4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TransitionReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TransitionReferralInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"transitionReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReferralHeader"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReferralHeader"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Referral"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"caseState"}},{"kind":"Field","name":{"kind":"Name","value":"allowedTransitions"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"needs"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastContactAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextCheckInAt"}},{"kind":"Field","name":{"kind":"Name","value":"concernOpen"}},{"kind":"Field","name":{"kind":"Name","value":"concernRaisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"snomedCodes"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"patient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nhsNumber"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"sex"}},{"kind":"Field","name":{"kind":"Name","value":"mobile"}},{"kind":"Field","name":{"kind":"Name","value":"smsConsent"}},{"kind":"Field","name":{"kind":"Name","value":"accessibilityNeeds"}}]}},{"kind":"Field","name":{"kind":"Name","value":"practice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"linkWorker"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"latestOutcomes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"instrument"}},{"kind":"Field","name":{"kind":"Name","value":"item"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"measuredAt"}}]}}]}}]} as unknown as DocumentNode<TransitionReferralMutation, TransitionReferralMutationVariables>;
export const RecordWhatMattersDocument = {"__meta__":{"hash":"sha256:cb4b90a0d7b3a9abb0679aec18bfcba55361e0300bdfe331660b0730f907b3f2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordWhatMatters"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordWhatMattersInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"recordWhatMatters"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"whatMatters"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"goals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<RecordWhatMattersMutation, RecordWhatMattersMutationVariables>;
export const RecordOutcomeDocument = {"__meta__":{"hash":"sha256:9ca83340332faf452f64bcd0234a8c0f72dd2159bb6bb42e517d43a0ebdca94f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordOutcome"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordOutcomeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"recordOutcome"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"latestOutcomes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"measuredAt"}}]}}]}}]}}]} as unknown as DocumentNode<RecordOutcomeMutation, RecordOutcomeMutationVariables>;
export const SetSmsConsentDocument = {"__meta__":{"hash":"sha256:384cc362922693db2ebce144ac7c9a9dc2ba5452919d7d49c67447779d9663a9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetSmsConsent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetSmsConsentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"setSmsConsent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"smsConsent"}},{"kind":"Field","name":{"kind":"Name","value":"smsConsentChangedAt"}}]}}]}}]} as unknown as DocumentNode<SetSmsConsentMutation, SetSmsConsentMutationVariables>;
export const UpdatePatientContactDocument = {"__meta__":{"hash":"sha256:a0ac7c32c71f822cfc1c7771b4342eb47bc0ec7563180cdc0bb689aa9b147249"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdatePatientContact"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdatePatientContactInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"updatePatientContact"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"preferredName"}},{"kind":"Field","name":{"kind":"Name","value":"mobile"}},{"kind":"Field","name":{"kind":"Name","value":"smsConsent"}},{"kind":"Field","name":{"kind":"Name","value":"accessibilityNeeds"}}]}}]}}]} as unknown as DocumentNode<UpdatePatientContactMutation, UpdatePatientContactMutationVariables>;
export const ReferralDetailDocument = {"__meta__":{"hash":"sha256:668939cfb817d991f96c33c4182ca47d98c1980af14ad864f211e2048c0a13d5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReferralDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"referral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReferralHeader"}},{"kind":"Field","name":{"kind":"Name","value":"whatMatters"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"recordedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"goals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"activeActivities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"scheduleText"}},{"kind":"Field","name":{"kind":"Name","value":"venue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"events"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"fromStatus"}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"toLinkWorker"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReferralHeader"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Referral"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"caseState"}},{"kind":"Field","name":{"kind":"Name","value":"allowedTransitions"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"needs"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastContactAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextCheckInAt"}},{"kind":"Field","name":{"kind":"Name","value":"concernOpen"}},{"kind":"Field","name":{"kind":"Name","value":"concernRaisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"snomedCodes"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"patient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nhsNumber"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"sex"}},{"kind":"Field","name":{"kind":"Name","value":"mobile"}},{"kind":"Field","name":{"kind":"Name","value":"smsConsent"}},{"kind":"Field","name":{"kind":"Name","value":"accessibilityNeeds"}}]}},{"kind":"Field","name":{"kind":"Name","value":"practice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"linkWorker"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"latestOutcomes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"instrument"}},{"kind":"Field","name":{"kind":"Name","value":"item"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"measuredAt"}}]}}]}}]} as unknown as DocumentNode<ReferralDetailQuery, ReferralDetailQueryVariables>;
export const ReferralThreadDocument = {"__meta__":{"hash":"sha256:5ecf0ded81084e557a3d49166afc63a8b3a607bd60f205cc8db16dabd5a91e73"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReferralThread"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"checkIns"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"messages"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"referral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nextCheckIn"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"wave"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"checkIns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"checkIns"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"wave"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledFor"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closeReason"}},{"kind":"Field","name":{"kind":"Name","value":"needsReview"}},{"kind":"Field","name":{"kind":"Name","value":"questions"}},{"kind":"Field","name":{"kind":"Name","value":"messages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"messages"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"questionIndex"}}]}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ReferralThreadQuery, ReferralThreadQueryVariables>;
export const ReferralOutcomesDocument = {"__meta__":{"hash":"sha256:d90edaec39cf1750796a657f8b5c9671e31bdd962544e4382007140ce9c74dfa"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReferralOutcomes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"100"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"referral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"outcomes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"instrument"}},{"kind":"Field","name":{"kind":"Name","value":"item"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"option"}},{"kind":"Field","name":{"kind":"Name","value":"band"}},{"kind":"Field","name":{"kind":"Name","value":"wave"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"measuredAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ReferralOutcomesQuery, ReferralOutcomesQueryVariables>;