// After the helpdesk expects an applicant's own AIS sign-in, Welcome says whom the kiosk waits
// for, for which operator, until when, and how to cancel; it goes by itself when the time is up.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKioskStore } from '../app/kiosk-store';
import { clockTime } from '../i18n/date-format';

export function AwaitedApplicant() {
  const { t, i18n } = useTranslation();
  const awaited = useKioskStore((s) => s.awaited);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!awaited) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.max(0, awaited.until - Date.now()) + 50);
    return () => clearTimeout(timer);
  }, [awaited, now]);
  if (!awaited || awaited.until <= now) return null;
  return (
    <div className="notice awaited" role="status">
      <h2>{t('welcome.awaited.title')}</h2>
      <p>{t('welcome.awaited.who', { staffId: awaited.staffId, operator: awaited.operator })}</p>
      <p>{t('welcome.awaited.until', { time: clockTime(awaited.until, i18n.language) })}</p>
      <p>{t('welcome.awaited.cancel')}</p>
    </div>
  );
}
