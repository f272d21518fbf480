// The reset path's result: which mailbox has the new password, and Finish.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ContactStep } from '../contact/ContactStep';
import { useKioskStore } from '../app/kiosk-store';
import { useFinish } from '../step4-results/use-finish';

export function ResetDone() {
  const { t } = useTranslation();
  const address = useKioskStore((s) => s.resetAddress);
  // Once the person works on the contact address, the screen no longer leaves by itself.
  const [contactActive, setContactActive] = useState(false);
  const finish = useFinish(contactActive ? null : undefined);
  return (
    <section className="screen" aria-labelledby="reset-done-title">
      <h1 id="reset-done-title" tabIndex={-1}>
        {t('reset.doneTitle')}
      </h1>
      <p className="lead">{t('reset.done', { address: address ?? '' })}</p>
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
