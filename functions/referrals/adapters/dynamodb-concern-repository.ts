import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from '../../platform/dynamodb/batch-get';
import type { DataStore } from '../../platform/dynamodb/client';
import { isConditionalCheckFailure } from '../../platform/dynamodb/errors';
import { queryKeyPage } from '../../platform/dynamodb/key-paging';
import { entityConfig } from '../../platform/dynamodb/service';
import { putAction, type TransactItem, transactWrite, updateAction } from '../../platform/dynamodb/transactions';
import { ConflictError } from '../../shared/errors';
import { type Concern, type ConcernText, concernEntity } from '../entities/concern';
import { type Referral, referralEntity } from '../entities/referral';
import type { ConcernRepository, ConcernRow, OpenConcernScope, Page } from '../ports';
import type { ConcernAction } from '../vocabulary';

const CHANGED = 'The concern or its referral changed while you were acting on it; reload it and try again';

/**
 * Concerns over ElectroDB. The scope and watch indexes are sparse by condition (see the entity), so every change of
 * status goes through `patch`, which supplies every key attribute: ElectroDB then writes or removes each index's keys
 * as the condition now says, instead of leaving stale keys behind.
 */
export class DynamoDbConcernRepository implements ConcernRepository {
  private readonly concerns;
  private readonly referrals;
  private readonly documentClient;

  constructor(private readonly store: DataStore) {
    const config = entityConfig(store);
    this.documentClient = store.documentClient;
    this.concerns = concernEntity(config);
    this.referrals = referralEntity(config);
  }

  async get(concernId: string, options: { consistent?: boolean } = {}): Promise<Concern | undefined> {
    const { data } = await this.concerns.get({ concernId }).go({ consistent: options.consistent === true });
    return data ?? undefined;
  }

  async getMany(concernIds: readonly string[]): Promise<Concern[]> {
    const found = await batchGetAll(
      concernIds,
      (ids) => this.concerns.get(ids.map((concernId) => ({ concernId }))).go({ consistent: true }),
      (item) => item.concernId,
      (key) => key.concernId,
    );
    return concernIds.flatMap((id) => {
      const concern = found.get(id);
      return concern ? [concern] : [];
    });
  }

  /** The referral row's concern fields, conditional on the version read and on the referral not being erased. */
  private rowChange(referral: Pick<Referral, 'referralId' | 'version'>, row: ConcernRow): TransactItem {
    const change = this.referrals.patch({ referralId: referral.referralId }).set(rowFields(row)).add({ version: 1 });
    return updateAction(
      (row.concernRaisedAt ? change : change.remove(['concernRaisedAt']))
        .where(
          ({ version, erasedAt }, { eq, notExists }) => `${eq(version, referral.version)} AND ${notExists(erasedAt)}`,
        )
        .params(),
    );
  }

  /** A change to the concern as read, carrying every key attribute so the sparse indexes follow its status. */
  private patch(concern: Concern) {
    return this.concerns.patch({ concernId: concern.concernId }).composite(keyAttributes(concern));
  }

  async open(concern: Concern, referral: Pick<Referral, 'referralId' | 'version'>, row: ConcernRow) {
    const result = await transactWrite(this.store, [
      putAction(this.concerns.create(concern).params()),
      this.rowChange(referral, row),
    ]);
    return result.committed;
  }

  async attach(concern: Concern, text: ConcernText, at: string): Promise<boolean> {
    try {
      await this.patch(concern)
        .set({
          lastRaisedAt: text.at,
          raisedCount: concern.raisedCount + 1,
          reasons: [...new Set([...concern.reasons, text.reason])],
          updatedAt: at,
        })
        .append({ texts: [text] })
        .add({ version: 1 })
        .where(
          ({ version, status, erasedAt }, { eq, notExists }) =>
            `${eq(version, concern.version)} AND ${eq(status, 'OPEN')} AND ${notExists(erasedAt)}`,
        )
        .go();
      return true;
    } catch (error) {
      if (isConditionalCheckFailure(error)) return false;
      throw error;
    }
  }

  async acknowledge(concern: Concern, by: { userId: string; at: string }): Promise<Concern> {
    const changes = { status: 'ACKNOWLEDGED' as const, acknowledgedAt: by.at, acknowledgedBy: by.userId };
    try {
      await this.patch(concern)
        .set({ ...changes, updatedAt: by.at })
        .add({ version: 1 })
        .where(
          ({ version, erasedAt }, { eq, notExists }) => `${eq(version, concern.version)} AND ${notExists(erasedAt)}`,
        )
        .go();
    } catch (error) {
      if (isConditionalCheckFailure(error)) throw new ConflictError(CHANGED, { cause: error });
      throw error;
    }
    return { ...concern, ...changes, updatedAt: by.at, version: concern.version + 1 };
  }

