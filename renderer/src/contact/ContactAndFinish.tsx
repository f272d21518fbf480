// How both result screens (a new account, a reset password) end: the never-share note, the
// optional contact address, and Finish. The screen leaves by itself after the configured time,
// unless the person has started on the contact address (the idle guard still watches then).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFinish } from '../step4-results/use-finish';
import { ContactStep } from './ContactStep';

export function ContactAndFinish() {
  const { t } = useTranslation();
  const [contactActive, setContactActive] = useState(false);
  const finish = useFinish(contactActive ? null : undefined);
  return (
    <>
      <p className="notes">{t('setAccount.noteNeverSend')}</p>
      <ContactStep onActive={() => setContactActive(true)} />
      <div className="actions">
        <button type="button" className="primary large" onClick={() => void finish()}>
          {t('results.finish')}
        </button>
      </div>
    </>
  );
}
