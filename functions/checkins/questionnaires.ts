/*
 * Outcome instruments as data. A check-in asks a few of these questions, one text each. The wording of each question is
 * the instrument's published wording (ONS, UCLA) and must not be paraphrased; the reply hints are ours. A deployment may
 * add instruments through `createCatalogue(extra)`; no licensed instrument text lives in this code.
 */

export interface Band {
  from: number;
  to: number;
  label: string;
  /** An answer in this band is worrying on its own (e.g. the highest ONS anxiety band). */
  concern?: boolean;
}

export interface ScaleResponse {
  kind: 'scale';
  min: number;
  max: number;
  minLabel: string;
  maxLabel: string;
}

export interface ResponseOption {
  /** What the patient replies, and the value stored. */
  value: number;
  /** The instrument's canonical wording of the option; stored with the value. */
  label: string;
  /** Other words accepted for this option, lower case. */
  aliases: readonly string[];
}

export interface OptionsResponse {
  kind: 'options';
  options: readonly ResponseOption[];
}

export interface QuestionDefinition {
  instrument: string;
  item: string;
  /** The published question wording. */
  text: string;
  response: ScaleResponse | OptionsResponse;
  bands?: readonly Band[];
}

export interface InstrumentDefinition {
  instrument: string;
  name: string;
  questions: readonly QuestionDefinition[];
}

/** `<instrument>.<item>`, the key used in check-ins and in `referral.latestOutcomes`. */
export type QuestionKey = string;

export function questionKey(question: Pick<QuestionDefinition, 'instrument' | 'item'>): QuestionKey {
  return `${question.instrument}.${question.item}`;
}

const ONS4_BANDS: readonly Band[] = [
  { from: 0, to: 4, label: 'low' },
  { from: 5, to: 6, label: 'medium' },
  { from: 7, to: 8, label: 'high' },
  { from: 9, to: 10, label: 'very high' },
];

/** ONS reverses the anxiety bands: a high score is the poor outcome. The top band counts as a worrying reply. */
const ONS4_ANXIETY_BANDS: readonly Band[] = [
  { from: 0, to: 1, label: 'very low' },
  { from: 2, to: 3, label: 'low' },
  { from: 4, to: 5, label: 'medium' },
  { from: 6, to: 10, label: 'high', concern: true },
];

const ZERO_TO_TEN: ScaleResponse = { kind: 'scale', min: 0, max: 10, minLabel: 'not at all', maxLabel: 'completely' };

function ons4(item: string, text: string, bands = ONS4_BANDS): QuestionDefinition {
  return { instrument: 'ONS4', item, text, response: ZERO_TO_TEN, bands };
}

export const ONS4: InstrumentDefinition = {
  instrument: 'ONS4',
  name: 'ONS4 personal wellbeing',
  questions: [
    ons4('lifeSatisfaction', 'Overall, how satisfied are you with your life nowadays?'),
    ons4('worthwhile', 'Overall, to what extent do you feel that the things you do in your life are worthwhile?'),
    ons4('happiness', 'Overall, how happy did you feel yesterday?'),
    ons4('anxiety', 'Overall, how anxious did you feel yesterday?', ONS4_ANXIETY_BANDS),
  ],
};

/** Replies 1..5 in the ONS order; a higher reply means less lonely. */
export const ONS_LONELINESS: InstrumentDefinition = {
  instrument: 'ONS_LONELINESS',
  name: 'ONS direct loneliness question',
  questions: [
    {
      instrument: 'ONS_LONELINESS',
      item: 'lonely',
      text: 'How often do you feel lonely?',
      response: {
        kind: 'options',
        options: [
          {
            value: 1,
            label: 'Often/always',
            aliases: ['often', 'always', 'often or always', 'often always', 'all the time'],
          },
          { value: 2, label: 'Some of the time', aliases: ['sometimes', 'some times'] },
          { value: 3, label: 'Occasionally', aliases: ['now and then'] },
          { value: 4, label: 'Hardly ever', aliases: ['rarely', 'hardly'] },
          { value: 5, label: 'Never', aliases: ['not at all'] },
        ],
      },
    },
  ],
};

