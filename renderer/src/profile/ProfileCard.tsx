// The profile card, with the fields and order the legacy portal showed after the AIS sign-in.
import { useTranslation } from 'react-i18next';
import { useKioskApi } from '../api/api-context';
import { useKioskStore } from '../app/kiosk-store';

export function ProfileCard() {
  const { t, i18n } = useTranslation();
  const api = useKioskApi();
  const session = useKioskStore((s) => s.session);
  const reset = useKioskStore((s) => s.reset);
  if (!session) return null;
  const { profile } = session;
  const rows: Array<[string, string]> = [
    [t('profile.id'), profile.id],
    [t('profile.name'), profile.name],
    [t('profile.nameEn'), profile.nameEn],
    [t('profile.from'), t('profile.fromAis')],
    [t('profile.loginTime'), new Date(profile.loginTime).toLocaleString(i18n.language, { hour12: false })],
    [t('profile.language'), t(`profile.languages.${profile.language}`)],
    [t('profile.condition'), profile.condition],
  ];
  const finish = async () => {
    await api.endSession({ reason: 'finish' });
    reset();
  };
  return (
    <section className="screen" aria-labelledby="profile-title">
      <h1 id="profile-title">{t('profile.title')}</h1>
      <dl className="profile">
        {rows.map(([label, value]) => (
          <div key={label} className="profile-row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="actions">
        <button type="button" className="secondary" onClick={() => void finish()}>
          {t('profile.finish')}
        </button>
      </div>
    </section>
  );
}
