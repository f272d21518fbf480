// The reset path after the profile card: the account found by staff ID, New Password and Confirm
// with the live strength, and Cancel / Reset. Refusals (including the directory's own, such as a
// recently used password) are shown here with their code.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKioskApi } from '../api/api-context';
import { useKioskStore } from '../app/kiosk-store';
import { PasswordFields } from '../password-meter/PasswordFields';
import { PasswordNotices } from '../password-meter/PasswordNotices';
import { usePasswordEntry } from '../password-meter/use-password-entry';

export function ResetPasswordStep() {
  const { t } = useTranslation();
  const api = useKioskApi();
  const session = useKioskStore((s) => s.session);
  const { showScreen, passwordReset } = useKioskStore.getState();
  const [address, setAddress] = useState<string | null>(null);
  const uid = address?.split('@')[0];
  const { fields, verdict, busy, problem, setProblem, send, cancel } = usePasswordEntry({
    staffId: session?.profile.id ?? '',
    nameEn: session?.profile.nameEn ?? '',
    account: uid,
  });

  useEffect(() => {
    void api.checkAccount().then((result) => {
      if (result.ok && result.data.account) setAddress(result.data.account);
      else if (!result.ok) showScreen({ name: 'error', code: result.code, account: result.account });
    });
  }, [api, showScreen]);

  const submit = async () => {
    const result = await send((pair) => api.resetPassword(pair));
    if (!result) return;
    if (result.ok) return passwordReset(result.data.address);
    if (result.code.startsWith('PASSWORD_')) setProblem({ code: result.code, reason: result.reason });
    else showScreen({ name: 'error', code: result.code, account: result.account });
  };

  return (
    <section className="screen" aria-labelledby="reset-title">
      <h1 id="reset-title" tabIndex={-1}>
        {t('reset.title')}
      </h1>
      <p className="lead">{address ? t('reset.account', { address }) : t('reset.finding')}</p>
      <PasswordFields {...fields} disabled={busy || !address} />
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
