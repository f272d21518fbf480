// Says, next to a disabled Apply, what is still missing; the button points here with aria-describedby.
import { useTranslation } from 'react-i18next';
import type { Missing } from './missing-reason';

export function MissingLine({ id, missing }: { id: string; missing: Missing | null }) {
  const { t } = useTranslation();
  return (
    <p id={id} className="missing-line" aria-live="polite">
      {missing && (missing.key === 'rule' ? t('applyMissing.rule', { rule: t(`codes.${missing.rule}`) }) : t(`applyMissing.${missing.key}`))}
    </p>
  );
}
