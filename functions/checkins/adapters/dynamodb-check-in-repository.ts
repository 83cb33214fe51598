import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from '../../platform/dynamodb/batch-get';
import type { DataStore } from '../../platform/dynamodb/client';
import { isConditionalCheckFailure } from '../../platform/dynamodb/errors';
import { entityConfig } from '../../platform/dynamodb/service';
import { DUE_INDEX_SHARDS } from '../../platform/dynamodb/table-definition';
import {
  conditionCheckAction,
  foldConditions,
  putAction,
  type TransactItem,
  updateAction,
} from '../../platform/dynamodb/transactions';
import { ConflictError } from '../../shared/errors';
import { type CheckIn, checkInEntity } from '../entities/check-in';
import { INBOUND_RECEIPT_TTL_SECONDS, inboundReceiptEntity } from '../entities/inbound-receipt';
import { inboxMessageEntity } from '../entities/inbox-message';
import {
  type DeliveryState,
  OUTBOUND_TEXT_TTL_SECONDS,
  type OutboundText,
  outboundTextEntity,
} from '../entities/outbound-text';
import { outcomeEntity } from '../entities/outcome';
import { type SmsMessage, smsMessageEntity } from '../entities/sms-message';
import { NO_REFERRAL, smsUsageEntity } from '../entities/sms-usage';
import { countSegments } from '../gsm7';
import type { CheckInRepository, InboundCommit, ThreadMessage } from '../ports';

/** The due-index shard of a check-in: FNV-1a of its id, so writes spread evenly and a shard never changes. */
export function dueShardOf(checkInId: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < checkInId.length; i++) {
    hash ^= checkInId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return String(hash % DUE_INDEX_SHARDS);
}

/** A usage item's key as one string (ids hold no `|`). */
function usageKey(key: { patientId: string; referralId: string }): string {
  return `${key.patientId}|${key.referralId}`;
}

/** Thread message ids sort by time, then by a suffix that makes them unique and (for inbound) deterministic. */
function threadMessageId(
  message: Pick<ThreadMessage, 'direction' | 'inboundMessageId'> &
    Partial<Pick<ThreadMessage, 'kind' | 'questionIndex'>>,
): string {
  if (message.inboundMessageId && message.direction === 'IN') return `in-${message.inboundMessageId}`;
  return `out-${message.kind}-${message.questionIndex ?? 'x'}-${Math.random().toString(36).slice(2, 10)}`;
}

type Where = Parameters<ReturnType<ReturnType<typeof checkInEntity>['query']['byId']>['where']>[0];
type TransactUpdate = NonNullable<TransactItem['Update']>;
type TransactPut = NonNullable<TransactItem['Put']>;

export class DynamoDbCheckInRepository implements CheckInRepository {
  private readonly checkIns;
  private readonly messages;
  private readonly receipts;
  private readonly outcomes;
  private readonly inbox;
  private readonly usage;
  private readonly outbound;
  private readonly documentClient;

  /**
   * `patientGuard` gives the condition (from the referrals context) that the patient is not erased; every write of a
   * text's words carries it, so a text handled while an erasure runs cannot land after it.
   */
  constructor(
    store: DataStore,
    private readonly patientGuard: (patientId: string) => TransactItem | undefined = () => undefined,
  ) {
    const config = entityConfig(store);
    this.checkIns = checkInEntity(config);
    this.messages = smsMessageEntity(config);
    this.receipts = inboundReceiptEntity(config);
    this.outcomes = outcomeEntity(config);
    this.inbox = inboxMessageEntity(config);
    this.usage = smsUsageEntity(config);
    this.outbound = outboundTextEntity(config);
    this.documentClient = store.documentClient;
  }

  async create(checkIn: CheckIn): Promise<void> {
    try {
      await this.checkIns
        .create({ ...checkIn, ...(checkIn.dueAt ? { dueShard: dueShardOf(checkIn.checkInId) } : {}) })
        .go();
    } catch (error) {
      if (isConditionalCheckFailure(error)) {
        throw new ConflictError(`Check-in ${checkIn.checkInId} already exists`, { cause: error });
      }
      throw error;
    }
  }

  async get(checkInId: string): Promise<CheckIn | undefined> {
    const { data } = await this.checkIns.get({ checkInId }).go({ consistent: true });
    return data ?? undefined;
  }

  async getMany(checkInIds: readonly string[]): Promise<CheckIn[]> {
    const found = await batchGetAll(
      checkInIds,
      (ids) => this.checkIns.get(ids.map((checkInId) => ({ checkInId }))).go(),
      (item) => item.checkInId,
      (key) => key.checkInId,
    );
    return [...found.values()];
  }

