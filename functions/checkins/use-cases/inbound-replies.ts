import type { SmsKind } from '../entities/sms-message';
import { SmsSendError } from '../errors';
import type { CheckInDeps } from '../ports';
import { templates } from '../templates';

/** A reply to the patient's own text: sent once, stored in the thread; a failure is logged, never retried blindly. */
export async function sendReply(
  deps: CheckInDeps,
  reply: { to: string; body: string; kind: SmsKind; checkInId: string; patientId: string; referralId?: string },
): Promise<boolean> {
  try {
    const { providerMessageId } = await deps.sms.send({ to: reply.to, body: reply.body, patientId: reply.patientId });
    await deps.checkIns.appendMessage({
      checkInId: reply.checkInId,
      direction: 'OUT',
      kind: reply.kind,
      body: reply.body,
      at: deps.clock.now().toISOString(),
      patientId: reply.patientId,
      ...(reply.referralId ? { referralId: reply.referralId } : {}),
      providerMessageId,
    });
    return true;
  } catch (error) {
    deps.telemetry?.error('reply to an inbound text was not sent', {
      kind: reply.kind,
      retryable: error instanceof SmsSendError ? error.retryable : undefined,
    });
    return false;
  }
}

/** Crisis signposting is the one reply worth retrying after a certain refusal (it is never a duplicate risk). */
export async function signpost(
  deps: CheckInDeps,
  sleep: (ms: number) => Promise<void>,
  target: { to: string; sender: string; checkInId: string; patientId: string; referralId?: string },
): Promise<void> {
  const body = templates.signposting(target.sender);
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      const { providerMessageId } = await deps.sms.send({ to: target.to, body, patientId: target.patientId });
      await deps.checkIns.appendMessage({
        checkInId: target.checkInId,
        direction: 'OUT',
        kind: 'SIGNPOSTING',
        body,
        at: deps.clock.now().toISOString(),
        patientId: target.patientId,
        ...(target.referralId ? { referralId: target.referralId } : {}),
        providerMessageId,
      });
      return;
    } catch (error) {
      const retryable = error instanceof SmsSendError && error.retryable;
      deps.telemetry?.error('crisis signposting not sent', { attempt, retryable });
      if (!retryable || attempt === 3) {
        deps.telemetry?.count('SignpostingFailed');
        return;
      }
      await sleep(attempt * 500);
    }
  }
}
