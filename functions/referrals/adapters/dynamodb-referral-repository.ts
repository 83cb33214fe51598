import { Service } from 'electrodb';
import { batchGetAll, chunk } from '../../platform/dynamodb/batch-get';
import type { DataStore } from '../../platform/dynamodb/client';
import { queryKeyPage } from '../../platform/dynamodb/key-paging';
import { entityConfig } from '../../platform/dynamodb/service';
import { putAction, transactWrite, updateAction } from '../../platform/dynamodb/transactions';
import { ConflictError, UnreachableCaseError, ValidationError } from '../../shared/errors';
import { claimedMobile, mobileClaimEntity } from '../entities/mobile-claim';
import { nhsNumberClaimEntity } from '../entities/nhs-number-claim';
import { nameBirthKey, type Patient, patientEntity, patientLookupKeys } from '../entities/patient';
import { type Referral, referralEntity } from '../entities/referral';
import { type ReferralEvent, referralEventEntity } from '../entities/referral-event';
import { goalEntity, type WhatMattersNote, whatMattersEntity } from '../entities/what-matters';
import { MobileClaimedError, NhsNumberClaimedError, PatientChangedError } from '../errors';
import type {
  CaseloadQuery,
  GoalWrite,
  NewReferralWrite,
  Page,
  PatientChanges,
  PatientNameQuery,
  PatientRename,
  ReferralChanges,
  ReferralRecord,
  ReferralRepository,
} from '../ports';
import { PatientWrites } from './patient-writes';

/** DynamoDB's limit on items in one TransactWriteItems. */
const TRANSACTION_LIMIT = 100;
const MAX_ATTEMPTS = 5;

