// The profile card, with the fields and order the legacy portal showed after the AIS sign-in, and
// the way on: New Email Account (電子郵件帳號申請) or Reset mailbox password. When the passport name
// yields no usable account name, the card says so before any policy is read, and sends the person
// to the helpdesk instead of letting them through two policies in vain.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKioskApi } from '../api/api-context';
import { useKioskStore } from '../app/kiosk-store';
import { proceedFromProfile } from '../flows/application';
import { endSession } from '../flows/session';
import { dateAndTime } from '../i18n/date-format';

export function ProfileCard() {
  const { t, i18n } = useTranslation();
  const api = useKioskApi();
  const session = useKioskStore((s) => s.session);
  const [busy, setBusy] = useState(false);
  if (!session) return null;
  const { profile } = session;
  const operator = session.assistedBy;
  const from =
    profile.from === 'helpdesk'
      ? t('profile.fromHr', { operator: operator ?? '—' })
      : operator
        ? t('profile.fromAisAssisted', { operator })
        : t('profile.fromAis');
  const noName = session.purpose === 'apply' && !session.nameUsable;
  const rows: Array<[string, string]> = [
    [t('profile.id'), profile.id],
    [t('profile.name'), profile.name],
    [t('profile.nameEn'), profile.nameEn],
    [t('profile.from'), from],
    // From the HR records nobody signed in: the row says when the application started.
    [
      t(profile.from === 'helpdesk' ? 'profile.startTime' : 'profile.loginTime'),
      dateAndTime(profile.loginTime, i18n.language),
    ],
    [t('profile.language'), t(`profile.languages.${profile.language}`)],
    // AIS sends the condition in Chinese; English readers get it translated, an unknown one as it came.
    [t('profile.condition'), t(`profile.conditions.${profile.condition}`, { defaultValue: profile.condition })],
  ];
  const finish = () => endSession(api, 'finish');
  const goOn = async () => {
    setBusy(true);
    await proceedFromProfile(api);
    setBusy(false);
  };
  return (
    <section className="screen" aria-labelledby="profile-title">
      <h1 id="profile-title" tabIndex={-1}>
        {t('profile.title')}
      </h1>
      <dl className="profile">
        {rows.map(([label, value]) => (
          <div key={label} className="profile-row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {noName && (
        <div className="banner" role="alert">
          <h2>{t('profile.noNameTitle')}</h2>
          <p>{t('profile.noNameExplain')}</p>
        </div>
      )}
      <div className="actions">
        {!noName && (
          <button type="button" className="primary large" onClick={() => void goOn()} disabled={busy}>
            {session.purpose === 'reset' ? t('profile.resetPassword') : t('profile.newAccount')}
          </button>
        )}
        <button type="button" className="secondary" onClick={() => void finish()}>
          {t('profile.finish')}
        </button>
      </div>
    </section>
  );
}
