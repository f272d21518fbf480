// The contact address for account notices (聯絡用電子郵件信箱, Email-2): optional, after the result.
// The address is checked here (and again in main), read back masked before anything is sent, and
// confirmed with the code mailed to it. If mail cannot be sent now, the helpdesk can finish later.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultCode } from '../../../shared/contract/codes';
import { contactRuleViolation, maskAddress, typoHint } from '../../../shared/contact/contact-rules';
import { useKioskApi } from '../api/api-context';
import { useKioskStore } from '../app/kiosk-store';

type Stage = 'enter' | 'readback' | 'code' | 'done' | 'later';

/** Codes after which the counter cannot finish; the helpdesk can, within the day. */
const LATER: ResultCode[] = ['SMTP_UNAVAILABLE', 'CONTACT_RATE_LIMITED', 'CONTACT_TOO_MANY_TRIES', 'CONTACT_COUNTER_TIMEOUT', 'CONTACT_CODE_EXPIRED'];

export function ContactStep({ onActive }: { onActive(): void }) {
  const { t } = useTranslation();
  const api = useKioskApi();
  const domains = useKioskStore((s) => s.settings.institutionDomains);
  const [stage, setStage] = useState<Stage>('enter');
  const [address, setAddress] = useState('');
  const [code, setCode] = useState('');
  const [masked, setMasked] = useState('');
  const [problem, setProblem] = useState<ResultCode | null>(null);
  const [busy, setBusy] = useState(false);
  const rule = address ? contactRuleViolation(address, domains) : null;
  const hint = address && !rule ? typoHint(address) : null;

  const fail = (failure: ResultCode) => {
    setProblem(failure);
    if (LATER.includes(failure)) setStage('later');
  };
  const send = async () => {
    setBusy(true);
    setProblem(null);
    const result = await api.registerContact({ address });
    setBusy(false);
    if (!result.ok) return fail(result.code);
    setMasked(result.data.masked);
    setStage('code');
  };
  const confirm = async () => {
    setBusy(true);
    setProblem(null);
    const result = await api.confirmContact({ code });
    setBusy(false);
    setCode('');
    if (!result.ok) return fail(result.code);
    setMasked(result.data.masked);
    setStage('done');
  };

  return (
    <section className="contact" aria-labelledby="contact-title" onFocus={onActive}>
      <h2 id="contact-title">{t('contact.title')}</h2>
      {stage === 'enter' && (
        <>
          <p>{t('contact.explain')}</p>
          <label htmlFor="contact-address">{t('contact.address')}</label>
          <input id="contact-address" type="email" inputMode="email" autoComplete="off" maxLength={254} value={address} onChange={(e) => setAddress(e.target.value)} />
          {rule && <p className="rule">{t(`codes.${rule}`)}</p>}
          {hint && (
            <p className="hint">
              {t('contact.didYouMean', { address: hint })}{' '}
              <button type="button" className="secondary" onClick={() => setAddress(hint)}>
                {t('contact.useHint')}
              </button>
            </p>
          )}
          <div className="actions">
            <button type="button" className="primary" disabled={!address || rule !== null} onClick={() => setStage('readback')}>
              {t('contact.next')}
            </button>
          </div>
        </>
      )}
      {stage === 'readback' && (
        <>
          <p className="lead">{t('contact.readback', { masked: maskAddress(address) })}</p>
          <div className="actions">
            <button type="button" className="secondary" disabled={busy} onClick={() => setStage('enter')}>
              {t('contact.change')}
            </button>
            <button type="button" className="primary" disabled={busy} onClick={() => void send()}>
              {t('contact.send')}
            </button>
          </div>
        </>
      )}
      {stage === 'code' && (
        <>
          <p>{t('contact.sent', { masked })}</p>
          <label htmlFor="contact-code">{t('contact.code')}</label>
          <input id="contact-code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={code} onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))} />
          <div className="actions">
            <button type="button" className="primary" disabled={busy || code.length !== 6} onClick={() => void confirm()}>
              {t('contact.confirm')}
            </button>
          </div>
        </>
      )}
      {stage === 'done' && <p className="lead">{t('contact.done', { masked })}</p>}
      {stage === 'later' && <p className="lead">{t('contact.later')}</p>}
      {problem && (
        <p className="problem" role="alert">
          {t(`errors.${problem}.title`)} <code>{problem}</code>
        </p>
      )}
    </section>
  );
}
