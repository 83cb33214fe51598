/**
 * Why a text was not sent. `retryable` failures (throttling, provider 5xx) mean the provider refused the message, so
 * it was certainly not sent and may be tried again later. Anything that leaves us unsure whether it went (a timeout,
 * a dropped connection) must NOT be a retryable SmsSendError: the dispatcher then leaves the claim in place and the
 * check-in becomes UNCERTAIN, because a second text is worse than a missing one.
 */
export class SmsSendError extends Error {
  constructor(
    readonly failure: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(`SMS provider refused the message: ${failure}`, options);
    this.name = 'SmsSendError';
  }
}

/** An inbound event that can never be processed (bad JSON, missing fields): thrown so the SNS DLQ keeps it. */
export class MalformedInboundSmsError extends Error {
  constructor(reason: string) {
    super(`Malformed inbound SMS event: ${reason}`);
    this.name = 'MalformedInboundSmsError';
  }
}

/** A required environment variable is missing or invalid: the function must not start. */
export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigurationError';
  }
}
