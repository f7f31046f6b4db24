// "Your text" boxes: after a clash where the officer and someone else both changed a field, the form holds theirs
// and the officer's own text waits beside the field, read-only to copy, with a button that puts it back.
import type { ProgressFields } from '../ui/sidebarTypes';
import { byId, show } from './dom';
import { FIELD_KEYS, type FieldKey, type FormElements } from './form';

interface YoursBox {
  box: HTMLElement;
  text: HTMLTextAreaElement;
  putBack: HTMLButtonElement;
}

function yoursBox(key: FieldKey): YoursBox {
  return {
    box: byId(`${key}-yours`),
    text: byId(`${key}-yours-text`, HTMLTextAreaElement),
    putBack: byId(`${key}-putback`, HTMLButtonElement),
  };
}

const REVISION: readonly FieldKey[] = ['revisedTargetDate', 'revisionReason'];

/** Hides every box (a new action, or the same one saved or loaded again). */
export function clearYours(): void {
  for (const key of FIELD_KEYS) {
    const { box, text } = yoursBox(key);
    text.value = '';
    show(box, false);
  }
}

/**
 * Shows the officer's text beside each field in `yours`. The revised date and reason live in the part of the form
 * the "date must move" box opens, so it is ticked and opened; their fields stay blank, which saves no date change
 * until the officer puts theirs back or types another.
 */
export function showYours(els: FormElements, yours: Partial<ProgressFields>): void {
  for (const key of FIELD_KEYS) {
    const mine = yours[key];
    if (mine === undefined) continue;
    const { box, text } = yoursBox(key);
    text.value = mine;
    show(box, true);
  }
  if (REVISION.some((key) => yours[key] !== undefined)) openRevision(els);
}

/** True while any box is showing: the officer has text of theirs that is not in the form. */
export function anyYours(): boolean {
  return FIELD_KEYS.some((key) => !yoursBox(key).box.hidden);
}

/** Each box's button puts the officer's text back in its field (as typing would: the form's input event fires). */
export function wirePutBack(els: FormElements): void {
  for (const key of FIELD_KEYS) {
    const { text, putBack } = yoursBox(key);
    putBack.addEventListener('click', () => {
      if (REVISION.includes(key)) openRevision(els);
      const control = els[key];
      control.value = text.value;
      control.dispatchEvent(new Event('input', { bubbles: true }));
      control.focus();
    });
  }
}

function openRevision(els: FormElements): void {
  els.dateMustMove.checked = true;
  show(els.revision, true);
}
