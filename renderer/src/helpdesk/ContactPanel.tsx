// Finishing an applicant's contact address at the helpdesk, with the code mailed to it (after the
// counter's own time or tries ran out; the code stays valid for a day).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKioskApi } from '../api/api-context';
import { CodeInput } from '../contact/CodeInput';
import { Refusal } from '../errors/Refusal';
import { confirmContactAtHelpdesk, type HelpdeskContactAnswer } from '../flows/helpdesk';
import { CONTACT_CODE_DIGITS } from '../../../shared/contact/contact-rules';

export function ContactPanel() {
  const { t } = useTranslation();
  const api = useKioskApi();
  const [contact, setContact] = useState({ staffId: '', code: '' });
  const [answer, setAnswer] = useState<HelpdeskContactAnswer | null>(null);
  const finish = async () => {
    const sent = confirmContactAtHelpdesk(api, contact);
    setContact({ staffId: contact.staffId, code: '' });
    setAnswer(await sent);
  };
  return (
    <>
      <h2 className="visually-hidden">{t('helpdesk.finishContact')}</h2>
      <form
        className="lookup"
        onSubmit={(e) => {
          e.preventDefault();
          void finish();
        }}
      >
        <label htmlFor="contact-staff-id">{t('profile.id')}</label>
        <input
          id="contact-staff-id"
          autoComplete="off"
          value={contact.staffId}
          onChange={(e) => setContact({ ...contact, staffId: e.target.value })}
        />
        <CodeInput
          id="contact-code-helpdesk"
          value={contact.code}
          onChange={(code) => setContact({ ...contact, code })}
          autoComplete="off"
        />
        <button
          type="submit"
          className="primary"
          disabled={!contact.staffId || contact.code.length !== CONTACT_CODE_DIGITS}
        >
          {t('contact.confirm')}
        </button>
      </form>
      {answer?.ok && (
        <p role="status">{t('helpdesk.contactDone', { masked: answer.masked, account: answer.account })}</p>
      )}
      {answer && !answer.ok && <Refusal code={answer.code} />}
    </>
  );
}
