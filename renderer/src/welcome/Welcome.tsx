// The Welcome screen: what the kiosk does, the ways in, and the directory's status in small print.
// While the directory answers reads only, it says so in both languages before anyone signs in.
// When the directory is down, a banner says so first and Apply and Reset are closed with the reason.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useKioskApi, useNavigate } from '../api/api-context';
import { useKioskStore, type StatusView } from '../app/kiosk-store';
import { checkStatus } from '../flows/kiosk';
import { signIn } from '../flows/sign-in';
import { AwaitedApplicant } from './AwaitedApplicant';
import { directoryProblem, ServiceBanner } from './ServiceBanner';

function StatusLine({ status, part = 'directory' }: { status: StatusView; part?: 'directory' | 'ais' }) {
  const { t } = useTranslation();
  if (status.kind === 'checking') return <span data-state="checking">{t('status.checking')}</span>;
  if (status.kind === 'failed')
    return (
      <span data-state="failed">
        {t('status.failed')} {t('errors.reference')} <code>{status.code}</code>
      </span>
    );
  const { state } = status.status[part];
  return <span data-state={state}>{t(state === 'online' ? 'status.online' : 'status.offline')}</span>;
}

/** DIRECTORY_READ_ONLY, Traditional Chinese first, shown before anyone starts what would be refused. */
function WritesPaused() {
  const { i18n } = useTranslation();
  const zh = i18n.getFixedT('zh-TW');
  const en = i18n.getFixedT('en');
  return (
    <div className="notice" role="status" data-code="DIRECTORY_READ_ONLY">
      <p lang="zh-Hant-TW">
        {zh('errors.DIRECTORY_READ_ONLY.title')}
        {zh('errors.DIRECTORY_READ_ONLY.guidance')}
      </p>
      <p lang="en">
        {en('errors.DIRECTORY_READ_ONLY.title')} {en('errors.DIRECTORY_READ_ONLY.guidance')}
      </p>
    </div>
  );
}

export function Welcome() {
  const { t } = useTranslation();
  const api = useKioskApi();
  const navigate = useNavigate();
  const status = useKioskStore((s) => s.status);
  const problem = directoryProblem(status);

  useEffect(() => {
    void checkStatus(api);
  }, [api]);

  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <h1 id="welcome-title">{t('welcome.title')}</h1>
      <p className="lead">{t('welcome.lead')}</p>
      <AwaitedApplicant />
      {status.kind === 'known' && status.status.notice === 'DIRECTORY_READ_ONLY' && <WritesPaused />}
      <ServiceBanner problem={problem} />
      <div className="welcome-actions">
        <button
          type="button"
          className="primary large"
          disabled={problem !== null}
          aria-describedby={problem ? 'service-banner' : undefined}
          onClick={() => void signIn(api, navigate, 'apply')}
        >
          {t('welcome.apply')}
        </button>
        <button
          type="button"
          className="primary large"
          disabled={problem !== null}
          aria-describedby={problem ? 'service-banner' : undefined}
          onClick={() => void signIn(api, navigate, 'reset')}
        >
          {t('welcome.reset')}
        </button>
        <button type="button" className="secondary large" onClick={() => useKioskStore.getState().policiesOpened()}>
          {t('welcome.policies')}
        </button>
      </div>
      {/* Said only while Apply and Reset can be used: it speaks of those two. */}
      {problem === null && <p className="hint">{t('welcome.signInHint')}</p>}
      <footer className="service-status" aria-label={t('welcome.statusHeading')}>
        <p className="status-line">
          <span>{t('status.directory')}</span>
          <StatusLine status={status} />
        </p>
        <p className="status-line">
          <span>{t('status.ais')}</span>
          <StatusLine status={status} part="ais" />
        </p>
        {status.kind === 'known' && (
          <p>{t('status.kiosk', { kioskId: status.status.kioskId, version: status.status.appVersion })}</p>
        )}
      </footer>
    </section>
  );
}
