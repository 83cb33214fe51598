import { entityConfig } from '../../../functions/platform/dynamodb/service';
import { patientEntity } from '../../../functions/referrals/entities/patient';
import { fictionalNhsNumber } from '../../../functions/shared/nhs-number';
import { dramaMobile } from '../../../functions/shared/phone';
import { CREATE_REFERRAL, type Data, newReferral, ok, SCHEDULE } from './follow-up-support';
import { createHarness, type GraphQLResponse, type Harness } from './harness';
import { type Texting, texting } from './sms-support';

const CONSENT = `mutation Consent($input: SetSmsConsentInput!) { setSmsConsent(input: $input) { id smsConsent mobile } }`;
const CONTACT = `mutation Contact($input: UpdatePatientContactInput!) {
  updatePatientContact(input: $input) { id mobile smsConsent }
}`;
const PATIENT = `query P($id: ID!) { patient(id: $id) { id smsConsent } }`;
const OPEN_CONCERNS = `query { openConcerns(first: 50) { edges { node { id referral { id } texts { body } } } } }`;
const INBOX = `query { inbox(first: 50) { edges { node { reason body patient { id } } } } }`;
const OUTCOMES = `query R($id: ID!) { referral(id: $id) { outcomes(first: 10) { edges { node { key value } } } } }`;

const errorOf = (response: GraphQLResponse) => response.json.errors?.[0]?.extensions;

/*
 * Phones and people: a mobile is the SMS contact of at most one patient with consent (a claim written with the
 * patient's change), and for numbers already on several records (families, carers, records from before the claim),
 * STOP stops them all, a worrying text reaches them all, and an answer is recorded only where exactly one waits.
 */
