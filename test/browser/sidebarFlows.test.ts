// The Update progress sidebar in Chromium, beyond one save: Previous / Next through the officer's own actions, a row
// changed by someone else while the form was open, a Code edited away, and markup typed as text staying text.
import type { Page } from 'playwright-core';
import type { SaveResult } from '../../src/ui/sidebarTypes';
import { focusedId, formValues, settled, type SidebarSession, useSidebars } from './harness';
import { OFFICER, officerPlan, ROW } from './plan';
import { a1, cell, dayOf } from './sheet';

const sidebars = useSidebars();
let s: SidebarSession;

const open = async (select: string, data = officerPlan()) => {
  s = await sidebars.open(data, { user: OFFICER, select });
  return s.page;
};

const text = (page: Page, selector: string) => page.locator(selector).innerText();
const lastSave = () => {
  const call = s.calls.filter((c) => c.name === 'saveProgress').pop();
  if (!call || !('value' in call.reply)) throw new Error('no saveProgress answered');
  return call.reply.value as SaveResult;
};

/** The "changed underneath" table's rows, cell by cell. */
const changedRows = (page: Page) =>
  page
    .locator('#changed-rows tr')
    .evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((c) => (c as HTMLElement).innerText)));

async function press(page: Page, id: 'previous' | 'next' | 'save' | 'reload'): Promise<void> {
  await page.click(`#${id}`);
  await settled(page);
}

/** Another person (an administrator at the sheet) types into a cell of the row while the sidebar is open. */
function editedBySomeoneElse(row: number, header: string, value: unknown): void {
  s.bundle.userEdit('Actions', a1(s, row, header), [[value]], { user: s.runtime.owner });
}

describe('Previous and Next', () => {
  it("move through the officer's own actions, overdue first, and stop at each end", async () => {
    const page = await open(`Actions!C${ROW.CEA3}`);
    // The server's order: CEA2 overdue, CEA3 due soon, CEA1 on track; CEA4 is someone else's.
    expect(s.state.mine.map((m) => m.code)).toEqual(['CEA2', 'CEA3', 'CEA1']);
    expect(await text(page, '#action-code')).toBe('CEA3');
    expect(await text(page, '#position')).toBe('2 of your 3 actions');

    await press(page, 'next');
    expect(await text(page, '#action-code')).toBe('CEA1');
    expect(await text(page, '#action-rag')).toBe('On track');
    expect(await formValues(page)).toMatchObject({ progress: '40' });
    expect(await text(page, '#position')).toBe('3 of your 3 actions');
    expect(await page.locator('#next').isDisabled()).toBe(true);
    // The pressed button is now disabled: focus goes to the action's heading, not lost to the page.
    expect(await focusedId(page)).toBe('action-heading');

    await press(page, 'previous');
    await press(page, 'previous');
    expect(await text(page, '#action-code')).toBe('CEA2');
    expect(await text(page, '#action-rag')).toBe('Overdue');
    expect(await text(page, '#position')).toBe('1 of your 3 actions');
    expect(await page.locator('#previous').isDisabled()).toBe(true);
    expect(await page.locator('#next').isEnabled()).toBe(true);
    const asked = s.calls.filter((c) => c.name === 'sidebarState').map((c) => c.args[0]);
    expect(asked).toEqual(['CEA1', 'CEA3', 'CEA2']);
  });

  it('hold back once when the form has unsaved changes, and go on the second press', async () => {
    const page = await open(`Actions!A${ROW.CEA1}`);
    await page.fill('#latestUpdate', 'Half written');
    await press(page, 'previous');
    expect(await text(page, '#action-code')).toBe('CEA1');
    expect(await text(page, '#problems')).toMatch(/not saved/);
    expect(await formValues(page)).toMatchObject({ latestUpdate: 'Half written' });

    await press(page, 'previous');
    expect(await text(page, '#action-code')).toBe('CEA3');
    expect(await text(page, '#problems')).toBe('');
    expect(cell(s, ROW.CEA1, 'Latest update')).toBe('Log template agreed with service leads.');
  });

  it("start from the officer's first action when the selected one is someone else's", async () => {
    const page = await open(`Actions!A${ROW.CEA4}`);
    expect(await text(page, '#action-code')).toBe('CEA4');
    expect(await text(page, '#position')).toMatch(/not one/);
    expect(await page.locator('#previous').isDisabled()).toBe(true);
    await press(page, 'next');
    expect(await text(page, '#action-code')).toBe('CEA2');
  });
});

