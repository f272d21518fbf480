// An error as staff know it: what happened, the code (e.g. DECRYPT(-2)), what to do, and one
// large way back to the start.
import { useTranslation } from 'react-i18next';
import type { ResultCode } from '../../../shared/contract/codes';
import { useKioskApi } from '../api/api-context';
import { useKioskStore } from '../app/kiosk-store';

export function ErrorScreen({ code }: { code: ResultCode }) {
  const { t, i18n } = useTranslation();
  const api = useKioskApi();
  const reset = useKioskStore((s) => s.reset);
  // Codes without their own text fall back to the helpdesk guidance, still showing the code.
  const key = i18n.exists(`errors.${code}.title`) ? `errors.${code}` : 'errors.generic';
  const backToStart = async () => {
    await api.endSession({ reason: 'cancel' });
    reset();
  };
  return (
    <section className="screen error-screen" role="alert" aria-labelledby="error-title">
      <h1 id="error-title">{t(`${key}.title`)}</h1>
      <p className="error-code">
        {t('errors.codeLabel')} <code>{code}</code>
      </p>
      <p className="lead">{t(`${key}.guidance`)}</p>
      <button type="button" className="primary large" onClick={() => void backToStart()}>
        {t('errors.backToStart')}
      </button>
    </section>
  );
}
