// SpreadsheetApp.getUi(): menus, alerts, prompts, dialogs and sidebars. Nothing is shown; every call is recorded for
// tests, and the user's answers to alerts and prompts come from a queue the test fills beforehand.
import { NotImplementedError, type RuntimeCore } from '../core';
import type { Ctx } from './context';
import { enumKey } from '../enums';
import { Button, ButtonSet, type ButtonKey, type ButtonSetKey } from './enums';
import { LocalRuntimeError } from '../errors';
import { gasError, signatureError } from './errors';

export type MenuItemRecord =
  { caption: string; functionName: string } | { separator: true } | { submenu: MenuRecord };

export interface MenuRecord {
  name: string;
  items: MenuItemRecord[];
}

export interface DialogRecord {
  kind: 'modal' | 'modeless' | 'sidebar';
  /** The title passed to showModalDialog/showModelessDialog, or the HtmlOutput's own title for a sidebar. */
  title: string | null;
  content: string | null;
  width: number | null;
  height: number | null;
  /** The object the script passed, as it was passed. */
  output: unknown;
}

export interface AlertRecord {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttons: ButtonSetKey;
  /** What the (scripted) user answered. */
  button: ButtonKey;
  text?: string;
}

export interface ToastRecord {
  message: string;
  title: string;
  timeoutSeconds: number;
}

/** A scripted reply to the next alert or prompt: the button clicked and, for a prompt, the text typed. */
export interface UiAnswer {
  button: ButtonKey;
  text?: string;
}

