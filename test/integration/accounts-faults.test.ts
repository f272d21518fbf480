// slapd SIGKILLed at each step of a creation and of a reset, aimed by step (before the request,
// right after it left, after its answer), then restarted on the same data. Every answer must be
// the truth (never INTERNAL, never "failed" for an account that works), the audit must have the
// attempt under the right staff ID, and the person's retry must end with a working account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlapd, type RunningSlapd } from '../../dev/slapd/throwaway-slapd';
import { createLdapConnector } from '../../electron/services/directory/ldap-connector';
import { asAdmin, canBind, entriesForStaffId } from '../support/directory-checks';
import { expectRetryCreates } from '../support/directory-promises';
import { backendOn, codeOf, createFirstOffered, signIn, STRONG_PASSWORD } from '../support/kiosk-people';
import { StepFaults, type Phase, type Step } from '../support/step-faults';

let slapd: RunningSlapd;
beforeAll(async () => {
  slapd = await startSlapd();
});
afterAll(async () => {
  await slapd?.stop();
});

const PHASES: Phase[] = ['before', 'sent', 'answered'];
// Where the server hashes a password given in an add there is no Password Modify step.
const CREATION_STEPS: Record<'one-add' | 'add-then-modify', Step[]> = {
  'one-add': ['counter', 'claim', 'add', 'read-back'],
  'add-then-modify': ['counter', 'claim', 'add', 'password', 'read-back'],
};
const RESET_STEPS: Step[] = ['password', 'bind'];

function faultyBackend(server = slapd) {
  const faults = new StepFaults();
  const connect = faults.wrap(
    createLdapConnector({ startTls: false, caPem: server.caPem, connectTimeoutMs: 1000, timeoutMs: 3000 }),
  );
  return { faults, backend: backendOn(server, { connectLdap: connect }) };
}

/** Kills slapd now and starts it again shortly after, as a crash and a supervisor restart would. */
function crash(server = slapd): { fire: () => Promise<void>; restarted: () => Promise<void> } {
  let restarted: Promise<void> = Promise.resolve();
  return {
    fire: () => {
      // Set before the kill finishes: a creation's requests sent alongside the aimed one fail with
      // the kill, so it may end while slapd is still going down.
      const killed = server.kill();
      restarted = killed.then(
        () => new Promise((resolve, reject) => setTimeout(() => server.resume().then(resolve, reject), 150)),
      );
      return killed;
    },
    restarted: () => restarted,
  };
}

async function everyone(server = slapd) {
  return asAdmin(
    server,
    async (c) =>
      (await c.search(server.baseDn, { filter: '(objectClass=posixAccount)', attributes: ['uid', 'uidNumber', 'sn'] }))
        .searchEntries,
  );
}

const people = (uid: string, server = slapd) => `uid=${uid},ou=people,${server.baseDn}`;
let serial = 0;

for (const path of ['one-add', 'add-then-modify'] as const) {
  describe(`slapd killed at each step of a creation (${path})`, () => {
    // The one-add path on the shared server; the fallback on a server that keeps a cleartext add as given.
    let server: RunningSlapd;
    beforeAll(async () => {
      server = path === 'one-add' ? slapd : await startSlapd({ hashCleartext: false });
    });
    afterAll(async () => {
      if (server !== slapd) await server?.stop();
    });
    for (const step of CREATION_STEPS[path]) {
      for (const phase of PHASES) {
        it(`${step}, ${phase}: the answer is the truth and the retry ends with a working account`, async () => {
          serial += 1;
          const staffId = `z7${String(serial).padStart(4, '0')}`;
          const person = { id: staffId, name_en: `FAULT,CASE ${String.fromCharCode(64 + serial)}`, name: '測試' };
          const { faults, backend } = faultyBackend(server);
          const session = await signIn(backend, person);
          const [name] = await backend.creation.candidates(session);
          const { fire, restarted } = crash(server);
          faults.arm(step, phase, fire);
          const code = await codeOf(
            backend.creation.create(
              session,
              { account: name!, password: STRONG_PASSWORD, confirm: STRONG_PASSWORD },
              '127.0.0.1',
            ),
          );
          await restarted();
          expect(faults.fired).toBe(true);
          expect(code).not.toBe('INTERNAL');
          const [entry] = await entriesForStaffId(server, staffId);
          const works = entry ? await canBind(server, entry.dn, STRONG_PASSWORD) : false;
          // Told "ok" exactly when the account works.
          expect({ code, works }).toEqual({ code: works ? 'ok' : code, works: code === 'ok' });
          const outcome = backend.auditLines.filter((l) => l.action === 'create').at(-1);
          expect({ staffId: outcome?.staffId, code: outcome?.code ?? 'ok' }).toEqual({ staffId, code });

          if (code !== 'ok') await expectRetryCreates(backend, person);
          const accounts = await entriesForStaffId(server, staffId);
          expect(accounts).toHaveLength(1);
          expect(await canBind(server, people(String(accounts[0]!.uid), server), STRONG_PASSWORD)).toBe(true);
          const all = await everyone(server);
          expect(new Set(all.map((e) => String(e.uidNumber))).size).toBe(all.length);
          expect(new Set(all.map((e) => String(e.uid))).size).toBe(all.length);
          await backend.close();
        });
      }
    }
  });
}

