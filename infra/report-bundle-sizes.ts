import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Key } from 'aws-cdk-lib/aws-kms';
import { buildSync } from 'esbuild';
import { LinkworkFunction } from './constructs/linkwork-function';
import { FUNCTION_ENTRIES } from './functions';
import { lambdaBuildOptions } from './lambda-bundling';
import { PROJECT_ROOT } from './paths';

/*
 * Reports the size of every Lambda bundle in a cloud assembly (default ./cdk.out, as `npm run synth` leaves it):
 *
 *   npx tsx infra/report-bundle-sizes.ts                        # table of bundle sizes
 *   npx tsx infra/report-bundle-sizes.ts --compare-bare-apollo  # also bundle a bare Apollo handler the same way;
 *                                                               # exit 1 if the GraphQL function bundled for
 *                                                               # production is over 1.6× its size
 *   npx tsx infra/report-bundle-sizes.ts --cdk-out path/to/assembly
 */

/**
 * The GraphQL bundle may be at most this many times a bare Apollo Server handler's: a guard against a dependency
 * slipping in, not a target. What the production function carries beyond bare Apollo, minified: ElectroDB 196 KB,
 * our own code about 240 KB (the schema without descriptions 16 KB of it), libphonenumber-js 39 KB, jose 27 KB,
 * Powertools' logger 21 KB, the trusted-documents manifest 13 KB: 1.57×. Other stages keep the schema descriptions
 * (92 KB of SDL instead of 16 KB), which are text, not a dependency: so the guard always weighs the function as
 * bundled for production, whatever stage the assembly is for (a dev assembly's 1.67× once made `npm run synth` fail).
 */
export const MAX_GRAPHQL_TO_BARE_APOLLO = 1.6;
export const BARE_APOLLO_ENTRY = 'infra/bench-fixtures/bare-apollo-handler.ts';
/** The cold-start floor: bare Apollo whose one resolver makes one DynamoDB GetItem through the SDK. */
export const BARE_APOLLO_DYNAMODB_ENTRY = 'infra/bench-fixtures/bare-apollo-dynamodb-handler.ts';

export interface BundleSize {
  /** Function name when it is a literal, else the logical id. */
  readonly name: string;
  readonly stack: string;
  readonly assetDir: string;
  /** Bytes of the bundled JavaScript (index.js / index.mjs). */
  readonly code: number;
  /** Bytes of that JavaScript gzipped: close to what the deployment zip holds for it. */
  readonly gzipped: number;
  /** Bytes of the source map shipped next to it. */
  readonly sourceMap: number;
}

interface Manifest {
  artifacts?: Record<string, { type: string; properties?: { templateFile?: string } }>;
}

interface LambdaResource {
  Type: string;
  Properties?: { FunctionName?: unknown; Code?: { S3Key?: unknown } };
  Metadata?: Record<string, unknown>;
}

