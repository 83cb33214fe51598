import type { DataStore } from '../../platform/dynamodb/client';
import { type RawItem, scanProjected } from '../../platform/dynamodb/projected-reads';
import { entityConfig } from '../../platform/dynamodb/service';
import { checkInEntity } from '../entities/check-in';
import { outcomeEntity } from '../entities/outcome';

/*
 * The check-ins context's items as commissioners' figures need them (decision 0002), handed to the outcomes context
 * through this front door: check-ins (when, what state, how many answers) and outcome measurements (instrument,
 * item, value, wave, dates). Never a message body, a phone number or a reply's words.
 */

export interface CheckInFigureView {
  referralId: string;
  checkInId: string;
  scheduledFor: string;
  status: string;
  introSent: boolean;
  questionSentAt?: string;
  answeredCount: number;
  updatedAt?: string;
  closedAt?: string;
}

export interface OutcomeFigureView {
  referralId: string;
  outcomeId: string;
  instrument: string;
  item: string;
  value: number;
  wave: string;
  measuredAt: string;
  /** When the measurement was written (it may be recorded in person for an earlier date). */
  createdAt?: string;
}

const CHECK_IN_ATTRIBUTES = [
  'referralId',
  'checkInId',
  'scheduledFor',
  'status',
  'introSent',
  'questionSentAt',
  'answeredCount',
  'updatedAt',
  'closedAt',
] as const;
const OUTCOME_ATTRIBUTES = [
  'referralId',
  'outcomeId',
  'instrument',
  'item',
  'value',
  'wave',
  'measuredAt',
  'createdAt',
] as const;

const str = (raw: RawItem, name: string) => (typeof raw[name] === 'string' ? (raw[name] as string) : undefined);

function checkInView(raw: RawItem): CheckInFigureView {
  return {
    referralId: raw.referralId as string,
    checkInId: raw.checkInId as string,
    scheduledFor: raw.scheduledFor as string,
    status: raw.status as string,
    introSent: raw.introSent === true,
    questionSentAt: str(raw, 'questionSentAt'),
    answeredCount: typeof raw.answeredCount === 'number' ? raw.answeredCount : 0,
    updatedAt: str(raw, 'updatedAt'),
    closedAt: str(raw, 'closedAt'),
  };
}

function outcomeView(raw: RawItem): OutcomeFigureView {
  return {
    referralId: raw.referralId as string,
    outcomeId: raw.outcomeId as string,
    instrument: raw.instrument as string,
    item: raw.item as string,
    value: Number(raw.value),
    wave: raw.wave as string,
    measuredAt: raw.measuredAt as string,
    createdAt: str(raw, 'createdAt'),
  };
}

export class DynamoDbCheckInFigureRecords {
  private readonly checkIns;
  private readonly outcomes;

  constructor(private readonly store: DataStore) {
    const config = entityConfig(store);
    this.checkIns = checkInEntity(config);
    this.outcomes = outcomeEntity(config);
  }

  /** A referral's check-ins (found by its patient) and its outcome measurements. */
  async ofReferral(
    referralId: string,
    patientId: string,
  ): Promise<{ checkIns: CheckInFigureView[]; outcomes: OutcomeFigureView[] }> {
    const [checkIns, outcomes] = await Promise.all([
      this.checkIns.query.byPatient({ patientId }).go({ pages: 'all', attributes: [...CHECK_IN_ATTRIBUTES] }),
      this.outcomes.query.byReferral({ referralId }).go({ pages: 'all', attributes: [...OUTCOME_ATTRIBUTES] }),
    ]);
    return {
      checkIns: checkIns.data
        .filter((checkIn) => checkIn.referralId === referralId)
        .map((checkIn) => checkInView(checkIn as unknown as RawItem)),
      outcomes: outcomes.data.map((outcome) => outcomeView(outcome as unknown as RawItem)),
    };
  }

  /** Every check-in and measurement of the given referrals: one scan of the table, for nightly jobs. */
  async ofReferrals(
    referralIds: ReadonlySet<string>,
  ): Promise<{ checkIns: CheckInFigureView[]; outcomes: OutcomeFigureView[] }> {
    const items = await scanProjected(
      this.store,
      ['checkIn', 'outcome'],
      [...new Set([...CHECK_IN_ATTRIBUTES, ...OUTCOME_ATTRIBUTES])],
    );
    const mine = (raw: RawItem, entity: string) =>
      raw.__edb_e__ === entity && referralIds.has(raw.referralId as string);
    return {
      checkIns: items.filter((raw) => mine(raw, 'checkIn')).map(checkInView),
      outcomes: items.filter((raw) => mine(raw, 'outcome')).map(outcomeView),
    };
  }
}
