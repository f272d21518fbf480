// This kiosk, for the helpdesk: its health as one line that opens into the checks and today's
// labelled counts, its out-of-service switch (which asks first), and the consistency check of its
// audit trail against the directory, which reads every account and so runs only on request.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FleetCheckResponse, HealthResponse } from '../../../shared/contract/helpdesk-schemas';
import { useKioskApi } from '../api/api-context';
import { useKioskStore } from '../app/kiosk-store';
import { ConfirmDialog } from '../confirm/ConfirmDialog';
import { loadHealth, runFleetCheck, switchOutOfService } from '../flows/helpdesk';
import { HealthSummary } from './HealthSummary';

export function KioskPanel() {
  const { t } = useTranslation();
  const api = useKioskApi();
  const outOfService = useKioskStore((s) => s.status.kind === 'known' && s.status.status.outOfService);
  const [health, setHealth] = useState<HealthResponse | null>(null);
  const [checks, setChecks] = useState<FleetCheckResponse['checks'] | null>(null);
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    void loadHealth(api).then((loaded) => {
      if (loaded) setHealth(loaded);
    });
  }, [api]);
  const toggle = async () => {
    setConfirming(false);
    await switchOutOfService(api, !outOfService);
  };
  return (
    <>
      <h2>{t('helpdesk.health')}</h2>
      <HealthSummary health={health} />
      <h3>{t('helpdesk.thisKioskSwitch')}</h3>
      <button type="button" className="secondary" onClick={() => setConfirming(true)}>
        {outOfService ? t('helpdesk.backInService') : t('helpdesk.outOfService')}
      </button>
      <h3>{t('helpdesk.fleet')}</h3>
      <p className="notes">{t('helpdesk.fleetExplain')}</p>
      <button type="button" className="secondary" onClick={() => void runFleetCheck(api).then(setChecks)}>
        {t('helpdesk.fleetRun')}
      </button>
      {checks && (
        <ul className="checks fleet-checks">
          {checks.map((c, i) => (
            <li key={`${c.name}:${i}`} data-status={c.status}>
              <strong>{c.status}</strong> {c.name} <span>{c.detail}</span>
            </li>
          ))}
        </ul>
      )}
      {confirming && (
        <ConfirmDialog
          title={t(outOfService ? 'helpdesk.switchConfirm.backTitle' : 'helpdesk.switchConfirm.offTitle')}
          explain={t(outOfService ? 'helpdesk.switchConfirm.backExplain' : 'helpdesk.switchConfirm.offExplain')}
          keepLabel={t('helpdesk.switchConfirm.keep')}
          confirmLabel={outOfService ? t('helpdesk.backInService') : t('helpdesk.outOfService')}
          onKeep={() => setConfirming(false)}
          onConfirm={() => void toggle()}
        />
      )}
    </>
  );
}
