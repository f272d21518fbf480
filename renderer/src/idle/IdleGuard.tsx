// The idle wipe: after the configured quiet time (kiosk.resultSeconds on a result screen, which is
// read and copied from), a large warning in both languages (title, sentence and button) with a
// large countdown (at least 20 s, WCAG 2.2.1) and one button to stay; then the session ends
// in main, the store is reset, web storage is cleared, and Welcome returns with nothing of the
// person left in the page. It watches every screen but an untouched Welcome: the steps, the
// result, the helpdesk console.
// While Electron's AIS view is open, typing there counts too (main knows when it was last
// touched), and the warning shows above it.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKioskApi } from '../api/api-context';
import { useKioskStore } from '../app/kiosk-store';
import { wipeAfterIdle } from '../flows/session';
import { aisQuietSeconds, obscureSignIn } from '../flows/sign-in';

const ACTIVITY = ['pointerdown', 'keydown', 'touchstart', 'input', 'wheel'] as const;
/** Screens that show a result: they wait kiosk.resultSeconds before warning, not idleSeconds. */
const RESULT_SCREENS: ReadonlySet<string> = new Set(['step4', 'reset-done']);

export function IdleGuard() {
  const { t, i18n } = useTranslation();
  const api = useKioskApi();
  const screen = useKioskStore((s) => s.screen.name);
  const settings = useKioskStore((s) => s.settings);
  const idleSeconds = RESULT_SCREENS.has(screen) ? settings.resultSeconds : settings.idleSeconds;
  const { idleWarningSeconds } = settings;
  const [remaining, setRemaining] = useState<number | null>(null);
  // Set when watching starts (below); render itself must not read the clock.
  const lastActivity = useRef(0);
  const stillHere = useRef<HTMLButtonElement>(null);
  // Whether main was asked about the AIS view in this quiet spell: 'asking' holds the warning back.
  const aisAsked = useRef<'no' | 'asking' | 'yes'>('no');
  // On Welcome nothing personal is shown, but a changed language still goes back to the default.
  const watching = screen !== 'welcome' || useKioskStore.getState().language !== 'zh-TW';

  const wipe = useCallback(async () => {
    setRemaining(null);
    await wipeAfterIdle(api);
  }, [api]);

  useEffect(() => {
    const touch = () => {
      lastActivity.current = Date.now();
      setRemaining(null);
    };
    for (const type of ACTIVITY) window.addEventListener(type, touch, { capture: true, passive: true });
    return () => {
      for (const type of ACTIVITY) window.removeEventListener(type, touch, { capture: true });
    };
  }, []);

  useEffect(() => {
    lastActivity.current = Date.now();
    if (!watching) return;
    const timer = setInterval(() => {
      const quiet = (Date.now() - lastActivity.current) / 1000;
      if (quiet < idleSeconds) {
        aisAsked.current = 'no';
        return setRemaining(null);
      }
      if (screen === 'signing-in' && aisAsked.current !== 'yes') {
        if (aisAsked.current === 'no') {
          aisAsked.current = 'asking';
          void aisQuietSeconds(api)
            .catch(() => null)
            .then((aisQuiet) => {
              aisAsked.current = 'yes';
              if (aisQuiet !== null && aisQuiet < quiet) lastActivity.current = Date.now() - aisQuiet * 1000;
            });
        }
        return;
      }
      const left = Math.ceil(idleSeconds + idleWarningSeconds - quiet);
      if (left <= 0) void wipe();
      else setRemaining(left);
    }, 250);
    return () => clearInterval(timer);
  }, [watching, idleSeconds, idleWarningSeconds, wipe, screen, api]);

  const warning = remaining !== null;
  useEffect(() => {
    if (warning) stillHere.current?.focus();
  }, [warning]);
  // Electron's AIS view lies above this page: it steps aside while the warning is up.
  const overAis = screen === 'signing-in';
  useEffect(() => {
    if (overAis) void obscureSignIn(api, warning);
  }, [overAis, warning, api]);

  if (remaining === null) return null;
  const other = i18n.language === 'en' ? { lng: 'zh-TW', lang: 'zh-Hant-TW' } : { lng: 'en', lang: 'en' };
  return (
    <div className="idle-overlay">
      <div
        className="idle-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="idle-title"
        aria-describedby="idle-count"
      >
        <h2 id="idle-title">
          {t('idle.title')} <span lang={other.lang}>{t('idle.title', { lng: other.lng })}</span>
        </h2>
        <p className="idle-seconds" aria-hidden="true">
          {remaining}
        </p>
        <p id="idle-count">
          {t('idle.countdown', { seconds: remaining })}
          <span className="other-language" lang={other.lang}>
            {t('idle.countdown', { seconds: remaining, lng: other.lng })}
          </span>
        </p>
        <button
          ref={stillHere}
          type="button"
          className="primary large"
          onClick={() => {
            // The answer itself is the activity, however it was given (touch, key, assistive tech).
            lastActivity.current = Date.now();
            setRemaining(null);
          }}
        >
          {t('idle.stillHere')} <span lang={other.lang}>/ {t('idle.stillHere', { lng: other.lng })}</span>
        </button>
      </div>
    </div>
  );
}
