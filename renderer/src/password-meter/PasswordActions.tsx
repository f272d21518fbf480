// The row under a password entry, the same on Set Account and on Reset: Apply first in the tab
// order (with what is still missing beside it), Cancel apart at the other end, and Cancel asks
// first when something would be lost, with "keep going" as the safe, focused answer.
import { useId, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../confirm/ConfirmDialog';
import { MissingLine } from './MissingLine';
import type { Missing } from './missing-reason';

interface Props {
  missing: Missing | null;
  busy: boolean;
  applyLabel: string;
  cancelLabel: string;
  /** Where the cancel question's four strings live (title, explain, keep, cancel). */
  cancelQuestion: 'cancelConfirm' | 'reset.cancelConfirm';
  /** Whether Cancel asks first; when false it cancels at once (nothing typed yet). */
  askBeforeCancel: boolean;
  onApply(): void;
  onCancel(): void;
}

export function PasswordActions(props: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [asking, setAsking] = useState(false);
  const { missing, busy, cancelQuestion: q } = props;
  return (
    <>
      {/* Apply comes first in the tab order after the fields; the row shows Cancel at the left. */}
      <div className="actions apart apply-first">
        <div className="apply-group">
          <MissingLine id={`${id}-missing`} missing={missing} />
          <button
            type="button"
            className="primary large"
            onClick={props.onApply}
            disabled={missing !== null}
            aria-busy={busy}
            aria-describedby={`${id}-missing`}
          >
            {props.applyLabel}
          </button>
        </div>
        <button
          type="button"
          className="secondary"
          onClick={() => (props.askBeforeCancel ? setAsking(true) : props.onCancel())}
          disabled={busy}
        >
          {props.cancelLabel}
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
            onConfirm={props.onCancel}
          />,
          document.body,
        )}
    </>
  );
}
