// Renderer entry: builds i18n and the API bridge, then mounts the kiosk.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { ApiProvider } from './api/api-context';
import { resolveKioskApi } from './api/kiosk-api';
import { App } from './app/App';
import { createI18n, loadLanguage } from './i18n/i18n';
import './styles/index.css';

// A kiosk has no context menu: nothing to copy, inspect or open from it.
document.addEventListener('contextmenu', (event) => event.preventDefault());

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

const i18n = createI18n();
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <ApiProvider api={resolveKioskApi()}>
        <App />
      </ApiProvider>
    </I18nextProvider>
  </StrictMode>,
);

// English is not in the first script; fetch it once Welcome is up and the page is idle, so a switch
// is usually instant. A failed fetch is tried again by the switch itself.
requestIdleCallback(() => void loadLanguage(i18n, 'en').catch(() => undefined), { timeout: 2000 });
