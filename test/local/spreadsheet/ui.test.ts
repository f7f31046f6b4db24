// Pins the Ui: menus recorded as built, alerts and prompts answered from a scripted queue (a missing answer is a
// clear test error), dialogs and sidebars recorded with the HtmlOutput's content, getUi refused without a UI.
import type { RuntimeCore } from '../../../local/runtime/core';
import { LocalRuntimeError } from '../../../local/runtime/spreadsheet';
import { setupApp } from './helpers';

function setup() {
  const env = setupApp();
  env.store.create('Plan');
  return { ...env, ui: env.app.getUi() };
}

describe('menus', () => {
  it('records a menu with items, separators and sub-menus when added to the UI', () => {
    const { app, store, ui, core } = setup();
    const reports = ui.createMenu('Reports').addItem('Committee report', 'buildReport');
    ui.createMenu('Improvement plan')
      .addItem('Check the plan', 'checkPlan')
      .addSeparator()
      .addSubMenu(reports)
      .addToUi();
    expect(store.ui.menus).toEqual([
      {
        name: 'Improvement plan',
        items: [
          { caption: 'Check the plan', functionName: 'checkPlan' },
          { separator: true },
          {
            submenu: {
              name: 'Reports',
              items: [{ caption: 'Committee report', functionName: 'buildReport' }],
            },
          },
        ],
      },
    ]);
    expect(core.callsByMember()['SpreadsheetApp.Menu.addItem']).toBe(2);
    expect(app.getUi()).toBe(ui);
  });
});

describe('alerts and prompts', () => {
  it('returns OK for an OK-only alert without needing an answer', () => {
    const { ui, store } = setup();
    expect(ui.alert('Done: 3 reminders sent')).toBe(ui.Button.OK);
    expect(store.ui.alerts).toEqual([
      { kind: 'alert', title: '', prompt: 'Done: 3 reminders sent', buttons: 'OK', button: 'OK' },
    ]);
  });

  it('takes the scripted answer for an alert with a choice', () => {
    const { ui, store } = setup();
    store.ui.answer({ button: 'NO' }, { button: 'YES' });
    expect(ui.alert('Archive', 'Archive 4 completed actions?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(ui.alert('Archive again?', ui.ButtonSet.YES_NO_CANCEL)).toBe(ui.Button.YES);
    expect(store.ui.pendingAnswers()).toBe(0);
    expect(store.ui.alerts.map((a) => [a.title, a.buttons, a.button])).toEqual([
      ['Archive', 'YES_NO', 'NO'],
      ['', 'YES_NO_CANCEL', 'YES'],
    ]);
  });

  it('throws a clear runtime error when the test scripted no answer', () => {
    const { ui } = setup();
    expect(() => ui.alert('Delete?', ui.ButtonSet.YES_NO)).toThrow(LocalRuntimeError);
    expect(() => ui.alert('Delete?', ui.ButtonSet.YES_NO)).toThrow(
      /scripted no answer: call store\.ui\.answer/,
    );
  });

  it('refuses a scripted button the dialog does not offer (CLOSE is always possible)', () => {
    const { ui, store } = setup();
    store.ui.answer({ button: 'CANCEL' });
    expect(() => ui.alert('Sure?', ui.ButtonSet.YES_NO)).toThrow(/not a button of YES_NO/);
    store.ui.answer({ button: 'CLOSE' });
    expect(ui.alert('Sure?', ui.ButtonSet.YES_NO)).toBe(ui.Button.CLOSE);
  });

  it('answers prompts with the scripted text and button', () => {
    const { ui, store } = setup();
    store.ui.answer({ button: 'OK', text: '2010-03-31' });
    const r = ui.prompt('Snapshot', 'Date of the committee meeting?', ui.ButtonSet.OK_CANCEL);
    expect([r.getResponseText(), r.getSelectedButton()]).toEqual(['2010-03-31', ui.Button.OK]);
    expect(() => ui.prompt('Anything?')).toThrow(LocalRuntimeError);
  });
});

describe('dialogs, sidebars and availability', () => {
  function htmlOutput(core: RuntimeCore, content: string, title: string) {
    return core.expose('HtmlService', 'HtmlOutput', {
      getContent: () => content,
      getTitle: () => title,
      getWidth: () => 400,
      getHeight: () => 300,
    });
  }

  it('records what a dialog shows without counting the reads against the script', () => {
    const { ui, store, core } = setup();
    const out = htmlOutput(core, '<p>Hello</p>', 'Own title');
    ui.showModalDialog(out as never, 'Problems found');
    ui.showSidebar(out as never);
    expect(store.ui.dialogs.map(({ output: _o, ...d }) => d)).toEqual([
      { kind: 'modal', title: 'Problems found', content: '<p>Hello</p>', width: 400, height: 300 },
      { kind: 'sidebar', title: 'Own title', content: '<p>Hello</p>', width: 400, height: 300 },
    ]);
    expect(store.ui.dialogs[0].output).toBe(out);
    expect(core.callsByService().HtmlService).toBeUndefined();
    expect(core.callsByMember()['SpreadsheetApp.Ui.showModalDialog']).toBe(1);
  });

  it('records an output that lacks size getters, and refuses something that is not an HtmlOutput', () => {
    const { ui, store, core } = setup();
    const bare = core.expose('HtmlService', 'HtmlOutput', { getContent: () => '<b>x</b>' });
    ui.showModelessDialog(bare as never, 'Bare');
    expect(store.ui.dialogs[0]).toMatchObject({
      kind: 'modeless',
      title: 'Bare',
      content: '<b>x</b>',
      width: null,
    });
    expect(() => ui.showSidebar('<b>x</b>' as never)).toThrow(
      "The parameters (String) don't match the method signature for Ui.showSidebar.",
    );
  });

  it('refuses getUi in an execution without a user interface, with the service message', () => {
    const { app, store } = setup();
    store.setUiAvailable(false);
    expect(() => app.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
  });
});
