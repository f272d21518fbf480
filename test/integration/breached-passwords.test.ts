// Breached passwords on a real slapd: a filter built from a test list (by the operator's builder)
// and named in the configuration refuses a password in it at creation and at reset with
// PASSWORD_BREACHED, writes nothing to the directory, and audits the refusal without the password
// or its hash; the meter's channel gives the same verdict. A damaged filter leaves zxcvbn alone,
// and the helpdesk's health view says so.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/contract/channels';
import type { HealthResponse } from '../../shared/contract/helpdesk-schemas';
import { FIXTURE } from '../../dev/slapd/fixture-directory';
import { startSlapd, type RunningSlapd } from '../../dev/slapd/throwaway-slapd';
import { buildBreachedFilter } from '../../electron/services/password/breached-filter-builder';
import { asAdmin, entriesForStaffId } from '../support/directory-checks';
import { backendOn, codeOf, signIn, STRONG_PASSWORD } from '../support/kiosk-people';

// zxcvbn rates it Strong: only the filter refuses it.
const BREACHED = 'Tangerine-Kettle-Drum-51';
const ctx = { clientIp: '127.0.0.1', transport: 'http' as const };

let slapd: RunningSlapd;
const dir = mkdtempSync(join(tmpdir(), 'breached-int-'));
const filter = join(dir, 'breached.mxbf');
beforeAll(async () => {
  slapd = await startSlapd();
  writeFileSync(join(dir, 'list.txt'), `123456\npassword\n${BREACHED}\nqwerty123\n`);
  await buildBreachedFilter({ from: join(dir, 'list.txt'), out: filter, falsePositiveRate: 2 ** -32 });
});
afterAll(async () => {
  await slapd?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const person = (id: string, name_en: string) => ({ id, name_en, name: '測試員' });

/** What may reveal the password: itself, its SHA-1, or the filter key (the SHA-1's first 16 hex digits). */
function leaks(text: string, password: string): string[] {
  const sha = createHash('sha1').update(password).digest('hex');
  return [password, sha, sha.slice(0, 16)].filter((secret) => text.toLowerCase().includes(secret.toLowerCase()));
}

describe('breached passwords', () => {
  it('refuses a creation with PASSWORD_BREACHED, writes nothing, and audits without the password', async () => {
    const backend = backendOn(slapd, { config: { password: { breachedFilter: filter } } });
    const session = await signIn(backend, person('z20051', 'HUANG,YI-TING'));
    const [name] = await backend.creation.candidates(session);
    const written = () =>
      asAdmin(slapd, async (c) => ({
        counter: (await c.search(`cn=uidNext,${FIXTURE.baseDn}`, { scope: 'base', attributes: ['uidNumber'] }))
          .searchEntries[0]!.uidNumber,
        claims: (await c.search(`ou=claims,${FIXTURE.baseDn}`, { filter: '(cn=z20051)', attributes: ['cn'] }))
          .searchEntries.length,
      }));
    const before = await written();
    // The meter's question gets the same verdict as Apply.
    expect(await backend.dispatcher.dispatch(CHANNELS.checkBreached, { password: BREACHED }, ctx)).toEqual({
      ok: true,
      data: { breached: true },
    });
    expect(await backend.dispatcher.dispatch(CHANNELS.checkBreached, { password: STRONG_PASSWORD }, ctx)).toEqual({
      ok: true,
      data: { breached: false },
    });
    expect(
      await codeOf(
        backend.creation.create(session, { account: name!, password: BREACHED, confirm: BREACHED }, '127.0.0.1'),
      ),
    ).toBe('PASSWORD_BREACHED');
    expect(await entriesForStaffId(slapd, 'z20051')).toEqual([]);
    expect(await written()).toEqual({ ...before, claims: 0 });
    const audit = backend.auditLines.filter((line) => line.action === 'create');
    expect(audit).toEqual([
      expect.objectContaining({ staffId: 'z20051', code: 'PASSWORD_BREACHED', result: 'refused' }),
    ]);
    expect(leaks(JSON.stringify(backend.auditLines), BREACHED)).toEqual([]);
    // Another password goes through as before.
    await backend.creation.create(
      session,
      { account: name!, password: STRONG_PASSWORD, confirm: STRONG_PASSWORD },
      '127.0.0.1',
    );
    expect(await entriesForStaffId(slapd, 'z20051')).toHaveLength(1);
    await backend.close();
  });

  it('refuses a reset with PASSWORD_BREACHED and leaves the password as it was', async () => {
    const backend = backendOn(slapd, { config: { password: { breachedFilter: filter } } });
    const session = await signIn(backend, person('z10001', 'WANG,HSIAO-MING'), 'reset');
    const stored = () =>
      asAdmin(
        slapd,
        async (c) =>
          (
            await c.search(`uid=hmwang,ou=people,${FIXTURE.baseDn}`, {
              scope: 'base',
              attributes: ['userPassword', 'modifyTimestamp'],
            })
          ).searchEntries[0],
      );
    const before = await stored();
    expect(await codeOf(backend.reset.resetPassword(session, { password: BREACHED, confirm: BREACHED }))).toBe(
      'PASSWORD_BREACHED',
    );
    expect(await stored()).toEqual(before);
    const audit = backend.auditLines.filter((line) => line.action === 'reset');
    expect(audit).toEqual([
      expect.objectContaining({ staffId: 'z10001', account: 'hmwang', code: 'PASSWORD_BREACHED', result: 'refused' }),
    ]);
    expect(leaks(JSON.stringify(backend.auditLines), BREACHED)).toEqual([]);
    await backend.close();
  });

  it('with a truncated filter, logs why once, goes on with zxcvbn alone, and the health view says so', async () => {
    const broken = join(dir, 'truncated.mxbf');
    writeFileSync(broken, '');
    const lines: Array<[string, Record<string, unknown> | undefined]> = [];
    const logger = {
      debug: () => undefined,
      info: () => undefined,
      warn: () => undefined,
      error: (message: string, fields?: Record<string, unknown>) => void lines.push([message, fields]),
    };
    const backend = backendOn(slapd, { config: { password: { breachedFilter: broken } }, logger });
    expect(lines).toEqual([
      [
        'breached-password filter unusable',
        {
          detail: `${broken}: truncated: 0 bytes, shorter than the 64-byte header; new passwords are checked by zxcvbn alone`,
        },
      ],
    ]);
    const session = await signIn(backend, person('z20052', 'LIU,CHIA-HAO'));
    const [name] = await backend.creation.candidates(session);
    await expect(
      backend.creation.create(session, { account: name!, password: BREACHED, confirm: BREACHED }, '127.0.0.1'),
    ).resolves.toMatchObject({ uid: name });
    // The helpdesk's health view says so, with the doctor's line.
    await backend.dispatcher.dispatch(
      CHANNELS.operatorSignIn,
      { uid: FIXTURE.operators.member.uid, password: FIXTURE.operators.member.password },
      ctx,
    );
    const health = (await backend.dispatcher.dispatch(CHANNELS.helpdeskHealth, {}, ctx)) as {
      ok: true;
      data: HealthResponse;
    };
    expect(health.data.checks.filter((check) => check.name === 'breached-password filter')).toEqual([
      {
        status: 'FAIL',
        name: 'breached-password filter',
        detail: `${broken}: truncated: 0 bytes, shorter than the 64-byte header; new passwords are checked by zxcvbn alone`,
      },
    ]);
    await backend.close();
  });
});
