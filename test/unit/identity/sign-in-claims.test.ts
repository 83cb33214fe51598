import { claimsFromEvent } from '../../../functions/graphql/auth';
import { ORGANISATION_CLAIM } from '../../../functions/identity/adapters/cognito-sign-in-accounts';
import { errorName } from '../../../functions/identity/use-cases/staff-administration';
import { ORGANISATION_ATTRIBUTE } from '../../../infra/constructs/staff-identity';
import { apiGatewayV2Event } from '../../support/events';

describe('the organisation claim the Cognito adapter writes', () => {
  it('returns the custom attribute the deployed user pool declares', () => {
    expect(ORGANISATION_CLAIM).toBe(`custom:${ORGANISATION_ATTRIBUTE}`);
  });

  it('returns the organisation auth.ts reads from a token carrying it', () => {
    const event = apiGatewayV2Event({
      claims: { sub: 'u-1', 'cognito:groups': ['LINK_WORKER'], [ORGANISATION_CLAIM]: 'PCN-1' },
    });

    expect(claimsFromEvent(event)).toEqual({ sub: 'u-1', role: 'LINK_WORKER', organisationId: 'PCN-1' });
  });
});

describe('errorName', () => {
  it('returns the names along the cause chain and none of the messages', () => {
    const root = Object.assign(new Error('item asha@example.nhs.uk'), { name: 'InternalServerError' });
    const wrapped = Object.assign(new Error('wrapped', { cause: root }), { name: 'ElectroError' });

    expect(errorName(wrapped)).toBe('ElectroError < InternalServerError');
  });
});
