// Account creation latency on one real slapd (ARGON2, ldaps), side by side in one run:
// the kiosk's whole MailboxAccounts.create, and a minimal ldapts add + Password Modify.
// Run: npx tsx bench/account-creation.bench.ts
import { Attribute, Client } from 'ldapts';
import { FIXTURE } from '../dev/slapd/fixture-directory';
import { startSlapd } from '../dev/slapd/throwaway-slapd';
import { encodePasswordModifyRequest, PASSWORD_MODIFY_OID } from '../electron/services/directory/password-modify';
import { backendOn, signIn, STRONG_PASSWORD } from '../test/support/kiosk-people';
import { ms, percentile, timed } from './bench-support';

const RUNS = 40;
const slapd = await startSlapd();
try {
  // Baseline: one bound connection, an add and the password exop, nothing else.
  const client = new Client({ url: slapd.ldapsUrl, tlsOptions: { ca: [slapd.caPem] } });
  await client.bind(slapd.serviceDn, slapd.servicePassword);
  const minimal: number[] = [];
  for (let i = 0; i < RUNS + 5; i += 1) {
    const uid = `base${i}`;
    const dn = `uid=${uid},ou=people,${FIXTURE.baseDn}`;
    const t = await timed(async () => {
      await client.add(dn, [
        new Attribute({ type: 'objectClass', values: ['inetOrgPerson', 'posixAccount', 'shadowAccount'] }),
        new Attribute({ type: 'uid', values: [uid] }), new Attribute({ type: 'cn', values: ['x'] }), new Attribute({ type: 'sn', values: [`z7${i}`] }),
        new Attribute({ type: 'uidNumber', values: [String(20000 + i)] }), new Attribute({ type: 'gidNumber', values: ['100'] }),
        new Attribute({ type: 'homeDirectory', values: [`/mx/u/ba/${uid}`] }),
      ]);
      await client.exop(PASSWORD_MODIFY_OID, encodePasswordModifyRequest(dn, STRONG_PASSWORD));
    });
    if (i >= 5) minimal.push(t); // the first few warm up the connection and slapd's caches
  }
  await client.unbind();

  // The kiosk: eligibility, offered-name check, password policy (zxcvbn), atomic uidNumber, add,
  // Password Modify, read-back, a bind as the person, mailbox (none), audit line.
  const backend = backendOn(slapd);
  const kiosk: number[] = [];
  for (let i = 0; i < RUNS + 5; i += 1) {
    const session = await signIn(backend, { id: `z8${String(i).padStart(4, '0')}`, name_en: `TEST,USER-${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}` });
    const [name] = await backend.creation.candidates(session);
    const t = await timed(() => backend.creation.create(session, { account: name!, password: STRONG_PASSWORD, confirm: STRONG_PASSWORD }, '127.0.0.1'));
    if (i >= 5) kiosk.push(t);
  }
  await backend.close();

  const row = (label: string, s: number[]) => `| ${label} | ${ms(percentile(s, 50))} | ${ms(percentile(s, 95))} |`;
  console.log(`Account creation on one slapd (ARGON2, ldaps), ${RUNS} runs each after 5 warm-up, node ${process.version}`);
  console.log('| what | p50 ms | p95 ms |');
  console.log('|---|---:|---:|');
  console.log(row('minimal ldapts add + Password Modify', minimal));
  console.log(row('kiosk MailboxAccounts.create', kiosk));
  console.log(`| ratio kiosk / minimal | ${(percentile(kiosk, 50) / percentile(minimal, 50)).toFixed(2)}× | ${(percentile(kiosk, 95) / percentile(minimal, 95)).toFixed(2)}× |`);
} finally {
  await slapd.stop();
}
