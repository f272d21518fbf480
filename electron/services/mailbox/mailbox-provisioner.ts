// Making the mailbox once the directory entry exists. 'none': the mail server creates it on first
// delivery. 'campus': the mail store's line protocols (docs/legacy-service.md), in order: mkhomedir,
// setquota, getquota. A step that does not finish (refused, or the store gone mid-call) stops the
// rest and is reported by name: by then the account works, so it stays, and the step is finished
// later (mailbox-finisher.ts), never by withdrawing the account.
import { Socket } from 'node:net';

export interface MailboxAccount {
  uid: string;
  uidNumber: number;
  gidNumber: number;
  homeDirectory: string;
}

/** The campus line services, in the order a mailbox needs them. */
export const MAILBOX_STEPS = ['mkhomedir', 'setquota', 'getquota'] as const;
export type MailboxStep = (typeof MAILBOX_STEPS)[number];

export interface MailboxReport {
  mode: 'none' | 'campus';
  homeCreated: boolean;
  quota: { usedKB: number; quotaKB: number } | null;
  mbox: { sizeKB: number; files: number } | null;
  /**
   * The first step that did not finish, or null. 'getquota' alone leaves a working mailbox whose
   * usage could not be read; 'mkhomedir' or 'setquota' leave the mailbox to be finished.
   */
  unfinished: MailboxStep | null;
}

export interface MailboxProvisioning {
  report: MailboxReport;
  /** Why the unfinished step stopped (for the audit line and the log; never shown to the person). */
  problem: string | null;
}

/** Whether a report leaves the mailbox itself to be made (getquota only reads usage). */
export const mailboxMade = (report: MailboxReport): boolean =>
  report.unfinished === null || report.unfinished === 'getquota';

export interface MailboxProvisioner {
  /** Never throws: a step that does not finish is named in the report. `homeMade` skips mkhomedir. */
  provision(account: MailboxAccount, options?: { homeMade?: boolean }): Promise<MailboxProvisioning>;
}

export const noMailboxProvisioning: MailboxProvisioner = {
  provision: async () => ({
    report: { mode: 'none', homeCreated: false, quota: null, mbox: null, unfinished: null },
    problem: null,
  }),
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
  const send = async (port: number, line: string, step: MailboxStep): Promise<string> => {
    const reply = await exchangeLine(store.host, port, line, store.timeoutMs);
    if (step !== 'getquota' && !RETURN_OK.test(reply))
      throw new Error(`${step} refused: ${reply.trim().slice(0, 200)}`);
    return reply;
  };
  return {
    async provision(account, options = {}) {
      const report: MailboxReport = {
        mode: 'campus',
        homeCreated: options.homeMade === true,
        quota: null,
        mbox: null,
        unfinished: 'mkhomedir',
      };
      try {
        if (!report.homeCreated) {
          // Values come from the directory entry the kiosk itself wrote, but a colon or line break
          // in any of them would change the request's meaning: refuse rather than send.
          const fields = [account.uid, String(account.uidNumber), String(account.gidNumber), account.homeDirectory];
          if (fields.some((f) => /[:\r\n]/.test(f))) throw new Error('unsafe character in mkhomedir fields');
          await send(store.mkhomedirPort, fields.join(':'), 'mkhomedir');
          report.homeCreated = true;
        }
        report.unfinished = 'setquota';
        await send(
          store.setquotaPort,
          `uid=${account.uidNumber},domain=${store.realm},quota=${store.quota}`,
          'setquota',
        );
        report.unfinished = 'getquota';
        Object.assign(report, parseGetquota(await send(store.getquotaPort, account.uid, 'getquota')));
        report.unfinished = null;
        return { report, problem: null };
      } catch (error) {
        return { report, problem: (error as Error).message };
      }
    },
  };
}
