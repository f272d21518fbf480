// Between the operator and the applicant in an assisted session: the operator is told to look
// away, the operator's console is gone (and the operator signed out), and only the applicant goes
// on: to the profile card for an application, to the new password for a reset.
import { useTranslation } from 'react-i18next';
import { useKioskStore } from '../app/kiosk-store';

export function AssistedHandover() {
  const { t } = useTranslation();
  const applicantTookOver = useKioskStore((s) => s.applicantTookOver);
  return (
    <section className="screen" aria-labelledby="handover-title">
      <h1 id="handover-title" tabIndex={-1}>
        {t('helpdesk.handoverTitle')}
      </h1>
      <p className="lead">{t('helpdesk.handoverOperator')}</p>
      <p className="lead">{t('helpdesk.handoverApplicant')}</p>
      <div className="actions">
        <button type="button" className="primary large" onClick={applicantTookOver}>
          {t('helpdesk.handoverContinue')}
        </button>
      </div>
    </section>
  );
}
