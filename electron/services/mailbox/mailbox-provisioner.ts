// Making the mailbox once the directory entry exists. 'none': the mail server creates it on first
// delivery. 'campus': the mail store's line protocols (docs/legacy-service.md).
import { Socket } from 'node:net';
import { KioskError } from '../kiosk-error';

export interface MailboxAccount {
  uid: string;
  uidNumber: number;
  gidNumber: number;
  homeDirectory: string;
}

export interface MailboxReport {
  mode: 'none' | 'campus';
  homeCreated: boolean;
  quota: { usedKB: number; quotaKB: number } | null;
  mbox: { sizeKB: number; files: number } | null;
}

export interface MailboxProvisioner {
  provision(account: MailboxAccount): Promise<MailboxReport>;
}

export const noMailboxProvisioning: MailboxProvisioner = {
  provision: async () => ({ mode: 'none', homeCreated: false, quota: null, mbox: null }),
};

export interface CampusMailStore {
  host: string;
  mkhomedirPort: number;
  setquotaPort: number;
  getquotaPort: number;
  timeoutMs: number;
  realm: string;
  /** A size such as 60G, as setquota expects it. */
  quota: string;
}

/** Sends one line, returns everything the server says until it closes (or fails after the timeout). */
export function exchangeLine(host: string, port: number, line: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    let reply = '';
    const fail = (message: string) => {
      socket.destroy();
      reject(new Error(`${host}:${port} ${message}`));
    };
    socket.setTimeout(timeoutMs, () => fail(`timed out after ${timeoutMs} ms`));
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      reply += chunk;
      if (reply.length > 64 * 1024) fail('answered too much');
    });
    socket.on('error', (error) => fail(error.message));
    socket.on('end', () => {
      socket.destroy();
      resolve(reply);
    });
    // Write without half-closing: a line server answers and then closes the connection itself.
    socket.connect(port, host, () => socket.write(`${line}\n`));
  });
}

const RETURN_OK = /^\s*Return\s*=\s*0\s*$/m;

function number(reply: string, label: string): number {
  const match = new RegExp(`^\\s*${label.replace('.', '\\.')}:\\s*(\\d+)`, 'm').exec(reply);
  if (!match) throw new Error(`getquota reply has no ${label}`);
  return Number(match[1]);
}

export function parseGetquota(reply: string): { quota: MailboxReport['quota']; mbox: MailboxReport['mbox'] } {
  return {
    quota: { usedKB: number(reply, 'DISK_USAGE'), quotaKB: number(reply, 'DISK_QUOTA') },
    mbox: { sizeKB: number(reply, '.MBOX_SIZE'), files: number(reply, '.MBOX_FILES') },
  };
}

export function campusMailboxProvisioning(store: CampusMailStore): MailboxProvisioner {
  return {
    async provision(account) {
      // Values come from the directory entry the kiosk itself just wrote, but a colon or line
      // break in any of them would change the request's meaning: refuse rather than send.
      const fields = [account.uid, String(account.uidNumber), String(account.gidNumber), account.homeDirectory];
      if (fields.some((f) => /[:\r\n]/.test(f))) throw new KioskError('MAILBOX_FAILED', 'unsafe character in mkhomedir fields');
      try {
        const made = await exchangeLine(store.host, store.mkhomedirPort, fields.join(':'), store.timeoutMs);
        if (!RETURN_OK.test(made)) throw new Error(`mkhomedir refused: ${made.trim().slice(0, 200)}`);
        const quota = await exchangeLine(store.host, store.setquotaPort, `uid=${account.uidNumber},domain=${store.realm},quota=${store.quota}`, store.timeoutMs);
        if (!RETURN_OK.test(quota)) throw new Error(`setquota refused: ${quota.trim().slice(0, 200)}`);
        const usage = parseGetquota(await exchangeLine(store.host, store.getquotaPort, account.uid, store.timeoutMs));
        return { mode: 'campus', homeCreated: true, ...usage };
      } catch (error) {
        if (error instanceof KioskError) throw error;
        throw new KioskError('MAILBOX_FAILED', (error as Error).message);
      }
    },
  };
}
