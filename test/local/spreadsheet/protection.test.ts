// Pins protections: sheet and range protections with description, warning-only, editors (the owner always stays),
// domain editing, unprotected ranges, listing by type on the sheet and the spreadsheet, and removal; and their
// enforcement against the user the script runs as.
import { NotImplementedError } from '../../../local/runtime/core';
import { PROTECTED_MESSAGE } from '../../../local/runtime/spreadsheet/permissions';
import { setupSheet } from './helpers';

function setup(ownerEmail = 'owner@council.example') {
  return setupSheet('Europe/London', { ownerEmail, editors: ['officer@council.example'] });
}

describe('sheet protection', () => {
  it('starts with the spreadsheet editors and no description, and reads back what is set', () => {
    const { app, sheet } = setup();
    const p = sheet.protect().setDescription('Written by the script only').setWarningOnly(false);
    expect(p.getProtectionType()).toBe(app.ProtectionType.SHEET);
    expect(p.getDescription()).toBe('Written by the script only');
    expect(p.isWarningOnly()).toBe(false);
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([
      'owner@council.example',
      'officer@council.example',
    ]);
    expect(p.getRange().getA1Notation()).toBe('A1:Z1000');
    expect(p.canEdit()).toBe(true);
  });

  it('removes editors but never the owner (the documented "only me" recipe)', () => {
    const { sheet } = setup();
    const p = sheet.protect();
    p.removeEditors(p.getEditors());
    expect(p.getEditors().map((u) => u.getEmail())).toEqual(['owner@council.example']);
    p.addEditor('clerk@council.example').addEditors(['a@council.example']);
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([
      'owner@council.example',
      'clerk@council.example',
      'a@council.example',
    ]);
    if (p.canDomainEdit()) p.setDomainEdit(false);
    expect(p.canDomainEdit()).toBe(false);
  });

  it('hands back the existing sheet protection when asked again', () => {
    const { sheet, app } = setup();
    sheet.protect().setDescription('first');
    expect(sheet.protect().getDescription()).toBe('first');
    expect(sheet.getProtections(app.ProtectionType.SHEET)).toHaveLength(1);
  });

  it('keeps unprotected ranges, only on a sheet protection', () => {
    const { sheet } = setup();
    const p = sheet.protect();
    p.setUnprotectedRanges([sheet.getRange('B2:B100')]);
    expect(p.getUnprotectedRanges().map((r) => r.getA1Notation())).toEqual(['B2:B100']);
    const rp = sheet.getRange('A1:A5').protect();
    expect(() => rp.setUnprotectedRanges([sheet.getRange('A1')])).toThrow(NotImplementedError);
  });

  it('refuses domain editing on a consumer account (the wording of the real refusal is not known here)', () => {
    const { sheet } = setup('someone@gmail.com');
    const p = sheet.protect();
    expect(p.canDomainEdit()).toBe(false);
    expect(() => p.setDomainEdit(false)).toThrow(NotImplementedError);
  });
});

describe('range protection and listing', () => {
  it('lists protections by type on the sheet and across the spreadsheet, and removes them', () => {
    const { app, ss, sheet } = setup();
    const log = ss.insertSheet('Audit log');
    log.protect().setDescription('log');
    const rp = sheet
      .getRange('R2:R1000')
      .protect()
      .setDescription('RAG is written by the script')
      .setWarningOnly(true);
    expect(rp.getProtectionType()).toBe(app.ProtectionType.RANGE);
    expect(rp.getRange().getA1Notation()).toBe('R2:R1000');
    expect(sheet.getProtections(app.ProtectionType.RANGE).map((p) => p.getDescription())).toEqual([
      'RAG is written by the script',
    ]);
    expect(sheet.getProtections(app.ProtectionType.SHEET)).toEqual([]);
    expect(ss.getProtections(app.ProtectionType.SHEET).map((p) => p.getDescription())).toEqual(['log']);
    rp.remove();
    expect(ss.getProtections(app.ProtectionType.RANGE)).toEqual([]);
  });

  it('does not block the owner-run script from writing to a protected range', () => {
    const { sheet } = setup();
    sheet.getRange('A1').protect();
    sheet.getRange('A1').setValue('ok');
    expect(sheet.getRange('A1').getValue()).toBe('ok');
  });

  it('reports protections in the model', () => {
    const { sheet, store } = setup();
    const p = sheet.protect().setDescription('history');
    p.removeEditors(p.getEditors());
    const [m] = store.model().sheets[0].protections;
    expect(m).toEqual({
      type: 'SHEET',
      range: null,
      description: 'history',
      warningOnly: false,
      editors: ['owner@council.example'],
      domainEdit: true,
      unprotectedRanges: [],
    });
  });
});

