// The only place that touches ipcMain: every contract channel is registered here, and every
// call is checked to come from the kiosk's own app:// main frame before the dispatcher sees it.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Result } from '../../shared/contract/api';
import type { Dispatcher } from '../services/dispatcher';
import type { Logger } from '../services/logger';
import { isKioskAppUrl } from './app-protocol';

/** Only the top frame showing our own app:// page may call main; iframes and other origins may not. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  return frame != null && frame.parent === null && isKioskAppUrl(frame.url);
}

export function registerIpcDoor(ipcMain: Pick<IpcMain, 'handle'>, dispatcher: Dispatcher, logger: Logger): void {
  for (const channel of dispatcher.channels()) {
    ipcMain.handle(channel, async (event, payload: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event)) {
        logger.warn('ipc call from an untrusted frame refused', { channel, url: event.senderFrame?.url });
        return { ok: false, code: 'FORBIDDEN' };
      }
      // The kiosk itself is the client: AIS binds tokens to this machine's own address.
      return dispatcher.dispatch(channel, payload, { clientIp: 'local', transport: 'ipc' });
    });
  }
}
