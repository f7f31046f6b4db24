// MailApp of the local Apps Script runtime: sends into an outbox, with the daily recipient quota, the
// per-message recipient limit, address checks and injected send failures of the real service.
import type { RuntimeCore } from './core';

export interface SentMail {
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo: string | null;
  name: string | null;
  subject: string;
  body: string;
  htmlBody: string | null;
  attachments: unknown[];
  inlineImages: Record<string, unknown>;
  noReply: boolean;
  time: Date;
}

export interface MailOptions {
  /** Recipients a day: 100 for a consumer account, 1500 for Google Workspace (Apps Script quotas page). */
  dailyQuota?: number;
  /** Largest body (and HTML body) in bytes: 200 KB consumer, 400 KB Workspace (quotas page, "Email body size"). */
  bodyLimitBytes?: number;
}

/** Quotas page, "Email recipients per message: 50 / msg" (both account kinds). */
export const MAX_RECIPIENTS_PER_MESSAGE = 50;
/** "Quotas are per user and reset 24 hours after the first request" (Apps Script quotas page). */
const QUOTA_WINDOW_MS = 24 * 3600 * 1000;

export const MAIL_MESSAGES = {
  /** Seen by scripts past the daily quota (e.g. dwyl/learn-to-send-email-via-google-script-html-no-server#376). */
  quota: 'Service invoked too many times for one day: email.',
  /** Japanese-locale reports translate to this ("上限を超えています: メッセージあたりの受信者数"); English as scripts quote it. */
  tooManyRecipients: 'Limit Exceeded: Email Recipients Per Message.',
  /** Quoted by scripts that sent to an empty address (e.g. when Session.getActiveUser() was ''). */
  noRecipient: 'Failed to send email: no recipient',
  /** Apps Script's generic transient failure; the default for an injected send fault. */
  serverError: "We're sorry, a server error occurred. Please wait a bit and try again.",
  /**
   * Not verified: the body-size limit is documented but its message is not; this follows the
   * "Limit Exceeded: ..." family above.
   */
  bodyTooLarge: 'Limit Exceeded: Email Body Size.',
  /**
   * Not verified: what MailApp does with a line break in the subject is not documented. Refusing it is the
   * safer choice (a header with a line break is how header injection starts, and user text reaches subjects).
   */
  subjectLineBreak: 'Invalid argument: subject',
} as const;

/** "Invalid email: x", as scripts quote it (e.g. "Exception: Invalid email: ..."). */
export function invalidEmailMessage(address: string): string {
  return `Invalid email: ${address}`;
}

