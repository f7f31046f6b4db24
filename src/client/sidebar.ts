// The Update progress sidebar in the browser: shows the state the page was served with, checks the form with the
// server's own rules before saving, saves through google.script.run, and moves through the officer's own actions.
import type { ProgressFields, SaveResult, SidebarState } from '../ui/sidebarTypes';
import { byId, replaceChildren, setText, show, textElement } from './dom';
import { clearErrors, fillForm, FIELD_KEYS, formElements, readForm, sameFields, showErrors } from './form';
import { failureMessage, server } from './server';
import { validateFields } from './validate';

type Direction = 'previous' | 'next';

const els = {
  ...formElements(),
  app: byId('app'),
  notice: byId('notice'),
  action: byId('action'),
  heading: byId('action-heading'),
  code: byId('action-code'),
  rag: byId('action-rag'),
  text: byId('action-text'),
  lead: byId('action-lead'),
  target: byId('action-target'),
  changed: byId('changed'),
  changedRows: byId('changed-rows'),
  reload: byId('reload', HTMLButtonElement),
  previous: byId('previous', HTMLButtonElement),
  next: byId('next', HTMLButtonElement),
  position: byId('position'),
};

let state = JSON.parse(els.app.dataset.state ?? '') as SidebarState;
let busy = false;
/** Set after a Previous/Next press was held back by unsaved changes: the same press again leaves them. */
let leaving: Direction | null = null;

function render(next: SidebarState, keep?: ProgressFields): void {
  state = next;
  leaving = null;
  const a = next.action;
  setText(els.notice, next.message ?? '');
  show(els.action, a !== undefined);
  show(els.form, a !== undefined);
  show(els.changed, false);
  clearErrors(els);
  setText(els.saved, '');
  if (a) {
    setText(els.code, a.code);
    setText(els.rag, a.rag);
    els.rag.dataset.rag = a.rag;
    show(els.rag, a.rag !== '');
    setText(els.text, a.action);
    setText(els.lead, a.lead);
    setText(els.target, a.effectiveTargetDate || 'none (ongoing)');
    fillForm(els, a, next.statuses, keep);
    els.revisedTargetDate.min = next.today;
  }
  renderPosition();
}

/** Where the shown action is among the officer's own, and which way Previous and Next go. */
function neighbours(): { index: number; previous?: string; next?: string } {
  const codes = state.mine.map((m) => m.code);
  const index = state.action ? codes.indexOf(state.action.code) : -1;
  return {
    index,
    previous: index > 0 ? codes[index - 1] : undefined,
    next: index === -1 ? codes[0] : codes[index + 1],
  };
}

function renderPosition(): void {
  const { index, previous, next } = neighbours();
  const total = state.mine.length;
  els.previous.disabled = previous === undefined;
  els.next.disabled = next === undefined;
  let text: string;
  if (total === 0) {
    text = state.user
      ? 'You lead no live actions.'
      : 'Google did not give your email address, so your actions cannot be listed.';
  } else if (index === -1) {
    const yours = `You lead ${total} live action${total === 1 ? '' : 's'}`;
    text = state.action ? `${yours}; this is not one.` : `${yours}: Next opens the first.`;
  } else {
    text = `${index + 1} of your ${total} action${total === 1 ? '' : 's'}`;
  }
  setText(els.position, text);
}

/** Runs one server call with the buttons held (a second click while it runs does nothing). */
async function whileBusy<T>(work: () => Promise<T>): Promise<{ value: T } | { error: unknown }> {
  setBusy(true);
  try {
    return { value: await work() };
  } catch (error) {
    return { error };
  } finally {
    setBusy(false);
  }
}

function setBusy(on: boolean): void {
  busy = on;
  els.app.setAttribute('aria-busy', on ? 'true' : 'false');
  for (const b of [els.save, els.reload]) b.setAttribute('aria-disabled', on ? 'true' : 'false');
  setText(els.save, on ? 'Saving…' : 'Save');
}

/** Focus somewhere sensible when the focused control was hidden or disabled by a render. */
function keepFocus(preferred: HTMLElement): void {
  const active = document.activeElement as HTMLElement | null;
  const lost =
    !active ||
    active === document.body ||
    (active as HTMLButtonElement).disabled ||
    active.closest('[hidden]');
  if (!lost) return;
  const target =
    (preferred as HTMLButtonElement).disabled || preferred.closest('[hidden]') ? els.heading : preferred;
  focus(target.closest('[hidden]') ? els.notice : target);
}

function focus(el: HTMLElement): void {
  if (!el.matches('a, button, input, select, textarea') && !el.hasAttribute('tabindex')) {
    el.setAttribute('tabindex', '-1');
  }
  el.focus();
}

