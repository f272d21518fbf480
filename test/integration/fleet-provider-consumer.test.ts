// A real provider and a real syncrepl consumer (refreshAndPersist, updateref): writes go to the
// provider only and every read that decides or proves one goes there too; reads go to the
// consumer; a consumer in the write list is skipped, its referral never followed; and with no
// writable server the kiosk refuses before writing anything, then resumes as soon as it can.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProviderAndConsumer, type ProviderAndConsumer } from '../../dev/slapd/replicated-slapd';
import { directoryChecks } from '../../electron/services/health/directory-checks';
import { createLdapConnector } from '../../electron/services/directory/ldap-connector';
import { checkAccount } from '../../electron/services/accounts/account-handlers';
import { asAdmin, canBindAt } from '../support/directory-checks';
import { accountsOn, applyAt, fleetKiosk, keptLogger, request, traceOf } from '../support/fleet-kiosks';
import { codeOf, signIn, STRONG_PASSWORD } from '../support/kiosk-people';
import { testConfig } from '../support/test-config';
import { FIXTURE } from '../../dev/slapd/fixture-directory';
import { CHANNELS } from '../../shared/contract/channels';

let fleet: ProviderAndConsumer;
beforeAll(async () => {
  fleet = await startProviderAndConsumer({ passwordHash: 'SSHA' });
});
afterAll(() => fleet?.stop());

const split = () => ({ write: [fleet.provider.ldapsUrl], read: [fleet.consumer.ldapsUrl] });
const person = (id: string, nameEn: string) => ({ id, name_en: nameEn, name: '林小華' });
const SURNAMES = ['CHANG', 'HUANG', 'KUO', 'TSAI', 'HSU', 'YANG', 'CHOU', 'LO', 'HO', 'KAO'];

/** Milliseconds until an entry written on the provider can be read on the consumer. */
async function lagOf(dn: string): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (await canBindAt(fleet.consumer.ldapUrl, dn, STRONG_PASSWORD)) return performance.now() - started;
    if (performance.now() - started > 10_000) throw new Error(`${dn} never reached the consumer`);
  }
}

describe('write = provider, read = consumer', () => {
  it('makes 10 accounts that each bind on the provider at once and reach the consumer; the audit names the provider', async () => {
    const kiosks = SURNAMES.map(() => fleetKiosk(fleet.provider, split()));
    const made = await Promise.all(
      kiosks.map(async (k, i) => {
        const result = await applyAt(k, person(`z6${String(i).padStart(4, '0')}`, `${SURNAMES[i]},HSIAO-HUA`));
        const dn = `uid=${result.uid},ou=people,${fleet.provider.baseDn}`;
        // Straight after the answer: the provider has it, and the consumer gets it after the lag.
        return { bindsAtOnce: await canBindAt(fleet.provider.ldapUrl, dn, STRONG_PASSWORD), lag: await lagOf(dn) };
      }),
    );
    expect(made.map((m) => m.bindsAtOnce)).toEqual(SURNAMES.map(() => true));
    const servers = kiosks.flatMap((k) =>
      k.auditLines.filter((l) => l.action === 'create').map((l) => [l.result, l.server]),
    );
    expect(servers).toEqual(SURNAMES.map(() => ['ok', fleet.provider.ldapsUrl]));
    await Promise.all(kiosks.map((k) => k.close()));
    const lags = made.map((m) => m.lag).sort((a, b) => a - b);
    // Recorded, not asserted (docs/BENCHMARKS.md has the measured numbers).
    console.log(`replication lag after creation, ms: median ${lags[5]!.toFixed(1)}, max ${lags.at(-1)!.toFixed(1)}`);
  });
});

describe('a consumer that has not caught up', () => {
  it("does not decide any write: the creation is proved on the provider, and the person's next contact step finds the account there", async () => {
    const kiosk = fleetKiosk(fleet.provider, split());
    const who = person('z60500', 'FANG,YU-CHEN');
    fleet.cutReplication();
    try {
      const session = await signIn(kiosk, who);
      const names = await kiosk.creation.candidates(session);
      // The read-back of the hash and the standing check go to the provider: the consumer has nothing yet.
      await expect(kiosk.creation.create(session, request(names[0]!), '127.0.0.1')).resolves.toMatchObject({
        uid: names[0],
      });
      expect((await accountsOn(fleet.consumer)).some((a) => a.sn === who.id)).toBe(false);
      // Found on the provider (no mail relay here, so the code cannot be sent); the stale consumer would say WRONG_STEP.
      expect(await codeOf(kiosk.contacts.register(session, 'yc.fang@example.org'))).toBe('SMTP_UNAVAILABLE');
    } finally {
      fleet.restoreReplication();
      await kiosk.close();
    }
    expect(kiosk.auditLines.find((l) => l.action === 'create')).toMatchObject({
      result: 'ok',
      server: fleet.provider.ldapsUrl,
    });
  });

  it('does not turn back a switch the kiosk wrote on the provider: its older copy of the entry is dropped', async () => {
    const kiosk = fleetKiosk(fleet.provider, split(), { kioskId: 'lagging-read' });
    await kiosk.fleet.heartbeat();
    await kiosk.fleet.refresh();
    fleet.cutReplication();
    try {
      expect(await kiosk.fleet.switchOwn(true, 'op-lag')).toMatchObject({ changed: true, mark: { on: true } });
      // The consumer still has the entry without the switch; read now, it would say "in service".
      await kiosk.fleet.refresh();
      expect(kiosk.status.isSwitchedOff()).toBe(true);
      const [own] = await asAdmin(
        fleet.provider,
        async (c) =>
          (
            await c.search(`cn=lagging-read,ou=kiosks,${fleet.provider.baseDn}`, {
              scope: 'base',
              attributes: ['mxKioskOutOfService'],
            })
          ).searchEntries,
      );
      expect(own).toMatchObject({ mxKioskOutOfService: 'TRUE' });
    } finally {
      fleet.restoreReplication();
      await kiosk.close();
    }
  });
});

