// Step 3, Set account: the read-only profile, the offered names (each @mx.nthu.edu.tw; the best
// six first, the rest behind "more names"), the warning that a name is forever, 信箱新密碼 / 新密碼確認
// with the live strength, the application type, and Cancel / Apply (取消申請 / 確定申請). A disabled
// Apply says what is missing; Cancel asks first. The passwords live only in this component and are
// cleared after every submit, whatever its outcome.
//
// Every key in the password field renders this step again. What does not depend on the password
// (the stepper, the profile and the names) is memoised, so a key renders only the password side
// (docs/BENCHMARKS.md, "Password meter", has what that saves).
import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKioskApi } from '../api/api-context';
import type { SessionProfile } from '../../../shared/contract/schemas';
import { useKioskStore } from '../app/kiosk-store';
import { createAccount, offerCandidates } from '../flows/application';
import { whatIsMissing } from '../password-meter/missing-reason';
import { PasswordActions } from '../password-meter/PasswordActions';
import { PasswordFields } from '../password-meter/PasswordFields';
import { PasswordNotices } from '../password-meter/PasswordNotices';
import { usePasswordEntry } from '../password-meter/use-password-entry';
import { Stepper } from '../stepper/Stepper';

/** How many names show before "more names": the list is sorted best first (shortest, then alphabetical). */
export const NAMES_FIRST_SHOWN = 6;

const StepperAtSetAccount = memo(function StepperAtSetAccount() {
  return <Stepper current={3} />;
});

const ProfileSummary = memo(function ProfileSummary({ profile }: { profile: SessionProfile }) {
  const { t } = useTranslation();
  return (
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
  );
});

/** The offered names (best six first, the rest behind "more names") and the warning that a name is forever. */
const NameChoice = memo(function NameChoice({
  chosen,
  busy,
  onPick,
}: {
  chosen: string | null;
  busy: boolean;
  onPick(name: string): void;
}) {
  const { t } = useTranslation();
  const candidates = useKioskStore((s) => s.candidates);
  const domain = useKioskStore((s) => s.settings.mailDomain);
  const [allNames, setAllNames] = useState(false);
  const loading = candidates.length === 0;
  const shown = allNames ? candidates : candidates.slice(0, NAMES_FIRST_SHOWN);
  return (
    <fieldset className="candidates" disabled={busy} aria-busy={loading}>
      <legend>{t('setAccount.chooseName')}</legend>
      {/* The live region stays in the page so that screen readers announce the change; the list
          arrives without taking the focus from a person who has already moved on. */}
      <p role="status" className={loading ? 'loading-names' : 'visually-hidden'}>
        {loading ? t('setAccount.loadingNames') : ''}
      </p>
      <div className="candidate-list">
        {shown.map((name) => (
          <label key={name} className={`candidate${chosen === name ? ' chosen' : ''}`}>
            <input type="radio" name="account" value={name} checked={chosen === name} onChange={() => onPick(name)} />
            <span>
              {name}@{domain}
            </span>
          </label>
        ))}
      </div>
      {!allNames && candidates.length > NAMES_FIRST_SHOWN && (
        <button type="button" className="link-button" onClick={() => setAllNames(true)}>
          {t('setAccount.moreNames', { more: candidates.length - NAMES_FIRST_SHOWN })}
        </button>
      )}
      <p className="warning">{t('setAccount.forever')}</p>
    </fieldset>
  );
});

export function SetAccountStep() {
  const { t } = useTranslation();
  const api = useKioskApi();
  const session = useKioskStore((s) => s.session);
  const candidates = useKioskStore((s) => s.candidates);
  const [picked, setPicked] = useState<string | null>(null);
  // Preselected only when there is no choice to make; otherwise the person picks (a name is forever).
  const chosen = picked ?? (candidates.length === 1 ? candidates[0]! : null);
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
  const missing = whatIsMissing(verdict, busy, chosen !== null);

  const submit = async () => {
    if (!chosen) return;
    const refusal = await send((pair) => createAccount(api, chosen, pair));
    if (!refusal) return;
    setProblem(refusal.problem);
    if (refusal.nameWithdrawn) setPicked(null);
  };

  return (
    <section className="screen wizard set-account" aria-labelledby="step-title">
      <StepperAtSetAccount />
      <h1 id="step-title" tabIndex={-1}>
        {t('setAccount.title')}
      </h1>
      <div className="set-account-choice">
        <ProfileSummary profile={profile} />
        <NameChoice chosen={chosen} busy={busy} onPick={setPicked} />
      </div>
      {/* The password side holds the fields, the meter and the buttons together, so they stay in view while typing. */}
      <div className="set-account-password">
        <div className="password-area">
          <PasswordFields {...fields} disabled={busy} />
          <p className="status-field">
            {t('setAccount.status')} <strong>{t('setAccount.newApply')}</strong>
          </p>
          <PasswordNotices problem={problem} />
        </div>
        <PasswordActions task="apply" missing={missing} busy={busy} askFirst onApply={submit} onCancel={cancel} />
      </div>
    </section>
  );
}