type CancelReason = { rejected: boolean; code: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const backoff = (attempt: number) => sleep(Math.round(2 ** attempt * 10 * (0.5 + Math.random())));

/** Keys set to `undefined` in a changes object mean "remove this attribute". */
function splitChanges<T extends object>(changes: T): { set: Partial<T>; remove: (keyof T)[] } {
  const set: Partial<T> = {};
  const remove: (keyof T)[] = [];
  for (const [key, value] of Object.entries(changes) as [keyof T, unknown][]) {
    if (value === undefined || value === null) remove.push(key);
    else set[key] = value as T[keyof T];
  }
  return { set, remove };
}

function cancelReasons(data: unknown): CancelReason[] {
  return (data as CancelReason[]).map((reason) => ({ rejected: reason.rejected, code: reason.code }));
}

export class DynamoDbReferralRepository implements ReferralRepository {
  private readonly service;
  private readonly documentClient;
  private readonly patientWrites;

  constructor(private readonly store: DataStore) {
    const config = entityConfig(store);
    this.documentClient = store.documentClient;
    this.patientWrites = new PatientWrites(store);
    this.service = new Service({
      patient: patientEntity(config),
      nhsNumberClaim: nhsNumberClaimEntity(config),
      mobileClaim: mobileClaimEntity(config),
      referral: referralEntity(config),
      referralEvent: referralEventEntity(config),
      whatMatters: whatMattersEntity(config),
      goal: goalEntity(config),
    });
  }

  private get entities() {
    return this.service.entities;
  }

  async getPatient(patientId: string, options: { consistent?: boolean } = {}): Promise<Patient | undefined> {
    const { data } = await this.entities.patient.get({ patientId }).go({ consistent: options.consistent === true });
    return data ?? undefined;
  }

  async getPatients(patientIds: readonly string[]): Promise<(Patient | undefined)[]> {
    const found = await batchGetAll(
      patientIds,
      (ids) => this.entities.patient.get(ids.map((patientId) => ({ patientId }))).go(),
      (item) => item.patientId,
      (key) => key.patientId,
    );
    return patientIds.map((id) => found.get(id));
  }

  async findPatientsByNameAndBirthDate(query: PatientNameQuery): Promise<Page<Patient>> {
    const { patient } = this.entities;
    const [scopeId, index, base] =
      'pcnId' in query.scope
        ? ([query.scope.pcnId, 'gsi1', 'byPcnNameAndBirthDate'] as const)
        : ([query.scope.icbId, 'gsi2', 'byIcbNameAndBirthDate'] as const);
    const key = nameBirthKey(scopeId, query.familyNameKey, query.dateOfBirth);
    const params =
      base === 'byPcnNameAndBirthDate'
        ? patient.query.byPcnNameAndBirthDate({ pcnNameBirthKey: key }).params()
        : patient.query.byIcbNameAndBirthDate({ icbNameBirthKey: key }).params();
    return queryKeyPage({
      documentClient: this.documentClient,
      params,
      keyFields: ['pk', 'sk', `${index}pk`, `${index}sk`],
      partition: { [`${index}pk`]: params.ExpressionAttributeValues[':pk'] },
      first: query.first,
      after: query.after,
      parse: (items) => patient.parse({ Items: items }).data,
    });
  }

  async findPatientIdByNhsNumber(nhsNumber: string): Promise<string | undefined> {
    const { data } = await this.entities.nhsNumberClaim.get({ nhsNumber }).go();
    return data?.patientId;
  }

  async createReferral(write: NewReferralWrite): Promise<void> {
    const { newPatient, existingPatientId } = write;
    const { patient, nhsNumberClaim, mobileClaim, referral, referralEvent } = this.entities;
    const mobile = newPatient ? claimedMobile(newPatient) : undefined;
    const patientActions = newPatient
      ? [
          putAction(
            patient
              .create({ ...newPatient, ...patientLookupKeys(newPatient), referralIds: [write.referral.referralId] })
              .params(),
          ),
          putAction(
            nhsNumberClaim
              .create({
                nhsNumber: newPatient.nhsNumber!,
                patientId: newPatient.patientId,
                claimedAt: newPatient.createdAt,
              })
              .params(),
          ),
          // The SMS contact claim, when the new patient consented to texts on a mobile (see mobile-claim.ts).
          ...(mobile
            ? [
                putAction(
                  mobileClaim
                    .create({ mobile, patientId: newPatient.patientId, claimedAt: newPatient.createdAt })
                    .params(),
                ),
              ]
            : []),
        ]
      : [
          // The referral joins the patient's own list, and only while the patient exists and is not erased.
          // The referral's `patientName` was made from the preferred name read: it must still be the patient's.
          updateAction(
            patient
              .update({ patientId: existingPatientId! })
              .add({ referralIds: [write.referral.referralId] })
              .where(({ patientId, erasedAt, preferredName }, { exists, notExists, eq }) =>
                [
                  exists(patientId),
                  notExists(erasedAt),
                  ...(write.existingPreferredName === undefined
                    ? []
                    : [
                        write.existingPreferredName === null
                          ? notExists(preferredName)
                          : eq(preferredName, write.existingPreferredName),
                      ]),
                ].join(' AND '),
              )
              .params(),
          ),
        ];
    const actions = [
      ...patientActions,
      putAction(referral.create(write.referral).params()),
      putAction(referralEvent.create(write.event).params()),
    ];
    for (let attempt = 1; ; attempt++) {
      const outcome = await transactWrite(this.store, actions);
      if (outcome.committed) return;
      const { reasons } = outcome;
      if (reasons.includes('TransactionConflict') && attempt < MAX_ATTEMPTS) {
        await backoff(attempt);
        continue;
      }
      if (newPatient && reasons[1] === 'ConditionalCheckFailed') throw new NhsNumberClaimedError();
      if (mobile && reasons[2] === 'ConditionalCheckFailed') {
        throw new MobileClaimedError(await this.patientWrites.holderOf(mobile));
      }
      if (!newPatient && reasons[0] === 'ConditionalCheckFailed') {
        const current = await this.getPatient(existingPatientId!, { consistent: true });
        if (current && !current.erasedAt) throw new PatientChangedError();
        throw new ConflictError('The patient no longer exists or has been erased');
      }
      throw new ConflictError(`The referral could not be created (${reasons.join(', ')})`);
    }
  }

  async getReferral(referralId: string, options: { consistent?: boolean } = {}): Promise<Referral | undefined> {
    const { data } = await this.entities.referral.get({ referralId }).go({ consistent: options.consistent === true });
    return data ?? undefined;
  }

  async getReferrals(referralIds: readonly string[]): Promise<(Referral | undefined)[]> {
    const found = await batchGetAll(
      referralIds,
      (ids) => this.entities.referral.get(ids.map((referralId) => ({ referralId }))).go(),
      (item) => item.referralId,
      (key) => key.referralId,
    );
    return referralIds.map((id) => found.get(id));
  }

  async getReferralRecord(referralId: string): Promise<ReferralRecord | undefined> {
    const { data } = await this.service.collections.referralRecord({ referralId }).go({ pages: 'all' });
    const referral = data.referral[0];
    if (!referral) return undefined;
    return { referral, events: data.referralEvent, notes: data.whatMatters, goals: data.goal };
  }

  async listPatientReferrals(patientId: string): Promise<Referral[]> {
    const { data } = await this.entities.referral.query.byPatient({ patientId }).go({ pages: 'all' });
    return data;
  }

  async updateReferral(
    current: Referral,
    changes: ReferralChanges,
    events: readonly ReferralEvent[],
    updatedAt: string,
  ): Promise<Referral> {
    const merged = { ...current, ...changes };
    const { set, remove } = splitChanges(changes);
    const next = {
      ...set,
      // Index keys are rebuilt from every composite attribute, so all of them are written on each change.
      caseState: merged.caseState,
      caseloadOwner: merged.caseloadOwner,
      nextCheckInSort: merged.nextCheckInSort,
      lastContactSort: merged.lastContactSort,
      version: current.version + 1,
      updatedAt,
    };
    const result = await this.service.transaction
      .write(({ referral, referralEvent }) => [
        referral
          .patch({ referralId: current.referralId })
          .set(next)
          .remove(remove)
          // Erasure bumps the version too, so a change read before an erasure cannot be written after it.
          .where(
            ({ version, erasedAt }, { eq, notExists }) => `${eq(version, current.version)} AND ${notExists(erasedAt)}`,
          )
          .commit(),
        ...events.map((event) => referralEvent.create(event).commit()),
      ])
      .go();
    if (result.canceled) {
      const reasons = cancelReasons(result.data);
      if (reasons.some((reason) => reason.code === 'ConditionalCheckFailed' || reason.code === 'TransactionConflict')) {
        throw new ConflictError(
          `Referral ${current.referralId} was changed by someone else (version ${current.version} is stale); reload and retry`,
        );
      }
      throw new Error(`Referral update cancelled: ${reasons.map((reason) => reason.code).join(', ')}`);
    }
    const updated = { ...current, ...next } as Referral;
    for (const key of remove) delete updated[key];
    return updated;
  }

  async queryCaseload(query: CaseloadQuery): Promise<Page<Referral>> {
    const { referral } = this.entities;
    const { caseloadOwner, caseState, statuses, concernOnly, checkInDueBefore } = query;
    const byNextCheckIn = query.sort === 'NEXT_CHECK_IN';
    // Due-before on the next-check-in index is a key range (the index is sorted by it); elsewhere it is a filter.
    const dueFilter = checkInDueBefore !== undefined && !byNextCheckIn;
    const base = byNextCheckIn
      ? checkInDueBefore !== undefined
        ? referral.query
            .byCaseloadOwner({ caseloadOwner })
            .between({ caseState, nextCheckInSort: '' }, { caseState, nextCheckInSort: checkInDueBefore })
        : referral.query.byCaseloadOwner({ caseloadOwner, caseState })
      : referral.query.byLastContact({ caseloadOwner, caseState });
    const hasFilter = (statuses?.length ?? 0) > 0 || concernOnly === true || dueFilter;
    const params = hasFilter
      ? base
          .where((attributes, { eq, lt }) => {
            const clauses: string[] = [];
            if (statuses?.length)
              clauses.push(`(${statuses.map((status) => eq(attributes.status, status)).join(' OR ')})`);
            if (concernOnly) clauses.push(eq(attributes.concernOpen, true));
            if (dueFilter) clauses.push(lt(attributes.nextCheckInAt, checkInDueBefore));
            return clauses.join(' AND ');
          })
          .params()
      : base.params();
    const index = byNextCheckIn ? 'gsi1' : 'gsi2';
    return queryKeyPage({
      documentClient: this.documentClient,
      params,
      keyFields: ['pk', 'sk', `${index}pk`, `${index}sk`],
      partition: { [`${index}pk`]: params.ExpressionAttributeValues[':pk'] },
      first: query.first,
      after: query.after,
      parse: (items) => referral.parse({ Items: items }).data,
    });
  }

  async saveWhatMatters(
    referral: Pick<Referral, 'referralId' | 'version'>,
    notes: readonly WhatMattersNote[],
    goals: readonly GoalWrite[],
  ): Promise<void> {
    if (notes.length + goals.length === 0) return;
    if (notes.length + goals.length > TRANSACTION_LIMIT - 1) {
      throw new ValidationError('notes', `at most ${TRANSACTION_LIMIT - 1} notes and goals at once`);
    }
    const result = await this.service.transaction
      .write(({ whatMatters, goal, referral: referrals }) => [
        ...notes.map((note) => whatMatters.create(note).commit()),
        ...goals.map((write) =>
          write.kind === 'create'
            ? goal.create(write.goal).commit()
            : goal
                .patch({ referralId: write.goal.referralId, goalId: write.goal.goalId })
                .set({
                  updatedAt: write.goal.updatedAt,
                  updatedBy: write.goal.updatedBy,
                  ...(write.goal.status !== undefined ? { status: write.goal.status } : {}),
                  ...(write.goal.description !== undefined ? { description: write.goal.description } : {}),
                })
                .commit(),
        ),
        // The referral moves on a version with the notes, so an erasure that read it before cannot miss them, and
        // notes are never written to a referral already erased.
        referrals
          .patch({ referralId: referral.referralId })
          .add({ version: 1 })
          .where(
            ({ version, erasedAt }, { eq, notExists }) => `${eq(version, referral.version)} AND ${notExists(erasedAt)}`,
          )
          .commit(),
      ])
      .go();
    if (result.canceled) {
      const reasons = cancelReasons(result.data);
      const written = notes.length + goals.length;
      if (reasons[written]?.code === 'ConditionalCheckFailed') {
        throw new ConflictError('The referral was changed or erased meanwhile; reload and try again');
      }
      const missing = reasons.findIndex((reason, i) => i >= notes.length && reason.code === 'ConditionalCheckFailed');
      if (missing >= 0)
        throw new ValidationError(`goals[${missing - notes.length}].goalId`, 'no such goal on this referral');
      throw new ConflictError(`What matters could not be saved (${reasons.map((reason) => reason.code).join(', ')})`);
    }
  }

  async updatePatient(current: Patient, changes: PatientChanges, renamed?: PatientRename): Promise<Patient> {
    if (!renamed) {
      const updated = await this.patientWrites.update(current, changes);
      if (!updated) {
        throw new ConflictError(
          "The patient's details changed meanwhile, or their data has been erased; reload and retry",
        );
      }
      return updated;
    }
    // The new display name goes onto each of the patient's referrals (the caseload rows) in the patient's own
    // transaction, conditional on the patient's list of referrals being the one read: a referral created meanwhile
    // (with the old name) moved it, and PatientChangedError sends the caller to read again. Never on an erased record.
    const { referral } = this.entities;
    const referralActions = renamed.referralIds.map((referralId) => {
      const named = referral.patch({ referralId });
      return updateAction(
        (renamed.patientName === undefined
          ? named.remove(['patientName'])
          : named.set({ patientName: renamed.patientName })
        )
          .where(({ erasedAt }, { notExists }) => notExists(erasedAt))
          .params(),
      );
    });
    // Room for the patient and its claim's release and take; a person has a handful of referrals, and should one ever
    // have more than a transaction takes, the rest follow it.
    const [first = [], ...rest] = chunk(referralActions, TRANSACTION_LIMIT - 3);
    const updated = await this.patientWrites.update(current, changes, {
      listedReferralCount: renamed.listedReferralCount,
      actions: first,
    });
    if (!updated) {
      const fresh = await this.getPatient(current.patientId, { consistent: true });
      if (!fresh || fresh.erasedAt) throw new ConflictError("The patient's data has been erased");
      throw new PatientChangedError();
    }
    for (const part of rest) {
      const more = await transactWrite(this.store, part);
      if (!more.committed) throw new ConflictError("The patient's data has been erased");
    }
    return updated;
  }

  async markPatientErased(patient: Patient, erasedAt: string): Promise<void> {
    const mobile = claimedMobile(patient);
    // The claim goes only if it is this patient's (a record from before claims may share another patient's number).
    const holder = mobile ? await this.patientWrites.holderOf(mobile) : undefined;
    const releaseClaim = mobile !== undefined && (holder === undefined || holder === patient.patientId);
    const result = await this.service.transaction
      .write(({ patient: patients, nhsNumberClaim, mobileClaim }) => [
        patients
          .patch({ patientId: patient.patientId })
          .remove([...PATIENT_IDENTIFYING_FIELDS])
          .set({ erasedAt, updatedAt: erasedAt, smsConsent: 'OPTED_OUT', smsConsentChangedAt: erasedAt })
          // Conditional on the SMS contact as read, too: a mobile or consent changed meanwhile moved the mobile claim,
          // and releasing the claim read would leave the new one behind (ConflictError: run it again).
          .where(
            ({ erasedAt: erased, mobile: readMobile, smsConsent }, { eq, notExists }) =>
              `${notExists(erased)} AND ${patient.mobile ? eq(readMobile, patient.mobile) : notExists(readMobile)} AND ${
                patient.smsConsent ? eq(smsConsent, patient.smsConsent) : notExists(smsConsent)
              }`,
          )
          .commit(),
        ...(patient.nhsNumber
          ? [
              nhsNumberClaim
                .delete({ nhsNumber: patient.nhsNumber })
                .where(({ patientId }, { eq }) => eq(patientId, patient.patientId))
                .commit(),
            ]
          : []),
        // The mobile is nobody's SMS contact any more: another patient may now give consent on it.
        ...(releaseClaim
          ? [
              mobileClaim
                .delete({ mobile: patient.mobile! })
                .where(
                  ({ patientId }, { eq, notExists }) =>
                    `${notExists(patientId)} OR ${eq(patientId, patient.patientId)}`,
                )
                .commit(),
            ]
          : []),
      ])
      .go();
    if (result.canceled) throw new ConflictError('Erasure was interrupted by a concurrent change; run it again');
  }

  async eraseReferral(referralId: string, erasedAt: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const record = await this.getReferralRecord(referralId);
      if (!record) return;
      const parts = chunk(erasuresOf(record, record.referral.erasedAt ?? erasedAt), TRANSACTION_LIMIT - 1);
      if (!record.referral.erasedAt) {
        // Marked erased with the first part, conditional on the version read: a note, reason or goal written since
        // moved the version, so this read cannot have missed it; after the mark, nothing more can be written.
        const mark = { version: record.referral.version, erasedAt };
        if (!(await this.transactErasures(referralId, parts.shift() ?? [], mark))) {
          if (attempt >= MAX_ATTEMPTS) throw new ConflictError('Erasure kept meeting concurrent changes; run it again');
          continue;
        }
      }
      for (const part of parts) {
        if (!(await this.transactErasures(referralId, part))) {
          throw new ConflictError('Erasure was interrupted by a concurrent change; run it again');
        }
      }
      return;
    }
  }

  /** One transaction of erasures; with `mark`, also marks the referral erased if still at the version read. */
  private async transactErasures(
    referralId: string,
    erasures: readonly Erasure[],
    mark?: { version: number; erasedAt: string },
  ): Promise<boolean> {
    if (erasures.length === 0 && !mark) return true;
    const result = await this.service.transaction
      .write(({ referral, referralEvent, whatMatters, goal }) => [
        ...(mark
          ? [
              referral
                .patch({ referralId })
                .set({ erasedAt: mark.erasedAt, updatedAt: mark.erasedAt })
                .add({ version: 1 })
                // The caseload row's copy of the patient's name goes with the rest of what identifies them.
                .remove(['note', 'patientName'])
                .where(({ version }, { eq }) => eq(version, mark.version))
                .commit(),
            ]
          : []),
        ...erasures.map((erasure) => {
          switch (erasure.kind) {
            case 'event':
              return referralEvent
                .patch({ referralId, at: erasure.at, eventId: erasure.eventId })
                .remove(['reason'])
                .commit();
            case 'note':
              return whatMatters
                .patch({ referralId, noteId: erasure.noteId })
                .set({ erasedAt: erasure.erasedAt })
                .remove(['text'])
                .commit();
            case 'goal':
              return goal
                .patch({ referralId, goalId: erasure.goalId })
                .set({ erasedAt: erasure.erasedAt })
                .remove(['description'])
                .commit();
            default:
              throw new UnreachableCaseError(erasure);
          }
        }),
      ])
      .go();
    return !result.canceled;
  }
}

