import { UpdateCommand, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from '../../platform/dynamodb/batch-get';
import type { DataStore } from '../../platform/dynamodb/client';
import { isConditionalCheckFailure } from '../../platform/dynamodb/errors';
import { entityConfig } from '../../platform/dynamodb/service';
import { conditionCheckAction, type TransactItem, updateAction } from '../../platform/dynamodb/transactions';
import type { MeasuredValue, NextCheckIn, ReferralVersionSeen } from '../../shared/care-events';
import { DEFAULT_NATION } from '../../shared/uk-nation';
import type { CareRecordReader, PatientContact, ReferralSummary, UnacknowledgedConcern } from '../care-record';
import { type Patient, patientEntity } from '../entities/patient';
import { type ActiveActivityNames, type LatestOutcomes, type Referral, referralEntity } from '../entities/referral';
import { MobileClaimedError } from '../errors';
import type { ConcernRepository } from '../ports';
import { NO_DATE_SORT } from '../vocabulary';
import { PatientWrites } from './patient-writes';

const MAX_ATTEMPTS = 5;

function toContact(patient: Patient): PatientContact {
  return {
    patientId: patient.patientId,
    mobile: patient.mobile,
    smsConsent: patient.smsConsent,
    icbId: patient.icbId,
    pcnId: patient.pcnId,
    practiceId: patient.practiceId,
    erased: Boolean(patient.erasedAt),
  };
}

function versionOf(referral: Referral): ReferralVersionSeen {
  return {
    version: referral.version,
    caseState: referral.caseState,
    ...(referral.nextCheckInId && referral.nextCheckInAt
      ? {
          nextCheckIn: {
            checkInId: referral.nextCheckInId,
            at: referral.nextCheckInAt,
            ...(referral.nextCheckInScheduledFor ? { scheduledFor: referral.nextCheckInScheduledFor } : {}),
            ...(referral.nextCheckInWave ? { wave: referral.nextCheckInWave } : {}),
          },
        }
      : {}),
  };
}

function toSummary(referral: Referral): ReferralSummary {
  return {
    referralId: referral.referralId,
    patientId: referral.patientId,
    icbId: referral.icbId,
    pcnId: referral.pcnId,
    practiceId: referral.practiceId,
    linkWorkerId: referral.linkWorkerId,
    status: referral.status,
    open: referral.caseState === 'OPEN',
    erased: Boolean(referral.erasedAt),
    receivedAt: referral.receivedAt,
    activeActivityIds: [...(referral.activeActivityIds ?? [])],
    seen: versionOf(referral),
  };
}

type NextCheckInField = 'nextCheckInAt' | 'nextCheckInId' | 'nextCheckInScheduledFor' | 'nextCheckInWave';
type ReferralChange = { set: Partial<Referral>; remove?: readonly NextCheckInField[] };

/**
 * The care-record views other contexts read, and the caseload fields their care events keep in step (next check-in,
 * latest answers, concern, prescribed activities). Every referral change here is conditional on the referral's
 * `version` and bumps it (the referrals context's optimistic lock), retried on a clash.
 */
export class DynamoDbCareRecords implements CareRecordReader {
  private readonly patients;
  private readonly referrals;

  private readonly patientWrites;
  private readonly documentClient;

  constructor(
    store: DataStore,
    private readonly concerns: Pick<ConcernRepository, 'oldestUnacknowledged'>,
  ) {
    const config = entityConfig(store);
    this.patientWrites = new PatientWrites(store);
    this.documentClient = store.documentClient;
    this.patients = patientEntity(config);
    this.referrals = referralEntity(config);
  }

  async getPatient(patientId: string): Promise<PatientContact | undefined> {
    const { data } = await this.patients.get({ patientId }).go();
    return data ? toContact(data) : undefined;
  }

  async getPatients(patientIds: readonly string[]): Promise<PatientContact[]> {
    const found = await batchGetAll(
      patientIds,
      (ids) => this.patients.get(ids.map((patientId) => ({ patientId }))).go(),
      (item) => item.patientId,
      (key) => key.patientId,
    );
    return [...found.values()].map(toContact);
  }

  async findPatientsByMobile(mobile: string): Promise<PatientContact[]> {
    const { data } = await this.patients.query.byMobile({ mobile }).go();
    return data.filter((patient) => !patient.erasedAt).map(toContact);
  }

  async getReferral(referralId: string, options: { consistent?: boolean } = {}) {
    const { data } = await this.referrals.get({ referralId }).go({ consistent: options.consistent === true });
    return data ? toSummary(data) : undefined;
  }

  async listReferralsOfPatient(patientId: string): Promise<ReferralSummary[]> {
    const { data } = await this.referrals.query.byPatient({ patientId }).go({ pages: 'all' });
    return data.map(toSummary);
  }

  async oldestUnacknowledgedConcern(): Promise<UnacknowledgedConcern | undefined> {
    const concern = await this.concerns.oldestUnacknowledged();
    return (
      concern && { concernId: concern.concernId, raisedAt: concern.raisedAt, nation: concern.nation ?? DEFAULT_NATION }
    );
  }

  patientNotErasedCondition(patientId: string): TransactItem {
    return conditionCheckAction(this.patients.get({ patientId }).params(), {
      expression: 'attribute_exists(#pk) AND attribute_not_exists(#erasedAt)',
      names: { '#pk': 'pk', '#erasedAt': 'erasedAt' },
    });
  }

  /**
   * Records a consent change the patient made by text (STOP/START), moving the SMS contact claim with it (released on
   * STOP, taken on START); never on an erased patient. False when nothing was recorded: erased, or (START) another
   * patient now gets texts on the number. Re-read and tried again when the patient changed underneath.
   */
  async recordSmsConsent(patientId: string, consent: 'OPTED_OUT' | 'GIVEN', at: string): Promise<boolean> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const { data: patient } = await this.patients.get({ patientId }).go({ consistent: true });
      if (!patient || patient.erasedAt) return false;
      if (patient.smsConsent === consent) return true;
      try {
        const changes = { smsConsent: consent, smsConsentChangedAt: at, updatedAt: at };
        if (await this.patientWrites.update(patient, changes)) return true;
      } catch (error) {
        if (error instanceof MobileClaimedError) return false;
        throw error;
      }
    }
    throw new Error('The patient kept changing while recording their consent by text');
  }

  async setNextCheckIn(
    referralId: string,
    next: NextCheckIn | undefined,
    at: string,
    seen?: ReferralVersionSeen,
  ): Promise<void> {
    const seenChange = seen && nextCheckInChange(seen.nextCheckIn, next, at);
    if (seen && seenChange) {
      try {
        return await this.write(referralId, seen, seenChange);
      } catch (error) {
        // `seen` was stale: someone changed the referral since it was read. Decide again on a fresh read.
        if (!isConditionalCheckFailure(error)) throw error;
      }
    }
    return this.change(referralId, (referral) => nextCheckInChange(versionOf(referral).nextCheckIn, next, at));
  }

  mergeLatestOutcomes(referralId: string, outcomes: Readonly<Record<string, MeasuredValue>>, at: string) {
    return this.change(referralId, (referral) => {
      const merged: LatestOutcomes = { ...(referral.latestOutcomes ?? {}) };
      let changed = false;
      for (const [key, value] of Object.entries(outcomes)) {
        const current = merged[key];
        if (!current || current.measuredAt <= value.measuredAt) {
          merged[key] = value;
          changed = true;
        }
      }
      return changed ? { set: { latestOutcomes: merged, updatedAt: at } } : undefined;
    });
  }

  latestOutcomesAction(referralId: string, outcomes: Readonly<Record<string, MeasuredValue>>, at: string) {
    const params = this.referrals
      .update({ referralId })
      .add({ version: 1 })
      .set({ updatedAt: at })
      .where(({ createdAt, erasedAt }, { exists, notExists }) => `${exists(createdAt)} AND ${notExists(erasedAt)}`)
      .params();
    return updateAction(withLatestOutcomes(params, outcomes));
  }

  referralOpenCondition(referralId: string): TransactItem {
    return conditionCheckAction(this.referrals.get({ referralId }).params(), {
      expression: 'attribute_exists(#pk) AND #caseState = :open AND attribute_not_exists(#erasedAt)',
      names: { '#pk': 'pk', '#caseState': 'caseState', '#erasedAt': 'erasedAt' },
      values: { ':open': 'OPEN' },
    });
  }

  /**
   * The caseload row's list of prescribed activities (ids, and each one's name), as a transaction action for the
   * prescribing context's own transaction: conditional on the referral still being at the version prescribing read.
   */
  activeActivityAction(change: {
    referralId: string;
    activityId: string;
    /** Given when prescribed (the name to show); absent when the prescription ended. */
    prescribed?: { name: string; activityVersion: number };
    expectedVersion: number;
    at: string;
  }): TransactItem {
    const base = this.referrals.update({ referralId: change.referralId });
    const set = change.prescribed
      ? base.add({ activeActivityIds: [change.activityId], version: 1 })
      : base.delete({ activeActivityIds: [change.activityId] }).add({ version: 1 });
    const params = set
      .set({ updatedAt: change.at })
      .where(
        ({ version, erasedAt }, { eq, notExists }) =>
          `${eq(version, change.expectedVersion)} AND ${notExists(erasedAt)}`,
      )
      .params();
    return updateAction(
      withActivityName(
        params,
        change.activityId,
        change.prescribed && { name: change.prescribed.name, activityVersion: change.prescribed.activityVersion },
      ),
    );
  }

  /**
   * A renamed activity's new name on one caseload row: only while the activity is still listed there and the row's
   * name is older than this one (renames may arrive out of order). Not a change of the referral a client edits, so
   * its version stays. Returns false when there was nothing to rename.
   */
  async renameActivity(referralId: string, activityId: string, name: string, activityVersion: number) {
    const params = this.referrals
      .update({ referralId })
      .set({})
      .where(({ erasedAt }, { notExists }) => notExists(erasedAt))
      .params();
    const renamed = withActivityName(params, activityId, { name, activityVersion });
    renamed.ConditionExpression = `${String(renamed.ConditionExpression)} AND #activeActivityNames.#activityId.#activityVersion < :activityVersion`;
    (renamed.ExpressionAttributeNames as Record<string, string>)['#activityVersion'] = 'activityVersion';
    (renamed.ExpressionAttributeValues as Record<string, unknown>)[':activityVersion'] = activityVersion;
    try {
      await this.documentClient.send(new UpdateCommand(renamed as unknown as UpdateCommandInput));
      return true;
    } catch (error) {
      if (isConditionalCheckFailure(error)) return false;
      throw error;
    }
  }

  /** Read, decide, write conditional on the version read; retried when another writer got in between. */
  private async change(referralId: string, decide: (referral: Referral) => ReferralChange | undefined): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const { data: referral } = await this.referrals.get({ referralId }).go({ consistent: true });
      // An erased referral keeps its skeleton as it was: nothing more is written to it.
      if (!referral || referral.erasedAt) return;
      const change = decide(referral);
      if (!change) return;
      try {
        return await this.write(referralId, referral, change);
      } catch (error) {
        if (!isConditionalCheckFailure(error) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** One write of `change`, conditional on the referral still being at the version `read` saw. */
  private async write(
    referralId: string,
    read: Pick<ReferralVersionSeen, 'version' | 'caseState'>,
    change: ReferralChange,
  ): Promise<void> {
    const base = this.referrals
      .patch({ referralId })
      .set(change.set)
      .add({ version: 1 })
      .composite({ caseState: read.caseState });
    const withRemove = change.remove?.length ? base.remove([...change.remove]) : base;
    await withRemove
      .where((attr, op) => `${op.eq(attr.version, read.version)} AND ${op.notExists(attr.erasedAt)}`)
      .go();
  }
}

function nextCheckInChange(
  current: NextCheckIn | undefined,
  next: NextCheckIn | undefined,
  at: string,
): ReferralChange | undefined {
  const same =
    current?.checkInId === next?.checkInId &&
    current?.at === next?.at &&
    current?.scheduledFor === next?.scheduledFor &&
    current?.wave === next?.wave;
  if (same) return undefined;
  if (!next) {
    return {
      set: { nextCheckInSort: NO_DATE_SORT, updatedAt: at },
      remove: ['nextCheckInAt', 'nextCheckInId', 'nextCheckInScheduledFor', 'nextCheckInWave'],
    };
  }
  // What the caseload row shows of the check-in travels with it; a publisher that does not know it leaves it out,
  // and the row then reads the check-in itself.
  const shown: Partial<Referral> = {
    ...(next.scheduledFor ? { nextCheckInScheduledFor: next.scheduledFor } : {}),
    ...(next.wave ? { nextCheckInWave: next.wave } : {}),
  };
  const unknown: NextCheckInField[] = [
    ...(next.scheduledFor ? [] : (['nextCheckInScheduledFor'] as const)),
    ...(next.wave ? [] : (['nextCheckInWave'] as const)),
  ];
  return {
    set: { nextCheckInAt: next.at, nextCheckInId: next.checkInId, nextCheckInSort: next.at, ...shown, updatedAt: at },
    ...(unknown.length > 0 ? { remove: unknown } : {}),
  };
}

type UpdateParams = Record<string, unknown> & {
  UpdateExpression: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
  ConditionExpression?: string;
};

/**
 * Sets each measured key of `latestOutcomes` by its own path in an ElectroDB update, on the conditions that the map
 * exists (from the referral's creation; a referral from before that takes the read-and-write path once) and that no
 * key shows a later measurement (answers may arrive out of order).
 */
function withLatestOutcomes(
  params: Record<string, unknown>,
  outcomes: Readonly<Record<string, MeasuredValue>>,
): UpdateParams {
  const update = { ...(params as UpdateParams) };
  const names: Record<string, string> = { ...update.ExpressionAttributeNames, '#latestOutcomes': 'latestOutcomes' };
  const values: Record<string, unknown> = { ...update.ExpressionAttributeValues };
  const sets: string[] = [];
  const conditions = ['attribute_exists(#latestOutcomes)'];
  names['#measuredAt'] = 'measuredAt';
  Object.entries(outcomes).forEach(([key, value], index) => {
    const path = `#latestOutcomes.#outcomeKey${index}`;
    names[`#outcomeKey${index}`] = key;
    values[`:outcome${index}`] = value;
    values[`:outcomeAt${index}`] = value.measuredAt;
    sets.push(`${path} = :outcome${index}`);
    conditions.push(`(attribute_not_exists(${path}) OR ${path}.#measuredAt <= :outcomeAt${index})`);
  });
  update.ExpressionAttributeNames = names;
  update.ExpressionAttributeValues = values;
  update.UpdateExpression = /\bSET\b/.test(update.UpdateExpression)
    ? update.UpdateExpression.replace(/\bSET\b/, `SET ${sets.join(', ')},`)
    : `SET ${sets.join(', ')} ${update.UpdateExpression}`;
  update.ConditionExpression = [update.ConditionExpression, ...conditions].filter(Boolean).join(' AND ');
  return update;
}

/**
 * Adds one entry of `activeActivityNames` to an ElectroDB update (which writes whole attributes only): set to `entry`,
 * or removed when `entry` is absent. The map exists from the referral's creation, so the nested path is always valid.
 */
function withActivityName(
  params: Record<string, unknown>,
  activityId: string,
  entry: ActiveActivityNames[string] | undefined,
): UpdateParams {
  const update = { ...(params as UpdateParams) };
  update.ExpressionAttributeNames = {
    ...update.ExpressionAttributeNames,
    '#activeActivityNames': 'activeActivityNames',
    '#activityId': activityId,
  };
  const path = '#activeActivityNames.#activityId';
  if (entry) {
    update.ExpressionAttributeValues = { ...update.ExpressionAttributeValues, ':activityName': entry };
    update.UpdateExpression = /\bSET\b/.test(update.UpdateExpression)
      ? update.UpdateExpression.replace(/\bSET\b/, `SET ${path} = :activityName,`)
      : `SET ${path} = :activityName ${update.UpdateExpression}`;
  } else {
    update.UpdateExpression = /\bREMOVE\b/.test(update.UpdateExpression)
      ? update.UpdateExpression.replace(/\bREMOVE\b/, `REMOVE ${path},`)
      : `${update.UpdateExpression} REMOVE ${path}`;
  }
  return update;
}
