// The kiosk's frame: the center's name, the language switch (on every screen) and the current screen.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isResultCode } from '../../../shared/contract/codes';
import { useKioskApi } from '../api/api-context';
import { ErrorScreen } from '../errors/ErrorScreen';
import { ProfileCard } from '../profile/ProfileCard';
import { SigningIn } from '../sign-in/SigningIn';
import { loadSession, takeHandoffReturn } from '../sign-in/use-sign-in';
import { Welcome } from '../welcome/Welcome';
import { useKioskStore, type Screen } from './kiosk-store';

const HTML_LANG = { 'zh-TW': 'zh-Hant-TW', en: 'en' } as const;

function CurrentScreen({ screen }: { screen: Screen }) {
  switch (screen.name) {
    case 'welcome':
      return <Welcome />;
    case 'signing-in':
      return <SigningIn />;
    case 'profile':
      return <ProfileCard />;
    case 'error':
      return <ErrorScreen code={screen.code} />;
  }
}

export function App() {
  const { t, i18n } = useTranslation();
  const api = useKioskApi();
  const language = useKioskStore((s) => s.language);
  const screen = useKioskStore((s) => s.screen);
  const setLanguage = useKioskStore((s) => s.setLanguage);

  useEffect(() => {
    void i18n.changeLanguage(language);
    document.documentElement.lang = HTML_LANG[language];
  }, [i18n, language]);

  // Coming back from AIS through the browser host's portal route.
  useEffect(() => {
    const outcome = takeHandoffReturn();
    if (outcome === 'ok') void loadSession(api);
    else if (outcome !== null) useKioskStore.getState().showScreen({ name: 'error', code: isResultCode(outcome) ? outcome : 'INTERNAL' });
  }, [api]);

  return (
    <div className="kiosk">
      <header className="kiosk-header">
        <span className="kiosk-center">{t('app.center')}</span>
        <button
          type="button"
          className="language-switch"
          lang={language === 'zh-TW' ? 'en' : 'zh-Hant-TW'}
          aria-label={t('app.switchLanguageLabel')}
          onClick={() => setLanguage(language === 'zh-TW' ? 'en' : 'zh-TW')}
        >
          {t('app.switchLanguage')}
        </button>
      </header>
      <main className="kiosk-main">
        <CurrentScreen screen={screen} />
      </main>
    </div>
  );
}
