// What passes between the Update progress sidebar (browser) and the server functions google.script.run calls.
// Plain JSON only: google.script.run carries strings, numbers, booleans, arrays and plain objects, not Dates.

/** The fields the officer edits, as the form holds them (text, exactly as typed). */
export interface ProgressFields {
  status: string;
  /** Whole number 0–100 as typed; '' for none. */
  progress: string;
  latestUpdate: string;
  /** yyyy-mm-dd as <input type="date"> gives it; '' for none. */
  revisedTargetDate: string;
  revisionReason: string;
}

/** One action as the sidebar shows it. */
export interface SidebarAction {
  code: string;
  action: string;
  lead: string;
  /** "31 March 2010", or '' when the action has none (ongoing). */
  effectiveTargetDate: string;
  /** The RAG name ("Overdue" …), '' when none. */
  rag: string;
  /**
   * The original target date, yyyy-mm-dd ('' when none): its Target date, else its Timescale's date
   * (originalTargetDate in src/domain/progressUpdate.ts). The browser's check of a revised date needs it; '' when absent.
   */
  originalTargetDate?: string;
  /** The editable fields as they are in the sheet now. */
  fields: ProgressFields;
  /**
   * A fingerprint of the row's editable cells when loaded: a save whose fingerprint no longer matches the sheet is
   * refused with what changed, so nothing anyone else wrote is overwritten.
   */
  version: string;
}

export interface SidebarState {
  /** The action shown; absent when the selection is not on an Actions row (see `message`). */
  action?: SidebarAction;
  /** Why no action is shown, or a note ("CEA1 is no longer on the Actions sheet"). */
  message?: string;
  /** The signed-in person's own live actions (their People email on the Lead), overdue first: for Next/Previous. */
  mine: { code: string; rag: string }[];
  /** The Status list (Lists › Statuses) for the dropdown. */
  statuses: string[];
  /** Today in the spreadsheet's zone, yyyy-mm-dd (the earliest revised date allowed). */
  today: string;
  /** The person's email, '' when Google withholds it. */
  user: string;
}

export interface FieldError {
  /** The ProgressFields key the message is about, or '' for the form as a whole. */
  field: keyof ProgressFields | '';
  message: string;
}

export type SaveResult =
  | { outcome: 'saved'; message: string; state: SidebarState }
  | { outcome: 'invalid'; errors: FieldError[] }
  /** The row changed since the form was loaded: nothing was written; `state` is the row as it is now. */
  | { outcome: 'changed'; changes: { header: string; was: string; now: string }[]; state: SidebarState }
  /** The action is gone (its Code edited away or the row deleted): nothing was written. */
  | { outcome: 'missing'; message: string; state: SidebarState };

export interface SaveRequest {
  code: string;
  version: string;
  fields: ProgressFields;
  /**
   * The fields as the form loaded them (the action's `fields`), so a save refused as 'changed' can say what each
   * changed from. Without it, `was` is what the form holds.
   */
  loaded?: ProgressFields;
}
