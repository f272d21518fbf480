// The helpdesk's channels: operator sign-in and out, the console (health, lookup, out of service,
// a contact confirmation, the fleet check) and the assisted starts. Each needs a signed-in operator except sign-in.
import type { ContactConfirmation } from '../contact/contact-confirmation';
import type { Dispatcher } from '../dispatcher';
import type { AssistedStarts } from './assisted-starts';
import type { HelpdeskConsole } from './helpdesk-console';
import type { OperatorSignIn } from './operator-sign-in';

export function registerHelpdeskHandlers(
  dispatcher: Dispatcher,
  deps: {
    operators: OperatorSignIn;
    console: HelpdeskConsole;
    assisted: AssistedStarts;
    contacts: ContactConfirmation;
  },
): void {
  const { operators, assisted } = deps;
  dispatcher.handle('operatorSignIn', async ({ uid, password }) => ({
    uid: (await operators.signIn(uid, password)).uid,
  }));
  dispatcher.handle('operatorSignOut', async () => ({ signedOut: operators.signOut() }));
  dispatcher.handle('helpdeskHealth', async () => deps.console.health());
  dispatcher.handle('helpdeskFleetCheck', async () => ({ checks: await deps.console.fleetCheck() }));
  dispatcher.handle('helpdeskLookup', async ({ query }) => deps.console.lookup(query));
  dispatcher.handle('setOutOfService', async ({ on, scope }) => ({
    on: await deps.console.setOutOfService(on, scope),
  }));
  dispatcher.handle('helpdeskFleetStatus', async () => deps.console.fleetStatus());
  dispatcher.handle('startAssistedApplication', async ({ staffId, reason, password }) =>
    assisted.startApplication(staffId, reason, password),
  );
  dispatcher.handle('expectAssistedApplication', async ({ staffId, reason, password }) =>
    assisted.expectApplication(staffId, reason, password),
  );
  dispatcher.handle('startAssistedReset', async ({ staffId, reason }) => assisted.startReset(staffId, reason));
  dispatcher.handle('helpdeskConfirmContact', async ({ staffId, code }) =>
    deps.contacts.confirmByHelpdesk(operators.require().uid, staffId, code),
  );
}
