import { join } from 'node:path';
import { PROJECT_ROOT } from './paths';

/*
 * The esbuild settings every Lambda bundle is built with, in one place: CDK's NodejsFunction (infra/constructs/
 * linkwork-function.ts), the bundle-size report and the cold-start benchmark all use them, so what is measured is
 * what is deployed.
 */

/** Packages swapped for a stand-in inside bundles, each with the reason in the stand-in's header. */
export const BUNDLE_ALIASES: Readonly<Record<string, string>> = {
  jsonschema: join(PROJECT_ROOT, 'infra', 'bundle-stubs', 'jsonschema-validated-in-tests.js'),
};

/** The same aliases as esbuild CLI arguments (NodejsFunction's `esbuildArgs`). */
export function aliasArgs(): Record<string, string> {
  return Object.fromEntries(Object.entries(BUNDLE_ALIASES).map(([name, path]) => [`--alias:${name}`, path]));
}
