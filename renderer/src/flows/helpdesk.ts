// The helpdesk's sequences: the operator's sign-in and sign-out, the console's health, the
// out-of-service switch, and the assisted sessions that hand the kiosk from operator to applicant.
import type { KioskApi, RequestOf } from '../../../shared/contract/api';
import type { ResultCode } from '../../../shared/contract/codes';
import type {
  ExpectAssistedApplicationResponse,
  FleetCheckResponse,
  FleetStatusResponse,
  HealthResponse,
  LookupResponse,
} from '../../../shared/contract/helpdesk-schemas';
import { useKioskStore } from '../app/kiosk-store';

const store = () => useKioskStore.getState();

/** Resolves to the refusal's code to show beside the form, or null once the console is open. */
export async function signInOperator(api: KioskApi, uid: string, password: string): Promise<ResultCode | null> {
  const result = await api.operatorSignIn({ uid, password });
  if (!result.ok) return result.code;
  store().operatorSignedIn();
  return null;
}

export async function signOutOperator(api: KioskApi): Promise<void> {
  await api.operatorSignOut();
  store().helpdeskLeft();
}

/** The console's health, or null when main refused (then its error screen shows). */
export async function loadHealth(api: KioskApi): Promise<HealthResponse | null> {
  const result = await api.helpdeskHealth();
  if (result.ok) return result.data;
  store().failed(result.code);
  return null;
}

/** The fleet check's lines, or null when main refused (then its error screen shows). */
export async function runFleetCheck(api: KioskApi): Promise<FleetCheckResponse['checks'] | null> {
  const result = await api.helpdeskFleetCheck();
  if (result.ok) return result.data.checks;
  store().failed(result.code);
  return null;
}

/** Every kiosk's heartbeat from the directory (or the last known picture, marked stale). */
export async function loadFleet(api: KioskApi): Promise<FleetStatusResponse | null> {
  const result = await api.helpdeskFleetStatus();
  if (result.ok) return result.data;
  store().failed(result.code);
  return null;
}

/** Switches every kiosk (cn=fleet) and reads the fleet again; this kiosk's status follows. */
export async function switchFleet(api: KioskApi, on: boolean): Promise<FleetStatusResponse | null> {
  const result = await api.setOutOfService({ on, scope: 'fleet' });
  if (!result.ok) {
    store().failed(result.code);
    return null;
  }
  const refreshed = await api.status();
  if (refreshed.ok) store().setStatus({ kind: 'known', status: refreshed.data });
  return loadFleet(api);
}

/** The status shown on Welcome changes only once main has both switched and reported it. */
export async function switchOutOfService(api: KioskApi, on: boolean): Promise<void> {
  const result = await api.setOutOfService({ on, scope: 'kiosk' });
  const refreshed = await api.status();
  if (result.ok && refreshed.ok) store().setStatus({ kind: 'known', status: refreshed.data });
}

async function handOver(api: KioskApi): Promise<void> {
  // The console must not stay reachable behind the applicant: the operator is signed out.
  await api.operatorSignOut();
  const session = await api.currentSession();
  store().assistedSessionStarted(session.ok ? session.data : null);
}

/** Resolves to the refusal's code to show in the console, or null once the applicant's handover shows. */
export async function startAssistedReset(
  api: KioskApi,
  request: RequestOf<'startAssistedReset'>,
): Promise<ResultCode | null> {
  const result = await api.startAssistedReset(request);
  if (!result.ok) return result.code;
  await handOver(api);
  return null;
}

/**
 * AIS is down: the entry is written as the operator, who re-enters their own password. It is sent
 * once and not kept. Resolves like startAssistedReset.
 */
export async function startAssistedApplication(
  api: KioskApi,
  request: Omit<RequestOf<'startAssistedApplication'>, 'password'>,
  operatorPassword: string,
): Promise<ResultCode | null> {
  const result = await api.startAssistedApplication({
    staffId: request.staffId,
    reason: request.reason,
    password: operatorPassword,
  });
  if (!result.ok) return result.code;
  await handOver(api);
  return null;
}

/**
 * The usual way: the applicant signs in through AIS themselves, next, at this kiosk. The operator
 * is signed out and Welcome says whom it waits for, until when. Resolves to the refusal's code, or null.
 */
export async function expectApplicantThroughAis(
  api: KioskApi,
  assist: Omit<RequestOf<'expectAssistedApplication'>, 'password'>,
  operatorPassword: string,
): Promise<ResultCode | null> {
  // Only this staff ID's own sign-in becomes assisted: anyone else who signs in meanwhile does not.
  const result = await api.expectAssistedApplication({ ...assist, password: operatorPassword });
  if (!result.ok) return result.code;
  await signOutOperator(api);
  store().applicantAwaited(awaitedFrom(result.data));
  return null;
}

const awaitedFrom = ({ staffId, operator, until }: ExpectAssistedApplicationResponse) => ({
  staffId,
  operator,
  until: Date.parse(until),
});

export type LookupAnswer =
  | { ok: true; results: LookupResponse['results']; tooMany: boolean }
  | { ok: false; code: ResultCode };

/** The accounts found (never a hash); a refusal is shown beside the form, the console stays. */
export async function lookUpAccounts(api: KioskApi, query: string): Promise<LookupAnswer> {
  const result = await api.helpdeskLookup({ query });
  return result.ok ? { ok: true, ...result.data } : { ok: false, code: result.code };
}

export type HelpdeskContactAnswer = { ok: true; masked: string; account: string } | { ok: false; code: ResultCode };

/** Confirms an applicant's contact address with the code they received, at the helpdesk. */
export async function confirmContactAtHelpdesk(
  api: KioskApi,
  request: RequestOf<'helpdeskConfirmContact'>,
): Promise<HelpdeskContactAnswer> {
  const result = await api.helpdeskConfirmContact(request);
  return result.ok ? { ok: true, ...result.data } : { ok: false, code: result.code };
}
