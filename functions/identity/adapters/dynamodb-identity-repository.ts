import { Service } from 'electrodb';
import type { DataStore } from '../../platform/dynamodb/client';
import { isConditionalCheckFailure } from '../../platform/dynamodb/errors';
import { type KeyPage, queryKeyPage } from '../../platform/dynamodb/key-paging';
import { entityConfig } from '../../platform/dynamodb/service';
import { ConflictError } from '../../shared/errors';
import { odsCodeClaimEntity } from '../entities/ods-code-claim';
import { type Organisation, organisationEntity } from '../entities/organisation';
import { type Role, type StaffUser, staffUserEntity } from '../entities/staff-user';
import { OdsCodeTakenError } from '../errors';
import type { ChildOrganisationsQuery, IdentityRepository } from '../ports';

export class DynamoDbIdentityRepository implements IdentityRepository {
  private readonly service;
  private readonly organisations;
  private readonly staff;
  private readonly documentClient;

  constructor(store: DataStore) {
    this.documentClient = store.documentClient;
    const config = entityConfig(store);
    this.service = new Service({ organisation: organisationEntity(config), odsCodeClaim: odsCodeClaimEntity(config) });
    this.organisations = this.service.entities.organisation;
    this.staff = staffUserEntity(config);
  }

  async createOrganisation(organisation: Organisation): Promise<void> {
    const { odsCode } = organisation;
    const result = await this.service.transaction
      .write(({ organisation: organisations, odsCodeClaim }) => [
        organisations.create(organisation).commit(),
        ...(odsCode
          ? [
              odsCodeClaim
                .create({
                  odsCode,
                  organisationId: organisation.organisationId,
                  kind: organisation.kind,
                  claimedAt: organisation.createdAt,
                })
                .commit(),
            ]
          : []),
      ])
      .go();
    if (!result.canceled) return;
    const [organisationWrite, claimWrite] = (result.data as { code: string }[]).map((reason) => reason.code);
    if (claimWrite === 'ConditionalCheckFailed') throw new OdsCodeTakenError();
    if (organisationWrite === 'ConditionalCheckFailed') {
      throw new ConflictError(`Organisation ${organisation.organisationId} already exists`);
    }
    throw new ConflictError(
      `The organisation could not be created (${organisationWrite}, ${claimWrite ?? 'no claim'})`,
    );
  }

  async getOrganisation(organisationId: string): Promise<Organisation | undefined> {
    const { data } = await this.organisations.get({ organisationId }).go();
    return data ?? undefined;
  }

  async findOrganisationByOdsCode(odsCode: string): Promise<Organisation | undefined> {
    const { data: claim } = await this.service.entities.odsCodeClaim.get({ odsCode }).go();
    return claim ? this.getOrganisation(claim.organisationId) : undefined;
  }

  async replaceOrganisation(next: Organisation, expectedVersion: number | undefined): Promise<void> {
    try {
      // A put, as for staff: a new name moves the organisation within its parent's index, whose sort key holds it.
      await this.organisations
        .put(next)
        .where((attribute, { eq, exists, notExists }) =>
          expectedVersion === undefined
            ? `${exists(attribute.organisationId)} AND ${notExists(attribute.version)}`
            : eq(attribute.version, expectedVersion),
        )
        .go();
    } catch (error) {
      if (isConditionalCheckFailure(error)) {
        throw new ConflictError(`Organisation ${next.organisationId} was changed meanwhile; reload and try again`, {
          cause: error,
        });
      }
      throw error;
    }
  }

  async listChildOrganisations(parentId: string): Promise<Organisation[]> {
    const { data } = await this.organisations.query.byParent({ parentId }).go({ pages: 'all' });
    return data;
  }

  async pageChildOrganisations(query: ChildOrganisationsQuery): Promise<KeyPage<Organisation>> {
    const { parentId, kind, only } = query;
    const base = this.organisations.query.byParent({ parentId, kind });
    const params = (only ? base.where(({ organisationId }, { eq }) => eq(organisationId, only)) : base).params();
    return queryKeyPage({
      documentClient: this.documentClient,
      params,
      keyFields: ['pk', 'sk', 'gsi1pk', 'gsi1sk'],
      partition: { gsi1pk: params.ExpressionAttributeValues[':pk'] },
      first: query.first,
      after: query.after,
      parse: (items) => this.organisations.parse({ Items: items }).data,
    });
  }

  async pageActiveStaffOfPcn(query: {
    pcnId: string;
    role: Role;
    first: number;
    after?: string;
  }): Promise<KeyPage<StaffUser>> {
    const params = this.staff.query
      .byPcn({ pcnId: query.pcnId, role: query.role })
      .where(({ active }, { eq }) => eq(active, true))
      .params();
    return queryKeyPage({
      documentClient: this.documentClient,
      params,
      keyFields: ['pk', 'sk', 'gsi2pk', 'gsi2sk'],
      partition: { gsi2pk: params.ExpressionAttributeValues[':pk'] },
      first: query.first,
      after: query.after,
      parse: (items) => this.staff.parse({ Items: items }).data,
    });
  }

  async createStaffUser(user: StaffUser): Promise<void> {
    try {
      await this.staff.create(user).go();
    } catch (error) {
      if (isConditionalCheckFailure(error)) {
        throw new ConflictError(`Staff user ${user.userId} already exists`, { cause: error });
      }
      throw error;
    }
  }

  async replaceStaffUser(next: StaffUser, expectedVersion: number | undefined): Promise<void> {
    try {
      // A put rather than a patch: moving someone to another organisation (or making them a national admin) must
      // rebuild or drop every index key, which a put does from the whole item.
      await this.staff
        .put(next)
        .where((attribute, { eq, exists, notExists }) =>
          expectedVersion === undefined
            ? `${exists(attribute.userId)} AND ${notExists(attribute.version)}`
            : eq(attribute.version, expectedVersion),
        )
        .go();
    } catch (error) {
      if (isConditionalCheckFailure(error)) {
        throw new ConflictError(`Staff user ${next.userId} was changed or removed meanwhile`, { cause: error });
      }
      throw error;
    }
  }

  async getStaffUser(userId: string): Promise<StaffUser | undefined> {
    const { data } = await this.staff.get({ userId }).go();
    return data ?? undefined;
  }

  async getStaffUsers(userIds: readonly string[]): Promise<StaffUser[]> {
    if (userIds.length === 0) return [];
    const { data } = await this.staff.get(userIds.map((userId) => ({ userId }))).go();
    return data;
  }

  async listStaffByOrganisation(organisationId: string): Promise<StaffUser[]> {
    const { data } = await this.staff.query.byOrganisation({ organisationId }).go({ pages: 'all' });
    return data;
  }
}