describe('a selection that is not an action', () => {
  it('shows why, with no form, and Next opens the officer’s first action', async () => {
    const page = await open('Actions!B1');
    expect(s.state.action).toBeUndefined();
    expect(await text(page, '#notice')).toBe(s.state.message);
    expect(s.state.message).toMatch(/header row/);
    expect(await page.locator('#progress-form').isHidden()).toBe(true);
    expect(await page.locator('#action').isHidden()).toBe(true);
    expect(await text(page, '#position')).toMatch(/Next opens the first/);

    await press(page, 'next');
    expect(await text(page, '#action-code')).toBe('CEA2');
    expect(await page.locator('#progress-form').isVisible()).toBe(true);
    expect(await text(page, '#notice')).toBe('');
  });
});

describe('a row changed underneath the open form', () => {
  it('saves nothing, shows what changed, and reloads the current values keeping the officer’s own', async () => {
    const page = await open(`Actions!A${ROW.CEA1}`);
    await page.fill('#latestUpdate', 'Log in use by all service teams.');
    editedBySomeoneElse(ROW.CEA1, 'Progress', 80);
    await press(page, 'save');

    expect(lastSave().outcome).toBe('changed');
    const panel = page.locator('#changed');
    expect(await panel.isVisible()).toBe(true);
    expect(await focusedId(page)).toBe('changed');
    expect(await page.locator('#changed th[scope="col"]').allInnerTexts()).toEqual([
      'Field',
      'Theirs now',
      'Yours',
    ]);
    expect(await changedRows(page)).toEqual([['Progress', '80', '(not changed)']]);
    // Nothing the other person wrote was overwritten, and nothing of the officer's was written.
    expect(cell(s, ROW.CEA1, 'Progress')).toBe(80);
    expect(cell(s, ROW.CEA1, 'Latest update')).toBe('Log template agreed with service leads.');
    expect(await formValues(page)).toMatchObject({
      progress: '40',
      latestUpdate: 'Log in use by all service teams.',
    });

    await press(page, 'reload');
    expect(await panel.isHidden()).toBe(true);
    // The other person's Progress is shown; the officer's update, in a field nobody else changed, is kept.
    expect(await formValues(page)).toMatchObject({
      progress: '80',
      latestUpdate: 'Log in use by all service teams.',
    });
    expect(await focusedId(page)).toBe('status');
    expect(await page.locator('.yours:visible').count()).toBe(0);

    await press(page, 'save');
    expect(lastSave().outcome).toBe('saved');
    expect(cell(s, ROW.CEA1, 'Progress')).toBe(80);
    expect(cell(s, ROW.CEA1, 'Latest update')).toBe('Log in use by all service teams.');
  });

  it('keeps the officer’s text beside a field both of them changed, to copy or put back', async () => {
    const page = await open(`Actions!A${ROW.CEA1}`);
    const mine = 'Log in use by all service teams; Cabinet sees the first summary in April.';
    await page.fill('#latestUpdate', mine);
    await page.fill('#progress', '60');
    editedBySomeoneElse(ROW.CEA1, 'Latest update', 'Paused while the case system is replaced.');
    await press(page, 'save');

    expect(lastSave().outcome).toBe('changed');
    expect(await changedRows(page)).toEqual([
      ['Latest update', 'Paused while the case system is replaced.', mine],
    ]);

    await press(page, 'reload');
    // Theirs is in the field; the officer's is in the box beside it, read-only, labelled; their Progress is kept.
    expect(await formValues(page)).toMatchObject({
      progress: '60',
      latestUpdate: 'Paused while the case system is replaced.',
    });
    const box = page.locator('#latestUpdate-yours');
    expect(await box.isVisible()).toBe(true);
    const yours = page.locator('#latestUpdate-yours-text');
    expect(await yours.inputValue()).toBe(mine);
    expect(await yours.getAttribute('readonly')).not.toBeNull();
    expect(await yours.evaluate((el) => (el as HTMLTextAreaElement).labels?.[0]?.innerText)).toBe(
      'Your text',
    );
    expect(await page.locator('.yours:visible').count()).toBe(1);
    expect(await text(page, '#notice')).toMatch(/your text is beside it/);

    await page.click('#latestUpdate-putback');
    expect(await formValues(page)).toMatchObject({ latestUpdate: mine });
    expect(await focusedId(page)).toBe('latestUpdate');
    await press(page, 'save');
    expect(lastSave().outcome).toBe('saved');
    expect(cell(s, ROW.CEA1, 'Latest update')).toBe(mine);
    expect(cell(s, ROW.CEA1, 'Progress')).toBe(60);
    expect(await box.isHidden()).toBe(true);
  });

  it('keeps a revised date both of them changed in the date part of the form', async () => {
    const page = await open(`Actions!A${ROW.CEA1}`);
    await page.check('#dateMustMove');
    await page.fill('#revisedTargetDate', '2010-09-30');
    await page.fill('#revisionReason', 'Case system late.');
    editedBySomeoneElse(ROW.CEA1, 'Revised target date', '31/08/2010');
    editedBySomeoneElse(ROW.CEA1, 'Revision reason', 'Supplier late.');
    await press(page, 'save');
    expect(await changedRows(page)).toEqual([
      ['Revised target date', '31 August 2010', '30 September 2010'],
      ['Revision reason', 'Supplier late.', 'Case system late.'],
    ]);

    await press(page, 'reload');
    // The date part is open, blank (which saves no change of date), with the officer's two values beside it.
    expect(await formValues(page)).toMatchObject({
      dateMustMove: true,
      revisedTargetDate: '',
      revisionReason: '',
    });
    expect(await page.locator('#revisedTargetDate-yours-text').inputValue()).toBe('2010-09-30');
    expect(await page.locator('#revisionReason-yours-text').inputValue()).toBe('Case system late.');
    await page.click('#revisedTargetDate-putback');
    await page.click('#revisionReason-putback');
    await press(page, 'save');
    expect(lastSave().outcome).toBe('saved');
    expect(dayOf(cell(s, ROW.CEA1, 'Revised target date'))).toBe('2010-09-30');
    expect(cell(s, ROW.CEA1, 'Revision reason')).toBe('Case system late.');
  });

  it('says so and saves nothing when the Code was edited away', async () => {
    const page = await open(`Actions!A${ROW.CEA1}`);
    await page.fill('#progress', '55');
    editedBySomeoneElse(ROW.CEA1, 'Code', 'CEA9');
    await press(page, 'save');

    const result = lastSave();
    expect(result.outcome).toBe('missing');
    expect(await page.locator('#notice').isVisible()).toBe(true);
    expect(await text(page, '#notice')).toBe(result.outcome === 'missing' ? result.message : '');
    expect(await text(page, '#notice')).toContain('CEA1');
    expect(await focusedId(page)).toBe('notice');
    expect(cell(s, ROW.CEA1, 'Progress')).toBe(40);
  });
});

