// slapd SIGKILLed at a random moment of a creation, again and again, and restarted on the same
// data each time. CI runs 20 kills; `npm run test:faults` runs 200 and prints the counts
// (MX_FAULT_KILLS sets the number, MX_FAULT_SEED replays a run). After every kill: the person was
// told the truth and never INTERNAL, the audit has the attempt, the directory keeps its promises,
// and the same person's next attempt succeeds. Every other round the kiosk is also restarted before
// that attempt: it forgets what the failed creation left, and the sweeper alone must remove it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlapd, type RunningSlapd } from '../../dev/slapd/throwaway-slapd';
import { ABANDONED_AFTER_MS } from '../../electron/services/accounts/incomplete-entry-sweeper';
import { createLdapConnector } from '../../electron/services/directory/ldap-connector';
import { expectDirectoryWhole } from '../support/directory-promises';
import { backendOn, canBind, codeOf, entriesForStaffId, signIn, STRONG_PASSWORD } from '../support/kiosk-people';

const KILLS = Number(process.env.MX_FAULT_KILLS ?? 20);
const SEED = Number(process.env.MX_FAULT_SEED ?? Date.now() % 100_000);

let slapd: RunningSlapd;
beforeAll(async () => {
  slapd = await startSlapd();
});
afterAll(async () => {
  await slapd?.stop();
});

/** A small seeded generator (mulberry32), so a failing run can be replayed with its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** BA, BE, …, then BABE, BEBE, …: a different surname for each round (70 syllables, two deep). */
const SYLLABLES = ['B', 'D', 'F', 'G', 'H', 'K', 'L', 'M', 'N', 'P', 'R', 'S', 'T', 'W'].flatMap((c) => ['A', 'E', 'I', 'O', 'U'].map((v) => `${c}${v}`));
const surname = (i: number) => `${SYLLABLES[i % 70]}${i >= 70 ? SYLLABLES[Math.floor(i / 70)] : ''}`;

const backend = (clock?: { now(): number }) => backendOn(slapd, { clock, connectLdap: createLdapConnector({ startTls: false, caPem: slapd.caPem, connectTimeoutMs: 1000, timeoutMs: 3000 }) });
/** A kiosk started again after the fault, late enough that what the killed creation left is abandoned. */
const restartedKiosk = () => backend({ now: () => Date.now() + ABANDONED_AFTER_MS });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`slapd killed at a random moment of a creation (${KILLS} times, seed ${SEED})`, () => {
  it('keeps every promise after every kill, and the next attempt succeeds', async () => {
    const next = random(SEED);
    // How long a clean creation takes here (the second one: the first also warms the strength worker up).
    let spanMs = 0;
    for (const id of ['z5998', 'z5999']) {
      const clean = backend();
      const warm = await signIn(clean, { id, name_en: `CLEAN,RUN ${id}`, name: '基準' });
      const [warmName] = await clean.creation.candidates(warm);
      const started = Date.now();
      await clean.creation.create(warm, { account: warmName!, password: STRONG_PASSWORD, confirm: STRONG_PASSWORD }, '127.0.0.1');
      spanMs = Math.max(20, Date.now() - started);
      await clean.close();
    }

    const told = new Map<string, number>();
    for (let i = 1; i <= KILLS; i += 1) {
      // Each round its own surname, so that 200 rounds never run out of account names.
      const person = { id: `z5${String(i).padStart(4, '0')}`, name_en: `${surname(i)},KILL ROUND`, name: '中斷' };
      const kiosk = backend();
      const session = await signIn(kiosk, person);
      const [name] = await kiosk.creation.candidates(session);
      const creating = codeOf(kiosk.creation.create(session, { account: name!, password: STRONG_PASSWORD, confirm: STRONG_PASSWORD }, '127.0.0.1'));
      await sleep(Math.floor(next() * spanMs * 1.2));
      await slapd.kill();
      // Down for 0.2–1.2 s: long enough that the creation's next steps meet a dead directory.
      const restarted = sleep(200 + Math.floor(next() * 1000)).then(() => slapd.resume());
      const code = await creating;
      await restarted;
      told.set(code, (told.get(code) ?? 0) + 1);

      const where = { round: i, seed: SEED };
      expect({ ...where, code }).not.toEqual({ ...where, code: 'INTERNAL' });
      const [entry] = await entriesForStaffId(slapd, person.id);
      const works = entry ? await canBind(slapd, entry.dn, STRONG_PASSWORD) : false;
      expect({ ...where, told: code === 'ok', works }).toEqual({ ...where, told: works, works });
      const outcome = kiosk.auditLines.filter((l) => l.action === 'create').at(-1);
      expect({ ...where, staffId: outcome?.staffId, code: outcome?.code ?? 'ok' }).toEqual({ ...where, staffId: person.id, code });
      let current = kiosk;
      if (i % 2 === 0) {
        await kiosk.close();
        current = restartedKiosk();
        await current.sweeper.sweep();
        const left = await entriesForStaffId(slapd, person.id);
        expect({ ...where, withoutPassword: left.filter((e) => !e.userPassword || String(e.userPassword) === '').map((e) => e.dn) }).toEqual({ ...where, withoutPassword: [] });
      }
      if (code !== 'ok') {
        const again = await signIn(current, person, 'apply', current === kiosk ? Date.now() : Date.now() + ABANDONED_AFTER_MS);
        const [retryName] = await current.creation.candidates(again);
        await expect(current.creation.create(again, { account: retryName!, password: STRONG_PASSWORD, confirm: STRONG_PASSWORD }, '127.0.0.1')).resolves.toMatchObject({ uid: retryName });
      }
      await expectDirectoryWhole(slapd, person.id);
      await current.close();
    }
    const summary = [...told].sort(([a], [b]) => a.localeCompare(b)).map(([code, n]) => `${code} ${n}`).join(', ');
    process.stdout.write(`random kills: ${KILLS} rounds (seed ${SEED}, creation span ${spanMs} ms): ${summary}\n`);
    expect([...told.values()].reduce((a, b) => a + b, 0)).toBe(KILLS);
  }, Math.max(120_000, KILLS * 5_000));
});