describe('slapd killed at each step of a reset', () => {
  for (const step of RESET_STEPS) {
    for (const phase of PHASES) {
      it(`${step}, ${phase}: success only when the new password binds, and the retry ends with it`, async () => {
        serial += 1;
        const staffId = `z7${String(serial).padStart(4, '0')}`;
        const person = { id: staffId, name_en: `RESET,CASE ${String.fromCharCode(64 + serial)}`, name: '重設' };
        const { faults, backend } = faultyBackend();
        const { uid: name } = await createFirstOffered(backend, await signIn(backend, person));

        const fresh = `Qw9!rTz#4kLp@${serial}mN`;
        const session = await signIn(backend, person, 'reset');
        const { fire, restarted } = crash();
        faults.arm(step, phase, fire);
        const code = await codeOf(backend.reset.resetPassword(session, { password: fresh, confirm: fresh }));
        await restarted();
        expect(faults.fired).toBe(true);
        expect(code).not.toBe('INTERNAL');
        const works = await canBind(slapd, people(name), fresh);
        expect({ code, works }).toEqual({ code: works ? 'ok' : code, works: code === 'ok' });
        const outcome = backend.auditLines.filter((l) => l.action === 'reset').at(-1);
        expect({ staffId: outcome?.staffId, code: outcome?.code ?? 'ok' }).toEqual({ staffId, code });

        if (code !== 'ok') {
          const again = await signIn(backend, person, 'reset');
          await expect(backend.reset.resetPassword(again, { password: fresh, confirm: fresh })).resolves.toEqual({
            address: `${name}@mx.nthu.edu.tw`,
          });
        }
        expect(await canBind(slapd, people(name), fresh)).toBe(true);
        expect(await canBind(slapd, people(name), STRONG_PASSWORD)).toBe(false);
        await backend.close();
      });
    }
  }
});

describe('the sweeper after a restart', () => {
  it('finds abandoned entries without a password and orphan claims in the directory, and touches nothing finished or young', async () => {
    const old = Math.floor(Date.now() / 1000) - 600;
    const young = Math.floor(Date.now() / 1000);
    const entry = (uid: string, staffId: string, created: number, password?: string) =>
      asAdmin(slapd, (c) =>
        c.add(people(uid), {
          objectClass: ['inetOrgPerson', 'posixAccount', 'shadowAccount'],
          uid,
          cn: uid,
          sn: staffId,
          uidNumber: String(59000 + Number(staffId.slice(-3))),
          gidNumber: '100',
          homeDirectory: `/mx/u/${uid}`,
          description: `create(${created},127.0.0.1);`,
          ...(password ? { userPassword: password } : {}),
        }),
      );
    const claim = (staffId: string, uid: string, created: number) =>
      asAdmin(slapd, (c) =>
        c.add(`cn=${staffId},ou=claims,${slapd.baseDn}`, {
          objectClass: 'applicationProcess',
          cn: staffId,
          seeAlso: people(uid),
          description: `claimed(${created},other-counter)`,
        }),
      );
    await entry('sweepold', 'z79001', old);
    await claim('z79001', 'sweepold', old);
    await entry('sweepyoung', 'z79002', young);
    await claim('z79002', 'sweepyoung', young);
    await entry('sweepdone', 'z79003', old, STRONG_PASSWORD);
    await claim('z79004', 'nobodyever', old);

    // A kiosk that never saw these creations: everything it knows comes from the directory.
    const backend = backendOn(slapd);
    await expect(backend.sweeper.sweep()).resolves.toEqual({ entries: 1, claims: 1 });
    expect(await entriesForStaffId(slapd, 'z79001')).toHaveLength(0);
    expect(await entriesForStaffId(slapd, 'z79002')).toHaveLength(1);
    expect(await entriesForStaffId(slapd, 'z79003')).toHaveLength(1);
    const claims = await asAdmin(slapd, async (c) =>
      (await c.search(`ou=claims,${slapd.baseDn}`, { scope: 'one', attributes: ['cn'] })).searchEntries.map((e) =>
        String(e.cn),
      ),
    );
    expect(claims).toContain('z79002');
    expect(claims).not.toContain('z79001');
    expect(claims).not.toContain('z79004');
    // One line for each removal: z79001's entry and then its claim, z79004's claim.
    expect(
      backend.auditLines
        .filter((l) => l.action === 'cleanup')
        .map((l) => l.staffId)
        .sort(),
    ).toEqual(['z79001', 'z79001', 'z79004']);
    // The young one is another counter's creation in progress: its person is told so, not refused.
    const session = await signIn(backend, { id: 'z79002', name_en: 'SWEEP,YOUNG' });
    await expect(backend.creation.check(session)).rejects.toMatchObject({
      code: 'APPLICATION_IN_PROGRESS',
      facts: { retryAfterSeconds: expect.any(Number) },
    });
    const reset = await signIn(backend, { id: 'z79002', name_en: 'SWEEP,YOUNG' }, 'reset');
    await expect(backend.reset.check(reset)).rejects.toMatchObject({ code: 'APPLICATION_IN_PROGRESS' });
    await backend.close();
  });
});
