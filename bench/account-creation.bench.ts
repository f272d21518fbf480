// Account creation latency on one real slapd (ARGON2, ldaps), the two sides alternated in one run
// (A B A B …, since sides run one after the other swung ratios on this shared machine): the
// kiosk's whole AccountCreation.create, and a minimal ldapts add + Password Modify. Each kiosk
// creation is traced stage by stage (creation-trace.ts); a third, small alternated pair prices TLS:
// one base search over ldaps and over plain ldap.
// Run: npx tsx bench/account-creation.bench.ts [--samples 200]
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Attribute, Client } from 'ldapts';
import { FIXTURE } from '../dev/slapd/fixture-directory';
import { startSlapd } from '../dev/slapd/throwaway-slapd';
import { chainedAuditWriter } from '../electron/services/audit/audit-chain';
import { systemClock } from '../electron/services/clock';
import { createLdapConnector } from '../electron/services/directory/ldap-connector';
import { encodePasswordModifyRequest, PASSWORD_MODIFY_OID } from '../electron/services/directory/password-modify';
import { backendOn, signIn, STRONG_PASSWORD } from '../test/support/kiosk-people';
import { testRater } from '../test/support/test-config';
import { ms, percentile, timed } from './bench-support';
import { CreationTrace } from './creation-trace';

