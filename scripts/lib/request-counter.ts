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
      const snapshot = { ...counts, byCommand: { ...counts.byCommand } };
      counts.requests = 0;
      counts.byCommand = {};
      counts.itemsRead = 0;
      counts.readUnits = 0;
      counts.writeUnits = 0;
      counts.transactActions = 0;
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
