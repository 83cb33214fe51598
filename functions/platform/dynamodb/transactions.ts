import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { DataStore } from './client';

/** One action of a TransactWriteItems request, in the document client's shape. */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** DynamoDB's limit on actions in one TransactWriteItems. */
export const TRANSACTION_LIMIT = 100;

type Params = Record<string, unknown>;

/**
 * An ElectroDB `update`/`patch` built with `.params()` as a transaction action, so a context can hand another the
 * write to its own item (see platform/care-event-bus.ts) without either knowing the other's entities.
 */
export function updateAction(params: Params): TransactItem {
  const { ReturnValues: _returnValues, ...update } = params;
  return { Update: update as NonNullable<TransactItem['Update']> };
}

/** An ElectroDB `create`/`put` built with `.params()` as a transaction action. */
export function putAction(params: Params): TransactItem {
  const { ReturnValues: _returnValues, ...put } = params;
  return { Put: put as NonNullable<TransactItem['Put']> };
}

/**
 * A condition on one item as a transaction action: the item's key and table from an ElectroDB `get` built with
 * `.params()`, the condition written out (ElectroDB builds no ConditionCheck).
 */
export function conditionCheckAction(
  params: Params,
  condition: { expression: string; names: Record<string, string>; values?: Record<string, unknown> },
): TransactItem {
  const { Key, TableName } = params as { Key: Record<string, unknown>; TableName: string };
  return {
    ConditionCheck: {
      TableName,
      Key,
      ConditionExpression: condition.expression,
      ExpressionAttributeNames: condition.names,
      ...(condition.values ? { ExpressionAttributeValues: condition.values } : {}),
    },
  };
}

type Expressed = {
  Key?: Record<string, unknown>;
  ConditionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
};

function keyOf(body: Expressed & { Item?: Record<string, unknown>; TableName?: string }): string {
  const key = body.Key ?? { pk: body.Item?.pk, sk: body.Item?.sk };
  return JSON.stringify([body.TableName ?? '', key.pk, key.sk]);
}

/**
 * DynamoDB refuses a transaction with two actions on one item. A context may hand over a ConditionCheck on an item
 * another context's action writes in the same transaction (a referral that must be open, and its caseload row's
 * change): each such condition joins that action's own, its placeholders renamed so none clash. Actions keep their
 * order, so a cancellation reason still points at the write.
 */
export function foldConditions(actions: readonly TransactItem[]): TransactItem[] {
  const folded: TransactItem[] = actions.map((action) => ({ ...action }));
  const writes = new Map<string, Expressed>();
  for (const action of folded) {
    const [kind, body] = Object.entries(action)[0] as [keyof TransactItem, Expressed];
    if (kind !== 'ConditionCheck') {
      const copy = { ...body };
      (action as Record<string, unknown>)[kind] = copy;
      writes.set(keyOf(copy), copy);
    }
  }
  return folded.filter((action, index) => {
    const check = action.ConditionCheck as Expressed | undefined;
    const write = check && writes.get(keyOf(check));
    if (!check || !write) return true;
    const rename = (token: string) => `${token}_c${index}`;
    const expression = (check.ConditionExpression ?? '').replace(/[#:][A-Za-z0-9_]+/g, rename);
    write.ConditionExpression = write.ConditionExpression
      ? `(${write.ConditionExpression}) AND (${expression})`
      : expression;
    write.ExpressionAttributeNames = {
      ...write.ExpressionAttributeNames,
      ...Object.fromEntries(Object.entries(check.ExpressionAttributeNames ?? {}).map(([k, v]) => [rename(k), v])),
    };
    const values = Object.entries(check.ExpressionAttributeValues ?? {}).map(([k, v]) => [rename(k), v]);
    if (values.length > 0) {
      write.ExpressionAttributeValues = { ...write.ExpressionAttributeValues, ...Object.fromEntries(values) };
    }
    return false;
  });
}

export type TransactionOutcome = { committed: true } | { committed: false; reasons: string[] };

/**
 * Runs the actions as one transaction. A cancellation comes back as the reasons, in action order (`None` for an
 * action that was fine), so the caller can say which condition failed; any other error is thrown.
 */
export async function transactWrite(
  store: DataStore,
  actions: readonly TransactItem[],
  options: { clientRequestToken?: string } = {},
): Promise<TransactionOutcome> {
  if (actions.length === 0) return { committed: true };
  if (actions.length > TRANSACTION_LIMIT) throw new RangeError(`A transaction takes at most ${TRANSACTION_LIMIT}`);
  try {
    await store.documentClient.send(
      new TransactWriteCommand({
        TransactItems: actions.map((action) => withTable(action, store.tableName)),
        ...(options.clientRequestToken ? { ClientRequestToken: options.clientRequestToken } : {}),
      }),
    );
    return { committed: true };
  } catch (error) {
    const { name, CancellationReasons } = error as { name?: string; CancellationReasons?: { Code?: string }[] };
    if (name !== 'TransactionCanceledException') throw error;
    return { committed: false, reasons: (CancellationReasons ?? []).map((reason) => reason.Code ?? 'None') };
  }
}

function withTable(action: TransactItem, tableName: string): TransactItem {
  const [kind, body] = Object.entries(action)[0] as [keyof TransactItem, Params];
  return { [kind]: { ...body, TableName: body.TableName ?? tableName } } as TransactItem;
}