  async listByPatient(patientId: string): Promise<CheckIn[]> {
    const { data } = await this.checkIns.query.byPatient({ patientId }).go({ pages: 'all' });
    return data;
  }

  async listDue(now: string, limitPerShard: number): Promise<CheckIn[]> {
    const shards = Array.from({ length: DUE_INDEX_SHARDS }, (_, shard) => String(shard));
    const pages = await Promise.all(
      shards.map((dueShard) =>
        this.checkIns.query.dueForSending({ dueShard }).lte({ dueAt: now }).go({ limit: limitPerShard }),
      ),
    );
    return pages.flatMap((page) => page.data).sort((a, b) => (a.dueAt ?? '').localeCompare(b.dueAt ?? ''));
  }

  /** Runs a conditional patch; false when the condition failed (someone else changed the check-in). */
  private async conditional(run: () => Promise<unknown>): Promise<boolean> {
    try {
      await run();
      return true;
    } catch (error) {
      if (isConditionalCheckFailure(error)) return false;
      throw error;
    }
  }

  /** The check-in is still exactly in the state it was read in (status, step and due time). */
  private asRead(checkIn: CheckIn): Where {
    return (attr, op) =>
      [
        op.eq(attr.status, checkIn.status),
        op.eq(attr.questionIndex, checkIn.questionIndex),
        op.eq(attr.introSent, checkIn.introSent),
        checkIn.dueAt ? op.eq(attr.dueAt, checkIn.dueAt) : op.notExists(attr.dueAt),
      ].join(' AND ');
  }

  claim(checkIn: CheckIn, claim: { token: string; at: string; timeoutAt: string }): Promise<boolean> {
    return this.conditional(() =>
      this.checkIns
        .patch({ checkInId: checkIn.checkInId })
        .set({
          status: 'SENDING',
          claimToken: claim.token,
          claimedAt: claim.at,
          dueAt: claim.timeoutAt,
          dueShard: dueShardOf(checkIn.checkInId),
          updatedAt: claim.at,
        })
        .where(this.asRead({ ...checkIn, status: 'WAITING' }))
        .go(),
    );
  }

  async confirmSent(
    checkIn: CheckIn,
    token: string,
    next: {
      status: 'AWAITING_REPLY' | 'WAITING';
      introSent: boolean;
      dueAt: string;
      questionSentAt?: string;
      providerMessageId: string;
    },
    message: ThreadMessage,
  ): Promise<boolean> {
    const update = this.checkIns
      .patch({ checkInId: checkIn.checkInId })
      .set({
        status: next.status,
        introSent: next.introSent,
        dueAt: next.dueAt,
        dueShard: dueShardOf(checkIn.checkInId),
        attempts: 0,
        lastProviderMessageId: next.providerMessageId,
        updatedAt: message.at,
        ...(next.questionSentAt ? { questionSentAt: next.questionSentAt } : {}),
      })
      .remove(['claimToken', 'claimedAt', 'lastFailure'])
      .where((attr, op) => `${op.eq(attr.status, 'SENDING')} AND ${op.eq(attr.claimToken, token)}`)
      .params();
    return this.transact([
      { Update: update as TransactUpdate },
      { Put: this.messageParams(message) },
      this.usageAction(message),
      ...this.outboundAction(message),
      ...this.guardFor(message),
    ]).then((result) => result === 'ok');
  }

  releaseClaim(
    checkIn: CheckIn,
    token: string,
    next: { status: 'WAITING' | 'FAILED'; attempts: number; failure: string; dueAt: string | null; at: string },
  ): Promise<boolean> {
    const dueFields = next.dueAt ? { dueAt: next.dueAt, dueShard: dueShardOf(checkIn.checkInId) } : {};
    const remove: ('claimToken' | 'claimedAt' | 'dueAt' | 'dueShard')[] = ['claimToken', 'claimedAt'];
    if (!next.dueAt) remove.push('dueAt', 'dueShard');
    return this.conditional(() =>
      this.checkIns
        .patch({ checkInId: checkIn.checkInId })
        .set({
          status: next.status,
          attempts: next.attempts,
          lastFailure: next.failure,
          updatedAt: next.at,
          ...dueFields,
          ...(next.status === 'FAILED' ? { needsReview: true, closedAt: next.at, closeReason: 'SEND_FAILED' } : {}),
        })
        .remove(remove)
        .where((attr, op) => `${op.eq(attr.status, 'SENDING')} AND ${op.eq(attr.claimToken, token)}`)
        .go(),
    );
  }

