// Steps 1 and 2: a policy, the certification sentence, and Reject / Accept and Continue
// (不同意 / 同意，繼續). Accepting tells main exactly which text (version, hash, language) was shown.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PolicyId } from '../../../shared/contract/schemas';
import { useKioskApi } from '../api/api-context';
import { useKioskStore, type Screen } from '../app/kiosk-store';
import { useEndSession } from '../app/use-end-session';
import { Stepper } from '../stepper/Stepper';
import { PolicyDocument, usePolicy } from './PolicyDocument';

export function ConsentStep({ id, step, next }: { id: PolicyId; step: 1 | 2; next: Screen }) {
  const { t } = useTranslation();
  const api = useKioskApi();
  const state = usePolicy(id);
  const showScreen = useKioskStore((s) => s.showScreen);
  const [busy, setBusy] = useState(false);
  const endSession = useEndSession();

  const accept = async () => {
    if (state.kind !== 'loaded' || busy) return;
    setBusy(true);
    const { version, hash, language } = state.policy;
    const result = await api.acceptPolicy({ id, version, hash, language });
    setBusy(false);
    showScreen(result.ok ? next : { name: 'error', code: result.code });
  };
  const reject = async () => {
    setBusy(true);
    await endSession('reject');
    showScreen({ name: 'rejected' });
  };

  return (
    <section className="screen wizard" aria-labelledby="step-title">
      <Stepper current={step} />
      <h1 id="step-title" tabIndex={-1}>
        {t(`consent.title.${id}`)}
      </h1>
      <PolicyDocument state={state} />
      <p className="certification">{t(`consent.certify.${id}`)}</p>
      <div className="actions">
        <button type="button" className="secondary large" onClick={() => void reject()} disabled={busy}>
          {t('consent.reject')}
        </button>
        <button type="button" className="primary large" onClick={() => void accept()} disabled={busy || state.kind !== 'loaded'}>
          {t('consent.accept')}
        </button>
      </div>
    </section>
  );
}
