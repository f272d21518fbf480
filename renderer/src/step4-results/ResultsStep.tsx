// Step 4, Results: the lines the legacy portal showed (account, home directory, quota, .MBOX), when
// the account takes effect, and Finish. It returns to Welcome by itself after the configured time.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ContactStep } from '../contact/ContactStep';
import { useKioskStore } from '../app/kiosk-store';
import { Stepper } from '../stepper/Stepper';
import { useFinish } from './use-finish';

export function ResultsStep() {
  const { t } = useTranslation();
  const created = useKioskStore((s) => s.created);
  // Once the person works on the contact address, the screen no longer leaves by itself.
  const [contactActive, setContactActive] = useState(false);
  const finish = useFinish(contactActive ? null : undefined);
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
      <p className="notes">{t('setAccount.noteNeverSend')}</p>
      <ContactStep onActive={() => setContactActive(true)} />
      <div className="actions">
        <button type="button" className="primary large" onClick={() => void finish()}>
          {t('results.finish')}
        </button>
      </div>
    </section>
  );
}
