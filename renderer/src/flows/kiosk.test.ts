// The kiosk-wide answers: settings fall back to the defaults, and a late status answer never
// overwrites a newer one.
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/contract/api';
import type { StatusResponse } from '../../../shared/contract/schemas';
import { DEFAULT_SETTINGS, useKioskStore } from '../app/kiosk-store';
import { fakeApi, ONLINE } from '../testing/render-kiosk';
import { checkStatus, loadSettings } from './kiosk';

afterEach(() => useKioskStore.setState(useKioskStore.getInitialState(), true));

const store = () => useKioskStore.getState();

describe('kiosk flows', () => {
  it('keeps the built-in settings when main cannot answer, and takes main’s when it can', async () => {
    await loadSettings(fakeApi({ settings: async () => ({ ok: false, code: 'INTERNAL' }) }).api);
    expect(store().settings).toEqual(DEFAULT_SETTINGS);
    await loadSettings(
      fakeApi({ settings: async () => ({ ok: true, data: { ...DEFAULT_SETTINGS, idleSeconds: 45 } }) }).api,
    );
    expect(store().settings.idleSeconds).toBe(45);
  });

  it('shows the latest status check even when an earlier one answers after it', async () => {
    const answers: Array<(result: Result<StatusResponse>) => void> = [];
    const { api } = fakeApi({ status: () => new Promise((resolve) => answers.push(resolve)) });
    const first = checkStatus(api);
    const second = checkStatus(api);
    answers[1]!({ ok: true, data: { ...ONLINE, outOfService: true } });
    await second;
    answers[0]!({ ok: true, data: ONLINE });
    await first;
    expect(store().status).toEqual({ kind: 'known', status: { ...ONLINE, outOfService: true } });
  });

  it('shows a failed check with its code', async () => {
    await checkStatus(fakeApi({ status: async () => ({ ok: false, code: 'DIRECTORY_UNAVAILABLE' }) }).api);
    expect(store().status).toEqual({ kind: 'failed', code: 'DIRECTORY_UNAVAILABLE' });
  });
});
