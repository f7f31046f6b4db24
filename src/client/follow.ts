// Following the selection: an open sidebar asks the script which Actions row is selected (while the page is visible)
// and opens that action when the selection moves to it. While the officer has something unsaved it only says so.

export interface FollowHooks {
  /** The Code of the action shown, '' for none. */
  shown(): string;
  /** True while the officer has something unsaved: edits, the "changed underneath" panel, a "Your text" box. */
  holding(): boolean;
  /** True while a save or load runs. */
  busy(): boolean;
  /** The Code of the selected Actions row now, '' when the selection is not on one (google.script.run). */
  selectedCode(): Promise<string>;
  /** Opens the action with `code` (as Next does). */
  open(code: string): Promise<void>;
  /** Shows the note that `code` was selected but not opened, or hides it (null). */
  note(code: string | null): void;
}

export interface Follower {
  /** One look at the selection: the timer's tick (and the browser tests' "look now"). */
  poll(): Promise<void>;
  /** The selected action held back by unsaved changes, if any. */
  pending(): string | null;
  /** Forgets a held-back selection: the officer chose what to show (Next, Previous, the note's button). */
  forget(): void;
}

/**
 * `initial` is the Code the page was opened for (the selected row's). The sidebar follows the selection when it
 * moves, not whenever it differs from the action shown: after Next, the selection still on the row the sidebar was
 * opened from must not pull it back. A selection off Actions (or on a header or blank row) opens nothing and leaves
 * the action shown, so the officer can look elsewhere in the spreadsheet while the form stays open.
 */
export function follower(hooks: FollowHooks, initial: string): Follower {
  let selected = initial;
  let pending: string | null = null;
  let asking = false;

  const forget = () => {
    pending = null;
    hooks.note(null);
  };

  async function poll(): Promise<void> {
    if (asking || hooks.busy() || document.visibilityState !== 'visible') return;
    asking = true;
    let answer: unknown;
    try {
      answer = await hooks.selectedCode();
    } catch {
      return; // the script could not be reached: the next tick asks again, and a save says what is wrong
    } finally {
      asking = false;
    }
    // A save or load began while the question was out: what it shows decides, so look again at the next tick.
    if (hooks.busy() || typeof answer !== 'string') return;
    const code = answer.trim().toUpperCase();
    const held = pending;
    if (code !== selected) {
      selected = code;
      pending = code !== '' && code !== hooks.shown() ? code : null;
    }
    if (pending !== null && pending === hooks.shown()) pending = null;
    if (pending === null) {
      // Only a note this follower showed is taken down: one saying an opening failed stays until acted on.
      if (held !== null) hooks.note(null);
      return;
    }
    if (hooks.holding()) {
      hooks.note(pending);
      return;
    }
    const opening = pending;
    forget();
    await hooks.open(opening);
  }

  return { poll, pending: () => pending, forget };
}
