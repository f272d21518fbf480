// The helpdesk console: account lookup first (by staff ID, account, Chinese or English name; state,
// created, contact address; never a password hash), the kiosk's health as a one-line summary that
// opens into the checks and today's labelled counts, the assisted starts, and the out-of-service
// switch, which asks first. Everything here is audited with the operator's uid.
// The fleet check (audit reconciled with the directory) runs on request.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestOf } from '../../../shared/contract/api';
import type { ResultCode } from '../../../shared/contract/codes';
import type { AssistReason, FleetCheckResponse, HealthResponse, LookupResponse, Purpose } from '../../../shared/contract/schemas';
import { useKioskApi } from '../api/api-context';
import { SecretInput } from '../password-meter/SecretInput';
import { useKioskStore } from '../app/kiosk-store';
import { ConfirmDialog } from '../confirm/ConfirmDialog';
import { FleetPanel } from './FleetPanel';
import { expectApplicantThroughAis, loadHealth, runFleetCheck, signOutOperator, startAssistedApplication, startAssistedReset, switchOutOfService } from '../flows/helpdesk';

/** The reasons in the order the console offers them; `satisfies` refuses one the contract lacks. */
const REASONS = ['forgot-password', 'ais-unavailable', 'cannot-use-kiosk', 'other'] as const satisfies readonly AssistReason[];
// A reason the contract adds, and the console does not offer yet, fails the typecheck here.
const _everyReasonOffered: Exclude<AssistReason, (typeof REASONS)[number]> extends never ? true : never = true;

