// Sheet and range protections: description, warning-only, editors, domain editing, unprotected ranges. Writes by a
// user the protection does not let edit are refused where they happen (permissions.ts); here, canEdit answers for
// that user and only those who may edit a protection may change it.
import type { Ctx } from './context';
import type { GridRect, ProtectionData } from './data';
import { ProtectionType } from './enums';
import { signatureError, unverified } from './errors';
import { checkProtectionChange, mayEdit, userOf } from './permissions';

const CONSUMER_DOMAINS = /@(gmail|googlemail)\.com$/i;

/**
 * A new protection's editors mirror the spreadsheet's (reference: Range.protect, "the permissions mirror those of the
 * spreadsheet itself"): its owner, the people it is shared with for editing, and `creator`, who evidently edits it.
 */
export function newProtection(
  sheet: ProtectionData['sheet'],
  rect: GridRect | null,
  creator: string,
): ProtectionData {
  const ss = sheet.parent;
  const editors = [ss.ownerEmail, ...ss.editors.filter((e) => e !== ss.ownerEmail)];
  if (creator && !editors.some((e) => e.toLowerCase() === creator.toLowerCase())) editors.push(creator);
  return {
    type: rect ? 'RANGE' : 'SHEET',
    sheet,
    rect,
    description: '',
    warningOnly: false,
    editors,
    // Mirrors a spreadsheet shared with its Workspace domain; a consumer (gmail) account has no domain.
    domainEdit: !CONSUMER_DOMAINS.test(ss.ownerEmail),
    unprotected: [],
    removed: false,
  };
}

function emailOf(ctx: Ctx, user: unknown, method: string): string {
  if (typeof user === 'string') return user;
  const email = ctx.emailOfUser(user);
  if (email === null) throw signatureError([user], `SpreadsheetApp.Protection.${method}`);
  return email;
}

export class LocalProtection {
  constructor(
    private readonly ctx: Ctx,
    private readonly data: ProtectionData,
  ) {}

  _data(): ProtectionData {
    return this.data;
  }

  private changing(method: string): void {
    checkProtectionChange(this.ctx, this.data, method);
  }

  getProtectionType(): unknown {
    return ProtectionType[this.data.type];
  }
  getRange(): unknown {
    const s = this.data.sheet;
    return this.ctx.range(
      this.data.rect ?? { sheet: s, row: 1, column: 1, numRows: s.maxRows, numColumns: s.maxColumns },
    );
  }
  setRange(range: unknown): this {
    if (this.data.type !== 'RANGE') throw unverified('Protection.setRange on a sheet protection');
    const rect = this.ctx.rectOf(range);
    if (!rect) throw signatureError([range], 'SpreadsheetApp.Protection.setRange');
    this.changing('setRange');
    this.data.rect = { ...rect };
    return this;
  }
  getRangeName(): null {
    return null;
  }
  getDescription(): string {
    return this.data.description;
  }
  setDescription(description: string): this {
    this.changing('setDescription');
    this.data.description = String(description);
    return this;
  }
  isWarningOnly(): boolean {
    return this.data.warningOnly;
  }
  setWarningOnly(warningOnly: boolean): this {
    this.changing('setWarningOnly');
    this.data.warningOnly = !!warningOnly;
    return this;
  }
  /** The Sheets API shows a protection's editors only to those who may edit it; what Apps Script does is not known. */
  getEditors(): unknown[] {
    if (!mayEdit(this.data, userOf(this.ctx, this.data.sheet.parent))) {
      throw unverified('Protection.getEditors by someone who may not edit the protection');
    }
    return this.data.editors.map((e) => this.ctx.user(e));
  }
  addEditor(user: unknown): this {
    const email = emailOf(this.ctx, user, 'addEditor');
    this.changing('addEditor');
    if (!this.data.editors.includes(email)) this.data.editors.push(email);
    return this;
  }
  addEditors(emails: unknown): this {
    if (!Array.isArray(emails)) throw signatureError([emails], 'SpreadsheetApp.Protection.addEditors');
    for (const e of emails) this.addEditor(e);
    return this;
  }
  /** The owner cannot be removed: the owner can always edit a protected range or sheet. */
  removeEditor(user: unknown): this {
    const email = emailOf(this.ctx, user, 'removeEditor');
    this.changing('removeEditor');
    if (email !== this.data.sheet.parent.ownerEmail)
      this.data.editors = this.data.editors.filter((e) => e !== email);
    return this;
  }
  removeEditors(users: unknown): this {
    if (!Array.isArray(users)) throw signatureError([users], 'SpreadsheetApp.Protection.removeEditors');
    for (const u of users) this.removeEditor(u);
    return this;
  }
  canDomainEdit(): boolean {
    return this.data.domainEdit;
  }
  /** The reference says this throws for a spreadsheet outside a Workspace domain; its wording is not known here. */
  setDomainEdit(editable: boolean): this {
    if (CONSUMER_DOMAINS.test(this.data.sheet.parent.ownerEmail)) {
      throw unverified('Protection.setDomainEdit on a spreadsheet owned by a consumer (gmail.com) account');
    }
    this.changing('setDomainEdit');
    this.data.domainEdit = !!editable;
    return this;
  }
  /** Whether the user the script runs as may edit what this protects (the owner always may). */
  canEdit(): boolean {
    return mayEdit(this.data, userOf(this.ctx, this.data.sheet.parent));
  }
  setUnprotectedRanges(ranges: unknown): this {
    if (this.data.type !== 'SHEET') throw unverified('Protection.setUnprotectedRanges on a range protection');
    if (!Array.isArray(ranges))
      throw signatureError([ranges], 'SpreadsheetApp.Protection.setUnprotectedRanges');
    this.changing('setUnprotectedRanges');
    this.data.unprotected = ranges.map((r) => {
      const rect = this.ctx.rectOf(r);
      if (!rect) throw signatureError([ranges], 'SpreadsheetApp.Protection.setUnprotectedRanges');
      return { ...rect };
    });
    return this;
  }
  getUnprotectedRanges(): unknown[] {
    return this.data.unprotected.map((r) => this.ctx.range(r));
  }
  remove(): void {
    this.changing('remove');
    const list = this.data.sheet.protections;
    const i = list.indexOf(this.data);
    if (i >= 0) list.splice(i, 1);
    this.data.removed = true;
  }
}
