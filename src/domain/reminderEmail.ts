// A reminder as an email (DESIGN 2.6): subject, plain-text and HTML bodies, every value from the plan escaped.
import { shorten } from './actions';
import { formatLongDate, type IsoDate } from './dates';
import { RAG_COLOURS } from './rag';
import { plural, type PlannedReminder, type ReminderLine } from './reminders';
import { DEFAULT_SETTINGS, type Settings } from './settings';

export interface ReminderEmailContext {
  settings: Settings;
  today: IsoDate;
  /** The link to an Actions row ("…/edit#gid=0&range=A12"). */
  rowUrl: (row: number) => string;
  /** The spreadsheet's own link, for "open the plan". */
  planUrl: string;
  /** Test mode ("Send all email to"): the address the email was meant for, named at the top of the body. */
  meantFor?: string;
}

export interface ReminderEmail {
  /** One line: line breaks in user text never reach it. */
  subject: string;
  text: string;
  html: string;
  /** The sender name: the organisation's name with the plan's ("Anytown Council Improvement Plan"). */
  senderName: string;
}

/** Longest subject line; mail programs show far less, and a pasted essay in a setting must not make it huge. */
export const MAX_SUBJECT_LENGTH = 200;
/** How much of an Action's text a line shows: enough to recognise it, the row link has the rest. */
export const MAX_ACTION_LENGTH = 120;

export function renderReminder(reminder: PlannedReminder, ctx: ReminderEmailContext): ReminderEmail {
  const view = viewOf(reminder, ctx);
  // In test mode every email lands in one inbox: the subject says whose it would have been.
  const testFor = ctx.meantFor ? `[Test for ${oneLine(ctx.meantFor)}] ` : '';
  const subject = shorten(testFor + oneLine(subjectOf(reminder, ctx.settings)), MAX_SUBJECT_LENGTH);
  return { subject, text: textOf(view), html: htmlOf(view, subject), senderName: senderName(ctx.settings) };
}

/** The sender name every email of the plan goes out under. */
export function senderName(settings: Settings): string {
  const organisation = oneLine(settings.organisationName);
  return organisation ? `${organisation} Improvement Plan` : planTitle(settings);
}

/** The email's content once, for the text and HTML bodies to lay out alike. */
interface EmailView {
  testNote?: string;
  greeting: string;
  intro: string[];
  sections: { heading: string; colour: string; items: EmailItem[] }[];
  planUrl: string;
  /** Says how many actions were left off the list, when any were. */
  more?: string;
  why: string;
}

interface EmailItem {
  code: string;
  action: string;
  /** "target 24 March 2010", "16 days overdue", the status, "no update since …". */
  facts: string[];
  row: number;
  url: string;
}

