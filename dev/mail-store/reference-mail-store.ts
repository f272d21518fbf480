// A small reference implementation of the campus mail store's line protocols (mkhomedir,
// setquota, getquota) for tests and the demo; never packaged. It makes real folders under a temp
// root and answers getquota from real disk usage, so the kiosk's result lines are measured.
import { createServer, type Server } from 'node:net';
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { isAbsolute, join, normalize, resolve, sep } from 'node:path';

export interface ReferenceMailStore {
  root: string;
  host: string;
  mkhomedirPort: number;
  setquotaPort: number;
  getquotaPort: number;
  /** Makes the next n requests of every protocol answer a refusal (`Return = 1`). */
  failNext(n: number): void;
  homeOf(uid: string): string | undefined;
  /** The quota set for a uidNumber, in KB, if any. */
  quotaOf(uidNumber: number): number | undefined;
  close(): Promise<void>;
}

const SIZE_KB: Record<string, number> = { K: 1, M: 1024, G: 1024 ** 2, T: 1024 ** 3 };

async function usageKB(path: string): Promise<{ kb: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(path, { withFileTypes: true })) {
    const full = join(path, entry.name);
    if (entry.isDirectory()) {
      const inner = await usageKB(full);
      bytes += inner.kb * 1024;
      files += inner.files;
    } else {
      bytes += (await stat(full)).size;
      files += 1;
    }
  }
  return { kb: Math.ceil(bytes / 1024), files };
}

function lineServer(handle: (line: string) => Promise<string>): Promise<Server> {
  const open = new Set<import('node:net').Socket>();
  const server = createServer({ allowHalfOpen: true }, (socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    // A client that leaves without sending a line (a reachability probe) gets its socket closed.
    socket.on('end', () => {
      if (!buffer.includes('\n')) socket.end();
    });
    let buffer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      const newline = buffer.indexOf('\n');
      if (newline < 0) return;
      handle(buffer.slice(0, newline).trim())
        .catch((error: unknown) => `ERROR ${(error as Error).message}\nReturn = 1\n`)
        .then((reply) => socket.end(reply));
    });
    socket.on('error', () => socket.destroy());
  });
  // Closing the store also closes connections still open, so stopping never waits on a client.
  const close = server.close.bind(server);
  server.close = ((callback?: (error?: Error) => void) => {
    for (const socket of open) socket.destroy();
    return close(callback);
  }) as typeof server.close;
  return new Promise((resolveServer) => server.listen(0, '127.0.0.1', () => resolveServer(server)));
}

export async function startReferenceMailStore(root: string): Promise<ReferenceMailStore> {
  const homes = new Map<string, { home: string; uidNumber: string }>();
  const quotas = new Map<string, number>();
  let failures = 0;
  const maybeFail = () => {
    if (failures > 0) {
      failures -= 1;
      throw new Error('simulated mail-store failure');
    }
  };

  const mkhomedir = await lineServer(async (line) => {
    maybeFail();
    const [uid, uidNumber, , homeDirectory] = line.split(':');
    if (!uid || !uidNumber || !homeDirectory || !isAbsolute(homeDirectory))
      throw new Error('expected uid:uidNumber:gidNumber:homeDirectory');
    // A '..' in a home directory is never legitimate: refuse it rather than quietly confine it.
    if (homeDirectory.split('/').includes('..')) throw new Error('".." in the home directory');
    const target = resolve(root, `.${normalize(homeDirectory)}`);
    if (!target.startsWith(resolve(root) + sep)) throw new Error('home directory outside the mail root');
    await mkdir(join(target, '.MBOX'), { recursive: true });
    // A new mailbox starts with an inbox, its index and the subscriptions list. Asked again for a
    // home that exists (a kiosk finishing a mailbox whose answer it lost), it keeps what is there.
    const keep = (error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    };
    await writeFile(join(target, '.MBOX', 'INBOX'), '', { flag: 'wx' }).catch(keep);
    await writeFile(join(target, '.MBOX', '.subscriptions'), 'INBOX\n', { flag: 'wx' }).catch(keep);
    await writeFile(join(target, '.MBOX', 'index'), Buffer.alloc(1536), { flag: 'wx' }).catch(keep);
    homes.set(uid, { home: target, uidNumber });
    return `mkhomedir ${uid} ${homeDirectory}\nReturn = 0\n`;
  });
  const setquota = await lineServer(async (line) => {
    maybeFail();
    const match = /^uid=(\d+),domain=([a-z0-9.-]+),quota=(\d+)([KMGT])$/.exec(line);
    if (!match) throw new Error('expected uid=<uidNumber>,domain=<realm>,quota=<size>');
    quotas.set(match[1]!, Number(match[3]) * SIZE_KB[match[4]!]!);
    return `setquota ${match[1]}\nReturn = 0\n`;
  });
  const getquota = await lineServer(async (line) => {
    maybeFail();
    const account = homes.get(line);
    if (!account) throw new Error(`no such user ${line}`);
    const disk = await usageKB(account.home);
    const mbox = await usageKB(join(account.home, '.MBOX'));
    return `DISK_USAGE: ${disk.kb}KB\nDISK_QUOTA: ${quotas.get(account.uidNumber) ?? 0}KB\n.MBOX_SIZE: ${mbox.kb}KB\n.MBOX_FILES: ${mbox.files}\n`;
  });

  const port = (s: Server) => (s.address() as AddressInfo).port;
  return {
    root,
    host: '127.0.0.1',
    mkhomedirPort: port(mkhomedir),
    setquotaPort: port(setquota),
    getquotaPort: port(getquota),
    failNext: (n) => {
      failures = n;
    },
    homeOf: (uid) => homes.get(uid)?.home,
    quotaOf: (uidNumber) => quotas.get(String(uidNumber)),
    close: async () => {
      await Promise.all([mkhomedir, setquota, getquota].map((s) => new Promise((r) => s.close(r))));
    },
  };
}
