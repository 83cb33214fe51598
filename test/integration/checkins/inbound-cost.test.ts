import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { outcomeEntity } from '../../../functions/checkins/entities/outcome';
import { createInboundSmsHandler } from '../../../functions/checkins/handlers/inbound-sms';
import type { DispatchPolicy } from '../../../functions/checkins/policy';
import { dispatchDueCheckIns } from '../../../functions/checkins/use-cases/dispatch-due-check-ins';
import { scheduleCheckIn } from '../../../functions/checkins/use-cases/schedule-check-in';
import { entityConfig } from '../../../functions/platform/dynamodb/service';
import { referralEntity } from '../../../functions/referrals/entities/referral';
import { countRequests } from '../../../scripts/lib/request-counter';
import { inboundSmsEvent } from '../../support/sms-events';
import { addPatientWithReferral, createWorld, getReferral, type World } from './fixtures';

/*
 * What an answer by text costs (issue 15, item 3), and the longer road it takes when what its one transaction carries
 * beyond the answer does not hold: the referral closed under an open check-in, a later answer already on the caseload
 * row, no room under the segment cap, a referral item from before its `latestOutcomes` map.
 */
describe('answers by text in one transaction (DynamoDB Local, SNS events)', () => {
  let world: World;
  afterEach(() => world.close());

  async function asked() {
    world = await createWorld();
    const who = await addPatientWithReferral(world);
    const checkIn = await scheduleCheckIn(world.deps, {
      principal: world.linkWorker,
      referralId: who.referralId,
      wave: 'BASELINE',
      dueAt: world.clock.now().toISOString(),
    });
    await dispatchDueCheckIns(world.deps, world.dispatch);
    return { ...who, checkIn };
  }

  const reply = (from: string, messageBody: string, policy: DispatchPolicy = world.policy) =>
    createInboundSmsHandler(() => ({ deps: world.deps, policy }))(
      inboundSmsEvent({ originationNumber: from, messageBody }),
    );
  const texts = () => world.sns.published.map((sms) => sms.message);
  const outcomesOf = async (referralId: string) =>
    (await outcomeEntity(entityConfig(world.store)).query.byReferral({ referralId }).go()).data;

  /** Changes the referral item behind the referrals context's back, as a failed reaction or an old item leaves it. */
  async function patchReferral(referralId: string, update: string, values?: Record<string, unknown>) {
    const { Key, TableName } = referralEntity(entityConfig(world.store)).get({ referralId }).params();
    await world.store.documentClient.send(
      new UpdateCommand({
        TableName,
        Key,
        UpdateExpression: update,
        ...(values ? { ExpressionAttributeValues: values } : {}),
      }),
    );
  }

  it('records an answer and asks the next question in 2 reads and 2 transactions, and the last answer in 2 and 1', async () => {
    const { mobile, referralId } = await asked();
    const requests = countRequests(world.store.client);

    expect(await reply(mobile, '7')).toEqual(['answered']);
    const answered = requests.reset();
    await reply(mobile, '2');
    requests.reset();
    expect(await reply(mobile, 'Hardly ever')).toEqual(['completed']);
    const completed = requests.reset();

    expect(answered.byCommand).toEqual({ QueryCommand: 2, TransactWriteItemsCommand: 2 });
    expect(completed.byCommand).toEqual({ QueryCommand: 2, TransactWriteItemsCommand: 1 });
    expect(texts()).toHaveLength(3);
    expect((await getReferral(world, referralId)).latestOutcomes).toMatchObject({
      'ONS4.happiness': { value: 7 },
      'ONS4.anxiety': { value: 2 },
      'ONS_LONELINESS.lonely': { value: 'Hardly ever' },
    });
  });

  it('records the answer but sends nothing more when the referral closed while its check-in stayed open', async () => {
    const { mobile, referralId, checkIn } = await asked();
    await patchReferral(referralId, 'SET caseState = :closed', { ':closed': 'CLOSED' });

    expect(await reply(mobile, '7')).toEqual(['answered']);

    expect(texts()).toHaveLength(1);
    expect(await outcomesOf(referralId)).toHaveLength(1);
    expect((await getReferral(world, referralId)).latestOutcomes).toMatchObject({ 'ONS4.happiness': { value: 7 } });
    expect(await world.deps.checkIns.get(checkIn.checkInId)).toMatchObject({
      status: 'CANCELLED',
      closeReason: 'REFERRAL_CLOSED',
      answeredCount: 1,
    });
  });

  it('keeps a later answer on the caseload row when an earlier one is recorded after it', async () => {
    const { mobile, referralId } = await asked();
    const later = { value: 3, measuredAt: new Date(world.clock.now().getTime() + 60_000).toISOString() };
    await patchReferral(referralId, 'SET latestOutcomes = :latest', { ':latest': { 'ONS4.happiness': later } });

    expect(await reply(mobile, '7')).toEqual(['answered']);

    expect(await outcomesOf(referralId)).toHaveLength(1);
    expect((await getReferral(world, referralId)).latestOutcomes).toEqual({ 'ONS4.happiness': later });
    expect(texts()[1]).toContain('how anxious');
  });

  it('brings the caseload row of a referral from before its latestOutcomes map up to date', async () => {
    const { mobile, referralId } = await asked();
    await patchReferral(referralId, 'REMOVE latestOutcomes');

    expect(await reply(mobile, '7')).toEqual(['answered']);

    expect((await getReferral(world, referralId)).latestOutcomes).toMatchObject({ 'ONS4.happiness': { value: 7 } });
    expect(texts()[1]).toContain('how anxious');
  });

  it('sends no next question and no re-ask past the segment cap, and closes the check-in for review', async () => {
    const { mobile, referralId, checkIn } = await asked();
    const capped = { ...world.policy, segmentCap: 1 };

    expect(await reply(mobile, 'pretty good thanks', capped)).toEqual(['reasked']);
    expect(await reply(mobile, '7', capped)).toEqual(['answered']);

    expect(texts()).toHaveLength(1);
    expect(await outcomesOf(referralId)).toHaveLength(1);
    expect(await world.deps.checkIns.get(checkIn.checkInId)).toMatchObject({
      status: 'CANCELLED',
      closeReason: 'SMS_CAP_REACHED',
      needsReview: true,
    });
  });
});
