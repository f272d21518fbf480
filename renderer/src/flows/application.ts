// Applying for a mailbox, from the profile card to the result: eligibility, the two policies, the
// offered names and the creation. Here, and only here, each of main's answers picks what follows:
// the next step, an explanation beside the fields, or the code's error screen.
import type { KioskApi, RequestOf } from '../../../shared/contract/api';
import type { ResultCode } from '../../../shared/contract/codes';
import { useKioskStore } from '../app/kiosk-store';
import type { PasswordProblem } from '../password-meter/PasswordNotices';

const store = () => useKioskStore.getState();

/** New Email Account, or Reset mailbox password, from the profile card (by the purpose signed in with). */
export async function proceedFromProfile(api: KioskApi): Promise<void> {
  const session = store().session;
  if (!session) return;
  if (session.purpose === 'reset') return store().resetChosen();
  // Eligibility first: someone with a mailbox is offered the reset instead of four steps in vain.
  const result = await api.checkAccount();
  if (result.ok) store().applicationAllowed();
  else store().failed(result.code, result.account, result.retryAfterSeconds);
}

/** Accepting tells main exactly which text was shown (version, hash, language). */
export async function acceptPolicy(api: KioskApi, shown: RequestOf<'acceptPolicy'>): Promise<void> {
  const result = await api.acceptPolicy(shown);
  if (result.ok)
    store().policyAccepted(shown.id, { version: shown.version, hash: shown.hash, language: shown.language });
  else store().failed(result.code);
}

/** There is no mailbox without both policies: rejecting either ends the session. */
export async function rejectPolicy(api: KioskApi): Promise<void> {
  await api.endSession({ reason: 'reject' });
  store().policyRejected();
}

/** The names Set account offers; without them the step cannot go on. */
export async function offerCandidates(api: KioskApi): Promise<void> {
  const result = await api.accountCandidates();
  if (result.ok) store().candidatesOffered(result.data.candidates);
  else store().failed(result.code);
}

/** Codes Set account explains beside the fields; every other refusal has its own error screen. */
const EXPLAINED_INLINE: ResultCode[] = [
  'NAME_TAKEN',
  'NAME_NOT_OFFERED',
  'PASSWORD_TOO_SHORT',
  'PASSWORD_TOO_LONG',
  'PASSWORD_CHARACTERS',
  'PASSWORD_PERSONAL',
  'PASSWORD_WEAK',
  'PASSWORD_MISMATCH',
  'PASSWORD_IN_HISTORY',
  'PASSWORD_REFUSED',
  'PASSWORD_BREACHED',
];
/** Codes after which the chosen name is no longer on offer. */
const NAME_GONE: ResultCode[] = ['NAME_TAKEN', 'NAME_NOT_OFFERED'];

export interface CreationRefusal {
  problem: PasswordProblem;
  /** The chosen name is gone; the list has already been offered afresh. */
  nameWithdrawn: boolean;
}

/**
 * Sends the pair once and keeps no reference to it. Resolves to the refusal Set account explains
 * itself, or null when another screen follows (the result, or the code's error screen).
 */
export async function createAccount(
  api: KioskApi,
  account: string,
  pair: RequestOf<'resetPassword'>,
): Promise<CreationRefusal | null> {
  const result = await api.createAccount({ account, password: pair.password, confirm: pair.confirm });
  if (result.ok) {
    store().accountCreated(result.data);
    return null;
  }
  if (!EXPLAINED_INLINE.includes(result.code)) {
    store().failed(result.code, result.account, result.retryAfterSeconds);
    return null;
  }
  const nameWithdrawn = NAME_GONE.includes(result.code);
  if (nameWithdrawn) await offerCandidates(api);
  return { problem: { code: result.code, reason: result.reason }, nameWithdrawn };
}
