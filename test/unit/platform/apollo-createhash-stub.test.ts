import { createHash as apolloCreateHash } from '@apollo/utils.createhash';
import { createHash as bundledCreateHash } from '../../../infra/bundle-stubs/apollo-createhash-node-crypto';

/*
 * Lambda bundles swap `@apollo/utils.createhash` for a stand-in over Node's crypto (infra/lambda-bundling.ts). Apollo
 * keys its parsed-document cache and its persisted queries by these digests, so the stand-in must give the package's
 * own digests, byte for byte.
 */
describe('the bundled stand-in for Apollo’s createHash', () => {
  it.each(['sha256', 'sha512'])('returns the same %s digest as the package for any text', (kind) => {
    for (const text of [
      '',
      '{ me { userId } }',
      'query Caseload { caseload(first: 25) { edges { node { referralId } } } }',
      'é ✓ 𝄞',
    ]) {
      expect(bundledCreateHash(kind).update(text).digest('hex')).toBe(
        apolloCreateHash(kind).update(text).digest('hex'),
      );
    }
    expect(bundledCreateHash('sha256').update('abc').digest('hex')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});
