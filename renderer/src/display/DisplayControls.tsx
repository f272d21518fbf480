// Larger text and a high-contrast preset, on every screen, as voting kiosks offer them. The
// choices belong to the person at the counter and end with their session (kiosk-store Display).
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useKioskStore } from '../app/kiosk-store';

export function DisplayControls() {
  const { t } = useTranslation();
  const display = useKioskStore((s) => s.display);
  const setDisplay = useKioskStore((s) => s.setDisplay);
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.textSize = display.largeText ? 'large' : 'normal';
    root.dataset.contrast = display.highContrast ? 'high' : 'normal';
  }, [display]);
  return (
    <div className="display-controls" role="group" aria-label={t('display.label')}>
      <button
        type="button"
        className="display-toggle"
        aria-pressed={display.largeText}
        onClick={() => setDisplay({ largeText: !display.largeText })}
      >
        {t('display.largeText')}
      </button>
      <button
        type="button"
        className="display-toggle"
        aria-pressed={display.highContrast}
        onClick={() => setDisplay({ highContrast: !display.highContrast })}
      >
        {t('display.highContrast')}
      </button>
    </div>
  );
}
