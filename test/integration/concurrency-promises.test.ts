// The kiosk's promises under concurrency, on a real slapd and a real SMTP peer: two counters racing
// for one staff ID, a session ended in the middle of a creation, bursts of 30 against every
// limit, a token replayed after a restart, and a kiosk switched out of service. The racing calls
// are fired in the same tick, and the test counts what got through.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeIn, startMailSink, type MailSink } from '../../dev/mail-sink/mail-sink';
import { FIXTURE } from '../../dev/slapd/fixture-directory';
import { startSlapd, type RunningSlapd } from '../../dev/slapd/throwaway-slapd';
import { UsedTokenJournal } from '../../electron/services/ais/used-token-journal';
import { CHANNELS } from '../../shared/contract/channels';
import { mint } from '../support/ais-tokens';
import { asAdmin, canBind, entriesForStaffId } from '../support/directory-checks';
import { backendOn, codeOf, KIOSK_IP, signIn, STRONG_PASSWORD } from '../support/kiosk-people';
import { loopbackSmtp } from '../support/test-config';

let slapd: RunningSlapd;
let sink: MailSink;
let scratch: string;
beforeAll(async () => {
  slapd = await startSlapd();
  scratch = await mkdtemp(join(tmpdir(), 'mx-promises-'));
  sink = await startMailSink(join(scratch, 'outbox'));
});
afterAll(async () => {
  await sink?.close();
  await slapd?.stop();
  await rm(scratch, { recursive: true, force: true });
});

const ctx = { clientIp: KIOSK_IP, transport: 'http' as const };
const request = (account: string) => ({ account, password: STRONG_PASSWORD, confirm: STRONG_PASSWORD });
const withSmtp = () =>
  backendOn(slapd, {
    config: {
      smtp: loopbackSmtp(sink.port),
    },
  });

describe('one account per staff ID', () => {
  it('two kiosks racing for one staff ID, 50 rounds: never two accounts, and every loser is told USER(-1) or APPLICATION_IN_PROGRESS', async () => {
    const kiosks = [backendOn(slapd), backendOn(slapd)];
    let doubled = 0;
    const loserCodes = new Set<string>();
    for (let round = 0; round < 50; round += 1) {
      const person = { id: `z8${String(round).padStart(4, '0')}`, name_en: 'RACE,TWO KIOSKS', name: '競賽' };
      const sessions = await Promise.all(kiosks.map((k) => signIn(k, person)));
      const names = await Promise.all(kiosks.map((k, i) => k.creation.candidates(sessions[i]!)));
      // Different names, same tick: only the claim on the staff ID can stop the second account.
      const results = await Promise.allSettled(
        kiosks.map((k, i) => k.creation.create(sessions[i]!, request(names[i]![i % names[i]!.length]!), '127.0.0.1')),
      );
      const made = await entriesForStaffId(slapd, person.id);
      if (made.length > 1) doubled += 1;
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') loserCodes.add((r.reason as { code: string }).code);
    }
    await Promise.all(kiosks.map((k) => k.close()));
    expect(doubled).toBe(0);
    expect([...loserCodes].filter((c) => c !== 'USER(-1)' && c !== 'APPLICATION_IN_PROGRESS')).toEqual([]);
  });
});

describe('a session that ends in the middle of a creation', () => {
  it('session:end 0-40 ms into a creation, 50 times: no INTERNAL, no entry with a wrong staff ID, every entry binds', async () => {
    const backend = backendOn(slapd);
    const codes: string[] = [];
    for (let i = 0; i < 50; i += 1) {
      const staffId = `z81${String(i).padStart(3, '0')}`;
      const session = await signIn(backend, { id: staffId, name_en: 'END,MID CREATION', name: '中斷' });
      const [name] = await backend.creation.candidates(session);
      const creation = codeOf(backend.creation.create(session, request(name!), '127.0.0.1'));
      await new Promise((resolve) => setTimeout(resolve, (i * 37) % 41));
      expect(await backend.dispatcher.dispatch(CHANNELS.endSession, { reason: 'cancel' }, ctx)).toMatchObject({
        ok: true,
      });
      codes.push(await creation);
      const entries = await entriesForStaffId(slapd, staffId);
      expect(entries.length).toBeLessThanOrEqual(1);
      for (const entry of entries) {
        expect(entry.sn).toBe(staffId);
        expect(await canBind(slapd, entry.dn, STRONG_PASSWORD)).toBe(true);
      }
      const outcome = backend.auditLines.filter((l) => l.action === 'create').at(-1);
      expect(outcome?.staffId).toBe(staffId);
    }
    await backend.close();
    // A creation that started finishes on what it captured: the session's end does not stop it.
    expect(codes.filter((c) => c !== 'ok')).toEqual([]);
    expect(JSON.stringify(backend.auditLines)).not.toContain('"staffId":""');
  });
});

