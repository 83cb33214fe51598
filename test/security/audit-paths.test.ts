import { markersIn } from './probe';
import { PATIENT_FIELDS, REFERRAL_FIELDS } from './recipe';
import { Tally } from './tally';
import { type SeededPatient, World } from './world';

/*
 * One request that reaches the same patient by several paths (the patient itself, a referral's patient, a caseload
 * row, aliases, nested lists, a check-in's texts) shows that patient once as far as the audit trail is concerned:
 * exactly one event per patient per request (issue 11: 1,000 aliases wrote 1,000 events).
 */

describe('one audit event per patient per request, whatever the paths (Lambda handler, DynamoDB Local)', () => {
  let world: World;
  let home: SeededPatient;
  let second: SeededPatient;
  const tally = new Tally('several paths to a patient in one request, one audit event each');

  beforeAll(async () => {
    world = await World.build({ basePatients: false });
    home = await world.fresh('home', { prescribed: true, whatMatters: true, checkIn: true });
    second = await world.fresh('home', { checkIn: true });
  }, 60_000);
  afterAll(async () => {
    tally.report();
    await world?.close();
  });

  /** Sends `query` and returns, per patient shown, how many audit events the request left on their trail. */
  async function eventsPerPatient(caller: 'lw' | 'coord', query: string, variables: Record<string, unknown>) {
    const observed = await world.probe.send(world.callers[caller], query, variables);
    expect(observed.response.json.errors).toBeUndefined();
    const counts: Record<string, number> = {};
    for (const patient of [home, second]) {
      const shown = markersIn(observed.response.raw, patient.markers.identifying).length > 0;
      const events = await world.probe.auditEventsAt(patient.patientId, observed.at);
      if (shown || events.length > 0) counts[patient.label] = events.length;
    }
    return counts;
  }

  function expectOneEach(label: string, counts: Record<string, number>, patients: SeededPatient[]) {
    const expected = Object.fromEntries(patients.map((patient) => [patient.label, 1]));
    tally.record(label, JSON.stringify(counts) === JSON.stringify(expected));
    expect(counts).toEqual(expected);
  }

  it('writes one event for a patient read as itself, as a referral’s patient and as a caseload row', async () => {
    const counts = await eventsPerPatient(
      'lw',
      `query Paths($patientId: ID!, $referralId: ID!) {
        patient(id: $patientId) { ${PATIENT_FIELDS} }
        referral(id: $referralId) { id patient { ${PATIENT_FIELDS} } }
        caseload(first: 50) { edges { node { id patient { ${PATIENT_FIELDS} } } } }
      }`,
      { patientId: home.patientId, referralId: home.referralId },
    );

    expectOneEach('patient + referral + caseload', counts, [home, second]);
  });

  it('writes one event for a patient asked for under five aliases', async () => {
    const aliases = Array.from({ length: 5 }, (_, i) => `p${i}: patient(id: $id) { ${PATIENT_FIELDS} }`);

    const counts = await eventsPerPatient('lw', `query Aliases($id: ID!) { ${aliases.join(' ')} }`, {
      id: home.patientId,
    });

    expectOneEach('five aliases of patient(id:)', counts, [home]);
  });

  it('writes one event for a referral opened with its history, notes, plan, texts and the patient’s referrals', async () => {
    const counts = await eventsPerPatient(
      'lw',
      `query Screen($id: ID!) {
        referral(id: $id) {
          ${REFERRAL_FIELDS}
          checkIns(first: 10) { edges { node { id messages(first: 10) { edges { node { body } } } } } }
          patient { id referrals(first: 10) { edges { node { id note patient { ${PATIENT_FIELDS} } } } } }
        }
      }`,
      { id: home.referralId },
    );

    expectOneEach('referral screen', counts, [home]);
  });

  it('writes one event per patient for a coordinator reading a caseload and both patients by id', async () => {
    const counts = await eventsPerPatient(
      'coord',
      `query Coordinator($lw: ID!, $a: ID!, $b: ID!) {
        caseload(linkWorkerId: $lw, first: 50) { edges { node { id patient { ${PATIENT_FIELDS} } } } }
        a: patient(id: $a) { ${PATIENT_FIELDS} }
        b: referral(id: $b) { ${REFERRAL_FIELDS} }
      }`,
      { lw: world.callers.lw.userId, a: home.patientId, b: second.referralId },
    );

    expectOneEach('coordinator: caseload + patient + referral', counts, [home, second]);
  });

  it('writes one event for two changes to the same patient in one mutation', async () => {
    const target = await world.fresh('home');
    const preferredName = `Qzrenamed${target.tag}`;
    target.markers.identifying.push(preferredName);

    const observed = await world.probe.send(
      world.callers.lw,
      `mutation Twice($contact: UpdatePatientContactInput!, $consent: SetSmsConsentInput!) {
        contact: updatePatientContact(input: $contact) { ${PATIENT_FIELDS} }
        consent: setSmsConsent(input: $consent) { ${PATIENT_FIELDS} }
      }`,
      {
        contact: { patientId: target.patientId, preferredName },
        consent: { patientId: target.patientId, consent: 'REFUSED' },
      },
    );
    const events = await world.probe.auditEventsAt(target.patientId, observed.at);

    expect(observed.response.json.errors).toBeUndefined();
    tally.record('updatePatientContact + setSmsConsent', events.length === 1);
    expect(events.map((event) => `${event.action} ${event.operation}`)).toHaveLength(1);
  });
});
