// Assisting an applicant whose ID the operator checked in person: a password reset they then type
// themselves, or an application, either through the applicant's own AIS sign-in (the usual way)
// or, when AIS is down, from the HR records, written as the operator (who re-enters their password).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestOf } from '../../../shared/contract/api';
import type { ResultCode } from '../../../shared/contract/codes';
import type { AssistReason } from '../../../shared/contract/helpdesk-schemas';
import type { Purpose } from '../../../shared/contract/schemas';
import { useKioskApi } from '../api/api-context';
import { Refusal } from '../errors/Refusal';
import { expectApplicantThroughAis, startAssistedApplication, startAssistedReset } from '../flows/helpdesk';
import { SecretInput } from '../password-meter/SecretInput';

/** The reasons in the order the console offers them; `satisfies` refuses one the contract lacks. */
const REASONS = [
  'forgot-password',
  'ais-unavailable',
  'cannot-use-kiosk',
  'other',
] as const satisfies readonly AssistReason[];
// A reason the contract adds, and the console does not offer yet, fails the typecheck here.
const _everyReasonOffered: Exclude<AssistReason, (typeof REASONS)[number]> extends never ? true : never = true;

export function AssistPanel() {
  const { t } = useTranslation();
  const api = useKioskApi();
  const [assist, setAssist] = useState<RequestOf<'startAssistedReset'>>({ staffId: '', reason: 'forgot-password' });
  const [operatorPassword, setOperatorPassword] = useState('');
  const [problem, setProblem] = useState<ResultCode | null>(null);
  const settle = async (sent: Promise<ResultCode | null>) => {
    // Sent once: the field lets go of the password at once, whatever main answers.
    setOperatorPassword('');
    setProblem(await sent);
  };
  const start = (purpose: Purpose) =>
    settle(
      purpose === 'reset' ? startAssistedReset(api, assist) : startAssistedApplication(api, assist, operatorPassword),
    );
  return (
    <>
      <h2 className="visually-hidden">{t('helpdesk.assisted')}</h2>
      <p className="notes">{t('helpdesk.assistedResetExplain')}</p>
      <div className="lookup">
        <label htmlFor="assist-staff-id">{t('profile.id')}</label>
        <input
          id="assist-staff-id"
          autoComplete="off"
          value={assist.staffId}
          onChange={(e) => setAssist({ ...assist, staffId: e.target.value })}
        />
        <label htmlFor="assist-reason">{t('helpdesk.reason')}</label>
        <select
          id="assist-reason"
          value={assist.reason}
          onChange={(e) => setAssist({ ...assist, reason: e.target.value as AssistReason })}
        >
          {REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`helpdesk.reasons.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="assist-tasks">
        <section aria-labelledby="assist-reset-title">
          <h3 id="assist-reset-title">{t('helpdesk.assistedResetTitle')}</h3>
          <button type="button" className="primary" disabled={!assist.staffId} onClick={() => void start('reset')}>
            {t('helpdesk.startAssisted')}
          </button>
        </section>
        <section aria-labelledby="assist-apply-title">
          <h3 id="assist-apply-title">{t('helpdesk.assistedApplyTitle')}</h3>
          <p className="notes">{t('helpdesk.assistedApplyExplain')}</p>
          <form
            className="lookup"
            onSubmit={(e) => {
              e.preventDefault();
              void settle(expectApplicantThroughAis(api, assist, operatorPassword));
            }}
          >
            <label htmlFor="assist-operator-password">{t('helpdesk.yourPassword')}</label>
            <SecretInput
              id="assist-operator-password"
              autoComplete="off"
              value={operatorPassword}
              onValue={setOperatorPassword}
            />
            <button type="submit" className="primary" disabled={!assist.staffId || !operatorPassword}>
              {t('helpdesk.applicantUsesAis')}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={!assist.staffId || !operatorPassword}
              onClick={() => void start('apply')}
            >
              {t('helpdesk.startAssistedApply')}
            </button>
          </form>
        </section>
      </div>
      {problem && <Refusal code={problem} guidance />}
    </>
  );
}