describe('limits that hold under a burst of 30', () => {
  it('operator lockout: 30 wrong passwords at once, then the right one, get 5 tries and then the lock', async () => {
    const backend = backendOn(slapd);
    const op = FIXTURE.operators.member;
    // The same operator, spelled as a person might type it: one lockout count, one audit name.
    const burst = Array.from({ length: 30 }, (_, i) =>
      backend.dispatcher.dispatch(
        CHANNELS.operatorSignIn,
        { uid: i % 2 ? ' OPCHEN ' : op.uid, password: `wrong-${i}` },
        ctx,
      ),
    );
    const right = backend.dispatcher.dispatch(CHANNELS.operatorSignIn, { uid: op.uid, password: op.password }, ctx);
    const codes = (await Promise.all([...burst, right])).map((r) => (r.ok ? 'ok' : r.code));
    expect(codes.filter((c) => c === 'OPERATOR_DENIED')).toHaveLength(5);
    expect(codes.filter((c) => c === 'OPERATOR_LOCKED')).toHaveLength(26);
    expect(codes.at(-1)).toBe('OPERATOR_LOCKED');
    expect(new Set(backend.auditLines.filter((l) => l.action === 'operator').map((l) => l.operator))).toEqual(
      new Set(['opchen']),
    );
    await backend.close();
  });

  it('contact-code tries: 30 wrong codes at once and then the right one: 5 tries, and the address stays unconfirmed', async () => {
    const backend = withSmtp();
    const session = await signIn(backend, { id: 'z82001', name_en: 'BURST,CODES' });
    const [name] = await backend.creation.candidates(session);
    await backend.creation.create(session, request(name!), '127.0.0.1');
    const before = (await sink.messages()).length;
    await backend.contacts.register(session, 'burst.codes@example.org');
    const code = codeIn((await sink.messages())[before]!)!;
    const wrong = code === '000000' ? '111111' : '000000';
    const results = await Promise.all([
      ...Array.from({ length: 30 }, () => codeOf(backend.contacts.confirm(session, wrong))),
      codeOf(backend.contacts.confirm(session, code)),
    ]);
    expect(results.filter((c) => c === 'CONTACT_CODE_WRONG')).toHaveLength(4);
    expect(results.filter((c) => c === 'CONTACT_TOO_MANY_TRIES')).toHaveLength(27);
    expect(results.at(-1)).toBe('CONTACT_TOO_MANY_TRIES');
    const [entry] = await asAdmin(
      slapd,
      async (c) =>
        (await c.search(`uid=${name},ou=people,${slapd.baseDn}`, { scope: 'base', attributes: ['mxContactConfirmed'] }))
          .searchEntries,
    );
    expect(entry?.mxContactConfirmed ?? []).toEqual([]);
    await backend.close();
  });

  it('the hourly mail limit and the first register: 30 registers at once send 3 mails, the rest are told the limit, none INTERNAL', async () => {
    const backend = withSmtp();
    const session = await signIn(backend, { id: 'z82002', name_en: 'BURST,MAILS' });
    const [name] = await backend.creation.candidates(session);
    await backend.creation.create(session, request(name!), '127.0.0.1');
    const before = (await sink.messages()).length;
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        backend.dispatcher.dispatch(CHANNELS.registerContact, { address: `burst${i}@example.org` }, ctx),
      ),
    );
    const codes = results.map((r) => (r.ok ? 'ok' : r.code));
    expect(codes.filter((c) => c === 'ok')).toHaveLength(3);
    expect(codes.filter((c) => c === 'CONTACT_RATE_LIMITED')).toHaveLength(27);
    expect((await sink.messages()).length - before).toBe(3);
    await backend.close();
  });
});

