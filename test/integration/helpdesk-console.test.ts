// The helpdesk console on a real slapd: only a signed-in operator gets anything; lookup finds by
// staff ID, account or name and never returns a password hash; every action names the operator.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditFiles, chainedAuditWriter } from '../../electron/services/audit/audit-chain';
import { systemClock } from '../../electron/services/clock';
import { FIXTURE } from '../../dev/slapd/fixture-directory';
import { HMWANG_LOOKUP_ROW } from '../../renderer/src/testing/lookup-rows';
import { startSlapd, type RunningSlapd } from '../../dev/slapd/throwaway-slapd';
import { asAdmin, creatorOf } from '../support/directory-checks';
import { backendOn, createFirstOffered, signIn } from '../support/kiosk-people';
import { awaitApplicantThroughAis, signInOperator } from '../support/operator-console';

let slapd: RunningSlapd;
beforeAll(async () => {
  slapd = await startSlapd();
});
afterAll(() => slapd?.stop());

const ctx = { clientIp: '127.0.0.1', transport: 'http' as const };

describe('helpdesk console', () => {
  it('refuses everything until an operator signs in', async () => {
    const backend = backendOn(slapd);
    for (const [channel, payload] of [
      ['helpdesk:health', {}],
      ['helpdesk:fleetCheck', {}],
      ['helpdesk:lookup', { query: 'z10001' }],
      ['helpdesk:setOutOfService', { on: true }],
      ['helpdesk:confirmContact', { staffId: 'z10001', code: '123456' }],
      ['helpdesk:startAssistedReset', { staffId: 'z10001', reason: 'forgot-password' }],
    ] as const) {
      expect(await backend.dispatcher.dispatch(channel, payload, ctx)).toEqual({
        ok: false,
        code: 'OPERATOR_SESSION(0)',
      });
    }
    await backend.close();
  });

  it('looks accounts up by staff ID, account and name, without any password hash', async () => {
    const backend = backendOn(slapd);
    await signInOperator(backend);
    const byId = await backend.dispatcher.dispatch('helpdesk:lookup', { query: 'z10001' }, ctx);
    expect(byId).toEqual({ ok: true, data: { results: [HMWANG_LOOKUP_ROW], tooMany: false } });
    expect(await backend.dispatcher.dispatch('helpdesk:lookup', { query: 'cychen' }, ctx)).toMatchObject({
      ok: true,
      data: { results: [{ state: 'suspended' }] },
    });
    expect(await backend.dispatcher.dispatch('helpdesk:lookup', { query: 'lhhuang' }, ctx)).toMatchObject({
      ok: true,
      data: { results: [{ state: 'password-suspended' }] },
    });
    expect(await backend.dispatcher.dispatch('helpdesk:lookup', { query: '小明' }, ctx)).toMatchObject({
      ok: true,
      data: { results: [{ account: 'hmwang' }] },
    });
    // By English name (from the HR records): a substring, in any case.
    for (const english of ['hsiao-ming', 'WANG,HS', 'Wang']) {
      expect(await backend.dispatcher.dispatch('helpdesk:lookup', { query: english }, ctx)).toMatchObject({
        ok: true,
        data: { results: [{ account: 'hmwang', staffId: 'z10001' }] },
      });
    }
    expect(await backend.dispatcher.dispatch('helpdesk:lookup', { query: 'hsiao-mang' }, ctx)).toEqual({
      ok: true,
      data: { results: [], tooMany: false },
    });
    // An HR record without a mailbox is not an account: it must not show up.
    expect(await backend.dispatcher.dispatch('helpdesk:lookup', { query: '高淑慧' }, ctx)).toEqual({
      ok: true,
      data: { results: [], tooMany: false },
    });
    for (const hostile of ['*', '*)(uid=*', '\\']) {
      expect(await backend.dispatcher.dispatch('helpdesk:lookup', { query: hostile }, ctx)).toMatchObject({ ok: true });
    }
    const all = JSON.stringify(await backend.dispatcher.dispatch('helpdesk:lookup', { query: 'z1000' }, ctx));
    expect(all).not.toMatch(/SSHA|ARGON2|userPassword/);
    expect(backend.auditLines.filter((l) => l.action === 'operator').every((l) => l.operator === 'opchen')).toBe(true);
    await backend.close();
  });

  it('shows health with today’s counts, and switches the kiosk out of service and back', async () => {
    const backend = backendOn(slapd);
    await signInOperator(backend);
    const health = await backend.dispatcher.dispatch('helpdesk:health', {}, ctx);
    expect(health).toMatchObject({
      ok: true,
      data: {
        configPath: 'test-config',
        counts: expect.arrayContaining([{ action: 'operator', result: 'ok', count: expect.any(Number) }]),
      },
    });
    // The fleet check, on request: this kiosk's trail (none on disk here) against the whole directory.
    expect(await backend.dispatcher.dispatch('helpdesk:fleetCheck', {}, ctx)).toEqual({
      ok: true,
      data: {
        checks: [
          { status: 'OK', name: 'fleet', detail: expect.stringMatching(/^0 audited creation\(s\) all present/) },
        ],
      },
    });
    expect(backend.auditLines.at(-1)).toMatchObject({
      action: 'operator',
      operator: 'opchen',
      detail: 'fleet check: 0 finding(s)',
    });
    expect(await backend.dispatcher.dispatch('helpdesk:setOutOfService', { on: true }, ctx)).toEqual({
      ok: true,
      data: { on: true },
    });
    expect(await backend.dispatcher.dispatch('kiosk:status', {}, ctx)).toMatchObject({
      ok: true,
      data: { outOfService: true },
    });
    await backend.dispatcher.dispatch('helpdesk:setOutOfService', { on: false }, ctx);
    expect(await backend.dispatcher.dispatch('kiosk:status', {}, ctx)).toMatchObject({
      ok: true,
      data: { outOfService: false },
    });
    expect(backend.auditLines.map((l) => l.detail).filter(Boolean)).toEqual(
      expect.arrayContaining(['out-of-service on', 'out-of-service off']),
    );
    expect(await backend.dispatcher.dispatch('operator:signOut', {}, ctx)).toEqual({
      ok: true,
      data: { signedOut: true },
    });
    expect(await backend.dispatcher.dispatch('helpdesk:health', {}, ctx)).toEqual({
      ok: false,
      code: 'OPERATOR_SESSION(0)',
    });
    await backend.close();
  });

  it('keeps today’s counts across a restart: they come from today’s audit file', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'mx-counts-')), 'audit.jsonl');
    const member = FIXTURE.operators.member;
    const onFile = () =>
      backendOn(slapd, { config: { audit: { file } }, auditWriter: chainedAuditWriter(file, systemClock) });
    const countsOf = async (backend: ReturnType<typeof onFile>) => {
      const health = (await backend.dispatcher.dispatch('helpdesk:health', {}, ctx)) as {
        ok: true;
        data: { counts: Array<{ action: string; result: string; count: number }> };
      };
      return Object.fromEntries(health.data.counts.map((c) => [`${c.action}/${c.result}`, c.count]));
    };

    const first = onFile();
    await first.dispatcher.dispatch('operator:signIn', { uid: member.uid, password: 'not-the-password' }, ctx);
    await signInOperator(first);
    const before = await countsOf(first);
    await first.close(); // the kiosk restarts (or crashed: nothing is kept in memory across it)

    const second = onFile();
    await signInOperator(second);
    const after = await countsOf(second);
    // Exactly what today's file holds at that moment: the first run's lines and the second's.
    const lines = (await readFile(auditFiles(file).dailyFile(Date.now()), 'utf8'))
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { action: string; result: string });
    await second.close();
    const fromFile: Record<string, number> = {};
    for (const { action, result } of lines)
      fromFile[`${action}/${result}`] = (fromFile[`${action}/${result}`] ?? 0) + 1;
    expect(after).toEqual(fromFile);
    expect(after['operator/ok']).toBeGreaterThan(before['operator/ok']!);
    expect(Object.values(before).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(3);
  });

  it('starts an assisted reset the applicant finishes, audited with both identities', async () => {
    const backend = backendOn(slapd);
    await signInOperator(backend);
    expect(
      await backend.dispatcher.dispatch(
        'helpdesk:startAssistedReset',
        { staffId: 'z10002', reason: 'forgot-password' },
        ctx,
      ),
    ).toEqual({ ok: false, code: 'USER(-3)', account: 'cychen@mx.nthu.edu.tw' });
    expect(
      await backend.dispatcher.dispatch('helpdesk:startAssistedReset', { staffId: 'z99999', reason: 'other' }, ctx),
    ).toEqual({ ok: false, code: 'USER(-2)' });
    expect(
      await backend.dispatcher.dispatch(
        'helpdesk:startAssistedReset',
        { staffId: 'Z10001', reason: 'ais-unavailable' },
        ctx,
      ),
    ).toEqual({ ok: true, data: { account: 'hmwang@mx.nthu.edu.tw' } });
    expect(await backend.dispatcher.dispatch('session:current', {}, ctx)).toMatchObject({
      ok: true,
      data: { purpose: 'reset', profile: { id: 'z10001', name: '王小明', from: 'helpdesk' } },
    });
    const password = 'Zx8$uYt!6qWe#3rP';
    expect(await backend.dispatcher.dispatch('account:resetPassword', { password, confirm: password }, ctx)).toEqual({
      ok: true,
      data: { address: 'hmwang@mx.nthu.edu.tw' },
    });
    expect(
      backend.auditLines.filter((l) => l.action === 'reset' && l.result === 'ok').map((l) => [l.staffId, l.operator]),
    ).toEqual([
      ['z10001', 'opchen (ais-unavailable)'],
      ['z10001', 'opchen (ais-unavailable)'],
    ]);
    expect(JSON.stringify(backend.auditLines)).not.toContain(password);
    await backend.close();
  });

  it('starts an application without AIS from the HR records, and the operator is the entry’s creator', async () => {
    const backend = backendOn(slapd);
    const op = FIXTURE.operators.member;
    await signInOperator(backend);
    const start = (staffId: string, password: string = op.password) =>
      backend.dispatcher.dispatch(
        'helpdesk:startAssistedApplication',
        { staffId, reason: 'ais-unavailable', password },
        ctx,
      );
    expect(await start('z10030', 'wrong')).toMatchObject({ ok: false, code: 'OPERATOR_DENIED' });
    expect(await start('z10031')).toMatchObject({ ok: false, code: 'USER(-4)' });
    // Not the reset's "no mailbox": the HR records lack the ID, and the console must say so.
    expect(await start('z10039')).toMatchObject({ ok: false, code: 'NO_HR_RECORD' });
    expect(await start('z10030')).toEqual({ ok: true, data: { name: '高淑慧' } });
    expect(await backend.dispatcher.dispatch('session:current', {}, ctx)).toMatchObject({
      ok: true,
      data: {
        purpose: 'apply',
        profile: { id: 'z10030', nameEn: 'KAO,SHU-HUI', from: 'helpdesk', condition: '一般' },
        nameUsable: true,
        assistedBy: 'opchen',
      },
    });

    for (const id of ['network-usage', 'email-terms'] as const) {
      const { version, hash } = backend.policies.get(id, 'zh-TW');
      await backend.dispatcher.dispatch('policy:accept', { id, version, hash, language: 'zh-TW' }, ctx);
    }
    const names = await backend.dispatcher.dispatch('account:candidates', {}, ctx);
    expect(names).toMatchObject({ ok: true, data: { candidates: expect.arrayContaining(['shkao']) } });
    const password = 'Lk9#mQ2$wE7!rT4v';
    expect(
      await backend.dispatcher.dispatch('account:create', { account: 'shkao', password, confirm: password }, ctx),
    ).toMatchObject({ ok: true, data: { address: 'shkao@mx.nthu.edu.tw' } });

    const [entry] = await asAdmin(
      slapd,
      async (c) =>
        (
          await c.search(`uid=shkao,ou=people,${slapd.baseDn}`, {
            scope: 'base',
            attributes: ['creatorsName', 'sn', 'cn'],
          })
        ).searchEntries,
    );
    expect(entry).toMatchObject({
      creatorsName: `uid=${op.uid},ou=operators,${slapd.baseDn}`,
      sn: 'z10030',
      cn: '高淑慧',
    });
    expect(backend.auditLines.find((l) => l.action === 'create' && l.result === 'ok')).toMatchObject({
      staffId: 'z10030',
      account: 'shkao',
      operator: 'opchen (ais-unavailable)',
    });
    expect(JSON.stringify(backend.auditLines)).not.toContain(password);
    expect(JSON.stringify(backend.auditLines)).not.toContain(op.password);
    await backend.dispatcher.dispatch('session:end', { reason: 'finish' }, ctx);
    await backend.close();
  });

  it('marks the applicant’s own AIS sign-in as assisted, within 10 minutes, with the operator as creator', async () => {
    const clock = {
      t: Date.now(),
      now() {
        return this.t;
      },
    };
    const backend = backendOn(slapd, { clock });
    const op = FIXTURE.operators.member;
    await signInOperator(backend);
    expect(
      await backend.dispatcher.dispatch(
        'helpdesk:expectAssistedApplication',
        { staffId: 'z10032', reason: 'cannot-use-kiosk', password: 'wrong' },
        ctx,
      ),
    ).toMatchObject({ ok: false, code: 'OPERATOR_DENIED' });
    // The counter is told whom it waits for, for whom, and until when.
    expect(
      await backend.dispatcher.dispatch(
        'helpdesk:expectAssistedApplication',
        { staffId: ' Z10032', reason: 'cannot-use-kiosk', password: op.password },
        ctx,
      ),
    ).toEqual({
      ok: true,
      data: {
        waiting: true,
        staffId: 'z10032',
        operator: 'opchen',
        until: new Date(clock.t + 10 * 60_000).toISOString(),
      },
    });
    await backend.dispatcher.dispatch('operator:signOut', {}, ctx);

    const session = await signIn(backend, { id: 'z10032', name_en: 'WEI,CHUN', name: '魏群' }, 'apply', clock.t);
    expect(session.assistedBy).toEqual({ operator: 'opchen', reason: 'cannot-use-kiosk' });
    const { uid } = await createFirstOffered(backend, session);
    expect(await creatorOf(slapd, uid)).toBe(`uid=${op.uid},ou=operators,${slapd.baseDn}`);
    expect(backend.auditLines.find((l) => l.action === 'create' && l.result === 'ok')).toMatchObject({
      staffId: 'z10032',
      operator: 'opchen (cannot-use-kiosk)',
    });

    // An assist nobody used within 10 minutes does not carry over to the next person.
    await awaitApplicantThroughAis(backend, 'z10033', 'other');
    clock.t += 10 * 60_000 + 1;
    const later = await signIn(backend, { id: 'z10033', name_en: 'YU,TING', name: '余婷' }, 'apply', clock.t);
    expect(later.assistedBy).toBeUndefined();
    await backend.close();
  });
});
