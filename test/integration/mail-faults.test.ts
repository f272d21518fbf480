// The mail store's line services and the SMTP relay going away mid-call, through loopback proxies
// that cut the connection at every message: before the server sees it ('drop'), or after it acted
// with its answer lost ('lose-answer'). Whatever the cut, the account stays and works, the person is
// told which step did not finish (never INTERNAL), the audit has the attempt, and the step is
// finished later: the mailbox by the finisher (or the person's own retry), the contact code by
// asking again.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { maskAddress } from '../../shared/contact/contact-rules';
import { codeIn, startMailSink, type MailSink } from '../../dev/mail-sink/mail-sink';
import { startReferenceMailStore, type ReferenceMailStore } from '../../dev/mail-store/reference-mail-store';
import { startSlapd, type RunningSlapd } from '../../dev/slapd/throwaway-slapd';
import { ABANDONED_AFTER_MS } from '../../electron/services/accounts/account-standing';
import { hasLiveCode } from '../../electron/services/contact/pending-code';
import { firstValue } from '../../electron/services/directory/ldap-values';
import {
  MAILBOX_STEPS,
  type MailboxProvisioner,
  type MailboxStep,
} from '../../electron/services/mailbox/mailbox-provisioner';
import { startCuttingProxy, type Cut, type CuttingProxy } from '../support/cutting-proxy';
import { asAdmin, canBind, entriesForStaffId } from '../support/directory-checks';
import { expectDirectoryWhole } from '../support/directory-promises';
import { backendOn, codeOf, signIn, STRONG_PASSWORD } from '../support/kiosk-people';
import { loopbackSmtp } from '../support/test-config';
import { until } from '../support/until';

let slapd: RunningSlapd;
let root: string;
let store: ReferenceMailStore;
let sink: MailSink;
/** One proxy in front of each line service, and one in front of the SMTP peer. */
let lines: Record<MailboxStep, CuttingProxy>;
let smtp: CuttingProxy;

beforeAll(async () => {
  slapd = await startSlapd();
  root = await mkdtemp(join(tmpdir(), 'mx-mail-faults-'));
  store = await startReferenceMailStore(root);
  sink = await startMailSink(join(root, 'outbox'));
  const proxy = (port: number) => startCuttingProxy({ host: '127.0.0.1', port }, 'lines');
  lines = {
    mkhomedir: await proxy(store.mkhomedirPort),
    setquota: await proxy(store.setquotaPort),
    getquota: await proxy(store.getquotaPort),
  };
  smtp = await proxy(sink.port);
});
afterEach(() => {
  for (const p of [...Object.values(lines), smtp]) p.disarm();
});
afterAll(async () => {
  await Promise.all([...Object.values(lines ?? {}), smtp].filter(Boolean).map((p) => p.close()));
  await sink?.close();
  await store?.close();
  await slapd?.stop();
  await rm(root, { recursive: true, force: true });
});

/** A clock the test moves: the finisher only takes claims older than the abandon age. */
const testClock = () => ({
  t: Date.now(),
  now() {
    return this.t;
  },
});

function kiosk(clock: { now(): number }) {
  return backendOn(slapd, {
    clock,
    config: {
      mailbox: {
        mode: 'campus',
        campus: {
          host: '127.0.0.1',
          mkhomedirPort: lines.mkhomedir.port,
          setquotaPort: lines.setquota.port,
          getquotaPort: lines.getquota.port,
          timeoutMs: 2000,
        },
      },
      smtp: { ...loopbackSmtp(smtp.port), timeoutMs: 2000 },
    },
  });
}

let serial = 0;
const nextPerson = (label: string) => {
  serial += 1;
  return {
    id: `z7${String(serial).padStart(4, '0')}`,
    name_en: `MAIL,FAULT ${label} ${String.fromCharCode(65 + (serial % 26))}`,
    name: '郵件',
  };
};

const claimOf = (staffId: string) =>
  asAdmin(
    slapd,
    async (c) =>
      (await c.search(`cn=${staffId},ou=claims,${slapd.baseDn}`, { scope: 'base', attributes: ['description'] }))
        .searchEntries[0]!,
  );
const descriptions = async (staffId: string) => [(await claimOf(staffId)).description].flat().map(String);

async function createThrough(backend: ReturnType<typeof kiosk>, clock: { t: number }, label: string) {
  const person = nextPerson(label);
  const session = await signIn(backend, person, 'apply', clock.t);
  const [name] = await backend.creation.candidates(session);
  const request = { account: name!, password: STRONG_PASSWORD, confirm: STRONG_PASSWORD };
  return { person, session, request, outcome: backend.creation.create(session, request, '127.0.0.1') };
}

