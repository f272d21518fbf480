// The reset path after the profile card: the account found by staff ID, New Password and Confirm
// with the live strength, and Cancel / Reset. Refusals (including the directory's own, such as a
// recently used password) are shown here with their code.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKioskApi } from '../api/api-context';
import { useKioskStore } from '../app/kiosk-store';
import { PasswordFields, usePasswordVerdict } from '../password-meter/PasswordFields';
import { PasswordNotices, type PasswordProblem } from '../password-meter/PasswordNotices';

export function ResetPasswordStep() {
  const { t } = useTranslation();
  const api = useKioskApi();
  const session = useKioskStore((s) => s.session);
  const { showScreen, passwordReset } = useKioskStore.getState();
  const [address, setAddress] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<PasswordProblem | null>(null);
  const uid = address?.split('@')[0];
  const verdict = usePasswordVerdict(password, confirm, { staffId: session?.profile.id ?? '', nameEn: session?.profile.nameEn ?? '', account: uid });

  useEffect(() => {
    void api.checkAccount().then((result) => {
      if (result.ok && result.data.account) setAddress(result.data.account);
      else if (!result.ok) showScreen({ name: 'error', code: result.code, account: result.account });
    });
  }, [api, showScreen]);

  const submit = async () => {
    if (!verdict.acceptable || busy) return;
    setBusy(true);
    setProblem(null);
    const result = await api.resetPassword({ password, confirm });
    setPassword('');
    setConfirm('');
    setBusy(false);
    if (result.ok) return passwordReset(result.data.address);
    if (result.code.startsWith('PASSWORD_')) setProblem({ code: result.code, reason: result.reason });
    else showScreen({ name: 'error', code: result.code, account: result.account });
  };
  const cancel = async () => {
    setPassword('');
    setConfirm('');
    await api.endSession({ reason: 'cancel' });
    useKioskStore.getState().reset();
  };

  return (
    <section className="screen" aria-labelledby="reset-title">
      <h1 id="reset-title" tabIndex={-1}>
        {t('reset.title')}
      </h1>
      <p className="lead">{address ? t('reset.account', { address }) : t('reset.finding')}</p>
      <PasswordFields password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm} verdict={verdict} disabled={busy || !address} />
      <PasswordNotices problem={problem} />
      <div className="actions">
        <button type="button" className="secondary large" onClick={() => void cancel()} disabled={busy}>
          {t('reset.cancel')}
        </button>
        <button type="button" className="primary large" onClick={() => void submit()} disabled={busy || !address || !verdict.acceptable}>
          {t('reset.submit')}
        </button>
      </div>
    </section>
  );
}
