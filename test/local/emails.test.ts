// The .eml writer: sent mail as RFC 5322 messages any mail program opens, read back header by header and part by part.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toEml, writeEmlFiles } from '../../local/emails';
import { DEFAULT_OWNER } from '../../local/runtime';
import { RuntimeCore } from '../../local/runtime/core';
import type { SentMail } from '../../local/runtime/mail';
import { createUtilities } from '../../local/runtime/utilities';
import { readEml } from './readEml';

function sent(overrides: Partial<SentMail> = {}): SentMail {
  return {
    to: ['head.of.service.01@example.org'],
    cc: [],
    bcc: [],
    replyTo: null,
    name: 'Example Council – Improvement Plan',
    subject: 'Corporate Improvement Plan: 2 actions overdue',
    body: 'Overdue\n- CEA1 Engage residents (12 days overdue)\n',
    htmlBody: '<h2>Overdue</h2>\n<ul><li>CEA1 Engage residents</li></ul>',
    attachments: [],
    inlineImages: {},
    noReply: false,
    time: new Date('2010-03-10T09:00:00Z'),
    ...overrides,
  };
}

const read = async (mail: SentMail, from?: string) => (await toEml(mail, from)).toString('utf8');

describe('toEml', () => {
  it('writes From (sender name, the sending account), To, Cc, Subject and Date as headers', async () => {
    const eml = readEml(await read(sent({ cc: ['director.01@example.org', 'director.02@example.org'] })));
    expect(eml.headers.get('from')).toBe(`Example Council – Improvement Plan <${DEFAULT_OWNER}>`);
    expect(eml.headers.get('to')).toBe('head.of.service.01@example.org');
    expect(eml.headers.get('cc')).toBe('director.01@example.org, director.02@example.org');
    expect(eml.headers.get('subject')).toBe('Corporate Improvement Plan: 2 actions overdue');
    expect(eml.headers.get('date')).toBe('Wed, 10 Mar 2010 09:00:00 +0000');
    expect(eml.headers.get('mime-version')).toBe('1.0');
    expect(eml.headers.get('message-id')).toMatch(/^<[0-9a-f]+@example\.org>$/);
    expect(eml.headers.has('bcc')).toBe(false);
  });

  it('puts the text and the HTML body side by side in multipart/alternative, text first', async () => {
    const mail = sent();
    const eml = readEml(await read(mail));
    expect(eml.headers.get('content-type')).toMatch(/^multipart\/alternative;/);
    expect(eml.parts.map((p) => p.contentType)).toEqual([
      'text/plain; charset=utf-8',
      'text/html; charset=utf-8',
    ]);
    expect(eml.parts[0].text).toBe(mail.body.replace(/\n/g, '\r\n'));
    expect(eml.parts[1].text).toBe((mail.htmlBody ?? '').replace(/\n/g, '\r\n'));
  });

  it('quotes a sender name with a comma, so it is not read as two addresses', async () => {
    const raw = await read(sent({ name: 'Example Council, Improvement Plan' }));
    expect(readEml(raw).headers.get('from')).toBe(`"Example Council, Improvement Plan" <${DEFAULT_OWNER}>`);
  });

  it('sends a plain-text message as one text part', async () => {
    const eml = readEml(await read(sent({ htmlBody: null, name: null })));
    expect(eml.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(eml.headers.get('from')).toBe(DEFAULT_OWNER);
    expect(eml.parts).toHaveLength(1);
  });

  it('encodes a subject, a sender name and bodies that are not ASCII, and they read back unchanged', async () => {
    const mail = sent({
      subject: 'Café “CEA1” — 3 days overdue, £2,000 budget',
      name: 'Conseil d’Exemple',
      body: 'Réunion: “soon” — £5 ' + 'x'.repeat(200),
      htmlBody: '<p>Réunion — £5</p>',
    });
    const raw = await read(mail);
    expect(raw).toMatch(/^Subject: =\?UTF-8\?[QB]\?/m);
    // Nothing outside ASCII is left raw in the message.
    expect(/[^\t\r\n\x20-\x7e]/.test(raw)).toBe(false);
    const eml = readEml(raw);
    expect(eml.headers.get('subject')).toBe(mail.subject);
    expect(eml.headers.get('from')).toBe(`Conseil d’Exemple <${DEFAULT_OWNER}>`);
    expect(eml.parts[0].headers.get('content-transfer-encoding')).toMatch(/quoted-printable|base64/);
    expect(eml.parts[0].text).toBe(mail.body);
    expect(eml.parts[1].text).toBe(mail.htmlBody);
  });

  it('ends every line with CRLF and keeps lines within 998 characters, however long the HTML', async () => {
    const raw = await read(sent({ htmlBody: `<table>${'<tr><td>CEA1</td></tr>'.repeat(500)}</table>` }));
    expect(raw).not.toMatch(/[^\r]\n/);
    expect(raw).not.toMatch(/\r[^\n]/);
    expect(Math.max(...raw.split('\r\n').map((l) => l.length))).toBeLessThanOrEqual(998);
  });

  it('sends from the given account, or its no-reply address when noReply is set, and keeps Reply-To and Bcc', async () => {
    const from = 'Plan Administrator <plan.admin@council.gov.uk>';
    expect(readEml(await read(sent(), from)).headers.get('from')).toMatch(/<plan\.admin@council\.gov\.uk>$/);
    const eml = readEml(
      await read(
        sent({ noReply: true, replyTo: 'improvement@example.org', bcc: ['audit@example.org'] }),
        'plan.admin@council.gov.uk',
      ),
    );
    expect(eml.headers.get('from')).toMatch(/<noreply@council\.gov\.uk>$/);
    expect(eml.headers.get('reply-to')).toBe('improvement@example.org');
    expect(eml.headers.get('bcc')).toBe('audit@example.org');
  });

  it('attaches the Blobs a mail carries', async () => {
    const { Utilities } = createUtilities(new RuntimeCore('2010-03-10T09:00:00Z'));
    const blob = Utilities.newBlob('Code,Status\nCEA1,Overdue\n', 'text/csv', 'overdue.csv');
    const eml = readEml(await read(sent({ htmlBody: null, attachments: [blob] })));
    expect(eml.headers.get('content-type')).toMatch(/^multipart\/mixed;/);
    expect(eml.parts[1].headers.get('content-disposition')).toBe('attachment; filename=overdue.csv');
    expect(eml.parts[1].text).toBe('Code,Status\nCEA1,Overdue\n');
  });

  it('writes the same bytes for the same mail', async () => {
    expect((await toEml(sent())).equals(await toEml(sent()))).toBe(true);
    expect((await toEml(sent())).equals(await toEml(sent({ subject: 'Other' })))).toBe(false);
  });
});

describe('writeEmlFiles', () => {
  it('names the files NN-<label>-<first recipient>.eml, in send order, with the label and address made file-safe', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eml-'));
    const outbox = [
      sent({ to: ['Head of Service 01 <head.of.service.01@example.org>', 'b@example.org'] }),
      sent({ to: ['chief.executive@example.org'], subject: 'Escalation' }),
      sent({ to: ['plan.admin@example.org'], subject: 'Alert' }),
    ];
    const paths = await writeEmlFiles(outbox, join(dir, 'emails'), ['digest', 'escalation', 'Alert/Run log']);
    expect(paths.map((p) => p.slice(join(dir, 'emails').length + 1))).toEqual([
      '01-digest-head.of.service.01@example.org.eml',
      '02-escalation-chief.executive@example.org.eml',
      '03-alert-run-log-plan.admin@example.org.eml',
    ]);
    expect(readdirSync(join(dir, 'emails')).sort()).toEqual(paths.map((p) => p.split('/').pop()).sort());
    const subjects = paths.map((p) => readEml(readFileSync(p, 'utf8')).headers.get('subject'));
    expect(subjects).toEqual(outbox.map((m) => m.subject));
    expect(readEml(readFileSync(paths[0], 'utf8')).headers.get('to')).toBe(
      'Head of Service 01 <head.of.service.01@example.org>, b@example.org',
    );
  });

  it('labels unlabelled mail "mail" and widens the number past 99 emails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eml-'));
    const paths = await writeEmlFiles(
      Array.from({ length: 100 }, () => sent()),
      dir,
    );
    expect(paths[0].endsWith('001-mail-head.of.service.01@example.org.eml')).toBe(true);
    expect(paths[99].endsWith('100-mail-head.of.service.01@example.org.eml')).toBe(true);
  });
});
