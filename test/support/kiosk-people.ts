// Test people at a test backend: signed in through the real AIS verifier, creating their account,
// and the code a call ends with.
import type { RunningSlapd } from '../../dev/slapd/throwaway-slapd';
import type { HandoffFields } from '../../electron/services/ais/handoff-payload';
import type { KioskSession } from '../../electron/services/session/kiosk-session';
import { mint } from './ais-tokens';
import { noAisLauncher, testBackend, testConfig, type TestBackendOptions } from './test-config';

export const KIOSK_IP = '192.0.2.10';
export const STRONG_PASSWORD = 'Vb7#qLm2!xTr9wKz';

export function backendOn(
  slapd: RunningSlapd,
  options: TestBackendOptions & { urls?: string[]; config?: Parameters<typeof testConfig>[0] } = {},
) {
  const { urls, config, ...rest } = options;
  return testBackend(
    testConfig(
      {
        ...config,
        directory: {
          urls: urls ?? [slapd.ldapsUrl],
          caFile: slapd.caFile,
          bindDn: slapd.serviceDn,
          baseDn: slapd.baseDn,
          connectTimeoutMs: 1500,
          ...config?.directory,
        },
      },
      { TEST_LDAP_PASSWORD: slapd.servicePassword },
    ),
    rest,
  );
}

/** A backend on a throwaway slapd, keeping its audit lines. */
export type Backend = ReturnType<typeof backendOn>;

/**
 * Signs a person in at the backend's kiosk (nowMs must match the backend's clock). An apply
 * session also accepts both policies, as steps 1 and 2 would, unless consent is false.
 */
export async function signIn(
  backend: Backend,
  person: HandoffFields,
  purpose: 'apply' | 'reset' = 'apply',
  nowMs = Date.now(),
  consent = true,
): Promise<KioskSession> {
  await backend.aisSignIn.begin(purpose, noAisLauncher);
  const session = backend.aisSignIn.completeHandoff(
    mint({ ip: KIOSK_IP, timestamp: String(Math.floor(nowMs / 1000)), ...person }),
    [KIOSK_IP],
  );
  if (purpose === 'apply' && consent) {
    for (const id of ['network-usage', 'email-terms'] as const) {
      const { version, hash } = backend.policies.get(id, 'zh-TW');
      const result = await backend.dispatcher.dispatch(
        'policy:accept',
        { id, version, hash, language: 'zh-TW' },
        { clientIp: KIOSK_IP, transport: 'http' },
      );
      if (!result.ok) throw new Error(`consent to ${id} failed: ${result.code}`);
    }
  }
  return session;
}

/** Creates the person's account under the first name the kiosk offers, as someone taking the top choice would. */
export async function createFirstOffered(backend: Backend, session: KioskSession, password = STRONG_PASSWORD) {
  const [name] = await backend.creation.candidates(session);
  return backend.creation.create(session, { account: name!, password, confirm: password }, '127.0.0.1');
}

export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code ?? `unexpected: ${(error as Error).message}`;
  }
}