describe('a call that fails', () => {
  it('says why, keeps what the officer typed, and the next Save goes through', async () => {
    const page = await open(`Actions!A${ROW.CEA1}`);
    await page.fill('#latestUpdate', 'Log in use by all service teams.');
    s.failNext('saveProgress', 'Service Spreadsheets timed out while accessing document.');
    await press(page, 'save');
    expect(await text(page, '#problems')).toContain(
      'Service Spreadsheets timed out while accessing document.',
    );
    expect(await focusedId(page)).toBe('problems');
    expect(await formValues(page)).toMatchObject({ latestUpdate: 'Log in use by all service teams.' });
    expect(await text(page, '#save')).toBe('Save');
    expect(cell(s, ROW.CEA1, 'Latest update')).toBe('Log template agreed with service leads.');

    await press(page, 'save');
    expect(lastSave().outcome).toBe('saved');
    expect(await text(page, '#problems')).toBe('');
    expect(cell(s, ROW.CEA1, 'Latest update')).toBe('Log in use by all service teams.');
  });

  it('leaves the action shown when Next cannot load the next one', async () => {
    const page = await open(`Actions!A${ROW.CEA3}`);
    s.failNext('sidebarState', 'Exceeded maximum execution time');
    await press(page, 'next');
    expect(await text(page, '#action-code')).toBe('CEA3');
    expect(await text(page, '#problems')).toContain(
      'CEA1 could not be opened: Exceeded maximum execution time',
    );
    expect(await text(page, '#position')).toBe('2 of your 3 actions');
    await press(page, 'next');
    expect(await text(page, '#action-code')).toBe('CEA1');
  });
});

describe('markup typed into Latest update', () => {
  const XSS = '</script><script>alert(1)</script>';

  it('is saved and shown back as text, in this page and when the sidebar is served again', async () => {
    const data = officerPlan();
    const page = await open(`Actions!A${ROW.CEA1}`, data);
    await page.fill('#latestUpdate', XSS);
    await press(page, 'save');
    expect(lastSave().outcome).toBe('saved');
    expect(cell(s, ROW.CEA1, 'Latest update')).toBe(XSS);
    expect(await formValues(page)).toMatchObject({ latestUpdate: XSS });

    // Served again: the text now travels through the template (the state) and must still be text.
    await s.reopen();
    expect(s.state.action?.fields.latestUpdate).toBe(XSS);
    expect(s.html).not.toContain('<script>alert(1)');
    expect(await formValues(page)).toMatchObject({ latestUpdate: XSS });
    expect(await page.locator('script').count()).toBe(1);
    expect(await text(page, '#action-code')).toBe('CEA1'); // the page's own script ran
    expect(s.dialogs).toEqual([]);
  });

  it('in the action text itself is shown as text in the header', async () => {
    const page = await open(`Actions!A${ROW.CEA1}`);
    s.bundle.userEdit('Actions', a1(s, ROW.CEA1, 'Action'), [[XSS]], { user: s.runtime.owner });
    await s.reopen();
    expect(await text(page, '#action-text')).toBe(XSS);
    expect(await page.locator('#action-text *').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
  });
});