/** Every field of a patient that identifies the person; erasure removes them all. */
export const PATIENT_IDENTIFYING_FIELDS = [
  'nhsNumber',
  'givenName',
  'familyName',
  'preferredName',
  'dateOfBirth',
  'sex',
  'ethnicity',
  'mobile',
  'accessibilityNeeds',
  // Derived from the family name and date of birth, so they identify the person too.
  'pcnNameBirthKey',
  'icbNameBirthKey',
] as const;

type Erasure =
  | { kind: 'event'; at: string; eventId: string }
  | { kind: 'note'; noteId: string; erasedAt: string }
  | { kind: 'goal'; goalId: string; erasedAt: string };

/** What of a referral's record still holds free text (already-erased items are skipped, so a re-run does nothing). */
function erasuresOf(record: ReferralRecord, erasedAt: string): Erasure[] {
  return [
    ...record.events
      .filter((event) => event.reason !== undefined)
      .map((event) => ({ kind: 'event' as const, at: event.at, eventId: event.eventId })),
    ...record.notes
      .filter((note) => note.text !== undefined)
      .map((note) => ({ kind: 'note' as const, noteId: note.noteId, erasedAt: note.erasedAt ?? erasedAt })),
    ...record.goals
      .filter((goal) => goal.description !== undefined)
      .map((goal) => ({ kind: 'goal' as const, goalId: goal.goalId, erasedAt: goal.erasedAt ?? erasedAt })),
  ];
}
