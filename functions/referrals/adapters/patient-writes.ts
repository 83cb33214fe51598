import type { DataStore } from '../../platform/dynamodb/client';
import { entityConfig } from '../../platform/dynamodb/service';
import {
  putAction,
  type TransactItem,
  type TransactionOutcome,
  transactWrite,
  updateAction,
} from '../../platform/dynamodb/transactions';
import { claimedMobile, mobileClaimEntity } from '../entities/mobile-claim';
import { type Patient, patientEntity } from '../entities/patient';
import { MobileClaimedError } from '../errors';
import type { PatientChanges } from '../ports';

/**
 * Every patient change that can move the SMS contact claim (a consent given or withdrawn, a new mobile, a STOP or
 * START by text, an erasure) goes through here, so the claim moves in the same transaction as the patient: the old
 * claim is released (if it is this patient's), the new one taken (if free, or already this patient's), and the
 * patient changed only if still as read. One place for the rule, used by both of this context's adapters.
 */
export class PatientWrites {
  private readonly patients;
  private readonly claims;

  constructor(private readonly store: DataStore) {
    const config = entityConfig(store);
    this.patients = patientEntity(config);
    this.claims = mobileClaimEntity(config);
  }

  /** The claim a new patient takes with its creation, as an action for that transaction (undefined when none). */
  claimFor(patient: Patient): TransactItem | undefined {
    const mobile = claimedMobile(patient);
    return mobile ? this.claimAction(mobile, patient.patientId, patient.createdAt) : undefined;
  }

  /** The release of an erased patient's claim, as an action for the erasure's transaction. */
  releaseFor(patient: Patient): TransactItem | undefined {
    const mobile = claimedMobile(patient);
    return mobile ? this.releaseAction(mobile, patient.patientId) : undefined;
  }

  /**
   * Applies `changes` to `current` (as read). When the claim does not move, one conditional update; when it does, one
   * transaction with the claim's release and take, conditional on the patient's consent and mobile still being as
   * read. `along` adds writes to the same transaction (the caseload rows' new name), conditional on the patient's own
   * list of referrals still holding `listedReferralCount` ids. Throws MobileClaimedError when another patient holds
   * the new claim; returns false when the patient changed meanwhile or was erased (nothing written).
   */
  async update(
    current: Patient,
    changes: PatientChanges,
    along?: { listedReferralCount: number; actions: readonly TransactItem[] },
  ): Promise<Patient | false> {
    const next = merge(current, changes);
    const before = claimedMobile(current);
    const after = claimedMobile(next);
    const touchesContact = changes.mobile !== undefined || changes.smsConsent !== undefined;
    const actions: TransactItem[] = [
      updateAction(this.patientUpdate(current, changes, touchesContact, along?.listedReferralCount)),
    ];
    let claimAt = -1;
    if (before !== after) {
      // A record from before claims existed may share its number with the patient who holds the claim: leave theirs.
      const holder = before ? await this.holderOf(before) : undefined;
      if (before && (holder === undefined || holder === current.patientId)) {
        actions.push(this.releaseAction(before, current.patientId));
      }
      if (after) {
        claimAt = actions.length;
        actions.push(this.claimAction(after, current.patientId, changes.updatedAt));
      }
    }
    actions.push(...(along?.actions ?? []));
    const outcome = await transactWrite(this.store, actions);
    if (outcome.committed) return next;
    if (after && claimAt >= 0 && failedAt(outcome, claimAt)) {
      throw new MobileClaimedError(await this.holderOf(after));
    }
    return false;
  }

  async holderOf(mobile: string): Promise<string | undefined> {
    const { data } = await this.claims.get({ mobile }).go({ consistent: true });
    return data?.patientId;
  }

  private patientUpdate(current: Patient, changes: PatientChanges, asRead: boolean, listedReferralCount?: number) {
    const set: Record<string, unknown> = {};
    const remove: string[] = [];
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) continue;
      if (value === null) remove.push(key);
      else set[key] = value;
    }
    const base = this.patients.patch({ patientId: current.patientId }).set(set as Partial<Patient>);
    const withRemove = remove.length ? base.remove(remove as never) : base;
    return withRemove
      .where((attr, op) =>
        [
          // An erasure that got in first wins: nothing it removed can be written back.
          op.notExists(attr.erasedAt),
          // The claim was decided on the consent and mobile read: a change to either since then must be re-decided.
          ...(asRead
            ? [
                op.eq(attr.smsConsent, current.smsConsent),
                current.mobile ? op.eq(attr.mobile, current.mobile) : op.notExists(attr.mobile),
              ]
            : []),
          // The caseload rows named in the same transaction are all the patient's referrals only if none was added.
          ...(listedReferralCount === undefined
            ? []
            : [
                listedReferralCount === 0
                  ? op.notExists(attr.referralIds)
                  : `${op.size(attr.referralIds)} = ${op.value(attr.referralIds as never, listedReferralCount as never)}`,
              ]),
        ].join(' AND '),
      )
      .params();
  }

  private claimAction(mobile: string, patientId: string, at: string): TransactItem {
    return putAction(
      this.claims
        .put({ mobile, patientId, claimedAt: at })
        // Free, or already this patient's (a claim taken before, kept while the consent and mobile stayed).
        .where((attr, op) => `${op.notExists(attr.patientId)} OR ${op.eq(attr.patientId, patientId)}`)
        .params(),
    );
  }

  private releaseAction(mobile: string, patientId: string): TransactItem {
    const { ReturnValues: _returnValues, ...params } = this.claims
      .delete({ mobile })
      // This patient's claim, or none (a record from before claims existed): never another patient's.
      .where((attr, op) => `${op.notExists(attr.patientId)} OR ${op.eq(attr.patientId, patientId)}`)
      .params() as Record<string, unknown>;
    return { Delete: params as NonNullable<TransactItem['Delete']> };
  }
}

function merge(current: Patient, changes: PatientChanges): Patient {
  const next: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete next[key];
    else if (value !== undefined) next[key] = value;
  }
  return next as Patient;
}

function failedAt(outcome: TransactionOutcome, index: number): boolean {
  return !outcome.committed && outcome.reasons[index] === 'ConditionalCheckFailed';
}
