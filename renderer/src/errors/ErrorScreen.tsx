// An error in plain words, with the code staff know (e.g. DECRYPT(-2)) smaller beside it, what to
// do, and a button that does what the text says: an expired link or a changed network signs in to
// AIS again; someone who already has a mailbox (USER(-1)) is offered the reset; someone without
// one on the reset path (USER(-2)) is offered the application.
import { useTranslation } from 'react-i18next';
import type { ResultCode } from '../../../shared/contract/codes';
import { useKioskApi, useNavigate } from '../api/api-context';
import { useKioskStore } from '../app/kiosk-store';
import { endSession, signInAgain } from '../flows/session';

/** Codes whose way on is a fresh AIS sign-in for the same purpose. */
const SIGN_IN_AGAIN: ResultCode[] = ['DECRYPT(-2)', 'SESSION(-2)'];

export function ErrorScreen({
  code,
  account,
  retryAfterSeconds,
}: {
  code: ResultCode;
  account?: string;
  retryAfterSeconds?: number;
}) {
  const { t, i18n } = useTranslation();
  const api = useKioskApi();
  const navigate = useNavigate();
  // Codes without their own text fall back to the helpdesk guidance, still showing the code.
  const key = i18n.exists(`errors.${code}.title`) ? `errors.${code}` : 'errors.generic';
  const purpose = useKioskStore((s) => s.session?.purpose ?? s.signInPurpose);
  const backToStart = () => endSession(api, 'cancel');
  const wayOn =
    code === 'USER(-1)'
      ? { label: t('welcome.reset'), go: () => signInAgain(api, navigate, 'reset') }
      : code === 'USER(-2)' && purpose === 'reset'
        ? { label: t('errors.applyInstead'), go: () => signInAgain(api, navigate, 'apply') }
        : SIGN_IN_AGAIN.includes(code)
          ? { label: t('errors.signInAgain'), go: () => signInAgain(api, navigate, purpose) }
          : null;
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
      {retryAfterSeconds !== undefined && (
        <p className="lead">{t('errors.retryAfter', { seconds: retryAfterSeconds })}</p>
      )}
      <div className="actions">
        {wayOn ? (
          <>
            <button type="button" className="primary large" onClick={() => void wayOn.go()}>
              {wayOn.label}
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
