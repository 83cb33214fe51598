import { DynamoDbIdentityRepository } from '../../functions/identity/adapters/dynamodb-identity-repository';
import type { Organisation, OrganisationKind } from '../../functions/identity/entities/organisation';
import type { Role, StaffUser } from '../../functions/identity/entities/staff-user';
import { registerOrganisation } from '../../functions/identity/use-cases/register-organisation';
import { registerStaffUser } from '../../functions/identity/use-cases/register-staff-user';
import { createIdGenerator } from '../../functions/shared/ids';
import { fictionalNhsNumber } from '../../functions/shared/nhs-number';
import { dramaMobile } from '../../functions/shared/phone';
import { createHarness, type GraphQLResponse, type Harness } from '../integration/graphql/harness';
import { type Texting, texting } from '../integration/graphql/sms-support';
import { Probe } from './probe';

/*
 * One seeded world for the security tests: two ICBs, three PCNs, a patient on a link worker's caseload in each, with
 * every kind of record a patient has (note, reasons, what-matters notes, goals, a prescription, a check-in), every
 * identifying value a distinctive marker a test can look for in a raw response or a raw table item.
 *
 *   ICB A ─ PCN A ─ practices A1, A2   link workers Lena (owner of the `home` records) and Otto; coordinator; provider A
 *         └ PCN B ─ practices B1, B2   link workers Hilda (owner of the `otherPcn` records) and Bea;     provider B
 *   ICB X ─ PCN X ─ practices X1, X2   link workers Xena (owner of the `otherIcb` records) and Xavier;   provider X
 */

/** Where a record lives, seen from the callers (who all belong to PCN A or ICB A, or are national). */
export type ScopeName = 'home' | 'otherPcn' | 'otherIcb' | 'missing';
export type PlaceName = Exclude<ScopeName, 'missing'>;
export const SCOPES: readonly ScopeName[] = ['home', 'otherPcn', 'otherIcb', 'missing'];
export const PLACES: readonly PlaceName[] = ['home', 'otherPcn', 'otherIcb'];

/**
 * Who calls. `lw` is the link worker whose caseload the home records are on, `lw2` another link worker of the same
 * PCN; `icbAdmin` administers ICB A, `natAdmin` is a national administrator; `inactive` is a deactivated link worker
 * of PCN A.
 */
export type CallerName = 'lw' | 'lw2' | 'coord' | 'icbAdmin' | 'natAdmin' | 'commissioner' | 'provider' | 'inactive';
export const CALLERS: readonly CallerName[] = [
  'lw',
  'lw2',
  'coord',
  'icbAdmin',
  'natAdmin',
  'commissioner',
  'provider',
  'inactive',
];

export interface Place {
  icb: Organisation;
  pcn: Organisation;
  practice: Organisation;
  /** A second practice of the same PCN, for moves. */
  nextPractice: Organisation;
  provider: Organisation;
  /** The link worker whose caseload this place's records are on. */
  owner: StaffUser;
  /** Another active link worker of the same PCN, for assignments. */
  colleague: StaffUser;
  /** An activity of this PCN's directory, run by this place's provider. */
  activityId: string;
}

/** Values that identify a patient (Patient fields) and texts written about them, as they appear in responses. */
export interface Markers {
  identifying: string[];
  texts: string[];
}

export interface SeededPatient {
  label: string;
  place: PlaceName;
  /** The link worker whose caseload the patient's referral is on; empty while it waits in the PCN's queue. */
  linkWorkerId: string;
  patientId: string;
  referralId: string;
  nhsNumber: string;
  /** E.164. */
  mobile: string;
  tag: string;
  markers: Markers;
  prescriptionId?: string;
  checkInId?: string;
  /** The concern a worrying text raised (fixture need `worried`). */
  concernId?: string;
  /** The inbox text that worrying text left for the link worker (fixture need `worried`). */
  inboxMessageId?: string;
}