function viewOf(reminder: PlannedReminder, ctx: ReminderEmailContext): EmailView {
  const { settings } = ctx;
  const title = planTitle(settings);
  const item = (line: ReminderLine): EmailItem => ({
    code: oneLine(line.code),
    action: shorten(oneLine(line.action), MAX_ACTION_LENGTH),
    facts: factsOf(line, reminder.kind === 'escalation'),
    row: line.row,
    url: ctx.rowUrl(line.row),
  });
  const section = (heading: string, colour: string, lines: ReminderLine[]) =>
    lines.length ? [{ heading, colour, items: lines.map(item) }] : [];
  const only = (s: ReminderLine['section']) => reminder.lines.filter((l) => l.section === s);
  const total = reminder.lines.length + reminder.unlisted;
  const admins = settings.administratorEmail ? ` (${settings.administratorEmail})` : '';
  const stop = `To stop these emails or change the address, contact the plan’s administrators${admins}.`;
  const names = reminder.names.map(oneLine);
  const common = {
    ...(ctx.meantFor ? { testNote: `Test mode: this email was meant for ${ctx.meantFor}.` } : {}),
    greeting: names.length ? `Dear ${joinNames(names)},` : 'Hello,',
    planUrl: ctx.planUrl,
    ...(reminder.unlisted
      ? {
          more: `…and ${plural(reminder.unlisted, 'more action')} not listed here, to keep this email short: open the plan to see them all.`,
        }
      : {}),
  };
  const leadsWhy = `You get this email because the People sheet of the ${title} gives this address for ${
    names.length ? joinNames(names) : 'a lead of these actions'
  }. ${stop}`;

  if (reminder.kind === 'digest') {
    return {
      ...common,
      intro: [
        `This is your weekly summary of the ${title} actions you lead that are overdue, due in the next ${plural(settings.dueSoonWindowDays, 'day')} or with no update for ${plural(settings.staleAfterDays, 'day')}.`,
        'Please bring each one up to date in the plan: its Status, Progress and Latest update.',
      ],
      sections: [
        ...section('Overdue', RAG_COLOURS.Overdue.background, only('overdue')),
        ...section(
          `Due in the next ${plural(settings.dueSoonWindowDays, 'day')}`,
          RAG_COLOURS['Due soon'].background,
          only('dueSoon'),
        ),
        ...section(
          `No update for ${plural(settings.staleAfterDays, 'day')}`,
          RAG_COLOURS.Deferred.background,
          only('stale'),
        ),
      ],
      why: leadsWhy,
    };
  }
  if (reminder.kind === 'nudge') {
    const [first] = reminder.lines;
    return {
      ...common,
      intro: [
        total === 1
          ? `${oneLine(first.code)}, an action you lead in the ${title}, is ${dueWhen(first)}.`
          : `${total} actions you lead in the ${title} are due soon.`,
        'If the work is on track, there is nothing to do. If it will be late, record a Revised target date and a Revision reason in the plan.',
      ],
      sections: section('Due soon', RAG_COLOURS['Due soon'].background, only('nudge')),
      why: leadsWhy,
    };
  }
  const days = plural(settings.escalateAfterDaysOverdue, 'day');
  const one = total === 1;
  return {
    ...common,
    intro: [
      one
        ? `This action in the ${title} is overdue by ${days} or more.`
        : `These ${total} actions in the ${title} are overdue by ${days} or more.`,
      one
        ? 'Please follow it up with the lead named against it.'
        : 'Please follow them up with the leads named against each one.',
    ],
    sections: section(`Overdue by ${days} or more`, RAG_COLOURS.Overdue.background, only('escalation')),
    why: `You get this email because the People sheet of the ${title} gives this address as the Manager email of the leads named above. ${stop}`,
  };
}

function factsOf(line: ReminderLine, escalation: boolean): string[] {
  const facts: string[] = [];
  // A manager chases people: whose action it is comes first.
  if (escalation && line.leads.length) {
    facts.push(`${line.leads.length === 1 ? 'lead' : 'leads'}: ${joinNames(line.leads.map(oneLine))}`);
  }
  if (line.effectiveTargetDate) facts.push(`target ${formatLongDate(line.effectiveTargetDate)}`);
  if (line.daysOverdue > 0) facts.push(`${plural(line.daysOverdue, 'day')} overdue`);
  else if (line.daysUntilDue !== undefined) facts.push(dueWhen(line));
  if (oneLine(line.status)) facts.push(`status: ${oneLine(line.status)}`);
  if (line.stale) {
    facts.push(
      line.lastUpdated ? `no update since ${formatLongDate(line.lastUpdated)}` : 'no update recorded',
    );
  }
  return facts;
}

function dueWhen(line: ReminderLine): string {
  const days = line.daysUntilDue ?? 0;
  return days === 0 ? 'due today' : `due in ${plural(days, 'day')}`;
}

