import { canAccessCareRecord, type Principal } from '../../identity';
import type { CareEventPublisher } from '../../platform/care-event-bus';
import type { Clock } from '../../shared/clock';
import { ConflictError, ForbiddenError, ValidationError } from '../../shared/errors';
import type { IdGenerator } from '../../shared/ids';
import { OUTCOME_WAVES, type OutcomeWave } from '../entities/outcome';
import type { CareRecordReader, NewOutcome, OutcomeRepository } from '../ports';
import { bandOf, defaultCatalogue, optionLabel, type QuestionCatalogue } from '../questionnaires';

export interface RecordOutcomeDeps {
  outcomes: OutcomeRepository;
  careRecords: Pick<CareRecordReader, 'getReferral'>;
  events: CareEventPublisher;
  clock: Clock;
  newId: IdGenerator;
  catalogue?: QuestionCatalogue;
}

export interface RecordOutcomeInput {
  principal: Principal;
  referralId: string;
  /** `instrument` and `item` as in the catalogue (e.g. `ONS4`, `happiness`); `value` as the patient answered. */
  answers: readonly { instrument: string; item: string; value: number }[];
  wave?: OutcomeWave;
  /** ISO time the answers were given; defaults to now; never in the future. */
  measuredAt?: string;
}

/**
 * A link worker records answers given in person (source IN_PERSON). Primary course: check the referral is in the
 * caller's scope → validate every answer against the instrument → record each as an outcome measurement → fold the
 * values into the referral's caseload row (OutcomesMeasured).
 */
export async function recordOutcome(deps: RecordOutcomeDeps, input: RecordOutcomeInput) {
  const catalogue = deps.catalogue ?? defaultCatalogue;
  const referral = await deps.careRecords.getReferral(input.referralId);
  if (!referral || !canAccessCareRecord(input.principal, referral)) throw new ForbiddenError();
  if (referral.erased) throw new ConflictError("The patient's data has been erased");
  if (input.answers.length === 0) throw new ValidationError('answers', 'at least one answer is required');
  const wave = input.wave ?? 'AD_HOC';
  if (!OUTCOME_WAVES.includes(wave)) throw new ValidationError('wave', 'unknown wave');
  const now = deps.clock.now();
  const measuredAt = input.measuredAt ? new Date(input.measuredAt) : now;
  if (!Number.isFinite(measuredAt.getTime())) throw new ValidationError('measuredAt', 'not a valid date and time');
  if (measuredAt.getTime() > now.getTime()) throw new ValidationError('measuredAt', 'cannot be in the future');

  const outcomes: (NewOutcome & { outcomeId: string })[] = input.answers.map((answer, index) => {
    const key = `${answer.instrument}.${answer.item}`;
    if (!catalogue.has(key)) throw new ValidationError(`answers.${index}`, `unknown item ${key}`);
    const question = catalogue.get(key);
    const response = question.response;
    const valid =
      Number.isInteger(answer.value) &&
      (response.kind === 'scale'
        ? answer.value >= response.min && answer.value <= response.max
        : response.options.some((option) => option.value === answer.value));
    if (!valid) throw new ValidationError(`answers.${index}.value`, `not a valid answer to ${key}`);
    return {
      outcomeId: deps.newId(),
      referralId: referral.referralId,
      patientId: referral.patientId,
      instrument: answer.instrument,
      item: answer.item,
      value: answer.value,
      option: optionLabel(question, answer.value),
      band: bandOf(question, answer.value)?.label,
      wave,
      source: 'IN_PERSON',
      measuredAt: measuredAt.toISOString(),
      recordedBy: input.principal.userId,
    };
  });
  for (const outcome of outcomes) await deps.outcomes.record(outcome);
  await deps.events.publish({
    type: 'OutcomesMeasured',
    referralId: referral.referralId,
    values: Object.fromEntries(
      outcomes.map((outcome) => [
        `${outcome.instrument}.${outcome.item}`,
        { value: outcome.option ?? outcome.value, measuredAt: outcome.measuredAt },
      ]),
    ),
    at: now.toISOString(),
  });
  return outcomes;
}
