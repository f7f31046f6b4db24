// Sheet and range protections. Scripts in this runtime run as the spreadsheet's owner, who can always edit, so a
// protection is recorded (description, warning-only, editors, unprotected ranges) and never blocks a write.
import type { Ctx } from './context';
import type { GridRect, ProtectionData } from './data';
import { ProtectionType } from './enums';
import { signatureError, unverified } from './errors';

const CONSUMER_DOMAINS = /@(gmail|googlemail)\.com$/i;

/** A new protection's editors mirror the spreadsheet's: its owner and the people it is shared with for editing. */
export function newProtection(sheet: ProtectionData['sheet'], rect: GridRect | null): ProtectionData {
  const ss = sheet.parent;
  return {
    type: rect ? 'RANGE' : 'SHEET',
    sheet,
    rect,
    description: '',
    warningOnly: false,
    editors: [ss.ownerEmail, ...ss.editors.filter((e) => e !== ss.ownerEmail)],
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
    this.data.description = String(description);
    return this;
  }
  isWarningOnly(): boolean {
    return this.data.warningOnly;
  }
  setWarningOnly(warningOnly: boolean): this {
    this.data.warningOnly = !!warningOnly;
    return this;
  }
  getEditors(): unknown[] {
    return this.data.editors.map((e) => this.ctx.user(e));
  }
  addEditor(user: unknown): this {
    const email = emailOf(this.ctx, user, 'addEditor');
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
    this.data.domainEdit = !!editable;
    return this;
  }
  canEdit(): boolean {
    return true;
  }
  setUnprotectedRanges(ranges: unknown): this {
    if (this.data.type !== 'SHEET') throw unverified('Protection.setUnprotectedRanges on a range protection');
    if (!Array.isArray(ranges))
      throw signatureError([ranges], 'SpreadsheetApp.Protection.setUnprotectedRanges');
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
    const list = this.data.sheet.protections;
    const i = list.indexOf(this.data);
    if (i >= 0) list.splice(i, 1);
    this.data.removed = true;
  }
}
