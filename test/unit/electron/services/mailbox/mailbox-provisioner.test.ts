// The campus mail-store protocols, against the reference server over real loopback TCP.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceMailStore, type ReferenceMailStore } from '../../../../../dev/mail-store/reference-mail-store';
import { campusMailboxProvisioning, noMailboxProvisioning, parseGetquota } from '../../../../../electron/services/mailbox/mailbox-provisioner';

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

const settings = () => ({ host: store.host, mkhomedirPort: store.mkhomedirPort, setquotaPort: store.setquotaPort, getquotaPort: store.getquotaPort, timeoutMs: 2000, realm: 'mx', quota: '60G' });
const account = (uid: string) => ({ uid, uidNumber: 1234, gidNumber: 100, homeDirectory: `/mx/u/${uid.slice(0, 2)}/${uid}` });

describe('campus mailbox provisioning', () => {
  it('makes the home directory and reports quota and .MBOX from real usage', async () => {
    const report = await campusMailboxProvisioning(settings()).provision(account('mzlin'));
    expect(report).toEqual({ mode: 'campus', homeCreated: true, quota: { usedKB: 2, quotaKB: 62914560 }, mbox: { sizeKB: 2, files: 3 } });
    expect(store.homeOf('mzlin')).toBe(join(root, 'mx', 'u', 'mz', 'mzlin'));
  });

  it('reports a mail-store refusal as MAILBOX_FAILED', async () => {
    store.failNext(1);
    await expect(campusMailboxProvisioning(settings()).provision(account('kgodel'))).rejects.toMatchObject({ code: 'MAILBOX_FAILED' });
  });

  it('refuses to send a field that would change the request', async () => {
    await expect(campusMailboxProvisioning(settings()).provision({ ...account('x'), homeDirectory: '/mx/u/x:y/evil' })).rejects.toMatchObject({ code: 'MAILBOX_FAILED' });
  });

  it('gives up on a server that never answers, after the timeout', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as { port: number }).port;
    const started = Date.now();
    await expect(campusMailboxProvisioning({ ...settings(), mkhomedirPort: port, timeoutMs: 300 }).provision(account('slow'))).rejects.toMatchObject({
      code: 'MAILBOX_FAILED',
      detail: expect.stringContaining('timed out'),
    });
    expect(Date.now() - started).toBeLessThan(5000);
    silent.close();
  });

  it('the reference server refuses a home directory outside its root', async () => {
    await expect(campusMailboxProvisioning(settings()).provision({ ...account('trav'), homeDirectory: '/../../etc/evil' })).rejects.toMatchObject({ code: 'MAILBOX_FAILED' });
  });
});

describe('getquota replies and the none mode', () => {
  it('parses the four getquota values', () => {
    expect(parseGetquota('DISK_USAGE: 12KB\nDISK_QUOTA: 62914560KB\n.MBOX_SIZE: 2KB\n.MBOX_FILES: 3\n')).toEqual({ quota: { usedKB: 12, quotaKB: 62914560 }, mbox: { sizeKB: 2, files: 3 } });
    expect(() => parseGetquota('DISK_USAGE: 12KB\n')).toThrow(/DISK_QUOTA/);
  });

  it('none: the mail server makes the mailbox on first delivery', async () => {
    await expect(noMailboxProvisioning.provision(account('x'))).resolves.toEqual({ mode: 'none', homeCreated: false, quota: null, mbox: null });
  });
});
