import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { activityEntity } from '../../activities/entities/activity';
import { checkInEntity } from '../../checkins/entities/check-in';
import type { DataStore } from '../../platform/dynamodb/client';
import { entityConfig } from '../../platform/dynamodb/service';
import { patientEntity } from '../../referrals/entities/patient';
import { referralEntity } from '../../referrals/entities/referral';
import type {
  CheckInSnapshot,
  OutcomeSnapshot,
  PatientConsentSnapshot,
  PrescriptionSnapshot,
  ReferralEventSnapshot,
  ReferralRecord,
  ReferralSnapshot,
} from '../facts';
import type { FactSource, ScopeRecords } from '../ports';
import type { Scope } from '../vocabulary';

type Raw = Record<string, unknown>;

/*
 * Reads the other contexts' records for folding and reconciliation, by attribute name and entity identifier
 * (`__edb_e__`), taking only the attributes figures need. Never reads a name, NHS number, phone number, note or
 * message body: scans and queries project the needed attributes only.
 */

const REFERRAL_ATTRIBUTES = [
  'referralId',
  'patientId',
  'icbId',
  'pcnId',
  'practiceId',
  'needs',
  'ageBandAtReferral',
  'receivedAt',
  'concernRaisedAt',
];
const EVENT_ATTRIBUTES = ['referralId', 'eventId', 'at', 'toStatus', 'snomedCode'];
const PRESCRIPTION_ATTRIBUTES = ['referralId', 'prescriptionId', 'activityId', 'firstAttendedOn'];
const OUTCOME_ATTRIBUTES = ['referralId', 'outcomeId', 'instrument', 'item', 'value', 'band', 'wave', 'measuredAt'];
const CHECK_IN_ATTRIBUTES = [
  'referralId',
  'checkInId',
  'scheduledFor',
  'status',
  'introSent',
  'questionSentAt',
  'answeredCount',
];
const PATIENT_ATTRIBUTES = ['patientId', 'sex', 'smsConsent', 'smsConsentChangedAt'];

export const ENTITY_ATTRIBUTE = '__edb_e__';

function projection(requested: readonly string[]) {
  const attributes = [...new Set(requested)];
  const names: Record<string, string> = { '#e': ENTITY_ATTRIBUTE };
  const list = ['#e', ...attributes.map((_, i) => `#p${i}`)];
  attributes.forEach((attribute, i) => {
    names[`#p${i}`] = attribute;
  });
  return { ProjectionExpression: list.join(', '), ExpressionAttributeNames: names };
}

const str = (raw: Raw, name: string) => (typeof raw[name] === 'string' ? (raw[name] as string) : undefined);

export function referralSnapshot(raw: Raw): ReferralSnapshot {
  const needs = raw.needs;
  return {
    referralId: raw.referralId as string,
    patientId: raw.patientId as string,
    icbId: raw.icbId as string,
    pcnId: raw.pcnId as string,
    practiceId: raw.practiceId as string,
    needs: Array.isArray(needs) ? (needs as string[]) : needs instanceof Set ? [...(needs as Set<string>)] : [],
    ageBandAtReferral: str(raw, 'ageBandAtReferral'),
    receivedAt: raw.receivedAt as string,
    concernRaisedAt: str(raw, 'concernRaisedAt'),
  };
}

function eventSnapshot(raw: Raw): ReferralEventSnapshot {
  return {
    eventId: raw.eventId as string,
    at: raw.at as string,
    toStatus: str(raw, 'toStatus'),
    snomedCode: str(raw, 'snomedCode'),
  };
}

function prescriptionSnapshot(raw: Raw): PrescriptionSnapshot {
  return {
    prescriptionId: raw.prescriptionId as string,
    activityId: raw.activityId as string,
    firstAttendedOn: str(raw, 'firstAttendedOn'),
  };
}

function outcomeSnapshot(raw: Raw): OutcomeSnapshot {
  return {
    outcomeId: raw.outcomeId as string,
    instrument: raw.instrument as string,
    item: raw.item as string,
    value: Number(raw.value),
    band: str(raw, 'band'),
    wave: raw.wave as string,
    measuredAt: raw.measuredAt as string,
  };
}

