import type { CheckInDeps } from '../../../functions/checkins';
import { createInboundSmsHandler } from '../../../functions/checkins/handlers/inbound-sms';
import { defaultDispatchPolicy } from '../../../functions/checkins/policy';
import type { OutgoingSms, SmsSender } from '../../../functions/checkins/ports';
import { type DispatchReport, dispatchDueCheckIns } from '../../../functions/checkins/use-cases/dispatch-due-check-ins';
import { inboundSmsEvent } from '../../support/sms-events';
import type { Harness } from './harness';

/** The SMS port as a recorder: every text the engine hands to the provider, in order. */
export class RecordingSmsSender implements SmsSender {
  readonly sent: (OutgoingSms & { providerMessageId: string })[] = [];

  async send(message: OutgoingSms): Promise<{ providerMessageId: string }> {
    const providerMessageId = `provider-${this.sent.length + 1}`;
    this.sent.push({ ...message, providerMessageId });
    return { providerMessageId };
  }

  to(mobile: string): string[] {
    return this.sent.filter((text) => text.to === mobile).map((text) => text.body);
  }
}

export interface Texting {
  sms: RecordingSmsSender;
  deps: CheckInDeps;
  dispatch(): Promise<DispatchReport>;
  /** A text from `from` (any UK format) through the inbound Lambda handler, in AWS's SNS event shape. */
  text(from: string, body: string, inboundMessageId?: string): Promise<string | undefined>;
}

/** The engine beside the API: the dispatcher use case and the inbound handler on the harness's application. */
export function texting(h: Harness): Texting {
  const sms = new RecordingSmsSender();
  const policy = defaultDispatchPolicy();
  const deps = h.linkwork.checkIns.withSender(sms);
  const inbound = createInboundSmsHandler(() => ({ deps, policy }));
  return {
    sms,
    deps,
    dispatch: () =>
      dispatchDueCheckIns(deps, { policy, ratePerSecond: 100, runBudgetMs: 45_000, sleep: async () => {} }),
    text: async (from, body, inboundMessageId) => {
      const [result] = await inbound(
        inboundSmsEvent({
          originationNumber: from,
          messageBody: body,
          ...(inboundMessageId ? { inboundMessageId } : {}),
          previousPublishedMessageId: sms.sent.at(-1)?.providerMessageId,
        }),
      );
      return result;
    },
  };
}
