// What a contact code's step keeps on the account entry (one JSON value): the live code as a
// salted hash with its expiry, its wrong tries on every path, and the recent sends for the hourly
// limit, which outlive the code. And the rule that decides a typed code from it, with no I/O.
import { createHash, timingSafeEqual } from 'node:crypto';
import { CONTACT_CODE_DIGITS } from '../../../shared/contact/contact-rules';

const CODE_SHAPE = new RegExp(`^\\d{${CONTACT_CODE_DIGITS}}$`);

export interface Pending {
  /** The live code: gone once it was confirmed, died at its try limit, or was never mailed. */
  code?: { address: string; salt: string; hash: string; expires: number };
  /** Wrong tries of the current code, on every path. */
  tries: number;
  /** Unix seconds of recent sends, for the hourly limit. */
  sends: number[];
}

/** What a step decided from the entry as it read it: what to write (if anything), and its outcome. */
export interface Decision<T> {
  next?: Pending;
  /** The confirmed address, written beside next. */
  confirmed?: string;
  outcome: T;
}

export const hashCode = (salt: string, code: string): string =>
  createHash('sha256').update(salt).update(code).digest('hex');

/** Reads what is stored; an entry written before tries were kept has the code's fields at the top level. */
export function parsePending(raw: string | undefined): Pending {
  let stored: Record<string, unknown> = {};
  try {
    stored = raw === undefined ? {} : (JSON.parse(raw) as Record<string, unknown>);
  } catch {
    // An unreadable value holds no live code and no sends.
  }
  const code = (stored.code ?? (typeof stored.hash === 'string' ? stored : undefined)) as Pending['code'];
  return {
    code: code && { address: code.address, salt: code.salt, hash: code.hash, expires: code.expires },
    tries: Number(stored.tries ?? 0) || 0,
    sends: Array.isArray(stored.sends) ? (stored.sends as number[]) : [],
  };
}

/** Whether the entry's pending value holds a code that can still be confirmed (the helpdesk's lookup). */
export function hasLiveCode(raw: string | undefined, nowMs: number): boolean {
  const { code } = parsePending(raw);
  return code !== undefined && Math.floor(nowMs / 1000) <= code.expires;
}

/** right; wrong (counted); last (counted, and this path's limit is reached); spent (no tries left: not tried); expired. */
export type Verdict = 'right' | 'wrong' | 'last' | 'spent' | 'expired';
export const REFUSALS = {
  wrong: 'CONTACT_CODE_WRONG',
  last: 'CONTACT_CODE_WRONG',
  spent: 'CONTACT_TOO_MANY_TRIES',
  expired: 'CONTACT_CODE_EXPIRED',
} as const;
export interface CheckOutcome {
  verdict: Verdict;
  address?: string;
  /** The code's wrong tries, this one included. */
  tries: number;
}

/**
 * A typed code against the stored one. A path is refused once the code's tries reach its limit
 * (the counter's is lower, and the code then lives on for the helpdesk); at codeTries the code
 * dies for every path. A right code leaves only the sends behind.
 */
export function checkTyped(
  pending: Pending,
  typed: string,
  rules: { nowMs: number; limit: number; codeTries: number },
): Decision<CheckOutcome> {
  const { code, tries, sends } = pending;
  if (!code) return { outcome: { verdict: tries >= rules.codeTries ? 'spent' : 'expired', tries } };
  if (Math.floor(rules.nowMs / 1000) > code.expires) return { outcome: { verdict: 'expired', tries } };
  if (tries >= rules.limit) return { outcome: { verdict: 'spent', tries } };
  const given = Buffer.from(hashCode(code.salt, typed.trim()), 'hex');
  if (CODE_SHAPE.test(typed.trim()) && timingSafeEqual(given, Buffer.from(code.hash, 'hex'))) {
    return {
      next: { tries: 0, sends },
      confirmed: code.address,
      outcome: { verdict: 'right', address: code.address, tries },
    };
  }
  const counted = tries + 1;
  return {
    next: { code: counted >= rules.codeTries ? undefined : code, tries: counted, sends },
    outcome: { verdict: counted >= rules.limit ? 'last' : 'wrong', tries: counted },
  };
}
