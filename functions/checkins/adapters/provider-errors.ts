import { SmsSendError } from '../errors';

/**
 * What an SMS provider's refusal means for the dispatcher, the same for every sender: throttling and 5xx are
 * retryable SmsSendErrors, other 4xx are final ones named by the provider's error, and anything else (network,
 * timeout: the text may have gone) is rethrown as it is. `throttling` names the provider's own throttling errors.
 */
export function classifyProviderError(error: unknown, throttling: ReadonlySet<string>): unknown {
  const name = (error as { name?: string })?.name ?? '';
  const status = (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
  if (throttling.has(name) || status === 429) return new SmsSendError('THROTTLED', true, { cause: error });
  if (status !== undefined && status >= 500) return new SmsSendError(`PROVIDER_${status}`, true, { cause: error });
  if (status !== undefined && status >= 400)
    return new SmsSendError(name || `PROVIDER_${status}`, false, { cause: error });
  return error;
}
