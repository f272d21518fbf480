// Account creation latency on one real slapd (ARGON2, ldaps), the two sides alternated in one run
// (A B A B …, since sides run one after the other swung ratios on this shared machine): the
// kiosk's whole AccountCreation.create, and a minimal ldapts add + Password Modify.
// Run: npx tsx bench/account-creation.bench.ts
import { Attribute, Client } from 'ldapts';
import { FIXTURE } from '../dev/slapd/fixture-directory';
import { startSlapd } from '../dev/slapd/throwaway-slapd';
import { encodePasswordModifyRequest, PASSWORD_MODIFY_OID } from '../electron/services/directory/password-modify';
import { backendOn, signIn, STRONG_PASSWORD } from '../test/support/kiosk-people';
import { ms, percentile, timed } from './bench-support';

const RUNS = 40;
const WARM_UP = 5;
const slapd = await startSlapd();
try {
  // Baseline: one bound connection, an add and the password exop, nothing else.
  const client = new Client({ url: slapd.ldapsUrl, tlsOptions: { ca: [slapd.caPem] } });
  await client.bind(slapd.serviceDn, slapd.servicePassword);
  const minimalOnce = (i: number) => {
    const uid = `base${i}`;
    const dn = `uid=${uid},ou=people,${FIXTURE.baseDn}`;
    return timed(async () => {
      await client.add(dn, [
        new Attribute({ type: 'objectClass', values: ['inetOrgPerson', 'posixAccount', 'shadowAccount'] }),
        new Attribute({ type: 'uid', values: [uid] }), new Attribute({ type: 'cn', values: ['x'] }), new Attribute({ type: 'sn', values: [`z7${i}`] }),
        new Attribute({ type: 'uidNumber', values: [String(20000 + i)] }), new Attribute({ type: 'gidNumber', values: ['100'] }),
        new Attribute({ type: 'homeDirectory', values: [`/mx/u/ba/${uid}`] }),
      ]);
      await client.exop(PASSWORD_MODIFY_OID, encodePasswordModifyRequest(dn, STRONG_PASSWORD));
    });
  };

  // The kiosk: consent and offered-name checks, the password policy (zxcvbn in a worker), the
  // person's standing, the claim on the staff ID, an atomic uidNumber, the add, Password Modify,
  // the read-back, mailbox (none), and the audit line.
  const backend = backendOn(slapd);
  const kioskOnce = async (i: number) => {
    const session = await signIn(backend, { id: `z8${String(i).padStart(4, '0')}`, name_en: `TEST,USER-${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}` });
    const [name] = await backend.creation.candidates(session);
    return timed(() => backend.creation.create(session, { account: name!, password: STRONG_PASSWORD, confirm: STRONG_PASSWORD }, '127.0.0.1'));
  };

  const minimal: number[] = [];
  const kiosk: number[] = [];
  for (let i = 0; i < RUNS + WARM_UP; i += 1) {
    const a = await minimalOnce(i);
    const b = await kioskOnce(i);
    // The first few warm up the connections, slapd's caches and the strength worker.
    if (i >= WARM_UP) {
      minimal.push(a);
      kiosk.push(b);
    }
  }
  await client.unbind();
  await backend.close();

  const row = (label: string, s: number[]) => `| ${label} | ${ms(percentile(s, 50))} | ${ms(percentile(s, 95))} |`;
  console.log(`Account creation on one slapd (ARGON2, ldaps), ${RUNS} runs of each side alternated after ${WARM_UP} warm-up, node ${process.version}`);
  console.log('| what | p50 ms | p95 ms |');
  console.log('|---|---:|---:|');
  console.log(row('minimal ldapts add + Password Modify', minimal));
  console.log(row('kiosk AccountCreation.create', kiosk));
  console.log(`| ratio kiosk / minimal | ${(percentile(kiosk, 50) / percentile(minimal, 50)).toFixed(2)}× | ${(percentile(kiosk, 95) / percentile(minimal, 95)).toFixed(2)}× |`);
} finally {
  await slapd.stop();
}
