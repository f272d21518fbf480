// Two real multi-provider nodes, a kiosk fleet writing to each at once. Connected, each write
// server's own uidNumber range keeps numbers apart. Partitioned and healed, one person's entry can
// replace another's under the same DN and one staff ID can get two accounts: the directory cannot
// prevent that without a global lock, so the fleet check must report exactly what happened.
import { Attribute } from 'ldapts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { converged, startMultiProvider, type MultiProvider } from '../../dev/slapd/replicated-slapd';
import type { RunningSlapd } from '../../dev/slapd/throwaway-slapd';
import { layoutFromConfig } from '../../electron/services/account-store/account-layout';
import { AccountReads } from '../../electron/services/account-store/account-reads';
import { auditedCreations, fleetCheck, type FleetFinding } from '../../electron/services/accounts/fleet-check';
import { DirectoryConnection } from '../../electron/services/directory/directory-connection';
import { createLdapConnector } from '../../electron/services/directory/ldap-connector';
import { systemClock } from '../../electron/services/clock';
import { silentLogger } from '../../electron/services/logger';
import { Secret } from '../../electron/services/secret';
import { asAdmin } from '../support/directory-checks';
import { accountsOn, applyAt, fleetKiosk } from '../support/fleet-kiosks';
import { testConfig } from '../support/test-config';

let fleet: MultiProvider;
const RANGES = [
  { min: 20000, max: 29999 },
  { min: 30000, max: 39999 },
];

beforeAll(async () => {
  fleet = await startMultiProvider({ passwordHash: 'SSHA' });
  // Each range's counter entry, made once by the directory's operator (docs/directory.md, "Fleet").
  await asAdmin(fleet.nodes[0], async (c) => {
    for (const { min } of RANGES) {
      await c.add(`cn=uidNext-${min},${fleet.nodes[0].baseDn}`, [
        new Attribute({ type: 'objectClass', values: ['organizationalRole', 'extensibleObject'] }),
        new Attribute({ type: 'cn', values: [`uidNext-${min}`] }),
        new Attribute({ type: 'uidNumber', values: [String(min)] }),
      ]);
    }
  });
  await converged(fleet.nodes);
});
afterAll(() => fleet?.stop());

/** One kiosk per person, writing to and reading from its own node; every node's range configured. */
function kioskOn(node: RunningSlapd, i: number) {
  const uidRanges = fleet.nodes.map((n, k) => ({ server: n.ldapsUrl, ...RANGES[k]! }));
  return fleetKiosk(
    node,
    { write: [node.ldapsUrl], read: [node.ldapsUrl] },
    { kioskId: `${node === fleet.nodes[0] ? 'a' : 'b'}-${i}`, directory: { account: { uidRanges } } },
  );
}

/** Two letters per index, so every person gets names nobody else is offered. */
const given = (i: number) => `${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}`;
const audit: string[] = [];
type Kiosk = ReturnType<typeof kioskOn>;
async function done(kiosks: Kiosk[]) {
  for (const k of kiosks) audit.push(...k.auditLines.map((l) => JSON.stringify(l)));
  await Promise.all(kiosks.map((k) => k.close()));
}

/** The fleet check on one node, as the service account, over every kiosk's audit lines so far. */
async function checkOn(node: RunningSlapd): Promise<FleetFinding[]> {
  const config = testConfig(
    { directory: { urls: [node.ldapsUrl], caFile: node.caFile, bindDn: node.serviceDn, baseDn: node.baseDn } },
    { TEST_LDAP_PASSWORD: node.servicePassword },
  );
  const connection = new DirectoryConnection(
    { urls: [node.ldapsUrl], bindDn: node.serviceDn, bindPassword: new Secret(node.servicePassword), failbackMs: 0 },
    createLdapConnector(config.directory),
    systemClock,
    silentLogger,
  );
  try {
    return (
      await fleetCheck(
        new AccountReads(connection, layoutFromConfig(config.directory)),
        connection,
        auditedCreations(audit),
      )
    ).findings;
  } finally {
    await connection.close();
  }
}

const sorted = (findings: Array<Pick<FleetFinding, 'kind' | 'key'>>) =>
  findings.map((f) => `${f.kind} ${f.key}`).sort();

