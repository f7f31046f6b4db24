// Whether the person running a job is a plan administrator: someone who may edit everything setup protected (the
// log sheets, the Dashboard, and the RAG, Last updated and Updated by columns).
import type { SpreadsheetPort } from '../gas/ports';
import { PROTECTION_PREFIX } from './protection';

/**
 * True when the user the script runs as may edit every protection setup made. Asked before a job that writes them
 * starts, so a person who may not is told so before anything is written. A spreadsheet setup has not protected yet
 * has none, so whoever runs setup first becomes its administrator. A fixed number of calls: one per protection.
 */
export function isPlanAdministrator(
  spreadsheet: SpreadsheetPort,
  enums: { protectionSheet: unknown; protectionRange: unknown },
): boolean {
  const protections = [
    ...spreadsheet.getProtections(enums.protectionSheet),
    ...spreadsheet.getProtections(enums.protectionRange),
  ];
  // canEdit first: for an administrator every answer is yes and no description needs reading. A council's own
  // protection that the person may not edit does not make them less of a plan administrator.
  return protections.every((p) => p.canEdit() || !p.getDescription().startsWith(PROTECTION_PREFIX));
}
