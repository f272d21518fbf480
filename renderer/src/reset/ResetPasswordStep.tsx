// The reset path after the profile card: the account found by staff ID, New Password and Confirm
// with the live strength, and Cancel / Reset; Cancel asks first once anything is typed. Refusals
// (including the directory's own, such as a recently used password) are shown here with their code.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKioskApi } from '../api/api-context';
import { useKioskStore } from '../app/kiosk-store';
import { findAccountToReset, resetPassword } from '../flows/password-reset';
import { whatIsMissing } from '../password-meter/missing-reason';
import { PasswordActions } from '../password-meter/PasswordActions';
import { PasswordFields } from '../password-meter/PasswordFields';
import { PasswordNotices } from '../password-meter/PasswordNotices';
import { usePasswordEntry } from '../password-meter/use-password-entry';

export function ResetPasswordStep() {
  const { t } = useTranslation();
  const api = useKioskApi();
  const session = useKioskStore((s) => s.session);
  const [address, setAddress] = useState<string | null>(null);
  const uid = address?.split('@')[0];
  const { fields, verdict, busy, problem, setProblem, send, cancel } = usePasswordEntry({
    staffId: session?.profile.id ?? '',
    nameEn: session?.profile.nameEn ?? '',
    account: uid,
  });

  useEffect(() => {
    void findAccountToReset(api).then((found) => {
      if (found) setAddress(found);
    });
  }, [api]);

  const typed = fields.password !== '' || fields.confirm !== '';
  const missing = address ? whatIsMissing(verdict, busy) : { key: 'busy' as const };
  const submit = async () => {
    const refusal = await send((pair) => resetPassword(api, pair));
    if (refusal) setProblem(refusal);
  };

  return (
    <section className="screen" aria-labelledby="reset-title">
      <h1 id="reset-title" tabIndex={-1}>
        {t('reset.title')}
      </h1>
      <p className="lead">{address ? t('reset.account', { address }) : t('reset.finding')}</p>
      <PasswordFields {...fields} disabled={busy || !address} />
      <PasswordNotices problem={problem} />
      <PasswordActions task="reset" missing={missing} busy={busy} askFirst={typed} onApply={submit} onCancel={cancel} />
    </section>
  );
}
