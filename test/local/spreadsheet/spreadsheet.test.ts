// Pins Spreadsheet and the SpreadsheetApp global: the bound spreadsheet, ids and URLs, opening by id, sheets by
// name and index, inserting and deleting sheets with the service's messages, named ranges, owner, time zone, toasts.
import { NotImplementedError } from '../../../local/runtime/core';
import { setupApp } from './helpers';

describe('SpreadsheetApp', () => {
  it('returns null for the active spreadsheet when the script is bound to none', () => {
    const { app } = setupApp();
    expect(app.getActiveSpreadsheet()).toBeNull();
  });

  it('binds the first spreadsheet created, and setActive changes it', () => {
    const { app, store } = setupApp();
    const first = store.create('Plan');
    const second = store.create('Other');
    expect(app.getActiveSpreadsheet().getName()).toBe('Plan');
    expect(app.getActive().getId()).toBe(first.getId());
    store.setActive(second);
    expect(app.getActiveSpreadsheet().getName()).toBe('Other');
  });

  it('opens by id and by URL, and fails for an unknown id with the service message', () => {
    const { app, store } = setupApp();
    const ss = store.create('Plan');
    expect(app.openById(ss.getId()).getName()).toBe('Plan');
    expect(app.openByUrl(ss.getUrl()).getId()).toBe(ss.getId());
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${ss.getId()}/edit`);
    expect(() => app.openById('nope')).toThrow(
      'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
    );
  });

  it('creates spreadsheets owned by the store owner, in the default zone and locale', () => {
    const { app, store } = setupApp();
    store.ownerEmail = 'clerk@council.example';
    const made = app.create('Snapshot', 10, 3);
    expect(made.getOwner()!.getEmail()).toBe('clerk@council.example');
    expect(made.getSheets()[0].getMaxRows()).toBe(10);
    expect(made.getSpreadsheetTimeZone()).toBe('Europe/London');
    expect(made.getSpreadsheetLocale()).toBe('en_GB');
    expect(store.openById(made.getId())).not.toBeNull();
  });

  it('exposes the enums as objects that print their names', () => {
    const { app } = setupApp();
    expect(String(app.ProtectionType.SHEET)).toBe('SHEET');
    expect(String(app.DataValidationCriteria.VALUE_IN_LIST)).toBe('VALUE_IN_LIST');
    expect(app.WrapStrategy.WRAP).toBe(app.WrapStrategy.WRAP);
    expect(app.WrapStrategy.WRAP).not.toBe(app.WrapStrategy.CLIP);
  });

  it('counts calls on the global itself', () => {
    const { app, store, core } = setupApp();
    store.create('Plan');
    core.resetCounts();
    app.getActiveSpreadsheet();
    app.flush();
    expect(core.callsByMember()).toEqual({
      'SpreadsheetApp.SpreadsheetApp.flush': 1,
      'SpreadsheetApp.SpreadsheetApp.getActiveSpreadsheet': 1,
    });
  });
});

describe('sheets', () => {
  it('finds sheets by name (any case), by id, or returns null', () => {
    const { store, app } = setupApp();
    store.create('Plan');
    const ss = app.getActiveSpreadsheet();
    const actions = ss.insertSheet('Actions');
    expect(ss.getSheetByName('ACTIONS')?.getSheetId()).toBe(actions.getSheetId());
    expect(ss.getSheetByName('Missing')).toBeNull();
    expect(ss.getSheetById(actions.getSheetId())?.getName()).toBe('Actions');
    expect(ss.getSheets()[0].getSheetId()).toBe(0);
    expect(ss.getNumSheets()).toBe(2);
  });

  it('inserts at a 0-based index, names new sheets SheetN, and activates them', () => {
    const { store, app } = setupApp();
    store.create('Plan');
    const ss = app.getActiveSpreadsheet();
    const first = ss.insertSheet('First', 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['First', 'Sheet1']);
    expect(first.getIndex()).toBe(1);
    expect(ss.getActiveSheet().getName()).toBe('First');
    ss.insertSheet();
    ss.insertSheet(1);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['First', 'Sheet4', 'Sheet1', 'Sheet3']);
  });

  it('refuses a duplicate sheet name with the service message', () => {
    const { store, app } = setupApp();
    store.create('Plan');
    const ss = app.getActiveSpreadsheet();
    ss.insertSheet('Actions');
    expect(() => ss.insertSheet('Actions')).toThrow(
      'A sheet with the name "Actions" already exists. Please enter another name.',
    );
  });

  it('deletes sheets but never the last one or the last visible one', () => {
    const { store, app } = setupApp();
    store.create('Plan');
    const ss = app.getActiveSpreadsheet();
    const sheet1 = ss.getSheets()[0];
    expect(() => ss.deleteSheet(sheet1)).toThrow("You can't remove all the sheets in a document.");
    const log = ss.insertSheet('Run log');
    log.hideSheet();
    expect(() => ss.deleteSheet(sheet1)).toThrow("You can't remove all the visible sheets in a document.");
    ss.deleteSheet(log);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
  });

  it('moves the active sheet to a 1-based position', () => {
    const { store, app } = setupApp();
    store.create('Plan');
    const ss = app.getActiveSpreadsheet();
    ss.insertSheet('B');
    ss.moveActiveSheet(1);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['B', 'Sheet1']);
  });

  it('refuses insertSheet with a template (not modelled)', () => {
    const { store, app } = setupApp();
    store.create('Plan');
    expect(() => app.getActiveSpreadsheet().insertSheet('X', 0, { template: null } as never)).toThrow(
      NotImplementedError,
    );
  });

  it('refuses to add a sheet past 10,000,000 cells', () => {
    const { store, app } = setupApp();
    store.create('Plan', 'Europe/London', { rows: 384_000, columns: 26 });
    expect(() => app.getActiveSpreadsheet().insertSheet()).toThrow(
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    );
  });
});

describe('ranges by notation and name', () => {
  it('resolves "Sheet!A1" and plain A1 on the active sheet', () => {
    const { store, app } = setupApp();
    store.create('Plan');
    const ss = app.getActiveSpreadsheet();
    ss.insertSheet("People's list");
    ss.getRange("'People''s list'!B2").setValue('x');
    expect(ss.getSheetByName("People's list")?.getRange('B2').getValue()).toBe('x');
    ss.setActiveSheet(ss.getSheets()[0]);
    expect(ss.getRange('C3').getSheet().getName()).toBe('Sheet1');
    expect(() => ss.getRange('Nowhere!A1')).toThrow('Range not found');
  });

  it('sets, reads, renames and removes named ranges', () => {
    const { store, app } = setupApp();
    store.create('Plan');
    const ss = app.getActiveSpreadsheet();
    ss.setNamedRange('Statuses', ss.getRange('Sheet1!A2:A6'));
    expect(ss.getRangeByName('Statuses')?.getA1Notation()).toBe('A2:A6');
    expect(ss.getRangeByName('Nope')).toBeNull();
    const [named] = ss.getNamedRanges();
    named.setName('StatusList');
    expect(ss.getRangeByName('StatusList')?.getNumRows()).toBe(5);
    ss.getSheets()[0].insertRowsBefore(1, 2);
    expect(ss.getRangeByName('StatusList')?.getA1Notation()).toBe('A4:A8');
    ss.removeNamedRange('StatusList');
    expect(ss.getNamedRanges()).toEqual([]);
    expect(() => ss.setNamedRange('A1', ss.getRange('B1'))).toThrow(NotImplementedError);
  });
});

describe('owner, zone, toasts', () => {
  it('reports the owner and editors', () => {
    const { store, app } = setupApp();
    store.create('Plan', 'Europe/London', {
      ownerEmail: 'owner@council.example',
      editors: ['a@council.example'],
    });
    const ss = app.getActiveSpreadsheet();
    expect(ss.getOwner()!.getEmail()).toBe('owner@council.example');
    expect(ss.getEditors().map((u) => u.getEmail())).toEqual(['owner@council.example', 'a@council.example']);
  });

  it('changes the time zone, refusing unknown zones', () => {
    const { store, app } = setupApp();
    store.create('Plan');
    const ss = app.getActiveSpreadsheet();
    ss.setSpreadsheetTimeZone('Europe/Paris');
    expect(ss.getSpreadsheetTimeZone()).toBe('Europe/Paris');
    expect(() => ss.setSpreadsheetTimeZone('Mars/Olympus')).toThrow(NotImplementedError);
  });

  it('records toasts', () => {
    const { store, app } = setupApp();
    store.create('Plan');
    app.getActiveSpreadsheet().toast('3 reminders sent', 'Reminders', 10);
    app.getActiveSpreadsheet().toast('Done');
    expect(store.ui.toasts).toEqual([
      { message: '3 reminders sent', title: 'Reminders', timeoutSeconds: 10 },
      { message: 'Done', title: '', timeoutSeconds: 5 },
    ]);
  });
});
