// The "Improvement Plan" menu; handler names are checked against the exports of main.ts at compile time.
import type * as Main from '../main';
import type { UiPort } from '../gas/ports';

export const MENU_TITLE = 'Improvement Plan';

/** A menu item's handler must be an exported entry point, so a typo is a compile error, not a dead menu item. */
type EntryPoint = keyof typeof Main;

export const MENU_ITEMS: readonly ({ caption: string; handler: EntryPoint } | 'separator')[] = [
  { caption: 'Update progress…', handler: 'updateProgress' },
  { caption: 'Set up or repair this spreadsheet', handler: 'setUpOrRepairSpreadsheet' },
  { caption: 'Refresh status colours', handler: 'refreshStatusColours' },
  { caption: 'Assign codes to new actions', handler: 'assignCodesToNewActions' },
  { caption: 'Check the plan', handler: 'checkThePlan' },
  'separator',
  { caption: 'Generate committee report…', handler: 'generateCommitteeReport' },
  { caption: 'Start a new update cycle…', handler: 'startNewUpdateCycle' },
  'separator',
  { caption: 'Preview reminders', handler: 'previewReminders' },
  { caption: 'Send reminders now', handler: 'sendRemindersNow' },
  'separator',
  { caption: 'Settings and schedules…', handler: 'settingsAndSchedules' },
];

export function buildMenu(ui: UiPort): void {
  const menu = ui.createMenu(MENU_TITLE);
  for (const item of MENU_ITEMS) {
    if (item === 'separator') menu.addSeparator();
    else menu.addItem(item.caption, item.handler);
  }
  menu.addToUi();
}
