// The sidebar's calls to the script (google.script.run) as promises: one place that knows the server functions.
import type { SaveRequest, SaveResult, SidebarState } from '../ui/sidebarTypes';

/** The part of google.script.run the sidebar uses (HtmlService's client API; each call runs one server function). */
interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
  sidebarState(code: string): void;
  selectedCode(): void;
  saveProgress(request: SaveRequest): void;
}

declare const google: { script: { run: ScriptRunner } };

function call<T>(send: (runner: ScriptRunner) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    send(
      google.script.run
        .withSuccessHandler((value) => resolve(value as T))
        .withFailureHandler((error) => reject(error)),
    );
  });
}

export const server = {
  /** The state for the action with `code` (its row found by Code, wherever it is now). */
  sidebarState: (code: string) => call<SidebarState>((run) => run.sidebarState(code)),
  saveProgress: (request: SaveRequest) => call<SaveResult>((run) => run.saveProgress(request)),
  /** The Code of the Actions row under the person's selection now, '' when it is not on one. */
  selectedCode: () => call<string>((run) => run.selectedCode()),
};

/** What a failed call says, as a sentence: google.script.run hands the failure handler an Error (or, rarely, a string). */
export function failureMessage(error: unknown): string {
  const text = (error instanceof Error ? error.message : typeof error === 'string' ? error : '').trim();
  if (!text) return 'No reason was given.';
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