function dirty(): boolean {
  const a = state.action;
  return a !== undefined && !sameFields(readForm(els, a.fields), a.fields);
}

function problem(message: string): void {
  const where = state.action ? els.problems : els.notice;
  if (where === els.problems) replaceChildren(els.problems, [textElement('p', message)]);
  else setText(els.notice, message);
  focus(where);
}

async function save(): Promise<void> {
  const a = state.action;
  if (busy || !a) return;
  setText(els.saved, '');
  show(els.changed, false);
  const fields = readForm(els, a.fields);
  const errors = validateFields(a, fields, state);
  if (errors.length) {
    focus(showErrors(els, errors));
    return;
  }
  clearErrors(els);
  const sent = await whileBusy(() =>
    server.saveProgress({ code: a.code, version: a.version, fields, loaded: a.fields }),
  );
  if ('error' in sent) problem(`Nothing was saved: ${failureMessage(sent.error)} Try Save again.`);
  else handleResult(sent.value);
}

function handleResult(result: SaveResult): void {
  switch (result.outcome) {
    case 'saved':
      render(result.state);
      setText(els.saved, result.message);
      keepFocus(els.save);
      return;
    case 'invalid':
      focus(showErrors(els, result.errors));
      return;
    case 'changed': {
      // The request carried the fields as loaded, so the server's list is the row now against what this form
      // loaded: someone else's changes, not the officer's own edits.
      showChanges(result.changes);
      return;
    }
    case 'missing':
      render(result.state);
      setText(els.notice, result.message);
      focus(els.notice);
      return;
  }
}

/** The "changed underneath" panel: one row per field someone else changed, and focus on it. */
function showChanges(changes: readonly { header: string; was: string; now: string }[]): void {
  const rows = changes.map((c) => {
    const row = document.createElement('tr');
    const header = textElement('th', c.header);
    header.scope = 'row';
    row.append(header, textElement('td', c.was || '(blank)'), textElement('td', c.now || '(blank)'));
    return row;
  });
  replaceChildren(els.changedRows, rows);
  show(els.changed, true);
  focus(els.changed);
}

/**
 * Loads the action as it is now. What the officer changed is kept wherever nobody else changed that field, so a
 * long update typed before the clash is not lost; the rest shows the sheet's values.
 */
async function reload(): Promise<void> {
  const a = state.action;
  if (busy || !a) return;
  const mine = readForm(els, a.fields);
  const loaded = await whileBusy(() => server.sidebarState(a.code));
  if ('error' in loaded) {
    problem(`The current values could not be loaded: ${failureMessage(loaded.error)}`);
    return;
  }
  const next = loaded.value;
  const now = next.action;
  if (!now || now.code !== a.code) {
    render(next);
    focus(els.notice);
    return;
  }
  const kept = { ...now.fields };
  for (const key of FIELD_KEYS) {
    if (mine[key] !== a.fields[key] && now.fields[key] === a.fields[key]) kept[key] = mine[key];
  }
  render(next, kept);
  setText(els.saved, '');
  setText(els.notice, 'These are the current values. Check them, then save again.');
  focus(els.status);
}

async function go(direction: Direction): Promise<void> {
  if (busy) return;
  const code = neighbours()[direction];
  if (code === undefined) return;
  if (dirty() && leaving !== direction) {
    leaving = direction;
    const again = direction === 'next' ? 'Next' : 'Previous';
    replaceChildren(els.problems, [
      textElement('p', `Your changes are not saved. Save them, or press ${again} again to leave them.`),
    ]);
    return;
  }
  const button = els[direction];
  setText(els.position, `Opening ${code}…`);
  const loaded = await whileBusy(() => server.sidebarState(code));
  if ('error' in loaded) {
    renderPosition();
    problem(`${code} could not be opened: ${failureMessage(loaded.error)}`);
    return;
  }
  const next = loaded.value;
  render(next);
  keepFocus(button);
}

els.form.addEventListener('submit', (event) => {
  event.preventDefault();
  void save();
});

// Enter in a one-line field would submit the form half-typed (the browser's implicit submission): Save is a button.
els.form.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement;
  if (event.key === 'Enter' && target instanceof HTMLInputElement) event.preventDefault();
});

els.form.addEventListener('input', () => {
  setText(els.saved, '');
  leaving = null;
});

els.dateMustMove.addEventListener('change', () => {
  show(els.revision, els.dateMustMove.checked);
});

els.reload.addEventListener('click', () => void reload());
els.previous.addEventListener('click', () => void go('previous'));
els.next.addEventListener('click', () => void go('next'));

render(state);
