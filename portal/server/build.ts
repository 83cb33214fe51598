import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { DATA_DIR } from '../../scripts/lib/data-dir';

/*
 * The portal's browser code, bundled by the project's esbuild: `main` (home, phone, link worker, dashboard: React,
 * Apollo Client, Observable Plot) and `explorer` (GraphiQL with its Monaco editor, whose three web workers are built
 * alongside). Nothing is fetched from a CDN, so it works offline. The explorer is large and takes a while to bundle
 * on a small machine, so the output is kept in .data/portal/ and reused while no input (the files esbuild read, and
 * package-lock.json) has changed.
 */

const ROOT = resolve(__dirname, '..', '..');
const APP = join(ROOT, 'portal', 'app');
export const ASSETS_PATH = '/portal/assets';
/** Bump when the build options change, so an old cache is not reused. */
const BUILD_VERSION = '1';

export interface Asset {
  body: Buffer;
  type: string;
}

export interface EntrySize {
  /** What a first visit to the page downloads before it runs: the entry, its static imports and its CSS (bytes). */
  initial: number;
  /** Everything the page may load later too (lazy chunks, workers, fonts). */
  total: number;
}

export interface PortalAssets {
  /** By file name under ASSETS_PATH. */
  files: ReadonlyMap<string, Asset>;
  sizes: Record<'main' | 'explorer', EntrySize>;
  /** True when the cache was used. */
  cached: boolean;
  buildMs: number;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

interface CacheManifest {
  version: string;
  /** Input file (relative to the repository) → sha256 of its content. */
  inputs: Record<string, string>;
  sizes: PortalAssets['sizes'];
  files: string[];
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function readCache(dir: string): PortalAssets | undefined {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) return undefined;
  try {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as CacheManifest;
    if (manifest.version !== BUILD_VERSION) return undefined;
    for (const [file, hash] of Object.entries(manifest.inputs)) {
      const path = join(ROOT, file);
      if (!existsSync(path) || sha256(path) !== hash) return undefined;
    }
    const files = new Map<string, Asset>();
    for (const name of manifest.files) {
      files.set(name, {
        body: readFileSync(join(dir, 'files', name)),
        type: TYPES[extname(name)] ?? 'application/octet-stream',
      });
    }
    return { files, sizes: manifest.sizes, cached: true, buildMs: 0 };
  } catch {
    return undefined;
  }
}

function writeCache(dir: string, assets: PortalAssets, inputs: string[]): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'files'), { recursive: true });
  for (const [name, asset] of assets.files) writeFileSync(join(dir, 'files', name), asset.body);
  const manifest: CacheManifest = {
    version: BUILD_VERSION,
    inputs: Object.fromEntries(inputs.map((file) => [file, sha256(join(ROOT, file))])),
    sizes: assets.sizes,
    files: [...assets.files.keys()],
  };
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** Bytes an entry loads up front (itself, its static imports, its CSS) and in all (adding dynamic imports). */
function entrySize(metafile: esbuild.Metafile, outdir: string, entry: string, workers: number): EntrySize {
  const outputs = metafile.outputs;
  const walk = (start: string, followDynamic: boolean) => {
    const seen = new Set<string>();
    const stack = [start];
    while (stack.length) {
      const path = stack.pop() as string;
      if (seen.has(path) || !outputs[path]) continue;
      seen.add(path);
      const output = outputs[path];
      if (output.cssBundle) stack.push(output.cssBundle);
      for (const imported of output.imports) {
        if (imported.external) continue;
        if (imported.kind === 'import-statement' || followDynamic) stack.push(imported.path);
      }
    }
    return [...seen].reduce((sum, path) => sum + (outputs[path]?.bytes ?? 0), 0);
  };
  const entryPath = relative(ROOT, join(outdir, `${entry}.js`));
  return { initial: walk(entryPath, false), total: walk(entryPath, true) + workers };
}

/** Bundles the portal (or reuses .data/portal/ when nothing changed). */
export async function loadPortalAssets(
  options: { cacheDir?: string; log?: (line: string) => void } = {},
): Promise<PortalAssets> {
  const cacheDir = options.cacheDir ?? join(DATA_DIR, 'portal');
  const cached = readCache(cacheDir);
  if (cached) return cached;

  const started = Date.now();
  const outdir = join(DATA_DIR, 'portal-out'); // never written: write is false
  const common: esbuild.BuildOptions = {
    absWorkingDir: ROOT,
    bundle: true,
    minify: true,
    write: false,
    metafile: true,
    outdir,
    target: 'es2022',
    logLevel: 'silent',
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
  };
  const [appBuild, workerBuild] = await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: { main: join(APP, 'main.tsx'), explorer: join(APP, 'explorer.tsx') },
      format: 'esm',
      splitting: true,
      jsx: 'automatic',
      loader: { '.ttf': 'file' },
      entryNames: '[name]',
      chunkNames: 'chunk-[hash]',
      assetNames: '[name]-[hash]',
      publicPath: ASSETS_PATH,
    }),
    esbuild.build({
      ...common,
      entryPoints: {
        'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
        'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
        'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
      },
      format: 'iife',
      entryNames: '[name]',
    }),
  ]);

  // Both builds ask for a metafile and in-memory output, so both are there.
  const app = { outputFiles: appBuild.outputFiles!, metafile: appBuild.metafile! };
  const workers = { outputFiles: workerBuild.outputFiles!, metafile: workerBuild.metafile! };
  const files = new Map<string, Asset>();
  for (const output of [...app.outputFiles, ...workers.outputFiles]) {
    const name = basename(output.path);
    files.set(name, { body: Buffer.from(output.contents), type: TYPES[extname(name)] ?? 'application/octet-stream' });
  }
  const workerBytes = workers.outputFiles.reduce((sum, file) => sum + file.contents.length, 0);
  const assets: PortalAssets = {
    files,
    sizes: {
      main: entrySize(app.metafile, outdir, 'main', 0),
      explorer: entrySize(app.metafile, outdir, 'explorer', workerBytes),
    },
    cached: false,
    buildMs: Date.now() - started,
  };
  const inputs = [...Object.keys(app.metafile.inputs), ...Object.keys(workers.metafile.inputs)]
    .filter((file) => !file.startsWith('node_modules/'))
    .concat('package-lock.json');
  writeCache(cacheDir, assets, [...new Set(inputs)]);
  options.log?.(`[portal] bundled in ${(assets.buildMs / 1000).toFixed(1)} s`);
  return assets;
}
