import type { DataStore } from '../../platform/dynamodb/client';
import { isConditionalCheckFailure } from '../../platform/dynamodb/errors';
import { entityConfig } from '../../platform/dynamodb/service';
import type { IdGenerator } from '../../shared/ids';
import { type LocalSignInAccount, localSignInAccountEntity } from '../entities/local-sign-in-account';
import { SignInAccountExistsError } from '../errors';
import type { SignInAccess, SignInAccount, SignInAccounts } from '../ports';

/** Called once a local account exists, e.g. so `npm start` can print a bearer token for it. */
export type LocalAccountAnnouncer = (account: { userId: string; role: string; organisationId?: string }) => unknown;

/**
 * Sign-in accounts under `npm start`, where there is no Cognito: kept in the local table so that, as in Cognito, an
 * e-mail has one account and an account can be disabled. The local JWT signer (scripts/lib/local-jwt.ts) issues the
 * tokens, with the staff record's `userId` as subject; the subject is a new id here, as Cognito's `sub` is in AWS.
 *
 * The demo seed writes staff records without accounts; for those users (no account) access changes, enabling and
 * disabling have nothing to change, since locally the staff record alone decides what a token may do.
 */
export class LocalSignInAccounts implements SignInAccounts {
  private readonly accounts;

  constructor(
    store: DataStore,
    private readonly newId: IdGenerator,
    private readonly announce?: LocalAccountAnnouncer,
  ) {
    this.accounts = localSignInAccountEntity(entityConfig(store));
  }

  async createAccount(email: string, access: SignInAccess): Promise<{ userId: string }> {
    const userId = this.newId();
    try {
      await this.accounts
        .create({ email, userId, enabled: true, role: access.role, organisationId: access.organisationId })
        .go();
    } catch (error) {
      if (!isConditionalCheckFailure(error)) throw error;
      const { data } = await this.accounts.get({ email }).go();
      throw new SignInAccountExistsError(data?.userId ?? 'unknown', { cause: error });
    }
    await this.announce?.({ userId, ...access });
    return { userId };
  }

  async findAccount(userId: string): Promise<SignInAccount | undefined> {
    const stored = await this.bySubject(userId);
    if (!stored) return undefined;
    return {
      userId: stored.userId,
      email: stored.email,
      enabled: stored.enabled,
      roles: [stored.role],
      ...(stored.organisationId ? { organisationId: stored.organisationId } : {}),
    };
  }

  async setAccess(userId: string, access: SignInAccess): Promise<void> {
    const stored = await this.bySubject(userId);
    if (!stored) return;
    const update = this.accounts.patch({ email: stored.email }).set({ role: access.role });
    if (access.organisationId) await update.set({ organisationId: access.organisationId }).go();
    else await update.remove(['organisationId']).go();
  }

  async disable(userId: string): Promise<void> {
    await this.setEnabled(userId, false);
  }

  async enable(userId: string): Promise<void> {
    await this.setEnabled(userId, true);
  }

  async deleteAccount(userId: string): Promise<void> {
    const stored = await this.bySubject(userId);
    if (stored) await this.accounts.delete({ email: stored.email }).go();
  }

  private async setEnabled(userId: string, enabled: boolean): Promise<void> {
    const stored = await this.bySubject(userId);
    if (stored) await this.accounts.patch({ email: stored.email }).set({ enabled }).go();
  }

  private async bySubject(userId: string): Promise<LocalSignInAccount | undefined> {
    const { data } = await this.accounts.query.bySubject({ userId }).go();
    return data[0];
  }
}
