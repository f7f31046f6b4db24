// The Update progress sidebar follows the selection in the sheet: it asks selectedCode while the page is visible and
// opens the action whose row the officer selects, but never over unsaved edits (a quiet note and a button instead).
import type { Page } from 'playwright-core';
import { focusedId, formValues, settled, type SidebarSession, useSidebars } from './harness';
import { OFFICER, officerPlan, ROW } from './plan';
import { cell } from './sheet';

const sidebars = useSidebars();
let s: SidebarSession;

const open = async (select: string, pollMs?: number) => {
  s = await sidebars.open(officerPlan(), { user: OFFICER, select, pollMs });
  return s.page;
};

const text = (page: Page, selector: string) => page.locator(selector).innerText();
const asked = (name: string) => s.calls.filter((c) => c.name === name);

describe('following the selection', () => {
  it('opens the action whose row the officer selects, and stays put off Actions', async () => {
    const page = await open(`Actions!A${ROW.CEA1}`);
    s.select(`Actions!D${ROW.CEA2}`);
    await s.pollNow();
    expect(await text(page, '#action-code')).toBe('CEA2');
    expect(await text(page, '#action-rag')).toBe('Overdue');
    expect(await formValues(page)).toMatchObject({ progress: '10' });
    expect(await text(page, '#position')).toBe('1 of your 3 actions');
    expect(asked('sidebarState').map((c) => c.args[0])).toEqual(['CEA2']);

    // Another sheet, the header row: nothing to open, so CEA2 stays (and nothing is loaded).
    for (const a1 of ['People!B2', 'Actions!C1', 'Actions!C40']) {
      s.select(a1);
      await s.pollNow();
      expect(await text(page, '#action-code')).toBe('CEA2');
    }
    expect(asked('selectedCode').map((c) => c.reply)).toEqual(
      ['CEA2', '', '', ''].map((value) => ({ value })),
    );
    expect(asked('sidebarState')).toHaveLength(1);

    // Someone else's action is opened too (it is the row selected).
    s.select(`Actions!B${ROW.CEA4}`);
    await s.pollNow();
    expect(await text(page, '#action-code')).toBe('CEA4');
    expect(await page.locator('#follow').isHidden()).toBe(true);
  });

  it('is not pulled back to the selected row after Next', async () => {
    const page = await open(`Actions!A${ROW.CEA3}`);
    await page.click('#next');
    await settled(page);
    expect(await text(page, '#action-code')).toBe('CEA1');
    await s.pollNow(); // the selection is still on CEA3's row: it has not moved
    expect(await text(page, '#action-code')).toBe('CEA1');
    s.select(`Actions!A${ROW.CEA3}`);
    await s.pollNow(); // still the same row: nothing moved
    expect(await text(page, '#action-code')).toBe('CEA1');
    s.select(`Actions!A${ROW.CEA2}`);
    await s.pollNow();
    expect(await text(page, '#action-code')).toBe('CEA2');
  });

  it('does not follow over unsaved changes: a quiet note, and its button discards them and opens the row', async () => {
    const page = await open(`Actions!A${ROW.CEA1}`);
    await page.fill('#latestUpdate', 'Half written');
    await page.locator('#latestUpdate').focus();
    s.select(`Actions!A${ROW.CEA2}`);
    await s.pollNow();

    expect(await text(page, '#action-code')).toBe('CEA1');
    expect(await formValues(page)).toMatchObject({ latestUpdate: 'Half written' });
    expect(await page.locator('#follow').isVisible()).toBe(true);
    expect(await text(page, '#follow-text')).toBe('You selected CEA2 — save or discard to open it.');
    expect(await page.locator('#follow').getAttribute('role')).toBe('status');
    expect(await focusedId(page)).toBe('latestUpdate'); // the officer's typing is not interrupted
    expect(asked('sidebarState')).toHaveLength(0);
    await s.pollNow(); // asked again: still held
    expect(await text(page, '#action-code')).toBe('CEA1');

    await page.click('#follow-open');
    await settled(page);
    expect(await text(page, '#action-code')).toBe('CEA2');
    expect(await page.locator('#follow').isHidden()).toBe(true);
    expect(await focusedId(page)).toBe('action-heading');
    expect(cell(s, ROW.CEA1, 'Latest update')).toBe('Log template agreed with service leads.');
  });

  it('opens the selected row once the officer saves, saying what was saved', async () => {
    const page = await open(`Actions!A${ROW.CEA1}`);
    await page.fill('#latestUpdate', 'Log in use by all service teams.');
    s.select(`Actions!A${ROW.CEA3}`);
    await s.pollNow();
    expect(await page.locator('#follow').isVisible()).toBe(true);

    await page.click('#save');
    await page.waitForFunction(() => document.getElementById('action-code')?.textContent === 'CEA3');
    await settled(page);
    expect(cell(s, ROW.CEA1, 'Latest update')).toBe('Log in use by all service teams.');
    expect(await text(page, '#notice')).toMatch(/^Saved CEA1.* Now showing CEA3, the row you selected\.$/);
    expect(await page.locator('#follow').isHidden()).toBe(true);
  });

  it('forgets a held selection when the officer goes back to the row shown', async () => {
    const page = await open(`Actions!A${ROW.CEA1}`);
    await page.fill('#progress', '45');
    s.select(`Actions!A${ROW.CEA2}`);
    await s.pollNow();
    expect(await page.locator('#follow').isVisible()).toBe(true);
    s.select(`Actions!A${ROW.CEA1}`);
    await s.pollNow();
    expect(await page.locator('#follow').isHidden()).toBe(true);
    expect(await formValues(page)).toMatchObject({ progress: '45' });
  });

  it('asks on its own every few ms the page sets, only while the page is visible', async () => {
    const page = await open(`Actions!A${ROW.CEA1}`, 50);
    s.select(`Actions!A${ROW.CEA3}`);
    await page.waitForFunction(() => document.getElementById('action-code')?.textContent === 'CEA3');
    await settled(page);

    // Hidden (another tab, the window minimised): no questions at all.
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await page.waitForTimeout(150); // the last question out has its answer
    const before = asked('selectedCode').length;
    s.select(`Actions!A${ROW.CEA2}`);
    await page.waitForTimeout(400);
    expect(asked('selectedCode')).toHaveLength(before);
    expect(await text(page, '#action-code')).toBe('CEA3');

    // Visible again: it looks at once and follows.
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await page.waitForFunction(() => document.getElementById('action-code')?.textContent === 'CEA2');
    expect(asked('selectedCode').length).toBeGreaterThan(before);
  });
});
