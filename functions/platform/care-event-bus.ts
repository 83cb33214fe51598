import type { CareEvent } from '../shared/care-events';
import type { TransactItem } from './dynamodb/transactions';

/*
 * The in-process care event bus (see shared/care-events.ts for why events, and why synchronous). Two phases:
 *
 * - `writesFor(event)`: a subscriber may add writes to its OWN items that must commit atomically with the
 *   publisher's own (a caseload row listing a prescribed activity). Pure: no I/O. The publisher puts them in its
 *   transaction, so either both changes exist or neither.
 * - `publish(event)`: after the publisher's writes committed, each subscriber reacts in its own use case, in the
 *   order they were registered. A reaction that fails fails the publish (and the request): nothing is swallowed.
 *   Reactions are idempotent, so the caller may safely try again.
 */

export interface CareEventSubscriber {
  /** For errors and logs: which context reacted. */
  readonly name: string;
  writesFor?(event: CareEvent): TransactItem[];
  react?(event: CareEvent): Promise<void>;
}

export interface CareEventPublisher {
  writesFor(event: CareEvent): TransactItem[];
  publish(event: CareEvent): Promise<void>;
}

export class CareEventBus implements CareEventPublisher {
  private readonly subscribers: CareEventSubscriber[] = [];

  /** Registered once, by the composition root. */
  subscribe(subscriber: CareEventSubscriber): this {
    this.subscribers.push(subscriber);
    return this;
  }

  writesFor(event: CareEvent): TransactItem[] {
    return this.subscribers.flatMap((subscriber) => subscriber.writesFor?.(event) ?? []);
  }

  async publish(event: CareEvent): Promise<void> {
    for (const subscriber of this.subscribers) {
      if (!subscriber.react) continue;
      try {
        await subscriber.react(event);
      } catch (error) {
        throw new CareEventReactionError(subscriber.name, event.type, error);
      }
    }
  }
}

/** A subscriber's reaction failed. Carries names only (the event's ids stay out of error messages). */
export class CareEventReactionError extends Error {
  constructor(
    readonly subscriber: string,
    readonly eventType: CareEvent['type'],
    cause: unknown,
  ) {
    super(`${subscriber} failed to react to ${eventType}`, { cause });
    this.name = 'CareEventReactionError';
  }
}
