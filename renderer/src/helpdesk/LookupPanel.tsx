// Account lookup: by staff ID, account, Chinese or English name, partially and in any case; each
// account's state, how far its creation got, when it was made and its contact address (never a
// password hash). The minimum to type is said, and so is a list cut short.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lookupTerms } from '../../../shared/names/lookup-terms';
import { useKioskApi } from '../api/api-context';
import { Refusal } from '../errors/Refusal';
import { lookUpAccounts, type LookupAnswer } from '../flows/helpdesk';
import { dateOnly } from '../i18n/date-format';

/** Main lists at most this many; it says when more matched. */
const LISTED = 20;

export function LookupPanel() {
  const { t, i18n } = useTranslation();
  const api = useKioskApi();
  const [query, setQuery] = useState('');
  const [answer, setAnswer] = useState<LookupAnswer | null>(null);
  const searchable = lookupTerms(query) !== null;
  const search = async () => setAnswer(await lookUpAccounts(api, query));
  return (
    <>
      {/* The selected tab already shows the task's name: the heading is there for screen readers' heading list. */}
      <h2 className="visually-hidden">{t('helpdesk.lookup')}</h2>
      <form
        className="lookup"
        onSubmit={(e) => {
          e.preventDefault();
          void search();
        }}
      >
        <label htmlFor="lookup-query">{t('helpdesk.lookupLabel')}</label>
        <input
          id="lookup-query"
          autoComplete="off"
          value={query}
          aria-describedby="lookup-minimum"
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="submit" className="primary" disabled={!searchable}>
          {t('helpdesk.search')}
        </button>
      </form>
      <p id="lookup-minimum" className="notes">
        {t('helpdesk.lookupMinimum')}
      </p>
      {answer && !answer.ok && <Refusal code={answer.code} />}
      {answer?.ok && answer.tooMany && (
        <p role="status" className="notes">
          {t('helpdesk.tooMany', { limit: LISTED })}
        </p>
      )}
      {answer?.ok && answer.results.length === 0 && <p role="status">{t('helpdesk.noResults')}</p>}
      {answer?.ok && answer.results.length > 0 && (
        <div className="table-scroll">
          <table className="lookup-results">
            <thead>
              <tr>
                <th scope="col">{t('helpdesk.columns.account')}</th>
                <th scope="col">{t('profile.id')}</th>
                <th scope="col">{t('profile.name')}</th>
                <th scope="col">{t('helpdesk.columns.state')}</th>
                <th scope="col">{t('helpdesk.columns.created')}</th>
                <th scope="col">{t('helpdesk.columns.contact')}</th>
              </tr>
            </thead>
            <tbody>
              {answer.results.map((r) => (
                <tr key={r.account}>
                  <td>{r.account}</td>
                  <td>{r.staffId}</td>
                  <td>{r.name}</td>
                  <td>
                    {t(`helpdesk.states.${r.state}`)}
                    {r.stage !== 'complete' && <> · {t(`helpdesk.stages.${r.stage}`)}</>}
                  </td>
                  <td>{r.created ? dateOnly(r.created, i18n.language) : '—'}</td>
                  <td>{t(`helpdesk.contact.${r.contact}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