function checkInSnapshot(raw: Raw): CheckInSnapshot {
  return {
    checkInId: raw.checkInId as string,
    scheduledFor: raw.scheduledFor as string,
    status: raw.status as string,
    introSent: raw.introSent === true,
    questionSentAt: str(raw, 'questionSentAt'),
    answeredCount: typeof raw.answeredCount === 'number' ? raw.answeredCount : 0,
  };
}

function patientSnapshot(raw: Raw): PatientConsentSnapshot & { sex?: string } {
  return {
    patientId: raw.patientId as string,
    sex: str(raw, 'sex'),
    smsConsent: str(raw, 'smsConsent'),
    smsConsentChangedAt: str(raw, 'smsConsentChangedAt'),
  };
}

export class DynamoDbFactSource implements FactSource {
  private readonly referrals;
  private readonly patients;
  private readonly checkIns;
  private readonly activities;

  constructor(private readonly store: DataStore) {
    const config = entityConfig(store);
    this.referrals = referralEntity(config);
    this.patients = patientEntity(config);
    this.checkIns = checkInEntity(config);
    this.activities = activityEntity(config);
  }

  async referralRecord(referralId: string): Promise<ReferralRecord | undefined> {
    // The referral's item collection (access pattern 8): referral, events, prescriptions and outcomes in one Query.
    const pk = (this.referrals.query.byId({ referralId }).params() as { ExpressionAttributeValues: Raw })
      .ExpressionAttributeValues[':pk'];
    const items = await this.queryAll({
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk },
      ...projection([
        ...new Set([...REFERRAL_ATTRIBUTES, ...EVENT_ATTRIBUTES, ...PRESCRIPTION_ATTRIBUTES, ...OUTCOME_ATTRIBUTES]),
      ]),
    });
    const of = (entity: string) => items.filter((item) => item[ENTITY_ATTRIBUTE] === entity);
    const referralItem = of('referral')[0];
    if (!referralItem) return undefined;
    const referral = referralSnapshot(referralItem);
    const [patient, checkIns] = await Promise.all([
      this.patients.get({ patientId: referral.patientId }).go({ attributes: ['patientId', 'sex'] }),
      this.checkIns.query.byPatient({ patientId: referral.patientId }).go({ pages: 'all' }),
    ]);
    const prescriptions = of('prescription').map(prescriptionSnapshot);
    await this.addCategories(prescriptions);
    return {
      referral,
      sex: patient.data?.sex ?? undefined,
      events: of('referralEvent').map(eventSnapshot),
      prescriptions,
      checkIns: checkIns.data
        .filter((checkIn) => checkIn.referralId === referralId)
        .map((checkIn) => checkInSnapshot(checkIn as unknown as Raw)),
      outcomes: of('outcome').map(outcomeSnapshot),
    };
  }

  private async addCategories(prescriptions: PrescriptionSnapshot[], known = new Map<string, string>()): Promise<void> {
    const missing = [...new Set(prescriptions.map((p) => p.activityId))].filter((id) => !known.has(id));
    for (let i = 0; i < missing.length; i += 100) {
      const { data } = await this.activities
        .get(missing.slice(i, i + 100).map((activityId) => ({ activityId })))
        .go({ attributes: ['activityId', 'category'] });
      for (const activity of data) known.set(activity.activityId, activity.category);
    }
    for (const prescription of prescriptions) prescription.category = known.get(prescription.activityId);
  }

  async patientReferrals(patientId: string): Promise<{ referrals: ReferralSnapshot[]; sex?: string }> {
    const [patient, referrals] = await Promise.all([
      this.patients.get({ patientId }).go({ attributes: ['patientId', 'sex'] }),
      this.referrals.query.byPatient({ patientId }).go({ pages: 'all' }),
    ]);
    return {
      referrals: referrals.data.map((referral) => referralSnapshot(referral as unknown as Raw)),
      sex: patient.data?.sex ?? undefined,
    };
  }

  /**
   * Two scans of the table: the scope's referrals, then the records that hang off them. Cost grows with the table,
   * which is acceptable for a nightly job on one scope; see docs/decisions/0002 for the national-scale plan.
   */
  async scopeRecords(scope: Scope): Promise<ScopeRecords> {
    const scopeFilter =
      scope.kind === 'NATIONAL'
        ? {}
        : {
            filter: `#s = :scopeId`,
            names: { '#s': { ICB: 'icbId', PCN: 'pcnId', PRACTICE: 'practiceId' }[scope.kind] },
            values: { ':scopeId': scope.id },
          };
    const referralItems = await this.scan(['referral'], REFERRAL_ATTRIBUTES, scopeFilter);
    const referrals = new Map(referralItems.map((raw) => [raw.referralId as string, referralSnapshot(raw)]));
    const patientIds = new Set([...referrals.values()].map((r) => r.patientId));

    const related = await this.scan(
      ['referralEvent', 'prescription', 'outcome', 'checkIn', 'patient', 'activity'],
      [
        ...new Set([
          ...EVENT_ATTRIBUTES,
          ...PRESCRIPTION_ATTRIBUTES,
          ...OUTCOME_ATTRIBUTES,
          ...CHECK_IN_ATTRIBUTES,
          ...PATIENT_ATTRIBUTES,
          'category',
        ]),
      ],
    );
    const records = new Map<string, ReferralRecord & { prescriptions: PrescriptionSnapshot[] }>();
    const patients = new Map<string, PatientConsentSnapshot & { sex?: string }>();
    const categories = new Map<string, string>();
    for (const raw of related) {
      if (raw[ENTITY_ATTRIBUTE] === 'patient' && patientIds.has(raw.patientId as string)) {
        patients.set(raw.patientId as string, patientSnapshot(raw));
      }
      if (raw[ENTITY_ATTRIBUTE] === 'activity') categories.set(raw.activityId as string, raw.category as string);
    }
    for (const referral of referrals.values()) {
      records.set(referral.referralId, {
        referral,
        sex: patients.get(referral.patientId)?.sex,
        events: [],
        prescriptions: [],
        checkIns: [],
        outcomes: [],
      });
    }
    for (const raw of related) {
      const record = records.get(raw.referralId as string);
      if (!record) continue;
      switch (raw[ENTITY_ATTRIBUTE]) {
        case 'referralEvent':
          (record.events as ReferralEventSnapshot[]).push(eventSnapshot(raw));
          break;
        case 'prescription':
          record.prescriptions.push(prescriptionSnapshot(raw));
          break;
        case 'outcome':
          (record.outcomes as OutcomeSnapshot[]).push(outcomeSnapshot(raw));
          break;
        case 'checkIn':
          (record.checkIns as CheckInSnapshot[]).push(checkInSnapshot(raw));
          break;
      }
    }
    for (const record of records.values()) await this.addCategories(record.prescriptions, categories);
    return { records: [...records.values()], patients: [...patients.values()] };
  }

  private async queryAll(input: {
    KeyConditionExpression: string;
    ExpressionAttributeValues: Raw;
    ProjectionExpression: string;
    ExpressionAttributeNames: Record<string, string>;
  }): Promise<Raw[]> {
    const items: Raw[] = [];
    let startKey: Raw | undefined;
    do {
      const response = await this.store.documentClient.send(
        new QueryCommand({ TableName: this.store.tableName, ...input, ExclusiveStartKey: startKey }),
      );
      items.push(...(response.Items ?? []));
      startKey = response.LastEvaluatedKey;
    } while (startKey);
    return items;
  }

  private async scan(
    entities: readonly string[],
    attributes: readonly string[],
    extra: { filter?: string; names?: Record<string, string>; values?: Raw } = {},
  ): Promise<Raw[]> {
    const { ProjectionExpression, ExpressionAttributeNames } = projection([...attributes, 'activityId']);
    const entityValues = Object.fromEntries(entities.map((entity, i) => [`:e${i}`, entity]));
    const filter = [`#e IN (${Object.keys(entityValues).join(', ')})`, extra.filter].filter(Boolean).join(' AND ');
    const items: Raw[] = [];
    let startKey: Raw | undefined;
    do {
      const response = await this.store.documentClient.send(
        new ScanCommand({
          TableName: this.store.tableName,
          ProjectionExpression,
          FilterExpression: filter,
          ExpressionAttributeNames: { ...ExpressionAttributeNames, ...extra.names },
          ExpressionAttributeValues: { ...entityValues, ...extra.values },
          ExclusiveStartKey: startKey,
        }),
      );
      items.push(...(response.Items ?? []));
      startKey = response.LastEvaluatedKey;
    } while (startKey);
    return items;
  }
}
