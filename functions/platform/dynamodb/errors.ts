/**
 * ElectroDB wraps SDK errors; the SDK's own name sits on the cause. Both shapes are checked so a failed condition is
 * recognised however it reached us.
 */
export function isConditionalCheckFailure(error: unknown): boolean {
  for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
    const name = (current as { name?: string }).name;
    if (name === 'ConditionalCheckFailedException') return true;
    if (name === 'TransactionCanceledException') {
      const reasons = (current as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
      return reasons.some((reason) => reason.Code === 'ConditionalCheckFailed');
    }
  }
  return false;
}
