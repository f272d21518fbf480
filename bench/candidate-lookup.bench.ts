// Checking the availability of a passport name's candidates on one real slapd, side by side in
// one run: the kiosk's AccountNamer (two searches for the whole list, sent together) and one
// search per candidate name (accounts, then aliases), as a per-name loop would do it.
// Run: npx tsx bench/candidate-lookup.bench.ts
import { Client } from 'ldapts';
import { FIXTURE } from '../dev/slapd/fixture-directory';
import { startSlapd } from '../dev/slapd/throwaway-slapd';
import { foldDiacritics } from '../electron/services/identity/person-identity';
import { equals } from '../electron/services/directory/ldap-names';
import { namingWords } from '../electron/services/kiosk-backend';
import { isValidAccountName, offlineCandidates, suffixRounds } from '../electron/services/naming/account-name-rules';
import { backendOn } from '../test/support/kiosk-people';
import { ms, percentile, timed } from './bench-support';

const RUNS = 60;
const NAME = foldDiacritics('WANG,HSIAO-MING');
const slapd = await startSlapd();
try {
  const words = namingWords({}, () => '');
  const tries = offlineCandidates(NAME, words)
    .flatMap(suffixRounds)
    .filter((n) => isValidAccountName(n, words));

  const client = new Client({ url: slapd.ldapsUrl, tlsOptions: { ca: [slapd.caPem] } });
  await client.bind(slapd.serviceDn, slapd.servicePassword);
  const perName = async () => {
    const taken = new Set<string>();
    for (const name of tries) {
      const accounts = await client.search(FIXTURE.baseDn, {
        scope: 'sub',
        filter: equals('uid', name),
        attributes: ['uid'],
      });
      const aliases = await client.search(`ou=aliases,${FIXTURE.baseDn}`, {
        scope: 'sub',
        filter: equals('cn', name),
        attributes: ['cn'],
      });
      if (accounts.searchEntries.length + aliases.searchEntries.length > 0) taken.add(name);
    }
    return taken;
  };

  const backend = backendOn(slapd);
  const kiosk = () => backend.namer.available(NAME);

  // Same answer both ways before anything is timed.
  const offered = await kiosk();
  if (!offered.includes('hmwang2') || !(await perName()).has('hmwang')) throw new Error('the two lookups disagree');

  const samples = { perName: [] as number[], kiosk: [] as number[] };
  for (let i = 0; i < RUNS + 5; i += 1) {
    // Alternate, so neither side always runs on a warmer server.
    const a = await timed(perName);
    const b = await timed(kiosk);
    if (i >= 5) {
      samples.perName.push(a);
      samples.kiosk.push(b);
    }
  }
  await client.unbind();
  await backend.close();

  console.log(
    `Candidate availability for "WANG,HSIAO-MING" (${tries.length} names incl. 2/3 variants), one slapd over ldaps, ${RUNS} runs each, node ${process.version}`,
  );
  console.log('| what | searches | p50 ms | p95 ms |');
  console.log('|---|---:|---:|---:|');
  console.log(
    `| one search per name (accounts + aliases) | ${tries.length * 2} | ${ms(percentile(samples.perName, 50))} | ${ms(percentile(samples.perName, 95))} |`,
  );
  console.log(
    `| kiosk AccountNamer (whole list) | 2 | ${ms(percentile(samples.kiosk, 50))} | ${ms(percentile(samples.kiosk, 95))} |`,
  );
  console.log(
    `| ratio per-name / kiosk | | ${(percentile(samples.perName, 50) / percentile(samples.kiosk, 50)).toFixed(1)}× | ${(percentile(samples.perName, 95) / percentile(samples.kiosk, 95)).toFixed(1)}× |`,
  );
} finally {
  await slapd.stop();
}
