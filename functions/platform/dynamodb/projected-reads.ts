import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { DataStore } from './client';

/*
 * Reads that take only named attributes of named entity types, for the figures (decision 0002): a context reads its
 * own items this way when it hands them to the outcomes context, so no name, NHS number, phone number, note or
 * message body ever leaves the table in those reads. Entities are told apart by ElectroDB's identifier attribute.
 */

export type RawItem = Record<string, unknown>;

/** ElectroDB's entity identifier attribute, present on every item it writes. */
export const ENTITY_ATTRIBUTE = '__edb_e__';

function projection(requested: readonly string[]) {
  const attributes = [...new Set(requested)];
  const names: Record<string, string> = { '#e': ENTITY_ATTRIBUTE };
  attributes.forEach((attribute, i) => {
    names[`#p${i}`] = attribute;
  });
  return {
    ProjectionExpression: ['#e', ...attributes.map((_, i) => `#p${i}`)].join(', '),
    ExpressionAttributeNames: names,
  };
}

function entityFilter(entities: readonly string[]) {
  const values = Object.fromEntries(entities.map((entity, i) => [`:e${i}`, entity]));
  return { filter: `#e IN (${Object.keys(values).join(', ')})`, values };
}

/** Every item of the given entities in one partition, with the given attributes only (all pages). */
export async function queryPartitionProjected(
  store: DataStore,
  pk: string,
  entities: readonly string[],
  attributes: readonly string[],
): Promise<RawItem[]> {
  const { ProjectionExpression, ExpressionAttributeNames } = projection(attributes);
  const { filter, values } = entityFilter(entities);
  const items: RawItem[] = [];
  let startKey: RawItem | undefined;
  do {
    const response = await store.documentClient.send(
      new QueryCommand({
        TableName: store.tableName,
        KeyConditionExpression: 'pk = :pk',
        FilterExpression: filter,
        ProjectionExpression,
        ExpressionAttributeNames,
        ExpressionAttributeValues: { ':pk': pk, ...values },
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...(response.Items ?? []));
    startKey = response.LastEvaluatedKey;
  } while (startKey);
  return items;
}

export interface ScanFilter {
  /** An extra condition joined with AND, using `names` and `values` (`#e` and `:e<n>` are taken). */
  filter?: string;
  names?: Record<string, string>;
  values?: RawItem;
}

/** Every item of the given entities in the table, with the given attributes only (all pages): nightly jobs only. */
export async function scanProjected(
  store: DataStore,
  entities: readonly string[],
  attributes: readonly string[],
  extra: ScanFilter = {},
): Promise<RawItem[]> {
  const { ProjectionExpression, ExpressionAttributeNames } = projection(attributes);
  const { filter, values } = entityFilter(entities);
  const items: RawItem[] = [];
  let startKey: RawItem | undefined;
  do {
    const response = await store.documentClient.send(
      new ScanCommand({
        TableName: store.tableName,
        ProjectionExpression,
        FilterExpression: [filter, extra.filter].filter(Boolean).join(' AND '),
        ExpressionAttributeNames: { ...ExpressionAttributeNames, ...extra.names },
        ExpressionAttributeValues: { ...values, ...extra.values },
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...(response.Items ?? []));
    startKey = response.LastEvaluatedKey;
  } while (startKey);
  return items;
}
