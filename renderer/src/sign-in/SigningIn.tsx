// Shown while AIS is open: in Electron the AIS view covers the page below the header, so this
// mainly offers the way back.
import { useTranslation } from 'react-i18next';
import { useKioskApi } from '../api/api-context';
import { cancelSignIn } from '../flows/sign-in';

export function SigningIn() {
  const { t } = useTranslation();
  const api = useKioskApi();
  return (
    <section className="screen" aria-labelledby="signing-in-title" aria-busy="true">
      <h1 id="signing-in-title">{t('signIn.title')}</h1>
      <p className="lead">{t('signIn.hint')}</p>
      <button type="button" className="secondary" onClick={() => void cancelSignIn(api)}>
        {t('signIn.cancel')}
      </button>
    </section>
  );
}
