import fc from 'fast-check';
import { countSegments, isGsm7, toGsm7Basic } from '../../../functions/checkins/gsm7';
import { defaultCatalogue, replyHint } from '../../../functions/checkins/questionnaires';
import {
  fitsOneSegment,
  isContactRouteForHelp,
  MAX_CONTACT_ROUTE,
  MAX_LINK_WORKER_NAME,
  MAX_ORGANISATION_LABEL,
  organisationLabel,
  SIGNPOSTING,
  senderLabel,
  templates,
} from '../../../functions/checkins/templates';

describe('countSegments', () => {
  it('returns one GSM-7 segment for 160 basic characters and two for 161', () => {
    expect(countSegments('a'.repeat(160))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(countSegments('a'.repeat(161))).toEqual({ encoding: 'GSM-7', units: 161, segments: 2 });
  });

  it('counts each extension character as two septets', () => {
    expect(countSegments('[]{}^\\|~€')).toMatchObject({ encoding: 'GSM-7', units: 18 });
    expect(countSegments(`${'a'.repeat(159)}€`).segments).toBe(2);
  });

  it('returns UCS-2 with a 70 unit limit for emoji and curly quotes', () => {
    expect(countSegments('Thanks 🙂')).toMatchObject({ encoding: 'UCS-2', segments: 1 });
    expect(countSegments(`’${'a'.repeat(70)}`)).toMatchObject({ encoding: 'UCS-2', segments: 2 });
  });

  it('keeps accented letters from the GSM-7 table as GSM-7', () => {
    expect(isGsm7('Café Müller £3')).toBe(true);
  });
});

describe('toGsm7Basic', () => {
  it('returns names with curly quotes, dashes and other letters made GSM-7 safe', () => {
    expect(toGsm7Basic('St Mary’s – Łódź {PCN}')).toBe("St Mary's - Lodz PCN");
    expect(isGsm7(toGsm7Basic('Zoë 🙂 Ōsaka'))).toBe(true);
  });
});

describe('templates', () => {
  const longestOrganisation = 'Abcdefghijklmnop Qrstuvwxyz Primary Care Network';
  const sender = senderLabel(longestOrganisation);
  const longestName = 'Bartholomewwwwww Featherstonehaugh-Smythe';
  const longestRoute = 'The Surgery at Castle Street Medical Centre on 0113 496 0002';
  const questions = defaultCatalogue.all();

  const rendered: [string, string][] = [
    ['intro', templates.intro(sender, 5)],
    ['reminder', templates.reminder(sender)],
    ['stopConfirmed', templates.stopConfirmed(sender)],
    ['startConfirmed', templates.startConfirmed(sender)],
    ['help', templates.help(sender, longestName.slice(0, MAX_LINK_WORKER_NAME), longestRoute)],
    ['help without names', templates.help(sender, undefined, undefined)],
    ['signposting', templates.signposting(sender)],
    ...questions.flatMap((question): [string, string][] => [
      [`question ${question.instrument}.${question.item}`, templates.question(sender, question)],
      [`reask ${question.instrument}.${question.item}`, templates.reask(sender, question)],
      // What the dispatcher sends as a last question: saying so where that fits one segment, plain otherwise.
      [
        `last question ${question.instrument}.${question.item}`,
        fitsOneSegment(templates.lastQuestion(sender, question))
          ? templates.lastQuestion(sender, question)
          : templates.question(sender, question),
      ],
    ]),
  ];

  it('uses the longest allowed organisation label', () => {
    expect(organisationLabel(longestOrganisation)!.length).toBeLessThanOrEqual(MAX_ORGANISATION_LABEL);
    expect(sender).toBe('Linkwork for Abcdefghijklmnop');
    expect(longestRoute).toHaveLength(MAX_CONTACT_ROUTE);
  });

  it.each(rendered)('fits %s in one GSM-7 segment', (_name, text) => {
    expect(countSegments(text)).toMatchObject({ encoding: 'GSM-7', segments: 1 });
  });

  it.each(rendered)('says who %s is from, with no relative dates', (_name, text) => {
    expect(text.startsWith(`${sender}: `)).toBe(true);
    const ours = questions.reduce((rest, question) => rest.replace(question.text, ''), text);
    expect(ours).not.toMatch(/\b(today|tomorrow|tonight|yesterday|this (morning|afternoon|evening))\b/i);
  });

  it('says on the first text of every check-in that replies are not read straight away', () => {
    for (const question of questions) {
      const combined = templates.firstQuestion(sender, question);
      const first = fitsOneSegment(combined) ? combined : templates.intro(sender, 3);
      expect(first).toContain('Replies are not read straight away.');
      expect(fitsOneSegment(first)).toBe(true);
    }
  });

  it('fits the default first question together with the notice, saving a text', () => {
    expect(fitsOneSegment(templates.firstQuestion(sender, defaultCatalogue.get('ONS4.happiness')))).toBe(true);
  });

  it('says the last question of the default check-in is the last, with the longest sender, in one segment', () => {
    const last = templates.lastQuestion(sender, defaultCatalogue.get('ONS_LONELINESS.lonely'));
    expect(last).toBe(
      'Linkwork for Abcdefghijklmnop: Last question. How often do you feel lonely? ' +
        'Reply 1 Often/always, 2 Some of the time, 3 Occasionally, 4 Hardly ever or 5 Never.',
    );
    expect(fitsOneSegment(last)).toBe(true);
  });

  it('signposts with the exact crisis wording', () => {
    expect(templates.signposting(sender)).toContain(SIGNPOSTING);
    expect(SIGNPOSTING).toBe('If you need help now call 111, or 999 in an emergency. Samaritans: 116 123.');
  });

  it('returns HELP with the longest route allowed and the longest sender in one segment, leaving out the name', () => {
    const help = templates.help(sender, longestName, longestRoute);
    expect(help).toBe(
      'Linkwork for Abcdefghijklmnop: Your link worker reads replies later. ' +
        'Contact The Surgery at Castle Street Medical Centre on 0113 496 0002. Text STOP to opt out.',
    );
    expect(countSegments(help)).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
  });

  it("returns HELP with the practice's route and the link worker's first name", () => {
    expect(templates.help('Linkwork for Millbrook', 'Asha Patel', 'Millbrook Surgery on 0113 496 0001')).toBe(
      'Linkwork for Millbrook: Your link worker Asha reads replies later. ' +
        'Contact Millbrook Surgery on 0113 496 0001. Text STOP to opt out.',
    );
  });

  it('returns HELP in one segment with any allowed route, name and sender, keeping the name whenever it fits (property)', () => {
    const gsmText = (min: number, max: number) =>
      fc
        .string({
          unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,-()'),
          minLength: min,
          maxLength: max,
        })
        .map((text) => text.replace(/\s+/g, ' ').trim())
        .filter((text) => text.length >= min);
    fc.assert(
      fc.property(
        gsmText(1, MAX_CONTACT_ROUTE),
        gsmText(1, MAX_LINK_WORKER_NAME).filter((name) => !name.includes(' ')),
        gsmText(0, 40),
        (route, name, organisation) => {
          const from = senderLabel(organisation);
          const help = templates.help(from, name, route);
          expect(fitsOneSegment(help)).toBe(true);
          expect(help).toContain(`Contact ${route}. `);
          const withName = `${from}: Your link worker ${name} reads replies later. Contact ${route}. Text STOP to opt out.`;
          expect(help.includes(` ${name} reads`)).toBe(fitsOneSegment(withName));
        },
      ),
    );
  });

  it('returns a generic route in HELP when the contact route is too long, never a cut one', () => {
    expect(templates.help(sender, 'Asha', 'x'.repeat(MAX_CONTACT_ROUTE + 1))).toContain('Contact your GP surgery.');
    expect(templates.help(sender, 'Asha', undefined)).toContain('Contact your GP surgery.');
    expect(templates.help(sender, 'Asha', '🙂')).toContain('Contact your GP surgery.');
  });

  it('returns whether a contact route fits HELP, counted after it is made GSM-7 safe', () => {
    expect(isContactRouteForHelp(longestRoute)).toBe(true);
    expect(isContactRouteForHelp(`${longestRoute}x`)).toBe(false);
    expect(isContactRouteForHelp(`${longestRoute} 🙂`)).toBe(true);
    expect(isContactRouteForHelp('  ')).toBe(false);
  });

  it('keeps sentences short (about reading age 9)', () => {
    for (const [, text] of rendered) {
      const ours = questions.reduce(
        (rest, question) => rest.replace(question.text, '').replace(replyHint(question), ''),
        text,
      );
      for (const sentence of ours.split(/[.?!]\s/)) expect(sentence.split(/\s+/).length).toBeLessThanOrEqual(16);
    }
  });
});
