// Says, next to a disabled Apply, what is still missing; the button points here with aria-describedby.
import { useTranslation } from 'react-i18next';
import type { Missing } from './missing-reason';

/** A rule's own sentence, continued after "Still missing:": its first letter in lower case (English). */
const afterColon = (sentence: string) => sentence.charAt(0).toLowerCase() + sentence.slice(1);

export function MissingLine({ id, missing }: { id: string; missing: Missing | null }) {
  const { t } = useTranslation();
  return (
    <p id={id} className="missing-line" aria-live="polite">
      {missing &&
        (missing.key === 'rule'
          ? t('applyMissing.rule', { rule: afterColon(t(`codes.${missing.rule}`)) })
          : t(`applyMissing.${missing.key}`))}
    </p>
  );
}
