// The renderer's one way to reach main: window.kiosk (exposed by the Electron preload) when
// present, otherwise the browser host's HTTP bridge with the very same KioskApi shape.
import type { KioskApi } from '../../../shared/contract/api';
import type { Channel } from '../../../shared/contract/channels';
import { createKioskApi } from '../../../shared/contract/client';

declare global {
  interface Window {
    kiosk?: KioskApi;
  }
}

// The host's secret travels in an HttpOnly cookie, so this code never handles it.
async function postToHost(channel: Channel, payload: unknown): Promise<unknown> {
  const response = await fetch(`/api/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(payload),
    credentials: 'same-origin',
  });
  return response.json();
}

export function resolveKioskApi(win: Pick<Window, 'kiosk'> = window): KioskApi {
  return win.kiosk ?? createKioskApi(postToHost);
}
