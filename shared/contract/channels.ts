// The API's method names and their IPC channel names (`domain:action`), free of zod so the
// renderer can import it without pulling validation code into its bundle.

export const CHANNELS = {
  status: 'kiosk:status',
  settings: 'kiosk:settings',
  getPolicy: 'policy:get',
  acceptPolicy: 'policy:accept',
  beginSignIn: 'ais:begin',
  cancelSignIn: 'ais:cancel',
  signInActivity: 'ais:activity',
  obscureSignIn: 'ais:obscure',
  currentSession: 'session:current',
  endSession: 'session:end',
  checkAccount: 'account:check',
  accountCandidates: 'account:candidates',
  createAccount: 'account:create',
  resetPassword: 'account:resetPassword',
  registerContact: 'contact:register',
  confirmContact: 'contact:confirm',
  operatorSignIn: 'operator:signIn',
  operatorSignOut: 'operator:signOut',
  helpdeskHealth: 'helpdesk:health',
  helpdeskLookup: 'helpdesk:lookup',
  setOutOfService: 'helpdesk:setOutOfService',
  helpdeskConfirmContact: 'helpdesk:confirmContact',
  startAssistedReset: 'helpdesk:startAssistedReset',
  startAssistedApplication: 'helpdesk:startAssistedApplication',
  expectAssistedApplication: 'helpdesk:expectAssistedApplication',
  helpdeskFleetCheck: 'helpdesk:fleetCheck',
  helpdeskFleetStatus: 'helpdesk:fleetStatus',
  printReceipt: 'receipt:print',
  checkBreached: 'password:breached',
} as const;

export type ApiMethod = keyof typeof CHANNELS;
export type Channel = (typeof CHANNELS)[ApiMethod];

export const ALL_CHANNELS: readonly Channel[] = Object.values(CHANNELS);
