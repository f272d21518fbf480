// The doctor's checks for what breaks counters in practice, beyond "does it answer": a clock off
// by more than a token's patience, an address AIS will not recognise, and certificates that are
// untrusted or about to expire. Each gives one OK, WARN or FAIL line with one reason.
import { firstLine } from '../kiosk-error';
import type { NetworkInterfaceInfo } from 'node:os';
import type { FetchLike } from '../ais/ais-health';
import { allDirectoryServers } from '../directory/directory-settings';
import type { LdapConnector } from '../directory/ldap-connector';
import { firstValue, parseGeneralizedTime } from '../directory/ldap-values';
import { presentedCertificate, type TlsTarget } from './tls-probe';

export type CheckStatus = 'OK' | 'WARN' | 'FAIL' | 'SKIP';

export interface CounterCheck {
  status: CheckStatus;
  name: string;
  detail: string;
}

/** AIS tokens live 2 minutes: 30 s off already eats a quarter of that. */
export const SKEW_FAIL_MS = 30_000;
export const SKEW_WARN_MS = 5_000;
export const EXPIRY_WARN_DAYS = 30;
const DAY_MS = 24 * 3600_000;

const reason = firstLine;

/** How far this machine's clock is from another's, allowing for the time the answer took. */
export function skewCheck(name: string, theirs: number, ours: number, roundTripMs: number): CounterCheck {
  // An HTTP Date has whole seconds, and the answer was stamped somewhere within the round trip.
  const skew = Math.max(0, Math.abs(theirs - ours) - roundTripMs - 1000);
  const seconds = Math.round((theirs - ours) / 1000);
  const detail = `${seconds === 0 ? 'in step' : `${Math.abs(seconds)} s ${seconds > 0 ? 'behind' : 'ahead of'} it`} (FAIL above ${SKEW_FAIL_MS / 1000} s: AIS tokens live 2 minutes)`;
  return { status: skew > SKEW_FAIL_MS ? 'FAIL' : skew > SKEW_WARN_MS ? 'WARN' : 'OK', name, detail };
}

interface HeaderResponse {
  headers?: { get(name: string): string | null };
}

/** This machine's clock against the AIS server's HTTP Date header. */
export async function aisClockCheck(
  loginUrl: string,
  fetchFn: FetchLike,
  clock: { now(): number },
): Promise<CounterCheck> {
  const name = 'clock vs ais';
  const sent = clock.now();
  try {
    const response = (await fetchFn(loginUrl, {
      method: 'HEAD',
      signal: AbortSignal.timeout(2500),
      redirect: 'manual',
    })) as HeaderResponse;
    const received = clock.now();
    const date = response.headers?.get('date');
    if (!date || Number.isNaN(Date.parse(date)))
      return { status: 'SKIP', name, detail: 'the AIS server sent no Date header' };
    return skewCheck(name, Date.parse(date), (sent + received) / 2, received - sent);
  } catch (error) {
    return { status: 'SKIP', name, detail: `the AIS login page did not answer: ${reason(error)}` };
  }
}

/** This machine's clock against the directory's own (OpenLDAP's monitor backend, where it is readable). */
export async function directoryClockCheck(
  url: string,
  connect: LdapConnector,
  bind: (client: Awaited<ReturnType<LdapConnector>>) => Promise<void>,
  clock: { now(): number },
): Promise<CounterCheck> {
  const name = `clock vs ldap ${url}`;
  let client: Awaited<ReturnType<LdapConnector>> | undefined;
  try {
    client = await connect(url);
    await bind(client);
    const sent = clock.now();
    const { searchEntries } = await client.search('cn=Current,cn=Time,cn=Monitor', {
      scope: 'base',
      attributes: ['monitorTimestamp'],
    });
    const received = clock.now();
    const theirs = parseGeneralizedTime(firstValue(searchEntries[0]?.monitorTimestamp));
    if (theirs === null) return { status: 'SKIP', name, detail: 'cn=Monitor gave no time' };
    return skewCheck(name, theirs, (sent + received) / 2, received - sent);
  } catch {
    return { status: 'SKIP', name, detail: 'not readable (no monitor database, or its ACL refuses the kiosk)' };
  } finally {
    await client?.unbind().catch(() => undefined);
  }
}

