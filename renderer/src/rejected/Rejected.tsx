// After Reject on step 1 or 2: the session has already ended; explain why there is no mailbox.
// Nothing personal is left here; the idle guard brings Welcome back if nobody presses the button.
import { useTranslation } from 'react-i18next';
import { useFinish } from '../step4-results/use-finish';

export function Rejected() {
  const { t } = useTranslation();
  const finish = useFinish();
  return (
    <section className="screen" aria-labelledby="rejected-title">
      <h1 id="rejected-title" tabIndex={-1}>
        {t('rejected.title')}
      </h1>
      <p className="lead">{t('rejected.explain')}</p>
      <div className="actions">
        <button type="button" className="primary large" onClick={() => void finish()}>
          {t('errors.backToStart')}
        </button>
      </div>
    </section>
  );
}
