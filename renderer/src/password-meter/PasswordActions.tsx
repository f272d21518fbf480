// The row under a password entry, the same on Set Account and on Reset: Apply first in the tab
// order (with what is still missing beside it), Cancel apart at the other end, and Cancel asks
// first when something would be lost, with "keep going" as the safe, focused answer.
import { useId, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../confirm/ConfirmDialog';
import { MissingLine } from './MissingLine';
import type { Missing } from './missing-reason';

/** Each task's strings: its two buttons, and where the cancel question's four strings live. */
const TEXTS = {
  apply: { apply: 'setAccount.apply', cancel: 'setAccount.cancel', question: 'cancelConfirm' },
  reset: { apply: 'reset.submit', cancel: 'reset.cancel', question: 'reset.cancelConfirm' },
} as const;

interface Props {
  task: keyof typeof TEXTS;
  missing: Missing | null;
  busy: boolean;
  /** Whether Cancel asks first; when false it cancels at once (nothing typed yet). */
  askFirst: boolean;
  onApply(): unknown;
  onCancel(): unknown;
}

export function PasswordActions(props: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [asking, setAsking] = useState(false);
  const { missing, busy } = props;
  const texts = TEXTS[props.task];
  const q = texts.question;
  const apply = () => void props.onApply();
  const cancel = () => void props.onCancel();
  return (
    <>
      {/* Apply comes first in the tab order after the fields; the row shows Cancel at the left. */}
      <div className="actions apart apply-first">
        <div className="apply-group">
          <MissingLine id={`${id}-missing`} missing={missing} />
          <button
            type="button"
            className="primary large"
            onClick={apply}
            disabled={missing !== null}
            aria-busy={busy}
            aria-describedby={`${id}-missing`}
          >
            {t(texts.apply)}
          </button>
        </div>
        <button
          type="button"
          className="secondary"
          onClick={() => (props.askFirst ? setAsking(true) : cancel())}
          disabled={busy}
        >
          {t(texts.cancel)}
        </button>
      </div>
      {/* On the body: a sticky column around the row would otherwise hold the overlay in its own stacking context. */}
      {asking &&
        createPortal(
          <ConfirmDialog
            title={t(`${q}.title`)}
            explain={t(`${q}.explain`)}
            keepLabel={t(`${q}.keep`)}
            confirmLabel={t(`${q}.cancel`)}
            onKeep={() => setAsking(false)}
            onConfirm={cancel}
          />,
          document.body,
        )}
    </>
  );
}
