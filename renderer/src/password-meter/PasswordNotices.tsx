// What both password screens (Set account and Reset) show below the fields: a refusal (and the
// directory's own words) with its code on a Reference line, and the seed's two notes.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultCode } from '../../../shared/contract/codes';
import { ReferenceLine } from '../errors/Refusal';

export interface PasswordProblem {
  code: ResultCode;
  reason?: string;
}

/** Memoised: the problem changes per submit, not per key. */
export const PasswordNotices = memo(function PasswordNotices({ problem }: { problem: PasswordProblem | null }) {
  const { t } = useTranslation();
  return (
    <>
      {problem && (
        <div className="problem" role="alert">
          <p>
            {t(`codes.${problem.code}`)}
            {problem.reason && ` ${t('setAccount.directorySays', { reason: problem.reason })}`}
          </p>
          <ReferenceLine code={problem.code} />
        </div>
      )}
      <ul className="notes">
        <li>{t('setAccount.noteStrength')}</li>
        <li>{t('setAccount.noteNeverSend')}</li>
      </ul>
    </>
  );
});
