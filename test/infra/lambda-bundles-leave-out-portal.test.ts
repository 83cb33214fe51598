import { build } from 'esbuild';
import { FUNCTION_ENTRIES } from '../../infra/functions';
import { lambdaBuildOptions } from '../../infra/lambda-bundling';
import { PROJECT_ROOT } from '../../infra/paths';

/*
 * The local portal (portal/, decision 0009) is served by `npm start` only: no deployed Lambda may bundle it, nor the
 * browser libraries it brings (React, GraphiQL, Apollo Client, Observable Plot, playwright). Each entry is bundled the
 * way CDK bundles it (same aliases, AWS SDK left to the runtime) and its inputs are read from esbuild's metafile.
 */

const LOCAL_ONLY = [
  /^portal\//,
  /node_modules\/(react|react-dom|graphiql|@graphiql|@apollo\/client|@observablehq|playwright-core|axe-core)\//,
];

describe('the deployed Lambda bundles', () => {
  it.each(Object.entries(FUNCTION_ENTRIES))('returns no portal or browser code in the %s bundle', async (_, entry) => {
    const result = await build({
      absWorkingDir: PROJECT_ROOT,
      ...lambdaBuildOptions('prod'),
      entryPoints: [entry],
      minify: false,
      sourcemap: false,
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);

    expect(inputs.length).toBeGreaterThan(50);
    expect(inputs.some((input) => input.startsWith('functions/'))).toBe(true);
    expect(inputs.filter((input) => LOCAL_ONLY.some((pattern) => pattern.test(input)))).toEqual([]);
    // Apollo's operation hash uses Node's crypto (infra/bundle-stubs/apollo-createhash-node-crypto.js), not sha.js.
    expect(inputs.filter((input) => input.includes('node_modules/sha.js/'))).toEqual([]);
  });
});

describe('the GraphQL function bundle', () => {
  async function bundleText(stage: string): Promise<string> {
    const result = await build({
      ...lambdaBuildOptions(stage),
      absWorkingDir: PROJECT_ROOT,
      entryPoints: [FUNCTION_ENTRIES.graphql!],
      sourcemap: false,
      write: false,
      logLevel: 'silent',
    });
    return result.outputFiles.map((file) => file.text).join('');
  }
  // A description from schema/activities.graphql, which only introspection shows.
  const DESCRIPTION = 'Exercise, walking groups, sport.';

  it('leaves the schema descriptions out for production, where introspection is off', async () => {
    expect(await bundleText('prod')).not.toContain(DESCRIPTION);
  });

  it('keeps the schema descriptions for other stages', async () => {
    expect(await bundleText('dev')).toContain(DESCRIPTION);
  });
});
