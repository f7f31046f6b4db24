// Email addresses as the plan holds them: validation, splitting a cell of several, and the allowed-domain rule.

// Deliberately plain: one local part, one dotted domain. Anything cleverer (quoted local parts, IP literals) is not
// an address a council would put in People, and refusing it is safer than mailing it.
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

export function isValidEmail(address: string): boolean {
  return address.length <= 254 && EMAIL.test(address) && !address.includes('..');
}

/** Splits "a@x.org, b@x.org; c@x.org" into addresses; blanks dropped. */
export function splitEmails(text: string): string[] {
  return text
    .split(/[,;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function emailDomain(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

/** True when no domains are set, or the address's domain is one of them (or a subdomain of one). */
export function isAllowedDomain(address: string, allowedDomains: readonly string[]): boolean {
  if (allowedDomains.length === 0) return true;
  const domain = emailDomain(address);
  return allowedDomains.some((d) => domain === d || domain.endsWith(`.${d}`));
}
