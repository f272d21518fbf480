// Account creation latency on one real slapd (ARGON2, ldaps, olcPPolicyHashCleartext), the sides
// alternated in one run (A B C D A B C D …, since sides run one after the other swung ratios on this
// shared machine): the kiosk's whole AccountCreation.create on its one-add path (the add carries the
// password, which slapd hashes), the same on the add-then-Password-Modify path (a second kiosk whose
// hashing probe is shown a password stored as given), the floor of each path (a minimal ldapts add
// carrying the password; a minimal add + Password Modify). Each kiosk creation is traced stage by
// stage (creation-trace.ts); a small alternated pair prices TLS: one base search over ldaps and ldap.
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
if (!Number.isInteger(RUNS) || RUNS < 1)
  throw new Error(`--samples must be a positive whole number, not ${values.samples}`);
const WARM_UP = 5;
const b = FIXTURE.baseDn;
const slapd = await startSlapd();
const auditDir = await mkdtemp(join(tmpdir(), 'mx-kiosk-bench-audit-'));
const loads: number[] = [];
try {
  // The floors: one bound connection and nothing but the writes a creation cannot do without.
  const client = new Client({ url: slapd.ldapsUrl, tlsOptions: { ca: [slapd.caPem] } });
  await client.bind(slapd.serviceDn, slapd.servicePassword);
  const minimalStages = { add: [] as number[], exop: [] as number[] };
  const entry = (uid: string, n: number, password?: string) => [
    new Attribute({ type: 'objectClass', values: ['inetOrgPerson', 'posixAccount', 'shadowAccount'] }),
    new Attribute({ type: 'uid', values: [uid] }),
    new Attribute({ type: 'cn', values: ['x'] }),
    new Attribute({ type: 'sn', values: [`z7${n}`] }),
    new Attribute({ type: 'uidNumber', values: [String(20000 + n)] }),
    new Attribute({ type: 'gidNumber', values: ['100'] }),
    new Attribute({ type: 'homeDirectory', values: [`/mx/u/ba/${uid}`] }),
    ...(password ? [new Attribute({ type: 'userPassword', values: [password] })] : []),
  ];
  const minimalOnce = async (i: number, keep: boolean) => {
    const uid = `base${i}`;
    const dn = `uid=${uid},ou=people,${b}`;
    const add = await timed(() => client.add(dn, entry(uid, i)));
    const exop = await timed(() => client.exop(PASSWORD_MODIFY_OID, encodePasswordModifyRequest(dn, STRONG_PASSWORD)));
    if (keep) {
      minimalStages.add.push(add);
      minimalStages.exop.push(exop);
    }
    return add + exop;
  };
  // The new floor: one add carrying the password, which slapd hashes (ppolicy_hash_cleartext).
  const oneAddOnce = (i: number) =>
    timed(() => client.add(`uid=floor${i},ou=people,${b}`, entry(`floor${i}`, 100_000 + i, STRONG_PASSWORD)));

  // The kiosk: consent and offered-name checks, the password policy (zxcvbn in a worker), the
  // person's standing, the claim on the staff ID, an atomic uidNumber, the add, Password Modify,
  // the read-back, mailbox (none), and the audit line, written to a real chained audit file.
  const layout = {
    baseDn: b,
    claimsDn: `ou=claims,${b}`,
    peopleDn: `ou=people,${b}`,
    uidCounterDn: FIXTURE.uidCounterDn,
  };
  const connector = createLdapConnector({
    startTls: false,
    caPem: slapd.caPem,
    connectTimeoutMs: 1500,
    timeoutMs: 5000,
  });
  /** A kiosk, traced; with twoStep, its hashing probe reads back a password stored as given, so it takes the add-then-modify path. */
  const kioskSide = (twoStep: boolean) => {
    const trace = new CreationTrace(layout);
    const connect: typeof connector = async (url) => {
      const c = await connector(url);
      if (twoStep) {
        const search = c.search.bind(c);
        c.search = (async (dn: string, options: Parameters<Client['search']>[1]) => {
          const answer = await search(dn, options);
          return dn.startsWith('cn=mx-kiosk-hash-probe-')
            ? { ...answer, searchEntries: answer.searchEntries.map((e) => ({ ...e, userPassword: 'as-given' })) }
            : answer;
        }) as Client['search'];
      }
      return c;
    };
    const backend = backendOn(slapd, {
      connectLdap: trace.connector(connect),
      rater: trace.rater(testRater),
      auditWriter: trace.auditWriter(
        chainedAuditWriter(join(auditDir, twoStep ? 'audit-two-step.jsonl' : 'audit.jsonl'), systemClock),
      ),
    });
    const letters = (n: number) =>
      String.fromCharCode(97 + (n % 26)) +
      String.fromCharCode(97 + (Math.floor(n / 26) % 26)) +
      String.fromCharCode(97 + Math.floor(n / 676));
    const once = async (i: number, keep: boolean) => {
      const staffId = `z${twoStep ? 9 : 8}${String(i).padStart(4, '0')}`;
      const session = await signIn(backend, { id: staffId, name_en: `${twoStep ? 'TWO' : 'ONE'},USER-${letters(i)}` });
      const [name] = await backend.creation.candidates(session);
      return trace.record(
        () =>
          timed(() =>
            backend.creation.create(
              session,
              { account: name!, password: STRONG_PASSWORD, confirm: STRONG_PASSWORD },
              '127.0.0.1',
            ),
          ),
        keep,
      );
    };
    return { trace, backend, once };
  };
  const oneAdd = kioskSide(false);
  const twoStep = kioskSide(true);

  // TLS's share: one base search (the counter entry) over ldaps and over plain ldap, both bound.
  const plain = new Client({ url: slapd.ldapUrl });
  await plain.bind(slapd.serviceDn, slapd.servicePassword);
  const roundTrip = (c: Client) =>
    timed(() => c.search(FIXTURE.uidCounterDn, { scope: 'base', attributes: ['uidNumber'] }));
  const tls = { ldaps: [] as number[], ldap: [] as number[] };

  const sides = { floor: [] as number[], kiosk: [] as number[], minimal: [] as number[], twoStep: [] as number[] };
  for (let i = 0; i < RUNS + WARM_UP; i += 1) {
    // The first few warm up the connections, slapd's caches and the strength worker.
    const keep = i >= WARM_UP;
    const f = await oneAddOnce(i);
    const k = await oneAdd.once(i, keep);
    const a = await minimalOnce(i, keep);
    const t = await twoStep.once(i, keep);
    const s = await roundTrip(client);
    const p = await roundTrip(plain);
    if (i % 10 === 0) loads.push(loadavg()[0]!);
    if (keep) {
      sides.floor.push(f);
      sides.kiosk.push(k);
      sides.minimal.push(a);
      sides.twoStep.push(t);
      tls.ldaps.push(s);
      tls.ldap.push(p);
    }
  }
  await Promise.all([client.unbind(), plain.unbind()]);
  await Promise.all([oneAdd.backend.close(), twoStep.backend.close()]);

  const row = (label: string, s: number[]) => `| ${label} | ${ms(percentile(s, 50))} | ${ms(percentile(s, 95))} |`;
  const ratio = (x: number[], y: number[]) =>
    `${(percentile(x, 50) / percentile(y, 50)).toFixed(2)}× | ${(percentile(x, 95) / percentile(y, 95)).toFixed(2)}×`;
  console.log(
    `Account creation on one slapd (ARGON2, ldaps, hash-cleartext), ${RUNS} runs of each side alternated after ${WARM_UP} warm-up, node ${process.version}`,
  );
  console.log(
    `load average (1 min) during the run: min ${Math.min(...loads).toFixed(2)}, median ${percentile(loads, 50).toFixed(2)}, max ${Math.max(...loads).toFixed(2)}`,
  );
  console.log('| what | p50 ms | p95 ms |');
  console.log('|---|---:|---:|');
  console.log(row('floor: one ldapts add carrying the password (slapd hashes it)', sides.floor));
  console.log(row('kiosk create, one-add path', sides.kiosk));
  console.log(row('old floor: minimal ldapts add + Password Modify', sides.minimal));
  console.log(row('kiosk create, add-then-modify path', sides.twoStep));
  console.log(`| ratio one-add kiosk / floor | ${ratio(sides.kiosk, sides.floor)} |`);
  console.log(`| ratio add-then-modify kiosk / floor | ${ratio(sides.twoStep, sides.floor)} |`);
  console.log(`| ratio one-add kiosk / add-then-modify kiosk | ${ratio(sides.kiosk, sides.twoStep)} |`);
  console.log(`| ratio old floor / floor | ${ratio(sides.minimal, sides.floor)} |`);
  console.log('\nStages, per creation (a stage that ran twice counts its sum; stages sent together overlap):');
  console.log('| stage | runs with it | p50 ms | p95 ms |');
  console.log('|---|---:|---:|---:|');
  console.log(
    `| old floor: add | ${RUNS} | ${ms(percentile(minimalStages.add, 50))} | ${ms(percentile(minimalStages.add, 95))} |`,
  );
  console.log(
    `| old floor: Password Modify | ${RUNS} | ${ms(percentile(minimalStages.exop, 50))} | ${ms(percentile(minimalStages.exop, 95))} |`,
  );
  for (const [label, side] of [
    ['one-add', oneAdd],
    ['add-then-modify', twoStep],
  ] as const) {
    for (const [stage, samples] of side.trace.samples)
      console.log(
        `| ${label}: ${stage} | ${samples.length} | ${ms(percentile(samples, 50))} | ${ms(percentile(samples, 95))} |`,
      );
  }
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
