// Update progress › Save (issue 6 item 2), run by google.script.run as the person at the keyboard. Under the script
// lock: the plan read once, the row found by Code (so a sort since the form opened is harmless), refused with what
// changed when its editable cells differ from what the form loaded, checked with Check the plan's own rules, then
// only the changed cells written (as text where a person typed text). The Audit log rows, Last updated / Updated by
// and RAG go through the on-edit trigger's own writer when the person may write them (plan administrators); staff
// may not, so their save is queued, before its cells are written, for the next run as the administrator (the
// every-5-minutes trigger at the latest). A fixed number of Spreadsheet calls.
import { runsOf } from '../domain/runs';
import { ACTIONS_SHEET, type ActionKey } from '../domain/actions';
import { editorOf, STAMPING_KEYS } from '../domain/audit';
import { AUDIT_LOG_HEADERS, AUDIT_LOG_SHEET } from '../domain/layout';
import { readPlan } from '../domain/plan';
import {
  cellA1,
  differences,
  fieldsOfRow,
  normaliseFields,
  originalTargetDate,
  type ProgressCell,
  progressCells,
  progressVersion,
  validateProgress,
} from '../domain/progressUpdate';
import { encodeQueuedSave, type QueuedSave } from '../domain/queuedSaves';
import { messageOf } from '../domain/messageOf';
import type { ColumnMap } from '../domain/schema';
import type { Services, SheetPort, SpreadsheetPort } from '../gas/ports';
import { type AuditEntry, appendAudit } from '../sheets/auditLog';
import {
  buildSidebarState,
  duplicateMessage,
  missingMessage,
  readSidebarPlan,
  UPDATE_PROGRESS_JOB,
} from '../ui/sidebar';
import type { FieldError, ProgressFields, SaveResult } from '../ui/sidebarTypes';
import { QUEUED_SAVES_EVERY_MINUTES } from './installTriggers';
import { queueSave } from './queuedSaves';
import { stampAndColourRows } from './rowUpkeep';
import { withScriptLock } from './withScriptLock';

/** The script's own Actions columns: a person who may not write them may not write the Audit log either. */
const SCRIPT_KEYS: readonly ActionKey[] = ['rag', 'lastUpdated', 'updatedBy'];

interface SaveInput {
  code: string;
  version: string;
  fields: ProgressFields;
  loaded?: ProgressFields;
}

