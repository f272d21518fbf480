// The state both password screens (apply and reset) share: the typed pair, its verdict, the busy
// flag and the inline problem. send() is the only way the pair leaves the component, and it empties
// both fields whatever the outcome, so a password never outlives the attempt that used it.
import { useState } from 'react';
import type { PasswordPerson } from '../../../shared/password/password-rules';
import { useKioskApi } from '../api/api-context';
import { cancelSession } from '../flows/session';
import { usePasswordVerdict } from './PasswordFields';
import type { PasswordProblem } from './PasswordNotices';

export function usePasswordEntry(person: PasswordPerson) {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<PasswordProblem | null>(null);
  const verdict = usePasswordVerdict(password, confirm, person);
  const api = useKioskApi();

  const clear = () => {
    setPassword('');
    setConfirm('');
  };
  /** Undefined when a send is already under way (a double click) or the pair is not acceptable. */
  const send = async <T>(
    request: (pair: { password: string; confirm: string }) => Promise<T>,
  ): Promise<T | undefined> => {
    if (!verdict.acceptable || busy) return undefined;
    setBusy(true);
    setProblem(null);
    try {
      return await request({ password, confirm });
    } finally {
      clear();
      setBusy(false);
    }
  };
  const cancel = async () => {
    clear();
    await cancelSession(api);
  };
  const fields = { password, confirm, onPassword: setPassword, onConfirm: setConfirm, verdict };
  return { fields, verdict, busy, problem, setProblem, send, cancel };
}
