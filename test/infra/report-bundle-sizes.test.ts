import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  bareApolloBundle,
  bundleSizes,
  formatBytes,
  MAX_GRAPHQL_TO_BARE_APOLLO,
  productionGraphqlBytes,
} from '../../infra/report-bundle-sizes';

/** A cloud assembly with one stack holding a function per entry, each with a bundle of `size` bytes. */
function fakeAssembly(functions: { logicalId: string; name?: unknown; hash: string; size: number }[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'linkwork-assembly-'));
  const resources: Record<string, unknown> = { Queue: { Type: 'AWS::SQS::Queue', Properties: {} } };
  for (const fn of functions) {
    resources[fn.logicalId] = {
      Type: 'AWS::Lambda::Function',
      Properties: { FunctionName: fn.name, Code: { S3Bucket: 'bucket', S3Key: `${fn.hash}.zip` } },
    };
    mkdirSync(join(dir, `asset.${fn.hash}`));
    writeFileSync(join(dir, `asset.${fn.hash}`, 'index.js'), 'x'.repeat(fn.size));
    writeFileSync(join(dir, `asset.${fn.hash}`, 'index.js.map'), '{}');
  }
  writeFileSync(join(dir, 'Stack.template.json'), JSON.stringify({ Resources: resources }));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      artifacts: {
        Stack: { type: 'aws:cloudformation:stack', properties: { templateFile: 'Stack.template.json' } },
        Tree: { type: 'cdk:tree' },
      },
    }),
  );
  return dir;
}

describe('bundleSizes', () => {
  it('returns the bundle, gzipped and source-map size of every function, named when the name is literal', () => {
    const dir = fakeAssembly([
      { logicalId: 'GraphqlFunction', name: 'linkwork-dev-graphql', hash: 'aaa', size: 2048 },
      { logicalId: 'OtherFunction', name: { Ref: 'Something' }, hash: 'bbb', size: 10 },
    ]);

    const sizes = bundleSizes(dir);

    expect(sizes).toEqual([
      expect.objectContaining({ name: 'linkwork-dev-graphql', stack: 'Stack', code: 2048, sourceMap: 2 }),
      expect.objectContaining({ name: 'OtherFunction', code: 10 }),
    ]);
    expect(sizes[0].gzipped).toBeLessThan(100);
  });

  it('throws when there is no assembly to read', () => {
    expect(() => bundleSizes('/nonexistent/cdk.out')).toThrow(/run `npm run synth` first/);
  });
});

describe('formatBytes', () => {
  it('returns KiB below a mebibyte and MiB from there', () => {
    expect(formatBytes(993_280)).toBe('970.0 KiB');
    expect(formatBytes(1_363_149)).toBe('1.30 MiB');
  });
});

describe('the guard `npm run synth` applies', () => {
  it('returns the GraphQL function, bundled for production, within the limit against bare Apollo', () => {
    const ratio = productionGraphqlBytes() / bareApolloBundle().code;

    expect(ratio).toBeGreaterThan(1);
    expect(ratio).toBeLessThanOrEqual(MAX_GRAPHQL_TO_BARE_APOLLO);
  }, 60_000);
});
