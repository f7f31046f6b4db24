// Preview reminders: a dialog listing, per recipient, what the reminder runs would send now. Sends and writes nothing.
import { DIALOG_HEAD } from './dialogHead';
import { formatLongDate } from '../domain/dates';
import type { ReminderKind } from '../domain/reminders';
import type { Services } from '../gas/ports';
import { plannedNow } from '../jobs/sendReminders';

export const REMINDERS_DIALOG_TITLE = 'Reminders that would be sent now';

const KIND_WORDS: Record<ReminderKind, string> = {
  digest: 'Weekly digest',
  escalation: 'Escalation to a manager',
  nudge: 'Before-due reminder',
};

export interface ReminderPreview {
  html: string;
  today: string;
  recipients: { recipient: string; names: string[]; emails: { kind: ReminderKind; actions: string[] }[] }[];
  alreadySent: number;
  problems: string[];
  /** Test mode: every email would go to these instead. */
  redirectedTo: string[];
}

/** Reads the plan and the Reminder log once each; takes no lock, as it changes nothing. */
export function showReminderPreview(services: Services): ReminderPreview {
  const planned = plannedNow(services);
  const byRecipient = new Map<string, ReminderPreview['recipients'][number]>();
  for (const r of planned.reminders) {
    const key = r.recipient.toLowerCase();
    const entry = byRecipient.get(key) ?? { recipient: r.recipient, names: r.names, emails: [] };
    entry.emails.push({ kind: r.kind, actions: r.lines.map((l) => l.code) });
    byRecipient.set(key, entry);
  }
  const recipients = [...byRecipient.values()].sort((a, b) => a.recipient.localeCompare(b.recipient));
  const view = {
    today: formatLongDate(planned.today),
    recipients: recipients.map((r) => ({
      recipient: r.recipient,
      names: r.names.join(', '),
      emails: r.emails.map((e) => ({ kind: KIND_WORDS[e.kind], actions: e.actions.join(', ') })),
    })),
    alreadySent: planned.alreadySent,
    problems: planned.problems,
    redirectedTo: planned.redirectedTo.join(', '),
  };
  const template = services.createHtmlTemplate(DIALOG_HTML);
  template.view = view;
  const output = template.evaluate().setWidth(720).setHeight(560);
  services.ui().showModalDialog(output, REMINDERS_DIALOG_TITLE);
  return {
    html: output.getContent(),
    today: planned.today,
    recipients,
    alreadySent: planned.alreadySent,
    problems: planned.problems,
    redirectedTo: planned.redirectedTo,
  };
}

// Every value goes through <?= ?>, which escapes it: names, addresses and codes are what people typed.
const DIALOG_HTML = `${DIALOG_HEAD}<p>If the reminder runs went now (<?= view.today ?>), they would send these. Nothing has been sent or recorded.</p>
<? if (view.redirectedTo) { ?>
<p class="problem">Test mode: every email would go to <?= view.redirectedTo ?> instead (Settings › Send all email to).</p>
<? } ?>
<? if (view.recipients.length === 0) { ?>
<p class="note">Nothing is due to anyone now.</p>
<? } else { ?>
<table>
  <tr><th>Recipient</th><th>Who</th><th>Email</th><th>Actions</th></tr>
  <? for (var i = 0; i < view.recipients.length; i++) { var r = view.recipients[i]; ?>
  <? for (var j = 0; j < r.emails.length; j++) { var e = r.emails[j]; ?>
  <tr>
    <td><?= j === 0 ? r.recipient : '' ?></td>
    <td><?= j === 0 ? r.names : '' ?></td>
    <td><?= e.kind ?></td>
    <td><?= e.actions ?></td>
  </tr>
  <? } ?>
  <? } ?>
</table>
<? } ?>
<? if (view.alreadySent) { ?>
<p class="note"><?= view.alreadySent ?> reminder(s) due now were already sent (see the Reminder log) and will not go again.</p>
<? } ?>
<? for (var k = 0; k < view.problems.length; k++) { ?>
<p class="problem"><?= view.problems[k] ?></p>
<? } ?>
</body>
</html>
`;
