// The way out of AIS, in the kiosk's header: in Electron the AIS page covers everything below
// the header, so this is the one control a person can always reach there. Both languages are on
// it, because the person may not read the one the kiosk is showing.
import { useTranslation } from 'react-i18next';
import { useKioskApi } from '../api/api-context';
import { useKioskStore } from '../app/kiosk-store';
import { cancelSignIn } from '../flows/sign-in';

export function BackToKiosk() {
  const { t, i18n } = useTranslation();
  const api = useKioskApi();
  const language = useKioskStore((s) => s.language);
  const other = language === 'zh-TW' ? 'en' : 'zh-TW';
  return (
    <button type="button" className="back-to-kiosk" onClick={() => void cancelSignIn(api)}>
      {t('signIn.backToKiosk')}
      <span className="other-language" lang={other === 'en' ? 'en' : 'zh-Hant-TW'}>
        {i18n.getFixedT(other)('signIn.backToKiosk')}
      </span>
    </button>
  );
}
