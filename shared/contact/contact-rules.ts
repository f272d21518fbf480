// Rules for the contact address (Email-2) that both sides apply: syntax, the institution's own
// domains (mail loops), typo hints for common providers, and the masked read-back.

export const CONTACT_MAX_LENGTH = 254;
/** The confirmation code's digits: what main mails and checks, and what the code fields take. */
export const CONTACT_CODE_DIGITS = 6;
export type ContactRuleCode = 'CONTACT_INVALID' | 'CONTACT_INSTITUTION';

// A deliberately plain syntax: local@domain.tld, no quotes, no comments, no IP literals.
const ADDRESS =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

export function normaliseAddress(address: string): string {
  const trimmed = address.trim();
  const at = trimmed.lastIndexOf('@');
  return at < 0 ? trimmed : `${trimmed.slice(0, at)}@${trimmed.slice(at + 1).toLowerCase()}`;
}

export function contactRuleViolation(address: string, institutionDomains: readonly string[]): ContactRuleCode | null {
  const normal = normaliseAddress(address);
  if (normal.length > CONTACT_MAX_LENGTH || !ADDRESS.test(normal) || normal.includes('..')) return 'CONTACT_INVALID';
  const domain = normal.slice(normal.lastIndexOf('@') + 1);
  // Notices about a campus account must reach somewhere else, and must not loop back into it.
  if (institutionDomains.some((d) => domain === d.toLowerCase() || domain.endsWith(`.${d.toLowerCase()}`)))
    return 'CONTACT_INSTITUTION';
  return null;
}

const COMMON_DOMAINS = [
  'gmail.com',
  'yahoo.com',
  'yahoo.com.tw',
  'hotmail.com',
  'outlook.com',
  'icloud.com',
  'msn.com',
  'live.com',
  'protonmail.com',
];

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/** "gmial.com" → the same address at gmail.com; null when the domain looks intended. */
export function typoHint(address: string): string | null {
  const normal = normaliseAddress(address);
  const at = normal.lastIndexOf('@');
  if (at < 0) return null;
  const domain = normal.slice(at + 1);
  if (COMMON_DOMAINS.includes(domain)) return null;
  const near = COMMON_DOMAINS.find((d) => distance(domain, d) <= (d.length > 8 ? 2 : 1));
  return near ? `${normal.slice(0, at)}@${near}` : null;
}

/** j***n@gmail.com: enough to recognise, not enough to harvest from a screen at the counter. */
export function maskAddress(address: string): string {
  const normal = normaliseAddress(address);
  const at = normal.lastIndexOf('@');
  const local = normal.slice(0, at);
  const shown =
    local.length <= 2 ? `${local[0]}*` : `${local[0]}${'*'.repeat(Math.min(local.length - 2, 6))}${local.at(-1)}`;
  return `${shown}${normal.slice(at)}`;
}