describe('the helpdesk on the split', () => {
  it('writes an assisted application as the operator on the provider, and looks the new staff ID up there while the consumer is stale', async () => {
    const kiosk = fleetKiosk(fleet.provider, split());
    const ctx = { clientIp: '127.0.0.1', transport: 'http' as const };
    const op = FIXTURE.operators.member;
    const who = person('z60600', 'TANG,HUI-MIN');
    // The operator signs in on the consumer (a read server); the wait's connection is bound as them on the write servers.
    expect(
      await kiosk.dispatcher.dispatch(CHANNELS.operatorSignIn, { uid: op.uid, password: op.password }, ctx),
    ).toMatchObject({ ok: true });
    expect(
      await kiosk.dispatcher.dispatch(
        CHANNELS.expectAssistedApplication,
        { staffId: who.id, reason: 'cannot-use-kiosk', password: op.password },
        ctx,
      ),
    ).toMatchObject({ ok: true });
    fleet.cutReplication();
    try {
      const session = await signIn(kiosk, who);
      expect(session.assistedBy).toMatchObject({ operator: op.uid });
      const [name] = await kiosk.creation.candidates(session);
      await kiosk.creation.create(session, request(name!), '127.0.0.1');
      const [entry] = await asAdmin(
        fleet.provider,
        async (c) =>
          (
            await c.search(`uid=${name},ou=people,${fleet.provider.baseDn}`, {
              scope: 'base',
              attributes: ['creatorsName'],
            })
          ).searchEntries,
      );
      expect(String(entry?.creatorsName)).toMatch(new RegExp(`^uid=${op.uid},`, 'i'));
      expect((await accountsOn(fleet.consumer)).some((a) => a.sn === who.id)).toBe(false);
      await kiosk.dispatcher.dispatch(CHANNELS.endSession, { reason: 'cancel' }, ctx);
      await kiosk.dispatcher.dispatch(CHANNELS.operatorSignIn, { uid: op.uid, password: op.password }, ctx);
      expect(await kiosk.dispatcher.dispatch(CHANNELS.helpdeskLookup, { query: who.id }, ctx)).toMatchObject({
        ok: true,
        data: { results: [{ account: name, staffId: who.id }] },
      });
    } finally {
      fleet.restoreReplication();
      await kiosk.close();
    }
  });
});

describe('the provider killed', () => {
  it('keeps reads answering from the consumer, refuses creation with DIRECTORY_READ_ONLY and writes nothing, then resumes in the same process', async () => {
    const kiosk = fleetKiosk(fleet.provider, split());
    const who = person('z61000', 'WANG,AN-CHI');
    await fleet.provider.kill();
    try {
      const session = await signIn(kiosk, who);
      await expect(checkAccount(kiosk, session)).resolves.toEqual({ purpose: 'apply' });
      const names = await kiosk.creation.candidates(session);
      expect(names.length).toBeGreaterThan(0);
      expect((await kiosk.status.status()).notice).toBe('DIRECTORY_READ_ONLY');
      expect(await codeOf(kiosk.creation.create(session, request(names[0]!), '127.0.0.1'))).toBe('DIRECTORY_READ_ONLY');
      expect(await traceOf(fleet.consumer, who.id)).toEqual([]);
      const reset = await signIn(kiosk, person('z10001', 'WANG,HSIAO-MING'), 'reset');
      expect(
        await codeOf(kiosk.reset.resetPassword(reset, { password: STRONG_PASSWORD, confirm: STRONG_PASSWORD })),
      ).toBe('DIRECTORY_READ_ONLY');
      expect(await codeOf(kiosk.contacts.register(reset, 'hm.wang@example.org'))).toBe('DIRECTORY_READ_ONLY');
      expect(
        kiosk.auditLines
          .filter((l) => l.action === 'create' || l.action === 'reset')
          .map((l) => [l.action, l.result, l.code]),
      ).toEqual([
        ['create', 'refused', 'DIRECTORY_READ_ONLY'],
        ['reset', 'refused', 'DIRECTORY_READ_ONLY'],
      ]);
    } finally {
      await fleet.provider.resume();
    }
    expect(await traceOf(fleet.provider, who.id)).toEqual([]);
    // The same kiosk process, no restart: the next creation probes the provider again.
    const deadline = Date.now() + 15_000;
    let outcome = 'not tried';
    while (outcome !== 'ok' && Date.now() < deadline) {
      outcome = await codeOf(applyAt(kiosk, who));
      if (outcome !== 'ok') await new Promise((r) => setTimeout(r, 200));
    }
    expect(outcome).toBe('ok');
    expect((await kiosk.status.status()).notice).toBeNull();
    await kiosk.close();
  });
});

