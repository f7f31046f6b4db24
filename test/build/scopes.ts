// Which OAuth scope each Apps Script call in the bundle needs (Google's "Authorization scopes" per method).

export interface ScopeRule {
  /** A call in dist/Code.js that needs the scope. */
  uses: RegExp;
  scope: string;
}

const AUTH = 'https://www.googleapis.com/auth/';

export const SCOPE_RULES: ScopeRule[] = [
  {
    uses: /SpreadsheetApp\.(getActiveSpreadsheet|getActive|getActiveSheet|getActiveRange)\(/,
    scope: `${AUTH}spreadsheets.currentonly`,
  },
  { uses: /SpreadsheetApp\.(openById|openByUrl|open|create)\(/, scope: `${AUTH}spreadsheets` },
  { uses: /\.getUi\(\)|HtmlService\./, scope: `${AUTH}script.container.ui` },
  {
    uses: /ScriptApp\.(newTrigger|getProjectTriggers|getUserTriggers|deleteTrigger)\(/,
    scope: `${AUTH}script.scriptapp`,
  },
  { uses: /MailApp\.(sendEmail|getRemainingDailyQuota)\(/, scope: `${AUTH}script.send_mail` },
  { uses: /DocumentApp\.(create|openById|openByUrl)\(/, scope: `${AUTH}documents` },
  { uses: /DriveApp\./, scope: `${AUTH}drive.file` },
  { uses: /Session\.(getActiveUser|getEffectiveUser)\(/, scope: `${AUTH}userinfo.email` },
  { uses: /UrlFetchApp\./, scope: `${AUTH}script.external_request` },
];

/** Scopes that give far more than this product needs: every file in Drive, or full Gmail. */
export const FORBIDDEN_SCOPES = [`${AUTH}drive`, 'https://mail.google.com/'];

export function scopesNeeded(bundle: string): string[] {
  return [...new Set(SCOPE_RULES.filter((r) => r.uses.test(bundle)).map((r) => r.scope))].sort();
}
