// The reset path's result: which mailbox has the new password, then the contact address and Finish.
import { useTranslation } from 'react-i18next';
import { useKioskStore } from '../app/kiosk-store';
import { ContactAndFinish } from '../contact/ContactAndFinish';

export function ResetDone() {
  const { t } = useTranslation();
  const address = useKioskStore((s) => s.resetAddress);
  return (
    <section className="screen" aria-labelledby="reset-done-title">
      <h1 id="reset-done-title" tabIndex={-1}>
        {t('reset.doneTitle')}
      </h1>
      <p className="lead">{t('reset.done', { address: address ?? '' })}</p>
      <ContactAndFinish />
    </section>
  );
}
