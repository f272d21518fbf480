// A directory that is not laid out for the kiosk (here: an existing directory upgraded without
// ou=claims, and one where the service account may not write the claims), on real slapd: the
// doctor names what to add, the start-up check takes the kiosk out of service with a reference,
// and a creation that runs anyway is told OUT_OF_SERVICE, never INTERNAL. Once fixed, back in service.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOURCE_POLICIES_DIR } from '../../dev/cli/source-paths';
import { startSlapd, type RunningSlapd } from '../../dev/slapd/throwaway-slapd';
import { createLdapConnector } from '../../electron/services/directory/ldap-connector';
import { runDoctor } from '../../electron/services/health/kiosk-doctor';
import { asAdmin } from '../support/directory-checks';
import { backendOn, codeOf, signIn, STRONG_PASSWORD } from '../support/kiosk-people';
import { testConfig } from '../support/test-config';

let slapd: RunningSlapd;
beforeAll(async () => {
  slapd = await startSlapd();
});
afterAll(() => slapd?.stop());

const claimsDn = () => `ou=claims,${slapd.baseDn}`;

async function removeClaims(): Promise<void> {
  await asAdmin(slapd, async (c) => {
    for (const entry of (await c.search(claimsDn(), { scope: 'one', attributes: ['1.1'] })).searchEntries)
      await c.del(entry.dn);
    await c.del(claimsDn());
  });
}
const addClaims = () => asAdmin(slapd, (c) => c.add(claimsDn(), { objectClass: 'organizationalUnit', ou: 'claims' }));

function doctor() {
  const config = testConfig(
    {
      kioskId: 'layout-counter',
      directory: { urls: [slapd.ldapsUrl], caFile: slapd.caFile, bindDn: slapd.serviceDn, baseDn: slapd.baseDn },
    },
    { TEST_LDAP_PASSWORD: slapd.servicePassword },
  );
  return runDoctor(config, {
    connectLdap: createLdapConnector(config.directory),
    fetch: (() => Promise.reject(new Error('offline'))) as never,
    readTextFile: (p) => readFileSync(p, 'utf8'),
    bundledPoliciesDir: SOURCE_POLICIES_DIR,
  });
}

describe('a directory without ou=claims', () => {
  it('is a doctor FAIL line that says what to add; OK again once it is there', async () => {
    await removeClaims();
    try {
      const checks = await doctor();
      expect(checks.find((c) => c.name.endsWith('layout claims'))).toMatchObject({
        status: 'FAIL',
        detail: expect.stringMatching(/^ou=claims,dc=.* does not exist: add it/),
      });
      expect(checks.find((c) => c.name.endsWith('layout people'))).toMatchObject({ status: 'OK' });
    } finally {
      await addClaims();
    }
    expect((await doctor()).find((c) => c.name.endsWith('layout claims'))).toMatchObject({ status: 'OK' });
    // The probes left nothing behind.
    const probes = await asAdmin(
      slapd,
      async (c) =>
        (await c.search(slapd.baseDn, { filter: '(cn=mx-kiosk-*-probe-*)', attributes: ['1.1'] })).searchEntries,
    );
    expect(probes).toEqual([]);
  });

  it('takes the kiosk out of service with a reference at its layout check, and a creation is told OUT_OF_SERVICE, never INTERNAL', async () => {
    const backend = backendOn(slapd);
    try {
      const session = await signIn(backend, { id: 'z64001', name_en: 'LAYOUT,MISSING', name: '版面' });
      const [name] = await backend.creation.candidates(session);
      await removeClaims();
      // Before the check has run: the claim's add meets the missing container.
      expect(
        await codeOf(
          backend.creation.create(
            session,
            { account: name!, password: STRONG_PASSWORD, confirm: STRONG_PASSWORD },
            '127.0.0.1',
          ),
        ),
      ).toBe('OUT_OF_SERVICE');
      expect(backend.auditLines.at(-1)).toMatchObject({
        action: 'create',
        code: 'OUT_OF_SERVICE',
        detail: expect.stringContaining('ou=claims'),
      });

      await backend.housekeeping.runRound();
      const status = await backend.status.status();
      expect(status).toMatchObject({ outOfService: true, reference: 'DIRECTORY_LAYOUT claims' });
      const refused = await backend.dispatcher.dispatch(
        'account:check',
        {},
        { clientIp: '192.0.2.10', transport: 'http' },
      );
      expect(refused).toMatchObject({ ok: false, code: 'OUT_OF_SERVICE' });

      await addClaims();
      await backend.housekeeping.runRound();
      expect(await backend.status.status()).toMatchObject({ outOfService: false, reference: null });
    } finally {
      await asAdmin(slapd, (c) => c.search(claimsDn(), { scope: 'base' })).catch(addClaims);
      await backend.close();
    }
  });
});