describe('two multi-provider nodes, a kiosk fleet on each', () => {
  it("connected, 2 × 20 concurrent creations: 0 duplicate uidNumbers after convergence, each from its node's range", async () => {
    const kiosks = fleet.nodes.flatMap((node) => Array.from({ length: 20 }, (_, i) => kioskOn(node, i)));
    const results = await Promise.all(
      kiosks.map((k, i) =>
        applyAt(k, { id: `z7${String(i).padStart(4, '0')}`, name_en: `K${given(i)}N,MING`, name: '林' }),
      ),
    );
    expect(results).toHaveLength(40);
    await done(kiosks);
    await converged(fleet.nodes);
    for (const node of fleet.nodes) {
      const made = (await accountsOn(node)).filter((a) => a.sn.startsWith('z7'));
      expect(made).toHaveLength(40);
      expect(new Set(made.map((a) => a.uidNumber)).size).toBe(40);
    }
    const created = audit
      .map((l) => JSON.parse(l) as { action: string; result: string; uidNumber: number; server: string })
      .filter((l) => l.action === 'create' && l.result === 'ok');
    for (const line of created) {
      const range = RANGES[fleet.nodes.findIndex((n) => n.ldapsUrl === line.server)]!;
      expect(line.uidNumber).toBeGreaterThanOrEqual(range.min);
      expect(line.uidNumber).toBeLessThanOrEqual(range.max);
    }
    for (const node of fleet.nodes) expect(await checkOn(node)).toEqual([]);
  });

  it('partitioned, then healed: the fleet check reports exactly the lost creations and duplicate staff IDs, and nothing else', async () => {
    fleet.partition();
    const [a, b] = [kioskOn(fleet.nodes[0], 50), kioskOn(fleet.nodes[1], 50)];
    const [a2, b2] = [kioskOn(fleet.nodes[0], 51), kioskOn(fleet.nodes[1], 51)];
    const [a3, b3] = [kioskOn(fleet.nodes[0], 52), kioskOn(fleet.nodes[1], 52)];
    // Each side is told "done" for all three: the same name for two people, one staff ID twice, and two unrelated people.
    await Promise.all([
      applyAt(a, { id: 'z80001', name_en: 'SUN,WU-KUNG', name: '孫' }),
      applyAt(b, { id: 'z80002', name_en: 'SUN,WU-KUNG', name: '孫' }),
      applyAt(a2, { id: 'z80003', name_en: 'MA,AN-NA', name: '馬' }),
      applyAt(b2, { id: 'z80003', name_en: 'MA,AN-NA', name: '馬' }, 1),
      applyAt(a3, { id: 'z80004', name_en: 'TU,FU', name: '杜' }),
      applyAt(b3, { id: 'z80005', name_en: 'LI,PO', name: '李' }),
    ]);
    await done([a, b, a2, b2, a3, b3]);
    fleet.heal();
    await converged(fleet.nodes);

    for (const node of fleet.nodes) {
      // What happened on this node, found entry by entry as the directory manager.
      const accounts = await accountsOn(node);
      const lost = auditedCreations(audit).filter(
        (c) => !accounts.some((x) => x.uid === c.account && x.sn === c.staffId && x.uidNumber === c.uidNumber),
      );
      const twice = [...new Set(accounts.map((x) => x.sn))].filter(
        (sn) => accounts.filter((x) => x.sn === sn).length > 1,
      );
      // Two people chose sun… on two sides: one DN, so one of them is gone; z80003 has two entries.
      expect(lost.map((c) => c.staffId).filter((id) => id === 'z80001' || id === 'z80002')).toHaveLength(1);
      expect(twice).toEqual(['z80003']);
      // Claims whose account is missing or is someone else's: the lost person's still names the DN.
      const orphans = await asAdmin(node, async (c) => {
        const claims = (await c.search(`ou=claims,${node.baseDn}`, { scope: 'one', attributes: ['cn', 'seeAlso'] }))
          .searchEntries;
        return claims
          .filter(
            (claim) =>
              !accounts.some(
                (x) => x.dn.toLowerCase() === String(claim.seeAlso).toLowerCase() && x.sn === String(claim.cn),
              ),
          )
          .map((claim) => String(claim.cn));
      });
      expect(orphans).toEqual(lost.map((c) => c.staffId));
      const expected = [
        ...lost.map((c) => ({ kind: 'lost' as const, key: c.staffId })),
        ...orphans.map((staffId) => ({ kind: 'claim-without-account' as const, key: staffId })),
        ...twice.map((sn) => ({ kind: 'duplicate-staff-id' as const, key: sn })),
      ];
      expect(sorted(await checkOn(node))).toEqual(sorted(expected));
    }
  });
  it('mirror mode: with the first node down, writes go to the second; once it answers again, the next creation is back on it at once', async () => {
    const uidRanges = fleet.nodes.map((n, k) => ({ server: n.ldapsUrl, ...RANGES[k]! }));
    const urls = fleet.nodes.map((n) => n.ldapsUrl);
    const kiosk = fleetKiosk(
      fleet.nodes[0],
      { write: urls, read: urls },
      { kioskId: 'mirror', directory: { account: { uidRanges } } },
    );
    await fleet.nodes[0].kill();
    try {
      await applyAt(kiosk, { id: 'z81001', name_en: 'YEN,CHEN-CHING', name: '顏' });
    } finally {
      await fleet.nodes[0].resume();
    }
    await applyAt(kiosk, { id: 'z81002', name_en: 'LIU,KUNG-CHUAN', name: '柳' });
    await done([kiosk]);
    const created = audit
      .map(
        (l) => JSON.parse(l) as { kioskId: string; action: string; result: string; server: string; uidNumber: number },
      )
      .filter((l) => l.kioskId === 'mirror' && l.action === 'create');
    expect(created.map((l) => [l.result, l.server])).toEqual([
      ['ok', fleet.nodes[1].ldapsUrl],
      ['ok', fleet.nodes[0].ldapsUrl],
    ]);
    expect(created[0]!.uidNumber).toBeGreaterThanOrEqual(RANGES[1]!.min);
    expect(created[1]!.uidNumber).toBeLessThanOrEqual(RANGES[0]!.max);
  });
});
