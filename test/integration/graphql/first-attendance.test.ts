import {
  accept,
  createWalk,
  type Data,
  newReferral,
  ok,
  PRESCRIBE,
  RECORD_ATTENDANCE,
  TRANSITION,
} from './follow-up-support';
import { createHarness, type Harness } from './harness';

const HISTORY = `query History($id: ID!) {
  referral(id: $id) {
    status version
    events(first: 20) { edges { node { kind fromStatus toStatus cause actorRole actor { id } } } }
  }
}`;

/** The first attended session moves the referral on (ACCEPTED → ACTIVE) as an event with its actor. */
describe('first attended session (GraphQL through the Lambda handler)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  async function prescribed(seed: number) {
    const referral = await newReferral(h, seed);
    await accept(h, referral.id);
    const activityId = await createWalk(h);
    const prescription = (
      await ok(
        h.gql(h.staff.LINK_WORKER, PRESCRIBE, {
          input: { referralId: referral.id, activityId, startDate: '2026-03-02' },
        }),
      )
    ).prescribeActivity;
    return { referralId: referral.id, prescriptionId: prescription.id as string };
  }
  const attend = (prescriptionId: string, sessionDate: string) =>
    ok(
      h.gql(h.staff.PROVIDER, RECORD_ATTENDANCE, {
        input: { prescriptionId, sessionDate, status: 'ATTENDED' },
      }),
    );
  const history = async (referralId: string): Promise<Data> =>
    (await ok(h.gql(h.staff.LINK_WORKER, HISTORY, { id: referralId }))).referral;

  it('returns the referral ACTIVE with a STATUS_CHANGED event whose actor recorded the attendance', async () => {
    const { referralId, prescriptionId } = await prescribed(401);

    await attend(prescriptionId, '2026-03-02');
    await attend(prescriptionId, '2026-03-02');

    const referral = await history(referralId);
    expect(referral.status).toBe('ACTIVE');
    const changes = referral.events.edges.map((edge: Data) => edge.node).filter((e: Data) => e.toStatus === 'ACTIVE');
    expect(changes).toEqual([
      {
        kind: 'STATUS_CHANGED',
        fromStatus: 'ACCEPTED',
        toStatus: 'ACTIVE',
        cause: 'FIRST_ATTENDANCE',
        actorRole: 'PROVIDER',
        actor: { id: h.staff.PROVIDER.userId },
      },
    ]);
  });

  it('returns an ACTIVE referral unchanged when a first session is recorded on it', async () => {
    const { referralId, prescriptionId } = await prescribed(402);
    await ok(h.gql(h.staff.LINK_WORKER, TRANSITION, { input: { referralId, to: 'ACTIVE' } }));
    const before = await history(referralId);

    await attend(prescriptionId, '2026-03-02');

    const after = await history(referralId);
    expect(after.status).toBe('ACTIVE');
    expect(after.events.edges.filter((edge: Data) => edge.node.cause === 'FIRST_ATTENDANCE')).toHaveLength(0);
    expect(after.events.edges).toHaveLength(before.events.edges.length);
  });
});
