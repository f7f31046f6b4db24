// Browser-test harness: the Update progress sidebar rendered by the bundle in the local runtime, written to a file and
// opened in Debian's Chromium, with google.script.run replaced by a double that runs the bundle's server functions.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import type { DialogRecord } from '../../local/runtime/spreadsheet/ui';
import type { PlanData } from '../../local/planSpreadsheet';
import type { MenuOutcome } from '../../src/ui/fromMenu';
import type { ProgressFields, SaveResult, SidebarState } from '../../src/ui/sidebarTypes';
import { openPlan } from '../bundle/harness';

/** Debian's Chromium (`apt-get install chromium`); CHROMIUM names another build of it. */
export const CHROMIUM_PATH = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Sheets' sidebar is 300 px wide. */
export const SIDEBAR_WIDTH = 300;

/** The server functions the page may call, as google.script.run exposes a script's top-level functions. */
const SERVER_FUNCTIONS = ['sidebarState', 'saveProgress', 'selectedCode'] as const;
export type ServerFunction = (typeof SERVER_FUNCTIONS)[number];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: the browser tests need Debian's chromium (apt-get install -y chromium).`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    // Day-first dates in the form, as in a UK council's browser: Chromium on Linux takes its locale from the
    // environment, and shows it where chromium-l10n is installed (US order without it; the tests pass either way).
    env: { ...process.env, LANGUAGE: 'en_GB' },
  });
}

/**
 * google.script.run as the page sees it: withSuccessHandler / withFailureHandler return a new runner, and calling a
 * server function returns at once and calls one handler later (never in the same turn), with the value copied as
 * JSON, or an Error whose message is the exception's. Plain JavaScript: it runs in the page before the page's own
 * script.
 */
const GOOGLE_SCRIPT_RUN_DOUBLE = `(() => {
  const names = ${JSON.stringify(SERVER_FUNCTIONS)};
  function runner(success, failure) {
    const r = {
      withSuccessHandler: (f) => runner(f, failure),
      withFailureHandler: (f) => runner(success, f),
    };
    for (const name of names) {
      r[name] = (...args) => {
        window.__runServerFunction(name, JSON.stringify(args)).then((text) => {
          const reply = JSON.parse(text);
          if ('error' in reply) {
            if (failure) failure(new Error(reply.error));
            else console.error('google.script.run: ' + name + ' failed: ' + reply.error);
          } else if (success) success(reply.value);
        });
      };
    }
    return r;
  }
  window.google = { script: { run: runner(null, null) } };
})();`;

export interface ServerCall {
  name: ServerFunction;
  args: unknown[];
  /** What the bundle returned, or the message it threw. */
  reply: { value: unknown } | { error: string };
}

export interface SidebarSession {
  page: Page;
  context: BrowserContext;
  runtime: ReturnType<typeof openPlan>['runtime'];
  bundle: ReturnType<typeof openPlan>['bundle'];
  /** A sheet's values as the code left them. */
  values: ReturnType<typeof openPlan>['values'];
  /** The state the page was served with. */
  state: SidebarState;
  /** Every google.script.run call the page made, in order. */
  calls: ServerCall[];
  /** Messages of any alert/confirm/prompt the page opened (none is expected, ever). */
  dialogs: string[];
  /** Uncaught errors and console errors in the page. */
  pageErrors: string[];
  /** The next call of `name` fails with `message` (as a server exception or a dropped connection reaches the page). */
  failNext(name: ServerFunction, message: string): void;
  /** Runs saveProgress in the bundle directly, as the officer (to compare the server's answer with the page's). */
  saveDirect(fields: ProgressFields, code?: string): SaveResult;
  /** The sidebar's HTML as the runtime recorded the latest showSidebar. */
  html: string;
  /** Serves the sidebar again for the current selection and opens it (a second load of the same page). */
  reopen(): Promise<void>;
  /** The person clicks `a1` ("Actions!B3") in the sheet while the sidebar stays open. */
  select(a1: string): void;
  /** The sidebar looks at the selection now (its timer's tick), and whatever that opens has loaded. */
  pollNow(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** The officer at the keyboard: the menu and every google.script.run call run as them. */
  user: string;
  /** The selection when the menu item is chosen, e.g. "Actions!B3". */
  select: string;
  /**
   * How often the page looks at the selection, in ms; 0 (the default) only when the test calls pollNow, so no tick
   * lands in the middle of another test's steps.
   */
  pollMs?: number;
}

/** The latest sidebar the script showed, with its HTML. */
export function lastSidebar(dialogs: readonly DialogRecord[]): DialogRecord {
  const sidebar = dialogs.filter((d) => d.kind === 'sidebar').pop();
  if (!sidebar || sidebar.content === null) throw new Error('updateProgress showed no sidebar');
  return sidebar;
}

/**
 * Loads the plan into a local runtime, chooses Update progress… as `user` with `select` selected, writes the HTML
 * the runtime's showSidebar received to a file and opens it in a new 300 px page with the google.script.run double.
 */
/**
 * A test file's Chromium: one browser for the file, and each test's sidebar closed after it, with no page error and no
 * browser dialog (an alert would mean typed text ran as script). `open` starts a test's sidebar.
 */
export function useSidebars(): { open(data: PlanData, opts: OpenOptions): Promise<SidebarSession> } {
  let browser: Browser;
  let session: SidebarSession | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    if (!session) return;
    const { pageErrors, dialogs } = session;
    await session.close();
    session = undefined;
    expect(pageErrors).toEqual([]);
    expect(dialogs).toEqual([]);
  });
  return { open: async (data, opts) => (session = await openSidebar(browser, data, opts)) };
}

