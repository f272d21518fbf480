// A dispatcher that answers only kiosk:status, for the tests of what stands in front of the one
// door (the IPC door, the browser host, the shell): they see which calls get through, and from where.
import { Dispatcher, type CallContext } from '../../electron/services/dispatcher';
import { silentLogger } from '../../electron/services/logger';
import type { StatusResponse } from '../../shared/contract/schemas';

export function statusOnlyDispatcher(
  kioskId: string,
  onCall: (context: CallContext) => void = () => undefined,
): Dispatcher {
  const status: StatusResponse = {
    appVersion: '1',
    kioskId,
    directory: { state: 'online', serversConfigured: 1, serversReachable: 1 },
    ais: { state: 'online' },
    outOfService: false,
  };
  const dispatcher = new Dispatcher(silentLogger);
  dispatcher.handle('status', async (_request, context) => {
    onCall(context);
    return status;
  });
  return dispatcher;
}
