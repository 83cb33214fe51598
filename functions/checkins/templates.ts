import { countSegments, toGsm7Basic } from './gsm7';
import { type QuestionDefinition, replyHint, validRange } from './questionnaires';

/*
 * Every text a patient gets. Rules (tested for every template with the longest allowed values, see
 * test/unit/checkins/templates.test.ts): one GSM-7 segment; says who it is from; plain words (reading age about 9);
 * no emoji; no relative dates such as "today" or "tomorrow", because a text may arrive late. (The ONS4 questions say
 * "yesterday": that is the instrument's own wording and is kept exactly.)
 */

/** Longest organisation label shown after "Linkwork for "; longer names are shortened at a word boundary. */
export const MAX_ORGANISATION_LABEL = 16;
/** Longest link worker name in a HELP reply (the first name is used). */
export const MAX_LINK_WORKER_NAME = 16;
/**
 * Longest contact route a HELP reply carries (`Millbrook Surgery on 0113 496 0001` is 34), in GSM-7 characters after
 * `toGsm7Basic`. It fits one segment with the longest sender label; the link worker's name is left out when both do not
 * fit. A staff user's `contactRoute` should be refused above it (see `isContactRouteForHelp`): a longer route is
 * replaced by a generic one, never cut short.
 */
export const MAX_CONTACT_ROUTE = 60;

export const SIGNPOSTING = 'If you need help now call 111, or 999 in an emergency. Samaritans: 116 123.';

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  return (space > 0 ? cut.slice(0, space) : text.slice(0, max)).trim();
}

/** `Riverside Health PCN` → `Riverside Health`: the PCN's short name as patients know it, GSM-7 safe, ≤ 16 chars. */
export function organisationLabel(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const short = toGsm7Basic(name)
    .replace(/\s*\b(Primary Care Network|PCN)\b\s*$/i, '')
    .trim();
  return short ? shorten(short, MAX_ORGANISATION_LABEL) : undefined;
}

/** Who a text is from: `Linkwork for Riverside Health`, or plain `Linkwork`. */
export function senderLabel(organisationName: string | undefined): string {
  const label = organisationLabel(organisationName);
  return label ? `Linkwork for ${label}` : 'Linkwork';
}

export const templates = {
  /** First text of a check-in when the notice and the first question fit together. */
  firstQuestion: (sender: string, question: QuestionDefinition) =>
    `${sender}: Replies are not read straight away. ${question.text} ${replyHint(question)}`,
  /** First text of a check-in when the first question is too long to share a text with the notice. */
  intro: (sender: string, questionCount: number) =>
    `${sender}: We have ${questionCount} short ${questionCount === 1 ? 'question' : 'questions'} for your link worker. Replies are not read straight away. Text STOP to opt out.`,
  question: (sender: string, question: QuestionDefinition) => `${sender}: ${question.text} ${replyHint(question)}`,
  /**
   * The last question of a check-in, saying so: no thank-you text follows the answer (it would cost a segment a
   * check-in, a quarter of the plan's budget), so the person knows this is the end. When it does not fit one segment
   * with the question, the plain question goes instead.
   */
  lastQuestion: (sender: string, question: QuestionDefinition) =>
    `${sender}: Last question. ${question.text} ${replyHint(question)}`,
  reask: (sender: string, question: QuestionDefinition) =>
    question.response.kind === 'scale'
      ? `${sender}: Sorry, we could not read that. Please reply with ${validRange(question)}.`
      : `${sender}: Sorry, we could not read that. ${replyHint(question)}`,
  reminder: (sender: string) =>
    `${sender}: We have not had your answer yet. Please reply to our last text when you can. Text STOP to opt out.`,
  stopConfirmed: (sender: string) =>
    `${sender}: You will not get any more texts from us. Text START if you want them again.`,
  startConfirmed: (sender: string) =>
    `${sender}: You will get check-in texts from us again. Text STOP at any time to stop them.`,
  help: (sender: string, linkWorkerName: string | undefined, contactRoute: string | undefined) => {
    const first = linkWorkerName ? toGsm7Basic(linkWorkerName).split(' ')[0] : '';
    const name = first && first.length <= MAX_LINK_WORKER_NAME ? ` ${first}` : '';
    const route = contactRoute && isContactRouteForHelp(contactRoute) ? toGsm7Basic(contactRoute) : 'your GP surgery';
    const help = (who: string) =>
      `${sender}: Your link worker${who} reads replies later. Contact ${route}. Text STOP to opt out.`;
    // The route matters more than the name: with the longest sender and route, the name is what gives way.
    return name && !fitsOneSegment(help(name)) ? help('') : help(name);
  },
  signposting: (sender: string) => `${sender}: Your link worker will read this later. ${SIGNPOSTING}`,
} as const;

export type TemplateName = keyof typeof templates;

/** True when `route` can go in a HELP reply as it is: not empty and at most `MAX_CONTACT_ROUTE` once GSM-7 safe. */
export function isContactRouteForHelp(route: string): boolean {
  const safe = toGsm7Basic(route);
  return safe !== '' && safe.length <= MAX_CONTACT_ROUTE;
}

/** True when the text fits one GSM-7 segment (the rule for every text we send). */
export function fitsOneSegment(text: string): boolean {
  const count = countSegments(text);
  return count.encoding === 'GSM-7' && count.segments === 1;
}