export async function openSidebar(
  browser: Browser,
  data: PlanData,
  opts: OpenOptions,
): Promise<SidebarSession> {
  const { runtime, bundle, values } = openPlan(data);
  const dir = mkdtempSync(join(tmpdir(), 'sidebar-'));
  const calls: ServerCall[] = [];
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  const failures = new Map<ServerFunction, string>();

  const context = await browser.newContext({
    viewport: { width: SIDEBAR_WIDTH, height: 900 },
    deviceScaleFactor: 1,
    locale: 'en-GB',
  });
  const page = await context.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await page.exposeFunction('__runServerFunction', (name: ServerFunction, argsJson: string) => {
    const args = JSON.parse(argsJson) as unknown[];
    let reply: ServerCall['reply'];
    try {
      if (!SERVER_FUNCTIONS.includes(name))
        throw new Error(`${name} is not a server function of the sidebar`);
      const failure = failures.get(name);
      if (failure !== undefined) {
        failures.delete(name);
        throw new Error(failure);
      }
      // JSON both ways, as google.script.run copies arguments and results.
      const value = bundle.runAs(opts.user, name, ...args);
      reply = { value: JSON.parse(JSON.stringify(value ?? null)) };
    } catch (error) {
      reply = { error: error instanceof Error ? error.message : String(error) };
    }
    calls.push({ name, args, reply });
    return JSON.stringify(reply);
  });
  await page.addInitScript(GOOGLE_SCRIPT_RUN_DOUBLE);
  // The page's test seam (src/client/sidebar.ts): how often it follows the selection, and a way to make it look now.
  await page.addInitScript((pollMs) => {
    (window as unknown as { __sidebarTest: { pollMs: number } }).__sidebarTest = { pollMs };
  }, opts.pollMs ?? 0);

  const session: SidebarSession = {
    page,
    context,
    runtime,
    bundle,
    values,
    calls,
    dialogs,
    pageErrors,
    state: undefined as unknown as SidebarState,
    html: '',
    failNext: (name, message) => void failures.set(name, message),
    saveDirect(fields, code = session.state.action?.code ?? '') {
      const state = bundle.runAs<SidebarState>(opts.user, 'sidebarState', code);
      if (!state.action) throw new Error(`saveDirect: no action ${code}`);
      return bundle.runAs<SaveResult>(opts.user, 'saveProgress', {
        code,
        version: state.action.version,
        fields,
      });
    },
    async reopen() {
      runtime.spreadsheets.select(opts.select);
      const outcome = bundle.runAs<MenuOutcome<{ html: string; state: SidebarState }>>(
        opts.user,
        'updateProgress',
      );
      if (!outcome.ok) throw new Error(`Update progress… failed: ${outcome.message}`);
      const sidebar = lastSidebar(runtime.spreadsheets.ui.dialogs);
      session.html = sidebar.content as string;
      session.state = outcome.result.state;
      const file = join(dir, 'sidebar.html');
      writeFileSync(file, session.html);
      await page.goto(pathToFileURL(file).href);
    },
    select: (a1) => runtime.spreadsheets.select(a1),
    async pollNow() {
      await page.evaluate(() =>
        (window as unknown as { __sidebarTest: { pollNow: () => Promise<void> } }).__sidebarTest.pollNow(),
      );
      await settled(page);
    },
    close: () => context.close(),
  };
  await session.reopen();
  return session;
}

/** The page's field values, as the officer sees them. */
export async function formValues(page: Page): Promise<ProgressFields & { dateMustMove: boolean }> {
  return page.evaluate(() => {
    const value = (id: string) => (document.getElementById(id) as HTMLInputElement).value;
    return {
      status: value('status'),
      progress: value('progress'),
      latestUpdate: value('latestUpdate'),
      revisedTargetDate: value('revisedTargetDate'),
      revisionReason: value('revisionReason'),
      dateMustMove: (document.getElementById('dateMustMove') as HTMLInputElement).checked,
    };
  });
}

/** The id of the element with focus ('' for none). */
export function focusedId(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id ?? '');
}

/** Waits until no server call is running (the page drops aria-busy). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getElementById('app')?.getAttribute('aria-busy') !== 'true');
}