describe('the consumer killed', () => {
  it('fails reads over to the provider, and creation goes on', async () => {
    const kiosk = fleetKiosk(fleet.provider, {
      write: [fleet.provider.ldapsUrl],
      read: [fleet.consumer.ldapsUrl, fleet.provider.ldapsUrl],
    });
    await fleet.consumer.kill();
    try {
      const session = await signIn(kiosk, person('z62000', 'LEE,MEI-LING'));
      await expect(checkAccount(kiosk, session)).resolves.toEqual({ purpose: 'apply' });
      const names = await kiosk.creation.candidates(session);
      await expect(kiosk.creation.create(session, request(names[0]!), '127.0.0.1')).resolves.toMatchObject({
        uid: names[0],
      });
    } finally {
      await fleet.consumer.resume();
      await kiosk.close();
    }
  });
});

describe('a consumer in the write list', () => {
  it('is skipped: its referral is not followed, creations succeed on the provider, and the doctor names it', async () => {
    const logger = keptLogger();
    const servers = { write: [fleet.consumer.ldapsUrl, fleet.provider.ldapsUrl], read: [fleet.consumer.ldapsUrl] };
    const kiosk = fleetKiosk(fleet.provider, servers, { logger });
    await expect(applyAt(kiosk, person('z63000', 'CHIANG,CHIH-WEI'))).resolves.toMatchObject({
      uid: expect.any(String),
    });
    expect(kiosk.auditLines.find((l) => l.action === 'create')).toMatchObject({
      result: 'ok',
      server: fleet.provider.ldapsUrl,
    });
    expect(logger.lines.some((l) => l.message.includes('referral') && l.fields?.url === fleet.consumer.ldapsUrl)).toBe(
      true,
    );
    expect((await accountsOn(fleet.provider)).some((a) => a.sn === 'z63000')).toBe(true);
    await kiosk.close();

    const resolved = testConfig(
      {
        directory: {
          urls: undefined,
          write: servers.write,
          read: servers.read,
          caFile: fleet.provider.caFile,
          bindDn: fleet.provider.serviceDn,
          baseDn: fleet.provider.baseDn,
        },
      },
      { TEST_LDAP_PASSWORD: fleet.provider.servicePassword },
    );
    const checks = await directoryChecks(resolved.directory, createLdapConnector(resolved.directory));
    expect(checks.find((c) => c.name === `ldap ${fleet.consumer.ldapsUrl} role`)).toMatchObject({
      status: 'FAIL',
      detail: expect.stringMatching(/^referral/),
    });
    expect(checks.find((c) => c.name === `ldap ${fleet.provider.ldapsUrl} role`)).toMatchObject({
      status: 'OK',
      detail: expect.stringMatching(/^writable/),
    });
  });
});

describe('two kiosks, one reading from the consumer and one from the provider', () => {
  it('race for one staff ID and one name, 10 rounds: at most one account per staff ID, and no INTERNAL', async () => {
    const onConsumer = fleetKiosk(fleet.provider, split());
    const onProvider = fleetKiosk(fleet.provider, {
      write: [fleet.provider.ldapsUrl],
      read: [fleet.provider.ldapsUrl],
    });
    const codes: string[] = [];
    for (let round = 0; round < 10; round += 1) {
      const who = person(`z64${String(round).padStart(3, '0')}`, `${SURNAMES[round]},TZU-YU`);
      const [a, b] = [await signIn(onConsumer, who), await signIn(onProvider, who)];
      const [namesA, namesB] = await Promise.all([
        onConsumer.creation.candidates(a),
        onProvider.creation.candidates(b),
      ]);
      const name = namesA.find((n) => namesB.includes(n))!;
      // Fired in the same tick.
      codes.push(
        ...(await Promise.all([
          codeOf(onConsumer.creation.create(a, request(name), '127.0.0.1')),
          codeOf(onProvider.creation.create(b, request(name), '127.0.0.1')),
        ])),
      );
      expect((await accountsOn(fleet.provider)).filter((e) => e.sn === who.id).length).toBeLessThanOrEqual(1);
    }
    await Promise.all([onConsumer.close(), onProvider.close()]);
    expect(codes).not.toContain('INTERNAL');
    for (const code of codes) expect(['ok', 'USER(-1)', 'APPLICATION_IN_PROGRESS', 'NAME_TAKEN']).toContain(code);
    expect(codes.filter((c) => c === 'ok')).toHaveLength(10);
  });
});
