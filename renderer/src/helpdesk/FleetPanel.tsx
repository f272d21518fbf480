// The fleet in the helpdesk console: every kiosk as its heartbeat in the directory says (state,
// last seen, version, who set its own switch and when), whether the whole fleet is switched out of
// service and by whom, and that switch, which asks first. When the directory did not answer, the
// picture is the last known one, and says so.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FleetStatusResponse, SwitchMark } from '../../../shared/contract/helpdesk-schemas';
import { useKioskApi } from '../api/api-context';
import { ConfirmDialog } from '../confirm/ConfirmDialog';
import { loadFleet, switchFleet } from '../flows/helpdesk';
import { dateAndTime } from '../i18n/date-format';

export function FleetPanel() {
  const { t, i18n } = useTranslation();
  const api = useKioskApi();
  const [fleet, setFleet] = useState<FleetStatusResponse | null>(null);
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    void loadFleet(api).then(setFleet);
  }, [api]);
  const when = (iso: string | null) => (iso ? dateAndTime(iso, i18n.language) : t('fleet.never'));
  const who = (mark: SwitchMark) => {
    const state = t(`fleet.switchStates.${mark.on ? 'on' : 'off'}`);
    // Off and never named: nobody switched it. On without a name: set in the directory by hand.
    if (!mark.at && !mark.by && !mark.on) return null;
    return mark.by ? { state, by: mark.by, from: mark.from ?? '?', when: when(mark.at) } : { state };
  };
  const fleetWho = who(fleet?.fleetSwitch ?? { on: false, by: null, from: null, at: null });
  const toggle = async () => {
    setConfirming(false);
    if (fleet) setFleet(await switchFleet(api, !fleet.fleetOutOfService));
  };
  if (!fleet) return <p aria-busy="true">{t('policy.loading')}</p>;
  return (
    <section aria-labelledby="fleet-title" className="fleet">
      <h2 id="fleet-title" className="visually-hidden">
        {t('fleet.title')}
      </h2>
      {fleet.stale && (
        <p role="status" className="notes" data-stale="true">
          {t('fleet.stale', { when: when(fleet.checkedAt) })}
        </p>
      )}
      <p className="notes">{fleet.fleetOutOfService ? t('fleet.allOff') : t('fleet.allOn')}</p>
      {fleetWho && (
        <p className="notes" data-testid="fleet-switched">
          {'by' in fleetWho ? t('fleet.fleetSwitched', fleetWho) : t('fleet.fleetSwitchedByHand', fleetWho)}
        </p>
      )}
      <table className="fleet-table">
        <thead>
          <tr>
            <th scope="col">{t('fleet.kiosk')}</th>
            <th scope="col">{t('fleet.state')}</th>
            <th scope="col">{t('fleet.lastSeen')}</th>
            <th scope="col">{t('fleet.version')}</th>
            <th scope="col">{t('fleet.ownSwitch')}</th>
          </tr>
        </thead>
        <tbody>
          {fleet.kiosks.map((k) => {
            const switched = who(k.ownSwitch);
            return (
              <tr key={k.kioskId} data-state={k.state}>
                <th scope="row">{k.kioskId}</th>
                <td>{t(`fleet.states.${k.state}`)}</td>
                <td>{when(k.lastSeen)}</td>
                <td>{k.version}</td>
                <td>
                  {switched
                    ? 'by' in switched
                      ? t('fleet.switched', switched)
                      : t('fleet.switchedByHand', switched)
                    : t('fleet.notSwitched')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" className="secondary" onClick={() => setConfirming(true)}>
        {fleet.fleetOutOfService ? t('fleet.switchOn') : t('fleet.switchOff')}
      </button>
      {confirming && (
        <ConfirmDialog
          title={t(fleet.fleetOutOfService ? 'fleet.confirm.onTitle' : 'fleet.confirm.offTitle')}
          explain={t(fleet.fleetOutOfService ? 'fleet.confirm.onExplain' : 'fleet.confirm.offExplain')}
          keepLabel={t('helpdesk.switchConfirm.keep')}
          confirmLabel={fleet.fleetOutOfService ? t('fleet.switchOn') : t('fleet.switchOff')}
          onKeep={() => setConfirming(false)}
          onConfirm={() => void toggle()}
        />
      )}
    </section>
  );
}
