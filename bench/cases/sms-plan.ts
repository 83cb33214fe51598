import { countSegments } from '../../functions/checkins/gsm7';
import { createInboundSmsHandler } from '../../functions/checkins/handlers/inbound-sms';
import { DEFAULT_SEGMENT_CAP, defaultDispatchPolicy } from '../../functions/checkins/policy';
import type { OutgoingSms, SmsSender } from '../../functions/checkins/ports';
import { dispatchDueCheckIns } from '../../functions/checkins/use-cases/dispatch-due-check-ins';
import { fictionalNhsNumber } from '../../functions/shared/nhs-number';
import { dramaMobile } from '../../functions/shared/phone';
import { createHarness, type GraphQLResponse, type Harness } from '../../test/integration/graphql/harness';
import { inboundSmsEvent } from '../../test/support/sms-events';
import type { BenchCase, BenchRow } from '../lib/report';

/*
 * Case sms-plan: what the default check-in plan texts one patient over one referral, and what that costs. Each
 * referral is walked through its real entry points (GraphQL mutations through the Lambda handler, the dispatcher
 * once a day at 10:00 for 100 days, replies through the inbound SNS handler) by a patient who behaves one way:
 * answers at once, answers only after the reminder, sends one unreadable reply per question, or never answers.
 * Counted: the segments handed to the SMS port per referral (and, as a check, the patient's own segment count the
 * product keeps). Not a timing: the counts do not depend on the machine.
 */

/** Assumed price (docs/performance.md): $0.045 per UK segment through AWS End User Messaging, at £0.78 to the dollar. */
const USD_PER_SEGMENT = 0.045;
const GBP_PER_USD = 0.78;
const PENCE_PER_SEGMENT = USD_PER_SEGMENT * GBP_PER_USD * 100;
const DAY = 86_400_000;
const DAYS = 100;

type Behaviour = 'answers at once' | 'answers after the reminder' | 'one unreadable reply a question' | 'never answers';
const BEHAVIOURS: readonly Behaviour[] = [
  'answers at once',
  'answers after the reminder',
  'one unreadable reply a question',
  'never answers',
];

class CountingSender implements SmsSender {
  readonly sent: OutgoingSms[] = [];
  async send(message: OutgoingSms): Promise<{ providerMessageId: string }> {
    this.sent.push(message);
    return { providerMessageId: `bench-${this.sent.length}` };
  }
}

// biome-ignore lint/suspicious/noExplicitAny: GraphQL response JSON, read field by field
async function data(response: Promise<GraphQLResponse>): Promise<Record<string, any>> {
  const { json } = await response;
  if (json.errors?.length) throw new Error(`sms-plan: ${json.errors.map((e) => e.extensions?.code).join(', ')}`);
  // biome-ignore lint/suspicious/noExplicitAny: as above
  return json.data as Record<string, any>;
}

interface Walker {
  behaviour: Behaviour;
  mobile: string;
  patientId: string;
  referralId: string;
  /** Texts to this patient already looked at. */
  seen: number;
  /** Answering from now on in this check-in (after the reminder). */
  answering: boolean;
  prescriptionId: string;
}

/** A referral for a new patient with SMS consent, accepted, with an activity prescribed (the baseline check-in). */
async function referPatient(h: Harness, seed: number, activityId: string) {
  const created = await data(
    h.gql(
      h.staff.LINK_WORKER,
      'mutation R($input: CreateReferralInput!) { createReferral(input: $input) { referral { id patient { id } } } }',
      {
        input: {
          practiceId: h.orgs.practice.organisationId,
          source: 'GP',
          needs: ['LONELINESS_ISOLATION'],
          linkWorkerId: h.staff.LINK_WORKER.userId,
          newPatient: {
            nhsNumber: fictionalNhsNumber(900 + seed),
            givenName: `Bench${seed}`,
            familyName: 'Example',
            dateOfBirth: '1950-01-01',
            sex: 'FEMALE',
            mobile: dramaMobile(900 + seed),
            smsConsent: 'GIVEN',
          },
        },
      },
    ),
  );
  const referralId: string = created.createReferral.referral.id;
  for (const to of ['CONTACTED', 'ACCEPTED']) {
    await data(
      h.gql(
        h.staff.LINK_WORKER,
        'mutation T($input: TransitionReferralInput!) { transitionReferral(input: $input) { id } }',
        {
          input: { referralId, to },
        },
      ),
    );
  }
  const prescribed = await data(
    h.gql(
      h.staff.LINK_WORKER,
      'mutation P($input: PrescribeActivityInput!) { prescribeActivity(input: $input) { id } }',
      {
        input: { referralId, activityId, startDate: '2026-03-05' },
      },
    ),
  );
  return {
    referralId,
    patientId: created.createReferral.referral.patient.id as string,
    mobile: dramaMobile(900 + seed),
    prescriptionId: prescribed.prescribeActivity.id as string,
  };
}