describe('shared phones (GraphQL and the inbound SMS handler)', () => {
  let h: Harness;
  let engine: Texting;
  beforeAll(async () => {
    h = await createHarness();
    engine = texting(h);
  });
  afterAll(() => h.close());

  /** A new patient on `mobile` (another patient's seed), as `as` records them. */
  const refer = (seed: number, mobile: string, smsConsent: string, as = h.staff.LINK_WORKER) =>
    h.gql(as, CREATE_REFERRAL, {
      input: {
        practiceId: h.orgs.practice.organisationId,
        source: 'GP',
        needs: ['CARER_SUPPORT'],
        linkWorkerId: as.userId,
        newPatient: {
          nhsNumber: fictionalNhsNumber(seed),
          givenName: `Given${seed}`,
          familyName: 'Family',
          dateOfBirth: '1948-05-05',
          sex: 'MALE',
          mobile,
          smsConsent,
        },
      },
    });

  describe('one SMS contact per mobile', () => {
    it('throws CONFLICT naming newPatient.mobile, and the holder only to someone who may see them', async () => {
      const holder = await newReferral(h, 521);

      const mine = await refer(522, dramaMobile(521), 'GIVEN');
      const other = await refer(523, dramaMobile(521), 'GIVEN', h.staff.otherLinkWorker);

      expect(errorOf(mine)).toEqual({
        code: 'CONFLICT',
        field: 'newPatient.mobile',
        reason: 'MOBILE_IN_USE',
        heldByPatientId: holder.patientId,
      });
      expect(errorOf(other)).toEqual({ code: 'CONFLICT', field: 'newPatient.mobile', reason: 'MOBILE_IN_USE' });
      expect(mine.raw).not.toContain('900521');
    });

    it('records a second person on the phone without consent, and refuses their consent until the holder’s goes', async () => {
      const holder = await newReferral(h, 524);
      const carer = (await ok(refer(525, dramaMobile(524), 'NOT_ASKED'))).createReferral.referral.patient.id;

      const refused = await h.gql(h.staff.LINK_WORKER, CONSENT, { input: { patientId: carer, consent: 'GIVEN' } });
      await ok(h.gql(h.staff.LINK_WORKER, CONSENT, { input: { patientId: holder.patientId, consent: 'REFUSED' } }));
      const given = await ok(h.gql(h.staff.LINK_WORKER, CONSENT, { input: { patientId: carer, consent: 'GIVEN' } }));
      const back = await h.gql(h.staff.LINK_WORKER, CONSENT, {
        input: { patientId: holder.patientId, consent: 'GIVEN' },
      });

      expect(errorOf(refused)).toMatchObject({ code: 'CONFLICT', field: 'consent', heldByPatientId: holder.patientId });
      expect(given.setSmsConsent).toMatchObject({ smsConsent: 'GIVEN', mobile: dramaMobile(524) });
      expect(errorOf(back)).toMatchObject({ code: 'CONFLICT', field: 'consent', heldByPatientId: carer });
    });

    it('moves the claim with a new mobile, and throws CONFLICT naming mobile for a number already taken', async () => {
      const first = await newReferral(h, 526);
      const second = await newReferral(h, 527);

      const taken = await h.gql(h.staff.LINK_WORKER, CONTACT, {
        input: { patientId: second.patientId, mobile: dramaMobile(526) },
      });
      await ok(
        h.gql(h.staff.LINK_WORKER, CONTACT, { input: { patientId: first.patientId, mobile: dramaMobile(528) } }),
      );
      const freed = await ok(
        h.gql(h.staff.LINK_WORKER, CONTACT, { input: { patientId: second.patientId, mobile: dramaMobile(526) } }),
      );

      expect(errorOf(taken)).toMatchObject({ code: 'CONFLICT', field: 'mobile', heldByPatientId: first.patientId });
      expect(freed.updatePatientContact).toMatchObject({ mobile: dramaMobile(526), smsConsent: 'GIVEN' });
      expect(errorOf(await refer(529, dramaMobile(528), 'GIVEN'))).toMatchObject({ field: 'newPatient.mobile' });
    });

    it('lets exactly one of two people registered at once on one mobile have consent', async () => {
      const attempts = await Promise.all([
        refer(530, dramaMobile(530), 'GIVEN'),
        refer(531, dramaMobile(530), 'GIVEN'),
      ]);

      const outcomes = attempts.map((response) => (response.json.errors ? errorOf(response)?.code : 'created'));
      expect(outcomes.sort()).toEqual(['CONFLICT', 'created']);
    });

    it('releases the mobile when its patient texts STOP', async () => {
      await newReferral(h, 532);

      expect(await engine.text(dramaMobile(532), 'STOP')).toBe('opted-out');

      await ok(refer(533, dramaMobile(532), 'GIVEN'));
    });

    it('releases the mobile when its patient is erased', async () => {
      const { patientId } = await newReferral(h, 534);

      await ok(
        h.gql(h.staff.ADMIN, 'mutation E($input: ErasePatientInput!) { erasePatient(input: $input) { patientId } }', {
          input: { patientId },
        }),
      );

      await ok(refer(535, dramaMobile(534), 'GIVEN'));
    });
  });

  describe('a number already on two records (before the claim, or a carer added without consent)', () => {
    /** Two referrals on one mobile, on two link workers' caseloads, both with consent (as records from before claims). */
    async function shared(seed: number) {
      const first = await newReferral(h, seed);
      const second = await newReferral(h, seed + 1, h.staff.otherLinkWorker, 'NOT_ASKED');
      const patients = patientEntity(entityConfig(h.store));
      await patients
        .patch({ patientId: second.patientId })
        .set({ mobile: dramaMobile(seed), smsConsent: 'GIVEN' })
        .go();
      return { first, second, mobile: dramaMobile(seed) };
    }

    it('stops texts to every record on the number at one STOP, confirming once', async () => {
      const { first, second, mobile } = await shared(540);

      expect(await engine.text(mobile, 'Stop')).toBe('opted-out');

      for (const [who, as] of [
        [first, h.staff.LINK_WORKER],
        [second, h.staff.otherLinkWorker],
      ] as const) {
        expect((await ok(h.gql(as, PATIENT, { id: who.patientId }))).patient.smsConsent).toBe('OPTED_OUT');
      }
      expect(engine.sms.to(mobile).filter((body) => body.includes('You will not get any more texts'))).toHaveLength(1);
    });

    it('raises a concern for each record’s link worker and signposts once on a worrying text', async () => {
      const { first, second, mobile } = await shared(542);

      expect(await engine.text(mobile, 'I am not safe at home')).toBe('concern');

      const mine = (await ok(h.gql(h.staff.LINK_WORKER, OPEN_CONCERNS))).openConcerns.edges as Data[];
      const theirs = (await ok(h.gql(h.staff.otherLinkWorker, OPEN_CONCERNS))).openConcerns.edges as Data[];
      expect(mine.find((e) => e.node.referral.id === first.id)?.node.texts).toEqual([
        { body: 'I am not safe at home' },
      ]);
      expect(theirs.find((e) => e.node.referral.id === second.id)?.node.texts).toEqual([
        { body: 'I am not safe at home' },
      ]);
      expect(engine.sms.to(mobile).filter((body) => body.includes('Samaritans'))).toHaveLength(1);
    });

    it('records an answer only where exactly one record waits for it; otherwise both inboxes get it', async () => {
      const { first, second, mobile } = await shared(544);
      const ask = async (referralId: string, as = h.staff.LINK_WORKER) => {
        await ok(
          h.gql(as, SCHEDULE, {
            input: { referralId, wave: 'AD_HOC', dueAt: h.clock.now().toISOString(), questions: ['ONS4.happiness'] },
          }),
        );
        await engine.dispatch();
      };

      await ask(first.id);
      expect(await engine.text(mobile, '6')).toBe('completed');
      await ask(first.id);
      await ask(second.id, h.staff.otherLinkWorker);
      expect(await engine.text(mobile, '8')).toBe('shared-number');

      const recorded = (await ok(h.gql(h.staff.LINK_WORKER, OUTCOMES, { id: first.id }))).referral.outcomes.edges;
      expect(recorded.map((edge: Data) => edge.node.value)).toEqual([6]);
      const theirs = (await ok(h.gql(h.staff.otherLinkWorker, OUTCOMES, { id: second.id }))).referral.outcomes.edges;
      expect(theirs).toEqual([]);
      for (const [as, patientId] of [
        [h.staff.LINK_WORKER, first.patientId],
        [h.staff.otherLinkWorker, second.patientId],
      ] as const) {
        const inbox = (await ok(h.gql(as, INBOX))).inbox.edges as Data[];
        expect(inbox.map((edge) => edge.node)).toContainEqual({
          reason: 'SHARED_NUMBER',
          body: '8',
          patient: { id: patientId },
        });
      }
    });
  });
});