/**
 * The address AIS sees must be one the kiosk accepts (SESSION(-2) otherwise). Configured
 * addresses that the machine does not have mean NAT: fine, if they are the NAT's public address.
 */
export function egressCheck(
  configured: readonly string[],
  interfaces: () => NodeJS.Dict<NetworkInterfaceInfo[]>,
): CounterCheck {
  const all = Object.values(interfaces()).flatMap((list) => list ?? []);
  const own = all.filter((i) => !i.internal).map((i) => i.address);
  const name = 'egress address';
  if (configured.length === 0) {
    return own.length > 0
      ? {
          status: 'OK',
          name,
          detail: `ais.egressAddresses is empty: AIS must see one of this machine's own addresses (${own.join(', ')}); behind NAT, list the public one`,
        }
      : {
          status: 'FAIL',
          name,
          detail:
            'ais.egressAddresses is empty and this machine has no non-loopback address: every sign-in would fail with SESSION(-2)',
        };
  }
  // Loopback counts as the machine's own here: the demo's AIS simulator sees the kiosk there.
  const foreign = configured.filter((address) => !all.some((i) => i.address === address));
  if (foreign.length === 0) return { status: 'OK', name, detail: `${configured.join(', ')}: on this machine` };
  return {
    status: 'WARN',
    name,
    detail: `${foreign.join(', ')} not on this machine (${own.join(', ') || 'no address'}): correct only behind NAT, where AIS sees the NAT's public address; otherwise sign-ins fail with SESSION(-2)`,
  };
}

/** Trusted, and more than EXPIRY_WARN_DAYS from expiry? */
export async function certificateCheck(
  name: string,
  target: TlsTarget,
  clock: { now(): number },
): Promise<CounterCheck> {
  try {
    const certificate = await presentedCertificate(target);
    const until = new Date(certificate.notAfter).toISOString().slice(0, 10);
    const daysLeft = Math.floor((certificate.notAfter - clock.now()) / DAY_MS);
    const about = `${certificate.subject}, valid until ${until}`;
    if (certificate.notAfter <= clock.now()) return { status: 'FAIL', name, detail: `${about}: expired` };
    if (certificate.untrusted)
      return { status: 'FAIL', name, detail: `${about}: not trusted (${certificate.untrusted})` };
    if (daysLeft < EXPIRY_WARN_DAYS) return { status: 'WARN', name, detail: `${about}: expires in ${daysLeft} day(s)` };
    return { status: 'OK', name, detail: `${about} (${daysLeft} days left)` };
  } catch (error) {
    return { status: 'FAIL', name, detail: `no TLS handshake: ${reason(error)}` };
  }
}

/** The TLS endpoints a counter talks to: each LDAP server (ldaps:// or StartTLS) and the SMTP relay. */
export function tlsTargets(config: {
  directory: {
    urls?: readonly string[];
    write?: readonly string[];
    read?: readonly string[];
    startTls: boolean;
    caPem?: string;
    connectTimeoutMs: number;
  };
  smtp?: { host: string; port: number; security: 'tls' | 'starttls' | 'none'; caPem?: string };
}): Array<{ name: string; target: TlsTarget }> {
  const targets: Array<{ name: string; target: TlsTarget }> = [];
  for (const url of allDirectoryServers(config.directory)) {
    const parsed = new URL(url);
    const ldaps = parsed.protocol === 'ldaps:';
    if (!ldaps && !config.directory.startTls) continue;
    targets.push({
      name: `tls ${url}`,
      target: {
        host: parsed.hostname.replace(/^\[|\]$/g, ''),
        port: Number(parsed.port) || (ldaps ? 636 : 389),
        upgrade: ldaps ? 'none' : 'ldap-starttls',
        ca: config.directory.caPem,
        timeoutMs: config.directory.connectTimeoutMs,
      },
    });
  }
  const smtp = config.smtp;
  if (smtp && smtp.security !== 'none') {
    targets.push({
      name: `tls smtp ${smtp.host}:${smtp.port}`,
      target: {
        host: smtp.host,
        port: smtp.port,
        upgrade: smtp.security === 'tls' ? 'none' : 'smtp-starttls',
        ca: smtp.caPem,
        timeoutMs: 5000,
      },
    });
  }
  return targets;
}
