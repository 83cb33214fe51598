import { defaultCatalogue, type QuestionCatalogue } from '../checkins';
import { ValidationError } from '../shared/errors';
import type { InstrumentItemSpec } from './summary';

/** The items of the named instruments, in catalogue order; throws naming the field for an unknown instrument. */
export function instrumentItems(
  instruments: readonly string[],
  catalogue: QuestionCatalogue = defaultCatalogue,
): InstrumentItemSpec[] {
  const questions = catalogue.all();
  for (const instrument of instruments) {
    if (!questions.some((question) => question.instrument === instrument)) {
      throw new ValidationError('instruments', `unknown instrument ${instrument}`);
    }
  }
  return questions
    .filter((question) => instruments.includes(question.instrument))
    .map((question) => ({
      instrument: question.instrument,
      item: question.item,
      bands: (question.bands ?? []).map((band) => band.label),
    }));
}

export function knownInstruments(catalogue: QuestionCatalogue = defaultCatalogue): string[] {
  return [...new Set(catalogue.all().map((question) => question.instrument))];
}