  markUncertain(checkIn: CheckIn, at: string): Promise<boolean> {
    return this.conditional(() =>
      this.checkIns
        .patch({ checkInId: checkIn.checkInId })
        .set({ status: 'UNCERTAIN', needsReview: true, closedAt: at, closeReason: 'SEND_UNCONFIRMED', updatedAt: at })
        .remove(['dueAt', 'dueShard'])
        .where((attr, op) => `${op.eq(attr.status, 'SENDING')} AND ${op.eq(attr.claimToken, checkIn.claimToken ?? '')}`)
        .go(),
    );
  }

  defer(checkIn: CheckIn, dueAt: string): Promise<boolean> {
    return this.conditional(() =>
      this.checkIns
        .patch({ checkInId: checkIn.checkInId })
        .set({ dueAt, dueShard: dueShardOf(checkIn.checkInId) })
        .where(this.asRead(checkIn))
        .go(),
    );
  }

  close(
    checkIn: CheckIn,
    close: { status: 'CANCELLED' | 'NO_RESPONSE'; reason: string; at: string; needsReview?: boolean },
  ): Promise<boolean> {
    return this.conditional(() =>
      this.checkIns
        .patch({ checkInId: checkIn.checkInId })
        .set({
          status: close.status,
          closeReason: close.reason,
          closedAt: close.at,
          updatedAt: close.at,
          ...(close.needsReview ? { needsReview: true } : {}),
        })
        .remove(['dueAt', 'dueShard'])
        .where(this.asRead(checkIn))
        .go(),
    );
  }

  claimReminder(checkIn: CheckIn, at: string, expiresAt: string): Promise<boolean> {
    return this.conditional(() =>
      this.checkIns
        .patch({ checkInId: checkIn.checkInId })
        .set({ reminderSentAt: at, dueAt: expiresAt, dueShard: dueShardOf(checkIn.checkInId), updatedAt: at })
        .where((attr, op) => `${this.asRead(checkIn)(attr, op)} AND ${op.notExists(attr.reminderSentAt)}`)
        .go(),
    );
  }

  releaseReminder(checkIn: CheckIn, dueAt: string): Promise<boolean> {
    return this.conditional(() =>
      this.checkIns
        .patch({ checkInId: checkIn.checkInId })
        .set({ dueAt, dueShard: dueShardOf(checkIn.checkInId) })
        .remove(['reminderSentAt'])
        .where(
          (attr, op) =>
            `${op.eq(attr.status, 'AWAITING_REPLY')} AND ${op.eq(attr.questionIndex, checkIn.questionIndex)} AND ${op.exists(attr.reminderSentAt)}`,
        )
        .go(),
    );
  }

  async commitInbound(input: Parameters<CheckInRepository['commitInbound']>[0]): Promise<InboundCommit> {
    const receivedEpoch = Math.floor(new Date(input.receivedAt).getTime() / 1000);
    const items: NonNullable<TransactWriteCommandInput['TransactItems']> = [
      {
        Put: this.receipts
          .create({
            inboundMessageId: input.inboundMessageId,
            receivedAt: input.receivedAt,
            expiresAt: receivedEpoch + INBOUND_RECEIPT_TTL_SECONDS,
            threads: input.messages.flatMap((message) =>
              message.patientId ? [{ patientId: message.patientId, threadId: message.checkInId }] : [],
            ),
          })
          .params() as TransactPut,
      },
    ];
    if (input.checkIn) {
      const { checkIn, advance } = input.checkIn;
      const dueFields = advance.dueAt ? { dueAt: advance.dueAt, dueShard: dueShardOf(checkIn.checkInId) } : {};
      const base = this.checkIns
        .patch({ checkInId: checkIn.checkInId })
        .set({ ...advance.set, ...dueFields, updatedAt: input.receivedAt });
      const update = (advance.dueAt ? base : base.remove(['dueAt', 'dueShard']))
        .where(
          (attr, op) =>
            `${op.eq(attr.status, advance.expected.status)} AND ${op.eq(attr.questionIndex, advance.expected.questionIndex)}`,
        )
        .params();
      items.push({ Update: update as TransactUpdate });
    }
    if (input.outcome)
      items.push({
        Put: this.outcomes.create({ ...input.outcome, createdAt: input.receivedAt }).params() as TransactPut,
      });
    for (const message of input.messages) items.push({ Put: this.messageParams(message) });
    for (const item of input.inbox ?? []) {
      items.push({ Put: this.inbox.create({ ...item, state: 'UNHANDLED' }).params() as TransactPut });
    }
    // One guard per patient whose words are written: nothing lands for a patient erased meanwhile.
    const patients = [...new Set(input.messages.flatMap((message) => (message.patientId ? [message.patientId] : [])))];
    const firstGuard = items.length;
    for (const patientId of patients) {
      const guard = this.patientGuard(patientId);
      if (guard) items.push(guard);
    }
    // Last, so a redelivery, a moved check-in or an erasure is told apart first (reasons come in action order).
    const firstAlongside = items.length;
    if (input.segmentRoom) items.push(this.segmentRoomCondition(input.segmentRoom));
    items.push(...foldConditions(input.alongside ?? []));
    const result = await this.transact(items);
    if (result === 'ok') return 'committed';
    if (result.failedIndex === 0) return 'duplicate';
    if (result.failedIndex >= firstAlongside) return 'unmet';
    return result.failedIndex >= firstGuard ? 'erased' : 'stale';
  }

