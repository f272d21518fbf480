// The helpdesk operator's sign-in, opened by Ctrl+Alt+H or five taps on the center's name: the
// operator's own directory account and password (checked in main with a bind).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultCode } from '../../../shared/contract/codes';
import { useKioskApi } from '../api/api-context';
import { SecretInput } from '../password-meter/SecretInput';
import { useKioskStore } from '../app/kiosk-store';
import { Refusal } from '../errors/Refusal';
import { signInOperator } from '../flows/helpdesk';

export function OperatorSignIn() {
  const { t } = useTranslation();
  const api = useKioskApi();
  const [uid, setUid] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<ResultCode | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    const sent = signInOperator(api, uid, password);
    // Sent once: the field lets go of the password at once, whatever main answers.
    setPassword('');
    setProblem(await sent);
    setBusy(false);
  };
  return (
    <section className="screen" aria-labelledby="operator-title">
      <h1 id="operator-title" tabIndex={-1}>
        {t('helpdesk.signInTitle')}
      </h1>
      <form
        className="password-fields"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label htmlFor="operator-uid">{t('helpdesk.uid')}</label>
        <input id="operator-uid" autoComplete="off" value={uid} onChange={(e) => setUid(e.target.value)} />
        <label htmlFor="operator-password">{t('helpdesk.password')}</label>
        <SecretInput id="operator-password" autoComplete="off" value={password} onValue={setPassword} />
        <div className="actions">
          <button type="button" className="secondary" onClick={() => useKioskStore.getState().helpdeskLeft()}>
            {t('helpdesk.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy || !uid || !password}>
            {t('helpdesk.signIn')}
          </button>
        </div>
      </form>
      {problem && <Refusal code={problem} guidance />}
    </section>
  );
}
