import { countRequests } from '../../scripts/lib/request-counter';
import type { Harness } from '../integration/graphql/harness';

/**
 * Counts generated attacks (tried) and the ones the API withstood (held), and prints both when the file is done, so a
 * run shows how much was tried and not only that nothing failed. Each failure is kept with its label for the
 * assertion that follows it.
 */
export class Tally {
  tried = 0;
  held = 0;
  readonly failures: string[] = [];

  constructor(readonly name: string) {}

  record(label: string, held: boolean): void {
    this.tried += 1;
    if (held) this.held += 1;
    else this.failures.push(label);
  }

  report(): void {
    console.log(`[security] ${this.name}: tried ${this.tried}, held ${this.held}`);
  }
}

/**
 * DynamoDB requests made by one handler call. A request refused at the edge makes only the caller's own staff-record
 * read (authentication happens before Apollo runs the operation) and never writes.
 */
export function requestWatcher(h: Harness) {
  const counter = countRequests(h.store.client);
  return {
    reset: () => counter.reset(),
    /** True when no request other than the one staff-record read was made since the last reset. */
    onlyAuthentication(): boolean {
      const { requests, byCommand } = counter.reset();
      return requests <= 1 && Object.keys(byCommand).every((command) => command === 'GetItemCommand');
    },
  };
}