const BUTTONS_OF: Record<ButtonSetKey, ButtonKey[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

/** The record of everything the script did with the UI, and the queue of answers a test scripts. */
export class UiRecorder {
  menus: MenuRecord[] = [];
  alerts: AlertRecord[] = [];
  dialogs: DialogRecord[] = [];
  toasts: ToastRecord[] = [];
  /** False for an execution with no user interface (a trigger): getUi() then throws as it does in Apps Script. */
  available = true;
  private answers: UiAnswer[] = [];

  /** Queues the user's replies, consumed in order by alerts with a choice of buttons and by prompts. */
  answer(...answers: UiAnswer[]): void {
    for (const a of answers) {
      if (!Object.prototype.hasOwnProperty.call(Button, a.button)) {
        throw new LocalRuntimeError(`Unknown button "${a.button}" in a scripted answer`);
      }
    }
    this.answers.push(...answers);
  }

  /** Answers queued and not yet used (a test can assert it is 0 at the end). */
  pendingAnswers(): number {
    return this.answers.length;
  }

  reset(): void {
    this.menus = [];
    this.alerts = [];
    this.dialogs = [];
    this.toasts = [];
    this.answers = [];
  }

  _take(kind: 'alert' | 'prompt', title: string, prompt: string, buttons: ButtonSetKey): UiAnswer {
    const allowed = [...BUTTONS_OF[buttons], 'CLOSE'];
    const next = this.answers.shift();
    if (!next) {
      throw new LocalRuntimeError(
        `The script showed ${kind === 'alert' ? 'an alert' : 'a prompt'} ("${title ? `${title}: ` : ''}${prompt}", ` +
          `buttons ${buttons}) but the test scripted no answer: call store.ui.answer({ button: '${BUTTONS_OF[buttons][0]}'` +
          `${kind === 'prompt' ? ", text: '...'" : ''} }) before running it.`,
      );
    }
    if (!allowed.includes(next.button)) {
      throw new LocalRuntimeError(
        `Scripted answer ${next.button} is not a button of ${buttons} (offered: ${allowed.join(', ')}) for "${prompt}"`,
      );
    }
    return next;
  }
}

/** Runs `fn` without counting calls: reading an HtmlOutput the script handed over is the service's doing, not the script's. */
function uncounted<T>(core: RuntimeCore, fn: () => T): T {
  const own = Object.prototype.hasOwnProperty.call(core, 'count');
  const saved = core.count;
  core.count = () => undefined;
  try {
    return fn();
  } finally {
    if (own) core.count = saved;
    else Reflect.deleteProperty(core, 'count');
  }
}

/**
 * What the dialog shows. getContent must exist (anything else is not an HtmlOutput); title and size are read when the
 * object offers them.
 */
function readOutput(
  core: RuntimeCore,
  output: object,
): Pick<DialogRecord, 'title' | 'content' | 'width' | 'height'> {
  const o = output as Record<string, unknown>;
  const call = <T>(name: string, required: boolean): T | null => {
    if (typeof o[name] !== 'function') return null;
    try {
      return ((o[name] as () => T)() ?? null) as T | null;
    } catch (e) {
      if (!required && e instanceof NotImplementedError) return null;
      throw e;
    }
  };
  return uncounted(core, () => ({
    content: call<string>('getContent', true),
    title: call<string>('getTitle', false),
    width: call<number>('getWidth', false),
    height: call<number>('getHeight', false),
  }));
}

export class LocalMenu {
  private readonly items: MenuItemRecord[] = [];

  constructor(
    private readonly ctx: Ctx,
    private readonly caption: string,
  ) {}

  _record(): MenuRecord {
    return {
      name: this.caption,
      items: this.items.map((i) =>
        'submenu' in i ? { submenu: { ...i.submenu, items: [...i.submenu.items] } } : { ...i },
      ),
    };
  }

  addItem(caption: string, functionName: string): this {
    if (typeof caption !== 'string' || typeof functionName !== 'string') {
      throw signatureError([caption, functionName], 'Menu.addItem');
    }
    this.items.push({ caption, functionName });
    return this;
  }
  addSeparator(): this {
    this.items.push({ separator: true });
    return this;
  }
  addSubMenu(menu: unknown): this {
    const sub = menu as { _record?: () => MenuRecord } | null;
    if (!sub || typeof sub._record !== 'function') throw signatureError([menu], 'Menu.addSubMenu');
    this.items.push({ submenu: sub._record() });
    return this;
  }
  addToUi(): void {
    this.ctx.ui.menus.push(this._record());
  }
}

export class LocalPromptResponse {
  constructor(
    private readonly text: string,
    private readonly button: ButtonKey,
  ) {}
  getResponseText(): string {
    return this.text;
  }
  getSelectedButton(): unknown {
    return Button[this.button];
  }
}

/** Splits the (prompt) / (prompt, buttons) / (title, prompt, buttons) overloads. */
function dialogArgs(
  args: unknown[],
  method: string,
): { title: string; prompt: string; buttons: ButtonSetKey } {
  const [a, b, c] = args;
  if (args.length <= 1 && typeof a === 'string') return { title: '', prompt: a, buttons: 'OK' };
  if (args.length === 2 && typeof a === 'string') {
    const buttons = enumKey(ButtonSet, b);
    if (buttons) return { title: '', prompt: a, buttons };
  }
  if (args.length === 3 && typeof a === 'string' && typeof b === 'string') {
    const buttons = enumKey(ButtonSet, c);
    if (buttons) return { title: a, prompt: b, buttons };
  }
  throw signatureError(args, `Ui.${method}`);
}

export class LocalUi {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  constructor(private readonly ctx: Ctx) {}

  createMenu(caption: string): unknown {
    return this.ctx.menu(String(caption));
  }

  /** An alert offering only OK returns OK without using a scripted answer; any other choice needs one. */
  alert(...args: unknown[]): unknown {
    const { title, prompt, buttons } = dialogArgs(args, 'alert');
    const answer: UiAnswer =
      buttons === 'OK' ? { button: 'OK' } : this.ctx.ui._take('alert', title, prompt, buttons);
    this.ctx.ui.alerts.push({ kind: 'alert', title, prompt, buttons, button: answer.button });
    return Button[answer.button];
  }

  prompt(...args: unknown[]): unknown {
    const { title, prompt, buttons } = dialogArgs(args, 'prompt');
    const answer = this.ctx.ui._take('prompt', title, prompt, buttons);
    const text = answer.text ?? '';
    this.ctx.ui.alerts.push({ kind: 'prompt', title, prompt, buttons, button: answer.button, text });
    return this.ctx.promptResponse(text, answer.button);
  }

  showModalDialog(userInterface: unknown, title: string): void {
    this.show('modal', 'showModalDialog', userInterface, title);
  }
  showModelessDialog(userInterface: unknown, title: string): void {
    this.show('modeless', 'showModelessDialog', userInterface, title);
  }
  showSidebar(userInterface: unknown): void {
    this.show('sidebar', 'showSidebar', userInterface, null);
  }

  private show(kind: DialogRecord['kind'], method: string, output: unknown, title: string | null): void {
    if (
      output === null ||
      typeof output !== 'object' ||
      typeof (output as { getContent?: unknown }).getContent !== 'function'
    ) {
      throw signatureError([output], `Ui.${method}`);
    }
    const read = readOutput(this.ctx.core, output);
    this.ctx.ui.dialogs.push({ kind, ...read, title: title ?? read.title, output });
  }
}

export function uiUnavailable(): Error {
  return gasError('Cannot call SpreadsheetApp.getUi() from this context.');
}
