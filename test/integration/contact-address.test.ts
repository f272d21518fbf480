// The contact address (Email-2) on a real slapd with a real SMTP peer: the code is mailed, stored
// only as a hash, confirmed at the counter, and every limit holds.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeIn, startMailSink, type MailSink } from '../../dev/mail-sink/mail-sink';
import { startSlapd, type RunningSlapd } from '../../dev/slapd/throwaway-slapd';
import { asAdmin } from '../support/directory-checks';
import { backendOn, codeOf, createFirstOffered, signIn } from '../support/kiosk-people';
import { loopbackSmtp } from '../support/test-config';

let slapd: RunningSlapd;
let sink: MailSink;
beforeAll(async () => {
  slapd = await startSlapd();
  sink = await startMailSink(join(await mkdtemp(join(tmpdir(), 'mx-outbox-')), 'outbox'));
});
afterAll(async () => {
  await sink?.close();
  await slapd?.stop();
});

function kiosk(clock?: { now(): number }) {
  return backendOn(slapd, {
    clock,
    config: {
      smtp: loopbackSmtp(sink.port),
    },
  });
}

/** Creates an account for the person, so a contact address can be registered for it. */
async function withAccount(backend: ReturnType<typeof kiosk>, id: string, nameEn: string, nowMs = Date.now()) {
  const session = await signIn(backend, { id, name_en: nameEn }, 'apply', nowMs);
  const { uid } = await createFirstOffered(backend, session);
  return { session, uid };
}

async function entry(uid: string) {
  return asAdmin(
    slapd,
    async (c) =>
      (
        await c.search(`uid=${uid},ou=people,${slapd.baseDn}`, {
          scope: 'base',
          attributes: ['mxContactAddress', 'mxContactConfirmed', 'mxContactPending', 'objectClass'],
        })
      ).searchEntries[0]!,
  );
}

