// Runs a job from a menu click: a failure becomes a plain message in a dialog, not a stack trace in a red bar, and a
// job that writes what only plan administrators may edit tells anyone else so before it writes anything.
import type { Services } from '../gas/ports';
import { isPlanAdministrator } from '../sheets/administrators';

export type MenuOutcome<T> = { ok: true; result: T } | { ok: false; message: string };

/** Who may run a menu item. */
export interface MenuAccess {
  /**
   * The job writes sheets or columns only plan administrators may edit (a menu click runs as the person who
   * clicked, so Sheets would refuse the write). The text says, in a few words, why or what happens without them.
   */
  administratorsOnly?: string;
}

/**
 * Sheets' refusal of a write to protected cells, as the service words it. A job that meets one it was not expected
 * to (a council's own protection, say) is reported in the same plain terms.
 */
const PROTECTED_REFUSAL = 'You are trying to edit a protected cell or object';

export function fromMenu<T>(
  services: Services,
  job: string,
  work: (services: Services) => T,
  access: MenuAccess = {},
): MenuOutcome<T> {
  try {
    if (
      access.administratorsOnly !== undefined &&
      !isPlanAdministrator(services.spreadsheet, services.enums)
    ) {
      return refuse(services, administratorsOnlyMessage(job, access.administratorsOnly, ownerOf(services)));
    }
    return { ok: true, result: work(services) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (message.includes(PROTECTED_REFUSAL)) {
      const owner = ownerOf(services);
      return refuse(
        services,
        `${job} could not finish: it had to write to cells protected against you ` +
          '(Data › Protected sheets and ranges says who may edit them). ' +
          `Ask ${owner || 'the spreadsheet’s owner'} to run it, or to let you edit them.`,
      );
    }
    services.ui().alert(`${job}: ${message}`);
    return { ok: false, message };
  }
}

/** What a person who is not a plan administrator is told when they choose an administrators' item. */
export function administratorsOnlyMessage(job: string, why: string, owner: string): string {
  return (
    `${job} needs a plan administrator: it writes to sheets only administrators can edit` +
    `${why ? ` (${why})` : ''}. ${askAnAdministrator(owner)}. Nothing was changed.`
  );
}

function askAnAdministrator(owner: string): string {
  return owner ? `Ask ${owner} or another plan administrator` : 'Ask a plan administrator';
}

/** The spreadsheet's owner, always an administrator; '' when there is none to name (a shared drive's file). */
function ownerOf(services: Services): string {
  return services.spreadsheet.getOwner()?.getEmail() ?? '';
}

function refuse(services: Services, message: string): MenuOutcome<never> {
  services.ui().alert(message);
  return { ok: false, message };
}
