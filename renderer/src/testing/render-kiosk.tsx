// Test helpers for renderer components: a KioskApi fake that records calls, and a render of the
// whole App around it. Used only by *.test.tsx files.
import { act, render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { KioskApi } from '../../../shared/contract/api';
import type {
  CreateAccountResponse,
  CurrentSessionResponse,
  SettingsResponse,
  StatusResponse,
} from '../../../shared/contract/schemas';
import { ApiProvider } from '../api/api-context';
import { App } from '../app/App';
import { useKioskStore, type Screen } from '../app/kiosk-store';
import { createI18n } from '../i18n/i18n';
import { HMWANG_LOOKUP_ROW } from './lookup-rows';
import zxcvbn from 'zxcvbn';
import { strengthOf } from '../password-meter/strength-feedback';
import { ScorerProvider, type StrengthScorer } from '../password-meter/strength-scorer';

/** The same zxcvbn the worker runs, called directly (jsdom has no Worker). */
export const zxcvbnScorer: StrengthScorer = async (password, inputs) =>
  strengthOf(zxcvbn(password.slice(0, 64), inputs));

export const ONLINE: StatusResponse = {
  appVersion: '0.1.0',
  kioskId: 'counter-7',
  directory: { state: 'online', serversConfigured: 2, serversReachable: 1 },
  ais: { state: 'online' },
  outOfService: false,
};

export const SESSION: CurrentSessionResponse = {
  profile: {
    id: 'z10003',
    name: '林明志',
    nameEn: 'Ming-Zhi Lin',
    from: 'AIS',
    loginTime: '2026-11-22T02:03:04.000Z',
    language: 'zh-TW',
    condition: '一般',
    role: 'staff',
  },
  purpose: 'apply',
  expiresAt: Date.parse('2026-11-22T02:23:04.000Z'),
  nameUsable: true,
};

export const SETTINGS: SettingsResponse = {
  idleSeconds: 90,
  idleWarningSeconds: 20,
  resultSeconds: 60,
  mailDomain: 'mx.nthu.edu.tw',
  institutionDomains: ['nthu.edu.tw'],
  kioskId: 'counter-7',
  result: {
    webmailUrl: 'https://webmail.example.edu/',
    incomingServer: 'imap.example.edu, IMAP 993, SSL/TLS',
    outgoingServer: 'smtp.example.edu, SMTP 465, SSL/TLS',
    helpUrl: 'https://help.example.edu/mail',
    printing: 'page',
  },
};

export type ApiCall = [method: string, request: unknown];

export function fakeApi(overrides: Partial<KioskApi> = {}): { api: KioskApi; calls: ApiCall[] } {
  const calls: ApiCall[] = [];
  const defaults: KioskApi = {
    status: async () => ({ ok: true, data: ONLINE }),
    beginSignIn: async () => ({ ok: true, data: { kind: 'completed' } }),
    cancelSignIn: async () => ({ ok: true, data: { cancelled: true } }),
    signInActivity: async () => ({ ok: true, data: { quietMs: null } }),
    obscureSignIn: async () => ({ ok: true, data: { obscured: false } }),
    currentSession: async () => ({ ok: true, data: SESSION }),
    endSession: async () => ({ ok: true, data: { ended: true } }),
    settings: async () => ({ ok: true, data: SETTINGS }),
    getPolicy: async (request) => ({
      ok: true,
      data: {
        id: request!.id,
        language: request!.language,
        title: `${request!.id} (${request!.language})`,
        version: 'v1',
        approved: '2002-05-23',
        amended: [],
        summary: true,
        source: 'the center',
        markdown: '# T\n\n- point one\n- point two',
        hash: 'a'.repeat(64),
      },
    }),
    acceptPolicy: async () => ({ ok: true, data: { accepted: true } }),
    checkAccount: async () => ({ ok: true, data: { purpose: 'apply' } }),
    accountCandidates: async () => ({
      ok: true,
      data: { candidates: ['mzlin2', 'mingzhi'], domain: 'mx.nthu.edu.tw' },
    }),
    createAccount: async () => ({
      ok: true,
      data: {
        address: 'mzlin2@mx.nthu.edu.tw',
        uid: 'mzlin2',
        mailbox: { mode: 'none', homeCreated: false, quota: null, mbox: null, unfinished: null },
        effectiveInMinutes: 10,
      },
    }),
    resetPassword: async () => ({ ok: true, data: { address: 'mzlin2@mx.nthu.edu.tw' } }),
    checkBreached: async () => ({ ok: true, data: { breached: false } }),
    registerContact: async () => ({ ok: true, data: { masked: 'm****n@gmail.com' } }),
    confirmContact: async () => ({ ok: true, data: { masked: 'm****n@gmail.com' } }),
    operatorSignIn: async (request) => ({ ok: true, data: { uid: request!.uid } }),
    operatorSignOut: async () => ({ ok: true, data: { signedOut: true } }),
    helpdeskHealth: async () => ({
      ok: true,
      data: {
        checks: [{ status: 'OK', name: 'ldap ldaps://x', detail: 'reachable' }],
        counts: [{ action: 'create', result: 'ok', count: 2 }],
        appVersion: '0.1.0',
        configPath: '/etc/mx-kiosk/config.yaml',
        aisMode: 'ais',
      },
    }),
    helpdeskLookup: async () => ({
      ok: true,
      data: {
        results: [HMWANG_LOOKUP_ROW],
        tooMany: false,
      },
    }),
    setOutOfService: async (request) => ({ ok: true, data: { on: request!.on } }),
    startAssistedApplication: async () => ({ ok: true, data: { name: '高淑慧' } }),
    expectAssistedApplication: async (request) => ({
      ok: true,
      data: { waiting: true, staffId: request!.staffId, operator: 'opchen', until: '2026-11-22T02:13:04.000Z' },
    }),
    startAssistedReset: async () => ({ ok: true, data: { account: 'hmwang@mx.nthu.edu.tw' } }),
    helpdeskConfirmContact: async () => ({ ok: true, data: { masked: 'm****n@gmail.com', account: 'mzlin2' } }),
    helpdeskFleetCheck: async () => ({
      ok: true,
      data: {
        checks: [
          {
            status: 'FAIL',
            name: 'fleet lost',
            detail: 'z10009: ghost (uidNumber 4242) created at counter-9 is missing: no such entry',
          },
        ],
      },
    }),
    helpdeskFleetStatus: async () => ({
      ok: true,
      data: {
        fleetOutOfService: false,
        fleetSwitch: { on: false, by: 'hdlee', from: 'counter-9', at: '2026-11-22T01:15:00.000Z' },
        stale: false,
        checkedAt: '2026-11-22T02:03:04.000Z',
        kiosks: [
          {
            kioskId: 'counter-7',
            state: 'in-service',
            lastSeen: '2026-11-22T02:03:00Z',
            version: '0.1.0',
            counts: [],
            ownSwitch: { on: false, by: null, from: null, at: null },
          },
          {
            kioskId: 'counter-8',
            state: 'out-of-service',
            lastSeen: '2026-11-22T02:02:51Z',
            version: '0.1.0',
            counts: [],
            ownSwitch: { on: true, by: 'hdlee', from: 'counter-9', at: '2026-11-22T01:58:10.000Z' },
          },
        ],
      },
    }),
    printReceipt: async () => ({ ok: true, data: { printed: 'window-print' } }),
  };
  const api = Object.fromEntries(
    Object.entries({ ...defaults, ...overrides }).map(([method, fn]) => [
      method,
      (request?: unknown) => {
        calls.push([method, request]);
        return (fn as (r?: unknown) => unknown)(request);
      },
    ]),
  ) as KioskApi;
  return { api, calls };
}

/** Opens a screen directly, as if the flows had led there: a test may skip the way in, the kiosk never does. */
export function openScreen(screen: Screen): void {
  useKioskStore.setState({ screen });
}

export function renderKiosk(
  api: KioskApi,
  navigate: (url: string) => void = () => undefined,
  scorer: StrengthScorer = zxcvbnScorer,
) {
  return render(
    <I18nextProvider i18n={createI18n()}>
      <ApiProvider api={api} navigate={navigate}>
        <ScorerProvider scorer={scorer}>
          <App />
        </ScorerProvider>
      </ApiProvider>
    </I18nextProvider>,
  );
}

export const CREATED_NO_MAILBOX: CreateAccountResponse = {
  address: 'mzlin2@mx.nthu.edu.tw',
  uid: 'mzlin2',
  mailbox: { mode: 'none', homeCreated: false, quota: null, mbox: null, unfinished: null },
  effectiveInMinutes: 10,
};
export const HASH_NETWORK = 'c0ffee1234567890'.padEnd(64, '0');
export const HASH_EMAIL = 'deadbeef98765432'.padEnd(64, '1');

/** The kiosk on Step 4, as after signing in, accepting both policies and creating the account. */
export async function renderResults(
  overrides: Partial<KioskApi> = {},
  created: CreateAccountResponse = CREATED_NO_MAILBOX,
) {
  const fake = fakeApi(overrides);
  renderKiosk(fake.api);
  await act(async () => {
    const store = useKioskStore.getState();
    store.signedIn(SESSION);
    store.policyAccepted('network-usage', { version: '2002-05-23-summary-1', hash: HASH_NETWORK, language: 'zh-TW' });
    store.policyAccepted('email-terms', { version: '2018-03-08-summary-1', hash: HASH_EMAIL, language: 'zh-TW' });
    store.accountCreated(created);
  });
  return fake;
}
