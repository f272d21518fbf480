// Between the operator and the applicant in an assisted reset: the operator is told to look away,
// the operator's console is gone (and the operator signed out), and only the applicant goes on to
// type the new password.
import { useTranslation } from 'react-i18next';
import { useKioskStore } from '../app/kiosk-store';

export function AssistedHandover() {
  const { t } = useTranslation();
  return (
    <section className="screen" aria-labelledby="handover-title">
      <h1 id="handover-title" tabIndex={-1}>
        {t('helpdesk.handoverTitle')}
      </h1>
      <p className="lead">{t('helpdesk.handoverOperator')}</p>
      <p className="lead">{t('helpdesk.handoverApplicant')}</p>
      <div className="actions">
        <button type="button" className="primary large" onClick={() => useKioskStore.getState().showScreen({ name: 'reset' })}>
          {t('helpdesk.handoverContinue')}
        </button>
      </div>
    </section>
  );
}
