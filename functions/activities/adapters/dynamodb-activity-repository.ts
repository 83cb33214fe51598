import { createConversions } from 'electrodb';
import type { DataStore } from '../../platform/dynamodb/client';
import { isConditionalCheckFailure } from '../../platform/dynamodb/errors';
import { entityConfig } from '../../platform/dynamodb/service';
import type { TransactItem } from '../../platform/dynamodb/transactions';
import { ConflictError, ValidationError } from '../../shared/errors';
import { type Activity, activityEntity } from '../entities/activity';
import type { ActivityListQuery, ActivityPage, ActivityRepository } from '../ports';
import { searchTextOf } from '../validation';

const BATCH_GET_LIMIT = 100;
const MAX_BATCH_ATTEMPTS = 5;

/** Cursors are base64url JSON of a DynamoDB key (what ElectroDB calls a cursor); anything else is refused. */
function checkedCursor(after: string | undefined, partitionField: string, partitionValue: string): string | undefined {
  if (after === undefined) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  const valid =
    typeof key === 'object' &&
    key !== null &&
    Object.values(key).every((value) => typeof value === 'string') &&
    (key as Record<string, string>)[partitionField] === partitionValue;
  if (!valid) throw new ValidationError('after', 'is not a cursor from this list');
  return after;
}

export class DynamoDbActivityRepository implements ActivityRepository {
  private readonly activities;
  private readonly conversions;

  constructor(store: DataStore) {
    this.activities = activityEntity(entityConfig(store));
    this.conversions = createConversions(this.activities);
  }

  async create(activity: Activity): Promise<void> {
    try {
      await this.activities.create({ ...activity, searchText: searchTextOf(activity) }).go();
    } catch (error) {
      if (isConditionalCheckFailure(error)) {
        throw new ConflictError(`Activity ${activity.activityId} already exists`, { cause: error });
      }
      throw error;
    }
  }

  async get(activityId: string): Promise<Activity | undefined> {
    const { data } = await this.activities.get({ activityId }).go();
    return data ?? undefined;
  }

  async getMany(activityIds: readonly string[]): Promise<Activity[]> {
    const found: Activity[] = [];
    let pending = [...new Set(activityIds)].map((activityId) => ({ activityId }));
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt === MAX_BATCH_ATTEMPTS) throw new Error('getMany: DynamoDB left keys unprocessed after retries');
      const unprocessed: { activityId: string }[] = [];
      for (let start = 0; start < pending.length; start += BATCH_GET_LIMIT) {
        const { data, unprocessed: left } = await this.activities
          .get(pending.slice(start, start + BATCH_GET_LIMIT))
          .go();
        found.push(...data);
        unprocessed.push(...left);
      }
      pending = unprocessed;
    }
    return found;
  }

  async replace(activity: Activity, expectedVersion: number): Promise<void> {
    try {
      await this.activities
        .put({ ...activity, searchText: searchTextOf(activity) })
        .where(({ version }, { eq }) => eq(version, expectedVersion))
        .go();
    } catch (error) {
      if (isConditionalCheckFailure(error)) {
        throw new ConflictError(`Activity ${activity.activityId} was changed by someone else; reload and try again`, {
          cause: error,
        });
      }
      throw error;
    }
  }

  unchangedCondition(activityId: string, version: number): TransactItem {
    const { Key, TableName } = this.activities.get({ activityId }).params();
    return {
      ConditionCheck: {
        TableName,
        Key,
        ConditionExpression: '#version = :version',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':version': version },
      },
    };
  }

  async list(query: ActivityListQuery): Promise<ActivityPage> {
    const { category, text, includeArchived, first } = query;
    // One more than asked for tells us whether there is a next page, without ever returning an empty last page.
    // ElectroDB's `count` keeps querying, filter applied, until it has that many matches or the index runs out.
    const options = { count: first + 1 };
    let data: Activity[];
    let cursorOf: (item: Activity) => string;
    if ('pcnId' in query.by) {
      const { pcnId } = query.by;
      const cursor = checkedCursor(query.after, 'gsi1pk', this.partitionKey('byPcn', { pcnId }));
      ({ data } = await this.activities.query
        .byPcn(category ? { pcnId, category } : { pcnId })
        .where(({ status }, { eq }) => (includeArchived ? '' : eq(status, 'ACTIVE')))
        .where(({ searchText }, { contains }) => (text ? contains(searchText, text) : ''))
        .go({ ...options, cursor }));
      cursorOf = (item) => this.conversions.byAccessPattern.byPcn.fromComposite.toCursor(item);
    } else {
      const { providerOrganisationId } = query.by;
      const cursor = checkedCursor(query.after, 'gsi2pk', this.partitionKey('byProvider', { providerOrganisationId }));
      ({ data } = await this.activities.query
        .byProvider({ providerOrganisationId })
        .where(({ status }, { eq }) => (includeArchived ? '' : eq(status, 'ACTIVE')))
        .where(({ category: stored }, { eq }) => (category ? eq(stored, category) : ''))
        .where(({ searchText }, { contains }) => (text ? contains(searchText, text) : ''))
        .go({ ...options, cursor }));
      cursorOf = (item) => this.conversions.byAccessPattern.byProvider.fromComposite.toCursor(item);
    }
    if (data.length <= first) return { items: data, endCursor: null };
    const items = data.slice(0, first);
    return { items, endCursor: cursorOf(items[items.length - 1]) };
  }

  private partitionKey(accessPattern: 'byPcn' | 'byProvider', composite: Record<string, string>): string {
    const keys = this.conversions.byAccessPattern[accessPattern].fromComposite.toKeys(composite as never, {
      strict: 'none',
    }) as Record<string, string>;
    return accessPattern === 'byPcn' ? keys.gsi1pk : keys.gsi2pk;
  }
}
