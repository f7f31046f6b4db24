// The built dist/Code.js: one top-level function per export of src/main.ts, readable, and the manifest beside it.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as vm from 'node:vm';
import * as ts from 'typescript';
import { FORBIDDEN_SCOPES, scopesNeeded } from './scopes';

const bundle = readFileSync('dist/Code.js', 'utf8');

/** The exports of src/main.ts as the TypeScript compiler sees them: an independent check on the build's list. */
function exportNames(): string[] {
  const program = ts.createProgram(['src/main.ts'], { module: ts.ModuleKind.ESNext, types: [] });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile('src/main.ts') as ts.SourceFile;
  const symbol = checker.getSymbolAtLocation(source) as ts.Symbol;
  return checker
    .getExportsOfModule(symbol)
    .map((s) => s.getName())
    .sort();
}
const manifest = JSON.parse(readFileSync('dist/appsscript.json', 'utf8'));

describe('dist/Code.js', () => {
  it('declares a top-level function for every export of src/main.ts and no other', () => {
    const names = exportNames();
    expect(names).toContain('onOpen');
    expect(names).toContain('refreshStatusColours');
    for (const name of names) expect(bundle).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
    const declared = [...bundle.matchAll(/^function (\w+)\(/gm)].map((m) => m[1]).sort();
    expect(declared).toEqual(names);
  });

  it('the top-level functions are real globals when the file is evaluated as Apps Script does', () => {
    const context = vm.createContext({});
    vm.runInContext(bundle, context);
    expect(typeof context.onOpen).toBe('function');
    expect(typeof context.refreshStatusColours).toBe('function');
  });

  it('is unminified ES2020 with no source map', () => {
    expect(bundle).not.toMatch(/sourceMappingURL/);
    expect(bundle.split('\n').length).toBeGreaterThan(200);
    expect(bundle).toMatch(/function refreshStatus\(services\)/);
  });
});

describe('appsscript.json', () => {
  it('is V8, Europe/London, Stackdriver logging', () => {
    expect(manifest).toMatchObject({
      runtimeVersion: 'V8',
      timeZone: 'Europe/London',
      exceptionLogging: 'STACKDRIVER',
    });
  });

  it('lists exactly the scopes the bundle uses (least privilege), never full Drive or full Gmail', () => {
    expect([...manifest.oauthScopes].sort()).toEqual(scopesNeeded(bundle));
    for (const scope of FORBIDDEN_SCOPES) expect(manifest.oauthScopes).not.toContain(scope);
  });

  it('the scope check would catch a service used without its scope', () => {
    expect(scopesNeeded(`${bundle}\nMailApp.sendEmail("a@example.org","s","b");`)).toContain(
      'https://www.googleapis.com/auth/script.send_mail',
    );
  });
});

describe('clasp', () => {
  it('pushes exactly Code.js and appsscript.json from dist (clasp status works offline)', () => {
    const out = execFileSync('npx', ['clasp', 'status', '--json'], { encoding: 'utf8' });
    const status = JSON.parse(out.trim().split('\n').pop() as string);
    expect([...status.filesToPush].sort()).toEqual(['dist/Code.js', 'dist/appsscript.json']);
    expect(JSON.parse(readFileSync('.clasp.json', 'utf8')).rootDir).toBe('dist');
  });
});
