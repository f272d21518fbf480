// What both password screens (Set account and Reset) show below the fields: a refusal with its
// code (and the directory's own words), and the seed's two notes.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultCode } from '../../../shared/contract/codes';

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
        <p className="problem" role="alert">
          {t(`codes.${problem.code}`)} <code>{problem.code}</code>
          {problem.reason && ` ${t('setAccount.directorySays', { reason: problem.reason })}`}
        </p>
      )}
      <ul className="notes">
        <li>{t('setAccount.noteStrength')}</li>
        <li>{t('setAccount.noteNeverSend')}</li>
      </ul>
    </>
  );
});
