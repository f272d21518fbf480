// The contact address for account notices (聯絡用電子郵件信箱, Email-2): optional, after the result.
// The address is checked here (and again in main), read back in full before anything is sent (the
// person typed it and is standing there), and confirmed with the code mailed to it. A wrong code
// says how many tries are left; a new code (main keeps the hourly limit) or another address can
// be asked for. If mail cannot be sent now, the helpdesk can finish later.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultCode } from '../../../shared/contract/codes';
import { contactRuleViolation, typoHint } from '../../../shared/contact/contact-rules';
import { useKioskApi } from '../api/api-context';
import { useKioskStore } from '../app/kiosk-store';
import { Refusal } from '../errors/Refusal';
import { confirmContactCode, sendContactCode } from '../flows/contact';
import { CodeInput } from './CodeInput';
import { CONTACT_CODE_DIGITS } from '../../../shared/contact/contact-rules';

type Stage = 'enter' | 'readback' | 'code' | 'done' | 'later';

/** Codes after which the counter cannot finish; the helpdesk can, within the day. */
const LATER: ResultCode[] = [
  'SMTP_UNAVAILABLE',
  'CONTACT_RATE_LIMITED',
  'CONTACT_TOO_MANY_TRIES',
  'CONTACT_COUNTER_TIMEOUT',
  'CONTACT_CODE_EXPIRED',
];

export function ContactStep() {
  const { t } = useTranslation();
  const api = useKioskApi();
  const domains = useKioskStore((s) => s.settings.institutionDomains);
  const [stage, setStage] = useState<Stage>('enter');
  const [address, setAddress] = useState('');
  const [code, setCode] = useState('');
  const [masked, setMasked] = useState('');
  const [problem, setProblem] = useState<ResultCode | null>(null);
  const [triesLeft, setTriesLeft] = useState<number | null>(null);
  const [resent, setResent] = useState(false);
  const [busy, setBusy] = useState(false);
  const rule = address ? contactRuleViolation(address, domains) : null;
  const hint = address && !rule ? typoHint(address) : null;

  const fail = (failure: ResultCode, tries?: number, keepCode = false) => {
    setProblem(failure);
    setTriesLeft(tries ?? null);
    // A new code refused by the hourly limit leaves the code already sent usable.
    if (LATER.includes(failure) && !(keepCode && failure === 'CONTACT_RATE_LIMITED')) setStage('later');
  };
  const send = async (again = false) => {
    setBusy(true);
    setProblem(null);
    setTriesLeft(null);
    const result = await sendContactCode(api, address);
    setBusy(false);
    if (!result.ok) return fail(result.code, undefined, again);
    setMasked(result.masked);
    setResent(again);
    setStage('code');
  };
  const changeAddress = () => {
    setProblem(null);
    setTriesLeft(null);
    setResent(false);
    setCode('');
    setStage('enter');
  };
  const confirm = async () => {
    setBusy(true);
    setProblem(null);
    const result = await confirmContactCode(api, code);
    setBusy(false);
    setCode('');
    if (!result.ok) return fail(result.code, result.triesLeft);
    setMasked(result.masked);
    setStage('done');
  };

  return (
    <section className="contact" aria-labelledby="contact-title">
      <h2 id="contact-title">{t('contact.title')}</h2>
      {stage === 'enter' && (
        <>
          <p>{t('contact.explain')}</p>
          <label htmlFor="contact-address">{t('contact.address')}</label>
          <input
            id="contact-address"
            type="email"
            inputMode="email"
            autoComplete="off"
            maxLength={254}
            value={address}
            onChange={(e) => setAddress(e.target.value)}
          />
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
            <button
              type="button"
              className="primary"
              disabled={!address || rule !== null}
              onClick={() => setStage('readback')}
            >
              {t('contact.next')}
            </button>
          </div>
        </>
      )}
      {stage === 'readback' && (
        <>
          <p className="lead">{t('contact.readbackFull')}</p>
          <p className="readback-address" lang="en">
            {address}
          </p>
          {/* The typo hint again, where the address is checked for the last time before sending. */}
          {hint && (
            <p className="hint readback-hint" role="status">
              {t('contact.readbackHint', { typed: address.slice(address.lastIndexOf('@') + 1), address: hint })}{' '}
              <button type="button" className="secondary" onClick={() => setAddress(hint)}>
                {t('contact.useHint')}
              </button>
            </p>
          )}
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
          <p>{t(resent ? 'contact.sentAgain' : 'contact.sent', { address })}</p>
          <CodeInput id="contact-code" value={code} onChange={setCode} autoComplete="one-time-code" />
          <div className="actions">
            <button type="button" className="secondary" disabled={busy} onClick={changeAddress}>
              {t('contact.changeAddress')}
            </button>
            <button type="button" className="secondary" disabled={busy} onClick={() => void send(true)}>
              {t('contact.sendNewCode')}
            </button>
            <button
              type="button"
              className="primary"
              disabled={busy || code.length !== CONTACT_CODE_DIGITS}
              onClick={() => void confirm()}
            >
              {t('contact.confirm')}
            </button>
          </div>
        </>
      )}
      {stage === 'done' && <p className="lead">{t('contact.done', { masked })}</p>}
      {stage === 'later' && <p className="lead">{t('contact.later')}</p>}
      {problem && (
        <Refusal code={problem} more={triesLeft !== null ? t('contact.triesLeft', { tries: triesLeft }) : undefined} />
      )}
    </section>
  );
}
