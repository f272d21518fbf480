// Creation with the read/write split (write = provider, read = consumer) against the same kiosk on
// one server (urls = [provider]), on a real provider and syncrepl consumer (ARGON2, ldaps), the two
// sides alternated in one run (A B A B …). Then the replication lag: an entry added on the provider,
// polled for on the consumer over one open connection until it is there.
// Run: npx tsx bench/fleet-split.bench.ts
import { Attribute, Client } from 'ldapts';
import { startProviderAndConsumer } from '../dev/slapd/replicated-slapd';
import { backendOn, signIn, STRONG_PASSWORD } from '../test/support/kiosk-people';
import { fleetKiosk } from '../test/support/fleet-kiosks';
import { ms, percentile, timed } from './bench-support';

const RUNS = 30;
const WARM_UP = 5;
const LAG_SAMPLES = 40;
const fleet = await startProviderAndConsumer();
try {
  const split = fleetKiosk(fleet.provider, { write: [fleet.provider.ldapsUrl], read: [fleet.consumer.ldapsUrl] });
  const single = backendOn(fleet.provider, { urls: [fleet.provider.ldapsUrl] });
  let people = 0;
  const once = async (kiosk: typeof single) => {
    const i = people++;
    const session = await signIn(kiosk, {
      id: `z9${String(i).padStart(4, '0')}`,
      name_en: `BENCH,USER-${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`,
    });
    const [name] = await kiosk.creation.candidates(session);
    return timed(() =>
      kiosk.creation.create(
        session,
        { account: name!, password: STRONG_PASSWORD, confirm: STRONG_PASSWORD },
        '127.0.0.1',
      ),
    );
  };
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < RUNS + WARM_UP; i += 1) {
    const splitMs = await once(split);
    const singleMs = await once(single);
    if (i >= WARM_UP) {
      a.push(splitMs);
      b.push(singleMs);
    }
  }
  await Promise.all([split.close(), single.close()]);

  // Lag: one connection each, the consumer polled without pause until the entry is there.
  const provider = new Client({ url: fleet.provider.ldapUrl });
  const consumer = new Client({ url: fleet.consumer.ldapUrl });
  await provider.bind(fleet.provider.adminDn, fleet.provider.adminPassword);
  await consumer.bind(fleet.consumer.adminDn, fleet.consumer.adminPassword);
  const lags: number[] = [];
  for (let i = 0; i < LAG_SAMPLES; i += 1) {
    const dn = `cn=lag-${i},${fleet.provider.baseDn}`;
    await provider.add(dn, [
      new Attribute({ type: 'objectClass', values: ['applicationProcess'] }),
      new Attribute({ type: 'cn', values: [`lag-${i}`] }),
    ]);
    const added = process.hrtime.bigint();
    for (;;) {
      const found = await consumer.search(dn, { scope: 'base', attributes: ['cn'] }).then(
        (r) => r.searchEntries.length > 0,
        () => false,
      );
      if (found) break;
    }
    lags.push(Number(process.hrtime.bigint() - added) / 1e6);
  }
  await Promise.all([provider.unbind(), consumer.unbind()]);

  const row = (label: string, s: number[]) => `| ${label} | ${ms(percentile(s, 50))} | ${ms(percentile(s, 95))} |`;
  console.log(
    `Creation on a provider + syncrepl consumer (ARGON2, ldaps), ${RUNS} runs of each side alternated after ${WARM_UP} warm-up, node ${process.version}`,
  );
  console.log('| what | p50 ms | p95 ms |');
  console.log('|---|---:|---:|');
  console.log(row('one server: urls = [provider]', b));
  console.log(row('split: write = [provider], read = [consumer]', a));
  console.log(
    `| ratio split / one server | ${(percentile(a, 50) / percentile(b, 50)).toFixed(2)}× | ${(percentile(a, 95) / percentile(b, 95)).toFixed(2)}× |`,
  );
  console.log(row(`replication lag, provider add to consumer read (${LAG_SAMPLES} entries)`, lags));
} finally {
  await fleet.stop();
}
// The test support's shared strength worker (test/support/test-config.ts) is never terminated; it
// would keep this process alive after the results.
process.exit(0);
