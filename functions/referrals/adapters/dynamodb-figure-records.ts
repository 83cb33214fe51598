import type { DataStore } from '../../platform/dynamodb/client';
import { queryPartitionProjected, type RawItem, scanProjected } from '../../platform/dynamodb/projected-reads';
import { entityConfig } from '../../platform/dynamodb/service';
import { patientEntity } from '../entities/patient';
import { referralEntity } from '../entities/referral';

/*
 * The referrals context's items as commissioners' figures need them (decision 0002), handed to the outcomes
 * context through this front door: referrals, their status events and their patients' demographics and consent.
 * Only the attributes below are read (projected), so no name, NHS number, phone number, date of birth or note leaves
 * the table in these reads.
 */

export interface ReferralFigureView {
  referralId: string;
  patientId: string;
  icbId: string;
  pcnId: string;
  practiceId: string;
  needs: readonly string[];
  ageBandAtReferral?: string;
  source?: string;
  receivedAt: string;
  createdAt?: string;
  concernRaisedAt?: string;
}

export interface ReferralEventFigureView {
  referralId: string;
  eventId: string;
  at: string;
  toStatus?: string;
  snomedCode?: string;
}

export interface PatientFigureView {
  patientId: string;
  sex?: string;
  ethnicity?: string;
  smsConsent?: string;
  smsConsentChangedAt?: string;
}

/** The organisation level of a scope, and its id (none for NATIONAL). */
export interface FigureScopeFilter {
  kind: 'NATIONAL' | 'ICB' | 'PCN' | 'PRACTICE';
  id?: string;
}

const REFERRAL_ATTRIBUTES = [
  'referralId',
  'patientId',
  'icbId',
  'pcnId',
  'practiceId',
  'needs',
  'ageBandAtReferral',
  'source',
  'receivedAt',
  'createdAt',
  'concernRaisedAt',
];
const EVENT_ATTRIBUTES = ['referralId', 'eventId', 'at', 'toStatus', 'snomedCode'];
const PATIENT_ATTRIBUTES = ['patientId', 'sex', 'ethnicity', 'smsConsent', 'smsConsentChangedAt'];
const SCOPE_ATTRIBUTE = { ICB: 'icbId', PCN: 'pcnId', PRACTICE: 'practiceId' } as const;

const str = (raw: RawItem, name: string) => (typeof raw[name] === 'string' ? (raw[name] as string) : undefined);

function referralView(raw: RawItem): ReferralFigureView {
  const needs = raw.needs;
  return {
    referralId: raw.referralId as string,
    patientId: raw.patientId as string,
    icbId: raw.icbId as string,
    pcnId: raw.pcnId as string,
    practiceId: raw.practiceId as string,
    needs: Array.isArray(needs) ? (needs as string[]) : needs instanceof Set ? [...(needs as Set<string>)] : [],
    ageBandAtReferral: str(raw, 'ageBandAtReferral'),
    source: str(raw, 'source'),
    receivedAt: raw.receivedAt as string,
    createdAt: str(raw, 'createdAt'),
    concernRaisedAt: str(raw, 'concernRaisedAt'),
  };
}

function eventView(raw: RawItem): ReferralEventFigureView {
  return {
    referralId: raw.referralId as string,
    eventId: raw.eventId as string,
    at: raw.at as string,
    toStatus: str(raw, 'toStatus'),
    snomedCode: str(raw, 'snomedCode'),
  };
}

function patientView(raw: RawItem): PatientFigureView {
  return {
    patientId: raw.patientId as string,
    sex: str(raw, 'sex'),
    ethnicity: str(raw, 'ethnicity'),
    smsConsent: str(raw, 'smsConsent'),
    smsConsentChangedAt: str(raw, 'smsConsentChangedAt'),
  };
}

export class DynamoDbReferralFigureRecords {
  private readonly referrals;
  private readonly patients;

  constructor(private readonly store: DataStore) {
    const config = entityConfig(store);
    this.referrals = referralEntity(config);
    this.patients = patientEntity(config);
  }

  /** One referral and its status events: one Query of the referral's item collection (access pattern 8). */
  async referral(referralId: string): Promise<{ referral?: ReferralFigureView; events: ReferralEventFigureView[] }> {
    const pk = (this.referrals.query.byId({ referralId }).params() as { ExpressionAttributeValues: RawItem })
      .ExpressionAttributeValues[':pk'] as string;
    const items = await queryPartitionProjected(
      this.store,
      pk,
      ['referral', 'referralEvent'],
      [...new Set([...REFERRAL_ATTRIBUTES, ...EVENT_ATTRIBUTES])],
    );
    const referralItem = items.find((item) => item.__edb_e__ === 'referral');
    return {
      ...(referralItem ? { referral: referralView(referralItem) } : {}),
      events: items.filter((item) => item.__edb_e__ === 'referralEvent').map(eventView),
    };
  }

  async patient(patientId: string): Promise<PatientFigureView | undefined> {
    const { data } = await this.patients
      .get({ patientId })
      .go({ attributes: ['patientId', 'sex', 'ethnicity', 'smsConsent', 'smsConsentChangedAt'] });
    return data ? patientView(data as unknown as RawItem) : undefined;
  }

  async referralsOfPatient(patientId: string): Promise<ReferralFigureView[]> {
    const { data } = await this.referrals.query.byPatient({ patientId }).go({ pages: 'all' });
    return data.map((referral) => referralView(referral as unknown as RawItem));
  }

  /**
   * Every referral of a scope, their events and their patients: two scans of the table (projected), for nightly
   * reconciliation only.
   */
  async inScope(scope: FigureScopeFilter): Promise<{
    referrals: ReferralFigureView[];
    events: ReferralEventFigureView[];
    patients: PatientFigureView[];
  }> {
    const scopeFilter =
      scope.kind === 'NATIONAL'
        ? {}
        : { filter: '#s = :scopeId', names: { '#s': SCOPE_ATTRIBUTE[scope.kind] }, values: { ':scopeId': scope.id } };
    const referrals = (await scanProjected(this.store, ['referral'], REFERRAL_ATTRIBUTES, scopeFilter)).map(
      referralView,
    );
    const ids = new Set(referrals.map((referral) => referral.referralId));
    const patientIds = new Set(referrals.map((referral) => referral.patientId));
    const related = await scanProjected(
      this.store,
      ['referralEvent', 'patient'],
      [...new Set([...EVENT_ATTRIBUTES, ...PATIENT_ATTRIBUTES])],
    );
    return {
      referrals,
      events: related
        .filter((raw) => raw.__edb_e__ === 'referralEvent' && ids.has(raw.referralId as string))
        .map(eventView),
      patients: related
        .filter((raw) => raw.__edb_e__ === 'patient' && patientIds.has(raw.patientId as string))
        .map(patientView),
    };
  }
}
