// The campus mail-store protocols, against the reference server over real loopback TCP.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceMailStore, type ReferenceMailStore } from '../../../../../dev/mail-store/reference-mail-store';
import {
  campusMailboxProvisioning,
  noMailboxProvisioning,
  parseGetquota,
} from '../../../../../electron/services/mailbox/mailbox-provisioner';

let store: ReferenceMailStore;
let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mx-kiosk-mail-'));
  store = await startReferenceMailStore(root);
});
afterAll(async () => {
  await store.close();
  await rm(root, { recursive: true, force: true });
});

const settings = () => ({
  host: store.host,
  mkhomedirPort: store.mkhomedirPort,
  setquotaPort: store.setquotaPort,
  getquotaPort: store.getquotaPort,
  timeoutMs: 2000,
  realm: 'mx',
  quota: '60G',
});
const account = (uid: string) => ({
  uid,
  uidNumber: 1234,
  gidNumber: 100,
  homeDirectory: `/mx/u/${uid.slice(0, 2)}/${uid}`,
});

describe('campus mailbox provisioning', () => {
  const provision = (
    uid: string,
    overrides: Partial<ReturnType<typeof settings>> = {},
    homeDirectory?: string,
    homeMade?: boolean,
  ) =>
    campusMailboxProvisioning({ ...settings(), ...overrides }).provision(
      { ...account(uid), ...(homeDirectory ? { homeDirectory } : {}) },
      { homeMade },
    );

  it('makes the home directory and reports quota and .MBOX from real usage', async () => {
    const { report, problem } = await provision('mzlin');
    expect({ report, problem }).toEqual({
      report: {
        mode: 'campus',
        homeCreated: true,
        quota: { usedKB: 2, quotaKB: 62914560 },
        mbox: { sizeKB: 2, files: 3 },
        unfinished: null,
      },
      problem: null,
    });
    expect(store.homeOf('mzlin')).toBe(join(root, 'mx', 'u', 'mz', 'mzlin'));
  });

  it('names the first step a mail-store refusal stopped, and sends nothing after it', async () => {
    store.failNext(1);
    const { report, problem } = await provision('kgodel');
    expect(report).toMatchObject({ homeCreated: false, unfinished: 'mkhomedir', quota: null });
    expect(problem).toMatch(/mkhomedir refused/);
    expect(store.homeOf('kgodel')).toBeUndefined();
  });

  it('skips mkhomedir for a home already made, and keeps what an existing home holds', async () => {
    await provision('kept');
    const inbox = join(store.homeOf('kept')!, '.MBOX', 'INBOX');
    await writeFile(inbox, 'From someone\n');
    const again = await provision('kept');
    expect(again.report.unfinished).toBeNull();
    expect(await readFile(inbox, 'utf8')).toBe('From someone\n');
    // homeMade: mkhomedir is not sent at all (its port here answers nothing).
    const skipped = await provision('kept', { mkhomedirPort: 1 }, undefined, true);
    expect(skipped.report).toMatchObject({ homeCreated: true, unfinished: null });
  });

  it('refuses to send a field that would change the request', async () => {
    const { report, problem } = await provision('x', {}, '/mx/u/x:y/evil');
    expect(report.unfinished).toBe('mkhomedir');
    expect(problem).toMatch(/unsafe character/);
  });

  it('gives up on a server that never answers, after the timeout, naming the step', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as { port: number }).port;
    const started = Date.now();
    const { report, problem } = await provision('slow', { setquotaPort: port, timeoutMs: 300 });
    expect(report).toMatchObject({ homeCreated: true, unfinished: 'setquota' });
    expect(problem).toContain('timed out');
    expect(Date.now() - started).toBeLessThan(5000);
    silent.close();
  });

  it('the reference server refuses a home directory outside its root', async () => {
    const { report } = await provision('trav', {}, '/../../etc/evil');
    expect(report.unfinished).toBe('mkhomedir');
  });
});

describe('getquota replies and the none mode', () => {
  it('parses the four getquota values', () => {
    expect(parseGetquota('DISK_USAGE: 12KB\nDISK_QUOTA: 62914560KB\n.MBOX_SIZE: 2KB\n.MBOX_FILES: 3\n')).toEqual({
      quota: { usedKB: 12, quotaKB: 62914560 },
      mbox: { sizeKB: 2, files: 3 },
    });
    expect(() => parseGetquota('DISK_USAGE: 12KB\n')).toThrow(/DISK_QUOTA/);
  });

  it('none: the mail server makes the mailbox on first delivery', async () => {
    await expect(noMailboxProvisioning.provision(account('x'))).resolves.toEqual({
      report: { mode: 'none', homeCreated: false, quota: null, mbox: null, unfinished: null },
      problem: null,
    });
  });
});