describe('the mail store going away mid-call', () => {
  for (const step of MAILBOX_STEPS) {
    for (const how of ['drop', 'lose-answer'] as Cut[]) {
      it(`${step}, cut ${how}: the account stays and works, the result names the step, and the finisher completes it`, async () => {
        const clock = testClock();
        const backend = kiosk(clock);
        try {
          lines[step].arm(1, how);
          const { person, outcome } = await createThrough(backend, clock, `${step} ${how}`);
          const result = await outcome;
          expect(lines[step].cut).toBe(true);
          expect(result.mailbox.unfinished).toBe(step);
          const [entry] = await entriesForStaffId(slapd, person.id);
          expect(await canBind(slapd, entry!.dn, STRONG_PASSWORD)).toBe(true);
          await expectDirectoryWhole(slapd, person.id);

          const told = backend.auditLines.filter((l) => l.action === 'create').at(-1);
          expect(told).toMatchObject({
            result: 'ok',
            staffId: person.id,
            detail: expect.stringContaining(`mailbox step ${step} did not finish`),
          });
          // getquota only reads usage: the mailbox itself is made and marked.
          const made = step === 'getquota';
          expect({ code: told?.code, stage: told?.stage }).toEqual(
            made ? { code: undefined, stage: 'complete' } : { code: 'MAILBOX_UNFINISHED', stage: 'password-set' },
          );
          expect((await descriptions(person.id)).some((d) => d.startsWith('mailbox('))).toBe(made);

          // Another counter finishes nothing before the abandon age (the creation may still be running
          // where it started); this counter knows its attempt has ended and finishes it at once.
          const other = kiosk(clock);
          await expect(other.mailboxes.finish()).resolves.toEqual({ finished: 0, left: 0 });
          await other.close();
          await expect(backend.mailboxes.finish()).resolves.toEqual({ finished: made ? 0 : 1, left: 0 });
          expect(store.homeOf(result.uid)).toBeTruthy();
          expect(store.quotaOf(Number(entry!.uidNumber))).toBe(62914560);
          expect((await descriptions(person.id)).some((d) => d.startsWith('mailbox('))).toBe(true);
          if (!made)
            expect(backend.auditLines.at(-1)).toMatchObject({
              action: 'mailbox',
              result: 'ok',
              staffId: person.id,
              account: result.uid,
            });

          // The person's next attempt finds the mailbox made: one account, already theirs.
          const again = await signIn(backend, person, 'apply', clock.t);
          expect(await codeOf(backend.creation.check(again))).toBe('USER(-1)');
        } finally {
          await backend.close();
        }
      });
    }
  }

  it('a mail store still away: the finisher says so in the audit, keeps the home mark, and finishes once it answers', async () => {
    const clock = testClock();
    const backend = kiosk(clock);
    try {
      lines.setquota.arm(1, 'drop');
      const { person, outcome } = await createThrough(backend, clock, 'away');
      const result = await outcome;
      expect(result.mailbox).toMatchObject({ homeCreated: true, unfinished: 'setquota' });
      // The home was made: finishing must not send mkhomedir again.
      expect((await descriptions(person.id)).some((d) => d.startsWith('home('))).toBe(true);
      clock.t += ABANDONED_AFTER_MS;
      lines.setquota.arm(1, 'lose-answer');
      lines.mkhomedir.arm(1, 'drop');
      await expect(backend.mailboxes.finish()).resolves.toEqual({ finished: 0, left: 1 });
      expect(lines.mkhomedir.cut).toBe(false);
      expect(backend.auditLines.at(-1)).toMatchObject({
        action: 'mailbox',
        result: 'failed',
        code: 'MAILBOX_UNFINISHED',
        detail: expect.stringContaining('setquota'),
      });
      lines.setquota.disarm();
      await expect(backend.mailboxes.finish()).resolves.toEqual({ finished: 1, left: 0 });
      expect(lines.mkhomedir.cut).toBe(false);
      await expect(backend.mailboxes.finish()).resolves.toEqual({ finished: 0, left: 0 });
    } finally {
      await backend.close();
    }
  });

  it('a mail store that hangs past the next sweep is not sent the same mailbox again by an overlapping round', async () => {
    const clock = testClock();
    let finishing = false;
    const sent: string[] = [];
    // Unfinished at the creation; then each call hangs for longer than several sweep intervals.
    const mailbox: MailboxProvisioner = {
      provision: async (account) => {
        if (!finishing)
          return {
            report: { mode: 'campus', homeCreated: false, quota: null, mbox: null, unfinished: 'mkhomedir' },
            problem: 'the test',
          };
        sent.push(account.uid);
        await new Promise((resolve) => setTimeout(resolve, 600));
        return {
          report: {
            mode: 'campus',
            homeCreated: true,
            quota: { usedKB: 0, quotaKB: 1024 },
            mbox: { sizeKB: 0, files: 0 },
            unfinished: null,
          },
          problem: null,
        };
      },
    };
    const backend = backendOn(slapd, {
      clock,
      mailbox,
      sweepEveryMs: 50,
      config: {
        mailbox: {
          mode: 'campus',
          campus: { host: '127.0.0.1', mkhomedirPort: 1, setquotaPort: 1, getquotaPort: 1, timeoutMs: 2000 },
        },
      },
    });
    try {
      const { person, outcome } = await createThrough(backend, clock, 'hang');
      expect((await outcome).mailbox.unfinished).toBe('mkhomedir');
      clock.t += ABANDONED_AFTER_MS;
      finishing = true;
      await until(
        'the claim marked mailbox(…)',
        () => descriptions(person.id),
        (d) => d.some((v) => v.startsWith('mailbox(')),
      );
      expect(sent).toHaveLength(1);
    } finally {
      await backend.close();
    }
  });

  it("the person's own retry finishes an unfinished mailbox, under the same account", async () => {
    const clock = testClock();
    const backend = kiosk(clock);
    try {
      lines.mkhomedir.arm(1, 'drop');
      const { person, session, request, outcome } = await createThrough(backend, clock, 'retry');
      expect((await outcome).mailbox.unfinished).toBe('mkhomedir');
      await backend.sessions.end('finish');
      const again = await signIn(backend, person, 'apply', clock.t);
      await expect(backend.creation.check(again)).resolves.toEqual({ purpose: 'apply' });
      expect(await backend.creation.candidates(again)).toEqual([request.account]);
      const finished = await backend.creation.create(again, request, '127.0.0.1');
      expect(finished.mailbox).toMatchObject({ homeCreated: true, unfinished: null });
      expect(await entriesForStaffId(slapd, person.id)).toHaveLength(1);
      expect(session.live).toBe(false);
    } finally {
      await backend.close();
    }
  });
});

