// The helpdesk flows: the operator's way in and out, the switch, and the handover from operator
// to applicant, in the order main must see the calls.
import { afterEach, describe, expect, it } from 'vitest';
import { useKioskStore } from '../app/kiosk-store';
import { fakeApi, ONLINE, openScreen, SESSION } from '../testing/render-kiosk';
import {
  expectApplicantThroughAis,
  loadHealth,
  signInOperator,
  signOutOperator,
  startAssistedApplication,
  startAssistedReset,
  switchOutOfService,
} from './helpdesk';

afterEach(() => useKioskStore.setState(useKioskStore.getInitialState(), true));

const store = () => useKioskStore.getState();
const methods = (calls: Array<[string, unknown]>) => calls.map(([method]) => method);

describe('helpdesk flows', () => {
  it('opens the console after the operator’s sign-in, and keeps the form with the code when refused', async () => {
    openScreen({ name: 'operator-sign-in' });
    await expect(
      signInOperator(
        fakeApi({ operatorSignIn: async () => ({ ok: false, code: 'OPERATOR_DENIED' }) }).api,
        'opchen',
        'wrong',
      ),
    ).resolves.toBe('OPERATOR_DENIED');
    expect(store().screen).toEqual({ name: 'operator-sign-in' });
    await expect(signInOperator(fakeApi().api, 'opchen', 'right')).resolves.toBeNull();
    expect(store().screen).toEqual({ name: 'helpdesk' });
  });

  it('an assisted application signs the operator out before the applicant’s session is shown', async () => {
    const { api, calls } = fakeApi({
      currentSession: async () => ({
        ok: true,
        data: { ...SESSION, profile: { ...SESSION.profile, from: 'helpdesk' } },
      }),
    });
    openScreen({ name: 'helpdesk' });
    await expect(
      startAssistedApplication(api, { staffId: 'z10003', reason: 'ais-unavailable' }, 'Operator-Passw0rd!'),
    ).resolves.toBeNull();
    expect(calls[0]).toEqual([
      'startAssistedApplication',
      { staffId: 'z10003', reason: 'ais-unavailable', password: 'Operator-Passw0rd!' },
    ]);
    expect(methods(calls)).toEqual(['startAssistedApplication', 'operatorSignOut', 'currentSession']);
    expect(store().screen).toEqual({ name: 'assisted-handover' });
    expect(store().session?.profile.from).toBe('helpdesk');
    expect(JSON.stringify(store())).not.toContain('Operator-Passw0rd!');
  });

  it('a refused assisted reset keeps the console, and the operator signed in', async () => {
    const { api, calls } = fakeApi({ startAssistedReset: async () => ({ ok: false, code: 'USER(-2)' }) });
    openScreen({ name: 'helpdesk' });
    await expect(startAssistedReset(api, { staffId: 'z10002', reason: 'forgot-password' })).resolves.toBe('USER(-2)');
    expect(methods(calls)).toEqual(['startAssistedReset']);
    expect(store().screen).toEqual({ name: 'helpdesk' });
  });

  it('an applicant who signs in through AIS finds Welcome, with the operator signed out', async () => {
    const { api, calls } = fakeApi();
    openScreen({ name: 'helpdesk' });
    await expect(
      expectApplicantThroughAis(api, { staffId: 'z10012', reason: 'cannot-use-kiosk' }, 'Operator-Passw0rd!'),
    ).resolves.toBeNull();
    expect(calls).toEqual([
      ['expectAssistedApplication', { staffId: 'z10012', reason: 'cannot-use-kiosk', password: 'Operator-Passw0rd!' }],
      ['operatorSignOut', undefined],
    ]);
    expect(store().screen).toEqual({ name: 'welcome' });
  });

  it('signing out leaves the helpdesk for Welcome', async () => {
    const { api, calls } = fakeApi();
    openScreen({ name: 'helpdesk' });
    await signOutOperator(api);
    expect(methods(calls)).toEqual(['operatorSignOut']);
    expect(store().screen).toEqual({ name: 'welcome' });
  });

  it('the out-of-service switch shows main’s new status, and nothing when main refused to switch', async () => {
    const off = { ...ONLINE, outOfService: true };
    const refused = fakeApi({
      setOutOfService: async () => ({ ok: false, code: 'FORBIDDEN' }),
      status: async () => ({ ok: true, data: off }),
    });
    await switchOutOfService(refused.api, true);
    expect(store().status).toEqual({ kind: 'checking' });
    const { api, calls } = fakeApi({ status: async () => ({ ok: true, data: off }) });
    await switchOutOfService(api, true);
    expect(calls).toEqual([
      ['setOutOfService', { on: true, scope: 'kiosk' }],
      ['status', undefined],
    ]);
    expect(store().status).toEqual({ kind: 'known', status: off });
  });

  it('shows the error screen when main refuses the console’s health', async () => {
    openScreen({ name: 'helpdesk' });
    await expect(
      loadHealth(fakeApi({ helpdeskHealth: async () => ({ ok: false, code: 'OPERATOR_SESSION(0)' }) }).api),
    ).resolves.toBeNull();
    expect(store().screen).toEqual({ name: 'error', code: 'OPERATOR_SESSION(0)' });
  });
});
