// Steps 1 and 2: a policy, the certification sentence, and Reject / Accept and Continue
// (不同意 / 同意，繼續). Accepting tells main exactly which text (version, hash, language) was shown;
// Reject ends the application, so it asks first.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PolicyId } from '../../../shared/contract/schemas';
import { useKioskApi } from '../api/api-context';
import { ConfirmDialog } from '../confirm/ConfirmDialog';
import { acceptPolicy, rejectPolicy } from '../flows/application';
import { Stepper } from '../stepper/Stepper';
import { PolicyDocument, usePolicy } from './PolicyDocument';

export function ConsentStep({ id, step }: { id: PolicyId; step: 1 | 2 }) {
  const { t } = useTranslation();
  const api = useKioskApi();
  const state = usePolicy(id);
  const [busy, setBusy] = useState(false);
  const [confirmingReject, setConfirmingReject] = useState(false);

  const accept = async () => {
    if (state.kind !== 'loaded' || busy) return;
    setBusy(true);
    const { version, hash, language } = state.policy;
    await acceptPolicy(api, { id, version, hash, language });
    setBusy(false);
  };
  const reject = async () => {
    setConfirmingReject(false);
    setBusy(true);
    await rejectPolicy(api);
  };

  return (
    <section className="screen wizard" aria-labelledby="step-title">
      <Stepper current={step} />
      <h1 id="step-title" tabIndex={-1}>
        {t(`consent.title.${id}`)}
      </h1>
      {/* The heading above already names the policy: no second title here. */}
      <PolicyDocument state={state} titled={false} />
      {/* The certification and its buttons stay in view together while the text scrolls. */}
      <div className="sticky-actions">
        <p className="certification">{t(`consent.certify.${id}`)}</p>
        <div className="actions">
          <button type="button" className="secondary large" onClick={() => setConfirmingReject(true)} disabled={busy}>
            {t('consent.reject')}
          </button>
          <button
            type="button"
            className="primary large"
            onClick={() => void accept()}
            disabled={busy || state.kind !== 'loaded'}
          >
            {t('consent.accept')}
          </button>
        </div>
      </div>
      {confirmingReject && (
        <ConfirmDialog
          title={t('consent.rejectConfirm.title')}
          explain={t('consent.rejectConfirm.explain')}
          keepLabel={t('consent.rejectConfirm.keep')}
          confirmLabel={t('consent.rejectConfirm.reject')}
          onKeep={() => setConfirmingReject(false)}
          onConfirm={() => void reject()}
        />
      )}
    </section>
  );
}