describe('a token used once is used up, even across a restart', () => {
  it('answers DECRYPT(-3) when a kiosk restarted on the same journal sees the token again', async () => {
    const journal = join(scratch, 'used-tokens');
    const token = mint({
      id: 'z83001',
      ip: KIOSK_IP,
      timestamp: String(Math.floor(Date.now() / 1000)),
      name_en: 'REPLAY,ONCE',
    });
    const first = backendOn(slapd, { usedTokens: new UsedTokenJournal(journal, Date.now()) });
    expect(first.aisSignIn.completeHandoff(token, [KIOSK_IP]).profile.id).toBe('z83001');
    await first.close();
    const restarted = backendOn(slapd, { usedTokens: new UsedTokenJournal(journal, Date.now()) });
    expect(() => restarted.aisSignIn.completeHandoff(token, [KIOSK_IP])).toThrow(
      expect.objectContaining({ code: 'DECRYPT(-3)' }),
    );
    await restarted.close();
  });
});

describe('out of service means out of service', () => {
  it('answers OUT_OF_SERVICE on every person-facing channel and at the portal, while the helpdesk keeps working', async () => {
    // Counts how often the switch's wipe closes an AIS page (Electron's view) left open at the counter.
    let aisPagesClosed = 0;
    const backend = backendOn(slapd, {
      launcher: { launch: async () => ({ kind: 'cancelled' }), cancel: () => (aisPagesClosed += 1) > 0 },
    });
    const op = FIXTURE.operators.member;
    await signIn(backend, { id: 'z84001', name_en: 'OUT,OF SERVICE' });
    await backend.dispatcher.dispatch(CHANNELS.operatorSignIn, { uid: op.uid, password: op.password }, ctx);
    expect(aisPagesClosed).toBe(0);
    expect(await backend.dispatcher.dispatch(CHANNELS.setOutOfService, { on: true }, ctx)).toEqual({
      ok: true,
      data: { on: true },
    });
    expect(aisPagesClosed).toBe(1);
    const personFacing: Array<[string, unknown]> = [
      [CHANNELS.beginSignIn, { purpose: 'apply' }],
      [CHANNELS.currentSession, {}],
      [CHANNELS.acceptPolicy, { id: 'network-usage', version: 'v', hash: 'a'.repeat(64), language: 'zh-TW' }],
      [CHANNELS.checkAccount, {}],
      [CHANNELS.accountCandidates, {}],
      [CHANNELS.createAccount, request('someone')],
      [CHANNELS.resetPassword, { password: STRONG_PASSWORD, confirm: STRONG_PASSWORD }],
      [CHANNELS.registerContact, { address: 'x@example.org' }],
      [CHANNELS.confirmContact, { code: '123456' }],
    ];
    for (const [channel, payload] of personFacing)
      expect({ channel, ...(await backend.dispatcher.dispatch(channel, payload, ctx)) }).toEqual({
        channel,
        ok: false,
        code: 'OUT_OF_SERVICE',
      });
    const token = mint({ id: 'z84002', ip: KIOSK_IP, timestamp: String(Math.floor(Date.now() / 1000)) });
    expect(() => backend.aisSignIn.completeHandoff(token, [KIOSK_IP])).toThrow(
      expect.objectContaining({ code: 'OUT_OF_SERVICE' }),
    );
    // The person who was at the counter is gone with the switch.
    expect(backend.sessions.hasLive()).toBe(false);
    expect(await backend.dispatcher.dispatch(CHANNELS.helpdeskLookup, { query: 'z10001' }, ctx)).toMatchObject({
      ok: true,
    });
    expect(await backend.dispatcher.dispatch(CHANNELS.status, {}, ctx)).toMatchObject({
      ok: true,
      data: { outOfService: true },
    });
    expect(await backend.dispatcher.dispatch(CHANNELS.setOutOfService, { on: false }, ctx)).toEqual({
      ok: true,
      data: { on: false },
    });
    expect(await backend.dispatcher.dispatch(CHANNELS.beginSignIn, { purpose: 'apply' }, ctx)).toMatchObject({
      ok: true,
    });
    await backend.close();
  });
});
