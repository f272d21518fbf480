// The kiosk's own channels: its status and the renderer's settings. Neither needs a session.
import type { Dispatcher } from '../dispatcher';
import type { SettingsResponse } from '../../../shared/contract/schemas';
import type { KioskStatus } from './kiosk-status';

export function registerStatusHandlers(
  dispatcher: Dispatcher,
  deps: { status: KioskStatus; settings: SettingsResponse },
): void {
  dispatcher.handle('status', () => deps.status.status());
  dispatcher.handle('settings', async () => deps.settings);
}
