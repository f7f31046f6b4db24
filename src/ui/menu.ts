// The "Improvement Plan" menu; handler names are checked against the exports of main.ts at compile time.
import type * as Main from '../main';
import type { UiPort } from '../gas/ports';

export const MENU_TITLE = 'Improvement Plan';

/** A menu item's handler must be an exported entry point, so a typo is a compile error, not a dead menu item. */
type EntryPoint = keyof typeof Main;

const ITEMS: readonly ({ caption: string; handler: EntryPoint } | 'separator')[] = [
  { caption: 'Refresh status colours', handler: 'refreshStatusColours' },
];

export function buildMenu(ui: UiPort): void {
  const menu = ui.createMenu(MENU_TITLE);
  for (const item of ITEMS) {
    if (item === 'separator') menu.addSeparator();
    else menu.addItem(item.caption, item.handler);
  }
  menu.addToUi();
}