/** A spreadsheet owned by owner@, shared with officer@ (so new protections list both), and a settable "who runs". */
function runAs(initial = 'owner@council.example') {
  const env = setup();
  let user = initial;
  env.store.setCurrentUser(() => user);
  return {
    ...env,
    as(email: string) {
      user = email;
    },
  };
}

const STAFF = 'jane.clarke@council.example';

/** Protects `a1` (or the whole sheet) so only the owner may edit, as setup does with its log sheets. */
function ownerOnly(p: GoogleAppsScript.Spreadsheet.Protection) {
  p.removeEditors(p.getEditors());
  if (p.canDomainEdit()) p.setDomainEdit(false);
  return p;
}

describe('protections enforced against the user the script runs as', () => {
  const refusal = { name: 'Exception', message: PROTECTED_MESSAGE };
  const expectRefused = (work: () => unknown) => {
    let thrown: unknown;
    try {
      work();
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toMatchObject(refusal);
  };

  it('uses the service’s own wording', () => {
    expect(PROTECTED_MESSAGE).toBe(
      'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
    );
  });

  it('canEdit answers for the user: the owner, a listed editor, the domain when allowed, and anyone when warning-only', () => {
    const { sheet, as } = runAs();
    const p = ownerOnly(sheet.protect());
    p.addEditor('clerk@council.example');
    expect(p.canEdit()).toBe(true);
    as('clerk@council.example');
    expect(p.canEdit()).toBe(true);
    expect(sheet.getRange('A1:C3').canEdit()).toBe(true);
    as(STAFF);
    expect(p.canEdit()).toBe(false);
    expect(sheet.getRange('A1').canEdit()).toBe(false);
    as('owner@council.example');
    p.setDomainEdit(true);
    as(STAFF);
    expect(p.canEdit()).toBe(true); // same domain as the owner
    as('someone@elsewhere.example');
    expect(p.canEdit()).toBe(false);
    as('owner@council.example');
    p.setDomainEdit(false).setWarningOnly(true);
    as(STAFF);
    expect(p.canEdit()).toBe(true);
    expect(sheet.getRange('A1').setValue('typed').getValue()).toBe('typed');
  });

  it('refuses every cell write to a protected sheet, changing nothing', () => {
    const { app, ss, store, as } = runAs();
    const log = ss.insertSheet('Run log');
    log.getRange('A1:B2').setValues([
      ['Job', 'Outcome'],
      ['Refresh', 'ok'],
    ]);
    ownerOnly(log.protect());
    const rule = app.newDataValidation().requireValueInList(['ok']).build();
    as(STAFF);
    const before = store.model();
    const range = log.getRange('A3:B3');
    const writes: [string, () => unknown][] = [
      ['setValues', () => range.setValues([['Check', 'ok']])],
      ['setValue', () => range.setValue('x')],
      ['setFormula', () => log.getRange('A3').setFormula('=1+1')],
      ['setFormulas', () => range.setFormulas([['=1', '=2']])],
      ['setNote', () => range.setNote('n')],
      ['setNotes', () => range.setNotes([['n', 'n']])],
      ['clearNote', () => range.clearNote()],
      ['clear', () => range.clear()],
      ['clearContent', () => range.clearContent()],
      ['clearFormat', () => range.clearFormat()],
      ['clearDataValidations', () => range.clearDataValidations()],
      ['setDataValidation', () => range.setDataValidation(rule)],
      ['setDataValidations', () => range.setDataValidations([[rule, rule]])],
      ['setBackground', () => range.setBackground('#ff0000')],
      ['setBackgrounds', () => range.setBackgrounds([['#ff0000', null]])],
      ['setFontColor', () => range.setFontColor('#ff0000')],
      ['setFontWeight', () => range.setFontWeight('bold')],
      ['setFontWeights', () => range.setFontWeights([['bold', 'bold']])],
      ['setFontSize', () => range.setFontSize(12)],
      ['setNumberFormat', () => range.setNumberFormat('@')],
      ['setNumberFormats', () => range.setNumberFormats([['@', '@']])],
      ['setWrap', () => range.setWrap(true)],
      ['setWraps', () => range.setWraps([[true, true]])],
      ['setHorizontalAlignment', () => range.setHorizontalAlignment('center')],
      ['setVerticalAlignment', () => range.setVerticalAlignment('top')],
      ['appendRow', () => log.appendRow(['Check', 'ok'])],
      ['Sheet.clear', () => log.clear()],
      ['Sheet.clearContents', () => log.clearContents()],
      ['Sheet.clearFormats', () => log.clearFormats()],
      ['Sheet.clearNotes', () => log.clearNotes()],
      ['insertRowsAfter', () => log.insertRowsAfter(log.getMaxRows(), 10)],
      ['insertRowBefore', () => log.insertRowBefore(2)],
      ['insertColumnsAfter', () => log.insertColumnsAfter(2, 1)],
      ['deleteRow', () => log.deleteRow(2)],
      ['deleteColumns', () => log.deleteColumns(1, 1)],
    ];
    for (const [, write] of writes) expectRefused(write);
    expect(store.model()).toEqual(before);
  });

  it('checks a write’s data before its protection, so a mis-shaped write still says what is wrong with it', () => {
    const { sheet, as } = runAs();
    ownerOnly(sheet.protect());
    as(STAFF);
    expect(() => sheet.getRange('A1:B1').setValues([['one']])).toThrow(/number of columns in the data/);
  });

  it('lets anyone write the unprotected ranges of a protected sheet, and no further', () => {
    const { sheet, as } = runAs();
    const p = ownerOnly(sheet.protect());
    p.setUnprotectedRanges([sheet.getRange('B2:C10'), sheet.getRange('D2:D5')]);
    as(STAFF);
    sheet.getRange('B2:D5').setValues([
      ['a', 'b', 'c'],
      ['a', 'b', 'c'],
      ['a', 'b', 'c'],
      ['a', 'b', 'c'],
    ]);
    expect(sheet.getRange('D5').getValue()).toBe('c');
    expect(sheet.getRange('B2:D5').canEdit()).toBe(true);
    expect(sheet.getRange('B2:D6').canEdit()).toBe(false);
    expectRefused(() => sheet.getRange('B6:D6').setValues([['a', 'b', 'c']]));
    expectRefused(() => sheet.getRange('A2').setNote('left of the hole'));
    expect(sheet.getRange('D6').getValue()).toBe('');
  });

  it('refuses a protected range’s cells only: the rest of the sheet stays open to everyone', () => {
    const { sheet, as } = runAs();
    ownerOnly(sheet.getRange('R1:R1000').protect().setDescription('RAG'));
    as(STAFF);
    sheet.getRange('A2:Q2').setValue('typed');
    sheet.getRange('S2').setNote('a note beside it');
    expect(sheet.getRange('Q2').getValue()).toBe('typed');
    expectRefused(() => sheet.getRange('Q2:R2').setValues([['x', 'y']]));
    expectRefused(() => sheet.getRange('R5').setNote('n'));
    expectRefused(() => sheet.appendRow(Array.from({ length: 20 }, () => 'x')));
    sheet.appendRow(['short', 'row']);
    expect(sheet.getRange('A3').getValue()).toBe('short');
  });

  it('refuses rows and columns through a protected range or inside it, and allows them at its edges', () => {
    const { sheet, as } = runAs();
    ownerOnly(sheet.getRange('A5:Z9').protect());
    ownerOnly(sheet.getRange('C1:C1000').protect());
    as(STAFF);
    expectRefused(() => sheet.deleteRows(9, 2)); // through both
    expectRefused(() => sheet.insertRowsAfter(5, 1)); // inside A5:Z9
    expectRefused(() => sheet.deleteColumn(3));
    expectRefused(() => sheet.insertColumnsBefore(3, 1)); // at C1:C1000's edge, but inside A5:Z9's columns
    sheet.insertRowsAfter(1000, 5); // below every protected row
    sheet.insertColumnsAfter(26, 1); // right of every protected column
    expect(sheet.getMaxRows()).toBe(1005);
    expect(sheet.getMaxColumns()).toBe(27);
  });

  it('lets a listed editor, and always the owner, do all of it', () => {
    const { sheet, as } = runAs();
    ownerOnly(sheet.protect()).addEditor('deputy@council.example');
    as('deputy@council.example');
    sheet.getRange('A1').setValue('deputy');
    sheet.appendRow(['next']);
    as('owner@council.example');
    sheet.deleteRow(2);
    expect(sheet.getLastRow()).toBe(1);
  });

  it('refuses changes to a protection by someone who may not edit it, but lets them see it and ask canEdit', () => {
    const { sheet, ss, app, as } = runAs();
    ownerOnly(sheet.protect().setDescription('script only'));
    as(STAFF);
    const [p] = ss.getProtections(app.ProtectionType.SHEET);
    expect(p.getDescription()).toBe('script only');
    expect(p.canEdit()).toBe(false);
    expect(p.isWarningOnly()).toBe(false);
    for (const change of [
      () => p.setDescription('mine'),
      () => p.setWarningOnly(true),
      () => p.addEditor(STAFF),
      () => p.removeEditors(['owner@council.example']),
      () => p.setUnprotectedRanges([sheet.getRange('A1')]),
      () => p.setDomainEdit(true),
      () => p.remove(),
      () => p.getEditors(),
    ]) {
      expect(change).toThrow(NotImplementedError);
    }
    expect(ss.getProtections(app.ProtectionType.SHEET)).toHaveLength(1);
    expect(() => sheet.getRange('A1:B2').protect()).toThrow(NotImplementedError);
  });

  it('refuses sheet-wide changes to a protected sheet (which ones Sheets refuses, and how, is not known here)', () => {
    const { sheet, ss, as } = runAs();
    ss.insertSheet('Actions');
    ownerOnly(sheet.protect());
    as(STAFF);
    for (const change of [
      () => sheet.setName('Mine'),
      () => sheet.setFrozenRows(1),
      () => sheet.setColumnWidth(1, 50),
      () => sheet.setTabColor('#ff0000'),
      () => sheet.hideSheet(),
      () => sheet.setConditionalFormatRules([]),
      () => ss.deleteSheet(sheet),
    ]) {
      expect(change).toThrow(NotImplementedError);
    }
    expect(sheet.getName()).toBe('Sheet1');
  });

  it('makes the person who protects something one of its editors', () => {
    const { sheet, as } = runAs();
    as('deputy@council.example');
    const p = sheet.getRange('A1:A5').protect();
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([
      'owner@council.example',
      'officer@council.example',
      'deputy@council.example',
    ]);
  });

  it('runs as the owner when no Session says who is running', () => {
    const { sheet } = setup();
    ownerOnly(sheet.protect());
    expect(sheet.getRange('A1').canEdit()).toBe(true);
    sheet.getRange('A1').setValue('ok');
  });
});
