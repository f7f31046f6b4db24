// The Update progress sidebar in Chromium: it shows the selected action, saves what the officer types (the sheet
// changes), refuses bad input before saving with the server's own messages, works from the keyboard alone, and a
// screenshot of the filled sidebar goes to out/sidebar.png.
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { FieldError, SaveResult } from '../../src/ui/sidebarTypes';
import { focusedId, formValues, settled, SIDEBAR_WIDTH, type SidebarSession, useSidebars } from './harness';
import { londonMidnight } from '../builders/plan';
import { OFFICER, officerPlan, ROW } from './plan';
import { cell, dayOf } from './sheet';

const sidebars = useSidebars();
let s: SidebarSession;

const open = async (select = `Actions!A${ROW.CEA1}`, data = officerPlan()) => {
  s = await sidebars.open(data, { user: OFFICER, select });
  return s.page;
};

const text = (page: Page, selector: string) => page.locator(selector).innerText();
const saves = () => s.calls.filter((c) => c.name === 'saveProgress');

async function save(page: Page): Promise<void> {
  await page.click('#save');
  await settled(page);
}

describe('the sidebar for the selected action', () => {
  it('shows its code, action, lead, target date and RAG, and its fields as the sheet holds them', async () => {
    const page = await open();
    expect(await text(page, '#action-code')).toBe('CEA1');
    expect(await text(page, '#action-text')).toBe('Record every consultation response in one log');
    expect(await text(page, '#action-lead')).toBe(s.state.action?.lead);
    expect(await text(page, '#action-target')).toBe('30 June 2010');
    const rag = page.locator('#action-rag');
    expect(await rag.innerText()).toBe('On track');
    expect(await rag.getAttribute('data-rag')).toBe('On track');
    // Coloured as the row is in the sheet (RAG_COLOURS' On track green), not left plain.
    expect(await rag.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(182, 215, 168)');
    expect(await formValues(page)).toEqual({
      status: 'In progress',
      progress: '40',
      latestUpdate: 'Log template agreed with service leads.',
      revisedTargetDate: '',
      revisionReason: '',
      dateMustMove: false,
    });
    expect(await page.locator('#status option').allInnerTexts()).toEqual(s.state.statuses);
    expect(await page.locator('#revision').isHidden()).toBe(true);
    expect(await page.locator('#revisedTargetDate').getAttribute('min')).toBe('2010-03-10');
  });

  it('labels every field', async () => {
    const page = await open();
    const unlabelled = await page.evaluate(() =>
      Array.from(document.querySelectorAll('input, select, textarea'))
        .filter((el) => (el as HTMLInputElement).labels?.length !== 1)
        .map((el) => el.id),
    );
    expect(unlabelled).toEqual([]);
    for (const [id, label] of [
      ['status', 'Status'],
      ['progress', 'Progress (%)'],
      ['latestUpdate', 'Latest update'],
      ['dateMustMove', 'The target date must move'],
      ['revisedTargetDate', 'Revised target date'],
      ['revisionReason', 'Revision reason'],
    ]) {
      expect(await page.getByLabel(label, { exact: true }).getAttribute('id')).toBe(id);
    }
  });
});

describe('saving', () => {
  it('writes what the officer typed to the row and says so', async () => {
    const page = await open();
    await page.fill('#progress', '60');
    await page.fill('#latestUpdate', 'Log in use by all service teams.');
    await save(page);

    expect(await text(page, '#saved')).not.toBe('');
    expect(saves()).toHaveLength(1);
    expect((saves()[0].reply as { value: SaveResult }).value.outcome).toBe('saved');
    expect(cell(s, ROW.CEA1, 'Progress')).toBe(60);
    expect(cell(s, ROW.CEA1, 'Latest update')).toBe('Log in use by all service teams.');
    expect(cell(s, ROW.CEA1, 'Status')).toBe('In progress');
    // The form now holds what was saved, under the row's new version: saving again changes nothing.
    expect(await formValues(page)).toMatchObject({
      progress: '60',
      latestUpdate: 'Log in use by all service teams.',
    });
    await page.fill('#progress', '65');
    await save(page);
    expect((saves()[1].reply as { value: SaveResult }).value.outcome).toBe('saved');
    expect(cell(s, ROW.CEA1, 'Progress')).toBe(65);
  });

  it('moves the target date with its reason, and shows the new date and RAG at once', async () => {
    const page = await open(`Actions!A${ROW.CEA2}`);
    expect(await text(page, '#action-rag')).toBe('Overdue');
    await page.check('#dateMustMove');
    expect(await page.locator('#revision').isVisible()).toBe(true);
    await page.fill('#revisedTargetDate', '2010-03-15');
    await page.fill('#revisionReason', 'Waiting for the new case system.');
    await save(page);

    expect(await text(page, '#saved')).not.toBe('');
    expect(dayOf(cell(s, ROW.CEA2, 'Revised target date'))).toBe('2010-03-15');
    expect(cell(s, ROW.CEA2, 'Revision reason')).toBe('Waiting for the new case system.');
    expect(await text(page, '#action-target')).toBe('15 March 2010');
    // Five days away: due soon (it was overdue), worked out from the saved values before any refresh runs.
    expect(await text(page, '#action-rag')).toBe('Due soon');
    expect(await page.locator('#action-rag').getAttribute('data-rag')).toBe('Due soon');
    // Saved, the revision is the action's own: the box is clear again and the reason is shown beside it.
    expect(await formValues(page)).toMatchObject({ dateMustMove: false, revisedTargetDate: '' });
    expect(await text(page, '#dateMustMove-hint')).toContain('Waiting for the new case system.');
  });

  describe('an action whose date was moved before (CEA1: to 31 July 2010, "Supplier late")', () => {
    const revised = () =>
      officerPlan({
        'Revised target date': londonMidnight('2010-07-31'),
        'Revision reason': 'Supplier late',
      });

    it('keeps the revision when the box is ticked but the date and reason are left blank', async () => {
      const page = await open(`Actions!A${ROW.CEA1}`, revised());
      expect(await text(page, '#action-target')).toBe('31 July 2010');
      await page.check('#dateMustMove');
      expect(await formValues(page)).toMatchObject({ revisedTargetDate: '', revisionReason: '' });
      await page.fill('#latestUpdate', 'Supplier now delivering.');
      await save(page);

      const result = (saves()[0].reply as { value: SaveResult }).value;
      expect(result.outcome).toBe('saved');
      // Only the update went: the blank boxes were no change of date, not a revision cleared.
      const sent = saves()[0].args[0] as { fields: Record<string, string> };
      expect(sent.fields).toMatchObject({ revisedTargetDate: '2010-07-31', revisionReason: 'Supplier late' });
      expect(cell(s, ROW.CEA1, 'Latest update')).toBe('Supplier now delivering.');
      expect(dayOf(cell(s, ROW.CEA1, 'Revised target date'))).toBe('2010-07-31');
      expect(cell(s, ROW.CEA1, 'Revision reason')).toBe('Supplier late');
      expect(await text(page, '#action-target')).toBe('31 July 2010');
    });

    it('asks for both when only one of them is filled in, and saves nothing', async () => {
      const page = await open(`Actions!A${ROW.CEA1}`, revised());
      const before = s.values('Actions')?.map((r) => [...r]);
      await page.check('#dateMustMove');
      await page.fill('#revisionReason', 'Supplier later still');
      await save(page);
      expect(await page.locator('#revisedTargetDate').getAttribute('aria-invalid')).toBe('true');
      expect(await text(page, '#revisedTargetDate-error')).toMatch(/revised target date/i);
      expect(saves()).toHaveLength(0);
      expect(s.values('Actions')).toEqual(before);
    });
  });

  it('changes the Status with a Latest update', async () => {
    const page = await open();
    await page.selectOption('#status', 'Complete');
    await page.fill('#progress', '100');
    await page.fill('#latestUpdate', 'Every team now records responses in the log.');
    await save(page);
    expect(await text(page, '#saved')).not.toBe('');
    expect(cell(s, ROW.CEA1, 'Status')).toBe('Complete');
    expect(cell(s, ROW.CEA1, 'Progress')).toBe(100);
    expect(await text(page, '#action-rag')).toBe('Complete');
  });
});

describe('bad input is refused in the browser with the messages the server gives', () => {
  const cases: {
    name: string;
    fill: (page: Page) => Promise<void>;
    field: FieldError['field'];
    says: RegExp;
  }[] = [
    {
      name: 'Progress "abc"',
      fill: (page) => page.fill('#progress', 'abc'),
      field: 'progress',
      says: /Progress "abc"/,
    },
    {
      name: 'a revised target date earlier than today',
      fill: async (page) => {
        await page.check('#dateMustMove');
        await page.fill('#revisedTargetDate', '2010-03-01');
        await page.fill('#revisionReason', 'Waiting for the new case system.');
      },
      field: 'revisedTargetDate',
      says: /earlier than today/,
    },
    {
      name: 'a revised target date without its reason',
      fill: async (page) => {
        await page.check('#dateMustMove');
        await page.fill('#revisedTargetDate', '2010-09-30');
      },
      field: 'revisionReason',
      says: /Revision reason/,
    },
    {
      name: 'a Status change with no new Latest update',
      fill: (page) => page.selectOption('#status', 'Deferred').then(() => undefined),
      field: 'latestUpdate',
      says: /Status changes/,
    },
    {
      name: 'a Latest update of 60,000 characters',
      fill: (page) => page.fill('#latestUpdate', `${'Progress made. '.repeat(4000).slice(0, 59_999)}.`),
      field: 'latestUpdate',
      says: /60,000/,
    },
  ];

  it.each(cases)('$name', async ({ fill, field, says }) => {
    const page = await open();
    const before = s.values('Actions')?.map((r) => [...r]);
    await fill(page);
    const typed = await formValues(page);
    await save(page);

    // Beside the field: its message, aria-invalid, and the message in the field's description.
    const control = page.locator(`#${field}`);
    expect(await control.getAttribute('aria-invalid')).toBe('true');
    expect(await text(page, `#${field}-error`)).toMatch(says);
    expect(await control.evaluate((el) => el.getAttribute('aria-describedby'))).toContain(`${field}-error`);
    // In the alert region, and focus on the first field in error.
    const listed = await page.locator('#problems li').allInnerTexts();
    expect(listed.some((m) => says.test(m))).toBe(true);
    expect(await page.locator('#problems').getAttribute('role')).toBe('alert');
    const firstInvalid = await page.evaluate(() => document.querySelector('[aria-invalid="true"]')?.id);
    expect(await focusedId(page)).toBe(firstInvalid);
    // Nothing went to the server, and nothing changed.
    expect(saves()).toHaveLength(0);
    expect(s.values('Actions')).toEqual(before);

    // The server, handed the same fields, refuses them with the same messages.
    const { dateMustMove: _, ...fields } = typed;
    const server = s.saveDirect(fields);
    expect(server.outcome).toBe('invalid');
    expect(server.outcome === 'invalid' && server.errors.map((e) => e.message)).toEqual(listed);
  });

  it('clears the error once the field is put right, and then saves', async () => {
    const page = await open();
    await page.fill('#progress', 'abc');
    await save(page);
    expect(await page.locator('#progress').getAttribute('aria-invalid')).toBe('true');
    await page.fill('#progress', '45');
    await save(page);
    expect(await page.locator('#progress').getAttribute('aria-invalid')).toBeNull();
    expect(await page.locator('#progress-error').isHidden()).toBe(true);
    expect(await text(page, '#saved')).not.toBe('');
    expect(cell(s, ROW.CEA1, 'Progress')).toBe(45);
  });
});

describe('keyboard only', () => {
  it('tabs through the form in order; Enter in a field does not save; Enter on Save does', async () => {
    const page = await open();
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('status');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('progress');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('70');
    await page.keyboard.press('Enter');
    await settled(page);
    expect(saves()).toHaveLength(0); // half-typed: Enter in a one-line field is not a save
    expect(await text(page, '#problems')).toBe('');

    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('latestUpdate');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('First line.');
    await page.keyboard.press('Enter'); // a new line in the update, not a save
    await page.keyboard.type('Second line.');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('dateMustMove');
    await page.keyboard.press('Space');
    expect(await page.locator('#revision').isVisible()).toBe(true);
    await page.keyboard.press('Space');
    expect(await page.locator('#revision').isHidden()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('save');
    expect(saves()).toHaveLength(0);

    await page.keyboard.press('Enter');
    await settled(page);
    expect(saves()).toHaveLength(1);
    expect(await text(page, '#saved')).not.toBe('');
    expect(cell(s, ROW.CEA1, 'Progress')).toBe(70);
    expect(cell(s, ROW.CEA1, 'Latest update')).toBe('First line.\nSecond line.');
    expect(await focusedId(page)).toBe('save'); // focus stays where the officer was
  });

  it('puts focus on the first field in error when a save is refused', async () => {
    const page = await open();
    await page.locator('#progress').focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('abc');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('ArrowDown'); // a different Status, so the empty Latest update is an error too
    for (const id of ['progress', 'latestUpdate', 'dateMustMove', 'save']) {
      await page.keyboard.press('Tab');
      expect(await focusedId(page)).toBe(id);
    }
    await page.keyboard.press('Enter');
    await settled(page);
    expect(await focusedId(page)).toBe('progress');
    expect(await page.locator('#latestUpdate').getAttribute('aria-invalid')).toBe('true');
    expect(saves()).toHaveLength(0);
  });
});

describe('screenshot', () => {
  it('writes the filled sidebar, 300 px wide, to out/sidebar.png', async () => {
    const page = await open();
    await page.selectOption('#status', 'In progress');
    await page.fill('#progress', '75');
    await page.fill(
      '#latestUpdate',
      'Log in use by all service teams; the first quarterly summary goes to Cabinet in April.',
    );
    await page.check('#dateMustMove');
    await page.fill('#revisedTargetDate', '2010-09-30');
    await page.fill('#revisionReason', 'The case system the log depends on goes live in July.');
    mkdirSync('out', { recursive: true });
    await page.screenshot({ path: 'out/sidebar.png', fullPage: true });
    const png = readFileSync('out/sidebar.png');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(SIDEBAR_WIDTH); // IHDR width
    expect(png.readUInt32BE(20)).toBeGreaterThan(400);
  });
});