/** The request as google.script.run delivered it (anything at all may arrive): text fields, trimmed. */
function readRequest(request: unknown): SaveInput {
  const r = (request ?? {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  return {
    code: text(r.code).toUpperCase(),
    version: text(r.version),
    fields: normaliseFields(r.fields),
    loaded: r.loaded && typeof r.loaded === 'object' ? normaliseFields(r.loaded) : undefined,
  };
}

const invalid = (message: string): SaveResult => ({ outcome: 'invalid', errors: [{ field: '', message }] });

export function saveProgressFromSidebar(services: Services, request: unknown): SaveResult {
  const req = readRequest(request);
  if (!req.code) return invalid('Nothing was saved: the form named no action.');
  return withScriptLock(services.lock, UPDATE_PROGRESS_JOB, () => save(services, req));
}

function save(services: Services, req: SaveInput): SaveResult {
  const ss = services.spreadsheet;
  const read = readSidebarPlan(services);
  const { plan, values, timeZone, today } = read;
  const user = services.userEmail();
  const actions = values.actions;
  const sheet = read.actionsSheet;
  if (plan.errors.length || !actions || !sheet) {
    return invalid(`Nothing was saved: the plan cannot be read. ${plan.errors.join(' ')}`);
  }
  const found = plan.actions.filter((a) => a.code === req.code);
  if (found.length === 0) {
    const message = `${missingMessage(req.code)} Nothing was saved.`;
    return { outcome: 'missing', message, state: buildSidebarState(read, { none: message }, user) };
  }
  if (found.length > 1)
    return invalid(
      `Nothing was saved. ${duplicateMessage(
        req.code,
        found.map((a) => a.row),
      )}`,
    );

  const action = found[0];
  const rowNumber = action.row;
  const row = actions[rowNumber - 1];
  const { columns } = plan;
  const now = fieldsOfRow(columns, row, timeZone);
  if (progressVersion(now) !== req.version) {
    return {
      outcome: 'changed',
      changes: differences(req.loaded ?? req.fields, now),
      state: buildSidebarState(read, { code: req.code }, user),
    };
  }
  const targetDate = originalTargetDate(action);
  const errors: FieldError[] = validateProgress({
    before: now,
    after: req.fields,
    today,
    statuses: plan.lists.statuses,
    targetDate,
    sheet: { headerRow: actions[0], row, timeZone, lists: plan.lists, people: plan.people },
  });
  if (errors.length) return { outcome: 'invalid', errors };

  const cells = progressCells({
    columns,
    row,
    before: now,
    after: req.fields,
    statuses: plan.lists.statuses,
    targetDate,
    timeZone,
  });
  if (cells.length === 0) {
    return {
      outcome: 'saved',
      message: `Nothing to save: the form holds what ${req.code} already has.`,
      state: buildSidebarState(read, { code: req.code }, user),
    };
  }
  const runs = runsOf(cells, (c) => c.column);
  const ranges = runs.map((run) => sheet.getRange(rowNumber, run[0].column + 1, 1, run.length));
  // All or nothing: a council's own protection on one of the cells must not leave half a save behind.
  if (!ranges.every((range) => range.canEdit())) {
    return invalid(
      `Nothing was saved: ${cells.map((c) => c.header).join(', ')} of ${req.code} include cells protected ` +
        'against you (Data › Protected sheets and ranges says who may edit them).',
    );
  }
  const time = services.now();
  const editor = editorOf(undefined, user, () => services.temporaryUserKey());
  const queued = (written: readonly ProgressCell[]): QueuedSave => ({
    time: time.toISOString(),
    editor,
    code: req.code,
    stamp: written.some((c) => STAMPING_KEYS.includes(c.key)),
    cells: written.map((c) => ({
      cell: cellA1(rowNumber, c.column),
      header: c.header,
      oldValue: c.oldValue,
      newValue: c.newValue,
    })),
  });
  const keepsRecords = mayKeepRecords(ss, sheet, columns, rowNumber);
  // Staff: the record first, so cells are never written without one. A store that refuses it (the document's
  // properties hold 500 KB in all) means nothing is written.
  let key: string | undefined;
  if (!keepsRecords) {
    try {
      key = queueSave(services, queued(cells));
    } catch (e) {
      return invalid(
        `Nothing was saved: the store of saves waiting for the Audit log is full (Google said: ${messageOf(e)}). ` +
          'Ask a plan administrator to choose Improvement Plan › Refresh status colours, which writes them out, ' +
          'then save again.',
      );
    }
  }
  let runsWritten = 0;
  try {
    ranges.forEach((range, i) => {
      range.setValues([runs[i].map((c) => c.value)]);
      runsWritten += 1;
    });
  } catch (e) {
    return writeFailed(services, {
      code: req.code,
      runs,
      runsWritten,
      key,
      record: queued,
      error: e,
    });
  }

  const updated = [...row];
  for (const c of cells) updated[c.column] = asRead(c.value);
  actions[rowNumber - 1] = updated;
  const entries: AuditEntry[] = cells.map((c) => ({
    time,
    editor,
    sheet: ACTIONS_SHEET,
    cell: cellA1(rowNumber, c.column),
    code: req.code,
    header: c.header,
    oldValue: c.oldValue,
    newValue: c.newValue,
  }));
  const stamp = cells.some((c) => STAMPING_KEYS.includes(c.key));
  const saved = cells.map((c) => c.header).join(', ');
  let message: string;
  if (keepsRecords) {
    appendAudit(ss, entries);
    stampAndColourRows(ss, {
      sheet,
      headerRow: actions[0],
      columns,
      rows: [updated],
      rowsFrom: rowNumber,
      stampRows: stamp ? [rowNumber] : [],
      ragRows: [rowNumber],
      editor,
      time,
      timeZone,
      listsAndSettings: { lists: values.lists, settings: values.settings },
    });
    message = `Saved ${req.code}: ${saved}. The Audit log records the change.`;
  } else {
    message =
      `Saved ${req.code}: ${saved}. The Audit log, Last updated and the row’s colour follow within ` +
      `${QUEUED_SAVES_EVERY_MINUTES} minutes (the plan administrator’s schedules write them).`;
  }
  const after = { ...read, plan: readPlan(values, timeZone, today) };
  return { outcome: 'saved', message, state: buildSidebarState(after, { code: req.code }, user) };
}

/**
 * A write the sheet refused part-way (Google's service failing, say). The record is made to say exactly what was
 * written: a staff save's queued one cut down to the cells written, or removed when none was; an administrator's
 * written cells queued for the next run, since their Audit log rows were not written yet. The officer is told what
 * was and was not saved.
 */
function writeFailed(
  services: Services,
  f: {
    code: string;
    runs: readonly ProgressCell[][];
    runsWritten: number;
    /** The staff save's queued record; undefined for an administrator. */
    key?: string;
    record: (written: readonly ProgressCell[]) => QueuedSave;
    error: unknown;
  },
): SaveResult {
  const written = f.runs.slice(0, f.runsWritten).flat();
  const properties = services.documentProperties();
  const said = `Google said: ${messageOf(f.error)}`;
  try {
    if (f.key && written.length === 0) properties.deleteProperty(f.key);
    else if (f.key) properties.setProperty(f.key, encodeQueuedSave(f.record(written)));
    else if (written.length) queueSave(services, f.record(written));
  } catch (e) {
    return invalid(
      `Saving ${f.code} stopped part-way (${said}), and what was written could not be recorded for the Audit ` +
        `log (${messageOf(e)}): tell a plan administrator.`,
    );
  }
  if (written.length === 0)
    return invalid(`Nothing was saved: the sheet refused the change (${said}). Try again.`);
  const headers = (cells: readonly ProgressCell[]) => cells.map((c) => c.header).join(', ');
  return invalid(
    `Only ${headers(written)} of ${f.code} was saved: the sheet refused ${headers(f.runs.slice(f.runsWritten).flat())} ` +
      `(${said}). The Audit log will record what was saved; open the action again and save the rest.`,
  );
}

/** A written value as the cell gives it back (the apostrophe only marks text). */
function asRead(value: unknown): unknown {
  return typeof value === 'string' && value.startsWith("'") ? value.slice(1) : value;
}

/**
 * May the person write the row's script-only cells and the Audit log? A plan administrator may; staff may not
 * (setup protects them). A spreadsheet not yet set up has neither protection, nor perhaps the columns.
 */
function mayKeepRecords(
  ss: SpreadsheetPort,
  sheet: SheetPort,
  columns: ColumnMap<ActionKey>,
  row: number,
): boolean {
  const script = SCRIPT_KEYS.flatMap((k) => columns.index[k] ?? []);
  if (script.length) {
    const first = Math.min(...script);
    const last = Math.max(...script);
    if (!sheet.getRange(row, first + 1, 1, last - first + 1).canEdit()) return false;
  }
  const audit = ss.getSheetByName(AUDIT_LOG_SHEET);
  return !audit || audit.getRange(1, 1, 1, AUDIT_LOG_HEADERS.length).canEdit();
}
