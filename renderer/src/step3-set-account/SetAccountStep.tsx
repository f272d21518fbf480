// Step 3, Set account: the read-only profile, the offered names (each @mx.nthu.edu.tw), the
// warning that a name is forever, New Password and Confirm with the live strength, Status: New
// Apply, and Cancel / Apply (取消申請 / 確定申請). The passwords live only in this component and are
// cleared after every submit, whatever its outcome.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKioskApi } from '../api/api-context';
import { useKioskStore } from '../app/kiosk-store';
import { createAccount, offerCandidates } from '../flows/application';
import { PasswordFields } from '../password-meter/PasswordFields';
import { PasswordNotices } from '../password-meter/PasswordNotices';
import { usePasswordEntry } from '../password-meter/use-password-entry';
import { Stepper } from '../stepper/Stepper';

export function SetAccountStep() {
  const { t } = useTranslation();
  const api = useKioskApi();
  const session = useKioskStore((s) => s.session);
  const candidates = useKioskStore((s) => s.candidates);
  const domain = useKioskStore((s) => s.settings.mailDomain);
  const [chosen, setChosen] = useState<string | null>(null);
  const profile = session?.profile;
  const { fields, verdict, busy, problem, setProblem, send, cancel } = usePasswordEntry({
    staffId: profile?.id ?? '',
    nameEn: profile?.nameEn ?? '',
    account: chosen ?? undefined,
  });

  useEffect(() => {
    void offerCandidates(api);
  }, [api]);

  if (!profile) return null;
  const loading = candidates.length === 0;

  const submit = async () => {
    if (!chosen) return;
    const refusal = await send((pair) => createAccount(api, chosen, pair));
    if (!refusal) return;
    setProblem(refusal.problem);
    if (refusal.nameWithdrawn) setChosen(null);
  };

  return (
    <section className="screen wizard" aria-labelledby="step-title">
      <Stepper current={3} />
      <h1 id="step-title" tabIndex={-1}>
        {t('setAccount.title')}
      </h1>
      <dl className="profile compact">
        <div className="profile-row">
          <dt>{t('profile.id')}</dt>
          <dd>{profile.id}</dd>
        </div>
        <div className="profile-row">
          <dt>{t('profile.name')}</dt>
          <dd>{profile.name}</dd>
        </div>
        <div className="profile-row">
          <dt>{t('profile.nameEn')}</dt>
          <dd>{profile.nameEn}</dd>
        </div>
      </dl>
      <fieldset className="candidates" disabled={busy} aria-busy={loading}>
        <legend>{t('setAccount.chooseName')}</legend>
        {/* The live region stays in the page so that screen readers announce the change; the list
            arrives without taking the focus from a person who has already moved on. */}
        <p role="status" className={loading ? 'loading-names' : 'visually-hidden'}>
          {loading ? t('setAccount.loadingNames') : ''}
        </p>
        {candidates.map((name) => (
          <label key={name} className={`candidate${chosen === name ? ' chosen' : ''}`}>
            <input type="radio" name="account" value={name} checked={chosen === name} onChange={() => setChosen(name)} />
            <span>
              {name}@{domain}
            </span>
          </label>
        ))}
      </fieldset>
      <p className="warning">{t('setAccount.forever')}</p>
      <PasswordFields {...fields} disabled={busy} />
      <p className="status-field">
        {t('setAccount.status')} <strong>{t('setAccount.newApply')}</strong>
      </p>
      <PasswordNotices problem={problem} />
      <div className="actions">
        <button type="button" className="secondary large" onClick={() => void cancel()} disabled={busy}>
          {t('setAccount.cancel')}
        </button>
        <button type="button" className="primary large" onClick={() => void submit()} disabled={busy || !chosen || !verdict.acceptable} aria-busy={busy}>
          {t('setAccount.apply')}
        </button>
      </div>
    </section>
  );
}
