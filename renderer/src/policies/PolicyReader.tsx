// "Read the policies": both documents, without signing in. Main reads them from local files, so
// this works with the directory and AIS unreachable. The way back is at the top and in a bar that
// stays in view, so it is reachable without scrolling.
import { useTranslation } from 'react-i18next';
import { useKioskStore } from '../app/kiosk-store';
import { PolicyDocument, usePolicy } from '../policy-document/PolicyDocument';

export function PolicyReader() {
  const { t } = useTranslation();
  const network = usePolicy('network-usage');
  const email = usePolicy('email-terms');
  const policiesClosed = useKioskStore((s) => s.policiesClosed);
  return (
    <section className="screen" aria-labelledby="policies-title">
      <h1 id="policies-title" tabIndex={-1}>
        {t('policies.title')}
      </h1>
      <p className="lead">{t('policies.readOnly')}</p>
      <PolicyDocument state={network} />
      <PolicyDocument state={email} />
      <div className="actions sticky-actions">
        <button type="button" className="primary large" onClick={policiesClosed}>
          {t('policies.back')}
        </button>
      </div>
    </section>
  );
}
