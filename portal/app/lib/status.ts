import { useEffect, useState } from 'react';

/** What /portal/api/status answers (portal/server/portal.ts). */
export interface PortalUser {
  userId: string;
  role: string;
  name: string;
  token: string;
}

export interface PortalStatus {
  startedAt: string;
  seed: { state: 'absent' | 'present' | 'seeding' | 'ready' | 'failed'; since: string };
  folding: { state: 'waiting' | 'folding' | 'up-to-date'; since: string };
  stage: string;
  operations: 'any' | 'trusted';
  graphqlPath: string;
  dynamoDb: { endpoint: string; tableName: string };
  dispatcher: { everySeconds: number; ignoresSendingWindow: boolean };
  clock: string;
  users: PortalUser[];
}

export async function fetchJson<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, init);
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return (await response.json()) as T;
}

/** The local stack's status; polled every `pollMs` when given (the home page watches the seed). */
export function useStatus(pollMs?: number): { status?: PortalStatus; error?: string } {
  const [status, setStatus] = useState<PortalStatus>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const next = await fetchJson<PortalStatus>('/portal/api/status');
        if (!stopped) {
          setStatus(next);
          setError(undefined);
        }
      } catch (cause) {
        if (!stopped) setError((cause as Error).message);
      }
      if (!stopped && pollMs) timer = setTimeout(load, pollMs);
    };
    void load();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [pollMs]);
  return { status, error };
}

/**
 * The seeded user a page acts as: `?as=<userId>` when it names one of `role`, else the first of that role. Pages put
 * the choice back in the address, so a link can be shared and a reload keeps it.
 */
export function chooseUser(users: readonly PortalUser[], roles: readonly string[]): PortalUser | undefined {
  const wanted = new URLSearchParams(window.location.search).get('as');
  const eligible = users.filter((user) => roles.includes(user.role));
  return eligible.find((user) => user.userId === wanted) ?? eligible[0];
}

export function setAsParameter(userId: string): void {
  const url = new URL(window.location.href);
  url.searchParams.set('as', userId);
  window.history.replaceState(null, '', url);
}
