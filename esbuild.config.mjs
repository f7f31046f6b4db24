// Builds dist/Code.js for Apps Script: src/main.ts bundled as an IIFE, plus one top-level function per export.
// Apps Script finds menu handlers and triggers only by top-level function declarations, so each export of
// src/main.ts gets `function name(...args) { return ImprovementPlan.name(...args); }`. The names come from
// esbuild's metafile (an ESM pass, because an IIFE output lists no exports), never from a hand-kept list.
// The Update progress sidebar's browser script (src/client/sidebar.ts) is bundled first and inlined into the server
// bundle as the string constant SIDEBAR_CLIENT_JS: Apps Script serves only what Code.js holds, and one file keeps
// `clasp push` to exactly Code.js and appsscript.json.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const ENTRY = 'src/main.ts';
const CLIENT_ENTRY = 'src/client/sidebar.ts';
const OUT_DIR = 'dist';
const GLOBAL_NAME = 'ImprovementPlan';
const common = {
  entryPoints: [ENTRY],
  bundle: true,
  target: 'es2020',
  platform: 'neutral',
  logLevel: 'warning',
};

export async function exportNames() {
  const probe = await esbuild.build({
    ...common,
    format: 'esm',
    write: false,
    metafile: true,
    outfile: 'probe.js',
  });
  const output = Object.values(probe.metafile.outputs).find((o) => o.entryPoint === ENTRY);
  if (!output) throw new Error(`esbuild metafile has no output for ${ENTRY}`);
  return [...output.exports].sort();
}

/**
 * The sidebar's script for the browser (Chrome, as Sheets' sidebars run in it), as one IIFE. The page prints it
 * inside <script> unescaped, so text that would end or confuse the script element fails the build here.
 */
export async function buildClient() {
  const result = await esbuild.build({
    entryPoints: [CLIENT_ENTRY],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    logLevel: 'warning',
    write: false,
    minify: false,
    sourcemap: false,
    outfile: 'sidebar.js',
  });
  const code = result.outputFiles[0].text;
  const unsafe = /<\/script|<!--|<script/i.exec(code);
  if (unsafe)
    throw new Error(`${CLIENT_ENTRY} bundles to text containing "${unsafe[0]}", which would break the page`);
  return code;
}

export async function build() {
  const names = await exportNames();
  if (!names.includes('onOpen')) throw new Error(`${ENTRY} must export onOpen`);
  const client = await buildClient();
  const result = await esbuild.build({
    ...common,
    format: 'iife',
    globalName: GLOBAL_NAME,
    write: false,
    minify: false, // readable stack traces in the Apps Script log
    sourcemap: false, // nothing but Code.js and appsscript.json is pushed
    define: { SIDEBAR_CLIENT_JS: JSON.stringify(client) },
    outfile: `${OUT_DIR}/Code.js`,
  });
  const bundle = result.outputFiles[0].text;
  const stubs = names.map(
    (name) => `function ${name}(...args) {\n  return ${GLOBAL_NAME}.${name}(...args);\n}\n`,
  );
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(
    `${OUT_DIR}/Code.js`,
    `${bundle}\n// Entry points Apps Script can see (menus, triggers, the Run list).\n${stubs.join('\n')}`,
  );
  copyFileSync('appsscript.json', `${OUT_DIR}/appsscript.json`);
  JSON.parse(readFileSync(`${OUT_DIR}/appsscript.json`, 'utf8')); // fail the build on a broken manifest
  return names;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  build().then(
    (names) => console.log(`dist/Code.js built with ${names.length} entry points: ${names.join(', ')}`),
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
