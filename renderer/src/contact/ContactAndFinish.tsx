// How both result screens (a new account, a reset password) end: the never-share note, the
// optional contact address, and Finish, clearly the last action. Only Finish or the idle guard
// (which warns first) leaves the screen.
import { useTranslation } from 'react-i18next';
import { useFinish } from '../step4-results/use-finish';
import { ContactStep } from './ContactStep';

export function ContactAndFinish() {
  const { t } = useTranslation();
  const finish = useFinish();
  return (
    <>
      <p className="notes">{t('setAccount.noteNeverSend')}</p>
      <ContactStep />
      <div className="actions finish-actions">
        <p className="hint">{t('results.finishHint')}</p>
        <button type="button" className="primary large" onClick={() => void finish()}>
          {t('results.finish')}
        </button>
      </div>
    </>
  );
}
