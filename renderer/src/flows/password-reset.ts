// Resetting a mailbox password after the profile card: the account found by staff ID, then the new
// pair. Password refusals stay beside the fields; any other refusal has its own error screen.
import type { KioskApi, RequestOf } from '../../../shared/contract/api';
import { useKioskStore } from '../app/kiosk-store';
import type { PasswordProblem } from '../password-meter/PasswordNotices';

const store = () => useKioskStore.getState();

/** The address to reset, or null when there is none to show (main's refusal has its error screen). */
export async function findAccountToReset(api: KioskApi): Promise<string | null> {
  const result = await api.checkAccount();
  if (!result.ok) {
    store().failed(result.code, result.account, result.retryAfterSeconds);
    return null;
  }
  return result.data.account ?? null;
}

/** Sends the pair once and keeps no reference to it. Resolves to a password refusal to show, or null when another screen follows. */
export async function resetPassword(api: KioskApi, pair: RequestOf<'resetPassword'>): Promise<PasswordProblem | null> {
  const result = await api.resetPassword({ password: pair.password, confirm: pair.confirm });
  if (result.ok) {
    store().passwordReset(result.data.address);
    return null;
  }
  // The password's own refusals are explained beside the fields; "it may already be set" is not
  // a refusal of the password, and gets its own screen.
  if (result.code.startsWith('PASSWORD_') && result.code !== 'PASSWORD_MAY_BE_SET')
    return { code: result.code, reason: result.reason };
  store().failed(result.code, result.account, result.retryAfterSeconds);
  return null;
}
