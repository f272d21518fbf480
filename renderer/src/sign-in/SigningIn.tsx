// Shown while AIS is open: in Electron the AIS view covers the page below the header, where the
// way back (BackToKiosk) sits; in the browser host the page leaves for AIS right away, or, with
// --ais-second-window, stays here while AIS is in a second window.
import { useTranslation } from 'react-i18next';

export function SigningIn() {
  const { t } = useTranslation();
  return (
    <section className="screen" aria-labelledby="signing-in-title" aria-busy="true">
      <h1 id="signing-in-title">{t('signIn.title')}</h1>
      <p className="lead">{t('signIn.hint')}</p>
    </section>
  );
}
