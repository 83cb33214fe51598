import { join } from 'node:path';
import type { BuildOptions } from 'esbuild';
import { PROJECT_ROOT } from './paths';

/*
 * The esbuild settings every Lambda bundle is built with, in one place: CDK's NodejsFunction (infra/constructs/
 * linkwork-function.ts), the cold-start benchmark and the bundle tests all take them from here, so what is measured
 * is what is deployed.
 */

/** The Node.js version the functions run on (FUNCTION_RUNTIME); esbuild compiles for it. */
export const BUNDLE_TARGET = 'node22';

/** The Node.js 22 runtime ships AWS SDK v3; bundling it again would only add cold-start weight. */
export const BUNDLE_EXTERNALS: readonly string[] = ['@aws-sdk/*'];

/** Packages swapped for a stand-in inside bundles, each with the reason in the stand-in's header. */
export const BUNDLE_ALIASES: Readonly<Record<string, string>> = {
  jsonschema: join(PROJECT_ROOT, 'infra', 'bundle-stubs', 'jsonschema-validated-in-tests.js'),
  '@apollo/utils.createhash': join(PROJECT_ROOT, 'infra', 'bundle-stubs', 'apollo-createhash-node-crypto.js'),
};

/**
 * Constants replaced at bundle time, for a stage. Schema descriptions are read only through introspection, which
 * production turns off (functions/graphql/config.ts): a production bundle leaves them out, so the function neither
 * carries nor parses them (functions/graphql/schema.ts). Other stages keep them for whoever introspects the API.
 * Either way the constant is set, so esbuild keeps one of the two SDL strings, not both.
 */
export function bundleDefines(stage: string): Record<string, string> {
  return { 'process.env.LINKWORK_SCHEMA_DESCRIPTIONS': JSON.stringify(stage === 'prod' ? 'omit' : 'keep') };
}

/** The same aliases as esbuild CLI arguments (NodejsFunction's `esbuildArgs`). */
export function aliasArgs(): Record<string, string> {
  return Object.fromEntries(Object.entries(BUNDLE_ALIASES).map(([name, path]) => [`--alias:${name}`, path]));
}

/**
 * The whole esbuild configuration of a function's bundle for `stage`, as NodejsFunction runs it (minified CommonJS
 * for Node 22, source maps without the sources' text, the AWS SDK left to the runtime), for code that runs esbuild
 * itself: the cold-start benchmark, the bundle tests.
 */
export function lambdaBuildOptions(stage: string): BuildOptions {
  return {
    bundle: true,
    platform: 'node',
    target: BUNDLE_TARGET,
    format: 'cjs',
    minify: true,
    sourcemap: true,
    // Stack traces need file and line, not the source text; leaving it out keeps the map (and the zip) small.
    sourcesContent: false,
    external: [...BUNDLE_EXTERNALS],
    alias: { ...BUNDLE_ALIASES },
    define: bundleDefines(stage),
  };
}
