// The local Apps Script runtime assembled: every in-memory service over one core, the globals a bundle sees,
// and executions that end as Apps Script ends them (locks released), each run as one user whose permissions (the
// spreadsheet's protections, their own triggers, properties and locks) every service applies.
import { readFileSync } from 'node:fs';
import { createCharts } from './charts';
import { RuntimeCore } from './core';
import { createDocumentApp } from './document';
import { createHtmlService } from './html';
import { createLockService } from './lock';
import { createLogger } from './logger';
import { createMailApp } from './mail';
import { createPropertiesService } from './properties';
import { createSession } from './session';
import { createSpreadsheetApp } from './spreadsheet';
import { createScriptApp } from './triggers';
import { createUtilities } from './utilities';

export interface LocalRuntimeOptions {
  /** The simulated clock's start. */
  now?: Date | string;
  /** The script's time zone; defaults to appsscript.json's. */
  scriptTimeZone?: string;
  /** The account that owns the spreadsheet and the script (and so the triggers it installs). */
  owner?: string;
  /** The person at the keyboard; defaults to the owner. Scripts still run as the owner (see executeAs). */
  activeUser?: string;
  /** MailApp's daily recipient quota (100 for a consumer account, 1,500 for Workspace). */
  mailQuota?: number;
}

export const DEFAULT_OWNER = 'plan.admin@example.org';

/**
 * Who an execution runs as. `effective` is the account whose permissions apply (Session.getEffectiveUser: the person
 * who clicked a menu item, or a trigger's creator); `active` is Session.getActiveUser ('' when Google withholds it),
 * the effective user when not given.
 */
export interface RunAs {
  effective: string;
  active?: string;
}

export type LocalRuntime = ReturnType<typeof createLocalRuntime>;

export function createLocalRuntime(opts: LocalRuntimeOptions = {}) {
  const core = new RuntimeCore(opts.now ?? new Date());
  const owner = opts.owner ?? DEFAULT_OWNER;
  const scriptTimeZone = opts.scriptTimeZone ?? manifestTimeZone();
  const ClockDate = clockDate(core);
  const sheets = createSpreadsheetApp(core, { dateClass: ClockDate as unknown as DateConstructor });
  sheets.store.ownerEmail = owner;
  // The Charts global draws charts as images; its ChartType is the one SpreadsheetApp's chart builder checks.
  const charts = createCharts(core);
  const docs = createDocumentApp(core);
  const html = createHtmlService(core);
  const session = createSession(core, {
    scriptTimeZone,
    effectiveUser: owner,
    activeUser: opts.activeUser ?? owner,
  });
  // Every service asks the Session who is running now, so a run as someone else is refused what they may not do.
  const currentUser = () => session.effectiveUser();
  sheets.store.setCurrentUser(currentUser);
  const mail = createMailApp(core, { dailyQuota: opts.mailQuota });
  const triggers = createScriptApp(core, { ownerEmail: owner, userEmail: currentUser, scriptTimeZone });
  const properties = createPropertiesService(core, { currentUser });
  const locks = createLockService(core, { currentUser });
  const logger = createLogger(core);
  const utilities = createUtilities(core);

  const globals: Record<string, unknown> = {
    SpreadsheetApp: sheets.SpreadsheetApp,
    Charts: charts.Charts,
    DocumentApp: docs.DocumentApp,
    HtmlService: html.HtmlService,
    MailApp: mail.MailApp,
    ScriptApp: triggers.ScriptApp,
    PropertiesService: properties.PropertiesService,
    LockService: locks.LockService,
    Session: session.Session,
    Utilities: utilities.Utilities,
    Logger: logger.Logger,
    console: logger.console,
    Date: ClockDate,
  };

  /**
   * Runs `work` as one Apps Script execution, as whoever the Session says is running now (the owner unless a test
   * changed it): a fresh execution id, and its locks released when it ends.
   */
  const execute = <T>(work: () => T): T => {
    const id = core.beginExecution();
    try {
      return work();
    } finally {
      locks.releaseAll(id);
    }
  };
  /** Runs `work` (not itself an execution: a person's typing, say) as `as`, putting the Session back after. */
  const withUser = <T>(as: RunAs, work: () => T): T => {
    const before = { active: session.activeUser(), effective: session.effectiveUser() };
    session.setEffectiveUser(as.effective);
    session.setActiveUser(as.active ?? as.effective);
    try {
      return work();
    } finally {
      session.setEffectiveUser(before.effective);
      session.setActiveUser(before.active);
    }
  };

  return {
    core,
    owner,
    scriptTimeZone,
    globals,
    spreadsheets: sheets.store,
    documents: docs.store,
    html,
    mail,
    triggers: triggers.triggers,
    properties,
    locks,
    session,
    logger,
    execute,
    withUser,
    /** Runs `work` as one execution by `as` (a menu click by someone else, or a trigger running as its creator). */
    executeAs: <T>(as: RunAs, work: () => T): T => withUser(as, () => execute(work)),
  };
}

/** The script's time zone from appsscript.json, as Apps Script takes it. */
function manifestTimeZone(): string {
  return (JSON.parse(readFileSync('appsscript.json', 'utf8')) as { timeZone: string }).timeZone;
}

/**
 * A Date whose "now" is the runtime's clock: `new Date()` and `Date.now()` in the bundle read simulated time, so a
 * test can set today and jump past the execution budget. Everything else is the ordinary Date.
 */
function clockDate(core: RuntimeCore): DateConstructor {
  class LocalDate extends Date {
    constructor(...args: ConstructorParameters<DateConstructor> | []) {
      if (args.length === 0) super(core.nowMillis());
      else super(...(args as ConstructorParameters<DateConstructor>));
    }
    static override now(): number {
      return core.nowMillis();
    }
  }
  return LocalDate as unknown as DateConstructor;
}
