import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

interface ConsumedCapacity {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

export interface RequestCounts {
  requests: number;
  byCommand: Record<string, number>;
  itemsRead: number;
  readUnits: number;
  /** As DynamoDB Local reports them, which is a flat 4 for any TransactWriteItems: see `transactActions`. */
  writeUnits: number;
  /**
   * Actions in TransactWriteItems requests. DynamoDB charges 2 write units per KB for each, but DynamoDB Local reports
   * 4 units per transaction whatever its size, so cost estimates for transactions start from this count.
   */
  transactActions: number;
  /**
   * Requests by what they touched: `Query gsi5 mobile`, `GetItem referralid`, `TransactWriteItems
   * [Put inboundmessageid/inboundreceipt, …]` (the partition key's attribute and the sort key's entity, never a value), to find where a
   * use case's requests go.
   */
  byRequest: Record<string, number>;
}

const COMMANDS_WITH_CAPACITY = new Set([
  'GetItemCommand',
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'QueryCommand',
  'ScanCommand',
  'BatchGetItemCommand',
  'BatchWriteItemCommand',
  'TransactGetItemsCommand',
  'TransactWriteItemsCommand',
]);

const WRITE_COMMANDS = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'BatchWriteItemCommand',
  'TransactWriteItemsCommand',
]);

/**
 * Counts DynamoDB requests, items read and consumed capacity on a client, through SDK middleware, so tests and
 * benchmarks report costs that do not depend on machine noise. It asks DynamoDB for `ReturnConsumedCapacity: TOTAL`
 * on every request that supports it.
 */
export function countRequests(client: DynamoDBClient): { counts: RequestCounts; reset(): RequestCounts } {
  const counts: RequestCounts = {
    requests: 0,
    byCommand: {},
    itemsRead: 0,
    readUnits: 0,
    writeUnits: 0,
    transactActions: 0,
    byRequest: {},
  };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? 'unknown';
      const input = args.input as Record<string, unknown>;
      if (COMMANDS_WITH_CAPACITY.has(command) && input.ReturnConsumedCapacity === undefined) {
        input.ReturnConsumedCapacity = 'TOTAL';
      }
      counts.requests += 1;
      counts.byCommand[command] = (counts.byCommand[command] ?? 0) + 1;
      const label = describeRequest(command, input);
      counts.byRequest[label] = (counts.byRequest[label] ?? 0) + 1;
      if (command === 'TransactWriteItemsCommand') {
        counts.transactActions += ((input.TransactItems as unknown[] | undefined) ?? []).length;
      }
      const result = await next(args);
      const output = result.output as unknown as Record<string, unknown>;
      counts.itemsRead += itemsIn(command, output);
      for (const capacity of capacities(output.ConsumedCapacity)) {
        const units = capacity.CapacityUnits ?? 0;
        if (WRITE_COMMANDS.has(command)) counts.writeUnits += capacity.WriteCapacityUnits ?? units;
        else counts.readUnits += capacity.ReadCapacityUnits ?? units;
      }
      return result;
    },
    { step: 'initialize', name: 'linkworkRequestCounter' },
  );
  return {
    counts,
    reset() {
      const snapshot = { ...counts, byCommand: { ...counts.byCommand }, byRequest: { ...counts.byRequest } };
      counts.requests = 0;
      counts.byCommand = {};
      counts.itemsRead = 0;
      counts.readUnits = 0;
      counts.writeUnits = 0;
      counts.transactActions = 0;
      counts.byRequest = {};
      return snapshot;
    },
  };
}

function capacities(value: unknown): ConsumedCapacity[] {
  if (!value) return [];
  return Array.isArray(value) ? (value as ConsumedCapacity[]) : [value as ConsumedCapacity];
}

function itemsIn(command: string, output: Record<string, unknown>): number {
  if (command === 'QueryCommand' || command === 'ScanCommand') return Number(output.Count ?? 0);
  if (command === 'GetItemCommand') return output.Item ? 1 : 0;
  if (command === 'BatchGetItemCommand') {
    const responses = (output.Responses ?? {}) as Record<string, unknown[]>;
    return Object.values(responses).reduce((sum, items) => sum + items.length, 0);
  }
  if (command === 'TransactGetItemsCommand') return ((output.Responses ?? []) as unknown[]).length;
  return 0;
}

/** `$linkwork#referralid_abc` → `referralid`: which kind of item a key names, without its value. */
function keyKind(value: unknown): string {
  if (typeof value !== 'string') return '?';
  const match = /^\$[^#]*#([a-z0-9]+)_/.exec(value);
  return match?.[1] ?? '?';
}

/** `$checkinthread#checkin_1#…` → `checkin`: the entity (and its model version) a sort key belongs to. */
function sortKind(value: unknown): string {
  if (typeof value !== 'string') return '';
  const match = /[$#]([a-z0-9]+)_\d+(#|$)/.exec(value);
  return match?.[1] ? `/${match[1]}` : '';
}

function describeKey(input: Record<string, unknown>): string {
  const key = (input.Key ?? input.Item) as Record<string, unknown> | undefined;
  return `${keyKind(key?.pk)}${sortKind(key?.sk)}`;
}

/** A request's command and what it touched (index and key kind; for a transaction, each action's). */
function describeRequest(command: string, input: Record<string, unknown>): string {
  const name = command.replace(/Command$/, '');
  if (command === 'QueryCommand') {
    const values = (input.ExpressionAttributeValues ?? {}) as Record<string, unknown>;
    const pk = Object.entries(values).find(([, value]) => typeof value === 'string' && value.startsWith('$'))?.[1];
    return `${name} ${String(input.IndexName ?? 'table')} ${keyKind(pk)}`;
  }
  if (command === 'TransactWriteItemsCommand' || command === 'TransactGetItemsCommand') {
    const actions = ((input.TransactItems ?? []) as Record<string, Record<string, unknown>>[]).map((item) => {
      const [kind, action] = Object.entries(item)[0] ?? ['?', {}];
      return `${kind} ${describeKey(action)}`;
    });
    return `${name} [${actions.join(', ')}]`;
  }
  if (command === 'BatchGetItemCommand' || command === 'BatchWriteItemCommand') return name;
  return `${name} ${describeKey(input)}`;
}
