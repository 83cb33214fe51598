import type { DataStore } from '../../platform/dynamodb/client';
import { isConditionalCheckFailure } from '../../platform/dynamodb/errors';
import { queryKeyPage } from '../../platform/dynamodb/key-paging';
import { entityConfig } from '../../platform/dynamodb/service';
import { type InboxMessage, type InboxState, inboxMessageEntity } from '../entities/inbox-message';
import type { InboxRepository } from '../ports';

/** The inbox over ElectroDB: one owner's texts in one state are one key range of gsi1, oldest first. */
export class DynamoDbInbox implements InboxRepository {
  private readonly inbox;
  private readonly documentClient;

  constructor(store: DataStore) {
    this.inbox = inboxMessageEntity(entityConfig(store));
    this.documentClient = store.documentClient;
  }

  async get(inboxMessageId: string): Promise<InboxMessage | undefined> {
    const { data } = await this.inbox.get({ inboxMessageId }).go({ consistent: true });
    return data ?? undefined;
  }

  list(owner: string, state: InboxState, page: { first: number; after?: string }) {
    const params = this.inbox.query.byOwner({ caseloadOwner: owner, state }).params();
    return queryKeyPage({
      documentClient: this.documentClient,
      params,
      keyFields: ['pk', 'sk', 'gsi1pk', 'gsi1sk'],
      partition: { gsi1pk: params.ExpressionAttributeValues[':pk'] },
      first: page.first,
      after: page.after,
      parse: (items) => this.inbox.parse({ Items: items }).data,
    });
  }

  async markHandled(message: InboxMessage, by: { userId: string; at: string }): Promise<boolean> {
    try {
      await this.inbox
        .patch({ inboxMessageId: message.inboxMessageId })
        // The state is part of the owner index's sort key: the key attributes come along so it moves.
        .composite({ caseloadOwner: message.caseloadOwner, receivedAt: message.receivedAt })
        .set({ state: 'HANDLED', handledAt: by.at, handledBy: by.userId })
        .where(({ state }, { eq }) => eq(state, 'UNHANDLED'))
        .go();
      return true;
    } catch (error) {
      if (isConditionalCheckFailure(error)) return false;
      throw error;
    }
  }

  async listForPatient(patientId: string): Promise<InboxMessage[]> {
    const { data } = await this.inbox.query.byPatient({ patientId }).go({ pages: 'all' });
    return data;
  }

  async eraseForPatient(patientId: string): Promise<void> {
    for (const message of await this.listForPatient(patientId)) {
      await this.inbox.delete({ inboxMessageId: message.inboxMessageId }).go();
    }
  }
}
