import type { DataStore } from '../../platform/dynamodb/client';
import { isConditionalCheckFailure } from '../../platform/dynamodb/errors';
import { entityConfig } from '../../platform/dynamodb/service';
import { type Outcome, outcomeEntity } from '../entities/outcome';
import type { NewOutcome, OutcomeRepository } from '../ports';

export class DynamoDbOutcomeRepository implements OutcomeRepository {
  private readonly outcomes;

  constructor(
    store: DataStore,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.outcomes = outcomeEntity(entityConfig(store));
  }

  async record(outcome: NewOutcome & { outcomeId: string }): Promise<void> {
    try {
      await this.outcomes.create({ ...outcome, createdAt: this.now().toISOString() }).go();
    } catch (error) {
      // Same id, same measurement: recording it again is a no-op.
      if (!isConditionalCheckFailure(error)) throw error;
    }
  }

  async listByReferral(referralId: string): Promise<Outcome[]> {
    const { data } = await this.outcomes.query.byReferral({ referralId }).go({ pages: 'all' });
    return data;
  }
}