/** Every Lambda function of every stack in the assembly, with the size of its bundle. */
export function bundleSizes(cdkOut: string): BundleSize[] {
  const manifestPath = join(cdkOut, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`No cloud assembly at ${cdkOut}: run \`npm run synth\` first`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const sizes: BundleSize[] = [];
  for (const [stack, artifact] of Object.entries(manifest.artifacts ?? {})) {
    if (artifact.type !== 'aws:cloudformation:stack' || !artifact.properties?.templateFile) continue;
    const template = JSON.parse(readFileSync(join(cdkOut, artifact.properties.templateFile), 'utf8'));
    for (const [logicalId, resource] of Object.entries<LambdaResource>(template.Resources ?? {})) {
      if (resource.Type !== 'AWS::Lambda::Function') continue;
      const assetDir = assetDirectory(cdkOut, resource);
      if (!assetDir) continue;
      const name = typeof resource.Properties?.FunctionName === 'string' ? resource.Properties.FunctionName : logicalId;
      sizes.push({ name, stack, assetDir, ...measure(assetDir) });
    }
  }
  return sizes;
}

/** `asset.<hash>` from the asset-path metadata, or from the `<hash>.zip` S3 key the synthesiser wrote. */
function assetDirectory(cdkOut: string, resource: LambdaResource): string | undefined {
  const fromMetadata = resource.Metadata?.['aws:asset:path'];
  const s3Key = resource.Properties?.Code?.S3Key;
  const candidates = [
    typeof fromMetadata === 'string' ? fromMetadata : undefined,
    typeof s3Key === 'string' ? `asset.${s3Key.replace(/\.zip$/, '')}` : undefined,
  ];
  for (const candidate of candidates) {
    if (!candidate) continue;
    const dir = resolve(cdkOut, candidate);
    if (existsSync(dir) && statSync(dir).isDirectory()) return dir;
  }
  return undefined;
}

function measure(assetDir: string): Pick<BundleSize, 'code' | 'gzipped' | 'sourceMap'> {
  const file = ['index.js', 'index.mjs', 'index.cjs'].map((f) => join(assetDir, f)).find((f) => existsSync(f));
  if (!file) return { code: 0, gzipped: 0, sourceMap: 0 };
  const code = readFileSync(file);
  const map = `${file}.map`;
  return {
    code: code.length,
    gzipped: gzipSync(code, { level: 9 }).length,
    sourceMap: existsSync(map) ? statSync(map).size : 0,
  };
}

/** Bundles the bare Apollo handler with LinkworkFunction's own settings, in a throwaway assembly. */
export function bareApolloBundle(): BundleSize {
  const outdir = mkdtempSync(join(tmpdir(), 'linkwork-bare-apollo-'));
  try {
    const app = new App({ outdir, builtinCloudFormationValidation: false });
    const stack = new Stack(app, 'BareApolloBench', { env: { region: 'eu-west-2' } });
    new LinkworkFunction(stack, 'BareApollo', {
      name: 'bare-apollo',
      stage: 'dev',
      entry: BARE_APOLLO_ENTRY,
      description: 'Bundle-size benchmark: a bare Apollo Server handler',
      memorySize: 1024,
      timeout: Duration.seconds(20),
      reservedConcurrency: 1,
      logLevel: 'INFO',
      logRetentionDays: 1,
      key: new Key(stack, 'Key'),
    });
    app.synth();
    const [bundle] = bundleSizes(outdir);
    if (!bundle) throw new Error('The bare Apollo handler produced no bundle');
    return { ...bundle, assetDir: BARE_APOLLO_ENTRY };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** Bytes of the GraphQL function's JavaScript as a production stage bundles it (infra/lambda-bundling.ts). */
export function productionGraphqlBytes(): number {
  const result = buildSync({
    ...lambdaBuildOptions('prod'),
    absWorkingDir: PROJECT_ROOT,
    entryPoints: [FUNCTION_ENTRIES.graphql],
    outfile: join(tmpdir(), 'linkwork-graphql-prod', 'index.js'),
    sourcemap: false,
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles.find((file) => file.path.endsWith('.js'));
  if (!code) throw new Error('The GraphQL function produced no bundle');
  return code.contents.length;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

function printTable(sizes: readonly BundleSize[]): void {
  const rows = sizes.map((s) => [s.name, formatBytes(s.code), formatBytes(s.gzipped), formatBytes(s.sourceMap)]);
  const header = ['function', 'bundle', 'gzipped', 'source map'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

function main(argv: string[]): number {
  const outIndex = argv.indexOf('--cdk-out');
  const cdkOut = resolve(PROJECT_ROOT, outIndex >= 0 ? argv[outIndex + 1] : 'cdk.out');
  const sizes = bundleSizes(cdkOut);
  if (sizes.length === 0) {
    console.error(`No Lambda bundles in ${cdkOut} (was it synthesised with bundling skipped?)`);
    return 1;
  }
  printTable(sizes);
  if (!argv.includes('--compare-bare-apollo')) return 0;

  const graphql = sizes.find((s) => /-graphql$/.test(s.name));
  if (!graphql) {
    console.error('No GraphQL function (linkwork-<stage>-graphql) in the assembly');
    return 1;
  }
  const bare = bareApolloBundle();
  const production = productionGraphqlBytes();
  const ratio = production / bare.code;
  console.log(
    `\n${graphql.name}: ${formatBytes(graphql.code)}; bundled for production (no schema descriptions): ` +
      `${formatBytes(production)}; bare Apollo Server handler bundled the same way: ${formatBytes(bare.code)}; ` +
      `ratio ${ratio.toFixed(2)} (limit ${MAX_GRAPHQL_TO_BARE_APOLLO})`,
  );
  return ratio <= MAX_GRAPHQL_TO_BARE_APOLLO ? 0 : 1;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
