// The kiosk's frame: the center's name, the text-size and contrast controls and the language switch
// (on every screen), and the current screen.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useKioskApi } from '../api/api-context';
import { DisplayControls } from '../display/DisplayControls';
import { ErrorScreen } from '../errors/ErrorScreen';
import { loadSettings } from '../flows/kiosk';
import { returnFromAis } from '../flows/sign-in';
import { AssistedHandover } from '../helpdesk/AssistedHandover';
import { HelpdeskConsole } from '../helpdesk/HelpdeskConsole';
import { OperatorSignIn } from '../helpdesk/OperatorSignIn';
import { OutOfService } from '../out-of-service/OutOfService';
import { loadLanguage } from '../i18n/i18n';
import { IdleGuard } from '../idle/IdleGuard';
import { PolicyReader } from '../policies/PolicyReader';
import { ProfileCard } from '../profile/ProfileCard';
import { Rejected } from '../rejected/Rejected';
import { ResetDone } from '../reset/ResetDone';
import { ResetPasswordStep } from '../reset/ResetPasswordStep';
import { BackToKiosk } from '../sign-in/BackToKiosk';
import { SigningIn } from '../sign-in/SigningIn';
import { NetworkPolicyStep } from '../step1-network-policy/NetworkPolicyStep';
import { EmailTermsStep } from '../step2-email-terms/EmailTermsStep';
import { SetAccountStep } from '../step3-set-account/SetAccountStep';
import { ResultsStep } from '../step4-results/ResultsStep';
import { takeHandoffReturn } from '../sign-in/handoff-return';
import { Welcome } from '../welcome/Welcome';
import { useKioskStore, type Language, type Screen } from './kiosk-store';

const HTML_LANG = { 'zh-TW': 'zh-Hant-TW', en: 'en' } as const;

function CurrentScreen({
  screen,
  outOfService,
  reference,
}: {
  screen: Screen;
  outOfService: boolean;
  reference: string | null;
}) {
  switch (screen.name) {
    case 'welcome':
      return outOfService ? <OutOfService reference={reference} /> : <Welcome />;
    case 'operator-sign-in':
      return <OperatorSignIn />;
    case 'helpdesk':
      return <HelpdeskConsole />;
    case 'assisted-handover':
      return <AssistedHandover />;
    case 'signing-in':
      return <SigningIn />;
    case 'profile':
      return <ProfileCard />;
    case 'policies':
      return <PolicyReader />;
    case 'step1':
      return <NetworkPolicyStep />;
    case 'step2':
      return <EmailTermsStep />;
    case 'step3':
      return <SetAccountStep />;
    case 'step4':
      return <ResultsStep />;
    case 'reset':
      return <ResetPasswordStep />;
    case 'reset-done':
      return <ResetDone />;
    case 'rejected':
      return <Rejected />;
    case 'error':
      return <ErrorScreen code={screen.code} account={screen.account} retryAfterSeconds={screen.retryAfterSeconds} />;
  }
}

export function App() {
  const { t, i18n } = useTranslation();
  const api = useKioskApi();
  const language = useKioskStore((s) => s.language);
  const screen = useKioskStore((s) => s.screen);
  const setLanguage = useKioskStore((s) => s.setLanguage);
  const outOfService = useKioskStore((s) => s.status.kind === 'known' && s.status.status.outOfService);
  const reference = useKioskStore((s) => (s.status.kind === 'known' ? (s.status.status.reference ?? null) : null));
  const taps = useRef<number[]>([]);

  // The helpdesk's way in: Ctrl+Alt+H, or five taps on the center's name within three seconds.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey && event.altKey && event.key.toLowerCase() === 'h') {
        event.preventDefault();
        useKioskStore.getState().helpdeskRequested();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const tapCenter = () => {
    const now = Date.now();
    taps.current = [...taps.current.filter((t0) => now - t0 < 3000), now];
    if (taps.current.length >= 5) {
      taps.current = [];
      useKioskStore.getState().helpdeskRequested();
    }
  };

  // The screen changes language once its strings are there, never showing keys meanwhile; a quick
  // switch back wins over a slower load. A load that fails leaves the screen as it was and puts the
  // switch back, so it never claims a language the screen is not in; the next tap fetches again.
  useEffect(() => {
    let current = true;
    loadLanguage(i18n, language).then(
      () => {
        if (!current) return;
        void i18n.changeLanguage(language);
        document.documentElement.lang = HTML_LANG[language];
      },
      () => {
        if (current) useKioskStore.getState().languageUnavailable(i18n.language as Language);
      },
    );
    return () => {
      current = false;
    };
  }, [i18n, language]);

  useEffect(() => {
    void loadSettings(api);
  }, [api]);

  // A new screen takes the focus to its heading, so keyboard and screen-reader users start there.
  const firstScreen = useRef(true);
  useEffect(() => {
    if (firstScreen.current) {
      firstScreen.current = false;
      return;
    }
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [screen]);

  // Coming back from AIS through the browser host's portal route.
  useEffect(() => {
    const outcome = takeHandoffReturn();
    if (outcome !== null) void returnFromAis(api, outcome);
  }, [api]);

  return (
    <div className="kiosk">
      {/* Over Electron's AIS view the header keeps exactly the height the view leaves it. */}
      <header className={screen.name === 'signing-in' ? 'kiosk-header over-ais' : 'kiosk-header'}>
        {/* A tap target for the helpdesk gesture, not a control people are meant to find. */}
        <span className="kiosk-center" onPointerDown={tapCenter}>
          {t('app.center')}
        </span>
        {screen.name === 'signing-in' && <BackToKiosk />}
        <button
          type="button"
          className="language-switch"
          lang={language === 'zh-TW' ? 'en' : 'zh-Hant-TW'}
          aria-label={t('app.switchLanguageLabel')}
          onClick={() => setLanguage(language === 'zh-TW' ? 'en' : 'zh-TW')}
        >
          {t('app.switchLanguage')}
        </button>
        {screen.name !== 'signing-in' && <DisplayControls />}
      </header>
      <main className="kiosk-main">
        <CurrentScreen screen={screen} outOfService={outOfService} reference={reference} />
      </main>
      <IdleGuard />
    </div>
  );
}