export const smsPlan: BenchCase = async ({ quick, endpoint, log }) => {
  process.env.DYNAMODB_ENDPOINT = endpoint;
  const h = await createHarness();
  try {
    const sender = new CountingSender();
    const policy = defaultDispatchPolicy();
    const deps = h.linkwork.checkIns.withSender(sender);
    const inbound = createInboundSmsHandler(() => ({ deps, policy }));
    const activity = await data(
      h.gql(h.staff.COORDINATOR, 'mutation A($input: CreateActivityInput!) { createActivity(input: $input) { id } }', {
        input: {
          pcnId: h.orgs.pcn.organisationId,
          providerOrganisationId: h.orgs.provider.organisationId,
          name: 'Riverside Health Walk',
          description: 'A gentle walk, finishing with tea.',
          category: 'PHYSICAL_ACTIVITY',
          venueName: 'Riverside Park Cafe',
          venueAddress: '1 River Lane, Leeds',
          postcode: 'LS1 4AP',
          scheduleText: 'Tuesdays 10:00-11:00',
          contact: { email: 'walks@example.org' },
          cost: { kind: 'FREE' },
          takesDirectReferrals: true,
        },
      }),
    );
    const perBehaviour = quick ? 1 : 3;
    const walkers: Walker[] = [];
    h.clock.set('2026-03-02T10:00:00Z'); // a Monday
    for (const [index, behaviour] of BEHAVIOURS.flatMap((b) =>
      Array.from({ length: perBehaviour }, () => b),
    ).entries()) {
      const referred = await referPatient(h, index, activity.createActivity.id);
      walkers.push({ behaviour, ...referred, seen: 0, answering: false });
    }
    const textsTo = (mobile: string) => sender.sent.filter((text) => text.to === mobile);
    const reply = async (walker: Walker, body: string) => {
      await inbound(inboundSmsEvent({ originationNumber: walker.mobile, messageBody: body }));
    };

    for (let day = 0; day < DAYS; day++) {
      h.clock.set(new Date(Date.parse('2026-03-02T10:00:00Z') + day * DAY).toISOString());
      if (day === 3) {
        // Thursday: the first session; the plan's later check-ins are scheduled from it.
        for (const walker of walkers) {
          await data(
            h.gql(
              h.staff.PROVIDER,
              'mutation S($input: RecordAttendanceInput!) { recordAttendance(input: $input) { firstAttendance } }',
              { input: { prescriptionId: walker.prescriptionId, sessionDate: '2026-03-05', status: 'ATTENDED' } },
            ),
          );
        }
      }
      await dispatchDueCheckIns(deps, { policy, ratePerSecond: 1_000, runBudgetMs: 60_000, sleep: async () => {} });
      for (const walker of walkers) {
        // Answer each new text as this patient would, until the engine has nothing more to ask today.
        for (let guard = 0; guard < 10; guard++) {
          const texts = textsTo(walker.mobile);
          if (texts.length === walker.seen) break;
          const latest = texts.at(-1)!.body;
          walker.seen = texts.length;
          const reminder = latest.includes('We have not had your answer yet');
          if (walker.behaviour === 'never answers') break;
          if (walker.behaviour === 'answers after the reminder' && !reminder && !walker.answering) break;
          walker.answering = true;
          if (walker.behaviour === 'one unreadable reply a question' && !latest.includes('Sorry, we could not read')) {
            await reply(walker, 'maybe');
          } else {
            await reply(walker, '3');
          }
        }
        walker.answering = walker.answering && textsTo(walker.mobile).at(-1)?.body.includes('Last question') !== true;
      }
    }

    const rows: BenchRow[] = [];
    let worst = 0;
    for (const behaviour of BEHAVIOURS) {
      const group = walkers.filter((walker) => walker.behaviour === behaviour);
      const segments = group.map((walker) =>
        textsTo(walker.mobile).reduce((sum, text) => sum + countSegments(text.body).segments, 0),
      );
      const kept = await Promise.all(
        group.map(async (walker) =>
          (await deps.checkIns.usageOfPatient(walker.patientId))
            .filter((usage) => usage.referralId === walker.referralId)
            .reduce((sum, usage) => sum + usage.segments, 0),
        ),
      );
      if (kept.some((count, i) => count !== segments[i])) {
        throw new Error(`sms-plan: the product's segment count differs from the texts sent (${behaviour})`);
      }
      const most = Math.max(...segments);
      worst = Math.max(worst, most);
      rows.push({
        case: 'sms-plan',
        variant: `default plan, ${behaviour}`,
        metric: 'segments per referral',
        value: most,
        unit: 'segments',
        counts: {
          referrals: group.length,
          texts: Math.max(...group.map((walker) => textsTo(walker.mobile).length)),
          cap: DEFAULT_SEGMENT_CAP,
          pencePerReferral: Math.round(most * PENCE_PER_SEGMENT * 10) / 10,
        },
      });
      log(`sms-plan: ${behaviour}: ${most} segments a referral`);
    }
    rows.push({
      case: 'sms-plan',
      variant: 'default plan, worst of the above',
      metric: 'cost per referral',
      value: Math.round(worst * PENCE_PER_SEGMENT * 10) / 10,
      unit: 'p',
      counts: { segments: worst, cap: DEFAULT_SEGMENT_CAP, usdPerSegment: USD_PER_SEGMENT, gbpPerUsd: GBP_PER_USD },
    });
    return rows;
  } finally {
    await h.close();
  }
};
