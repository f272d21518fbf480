// The kiosk's frame: the center's name, the language switch (on every screen) and the current screen.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Welcome } from '../welcome/Welcome';
import { useKioskStore } from './kiosk-store';

const HTML_LANG = { 'zh-TW': 'zh-Hant-TW', en: 'en' } as const;

export function App() {
  const { t, i18n } = useTranslation();
  const language = useKioskStore((s) => s.language);
  const setLanguage = useKioskStore((s) => s.setLanguage);

  useEffect(() => {
    void i18n.changeLanguage(language);
    document.documentElement.lang = HTML_LANG[language];
  }, [i18n, language]);

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
        <Welcome />
      </main>
    </div>
  );
}
