// One policy as main serves it (bundled summary or the operator's official text), in the current
// language: its title (unless the screen's own heading already names it), its dates, its version
// shown as the date it carries, and the text. Whether it is a summary is said once, by the text.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PolicyId } from '../../../shared/contract/schemas';
import { useKioskApi } from '../api/api-context';
import { useKioskStore } from '../app/kiosk-store';
import { loadPolicy, type PolicyState } from '../flows/policies';
import { ReferenceLine } from '../errors/Refusal';
import { SafeMarkdown } from '../markdown/SafeMarkdown';

export type { PolicyState };

/** Loads the policy in the kiosk's current language, again whenever the language changes. */
export function usePolicy(id: PolicyId): PolicyState {
  const api = useKioskApi();
  const language = useKioskStore((s) => s.language);
  const key = `${id}:${language}`;
  // The answer remembers which request it answers; anything else still loading shows as loading.
  const [answer, setAnswer] = useState<{ key: string; state: PolicyState } | null>(null);
  useEffect(() => {
    let live = true;
    void loadPolicy(api, id, language).then((state) => {
      if (live) setAnswer({ key, state });
    });
    return () => {
      live = false;
    };
  }, [api, id, language, key]);
  return answer?.key === key ? answer.state : { kind: 'loading' };
}

/** A version such as "2018-03-08-summary-1" is shown as its date; anything else as it is. */
export function versionDate(version: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(version);
  if (!match) return version;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toLocaleDateString(language, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
}

/** Whether a version such as "2002-05-23-summary-1" carries the given YYYY-MM-DD date. */
const sameDay = (version: string, date: string) =>
  /^\d{4}-\d{2}-\d{2}/.test(date) && version.startsWith(date.slice(0, 10));

export function PolicyDocument({
  state,
  headingLevel = 2,
  titled = true,
}: {
  state: PolicyState;
  headingLevel?: 1 | 2;
  titled?: boolean;
}) {
  const { t, i18n } = useTranslation();
  if (state.kind === 'loading') return <p aria-busy="true">{t('policy.loading')}</p>;
  if (state.kind === 'failed')
    return (
      <div className="problem" role="alert">
        <p>{t('policy.failed')}</p>
        <ReferenceLine code={state.code} />
      </div>
    );
  const { policy } = state;
  const Title = `h${headingLevel}` as 'h2';
  return (
    <article className="policy" aria-label={policy.title}>
      {titled && <Title className="policy-title">{policy.title}</Title>}
      <p className="policy-dates">
        {t('policy.approved', { date: policy.approved })}
        {policy.amended.length > 0 &&
          ` ${t('policy.amended', { dates: policy.amended.join(t('policy.dateSeparator')) })}`}
        {/* The version is said only when it is not already the date above (a text dated as approved says it once). */}
        {!sameDay(policy.version, policy.amended.at(-1) ?? policy.approved) &&
          ` ${t('policy.version', { version: versionDate(policy.version, i18n.language) })}`}
      </p>
      <div
        className="policy-text"
        tabIndex={0}
        role="region"
        aria-label={t('policy.textLabel', { title: policy.title })}
      >
        {/* The document's own first heading repeats the title above; its ## sections sit one level below
            the title, or below the screen's own heading where that names the policy. */}
        <SafeMarkdown
          markdown={policy.markdown.replace(/^#\s.*\n?/, '')}
          headingOffset={titled ? headingLevel - 1 : headingLevel - 2}
        />
      </div>
    </article>
  );
}
