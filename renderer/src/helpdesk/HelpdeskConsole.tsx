// The helpdesk console, one task at a time so each fits a counter screen: look up an account,
// assist an applicant, finish a contact address, this kiosk (health, its out-of-service switch,
// the consistency check), and every kiosk. Sign-out stays in reach on every tab. Everything here
// is audited with the operator's uid in main.
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useKioskApi } from '../api/api-context';
import { signOutOperator } from '../flows/helpdesk';
import { AssistPanel } from './AssistPanel';
import { ContactPanel } from './ContactPanel';
import { FleetPanel } from './FleetPanel';
import { KioskPanel } from './KioskPanel';
import { LookupPanel } from './LookupPanel';

const TABS = ['lookup', 'assist', 'contact', 'kiosk', 'fleet'] as const;
type Tab = (typeof TABS)[number];

function Panel({ tab }: { tab: Tab }) {
  switch (tab) {
    case 'lookup':
      return <LookupPanel />;
    case 'assist':
      return <AssistPanel />;
    case 'contact':
      return <ContactPanel />;
    case 'kiosk':
      return <KioskPanel />;
    case 'fleet':
      // Mounted afresh each time the tab opens: the table is read again, never an old picture.
      return <FleetPanel />;
  }
}

export function HelpdeskConsole() {
  const { t } = useTranslation();
  const api = useKioskApi();
  const [tab, setTab] = useState<Tab>('lookup');
  const tabs = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({});
  // The arrow keys move between tabs (the WAI-ARIA tabs pattern); Tab goes on into the panel.
  const onKey = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = TABS[(TABS.indexOf(tab) + step + TABS.length) % TABS.length]!;
    setTab(next);
    tabs.current[next]?.focus();
  };
  return (
    <section className="screen helpdesk" aria-labelledby="helpdesk-title">
      <div className="helpdesk-head">
        <h1 id="helpdesk-title" tabIndex={-1}>
          {t('helpdesk.title')}
        </h1>
        <button type="button" className="primary" onClick={() => void signOutOperator(api)}>
          {t('helpdesk.signOut')}
        </button>
      </div>
      <div className="tabs" role="tablist" aria-label={t('helpdesk.tabsLabel')} onKeyDown={onKey}>
        {TABS.map((name) => (
          <button
            key={name}
            ref={(element) => {
              tabs.current[name] = element;
            }}
            type="button"
            role="tab"
            id={`helpdesk-tab-${name}`}
            aria-selected={tab === name}
            aria-controls="helpdesk-panel"
            tabIndex={tab === name ? 0 : -1}
            onClick={() => setTab(name)}
          >
            {t(`helpdesk.tabs.${name}`)}
          </button>
        ))}
      </div>
      <div className="tab-panel" role="tabpanel" id="helpdesk-panel" aria-labelledby={`helpdesk-tab-${tab}`}>
        <Panel key={tab} tab={tab} />
      </div>
    </section>
  );
}
