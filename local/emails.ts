// Writes the local runtime's sent mail as standard .eml files (RFC 5322 messages, built by nodemailer's
// MailComposer) that any mail program opens, so a preview's emails can be read as their recipients would see them.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import { DEFAULT_OWNER } from './runtime';
import type { SentMail } from './runtime/mail';

/** Anything with a Blob's accessors (the runtime's attachments and inline images). */
interface BlobLike {
  getBytes(): number[];
  getName(): string | null;
  getContentType(): string | null;
}

/**
 * Writes `outbox[i]` to `dir` as `NN-<label>-<first recipient>.eml` (NN from 01, in send order; `labels[i]` names
 * what it is, 'mail' when not given) and returns the paths written. `from` is the account that sent them: Apps Script
 * sends as the script's effective user (a trigger's creator), and MailApp keeps no sender of its own.
 */
export async function writeEmlFiles(
  outbox: SentMail[],
  dir: string,
  labels: string[] = [],
  from: string = DEFAULT_OWNER,
): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const width = Math.max(2, String(outbox.length).length);
  const paths: string[] = [];
  for (const [i, mail] of outbox.entries()) {
    const number = String(i + 1).padStart(width, '0');
    const name = `${number}-${fileSafe(labels[i] ?? 'mail')}-${fileSafe(bareAddress(mail.to[0] ?? mail.cc[0] ?? mail.bcc[0] ?? 'nobody'))}.eml`;
    const path = join(dir, name);
    writeFileSync(path, await toEml(mail, from, i + 1));
    paths.push(path);
  }
  return paths;
}

/** One sent mail as an RFC 5322 message: CRLF line ends, text and HTML as multipart/alternative when both exist. */
export async function toEml(mail: SentMail, from: string = DEFAULT_OWNER, sequence = 1): Promise<Buffer> {
  // noReply: Apps Script sends "from a generic no-reply email address" of the sender's domain (MailApp reference).
  const address = mail.noReply ? `noreply@${domainOf(from)}` : bareAddress(from);
  const attachments = [
    ...mail.attachments.map((a) => attachment(a)),
    ...Object.entries(mail.inlineImages).map(([cid, image]) => ({ ...attachment(image), cid })),
  ];
  // Message-ID and MIME boundaries follow from the content, not chance, so a rerun writes the same files.
  const digest = createHash('sha256')
    .update(JSON.stringify([mail.to, mail.cc, mail.subject, mail.body, mail.htmlBody, mail.time, sequence]))
    .digest('hex')
    .slice(0, 24);
  const composer = new MailComposer({
    from: mail.name === null ? address : { name: mail.name, address },
    to: mail.to,
    cc: mail.cc,
    bcc: mail.bcc,
    replyTo: mail.replyTo ?? undefined,
    subject: mail.subject,
    date: mail.time,
    messageId: `<${digest}@${domainOf(from)}>`,
    text: mail.body,
    html: mail.htmlBody ?? undefined,
    attachments,
    baseBoundary: digest,
    newline: 'win',
  });
  const message = composer.compile();
  // The sender's own copy of a message keeps its Bcc line; this is that copy.
  message.keepBcc = true;
  return message.build();
}

function attachment(blob: unknown): { content: Buffer; filename?: string; contentType?: string } {
  const b = blob as BlobLike;
  if (typeof b?.getBytes !== 'function') throw new Error('writeEmlFiles: an attachment is not a Blob');
  return {
    content: Buffer.from(b.getBytes().map((n) => n & 0xff)),
    filename: b.getName() ?? undefined,
    contentType: b.getContentType() ?? undefined,
  };
}

/** `Display Name <a@b>` → `a@b`. */
function bareAddress(recipient: string): string {
  const named = /<([^<>]+)>\s*$/.exec(recipient);
  return (named ? named[1] : recipient).trim();
}

function domainOf(address: string): string {
  return bareAddress(address).split('@')[1] ?? 'localhost';
}

/** Letters, digits, `.`, `@`, `+`, `_` and `-` only: the rest become `-`, so any address makes a portable file name. */
function fileSafe(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9.@+_-]+/g, '-')
    .replace(/^[-.]+|-+$/g, '')
    .slice(0, 80);
}