describe('contact address', () => {
  it('mails a bilingual code, keeps only its hash, and confirms it', async () => {
    const backend = kiosk();
    const { session, uid } = await withAccount(backend, 'z60001', 'YEH,SHU-FEN');
    const before = (await sink.messages()).length;
    await expect(backend.contacts.register(session, 'Shufen.Yeh@Gmail.com')).resolves.toEqual({
      masked: 'S******h@gmail.com',
    });
    const mail = (await sink.messages()).slice(before);
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatch(/^To: Shufen\.Yeh@gmail\.com/m);
    const code = codeIn(mail[0]!)!;
    expect(code).toMatch(/^\d{6}$/);
    expect(mail[0]).toContain('Type it at the counter');

    const pending = await entry(uid);
    expect(String(pending.mxContactPending)).not.toContain(code);
    expect(JSON.parse(String(pending.mxContactPending))).toMatchObject({
      code: { address: 'Shufen.Yeh@gmail.com', hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
      tries: 0,
    });
    expect(pending.objectClass).toContain('mxContactHolder');

    const wrong = code === '000000' ? '111111' : '000000';
    expect(await codeOf(backend.contacts.confirm(session, wrong))).toBe('CONTACT_CODE_WRONG');
    await expect(backend.contacts.confirm(session, code)).resolves.toEqual({ masked: 'S******h@gmail.com' });
    const done = await entry(uid);
    expect(done).toMatchObject({ mxContactAddress: 'Shufen.Yeh@gmail.com', mxContactConfirmed: 'TRUE' });
    // Only the send is kept, for the hourly limit: no code is left to confirm.
    expect(JSON.parse(String(done.mxContactPending))).toEqual({ tries: 0, sends: [expect.any(Number)] });
    const lines = backend.auditLines.filter((l) => l.action === 'contact');
    expect(lines.map((l) => [l.result, l.code])).toEqual([
      ['ok', undefined],
      ['refused', 'CONTACT_CODE_WRONG'],
      ['ok', undefined],
    ]);
    expect(JSON.stringify(backend.auditLines)).not.toContain(code);
    await backend.close();
  });

  it('refuses institution addresses and malformed ones before anything is sent', async () => {
    const backend = kiosk();
    const { session } = await withAccount(backend, 'z60002', 'KUO,MING');
    const before = (await sink.messages()).length;
    for (const [address, code] of [
      ['me@mx.nthu.edu.tw', 'CONTACT_INSTITUTION'],
      ['me@cs.nthu.edu.tw', 'CONTACT_INSTITUTION'],
      ['not-an-address', 'CONTACT_INVALID'],
      [`${'a'.repeat(250)}@x.com`, 'CONTACT_INVALID'],
    ]) {
      expect({ address, code: await codeOf(backend.contacts.register(session, address!)) }).toEqual({ address, code });
    }
    expect((await sink.messages()).length).toBe(before);
    await backend.close();
  });

  it('sends at most 3 codes an hour for one account', async () => {
    const clock = {
      t: Date.now(),
      now() {
        return this.t;
      },
    };
    const backend = kiosk(clock);
    const { session } = await withAccount(backend, 'z60003', 'TU,WEI', clock.t);
    for (let i = 0; i < 3; i += 1) await backend.contacts.register(session, 'tu.wei@example.org');
    expect(await codeOf(backend.contacts.register(session, 'tu.wei@example.org'))).toBe('CONTACT_RATE_LIMITED');
    clock.t += 3_601_000;
    await backend.sessions.end('finish');
    const again = await signIn(backend, { id: 'z60003', name_en: 'TU,WEI' }, 'reset', clock.t);
    await expect(backend.contacts.register(again, 'tu.wei@example.org')).resolves.toBeTruthy();
    await backend.close();
  });

  it('stops at the counter after 5 wrong codes, and after 10 minutes', async () => {
    const clock = {
      t: Date.now(),
      now() {
        return this.t;
      },
    };
    const backend = kiosk(clock);
    const { session } = await withAccount(backend, 'z60004', 'LO,HUI', clock.t);
    await backend.contacts.register(session, 'hui.lo@example.org');
    for (let i = 0; i < 4; i += 1)
      expect(await codeOf(backend.contacts.confirm(session, '999999'))).toBe('CONTACT_CODE_WRONG');
    expect(await codeOf(backend.contacts.confirm(session, '999999'))).toBe('CONTACT_TOO_MANY_TRIES');

    const before = (await sink.messages()).length;
    await backend.contacts.register(session, 'hui.lo@example.org');
    const code = codeIn((await sink.messages()).slice(before)[0]!)!;
    clock.t += 10 * 60_000 + 1;
    expect(await codeOf(backend.contacts.confirm(session, code))).toBe('CONTACT_COUNTER_TIMEOUT');
    await backend.close();
  });

  it('expires a code after one day (the helpdesk can finish until then)', async () => {
    const clock = {
      t: Date.now(),
      now() {
        return this.t;
      },
    };
    // A counter window longer than a day, so the stored code's own expiry is what decides.
    const backend = backendOn(slapd, {
      clock,
      config: {
        smtp: { host: '127.0.0.1', port: sink.port, security: 'none', allowPlain: true, from: 'k <n@mx.nthu.edu.tw>' },
        contact: { counterMinutes: 3000 },
      },
    });
    const { session } = await withAccount(backend, 'z60006', 'HO,PEI', clock.t);
    const before = (await sink.messages()).length;
    await backend.contacts.register(session, 'pei.ho@example.org');
    const code = codeIn((await sink.messages()).slice(before)[0]!)!;
    clock.t += 24 * 3600_000 + 1000;
    expect(await codeOf(backend.contacts.confirm(session, code))).toBe('CONTACT_CODE_EXPIRED');
    clock.t -= 2000 + 3600_000; // the same code, still within its day, is good
    await expect(backend.contacts.confirm(session, code)).resolves.toEqual({ masked: 'p****o@example.org' });
    await backend.close();
  });

  it('lets the helpdesk finish within the day after the counter ran out of time', async () => {
    const clock = {
      t: Date.now(),
      now() {
        return this.t;
      },
    };
    const backend = kiosk(clock);
    const { session, uid } = await withAccount(backend, 'z60007', 'SU,LAN', clock.t);
    const before = (await sink.messages()).length;
    await backend.contacts.register(session, 'lan.su@example.org');
    const code = codeIn((await sink.messages()).slice(before)[0]!)!;
    clock.t += 30 * 60_000; // the person left the counter; later that day at the helpdesk:
    expect(await codeOf(backend.contacts.confirm(session, code))).toBe('CONTACT_COUNTER_TIMEOUT');
    expect(
      await codeOf(backend.contacts.confirmByHelpdesk('opchen', 'Z60007', code === '000000' ? '111111' : '000000')),
    ).toBe('CONTACT_CODE_WRONG');
    await expect(backend.contacts.confirmByHelpdesk('opchen', 'Z60007', code)).resolves.toEqual({
      masked: 'l****u@example.org',
      account: uid,
    });
    expect(await entry(uid)).toMatchObject({ mxContactAddress: 'lan.su@example.org', mxContactConfirmed: 'TRUE' });
    expect(backend.auditLines.at(-1)).toMatchObject({
      action: 'contact',
      result: 'ok',
      operator: 'opchen',
      staffId: 'z60007',
    });
    expect(await codeOf(backend.contacts.confirmByHelpdesk('opchen', 'z99999', code))).toBe('USER(-2)');
    await backend.close();
  });

  it('tells the person to finish later at the helpdesk when SMTP is down, and leaves no code to confirm', async () => {
    const backend = kiosk();
    const { session, uid } = await withAccount(backend, 'z60005', 'FAN,JIE');
    sink.setDown(true);
    try {
      expect(await codeOf(backend.contacts.register(session, 'jie.fan@example.org'))).toBe('SMTP_UNAVAILABLE');
    } finally {
      sink.setDown(false);
    }
    // No code waits on the entry; the send that failed still counts toward the hourly limit.
    const kept = JSON.parse(String((await entry(uid)).mxContactPending)) as Record<string, unknown>;
    expect(kept).toEqual({ tries: 0, sends: [expect.any(Number)] });
    expect(backend.auditLines.at(-1)).toMatchObject({ action: 'contact', result: 'failed', code: 'SMTP_UNAVAILABLE' });
    await backend.close();
  });

  it('keeps the hourly limit through a failed mailer and a confirmation', async () => {
    const backend = kiosk();
    const { session } = await withAccount(backend, 'z60008', 'KUO,MEI');
    const before = (await sink.messages()).length;
    await backend.contacts.register(session, 'mei.kuo@example.org');
    await backend.contacts.confirm(session, codeIn((await sink.messages()).slice(before)[0]!)!);
    sink.setDown(true);
    try {
      expect(await codeOf(backend.contacts.register(session, 'mei.kuo@example.org'))).toBe('SMTP_UNAVAILABLE');
    } finally {
      sink.setDown(false);
    }
    await backend.contacts.register(session, 'mei.kuo@example.org');
    expect(await codeOf(backend.contacts.register(session, 'mei.kuo@example.org'))).toBe('CONTACT_RATE_LIMITED');
    await backend.close();
  });

  it('lets the helpdesk finish after 5 wrong tries at the counter', async () => {
    const backend = kiosk();
    const { session, uid } = await withAccount(backend, 'z60009', 'LIAO,TING');
    const before = (await sink.messages()).length;
    await backend.contacts.register(session, 'ting.liao@example.org');
    const code = codeIn((await sink.messages()).slice(before)[0]!)!;
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i += 1) await codeOf(backend.contacts.confirm(session, wrong));
    expect(await codeOf(backend.contacts.confirm(session, code))).toBe('CONTACT_TOO_MANY_TRIES');
    await expect(backend.contacts.confirmByHelpdesk('opchen', 'z60009', code)).resolves.toEqual({
      masked: expect.stringMatching(/^t\*+o@example\.org$/),
      account: uid,
    });
    await backend.close();
  });

  it('kills a code after 10 wrong tries at the helpdesk: 30 fired at once from two kiosks, then the right one, are refused', async () => {
    const [a, b] = [kiosk(), kiosk()];
    const { session, uid } = await withAccount(a, 'z60010', 'HSU,CHIN');
    const before = (await sink.messages()).length;
    await a.contacts.register(session, 'chin.hsu@example.org');
    const code = codeIn((await sink.messages()).slice(before)[0]!)!;
    const wrong = code === '000000' ? '111111' : '000000';
    const codes = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        codeOf((i % 2 === 0 ? a : b).contacts.confirmByHelpdesk('opchen', 'z60010', wrong)),
      ),
    );
    // The tenth wrong try is the last: it is told so, as the counter's fifth is.
    expect(codes.filter((c) => c === 'CONTACT_CODE_WRONG')).toHaveLength(9);
    expect(codes.filter((c) => c === 'CONTACT_TOO_MANY_TRIES')).toHaveLength(21);
    expect(await codeOf(a.contacts.confirmByHelpdesk('opchen', 'z60010', code))).toBe('CONTACT_TOO_MANY_TRIES');
    expect(await codeOf(a.contacts.confirm(session, code))).toBe('CONTACT_TOO_MANY_TRIES');
    const dead = await entry(uid);
    expect(dead.mxContactConfirmed ?? []).toEqual([]);
    expect(JSON.parse(String(dead.mxContactPending))).toEqual({ tries: 10, sends: [expect.any(Number)] });
    // Every try is audited, on the kiosk that took it.
    const refused = [...a.auditLines, ...b.auditLines].filter(
      (l) => l.action === 'contact' && l.result === 'refused' && l.operator === 'opchen',
    );
    expect(refused).toHaveLength(31);
    await Promise.all([a.close(), b.close()]);
  });
});