const UCLA_OPTIONS: OptionsResponse = {
  kind: 'options',
  options: [
    { value: 1, label: 'Hardly ever or never', aliases: ['hardly ever', 'never', 'rarely', 'hardly'] },
    { value: 2, label: 'Some of the time', aliases: ['sometimes', 'some times'] },
    { value: 3, label: 'Often', aliases: ['always', 'all the time'] },
  ],
};

/** UCLA 3-item loneliness scale: each 1..3, total 3..9, higher = lonelier; 6+ is our documented "lonely" cut-off. */
export const UCLA3: InstrumentDefinition = {
  instrument: 'UCLA3',
  name: 'UCLA 3-item loneliness scale',
  questions: [
    {
      instrument: 'UCLA3',
      item: 'companionship',
      text: 'How often do you feel that you lack companionship?',
      response: UCLA_OPTIONS,
    },
    { instrument: 'UCLA3', item: 'leftOut', text: 'How often do you feel left out?', response: UCLA_OPTIONS },
    {
      instrument: 'UCLA3',
      item: 'isolated',
      text: 'How often do you feel isolated from others?',
      response: UCLA_OPTIONS,
    },
  ],
};

export const UCLA3_LONELY_CUT_OFF = 6;

export const DEFAULT_INSTRUMENTS: readonly InstrumentDefinition[] = [ONS4, ONS_LONELINESS, UCLA3];

/** Asked by default: ONS4 happiness and anxiety, then the ONS loneliness question. */
export const DEFAULT_QUESTIONS: readonly QuestionKey[] = ['ONS4.happiness', 'ONS4.anxiety', 'ONS_LONELINESS.lonely'];

export interface QuestionCatalogue {
  get(key: QuestionKey): QuestionDefinition;
  has(key: QuestionKey): boolean;
  all(): QuestionDefinition[];
}

export function createCatalogue(extra: readonly InstrumentDefinition[] = []): QuestionCatalogue {
  const byKey = new Map<QuestionKey, QuestionDefinition>();
  for (const instrument of [...DEFAULT_INSTRUMENTS, ...extra]) {
    for (const question of instrument.questions) byKey.set(questionKey(question), question);
  }
  return {
    get(key) {
      const question = byKey.get(key);
      if (!question) throw new RangeError(`Unknown question ${key}`);
      return question;
    },
    has: (key) => byKey.has(key),
    all: () => [...byKey.values()],
  };
}

export const defaultCatalogue = createCatalogue();

export function bandOf(question: QuestionDefinition, value: number): Band | undefined {
  return question.bands?.find((band) => value >= band.from && value <= band.to);
}

/** The canonical option label for an options question (`Often/always` for ONS loneliness 1), else undefined. */
export function optionLabel(question: QuestionDefinition, value: number): string | undefined {
  if (question.response.kind !== 'options') return undefined;
  return question.response.options.find((option) => option.value === value)?.label;
}

/** The reply hint, e.g. `Reply 0 (not at all) to 10 (completely).` */
export function replyHint(question: QuestionDefinition): string {
  const response = question.response;
  if (response.kind === 'scale') {
    return `Reply ${response.min} (${response.minLabel}) to ${response.max} (${response.maxLabel}).`;
  }
  const options = response.options.map((option) => `${option.value} ${option.label}`);
  return `Reply ${options.slice(0, -1).join(', ')} or ${options[options.length - 1]}.`;
}

/** The short valid range, for a re-ask: `a number from 0 to 10`. */
export function validRange(question: QuestionDefinition): string {
  const response = question.response;
  if (response.kind === 'scale') return `a number from ${response.min} to ${response.max}`;
  const values = response.options.map((option) => option.value);
  return `a number from ${Math.min(...values)} to ${Math.max(...values)}`;
}
