import {
  DEFAULT_PLAN,
  defaultCatalogue,
  type QuestionCatalogue,
  type QuestionDefinition,
  UCLA3_LONELY_CUT_OFF,
} from '../checkins';
import { ValidationError } from '../shared/errors';

/*
 * The instrument items figures report, from the question catalogue: each item's scale and the bands its answers are
 * counted in. ONS4 items use the ONS bands; options questions (ONS loneliness, UCLA3 items) count each option, so
 * "% often/always lonely" is the share of the `Often/always` band. UCLA3 also has a derived item, `UCLA3.total`
 * (3–9, the sum of the three items answered in one wave), with the bands below and from our cut-off of 6.
 */

export interface FigureBand {
  label: string;
  from: number;
  to: number;
}

export interface InstrumentItemSpec {
  instrument: string;
  item: string;
  /** `<instrument>.<item>` */
  key: string;
  min: number;
  max: number;
  /** Band labels in scale order; every answer falls in exactly one (empty for an unbanded item). */
  bands: readonly FigureBand[];
  /** For a derived item: the items it adds up. */
  sumOf?: readonly string[];
}

export const UCLA3_TOTAL_KEY = 'UCLA3.total';
export const UCLA3_ITEMS = ['UCLA3.companionship', 'UCLA3.leftOut', 'UCLA3.isolated'] as const;
export const UCLA3_LONELY_BAND = `${UCLA3_LONELY_CUT_OFF}-9`;

function specOf(question: QuestionDefinition): InstrumentItemSpec {
  const key = `${question.instrument}.${question.item}`;
  const response = question.response;
  if (response.kind === 'scale') {
    return {
      instrument: question.instrument,
      item: question.item,
      key,
      min: response.min,
      max: response.max,
      bands: (question.bands ?? []).map(({ label, from, to }) => ({ label, from, to })),
    };
  }
  const values = response.options.map((option) => option.value);
  return {
    instrument: question.instrument,
    item: question.item,
    key,
    min: Math.min(...values),
    max: Math.max(...values),
    bands: response.options.map((option) => ({ label: option.label, from: option.value, to: option.value })),
  };
}

const UCLA3_TOTAL: InstrumentItemSpec = {
  instrument: 'UCLA3',
  item: 'total',
  key: UCLA3_TOTAL_KEY,
  min: 3,
  max: 9,
  bands: [
    { label: `3-${UCLA3_LONELY_CUT_OFF - 1}`, from: 3, to: UCLA3_LONELY_CUT_OFF - 1 },
    { label: UCLA3_LONELY_BAND, from: UCLA3_LONELY_CUT_OFF, to: 9 },
  ],
  sumOf: UCLA3_ITEMS,
};

/** Every item figures can report, in catalogue order, with derived items after the items they add up. */
export function allFigureItems(catalogue: QuestionCatalogue = defaultCatalogue): InstrumentItemSpec[] {
  const specs = catalogue.all().map(specOf);
  const hasUcla = UCLA3_ITEMS.every((key) => specs.some((spec) => spec.key === key));
  return hasUcla ? [...specs, UCLA3_TOTAL] : specs;
}

const DEFAULT_SPECS = new Map(allFigureItems().map((spec) => [spec.key, spec]));

/** The spec of an item of the default catalogue, if it has one. */
export function figureItemSpec(key: string): InstrumentItemSpec | undefined {
  return DEFAULT_SPECS.get(key);
}

export function bandLabelOf(spec: InstrumentItemSpec | undefined, value: number): string | undefined {
  return spec?.bands.find((band) => value >= band.from && value <= band.to)?.label;
}

/** Items the follow-up plan asks in its check-ins (baseline and every follow-up). */
export function itemsAskedByCheckIns(): Set<string> {
  const plan = DEFAULT_PLAN;
  const asked = new Set<string>();
  for (const step of [...(plan.baseline ? [plan.baseline] : []), ...plan.afterFirstAttendance]) {
    for (const key of step.questions) asked.add(key);
  }
  return asked;
}

export function knownInstruments(catalogue: QuestionCatalogue = defaultCatalogue): string[] {
  return [...new Set(catalogue.all().map((question) => question.instrument))];
}

/**
 * The items reported for the named instruments (default: those check-ins ask). Within an instrument, items no
 * check-in asks are left out (they would be empty columns) unless no item of that instrument is asked, in which
 * case it was named for its in-person answers and all its items are kept. Throws naming the field for an unknown
 * instrument.
 */
export function reportedItems(
  instruments: readonly string[] | null | undefined,
  catalogue: QuestionCatalogue = defaultCatalogue,
): InstrumentItemSpec[] {
  const all = allFigureItems(catalogue);
  const asked = itemsAskedByCheckIns();
  const askedOf = (spec: InstrumentItemSpec) =>
    asked.has(spec.key) || (spec.sumOf?.every((key) => asked.has(key)) ?? false);
  const wanted = instruments?.length ? instruments : [...new Set(all.filter(askedOf).map((spec) => spec.instrument))];
  for (const instrument of wanted) {
    if (!all.some((spec) => spec.instrument === instrument)) {
      throw new ValidationError('instruments', `unknown instrument ${instrument}`);
    }
  }
  return all.filter((spec) => {
    if (!wanted.includes(spec.instrument)) return false;
    const anyAsked = all.some((other) => other.instrument === spec.instrument && askedOf(other));
    return !anyAsked || askedOf(spec);
  });
}
