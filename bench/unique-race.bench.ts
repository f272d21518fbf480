// What slapd itself guarantees when two writers race, on bare LDAP (no kiosk): two adds with the
// same staff ID (sn) but different DNs, fired in the same tick, against slapo-unique on sn; and
// two adds of the same DN (the kiosk's claim), fired the same way. It measures slapd, so it is a
// benchmark, not a test: a probabilistic count does not belong in a gate.
// Run: npx tsx bench/unique-race.bench.ts
import { Attribute, Client } from 'ldapts';
import { FIXTURE } from '../dev/slapd/fixture-directory';
import { startSlapd } from '../dev/slapd/throwaway-slapd';

const TRIES = 50;
const slapd = await startSlapd({ passwordHash: 'SSHA' });
const connect = async () => {
  const client = new Client({ url: slapd.ldapUrl });
  await client.bind(slapd.adminDn, slapd.adminPassword);
  return client;
};
const [a, b] = await Promise.all([connect(), connect()]);
const person = (uid: string, sn: string, uidNumber: number) => [
  new Attribute({ type: 'objectClass', values: ['inetOrgPerson', 'posixAccount'] }),
  new Attribute({ type: 'uid', values: [uid] }),
  new Attribute({ type: 'cn', values: ['race'] }),
  new Attribute({ type: 'sn', values: [sn] }),
  new Attribute({ type: 'uidNumber', values: [String(uidNumber)] }),
  new Attribute({ type: 'gidNumber', values: ['100'] }),
  new Attribute({ type: 'homeDirectory', values: [`/mx/u/${uid}`] }),
];
const claim = (sn: string) => [
  new Attribute({ type: 'objectClass', values: ['applicationProcess'] }),
  new Attribute({ type: 'cn', values: [sn] }),
];

let bothBySn = 0;
let bothByDn = 0;
try {
  for (let i = 0; i < TRIES; i += 1) {
    const sn = `z9${String(i).padStart(4, '0')}`;
    const results = await Promise.allSettled([
      a.add(`uid=racea${i},ou=people,${FIXTURE.baseDn}`, person(`racea${i}`, sn, 40000 + i * 2)),
      b.add(`uid=raceb${i},ou=people,${FIXTURE.baseDn}`, person(`raceb${i}`, sn, 40001 + i * 2)),
    ]);
    if (results.every((r) => r.status === 'fulfilled')) bothBySn += 1;
    const claims = await Promise.allSettled([
      a.add(`cn=${sn},ou=claims,${FIXTURE.baseDn}`, claim(sn)),
      b.add(`cn=${sn},ou=claims,${FIXTURE.baseDn}`, claim(sn)),
    ]);
    if (claims.every((r) => r.status === 'fulfilled')) bothByDn += 1;
  }
} finally {
  await Promise.all([a.unbind(), b.unbind()]);
  await slapd.stop();
}
console.log(
  `Two adds in the same tick on one slapd (slapo-unique on sn), ${TRIES} tries each, node ${process.version}`,
);
console.log('| what makes it unique | tries | both adds succeeded |');
console.log('|---|---:|---:|');
console.log(`| slapo-unique on sn (different DNs) | ${TRIES} | ${bothBySn} |`);
console.log(`| the DN itself (the kiosk's claim) | ${TRIES} | ${bothByDn} |`);
