// The Update progress sidebar in the browser: shows the state the page was served with, checks the form with the
// server's own rules before saving, saves through google.script.run, moves through the officer's own actions, and
// follows the selection in the sheet.
import type { ProgressFields, SaveResult, SidebarState } from '../ui/sidebarTypes';
import { byId, replaceChildren, setText, show, textElement } from './dom';
import { follower } from './follow';
import {
  clearErrors,
  fieldInWords,
  fieldOfHeader,
  fillForm,
  FIELD_KEYS,
  formElements,
  readForm,
  sameFields,
  showErrors,
} from './form';
import { failureMessage, server } from './server';
import { validateFields } from './validate';
import { anyYours, clearYours, showYours, wirePutBack } from './yours';

/** How often an open sidebar looks at the selection. */
const FOLLOW_EVERY_MS = 3000;

/**
 * The browser tests' seam: their page defines window.__sidebarTest before this script runs, to set how often the
 * selection is looked at (0: only when they call pollNow, so the timer never races a test) and to get pollNow.
 * Google's page never defines it.
 */
interface TestHooks {
  pollMs?: number;
  pollNow?: () => Promise<void>;
}

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
  follow: byId('follow'),
  followText: byId('follow-text'),
  followOpen: byId('follow-open', HTMLButtonElement),
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
  clearYours();
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

/**
 * Runs one server call with the buttons held (a second click while it runs does nothing); Save says "Saving…" only
 * while `saving` (a load is not a save).
 */
async function whileBusy<T>(
  work: () => Promise<T>,
  saving = false,
): Promise<{ value: T } | { error: unknown }> {
  setBusy(true, saving);
  try {
    return { value: await work() };
  } catch (error) {
    return { error };
  } finally {
    setBusy(false, false);
  }
}

function setBusy(on: boolean, saving: boolean): void {
  busy = on;
  els.app.setAttribute('aria-busy', on ? 'true' : 'false');
  for (const b of [els.save, els.reload]) b.setAttribute('aria-disabled', on ? 'true' : 'false');
  setText(els.save, saving ? 'Saving…' : 'Save');
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

/** Something of the officer's is not saved: edits, a clash to read, or their text kept beside a field. */
function holding(): boolean {
  return dirty() || !els.changed.hidden || anyYours();
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
  const sent = await whileBusy(
    () => server.saveProgress({ code: a.code, version: a.version, fields, loaded: a.fields }),
    true,
  );
  if ('error' in sent) problem(`Nothing was saved: ${failureMessage(sent.error)} Try Save again.`);
  else handleResult(sent.value);
}

function handleResult(result: SaveResult): void {
  switch (result.outcome) {
    case 'saved': {
      render(result.state);
      setText(els.saved, result.message);
      keepFocus(els.save);
      // The officer was told "save or discard to open" the row they selected: saved, it opens, saying so.
      const selected = follow.pending();
      if (selected !== null) {
        follow.forget();
        void openSelected(selected, `${result.message} Now showing ${selected}, the row you selected.`);
      }
      return;
    }
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

/**
 * The "changed underneath" panel, and focus on it: one row per field someone else changed, with their value now and
 * the officer's own beside it, so both can be read before anything is loaded.
 */
function showChanges(changes: readonly { header: string; was: string; now: string }[]): void {
  const a = state.action;
  const mine = a ? readForm(els, a.fields) : undefined;
  const rows = changes.map((c) => {
    const key = fieldOfHeader(c.header);
    const yours =
      !a || !mine || key === undefined
        ? ''
        : mine[key] === a.fields[key]
          ? '(not changed)'
          : fieldInWords(mine[key]);
    const row = document.createElement('tr');
    const header = textElement('th', c.header);
    header.scope = 'row';
    row.append(header, textElement('td', fieldInWords(c.now)), textElement('td', yours));
    return row;
  });
  replaceChildren(els.changedRows, rows);
  show(els.changed, true);
  focus(els.changed);
}

/**
 * Loads the action as it is now. What the officer changed is kept in the form wherever nobody else changed that
 * field; where both did, the form shows theirs and the officer's text waits in a "Your text" box beside it, so a long
 * update typed before the clash is never lost.
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
  const yours: Partial<ProgressFields> = {};
  for (const key of FIELD_KEYS) {
    if (mine[key] === a.fields[key]) continue;
    if (now.fields[key] === a.fields[key]) kept[key] = mine[key];
    else if (mine[key].trim() !== now.fields[key]) yours[key] = mine[key];
  }
  render(next, kept);
  showYours(els, yours);
  setText(els.saved, '');
  setText(
    els.notice,
    Object.keys(yours).length
      ? 'These are the current values. Where you both changed a field, your text is beside it: put it back or ' +
          'copy what you need, then save again.'
      : 'These are the current values. Check them, then save again.',
  );
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
  follow.forget();
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

/**
 * Opens the selected action `code` (the selection moved to it). `saying` goes in the notice; without it the notice
 * shows the state's own message. Focus is left alone (the officer is in the sheet) unless the render hid it.
 * `discarding`: the officer asked for it over their changes; otherwise typing that began while it loaded wins, and
 * the note offers it instead.
 */
async function openSelected(code: string, saying?: string, discarding = false): Promise<void> {
  const loaded = await whileBusy(() => server.sidebarState(code));
  if ('error' in loaded) {
    showFollowNote(code, `You selected ${code}, but it could not be opened: ${failureMessage(loaded.error)}`);
    return;
  }
  if (!discarding && holding()) {
    showFollowNote(code);
    return;
  }
  render(loaded.value);
  if (saying) setText(els.notice, saying);
}

/** The quiet note under which a selection waits (never a dialog, never focus taken from the sheet). */
function showFollowNote(code: string | null, text?: string): void {
  show(els.follow, code !== null);
  if (code === null) return;
  setText(els.followText, text ?? `You selected ${code} — save or discard to open it.`);
  setText(els.followOpen, text ? `Open ${code}` : `Discard changes and open ${code}`);
  els.followOpen.dataset.code = code;
}

const follow = follower(
  {
    shown: () => state.action?.code ?? '',
    holding,
    busy: () => busy,
    selectedCode: () => server.selectedCode(),
    open: (code) => openSelected(code),
    note: (code) => showFollowNote(code),
  },
  state.action?.code ?? '',
);

els.followOpen.addEventListener('click', () => {
  const code = els.followOpen.dataset.code;
  if (busy || !code) return;
  follow.forget();
  void openSelected(code, undefined, true).then(() => keepFocus(els.heading));
});

els.reload.addEventListener('click', () => void reload());
els.previous.addEventListener('click', () => void go('previous'));
els.next.addEventListener('click', () => void go('next'));

wirePutBack(els);

render(state);

const hooks = (window as unknown as { __sidebarTest?: TestHooks }).__sidebarTest;
const every = hooks?.pollMs ?? FOLLOW_EVERY_MS;
if (every > 0) {
  window.setInterval(() => void follow.poll(), every);
  // Back from another tab or window: look at once rather than at the next tick.
  document.addEventListener('visibilitychange', () => void follow.poll());
}
if (hooks) hooks.pollNow = () => follow.poll();
