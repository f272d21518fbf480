// A creation and a reset with the kiosk's LDAP connection cut at every message, one message per
// case, through a loopback proxy: before slapd sees the k-th message, and after slapd acted on
// it but before its answer came back. Whatever k, the person is told the truth (never INTERNAL,
// "ok" exactly when the account works), the audit has the attempt, nothing half-made survives
// the retry, and the retry ends with a working account.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSlapd, type RunningSlapd } from '../../dev/slapd/throwaway-slapd';
import { startCuttingProxy, type Cut, type CuttingProxy } from '../support/cutting-proxy';
import { canBind, entriesForStaffId } from '../support/directory-checks';
import { expectDirectoryWhole, expectRetryCreates } from '../support/directory-promises';
import { backendOn, codeOf, createFirstOffered, signIn, STRONG_PASSWORD } from '../support/kiosk-people';

let slapd: RunningSlapd;
let proxy: CuttingProxy;
beforeAll(async () => {
  slapd = await startSlapd();
  const upstream = new URL(slapd.ldapUrl);
  proxy = await startCuttingProxy({ host: upstream.hostname, port: Number(upstream.port) });
});
afterEach(() => proxy.disarm());
afterAll(async () => {
  await proxy?.close();
  await slapd?.stop();
});

const throughProxy = () =>
  backendOn(slapd, {
    urls: [proxy.url],
    config: { directory: { allowPlainLdap: true, caFile: undefined, timeoutMs: 3000 } },
  });
const people = (uid: string) => `uid=${uid},ou=people,${slapd.baseDn}`;
let serial = 0;
const nextPerson = (label: string) => {
  serial += 1;
  return {
    id: `z6${String(serial).padStart(4, '0')}`,
    name_en: `CUT,CASE ${label} ${String.fromCharCode(64 + (serial % 26) + 1)}`,
    name: '切斷',
  };
};

/** k = 1, 2, … until a run sends fewer than k messages: then every message of the operation had its cut. */
async function everyK(run: (k: number) => Promise<boolean>): Promise<number> {
  let k = 1;
  while (await run(k)) k += 1;
  return k - 1;
}

describe('LDAP connection cut at every message', () => {
  for (const how of ['drop', 'lose-answer'] as Cut[]) {
    it(`creation, cut ${how} at each k: the truth, the audit line, and a working account after the retry`, async () => {
      const outcomes: string[] = [];
      const cuts = await everyK(async (k) => {
        const person = nextPerson(`C${k}`);
        const backend = throughProxy();
        const session = await signIn(backend, person);
        const [name] = await backend.creation.candidates(session);
        proxy.arm(k, how);
        const code = await codeOf(
          backend.creation.create(
            session,
            { account: name!, password: STRONG_PASSWORD, confirm: STRONG_PASSWORD },
            '127.0.0.1',
          ),
        );
        const cut = proxy.cut;
        proxy.disarm();
        outcomes.push(`${k}:${code}`);
        expect({ k, code }).not.toEqual({ k, code: 'INTERNAL' });
        const [entry] = await entriesForStaffId(slapd, person.id);
        const works = entry ? await canBind(slapd, entry.dn, STRONG_PASSWORD) : false;
        expect({ k, told: code === 'ok', works }).toEqual({ k, told: works, works });
        const outcome = backend.auditLines.filter((l) => l.action === 'create').at(-1);
        expect({ k, staffId: outcome?.staffId, code: outcome?.code ?? 'ok' }).toEqual({ k, staffId: person.id, code });
        if (code !== 'ok') await expectRetryCreates(backend, person);
        await expectDirectoryWhole(slapd, person.id);
        await backend.close();
        return cut;
      });
      // A creation is a dozen or more messages; not every cut fails it (a lost unbind changes nothing), but some must.
      expect(cuts).toBeGreaterThan(6);
      expect(outcomes.some((o) => !o.endsWith(':ok'))).toBe(true);
    }, 180_000);

    it(`reset, cut ${how} at each k: success only when the new password binds`, async () => {
      const cuts = await everyK(async (k) => {
        const person = nextPerson(`R${k}`);
        const backend = throughProxy();
        const { uid: name } = await createFirstOffered(backend, await signIn(backend, person));
        const fresh = `Qw9!rTz#4kLp@${serial}mN`;
        const session = await signIn(backend, person, 'reset');
        proxy.arm(k, how);
        const code = await codeOf(backend.reset.resetPassword(session, { password: fresh, confirm: fresh }));
        const cut = proxy.cut;
        proxy.disarm();
        expect({ k, code }).not.toEqual({ k, code: 'INTERNAL' });
        const works = await canBind(slapd, people(name), fresh);
        expect({ k, told: code === 'ok', works }).toEqual({ k, told: works, works });
        if (code !== 'ok') {
          const again = await signIn(backend, person, 'reset');
          await expect(backend.reset.resetPassword(again, { password: fresh, confirm: fresh })).resolves.toEqual({
            address: `${name}@mx.nthu.edu.tw`,
          });
        }
        expect(await canBind(slapd, people(name), fresh)).toBe(true);
        await backend.close();
        return cut;
      });
      expect(cuts).toBeGreaterThan(2);
    }, 120_000);
  }
});