/** What a fresh fixture needs beyond a patient with a RECEIVED referral. */
export interface FixtureNeeds {
  /** The referral waits in the PCN's queue of unassigned referrals instead. */
  unassigned?: boolean;
  /** CONTACTED (with a reason) then ACCEPTED. */
  accepted?: boolean;
  /** Accepted, and the place's activity prescribed (which schedules a BASELINE check-in). */
  prescribed?: boolean;
  /** A what-matters note and a goal. */
  whatMatters?: boolean;
  /** An AD_HOC check-in, WAITING. */
  checkIn?: boolean;
  /**
   * A worrying text from the patient's mobile through the inbound SMS handler: an OPEN concern on the referral and the
   * text in the link worker's inbox (its words a marker).
   */
  worried?: boolean;
}

/** The identifying values of a new patient, all distinctive: `Qzgivenp0007`, a 999 NHS number, a drama mobile. */
export function newPatientDetails(n: number) {
  const tag = `p${String(n).padStart(4, '0')}`;
  const born = new Date(Date.UTC(1930, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
  const mobile = dramaMobile(n % 1000);
  const input = {
    nhsNumber: fictionalNhsNumber(500_000 + n),
    givenName: `Qzgiven${tag}`,
    familyName: `Qzfamily${tag}`,
    preferredName: `Qzpreferred${tag}`,
    dateOfBirth: born,
    sex: 'FEMALE',
    mobile,
    smsConsent: 'GIVEN',
    accessibilityNeeds: `Qzaccess${tag}`,
  };
  const identifying = [
    input.nhsNumber,
    input.givenName,
    input.familyName,
    input.preferredName,
    born,
    mobile.slice(-10),
    input.accessibilityNeeds,
  ];
  return { tag, input, identifying };
}

// biome-ignore lint/suspicious/noExplicitAny: response JSON of the seeding operations below, read field by field
type SeedData = Record<string, any>;

const CREATE_REFERRAL = `mutation Seed($input: CreateReferralInput!) {
  createReferral(input: $input) { referral { id patient { id } } }
}`;
const TRANSITION = `mutation Seed($input: TransitionReferralInput!) { transitionReferral(input: $input) { id } }`;
const WHAT_MATTERS = `mutation Seed($input: RecordWhatMattersInput!) { recordWhatMatters(input: $input) { id } }`;
const PRESCRIBE = `mutation Seed($input: PrescribeActivityInput!) { prescribeActivity(input: $input) { id } }`;
const SCHEDULE = `mutation Seed($input: ScheduleCheckInInput!) { scheduleCheckIn(input: $input) { id } }`;
const CREATE_ACTIVITY = `mutation Seed($input: CreateActivityInput!) { createActivity(input: $input) { id } }`;

/** A valid activity for `pcnId`, run by `providerId`. */
export function activityInput(pcnId: string, providerId: string, name = 'Riverside Health Walk') {
  return {
    pcnId,
    providerOrganisationId: providerId,
    name,
    description: 'A gentle 45-minute walk, finishing with tea.',
    category: 'PHYSICAL_ACTIVITY',
    venueName: 'Riverside Park Cafe',
    venueAddress: '1 River Lane, Leeds',
    postcode: 'LS1 4AP',
    scheduleText: 'Tuesdays 10:00-11:00',
    contact: { email: 'walks@example.org' },
    cost: { kind: 'FREE' },
    takesDirectReferrals: true,
  };
}

export class World {
  readonly patients: SeededPatient[] = [];
  /** A well-formed id that names nothing. */
  readonly missingId = createIdGenerator()();
  private seeds = 0;
  private texting: Texting | undefined;

  private constructor(
    readonly h: Harness,
    readonly probe: Probe,
    readonly places: Record<PlaceName, Place>,
    readonly callers: Record<CallerName, StaffUser>,
    readonly base: Record<PlaceName, SeededPatient>,
  ) {}

  /** Builds the organisations, staff, activities and one fully recorded patient per place. */
  static async build(options: { basePatients?: boolean } = {}): Promise<World> {
    const h = await createHarness();
    const probe = new Probe(h);
    const deps = {
      identity: new DynamoDbIdentityRepository(h.store),
      clock: h.clock,
      newId: createIdGenerator(h.clock),
    };
    const org = (kind: OrganisationKind, name: string, parentId?: string) =>
      registerOrganisation(deps, { kind, name, ...(parentId ? { parentId } : {}) });
    const staff = (role: Role, name: string, organisationId?: string) =>
      registerStaffUser(deps, {
        role,
        name,
        email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.nhs.uk`,
        ...(organisationId ? { organisationId } : {}),
      });

    const { icb, pcn, otherPcn, practice, provider } = h.orgs;
    const practiceA2 = await org('PRACTICE', 'Canal Side Surgery', pcn.organisationId);
    const practiceB1 = await org('PRACTICE', 'Hill Top Surgery', otherPcn.organisationId);
    const practiceB2 = await org('PRACTICE', 'Hill Foot Surgery', otherPcn.organisationId);
    const providerB = await org('PROVIDER', 'Hillside Gardeners', icb.organisationId);
    const icbX = await org('ICB', 'NHS Elsewhere ICB');
    const pcnX = await org('PCN', 'Faraway PCN', icbX.organisationId);
    const practiceX1 = await org('PRACTICE', 'Faraway Surgery', pcnX.organisationId);
    const practiceX2 = await org('PRACTICE', 'Further Surgery', pcnX.organisationId);
    const providerX = await org('PROVIDER', 'Faraway Choir', icbX.organisationId);

    const callers: Record<CallerName, StaffUser> = {
      lw: h.staff.LINK_WORKER,
      lw2: h.staff.otherLinkWorker,
      coord: h.staff.COORDINATOR,
      icbAdmin: h.staff.ADMIN,
      natAdmin: await staff('ADMIN', 'Nadia National'),
      commissioner: h.staff.COMMISSIONER,
      provider: h.staff.PROVIDER,
      inactive: h.staff.inactive,
    };
    const beaB = await staff('LINK_WORKER', 'Bea Hillside', otherPcn.organisationId);
    const xena = await staff('LINK_WORKER', 'Xena Faraway', pcnX.organisationId);
    const xavier = await staff('LINK_WORKER', 'Xavier Faraway', pcnX.organisationId);

    const places = {
      home: {
        icb,
        pcn,
        practice,
        nextPractice: practiceA2,
        provider,
        owner: callers.lw,
        colleague: callers.lw2,
        activityId: '',
      },
      otherPcn: {
        icb,
        pcn: otherPcn,
        practice: practiceB1,
        nextPractice: practiceB2,
        provider: providerB,
        owner: h.staff.otherPcnLinkWorker,
        colleague: beaB,
        activityId: '',
      },
      otherIcb: {
        icb: icbX,
        pcn: pcnX,
        practice: practiceX1,
        nextPractice: practiceX2,
        provider: providerX,
        owner: xena,
        colleague: xavier,
        activityId: '',
      },
    } satisfies Record<PlaceName, Place>;

    const seedAs = async (user: StaffUser, query: string, variables: Record<string, unknown>) =>
      World.expectData(await probe.send(user, query, variables).then((observed) => observed.response));
    for (const name of PLACES) {
      const place = places[name];
      const created = await seedAs(callers.natAdmin, CREATE_ACTIVITY, {
        input: activityInput(place.pcn.organisationId, place.provider.organisationId),
      });
      place.activityId = created.createActivity.id;
    }

    const world = new World(h, probe, places, callers, {} as Record<PlaceName, SeededPatient>);
    if (options.basePatients !== false) {
      for (const name of PLACES) {
        const patient = await world.fresh(name, { prescribed: true, whatMatters: true, checkIn: true });
        patient.label = `${name} patient`;
        world.base[name] = patient;
      }
    }
    return world;
  }

  /** The data of a seeding request, which must have been answered. */
  static expectData(response: GraphQLResponse): SeedData {
    if (response.json.errors || !response.json.data) {
      throw new Error(`seeding failed: ${JSON.stringify(response.json.errors?.map((e) => e.extensions?.code))}`);
    }
    return response.json.data as SeedData;
  }

  /** A new patient on the caseload of `place`'s owner, with what `needs` asks for, every value a marker. */
  async fresh(placeName: PlaceName, needs: FixtureNeeds = {}): Promise<SeededPatient> {
    const place = this.places[placeName];
    const n = this.nextSeed();
    const { tag, input, identifying } = newPatientDetails(n);
    const note = `Qznote${tag}`;
    const as = (query: string, variables: Record<string, unknown>) =>
      this.probe.send(place.owner, query, variables).then((observed) => World.expectData(observed.response));

    const created = await as(CREATE_REFERRAL, {
      input: {
        practiceId: place.practice.organisationId,
        source: 'GP',
        needs: ['LONELINESS_ISOLATION'],
        note,
        ...(needs.unassigned ? {} : { linkWorkerId: place.owner.userId }),
        newPatient: input,
      },
    });
    const referralId = created.createReferral.referral.id;
    const patient: SeededPatient = {
      label: `fresh ${placeName} patient ${tag}`,
      place: placeName,
      linkWorkerId: needs.unassigned ? '' : place.owner.userId,
      patientId: created.createReferral.referral.patient.id,
      referralId,
      nhsNumber: input.nhsNumber,
      mobile: input.mobile,
      tag,
      markers: { identifying, texts: [note] },
    };
    this.patients.push(patient);

    if (needs.accepted || needs.prescribed) {
      const reason = `Qzreason${tag}`;
      patient.markers.texts.push(reason);
      await as(TRANSITION, { input: { referralId, to: 'CONTACTED', reason } });
      await as(TRANSITION, { input: { referralId, to: 'ACCEPTED' } });
    }
    if (needs.whatMatters) {
      const text = `Qzmatters${tag}`;
      const goal = `Qzgoal${tag}`;
      patient.markers.texts.push(text, goal);
      await as(WHAT_MATTERS, { input: { referralId, notes: [text], goals: [{ description: goal }] } });
    }
    if (needs.prescribed) {
      const prescribed = await as(PRESCRIBE, {
        input: { referralId, activityId: place.activityId, startDate: '2026-03-03' },
      });
      patient.prescriptionId = prescribed.prescribeActivity.id;
    }
    if (needs.checkIn) {
      const scheduled = await as(SCHEDULE, {
        input: { referralId, wave: 'AD_HOC', dueAt: '2026-03-10T10:00:00Z' },
      });
      patient.checkInId = scheduled.scheduleCheckIn.id;
    }
    if (needs.worried) await this.worry(patient);
    return patient;
  }

  /** A worrying text from `patient`'s mobile: records the concern and inbox text it leaves on the patient. */
  private async worry(patient: SeededPatient): Promise<void> {
    const words = `I want to end it all Qzworry${patient.tag}`;
    patient.markers.texts.push(words);
    this.texting ??= texting(this.h);
    if ((await this.texting.text(patient.mobile, words)) !== 'concern') throw new Error('seeding: no concern raised');
    const referral = await this.h.linkwork.referrals.deps.referrals.getReferral(patient.referralId);
    const [inboxText] = await this.h.linkwork.checkIns.deps.inbox.listForPatient(patient.patientId);
    patient.concernId = referral?.openConcernIds?.[0];
    patient.inboxMessageId = inboxText?.inboxMessageId;
    if (!patient.concernId || !patient.inboxMessageId) throw new Error('seeding: no concern or inbox text');
  }

  /** A patient of `place` with an OPEN concern and an unhandled inbox text, made once and left as it is. */
  async worried(place: PlaceName): Promise<SeededPatient> {
    const existing = this.patients.find((patient) => patient.place === place && patient.label.startsWith('worried'));
    if (existing) return existing;
    const patient = await this.fresh(place, { worried: true });
    patient.label = `worried ${place} patient`;
    return patient;
  }

  /** A seed for `newPatientDetails` no patient of this world has used. */
  nextSeed(): number {
    this.seeds += 1;
    return this.seeds;
  }

  /** May `caller` see `patient` at all (through a referral, or a registration in their scope)? */
  maySee(caller: CallerName, patient: SeededPatient): boolean {
    switch (caller) {
      case 'lw':
      case 'lw2':
        return (
          patient.linkWorkerId === this.callers[caller].userId ||
          (patient.linkWorkerId === '' && patient.place === 'home')
        );
      case 'coord':
        return patient.place === 'home';
      case 'icbAdmin':
        return patient.place !== 'otherIcb';
      case 'natAdmin':
        return true;
      case 'commissioner':
      case 'provider':
      case 'inactive':
        return false;
    }
  }

  close(): Promise<void> {
    return this.h.close();
  }
}
