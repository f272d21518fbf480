// A modal question with the safe answer first and focused (for example "continue applying"), so a
// stray Enter or tap never takes the irreversible way.
import { useEffect, useId, useRef } from 'react';

interface Props {
  title: string;
  explain: string;
  keepLabel: string;
  confirmLabel: string;
  onKeep(): void;
  onConfirm(): void;
}

export function ConfirmDialog({ title, explain, keepLabel, confirmLabel, onKeep, onConfirm }: Props) {
  const id = useId();
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  return (
    <div className="dialog-overlay">
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-explain`}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onKeep();
        }}
      >
        <h2 id={`${id}-title`}>{title}</h2>
        <p id={`${id}-explain`}>{explain}</p>
        <div className="dialog-actions">
          <button ref={keep} type="button" className="primary large" onClick={onKeep}>
            {keepLabel}
          </button>
          <button type="button" className="danger" onClick={onConfirm}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
