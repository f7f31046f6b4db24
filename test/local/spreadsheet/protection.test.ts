// Pins protections: sheet and range protections with description, warning-only, editors (the owner always stays),
// domain editing, unprotected ranges, listing by type on the sheet and the spreadsheet, and removal.
import { NotImplementedError } from '../../../local/runtime/core';
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