  async resolve(
    concern: Concern,
    referral: Pick<Referral, 'referralId' | 'version'>,
    resolution: { userId: string; at: string; action: ConcernAction; note?: string },
    row: ConcernRow,
  ): Promise<Concern> {
    const changes = {
      status: 'RESOLVED' as const,
      resolvedAt: resolution.at,
      resolvedBy: resolution.userId,
      action: resolution.action,
      // Resolving a concern nobody had acknowledged is acknowledging it too, by the same person at the same moment.
      acknowledgedAt: concern.acknowledgedAt ?? resolution.at,
      acknowledgedBy: concern.acknowledgedBy ?? resolution.userId,
      ...(resolution.note !== undefined ? { note: resolution.note } : {}),
    };
    const result = await transactWrite(this.store, [
      updateAction(
        this.patch(concern)
          .set({ ...changes, updatedAt: resolution.at })
          .add({ version: 1 })
          .where(
            ({ version, erasedAt }, { eq, notExists }) => `${eq(version, concern.version)} AND ${notExists(erasedAt)}`,
          )
          .params(),
      ),
      this.rowChange(referral, row),
    ]);
    if (!result.committed) throw new ConflictError(CHANGED);
    return { ...concern, ...changes, updatedAt: resolution.at, version: concern.version + 1 };
  }

  async reassign(concern: Concern, caseloadOwner: string, at: string): Promise<boolean> {
    try {
      await this.concerns
        .patch({ concernId: concern.concernId })
        .composite({ pcnId: concern.pcnId, icbId: concern.icbId, raisedAt: concern.raisedAt })
        .set({ caseloadOwner, status: concern.status, updatedAt: at })
        .add({ version: 1 })
        .where(
          ({ version, erasedAt }, { eq, notExists }) => `${eq(version, concern.version)} AND ${notExists(erasedAt)}`,
        )
        .go();
      return true;
    } catch (error) {
      if (isConditionalCheckFailure(error)) return false;
      throw error;
    }
  }

  async listOpen(scope: OpenConcernScope, page: { first: number; after?: string }): Promise<Page<Concern>> {
    const { concerns } = this;
    const [query, index] =
      'caseloadOwner' in scope
        ? [concerns.query.openByOwner({ caseloadOwner: scope.caseloadOwner }), 'gsi1']
        : 'pcnId' in scope
          ? [concerns.query.openByPcn({ pcnId: scope.pcnId }), 'gsi2']
          : [concerns.query.openByIcb({ icbId: scope.icbId }), 'gsi5'];
    const params = query.params();
    return queryKeyPage({
      documentClient: this.documentClient,
      params,
      keyFields: ['pk', 'sk', `${index}pk`, `${index}sk`],
      partition: { [`${index}pk`]: params.ExpressionAttributeValues[':pk'] },
      first: page.first,
      after: page.after,
      parse: (items) => concerns.parse({ Items: items }).data,
    });
  }

  async listForPatient(patientId: string): Promise<Concern[]> {
    const { data } = await this.concerns.query.byPatient({ patientId }).go({ pages: 'all' });
    return data;
  }

  async oldestUnacknowledged(): Promise<Concern | undefined> {
    const params = this.concerns.query.unacknowledged({}).params();
    const output = await this.documentClient.send(new QueryCommand({ ...params, Limit: 1 }));
    return this.concerns.parse({ Items: output.Items ?? [] }).data[0];
  }

  async erase(concern: Concern, erasedAt: string): Promise<void> {
    await this.patch(concern)
      .set({ erasedAt: concern.erasedAt ?? erasedAt, status: concern.status, updatedAt: erasedAt })
      .remove(['note'])
      .add({ version: 1 })
      .go();
  }
}

/** Every attribute of the concern's index keys, so a change of status writes or removes each index's keys. */
function keyAttributes(concern: Concern) {
  return {
    caseloadOwner: concern.caseloadOwner,
    pcnId: concern.pcnId,
    icbId: concern.icbId,
    raisedAt: concern.raisedAt,
  };
}

/** The referral row's concern fields after a change. */
function rowFields(row: ConcernRow) {
  return {
    openConcernIds: row.openConcernIds,
    concernOpen: row.openConcernIds.length > 0,
    updatedAt: row.at,
    ...(row.concernRaisedAt ? { concernRaisedAt: row.concernRaisedAt } : {}),
  };
}