/** name@domain.tld, optionally as `Display Name <name@domain.tld>`; no spaces, one @, a dot in the domain. */
const ADDRESS = /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+\.[^\s@<>(),;:"[\]\\.]+$/;

/** A message as the script gave it: recipients are still comma-separated strings, and it has not been sent. */
interface Message extends Omit<SentMail, 'to' | 'cc' | 'bcc' | 'time'> {
  to: string;
  cc: string;
  bcc: string;
}

interface QuotaState {
  limit: number;
  used: number;
  windowStart: number | null;
}

class MailAppImpl {
  private _attempts = 0;

  constructor(
    private readonly _core: RuntimeCore,
    private readonly _outbox: SentMail[],
    private readonly _quota: QuotaState,
    private readonly _bodyLimit: number,
  ) {}

  getRemainingDailyQuota(): number {
    this._rollWindow();
    return this._quota.limit - this._quota.used;
  }

  /**
   * The four forms of the reference: (message), (recipient, subject, body), (recipient, subject, body,
   * options) and (to, replyTo, subject, body).
   */
  sendEmail(...args: unknown[]): void {
    this._attempts += 1;
    const message = toMessage(args);
    const to = splitAddresses(message.to);
    const cc = splitAddresses(message.cc);
    const bcc = splitAddresses(message.bcc);
    if (message.replyTo !== null) checkAddress(message.replyTo);
    const recipients = to.length + cc.length + bcc.length;
    if (recipients === 0) throw new Error(MAIL_MESSAGES.noRecipient);
    if (recipients > MAX_RECIPIENTS_PER_MESSAGE) throw new Error(MAIL_MESSAGES.tooManyRecipients);
    if (/[\r\n]/.test(message.subject)) throw new Error(MAIL_MESSAGES.subjectLineBreak);
    if (
      Buffer.byteLength(message.body, 'utf8') > this._bodyLimit ||
      Buffer.byteLength(message.htmlBody ?? '', 'utf8') > this._bodyLimit
    ) {
      throw new Error(MAIL_MESSAGES.bodyTooLarge);
    }
    // The quota is counted in recipients, to + cc + bcc (reference: MailApp.getRemainingDailyQuota, "Quotas are
    // based on the number of email recipients"). Scripts have seen a send or two slip past the limit; the local
    // runtime refuses any send that would go past it.
    if (recipients > this.getRemainingDailyQuota()) throw new Error(MAIL_MESSAGES.quota);
    const faults = this._core.faults;
    if (faults.mailFailsOnSend?.includes(this._attempts)) {
      throw new Error(faults.mailFailureMessage ?? MAIL_MESSAGES.serverError);
    }
    if (this._quota.windowStart === null) this._quota.windowStart = this._core.nowMillis();
    this._quota.used += recipients;
    this._outbox.push({
      to,
      cc,
      bcc,
      replyTo: message.replyTo,
      name: message.name,
      subject: message.subject,
      body: message.body,
      htmlBody: message.htmlBody,
      attachments: message.attachments,
      inlineImages: message.inlineImages,
      noReply: message.noReply,
      time: this._core.now(),
    });
    this._core.mailSent();
  }

  private _rollWindow(): void {
    const start = this._quota.windowStart;
    if (start !== null && this._core.nowMillis() >= start + QUOTA_WINDOW_MS) {
      this._quota.used = 0;
      this._quota.windowStart = null;
    }
  }
}

export function createMailApp(
  core: RuntimeCore,
  opts: MailOptions = {},
): {
  MailApp: MailAppImpl;
  /** Every mail sent, oldest first. */
  outbox: SentMail[];
  /** Makes getRemainingDailyQuota() report `n` from now on (until the 24-hour window rolls over). */
  setQuota(n: number): void;
} {
  const outbox: SentMail[] = [];
  const quota: QuotaState = { limit: opts.dailyQuota ?? 100, used: 0, windowStart: null };
  const mailApp = new MailAppImpl(core, outbox, quota, opts.bodyLimitBytes ?? 200 * 1024);
  return {
    MailApp: core.expose('MailApp', 'MailApp', mailApp),
    outbox,
    setQuota(n: number): void {
      quota.used = quota.limit - n;
      if (quota.windowStart === null) quota.windowStart = core.nowMillis();
    },
  };
}

function toMessage(args: unknown[]): Message {
  if (args.length === 1 && typeof args[0] === 'object' && args[0] !== null) {
    const m = args[0] as Record<string, unknown>;
    return {
      to: text(m.to),
      cc: text(m.cc),
      bcc: text(m.bcc),
      replyTo: optionalText(m.replyTo),
      name: optionalText(m.name),
      subject: text(m.subject),
      body: text(m.body),
      htmlBody: optionalText(m.htmlBody),
      attachments: Array.isArray(m.attachments) ? [...m.attachments] : [],
      inlineImages: isRecord(m.inlineImages) ? { ...m.inlineImages } : {},
      noReply: Boolean(m.noReply),
    };
  }
  if (args.length === 3 || (args.length === 4 && typeof args[3] !== 'string')) {
    const options = isRecord(args[3]) ? args[3] : {};
    return toMessage([{ ...options, to: args[0], subject: args[1], body: args[2] }]);
  }
  if (args.length === 4) {
    return toMessage([{ to: args[0], replyTo: args[1], subject: args[2], body: args[3] }]);
  }
  throw new Error(
    `The parameters (${args.map((a) => (typeof a === 'string' ? 'String' : typeof a)).join(',')}) don't match the method signature for MailApp.sendEmail.`,
  );
}

function text(v: unknown): string {
  return v === undefined || v === null ? '' : String(v);
}

function optionalText(v: unknown): string | null {
  return v === undefined || v === null ? null : String(v);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Comma-separated addresses (reference: "the addresses of the recipients, separated by commas"). Empty pieces
 * (a trailing comma) are skipped, as an RFC 822 address-list parser does; anything else must be an address.
 */
function splitAddresses(list: string): string[] {
  return list
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '')
    .map(checkAddress);
}

function checkAddress(raw: string): string {
  const address = raw.trim();
  const named = /^[^<>]*<([^<>]+)>$/.exec(address);
  if (!ADDRESS.test(named ? named[1].trim() : address)) throw new Error(invalidEmailMessage(address));
  return address;
}