const { values } = parseArgs({ options: { samples: { type: 'string', default: '200' } } });
const RUNS = Number(values.samples);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`--samples must be a positive whole number, not ${values.samples}`);
const WARM_UP = 5;
const b = FIXTURE.baseDn;
const slapd = await startSlapd();
const auditDir = await mkdtemp(join(tmpdir(), 'mx-kiosk-bench-audit-'));
const loads: number[] = [];
try {
  // Baseline: one bound connection, an add and the password exop, nothing else.
  const client = new Client({ url: slapd.ldapsUrl, tlsOptions: { ca: [slapd.caPem] } });
  await client.bind(slapd.serviceDn, slapd.servicePassword);
  const minimalStages = { add: [] as number[], exop: [] as number[] };
  const minimalOnce = async (i: number, keep: boolean) => {
    const uid = `base${i}`;
    const dn = `uid=${uid},ou=people,${b}`;
    const add = await timed(() =>
      client.add(dn, [
        new Attribute({ type: 'objectClass', values: ['inetOrgPerson', 'posixAccount', 'shadowAccount'] }),
        new Attribute({ type: 'uid', values: [uid] }), new Attribute({ type: 'cn', values: ['x'] }), new Attribute({ type: 'sn', values: [`z7${i}`] }),
        new Attribute({ type: 'uidNumber', values: [String(20000 + i)] }), new Attribute({ type: 'gidNumber', values: ['100'] }),
        new Attribute({ type: 'homeDirectory', values: [`/mx/u/ba/${uid}`] }),
      ]),
    );
    const exop = await timed(() => client.exop(PASSWORD_MODIFY_OID, encodePasswordModifyRequest(dn, STRONG_PASSWORD)));
    if (keep) {
      minimalStages.add.push(add);
      minimalStages.exop.push(exop);
    }
    return add + exop;
  };

  // The kiosk: consent and offered-name checks, the password policy (zxcvbn in a worker), the
  // person's standing, the claim on the staff ID, an atomic uidNumber, the add, Password Modify,
  // the read-back, mailbox (none), and the audit line, written to a real chained audit file.
  const trace = new CreationTrace({ baseDn: b, claimsDn: `ou=claims,${b}`, peopleDn: `ou=people,${b}`, uidCounterDn: FIXTURE.uidCounterDn });
  const backend = backendOn(slapd, {
    connectLdap: trace.connector(createLdapConnector({ startTls: false, caPem: slapd.caPem, connectTimeoutMs: 1500, timeoutMs: 5000 })),
    rater: trace.rater(testRater),
    auditWriter: trace.auditWriter(chainedAuditWriter(join(auditDir, 'audit.jsonl'), systemClock)),
  });
  const kioskOnce = async (i: number, keep: boolean) => {
    const staffId = `z8${String(i).padStart(4, '0')}`;
    const letters = (n: number) => String.fromCharCode(97 + (n % 26)) + String.fromCharCode(97 + (Math.floor(n / 26) % 26)) + String.fromCharCode(97 + Math.floor(n / 676));
    const session = await signIn(backend, { id: staffId, name_en: `TEST,USER-${letters(i)}` });
    const [name] = await backend.creation.candidates(session);
    return trace.record(() => timed(() => backend.creation.create(session, { account: name!, password: STRONG_PASSWORD, confirm: STRONG_PASSWORD }, '127.0.0.1')), keep);
  };

  // TLS's share: one base search (the counter entry) over ldaps and over plain ldap, both bound.
  const plain = new Client({ url: slapd.ldapUrl });
  await plain.bind(slapd.serviceDn, slapd.servicePassword);
  const roundTrip = (c: Client) => timed(() => c.search(FIXTURE.uidCounterDn, { scope: 'base', attributes: ['uidNumber'] }));
  const tls = { ldaps: [] as number[], ldap: [] as number[] };

  const minimal: number[] = [];
  const kiosk: number[] = [];
  for (let i = 0; i < RUNS + WARM_UP; i += 1) {
    // The first few warm up the connections, slapd's caches and the strength worker.
    const keep = i >= WARM_UP;
    const a = await minimalOnce(i, keep);
    const k = await kioskOnce(i, keep);
    const s = await roundTrip(client);
    const p = await roundTrip(plain);
    if (i % 10 === 0) loads.push(loadavg()[0]!);
    if (keep) {
      minimal.push(a);
      kiosk.push(k);
      tls.ldaps.push(s);
      tls.ldap.push(p);
    }
  }
  await Promise.all([client.unbind(), plain.unbind()]);
  await backend.close();

  const row = (label: string, s: number[]) => `| ${label} | ${ms(percentile(s, 50))} | ${ms(percentile(s, 95))} |`;
  console.log(`Account creation on one slapd (ARGON2, ldaps), ${RUNS} runs of each side alternated after ${WARM_UP} warm-up, node ${process.version}`);
  console.log(`load average (1 min) during the run: min ${Math.min(...loads).toFixed(2)}, median ${percentile(loads, 50).toFixed(2)}, max ${Math.max(...loads).toFixed(2)}`);
  console.log('| what | p50 ms | p95 ms |');
  console.log('|---|---:|---:|');
  console.log(row('minimal ldapts add + Password Modify', minimal));
  console.log(row('kiosk AccountCreation.create', kiosk));
  console.log(`| ratio kiosk / minimal | ${(percentile(kiosk, 50) / percentile(minimal, 50)).toFixed(2)}× | ${(percentile(kiosk, 95) / percentile(minimal, 95)).toFixed(2)}× |`);
  console.log('\nStages, per creation (a stage that ran twice counts its sum; stages sent together overlap):');
  console.log('| stage | runs with it | p50 ms | p95 ms |');
  console.log('|---|---:|---:|---:|');
  console.log(`| minimal: add | ${RUNS} | ${ms(percentile(minimalStages.add, 50))} | ${ms(percentile(minimalStages.add, 95))} |`);
  console.log(`| minimal: Password Modify | ${RUNS} | ${ms(percentile(minimalStages.exop, 50))} | ${ms(percentile(minimalStages.exop, 95))} |`);
  for (const [stage, samples] of trace.samples) console.log(`| kiosk: ${stage} | ${samples.length} | ${ms(percentile(samples, 50))} | ${ms(percentile(samples, 95))} |`);
  console.log('\nTLS: one round trip on a bound connection, alternated with the above:');
  console.log('| what | p50 ms | p95 ms |');
  console.log('|---|---:|---:|');
  console.log(row('one base search over ldaps', tls.ldaps));
  console.log(row('one base search over plain ldap', tls.ldap));
} finally {
  await slapd.stop();
  await rm(auditDir, { recursive: true, force: true });
}
// The test support's shared strength worker (test/support/test-config.ts) is never terminated; it
// would keep this process alive after the results.
process.exit(0);
