// The contact address's confirmation code, typed the same way at the counter and at the helpdesk:
// its label above, the number pad, digits only and no more of them than main mails and checks.
import { useTranslation } from 'react-i18next';
import { CONTACT_CODE_DIGITS } from '../../../shared/contact/contact-rules';

interface Props {
  id: string;
  value: string;
  onChange(digits: string): void;
  /** 'one-time-code' where the person reads it from their own mail; 'off' at the helpdesk. */
  autoComplete: 'one-time-code' | 'off';
}

export function CodeInput({ id, value, onChange, autoComplete }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <label htmlFor={id}>{t('contact.code')}</label>
      <input
        id={id}
        inputMode="numeric"
        autoComplete={autoComplete}
        maxLength={CONTACT_CODE_DIGITS}
        value={value}
        onChange={(e) => onChange(e.target.value.replace(/\D/g, ''))}
      />
    </>
  );
}
