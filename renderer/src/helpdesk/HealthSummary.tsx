// The kiosk's health as one line (checks passed and failed), which opens into each check, the
// version and configuration, and today's counts with their labels.
import { useTranslation } from 'react-i18next';
import type { HealthResponse } from '../../../shared/contract/helpdesk-schemas';

export function HealthSummary({ health }: { health: HealthResponse | null }) {
  const { t } = useTranslation();
  if (!health) return <p aria-busy="true">{t('policy.loading')}</p>;
  const failed = health.checks.filter((c) => c.status === 'FAIL').length;
  const passed = health.checks.filter((c) => c.status === 'OK').length;
  return (
    <details className="health-summary">
      <summary data-status={failed > 0 ? 'FAIL' : 'OK'}>{t('helpdesk.healthLine', { passed, failed })}</summary>
      <p className="notes">
        {t('helpdesk.about', {
          version: health.appVersion,
          path: health.configPath,
          ais: t(`helpdesk.aisMode.${health.aisMode}`),
        })}
      </p>
      <ul className="checks">
        {health.checks.map((c) => (
          <li key={c.name} data-status={c.status}>
            <strong>{c.status}</strong> {c.name} <span>{c.detail}</span>
          </li>
        ))}
      </ul>
      <h3>{t('helpdesk.today')}</h3>
      {health.counts.length === 0 ? (
        <p>{t('helpdesk.noCounts')}</p>
      ) : (
        <ul className="checks">
          {health.counts.map((c) => (
            <li key={`${c.action}:${c.result}`}>
              {t('helpdesk.countLine', {
                action: t(`helpdesk.actions.${c.action}`, { defaultValue: c.action }),
                result: t(`helpdesk.results.${c.result}`, { defaultValue: c.result }),
                n: c.count,
              })}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
