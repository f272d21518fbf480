// Step 4, Results: the lines the legacy portal showed (account, home directory, quota, .MBOX), when
// the account takes effect, and Finish. It returns to Welcome by itself after the configured time.
import { useTranslation } from 'react-i18next';
import { ContactAndFinish } from '../contact/ContactAndFinish';
import { useKioskStore } from '../app/kiosk-store';
import { Stepper } from '../stepper/Stepper';

export function ResultsStep() {
  const { t } = useTranslation();
  const created = useKioskStore((s) => s.created);
  if (!created) return null;
  const { mailbox } = created;
  return (
    <section className="screen wizard" aria-labelledby="step-title">
      <Stepper current={4} />
      <h1 id="step-title" tabIndex={-1}>
        {t('results.title')}
      </h1>
      <ul className="result-lines">
        <li>{t('results.created', { address: created.address })}</li>
        {mailbox.homeCreated && <li>{t('results.home')}</li>}
        {mailbox.quota && <li>{t('results.quota', { used: mailbox.quota.usedKB, quota: mailbox.quota.quotaKB })}</li>}
        {mailbox.mbox && <li>{t('results.mbox', { size: mailbox.mbox.sizeKB, files: mailbox.mbox.files })}</li>}
        {mailbox.mode === 'none' && <li>{t('results.firstDelivery')}</li>}
      </ul>
      <p className="lead">{t('results.effective', { minutes: created.effectiveInMinutes })}</p>
      <ContactAndFinish />
    </section>
  );
}
