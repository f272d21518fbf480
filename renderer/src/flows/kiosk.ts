// What the kiosk as a whole learns from main, for every person alike: its settings and the
// service status (directory, AIS, out of service).
import type { KioskApi } from '../../../shared/contract/api';
import { useKioskStore } from '../app/kiosk-store';

const store = () => useKioskStore.getState();

/** Until main answers (or if it cannot), the built-in defaults stay. */
export async function loadSettings(api: KioskApi): Promise<void> {
  const result = await api.settings();
  if (result.ok) store().setSettings(result.data);
}

let latestCheck = 0;

/** Only the latest check's answer is shown: an earlier one that arrives late is older news. */
export async function checkStatus(api: KioskApi): Promise<void> {
  const check = ++latestCheck;
  const result = await api.status();
  if (check !== latestCheck) return;
  store().setStatus(result.ok ? { kind: 'known', status: result.data } : { kind: 'failed', code: result.code });
}
