// An error as staff know it: what happened, the code (e.g. DECRYPT(-2)), what to do, and one
// large way on. Someone who already has a mailbox (USER(-1)) is offered the reset.
import { useTranslation } from 'react-i18next';
import type { ResultCode } from '../../../shared/contract/codes';
import { useKioskApi, useNavigate } from '../api/api-context';
import { endSession, resetInstead } from '../flows/session';

export function ErrorScreen({ code, account, retryAfterSeconds }: { code: ResultCode; account?: string; retryAfterSeconds?: number }) {
  const { t, i18n } = useTranslation();
  const api = useKioskApi();
  const navigate = useNavigate();
  // Codes without their own text fall back to the helpdesk guidance, still showing the code.
  const key = i18n.exists(`errors.${code}.title`) ? `errors.${code}` : 'errors.generic';
  const backToStart = () => endSession(api, 'cancel');
  return (
    <section className="screen error-screen" role="alert" aria-labelledby="error-title">
      <h1 id="error-title" tabIndex={-1}>
        {t(`${key}.title`)}
      </h1>
      <p className="error-code">
        {t('errors.codeLabel')} <code>{code}</code>
      </p>
      {account && <p className="lead">{t('errors.account', { account })}</p>}
      <p className="lead">{t(`${key}.guidance`)}</p>
      {retryAfterSeconds !== undefined && <p className="lead">{t('errors.retryAfter', { seconds: retryAfterSeconds })}</p>}
      <div className="actions">
        {code === 'USER(-1)' ? (
          <>
            <button type="button" className="primary large" onClick={() => void resetInstead(api, navigate)}>
              {t('welcome.reset')}
            </button>
            <button type="button" className="secondary large" onClick={() => void backToStart()}>
              {t('errors.backToStart')}
            </button>
          </>
        ) : (
          <button type="button" className="primary large" onClick={() => void backToStart()}>
            {t('errors.backToStart')}
          </button>
        )}
      </div>
    </section>
  );
}
