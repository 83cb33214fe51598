import type { DataStore } from '../../platform/dynamodb/client';
import { isConditionalCheckFailure } from '../../platform/dynamodb/errors';
import { queryKeyPage } from '../../platform/dynamodb/key-paging';
import { entityConfig } from '../../platform/dynamodb/service';
import { conditionCheckAction, type TransactItem } from '../../platform/dynamodb/transactions';
import { ConflictError } from '../../shared/errors';
import { type Activity, activityEntity } from '../entities/activity';
import type { ActivityListQuery, ActivityPage, ActivityRepository } from '../ports';
import { searchTextOf } from '../validation';

const BATCH_GET_LIMIT = 100;
const MAX_BATCH_ATTEMPTS = 5;

export class DynamoDbActivityRepository implements ActivityRepository {
  private readonly activities;

  constructor(private readonly store: DataStore) {
    this.activities = activityEntity(entityConfig(store));
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
    return conditionCheckAction(this.activities.get({ activityId }).params(), {
      expression: '#version = :version',
      names: { '#version': 'version' },
      values: { ':version': version },
    });
  }

  async list(query: ActivityListQuery): Promise<ActivityPage> {
    const { category, text, includeArchived, first } = query;
    // Filters run as DynamoDB reads them; queryKeyPage tops a thinned page up until it has `first` matches.
    const [index, base] =
      'pcnId' in query.by
        ? (['gsi1', this.activities.query.byPcn(category ? { pcnId: query.by.pcnId, category } : query.by)] as const)
        : ([
            'gsi2',
            this.activities.query
              .byProvider(query.by)
              .where(({ category: stored }, { eq }) => (category ? eq(stored, category) : '')),
          ] as const);
    const params = base
      .where(({ status }, { eq }) => (includeArchived ? '' : eq(status, 'ACTIVE')))
      .where(({ searchText }, { contains }) => (text ? contains(searchText, text) : ''))
      .params();
    return queryKeyPage({
      documentClient: this.store.documentClient,
      params,
      keyFields: ['pk', 'sk', `${index}pk`, `${index}sk`],
      partition: { [`${index}pk`]: params.ExpressionAttributeValues[':pk'] },
      first,
      after: query.after,
      parse: (items) => this.activities.parse({ Items: items }).data,
    });
  }
}
