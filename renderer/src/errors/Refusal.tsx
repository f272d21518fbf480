// A refusal beside a form, in full sentences (what went wrong, what else the form knows such as
// the tries left, and what to do when asked for), with the code staff need on its own labelled
// line, never run into the sentence.
import { useTranslation } from 'react-i18next';
import type { ResultCode } from '../../../shared/contract/codes';

const ENDS_A_SENTENCE = /[.!?。！？]$/;

/** The text as a sentence: a title without a full stop gets the language's own. */
export function asSentence(text: string, language: string): string {
  return ENDS_A_SENTENCE.test(text) ? text : `${text}${language === 'en' ? '.' : '。'}`;
}

export function Refusal({ code, more, guidance = false }: { code: ResultCode; more?: string; guidance?: boolean }) {
  const { t, i18n } = useTranslation();
  const key = i18n.exists(`errors.${code}.title`) ? `errors.${code}` : 'errors.generic';
  const gap = i18n.language === 'en' ? ' ' : '';
  const sentences = [t(`${key}.title`), more, guidance ? t(`${key}.guidance`) : undefined].filter((s): s is string =>
    Boolean(s),
  );
  return (
    <div className="problem" role="alert">
      <p>{sentences.map((s) => asSentence(s, i18n.language)).join(gap)}</p>
      <ReferenceLine code={code} />
    </div>
  );
}

/** "Reference: CODE", for staff, on a line of its own. */
export function ReferenceLine({ code }: { code: ResultCode }) {
  const { t } = useTranslation();
  return (
    <p className="reference">
      {t('errors.reference')} <code>{code}</code>
    </p>
  );
}