  /** Holds while the patient's segments about the referral leave room for `segments` more under `cap`. */
  private segmentRoomCondition(room: { patientId: string; referralId: string; segments: number; cap: number }) {
    return conditionCheckAction(this.usage.get({ patientId: room.patientId, referralId: room.referralId }).params(), {
      expression: 'attribute_not_exists(#segments) OR #segments <= :most',
      names: { '#segments': 'segments' },
      values: { ':most': room.cap - room.segments },
    });
  }

  async getInboundMessages(
    keys: readonly { threadId: string; at: string; inboundMessageId: string }[],
  ): Promise<SmsMessage[]> {
    // Thread, time and message id make a text's key; joined by a character none of them holds.
    const encode = (key: { checkInId: string; at: string; messageId: string }) =>
      `${key.checkInId}\u0000${key.at}\u0000${key.messageId}`;
    const decode = (id: string) => {
      const [checkInId, at, messageId] = id.split('\u0000');
      return { checkInId: checkInId!, at: at!, messageId: messageId! };
    };
    const ids = keys.map((key) =>
      encode({
        checkInId: key.threadId,
        at: key.at,
        messageId: threadMessageId({ direction: 'IN', inboundMessageId: key.inboundMessageId }),
      }),
    );
    const found = await batchGetAll(ids, (batch) => this.messages.get(batch.map(decode)).go(), encode, encode);
    return ids.flatMap((id) => {
      const message = found.get(id);
      return message ? [message] : [];
    });
  }

  async getInboundReceipt(inboundMessageId: string) {
    const { data } = await this.receipts.get({ inboundMessageId }).go({ consistent: true });
    return data ?? undefined;
  }

  async appendMessage(message: ThreadMessage): Promise<void> {
    // Not written when the patient was erased meanwhile: the words must not outlive the erasure. An outgoing text
    // counts towards the patient's segments in the same transaction, so the count is exactly the texts on record.
    const usage = message.direction === 'OUT' && message.patientId ? [this.usageAction(message)] : [];
    await this.transact([
      { Put: this.messageParams(message) },
      ...usage,
      ...this.outboundAction(message),
      ...this.guardFor(message),
    ]);
  }

  async getOutboundText(providerMessageId: string): Promise<OutboundText | undefined> {
    const { data } = await this.outbound.get({ providerMessageId }).go({ consistent: true });
    return data ?? undefined;
  }

  async settleDelivery(
    text: OutboundText,
    settled: { delivery: Exclude<DeliveryState, 'SENT'>; event: string; at: string },
  ): Promise<boolean> {
    return this.conditional(() =>
      this.outbound
        .patch({ providerMessageId: text.providerMessageId })
        .set({ delivery: settled.delivery, deliveryEvent: settled.event, deliveryAt: settled.at })
        .where((attr, op) => op.eq(attr.delivery, 'SENT'))
        .go(),
    );
  }

  async markDeliveryFailed(checkInId: string, at: string): Promise<boolean> {
    return this.conditional(() =>
      this.checkIns
        .patch({ checkInId })
        .set({ status: 'FAILED', closeReason: 'DELIVERY_FAILED', closedAt: at, updatedAt: at, needsReview: true })
        .remove(['dueAt', 'dueShard', 'claimToken', 'claimedAt'])
        .where((attr, op) => `${op.eq(attr.status, 'AWAITING_REPLY')} OR ${op.eq(attr.status, 'WAITING')}`)
        .go(),
    );
  }

