import { createLinkwork } from '../../../functions/app/composition-root';
import { createGraphQLHandler } from '../../../functions/graphql/lambda';
import { logger } from '../../../functions/graphql/logger';
import { graphqlEvent, type HandlerResult, lambdaContext, staffClaims } from '../../support/events';
import {
  accept,
  CANCEL,
  codesOf,
  createWalk,
  type Data,
  newReferral,
  ok,
  PRESCRIBE,
  RECORD_OUTCOME,
  REFERRAL_FOLLOW_UP,
  SCHEDULE,
  TRANSITION,
} from './follow-up-support';
import { createHarness, type Harness, parseResult } from './harness';

const CASELOAD_ROW = `query Caseload { caseload(first: 50) { edges { node { id latestOutcomes { key value score } } } } }`;

describe('check-in operations through the Lambda handler (DynamoDB Local)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  describe('scheduleCheckIn and cancelCheckIn', () => {
    let referralId: string;

    beforeAll(async () => {
      referralId = (await newReferral(h, 101)).id;
    });

    it('returns the scheduled check-in to the link worker whose caseload it is on', async () => {
      const scheduled = (
        await ok(
          h.gql(h.staff.LINK_WORKER, SCHEDULE, {
            input: { referralId, wave: 'AD_HOC', dueAt: '2026-03-05T10:00:00+00:00', questions: ['ONS4.happiness'] },
          }),
        )
      ).scheduleCheckIn;

      expect(scheduled).toMatchObject({
        wave: 'AD_HOC',
        status: 'WAITING',
        dueAt: '2026-03-05T10:00:00.000Z',
        scheduledFor: '2026-03-05T10:00:00.000Z',
        questions: ['ONS4.happiness'],
        needsReview: false,
        referral: { id: referralId, nextCheckInAt: '2026-03-05T10:00:00.000Z' },
      });
    });

    it.each([
      ['another link worker of the PCN', 'otherLinkWorker'],
      ['a link worker of another PCN', 'otherPcnLinkWorker'],
      ['a commissioner', 'COMMISSIONER'],
      ['a provider', 'PROVIDER'],
    ] as const)('returns FORBIDDEN to %s, for scheduling and for cancelling', async (_who, key) => {
      const own = (
        await ok(
          h.gql(h.staff.LINK_WORKER, SCHEDULE, {
            input: { referralId, wave: 'AD_HOC', dueAt: '2026-03-06T10:00:00Z' },
          }),
        )
      ).scheduleCheckIn;

      const schedule = await h.gql(h.staff[key], SCHEDULE, {
        input: { referralId, wave: 'AD_HOC', dueAt: '2026-03-06T10:00:00Z' },
      });
      const cancel = await h.gql(h.staff[key], CANCEL, { id: own.id });

      expect(codesOf(schedule)).toEqual(['FORBIDDEN']);
      expect(codesOf(cancel)).toEqual(['FORBIDDEN']);
      const after = (await ok(h.gql(h.staff.LINK_WORKER, REFERRAL_FOLLOW_UP, { id: referralId }))).referral;
      expect(after.checkIns.edges.find((edge: Data) => edge.node.id === own.id).node.status).toBe('WAITING');
    });

    it('returns FORBIDDEN for a check-in that does not exist', async () => {
      const response = await h.gql(h.staff.LINK_WORKER, CANCEL, { id: '01NOSUCHCHECKIN0000000000' });

      expect(codesOf(response)).toEqual(['FORBIDDEN']);
    });

    it('returns the cancelled check-in and moves nextCheckIn to the next one still waiting', async () => {
      const before = (await ok(h.gql(h.staff.LINK_WORKER, REFERRAL_FOLLOW_UP, { id: referralId }))).referral;
      const first = before.nextCheckIn;

      const cancelled = (await ok(h.gql(h.staff.LINK_WORKER, CANCEL, { id: first.id }))).cancelCheckIn;

      expect(cancelled).toMatchObject({ id: first.id, status: 'CANCELLED', closeReason: 'CANCELLED_BY_STAFF' });
      expect(cancelled.closedAt).toBe(h.clock.now().toISOString());
      expect(cancelled.referral.nextCheckIn?.id).not.toBe(first.id);
      expect(cancelled.referral.nextCheckInAt).toBe('2026-03-06T10:00:00.000Z');
    });

    it('returns CONFLICT when the check-in has already finished', async () => {
      const referral = (await ok(h.gql(h.staff.LINK_WORKER, REFERRAL_FOLLOW_UP, { id: referralId }))).referral;
      const cancelled = referral.checkIns.edges.find((edge: Data) => edge.node.status === 'CANCELLED').node;

      const again = await h.gql(h.staff.LINK_WORKER, CANCEL, { id: cancelled.id });

      expect(codesOf(again)).toEqual(['CONFLICT']);
    });

    it('returns BAD_USER_INPUT naming questions for an unknown question', async () => {
      const response = await h.gql(h.staff.LINK_WORKER, SCHEDULE, {
        input: { referralId, wave: 'AD_HOC', dueAt: '2026-03-06T10:00:00Z', questions: ['WEMWBS.optimistic'] },
      });

      expect(response.json.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'questions' });
    });

    it('returns an empty thread for a check-in nothing has been sent for', async () => {
      const data = await ok(
        h.gql(
          h.staff.LINK_WORKER,
          `query T($id: ID!) { referral(id: $id) { nextCheckIn { messages { edges { node { body } } pageInfo { hasNextPage } } } } }`,
          { id: referralId },
        ),
      );

      expect(data.referral.nextCheckIn.messages).toEqual({ edges: [], pageInfo: { hasNextPage: false } });
    });
  });

  describe('recordOutcome', () => {
    it('returns the referral with the answers in latestOutcomes, and the caseload row shows them', async () => {
      const { id: referralId } = await newReferral(h, 102);
      h.clock.advance(60_000);
      const measuredAt = new Date(h.clock.now().getTime() - 3_600_000).toISOString();

      const referral = (
        await ok(
          h.gql(h.staff.LINK_WORKER, RECORD_OUTCOME, {
            input: {
              referralId,
              wave: 'BASELINE',
              measuredAt,
              answers: [
                { instrument: 'ONS4', item: 'happiness', value: 7 },
                { instrument: 'ONS_LONELINESS', item: 'lonely', value: 2 },
              ],
            },
          }),
        )
      ).recordOutcome;
      const caseload = (await ok(h.gql(h.staff.LINK_WORKER, CASELOAD_ROW))).caseload;

      // In key order by character code (`ONS4…` before `ONS_…`); an option question shows its canonical wording.
      const expected = [
        { key: 'ONS4.happiness', value: '7', score: 7 },
        { key: 'ONS_LONELINESS.lonely', value: 'Some of the time', score: null },
      ];
      expect(referral.latestOutcomes).toEqual(expected.map((answer) => ({ ...answer, measuredAt })));
      expect(referral.outcomes.edges.map((edge: Data) => edge.node)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            key: 'ONS4.happiness',
            value: 7,
            option: null,
            band: 'high',
            wave: 'BASELINE',
            source: 'IN_PERSON',
            recordedBy: { id: h.staff.LINK_WORKER.userId },
          }),
          expect.objectContaining({ key: 'ONS_LONELINESS.lonely', value: 2, option: 'Some of the time' }),
        ]),
      );
      expect(caseload.edges.find((edge: Data) => edge.node.id === referralId).node.latestOutcomes).toEqual(expected);
    });

    it('returns FORBIDDEN to a commissioner and BAD_USER_INPUT for an answer out of range', async () => {
      const { id: referralId } = await newReferral(h, 103);
      const input = { referralId, wave: 'AD_HOC', answers: [{ instrument: 'ONS4', item: 'anxiety', value: 3 }] };

      const commissioner = await h.gql(h.staff.COMMISSIONER, RECORD_OUTCOME, { input });
      const outOfRange = await h.gql(h.staff.LINK_WORKER, RECORD_OUTCOME, {
        input: { ...input, answers: [{ instrument: 'ONS4', item: 'anxiety', value: 11 }] },
      });

      expect(codesOf(commissioner)).toEqual(['FORBIDDEN']);
      expect(outOfRange.json.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'answers.0.value' });
    });
  });

  describe('engine hooks on existing mutations', () => {
    let activityId: string;

    beforeAll(async () => {
      activityId = await createWalk(h);
    });

    it('schedules no baseline when the person has not agreed to texts', async () => {
      const { id: referralId } = await newReferral(h, 104, h.staff.LINK_WORKER, 'NOT_ASKED');
      await accept(h, referralId);

      const prescribed = (
        await ok(h.gql(h.staff.LINK_WORKER, PRESCRIBE, { input: { referralId, activityId, startDate: '2026-03-10' } }))
      ).prescribeActivity;

      expect(prescribed.referral).toEqual({ id: referralId, nextCheckInAt: null, nextCheckIn: null });
    });

    it('closes open check-ins when the referral ends, and returns its current version', async () => {
      const { id: referralId } = await newReferral(h, 105);
      await ok(
        h.gql(h.staff.LINK_WORKER, SCHEDULE, { input: { referralId, wave: 'AD_HOC', dueAt: '2026-03-09T10:00:00Z' } }),
      );

      const declined = (await ok(h.gql(h.staff.LINK_WORKER, TRANSITION, { input: { referralId, to: 'DECLINED' } })))
        .transitionReferral;
      const after = (await ok(h.gql(h.staff.LINK_WORKER, REFERRAL_FOLLOW_UP, { id: referralId }))).referral;
      const version = (
        await ok(h.gql(h.staff.LINK_WORKER, 'query V($id: ID!) { referral(id: $id) { version } }', { id: referralId }))
      ).referral.version;

      expect(declined).toMatchObject({ status: 'DECLINED', nextCheckInAt: null, nextCheckIn: null, version });
      expect(after.checkIns.edges.map((edge: Data) => [edge.node.status, edge.node.closeReason])).toEqual([
        ['CANCELLED', 'REFERRAL_DECLINED'],
      ]);
    });

    it.each(['OPTED_OUT', 'REFUSED'])('cancels pending check-ins when consent becomes %s', async (consent) => {
      const { id: referralId, patientId } = await newReferral(h, consent === 'OPTED_OUT' ? 106 : 107);
      await ok(
        h.gql(h.staff.LINK_WORKER, SCHEDULE, { input: { referralId, wave: 'AD_HOC', dueAt: '2026-03-09T10:00:00Z' } }),
      );

      await ok(
        h.gql(
          h.staff.LINK_WORKER,
          'mutation C($input: SetSmsConsentInput!) { setSmsConsent(input: $input) { smsConsent } }',
          { input: { patientId, consent } },
        ),
      );
      const after = (await ok(h.gql(h.staff.LINK_WORKER, REFERRAL_FOLLOW_UP, { id: referralId }))).referral;

      expect(after.nextCheckIn).toBeNull();
      expect(after.checkIns.edges.map((edge: Data) => [edge.node.status, edge.node.closeReason])).toEqual([
        ['CANCELLED', consent === 'OPTED_OUT' ? 'OPTED_OUT' : 'CONSENT_REFUSED'],
      ]);
    });

    it('fails the request when the engine cannot react, keeps the prescription, and logs no body or number', async () => {
      const { id: referralId } = await newReferral(h, 108);
      await accept(h, referralId);
      const linkwork = createLinkwork({ store: h.store, clock: h.clock });
      linkwork.checkIns.deps.checkIns.listByPatient = async () => {
        throw new Error('DynamoDB is having a bad day');
      };
      const handler = createGraphQLHandler({ store: h.store, stage: 'test', linkwork });
      const logged = jest.spyOn(logger, 'error').mockImplementation(() => {});

      const response = parseResult(
        (await handler(
          graphqlEvent(
            PRESCRIBE,
            { input: { referralId, activityId, startDate: '2026-03-10' } },
            { claims: staffClaims(h.staff.LINK_WORKER) },
          ),
          lambdaContext(),
          () => {},
        )) as HandlerResult,
      );
      const output = JSON.stringify(logged.mock.calls);
      logged.mockRestore();

      // A reaction that fails is not swallowed: the caller learns the follow-up did not happen.
      expect(response.json.errors?.[0]?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      const after = await ok(
        h.gql(
          h.staff.LINK_WORKER,
          'query($id: ID!) { referral(id: $id) { activeActivities { edges { node { id } } } } }',
          {
            id: referralId,
          },
        ),
      );
      expect(after.referral.activeActivities.edges).toEqual([{ node: { id: activityId } }]);
      expect(output).toContain('CareEventReactionError');
      expect(output).not.toContain('bad day');
      expect(output).not.toContain('+447700900108');
    });
  });
});