export function HelpdeskConsole() {
  const { t } = useTranslation();
  const api = useKioskApi();
  const status = useKioskStore((s) => s.status);
  const [health, setHealth] = useState<HealthResponse | null>(null);
  const [fleet, setFleet] = useState<FleetCheckResponse['checks'] | null>(null);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<LookupResponse['results'] | null>(null);
  const [contact, setContact] = useState({ staffId: '', code: '' });
  const [contactOutcome, setContactOutcome] = useState<string | null>(null);
  const [assist, setAssist] = useState<RequestOf<'startAssistedReset'>>({ staffId: '', reason: 'forgot-password' });
  const [assistProblem, setAssistProblem] = useState<string | null>(null);
  const outOfService = status.kind === 'known' && status.status.outOfService;
  const [confirmingSwitch, setConfirmingSwitch] = useState(false);

  useEffect(() => {
    void loadHealth(api).then((loaded) => {
      if (loaded) setHealth(loaded);
    });
  }, [api]);

  const lookup = async () => {
    const result = await api.helpdeskLookup({ query });
    if (result.ok) setResults(result.data.results);
  };
  const toggle = async () => {
    setConfirmingSwitch(false);
    await switchOutOfService(api, !outOfService);
  };
  const checkFleet = async () => setFleet(await runFleetCheck(api));
  const finishContact = async () => {
    const result = await api.helpdeskConfirmContact(contact);
    setContact({ staffId: contact.staffId, code: '' });
    setContactOutcome(result.ok ? t('helpdesk.contactDone', { masked: result.data.masked, account: result.data.account }) : `${t(`errors.${result.code}.title`)} (${result.code})`);
  };
  const [operatorPassword, setOperatorPassword] = useState('');
  const showRefusal = (code: ResultCode | null) => {
    if (code) setAssistProblem(`${t(`errors.${code}.title`)} (${code})`);
  };
  const startAssisted = async (purpose: Purpose) => {
    const sent = purpose === 'reset' ? startAssistedReset(api, assist) : startAssistedApplication(api, assist, operatorPassword);
    // Sent once: the field lets go of the password at once, whatever main answers.
    setOperatorPassword('');
    showRefusal(await sent);
  };
  const expectThroughAis = async () => {
    const sent = expectApplicantThroughAis(api, assist, operatorPassword);
    setOperatorPassword('');
    showRefusal(await sent);
  };
  const signOut = () => signOutOperator(api);

  return (
    <section className="screen helpdesk" aria-labelledby="helpdesk-title">
      <h1 id="helpdesk-title" tabIndex={-1}>
        {t('helpdesk.title')}
      </h1>

      <h2>{t('helpdesk.lookup')}</h2>
      <form
        className="lookup"
        onSubmit={(e) => {
          e.preventDefault();
          void lookup();
        }}
      >
        <label htmlFor="lookup-query">{t('helpdesk.lookupLabel')}</label>
        <input id="lookup-query" autoComplete="off" value={query} onChange={(e) => setQuery(e.target.value)} />
        <button type="submit" className="primary" disabled={query.trim().length < 2}>
          {t('helpdesk.search')}
        </button>
      </form>
      {results && (
        <table className="lookup-results">
          <thead>
            <tr>
              <th scope="col">{t('helpdesk.columns.account')}</th>
              <th scope="col">{t('profile.id')}</th>
              <th scope="col">{t('profile.name')}</th>
              <th scope="col">{t('helpdesk.columns.state')}</th>
              <th scope="col">{t('helpdesk.columns.created')}</th>
              <th scope="col">{t('helpdesk.columns.contact')}</th>
            </tr>
          </thead>
          <tbody>
            {results.map((r) => (
              <tr key={r.account}>
                <td>{r.account}</td>
                <td>{r.staffId}</td>
                <td>{r.name}</td>
                <td>
                  {t(`helpdesk.states.${r.state}`)}
                  {r.stage !== 'complete' && <> · {t(`helpdesk.stages.${r.stage}`)}</>}
                </td>
                <td>{r.created ? r.created.slice(0, 10) : '—'}</td>
                <td>{t(`helpdesk.contact.${r.contact}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {results?.length === 0 && <p>{t('helpdesk.noResults')}</p>}
      <HealthSummary health={health} />
      <FleetPanel />
      <h3>{t('helpdesk.fleet')}</h3>
      <p className="notes">{t('helpdesk.fleetExplain')}</p>
      <button type="button" className="secondary" onClick={() => void checkFleet()}>
        {t('helpdesk.fleetRun')}
      </button>
      {fleet && (
        <ul className="checks fleet-checks">
          {fleet.map((c, i) => (
            <li key={`${c.name}:${i}`} data-status={c.status}>
              <strong>{c.status}</strong> {c.name} <span>{c.detail}</span>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('helpdesk.assisted')}</h2>
      <p className="notes">{t('helpdesk.assistedResetExplain')}</p>
      <form
        className="lookup"
        onSubmit={(e) => {
          e.preventDefault();
          void startAssisted('reset');
        }}
      >
        <label htmlFor="assist-staff-id">{t('profile.id')}</label>
        <input id="assist-staff-id" autoComplete="off" value={assist.staffId} onChange={(e) => setAssist({ ...assist, staffId: e.target.value })} />
        <label htmlFor="assist-reason">{t('helpdesk.reason')}</label>
        <select id="assist-reason" value={assist.reason} onChange={(e) => setAssist({ ...assist, reason: e.target.value as AssistReason })}>
          {REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`helpdesk.reasons.${r}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="primary" disabled={!assist.staffId}>
          {t('helpdesk.startAssisted')}
        </button>
      </form>
      <p className="notes">{t('helpdesk.assistedApplyExplain')}</p>
      <form
        className="lookup"
        onSubmit={(e) => {
          e.preventDefault();
          void startAssisted('apply');
        }}
      >
        <label htmlFor="assist-operator-password">{t('helpdesk.yourPassword')}</label>
        <SecretInput id="assist-operator-password" autoComplete="off" value={operatorPassword} onValue={setOperatorPassword} />
        <button type="submit" className="secondary" disabled={!assist.staffId || !operatorPassword}>
          {t('helpdesk.startAssistedApply')}
        </button>
        <button type="button" className="secondary" disabled={!assist.staffId || !operatorPassword} onClick={() => void expectThroughAis()}>
          {t('helpdesk.applicantUsesAis')}
        </button>
      </form>
      {assistProblem && <p role="alert">{assistProblem}</p>}
      <h2>{t('helpdesk.finishContact')}</h2>
      <form
        className="lookup"
        onSubmit={(e) => {
          e.preventDefault();
          void finishContact();
        }}
      >
        <label htmlFor="contact-staff-id">{t('profile.id')}</label>
        <input id="contact-staff-id" autoComplete="off" value={contact.staffId} onChange={(e) => setContact({ ...contact, staffId: e.target.value })} />
        <label htmlFor="contact-code-helpdesk">{t('contact.code')}</label>
        <input id="contact-code-helpdesk" inputMode="numeric" autoComplete="off" maxLength={6} value={contact.code} onChange={(e) => setContact({ ...contact, code: e.target.value.replace(/\D/g, '') })} />
        <button type="submit" className="primary" disabled={!contact.staffId || contact.code.length !== 6}>
          {t('contact.confirm')}
        </button>
      </form>
      {contactOutcome && <p role="status">{contactOutcome}</p>}
      <div className="actions">
        <button type="button" className="secondary large" onClick={() => setConfirmingSwitch(true)}>
          {outOfService ? t('helpdesk.backInService') : t('helpdesk.outOfService')}
        </button>
        <button type="button" className="primary large" onClick={() => void signOut()}>
          {t('helpdesk.signOut')}
        </button>
      </div>
      {confirmingSwitch && (
        <ConfirmDialog
          title={t(outOfService ? 'helpdesk.switchConfirm.backTitle' : 'helpdesk.switchConfirm.offTitle')}
          explain={t(outOfService ? 'helpdesk.switchConfirm.backExplain' : 'helpdesk.switchConfirm.offExplain')}
          keepLabel={t('helpdesk.switchConfirm.keep')}
          confirmLabel={outOfService ? t('helpdesk.backInService') : t('helpdesk.outOfService')}
          onKeep={() => setConfirmingSwitch(false)}
          onConfirm={() => void toggle()}
        />
      )}
    </section>
  );
}

/** One line (checks passed and failed), which opens into each check and today's counts with their labels. */
function HealthSummary({ health }: { health: HealthResponse | null }) {
  const { t } = useTranslation();
  if (!health) return <p aria-busy="true">{t('policy.loading')}</p>;
  const failed = health.checks.filter((c) => c.status === 'FAIL').length;
  const passed = health.checks.filter((c) => c.status === 'OK').length;
  return (
    <details className="health-summary">
      <summary data-status={failed > 0 ? 'FAIL' : 'OK'}>
        {t('helpdesk.healthLine', { passed, failed })}
      </summary>
      <p className="notes">{t('helpdesk.about', { version: health.appVersion, path: health.configPath, ais: t(`helpdesk.aisMode.${health.aisMode}`) })}</p>
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
