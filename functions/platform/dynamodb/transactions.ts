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
