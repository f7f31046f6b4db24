// The sidebar's form: puts an action's fields into it, reads what the officer typed, and shows errors beside fields.
import { ACTION_COLUMNS } from '../domain/actions';
import { formatLongDate, isIsoDate } from '../domain/dates';
import type { FieldError, ProgressFields, SidebarAction } from '../ui/sidebarTypes';
import { byId, replaceChildren, setText, show, textElement } from './dom';

export type FieldKey = keyof ProgressFields;
export const FIELD_KEYS: readonly FieldKey[] = [
  'status',
  'progress',
  'latestUpdate',
  'revisedTargetDate',
  'revisionReason',
];

export interface FormElements {
  form: HTMLFormElement;
  status: HTMLSelectElement;
  progress: HTMLInputElement;
  latestUpdate: HTMLTextAreaElement;
  dateMustMove: HTMLInputElement;
  dateMustMoveHint: HTMLElement;
  revision: HTMLFieldSetElement;
  revisedTargetDate: HTMLInputElement;
  revisionReason: HTMLTextAreaElement;
  problems: HTMLElement;
  saved: HTMLElement;
  save: HTMLButtonElement;
}

export function formElements(): FormElements {
  return {
    form: byId('progress-form', HTMLFormElement),
    status: byId('status', HTMLSelectElement),
    progress: byId('progress', HTMLInputElement),
    latestUpdate: byId('latestUpdate', HTMLTextAreaElement),
    dateMustMove: byId('dateMustMove', HTMLInputElement),
    dateMustMoveHint: byId('dateMustMove-hint'),
    revision: byId('revision', HTMLFieldSetElement),
    revisedTargetDate: byId('revisedTargetDate', HTMLInputElement),
    revisionReason: byId('revisionReason', HTMLTextAreaElement),
    problems: byId('problems'),
    saved: byId('saved'),
    save: byId('save', HTMLButtonElement),
  };
}

/**
 * Shows `shown` (the action's own fields unless some of the officer's edits are being kept) in the form. The
 * revised date and reason are asked for only when the date must move: the box is ticked when `shown` moves it.
 */
export function fillForm(
  els: FormElements,
  action: SidebarAction,
  statuses: readonly string[],
  shown: ProgressFields = action.fields,
): void {
  const loaded = action.fields;
  const options = statuses.map((s) => statusOption(s, s));
  // A status the Lists no longer offer (or none yet) is still what the sheet holds: keep it choosable, marked.
  if (!statuses.includes(shown.status)) {
    options.unshift(statusOption(shown.status, shown.status ? `${shown.status} (not in Lists)` : '(none)'));
  }
  replaceChildren(els.status, options);
  els.status.value = shown.status;
  els.progress.value = shown.progress;
  els.latestUpdate.value = shown.latestUpdate;
  const moving =
    shown.revisedTargetDate !== loaded.revisedTargetDate || shown.revisionReason !== loaded.revisionReason;
  els.dateMustMove.checked = moving;
  els.revisedTargetDate.value = moving ? shown.revisedTargetDate : '';
  els.revisionReason.value = moving ? shown.revisionReason : '';
  show(els.revision, moving);
  setText(
    els.dateMustMoveHint,
    loaded.revisedTargetDate
      ? `It has been moved before${loaded.revisionReason ? `: ${loaded.revisionReason}` : '.'}`
      : '',
  );
  show(els.dateMustMoveHint, loaded.revisedTargetDate !== '');
}

function statusOption(value: string, label: string): HTMLOptionElement {
  const option = textElement('option', label);
  option.value = value;
  return option;
}

/**
 * The fields as the officer has them now. The revised date and reason stay as loaded unless the box is ticked and
 * at least one of them is filled in: ticked with both left blank is no change of date (the inputs open blank, so
 * sending them would clear a revision already made), and one without the other is the usual "both together" error.
 */
export function readForm(els: FormElements, loaded: ProgressFields): ProgressFields {
  const moving =
    els.dateMustMove.checked &&
    (els.revisedTargetDate.value.trim() !== '' || els.revisionReason.value.trim() !== '');
  return {
    status: els.status.value,
    progress: els.progress.value,
    latestUpdate: els.latestUpdate.value,
    revisedTargetDate: moving ? els.revisedTargetDate.value : loaded.revisedTargetDate,
    revisionReason: moving ? els.revisionReason.value : loaded.revisionReason,
  };
}

/** The field a column header names ("Latest update" → latestUpdate), as the server's list of changes gives it. */
export function fieldOfHeader(header: string): FieldKey | undefined {
  return FIELD_KEYS.find((key) => ACTION_COLUMNS.headers[key] === header);
}

/** A field's value for reading: a date as "30 June 2010", nothing as "(blank)". */
export function fieldInWords(value: string): string {
  if (value === '') return '(blank)';
  return isIsoDate(value) ? formatLongDate(value) : value;
}

export function sameFields(a: ProgressFields, b: ProgressFields): boolean {
  return FIELD_KEYS.every((k) => a[k] === b[k]);
}

function control(
  els: FormElements,
  key: FieldKey,
): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement {
  return els[key];
}

export function clearErrors(els: FormElements): void {
  for (const key of FIELD_KEYS) {
    control(els, key).removeAttribute('aria-invalid');
    const message = byId(`${key}-error`);
    setText(message, '');
    show(message, false);
  }
  replaceChildren(els.problems, []);
}

/**
 * Shows each message beside its field (aria-invalid, and in the field's description) and all of them in the alert
 * region above the form. Returns where focus should go: the first field in error that is showing, else the region.
 */
export function showErrors(els: FormElements, errors: readonly FieldError[]): HTMLElement {
  clearErrors(els);
  const byField = new Map<FieldKey, string[]>();
  for (const e of errors) {
    if (e.field) byField.set(e.field, [...(byField.get(e.field) ?? []), e.message]);
  }
  for (const [key, messages] of byField) {
    control(els, key).setAttribute('aria-invalid', 'true');
    const message = byId(`${key}-error`);
    setText(message, messages.join('\n'));
    show(message, true);
  }
  const heading = textElement(
    'p',
    errors.length === 1
      ? 'Nothing was saved: 1 thing to put right.'
      : `Nothing was saved: ${errors.length} things to put right.`,
  );
  const list = document.createElement('ul');
  for (const e of errors) list.appendChild(textElement('li', e.message));
  replaceChildren(els.problems, [heading, list]);
  const first = FIELD_KEYS.map((k) => control(els, k)).find(
    (c) => c.getAttribute('aria-invalid') === 'true' && isShowing(c),
  );
  return first ?? els.problems;
}

function isShowing(el: HTMLElement): boolean {
  return el.closest('[hidden]') === null;
}
