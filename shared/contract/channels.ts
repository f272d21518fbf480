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

/**
 * What each method gets while the kiosk is out of service (switched off, or keeping itself off):
 * a person's requests are refused with OUT_OF_SERVICE before their handler runs; the kiosk's own
 * and the helpdesk's are served; beginSignIn decides in its handler, after it has read the
 * switches again. Every method must say, so a new one cannot forget it.
 */
export const WHILE_OUT_OF_SERVICE: Record<ApiMethod, 'refused' | 'served' | 'handler-decides'> = {
  status: 'served',
  settings: 'served',
  getPolicy: 'served',
  acceptPolicy: 'refused',
  beginSignIn: 'handler-decides',
  cancelSignIn: 'served',
  signInActivity: 'served',
  obscureSignIn: 'served',
  currentSession: 'refused',
  endSession: 'served',
  checkAccount: 'refused',
  accountCandidates: 'refused',
  createAccount: 'refused',
  resetPassword: 'refused',
  checkBreached: 'refused',
  registerContact: 'refused',
  confirmContact: 'refused',
  operatorSignIn: 'served',
  operatorSignOut: 'served',
  helpdeskHealth: 'served',
  helpdeskLookup: 'served',
  setOutOfService: 'served',
  helpdeskConfirmContact: 'served',
  startAssistedReset: 'served',
  startAssistedApplication: 'served',
  expectAssistedApplication: 'served',
  helpdeskFleetCheck: 'served',
  helpdeskFleetStatus: 'served',
  printReceipt: 'served',
};

/** The person-facing methods refused while out of service. */
export const REFUSED_OUT_OF_SERVICE: readonly ApiMethod[] = (Object.keys(WHILE_OUT_OF_SERVICE) as ApiMethod[]).filter(
  (m) => WHILE_OUT_OF_SERVICE[m] === 'refused',
);
