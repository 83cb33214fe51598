import { randomUUID } from 'node:crypto';
import type { SNSEvent } from 'aws-lambda';
import type { DataStore } from '../platform/dynamodb/client';
import type { Clock } from '../shared/clock';
import { createIdGenerator } from '../shared/ids';
import { OutboxSmsSender } from './adapters/outbox-sms-sender';
import type { CheckInsContext } from './context';
import { MalformedInboundSmsError } from './errors';
import { createInboundSmsHandler } from './handlers/inbound-sms';
import { defaultDispatchPolicy } from './policy';
import type { CheckInDeps, CheckInTelemetry } from './ports';
import { ALWAYS_OPEN, DEFAULT_SENDING_WINDOW, parseSendingWindow } from './sending-window';
import { type DispatchReport, dispatchDueCheckIns } from './use-cases/dispatch-due-check-ins';
import type { InboundResult } from './use-cases/handle-inbound-sms';

/*
 * Check-ins under `npm start`: the same use cases and inbound handler as in AWS, with an outbox instead of SNS (texts
 * are stored in the table and printed) and a clock that can be fast-forwarded to see reminders and follow-ups.
 */

/** Real time plus an offset that only grows when told: lets a demo jump to next Monday or six weeks on. */
export class FastForwardClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): Date {
    if (!Number.isFinite(ms)) throw new RangeError('FastForwardClock.advance: ms must be finite');
    this.offsetMs += ms;
    return this.now();
  }

  /** Jumps to `date` (it keeps running from there). */
  set(date: Date | string | number): void {
    const target = new Date(date).getTime();
    if (!Number.isFinite(target)) throw new RangeError('FastForwardClock.set: not a valid date');
    this.offsetMs = target - Date.now();
  }
}

export interface LocalCheckInsOptions {
  store: DataStore;
  /** The engine's ports as the composition root built them (with the same clock). */
  checkIns: Pick<CheckInsContext, 'withSender'>;
  clock: FastForwardClock;
  /** Send at any hour (off by default: the real window applies locally too). */
  ignoreSendingWindow?: boolean;
  /** Default `Mon-Fri 09:00-18:00 Europe/London`. */
  sendingWindow?: string;
  /** How often the timer runs the dispatcher; default every 60 s, as in AWS. */
  intervalMs?: number;
  /** Where outbox texts and run summaries go; default console.log. */
  print?: (line: string) => void;
}

export interface LocalCheckIns {
  clock: FastForwardClock;
  outbox: OutboxSmsSender;
  deps: CheckInDeps;
  /** Starts the dispatcher timer (idempotent). */
  start(): void;
  stop(): void;
  runDispatcherNow(): Promise<DispatchReport>;
  /** Wraps the text in the same SNS event AWS would deliver and runs the same inbound handler. */
  deliverInboundSms(input: {
    from: string;
    text: string;
    inboundMessageId?: string;
    previousPublishedMessageId?: string;
  }): Promise<InboundResult>;
  /**
   * For the local API's `POST /sms/inbound`: body `{ "from": "07700 900123", "text": "3" }` →
   * 200 `{ "result": "answered" }`, or 400 `{ "error": "…" }` when the body is not that shape.
   */
  handleInboundHttp(body: unknown): Promise<{ statusCode: number; body: string }>;
}

export function createLocalCheckIns(options: LocalCheckInsOptions): LocalCheckIns {
  const clock = options.clock;
  const print = options.print ?? ((line: string) => console.log(line));
  const outbox = new OutboxSmsSender(options.store, clock, createIdGenerator(clock), print);
  const telemetry: CheckInTelemetry = {
    count: () => {},
    gauge: () => {},
    info: () => {},
    warn: (message, fields) => print(`[checkins] ${message} ${JSON.stringify(fields ?? {})}`),
    error: (message, fields) => print(`[checkins] ${message} ${JSON.stringify(fields ?? {})}`),
  };
  const deps = { ...options.checkIns.withSender(outbox), telemetry };
  const policy = defaultDispatchPolicy({
    window: options.ignoreSendingWindow
      ? ALWAYS_OPEN
      : parseSendingWindow(options.sendingWindow ?? DEFAULT_SENDING_WINDOW),
  });
  const inbound = createInboundSmsHandler(() => ({ deps, policy }));
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<DispatchReport> | undefined;

  const runDispatcherNow = async () => {
    // One run at a time locally (in AWS overlapping runs are safe, but the printout is easier to follow).
    running ??= dispatchDueCheckIns(deps, { policy, ratePerSecond: 10, runBudgetMs: 45_000 }).finally(() => {
      running = undefined;
    });
    const report = await running;
    if (report.considered > 0) print(`[checkins] dispatcher: ${JSON.stringify(report)}`);
    return report;
  };

  const deliverInboundSms: LocalCheckIns['deliverInboundSms'] = async (input) => {
    const event: SNSEvent = {
      Records: [
        {
          EventSource: 'aws:sns',
          EventVersion: '1.0',
          EventSubscriptionArn: 'arn:aws:sns:eu-west-2:000000000000:linkwork-inbound-sms:local',
          Sns: {
            Type: 'Notification',
            MessageId: randomUUID(),
            TopicArn: 'arn:aws:sns:eu-west-2:000000000000:linkwork-inbound-sms',
            Subject: '',
            Message: JSON.stringify({
              originationNumber: input.from,
              destinationNumber: '+447700900999',
              messageKeyword: 'KEYWORD_LOCAL',
              messageBody: input.text,
              inboundMessageId: input.inboundMessageId ?? randomUUID(),
              previousPublishedMessageId: input.previousPublishedMessageId ?? '',
            }),
            Timestamp: clock.now().toISOString(),
            SignatureVersion: '1',
            Signature: 'local',
            SigningCertUrl: 'http://localhost/cert.pem',
            UnsubscribeUrl: 'http://localhost/unsubscribe',
            MessageAttributes: {},
          },
        },
      ],
    };
    const [result] = await inbound(event);
    return result;
  };

  return {
    clock,
    outbox,
    deps,
    start() {
      if (timer) return;
      timer = setInterval(() => {
        runDispatcherNow().catch((error) => print(`[checkins] dispatcher run failed: ${(error as Error).message}`));
      }, options.intervalMs ?? 60_000);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
    runDispatcherNow,
    deliverInboundSms,
    async handleInboundHttp(body) {
      const input = body as { from?: unknown; text?: unknown } | null;
      if (!input || typeof input.from !== 'string' || typeof input.text !== 'string' || input.text.length > 1600) {
        return { statusCode: 400, body: JSON.stringify({ error: 'expected JSON { "from": string, "text": string }' }) };
      }
      try {
        const result = await deliverInboundSms({ from: input.from, text: input.text });
        return { statusCode: 200, body: JSON.stringify({ result }) };
      } catch (error) {
        if (error instanceof MalformedInboundSmsError) {
          return { statusCode: 400, body: JSON.stringify({ error: error.message }) };
        }
        throw error;
      }
    },
  };
}