  /**
   * The provider's id of an outgoing text, so its delivery events find it (none for local outbox copies). The first
   * text of a check-in is the intro or the first question: when it fails, nobody was asked anything.
   */
  private outboundAction(message: ThreadMessage): TransactItem[] {
    if (message.direction !== 'OUT' || !message.providerMessageId || message.kind === 'OUTBOX') return [];
    const first = message.kind === 'INTRO' || (message.kind === 'QUESTION' && message.questionIndex === 0);
    return [
      putAction(
        this.outbound
          .create({
            providerMessageId: message.providerMessageId,
            checkInId: message.checkInId,
            ...(message.patientId ? { patientId: message.patientId } : {}),
            ...(message.referralId ? { referralId: message.referralId } : {}),
            first,
            sentAt: message.at,
            expiresAt: Math.floor(Date.parse(message.at) / 1000) + OUTBOUND_TEXT_TTL_SECONDS,
          })
          .params(),
      ),
    ];
  }

  async segmentsUsed(keys: readonly { patientId: string; referralId: string }[]): Promise<Map<string, number>> {
    if (keys.length === 1) {
      // One key (the send step's read before each text): a consistent GetItem, not a batch.
      const { data } = await this.usage.get(keys[0]!).go({ consistent: true });
      return new Map([[usageKey(keys[0]!), data?.segments ?? 0]]);
    }
    const found = await batchGetAll(
      keys.map(usageKey),
      (ids) =>
        this.usage
          .get(
            ids.map((id) => {
              const [patientId, referralId] = id.split('|');
              return { patientId: patientId!, referralId: referralId! };
            }),
          )
          .go({ consistent: true }),
      (item) => usageKey(item),
      (key) => usageKey(key),
    );
    return new Map(keys.map((key) => [usageKey(key), found.get(usageKey(key))?.segments ?? 0]));
  }

  async usageOfPatient(patientId: string): Promise<{ referralId?: string; segments: number; texts: number }[]> {
    const { data } = await this.usage.query.byPatient({ patientId }).go({ pages: 'all' });
    return data.map((item) => ({
      ...(item.referralId === NO_REFERRAL ? {} : { referralId: item.referralId }),
      segments: item.segments,
      texts: item.texts,
    }));
  }

  /** Adds an outgoing text's segments to its patient's count for its referral (created on the first text). */
  private usageAction(message: ThreadMessage): TransactItem {
    return updateAction(
      this.usage
        .update({ patientId: message.patientId!, referralId: message.referralId ?? NO_REFERRAL })
        .add({ segments: countSegments(message.body).segments, texts: 1 })
        .set({ updatedAt: message.at })
        .params(),
    );
  }

  async eraseThread(checkInId: string, erasedAt: string, onlyPatientId?: string): Promise<string[]> {
    const inboundIds: string[] = [];
    for (const message of await this.listThread(checkInId)) {
      if (onlyPatientId !== undefined && message.patientId !== onlyPatientId) continue;
      if (message.inboundMessageId) inboundIds.push(message.inboundMessageId);
      if (message.body === undefined && message.to === undefined) continue;
      await this.messages
        .patch({ checkInId: message.checkInId, at: message.at, messageId: message.messageId })
        .remove(['body', 'to'])
        .set({ erasedAt })
        .go();
    }
    return inboundIds;
  }

  async deleteInboundReceipts(inboundMessageIds: readonly string[]): Promise<void> {
    for (const inboundMessageId of inboundMessageIds) await this.receipts.delete({ inboundMessageId }).go();
  }

  private guardFor(message: ThreadMessage): TransactItem[] {
    const guard = message.patientId ? this.patientGuard(message.patientId) : undefined;
    return guard ? [guard] : [];
  }

  async listThread(checkInId: string): Promise<SmsMessage[]> {
    const { data } = await this.messages.query.byCheckIn({ checkInId }).go({ pages: 'all' });
    return data;
  }

  private messageItem(message: ThreadMessage) {
    return {
      checkInId: message.checkInId,
      messageId: threadMessageId(message),
      direction: message.direction,
      kind: message.kind,
      body: message.body,
      at: message.at,
      patientId: message.patientId,
      questionIndex: message.questionIndex,
      providerMessageId: message.providerMessageId,
      inboundMessageId: message.inboundMessageId,
    };
  }

  private messageParams(message: ThreadMessage) {
    return this.messages.put(this.messageItem(message)).params() as TransactPut;
  }

  /** A transaction of ElectroDB-built params; on a failed condition, says which item failed. */
  private async transact(
    items: NonNullable<TransactWriteCommandInput['TransactItems']>,
  ): Promise<'ok' | { failedIndex: number }> {
    try {
      await this.documentClient.send(new TransactWriteCommand({ TransactItems: items }));
      return 'ok';
    } catch (error) {
      if (!isConditionalCheckFailure(error)) throw error;
      const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
      return { failedIndex: reasons.findIndex((reason) => reason.Code === 'ConditionalCheckFailed') };
    }
  }
}