describe('the SMTP relay going away mid-call', () => {
  for (const how of ['drop', 'lose-answer'] as Cut[]) {
    it(`the contact code, cut ${how} at every line: the account stays, the person is told, and asking again works`, async () => {
      const clock = testClock();
      const backend = kiosk(clock);
      try {
        const { person, session, outcome } = await createThrough(backend, clock, `smtp ${how}`);
        const { uid } = await outcome;
        const dn = `uid=${uid},ou=people,${slapd.baseDn}`;
        // One clean send first, to learn the lines a whole SMTP exchange takes. Every command line is
        // cut, and of the message itself its first and last line (the ones between are alike).
        smtp.arm(Number.MAX_SAFE_INTEGER, how);
        await backend.contacts.register(session, 'mail.fault@example.org');
        const sent = smtp.messages.map((m) => m.toString('latin1'));
        const data = sent.indexOf('DATA\r\n');
        const end = sent.indexOf('.\r\n');
        expect({ data: data > 0, end: end > data + 2 }).toEqual({ data: true, end: true });
        const ks = sent.map((_, i) => i + 1).filter((k) => k <= data + 2 || k >= end);
        const told: string[] = [];
        for (const k of ks) {
          clock.t += 3_601_000; // the hourly limit counts only codes that went out
          const session = await signIn(backend, person, 'reset', clock.t);
          const before = (await sink.messages()).length;
          smtp.arm(k, how);
          const code = await codeOf(backend.contacts.register(session, 'mail.fault@example.org'));
          smtp.disarm();
          told.push(`${k}:${code}`);
          // The last line (QUIT) comes after the relay took the mail: then "sent" is the truth.
          expect({ k, code: ['ok', 'SMTP_UNAVAILABLE'].includes(code) }).toEqual({ k, code: true });
          expect({ k, works: await canBind(slapd, dn, STRONG_PASSWORD) }).toEqual({ k, works: true });
          const line = backend.auditLines.filter((l) => l.action === 'contact').at(-1);
          expect({ k, line: line?.result, staffId: line?.staffId }).toEqual({
            k,
            line: code === 'ok' ? 'ok' : 'failed',
            staffId: person.id,
          });
          if (code !== 'ok') {
            const entry = await asAdmin(
              slapd,
              async (c) => (await c.search(dn, { scope: 'base', attributes: ['mxContactPending'] })).searchEntries[0]!,
            );
            // No code stays that could be confirmed; the hourly send history stays on the entry.
            expect({ k, live: hasLiveCode(firstValue(entry.mxContactPending), clock.t) }).toEqual({ k, live: false });
          }
          // Asking again, with the relay back, sends a code that confirms.
          if (code !== 'ok') await backend.contacts.register(session, 'mail.fault@example.org');
          const mail = (await sink.messages()).slice(before).at(-1)!;
          await expect(backend.contacts.confirm(session, codeIn(mail)!)).resolves.toEqual({
            masked: maskAddress('mail.fault@example.org'),
          });
          await backend.sessions.end('finish');
        }
        expect(told.filter((t) => t.endsWith('SMTP_UNAVAILABLE')).length).toBeGreaterThan(ks.length / 2);
      } finally {
        await backend.close();
      }
    }, 120_000);
  }
});
