// Stable result codes: the legacy portal's codes staff and helpdesk already know, plus ours.
// A code is part of the contract: never rename one, only add.

export const LEGACY_CODES = [
  'DECRYPT(-2)', // cannot get checksum or expired
  'SESSION(0)', // no such session
  'SESSION(-1)', // session expired
  'SESSION(-2)', // IP mismatch
  'ROLE(0)', // unknown ID format
  'USER(-1)', // already has a mailbox
  'USER(-2)', // user does not exist
  'USER(-3)', // user suspended
  'USER(-4)', // user not permitted
  'USER(-5)', // password suspended
] as const;

export const KIOSK_CODES = [
  'DECRYPT(-1)', // malformed token
  'DECRYPT(-3)', // token already used
  'NAME_TAKEN', // chosen account name was taken meanwhile
  'BAD_REQUEST', // payload failed the contract's schema
  'UNKNOWN_CHANNEL', // no such API method
  'FORBIDDEN', // the caller is not the kiosk's own renderer
  'DIRECTORY_UNAVAILABLE', // no LDAP server answered
  'INTERNAL', // anything unexpected; details stay in main's log
  'NAME_UNUSABLE', // the passport name is missing or yields no valid account name
  'NO_FREE_NAME', // every candidate (and its 2/3 variants) is taken
  'NAME_NOT_OFFERED', // the chosen name is not one this session offered
  'PASSWORD_TOO_SHORT',
  'PASSWORD_TOO_LONG',
  'PASSWORD_CHARACTERS', // not printable ASCII
  'PASSWORD_PERSONAL', // contains the staff ID or the account name
  'PASSWORD_WEAK', // zxcvbn below GOOD
  'PASSWORD_MISMATCH', // confirmation differs
  'PASSWORD_IN_HISTORY', // the directory's policy refused a recently used password
  'PASSWORD_REFUSED', // the directory's policy refused it for another reason
  'WRONG_STEP', // the call does not fit this session (e.g. create in a reset session)
  'MAILBOX_UNFINISHED', // the account works, but a mail-store step did not finish; the kiosk finishes it later
  'ACCOUNT_INCOMPLETE', // a failure left part of an account behind; the helpdesk must finish or remove it
  'POLICY_UNAVAILABLE', // a policy file is missing or unreadable
  'POLICY_CHANGED', // the accepted text is not the one served now (reload and read again)
  'CONSENT_MISSING', // both policies must be accepted before an account is created
  'CONTACT_INVALID', // not one plausible address of at most 254 characters
  'CONTACT_INSTITUTION', // an address in the institution's own domains (would loop)
  'CONTACT_RATE_LIMITED', // 3 codes in the last hour for this account
  'CONTACT_CODE_WRONG',
  'CONTACT_CODE_EXPIRED', // older than a day, or none pending
  'CONTACT_TOO_MANY_TRIES', // 5 wrong codes at the counter
  'CONTACT_COUNTER_TIMEOUT', // 10 minutes at the counter have passed; the helpdesk can finish
  'SMTP_UNAVAILABLE', // the code could not be sent now; the account is fine
  'OPERATOR_DENIED', // unknown operator or wrong password
  'OPERATOR_NOT_AUTHORIZED', // signed in, but not a member of the helpdesk group
  'OPERATOR_LOCKED', // too many failures on this kiosk; wait
  'OPERATOR_SESSION(0)', // no operator signed in (or the operator session ended)
  'APPLICATION_IN_PROGRESS', // this staff ID's account is being made right now (another counter, or an interrupted try); try again shortly
  'OUT_OF_SERVICE', // a helpdesk operator switched this kiosk out of service
  'AUDIT_UNAVAILABLE', // the audit line a consent needs could not be written; nothing was accepted
  'PASSWORD_MAY_BE_SET', // the directory stopped answering just after the new password was sent: try the new password first
  'DIRECTORY_READ_ONLY', // no write server takes writes now: reads go on, creations, resets and contact confirmations are paused
  'RECEIPT_NOT_PRINTED', // the configured receipt printer refused or failed; the screen still shows the result
  'ACCOUNT_MAY_EXIST', // the directory stopped answering just after the account (with its password) was sent: it may have been made
  'PASSWORD_BREACHED', // the password is in the breached-password filter (it has appeared in data breaches; choose another)
  'SWITCH_NOT_ALLOWED', // this kiosk's directory account may not write that out-of-service switch (a per-kiosk account and cn=fleet)
  'NO_HR_RECORD', // an assisted application without AIS: the HR records have no one with this staff ID
] as const;

export const RESULT_CODES = [...LEGACY_CODES, ...KIOSK_CODES] as const;
export type ResultCode = (typeof RESULT_CODES)[number];

export function isResultCode(value: unknown): value is ResultCode {
  return typeof value === 'string' && (RESULT_CODES as readonly string[]).includes(value);
}