function subjectOf(reminder: PlannedReminder, settings: Settings): string {
  const count = (section: ReminderLine['section']) => reminder.counts[section] ?? 0;
  if (reminder.kind === 'digest') {
    const parts = [
      [count('overdue'), 'overdue'],
      [count('dueSoon'), 'due soon'],
      [count('stale'), 'without an update'],
    ]
      .filter(([n]) => n)
      .map(([n, what]) => `${n} ${what}`);
    return `${planTitle(settings)}: ${parts.join(', ')} – week of ${formatLongDate(reminder.period)}`;
  }
  if (reminder.kind === 'nudge') {
    const [first] = reminder.lines;
    return count('nudge') === 1 && first.effectiveTargetDate
      ? `Reminder: ${first.code} is due on ${formatLongDate(first.effectiveTargetDate)}`
      : `Reminder: ${plural(count('nudge'), 'action')} due soon`;
  }
  const n = count('escalation');
  return `Escalation: ${n} improvement ${n === 1 ? 'action' : 'actions'} overdue by ${plural(settings.escalateAfterDaysOverdue, 'day')} or more`;
}

function textOf(view: EmailView): string {
  const out: string[] = [];
  if (view.testNote) out.push(view.testNote, '');
  out.push(view.greeting, '', ...view.intro.flatMap((p) => [p, '']));
  for (const s of view.sections) {
    out.push(s.heading, '-'.repeat(s.heading.length));
    for (const item of s.items) {
      out.push(
        `* ${item.code}: ${item.action}`,
        `  ${item.facts.join(' · ')}`,
        `  Row ${item.row}: ${item.url}`,
      );
    }
    out.push('');
  }
  if (view.more) out.push(view.more, '');
  out.push(`Open the plan: ${view.planUrl}`, '', view.why);
  return `${out.join('\n')}\n`;
}

const CELL = 'padding:6px 8px;border-bottom:1px solid #dadce0;text-align:left;vertical-align:top;';

function htmlOf(view: EmailView, subject: string): string {
  const p = (text: string, style = 'margin:0 0 12px;') => `<p style="${style}">${escapeHtml(text)}</p>`;
  const parts: string[] = [];
  if (view.testNote) {
    parts.push(p(view.testNote, 'margin:0 0 16px;padding:8px;background:#fff2cc;border:1px solid #f1c232;'));
  }
  parts.push(p(view.greeting), ...view.intro.map((t) => p(t)));
  for (const s of view.sections) {
    parts.push(
      `<h2 style="margin:20px 0 8px;padding:4px 8px;font-size:16px;border-left:6px solid ${s.colour};">${escapeHtml(s.heading)}</h2>`,
      `<table style="border-collapse:collapse;width:100%;font-size:14px;">`,
      `<tr><th style="${CELL}">Code</th><th style="${CELL}">Action</th><th style="${CELL}">Details</th></tr>`,
      ...s.items.map(
        (item) =>
          `<tr><td style="${CELL}white-space:nowrap;">${link(item.url, item.code)}</td>` +
          `<td style="${CELL}">${escapeHtml(item.action)}</td>` +
          `<td style="${CELL}">${item.facts.map(escapeHtml).join('<br>')}</td></tr>`,
      ),
      '</table>',
    );
  }
  if (view.more) parts.push(p(view.more, 'margin:16px 0 0;'));
  parts.push(
    `<p style="margin:20px 0 12px;">Open the plan: ${link(view.planUrl, view.planUrl)}</p>`,
    p(view.why, 'margin:0;color:#5f6368;font-size:12px;'),
  );
  return [
    '<!DOCTYPE html>',
    '<html lang="en-GB">',
    `<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.4;color:#202124;">',
    ...parts,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** A link only to a web address: anything else (a script: URL) is shown as text, never followed. */
function link(url: string, text: string): string {
  return /^https?:\/\//i.test(url)
    ? `<a href="${escapeHtml(url)}" style="color:#1155cc;">${escapeHtml(text)}</a>`
    : escapeHtml(text);
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** User text on one line: line breaks and runs of spaces become one space. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function planTitle(settings: Settings): string {
  return oneLine(settings.planTitle) || DEFAULT_SETTINGS.planTitle;
}

/** "A", "A and B", "A, B and C". */
function joinNames(names: readonly string[]): string {
  return names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
