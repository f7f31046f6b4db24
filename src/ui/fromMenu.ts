// Runs a job from a menu click: a failure becomes a plain message in a dialog, not a stack trace in a red bar.
import type { Services } from '../gas/ports';

export type MenuOutcome<T> = { ok: true; result: T } | { ok: false; message: string };

export function fromMenu<T>(
  services: Services,
  job: string,
  work: (services: Services) => T,
): MenuOutcome<T> {
  try {
    return { ok: true, result: work(services) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    services.ui().alert(`${job}: ${message}`);
    return { ok: false, message };
  }
}

/** Menu items whose job arrives in a later version say so plainly and do nothing. */
export function notYetAvailable(services: Services, job: string): MenuOutcome<never> {
  const message = `${job} is not available in this version of the Improvement Plan tool yet. Nothing was changed.`;
  services.ui().alert(message);
  return { ok: false, message };
}
