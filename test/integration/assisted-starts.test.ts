// An assisted application through AIS belongs to one applicant and one wait: only the named staff
// ID's own sign-in is assisted, anyone else's discards it, and the helpdesk coming back to the
// console (signing in, then out) cancels a wait nobody used. So the operator's bind can never
// write an unrelated person's account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from '../../dev/slapd/fixture-directory';
import { startSlapd, type RunningSlapd } from '../../dev/slapd/throwaway-slapd';
import { CHANNELS } from '../../shared/contract/channels';
import { asAdmin, creatorOf } from '../support/directory-checks';
import { backendOn, createFirstOffered, signIn, type Backend } from '../support/kiosk-people';
import { awaitApplicantThroughAis, signInOperator } from '../support/operator-console';

let slapd: RunningSlapd;
beforeAll(async () => {
  slapd = await startSlapd();
});
afterAll(() => slapd?.stop());

const ctx = { clientIp: '127.0.0.1', transport: 'http' as const };
const op = FIXTURE.operators.member;

async function expectFor(backend: Backend, staffId: string) {
  expect(await awaitApplicantThroughAis(backend, staffId)).toMatchObject({
    ok: true,
    data: { waiting: true, staffId },
  });
  // The hand-over signed the operator out: the console is not reachable behind the applicant.
  expect(await backend.dispatcher.dispatch(CHANNELS.helpdeskHealth, {}, ctx)).toEqual({
    ok: false,
    code: 'OPERATOR_SESSION(0)',
  });
}

describe('assisted starts end with their operator', () => {
  it('assists only the named applicant: someone else signing in meanwhile is not assisted and ends the wait', async () => {
    const backend = backendOn(slapd);
    await expectFor(backend, 'z85001');
    const stranger = await signIn(backend, { id: 'z85002', name_en: 'STRANGER,SOME ONE' });
    expect(stranger.assistedBy).toBeUndefined();
    const { uid } = await createFirstOffered(backend, stranger);
    expect(await creatorOf(slapd, uid)).toBe(slapd.serviceDn);
    expect((await signIn(backend, { id: 'z85001', name_en: 'LATE,APPLICANT' })).assistedBy).toBeUndefined();
    await backend.close();
  });

  it('cancels a wait nobody used when the helpdesk signs in and out again', async () => {
    const backend = backendOn(slapd);
    await expectFor(backend, 'z85003');
    await signInOperator(backend);
    await backend.dispatcher.dispatch(CHANNELS.operatorSignOut, {}, ctx);
    expect((await signIn(backend, { id: 'z85003', name_en: 'AFTER,THE WAIT' })).assistedBy).toBeUndefined();
    expect(
      backend.auditLines.some(
        (l) => l.action === 'operator' && String(l.detail).includes('pending assisted application cancelled'),
      ),
    ).toBe(true);
    await backend.close();
  });
});

describe('the helpdesk lookup shows how far a creation got', () => {
  it('names an entry without a password as being made, and a finished one as complete', async () => {
    const backend = backendOn(slapd);
    await asAdmin(slapd, (c) =>
      c.add(`uid=stagehalf,ou=people,${slapd.baseDn}`, {
        objectClass: ['inetOrgPerson', 'posixAccount'],
        uid: 'stagehalf',
        cn: 'stagehalf',
        sn: 'z85010',
        uidNumber: '58010',
        gidNumber: '100',
        homeDirectory: '/mx/u/st/stagehalf',
        description: `create(${Math.floor(Date.now() / 1000)},127.0.0.1);`,
      }),
    );
    await signInOperator(backend);
    expect(await backend.dispatcher.dispatch(CHANNELS.helpdeskLookup, { query: 'z85010' }, ctx)).toMatchObject({
      ok: true,
      data: { results: [{ account: 'stagehalf', stage: 'added' }] },
    });
    expect(await backend.dispatcher.dispatch(CHANNELS.helpdeskLookup, { query: 'z10001' }, ctx)).toMatchObject({
      ok: true,
      data: { results: [{ account: 'hmwang', stage: 'complete' }] },
    });
    await backend.close();
  });
});

describe('an assisted start checks the operator password through the sign-in door', () => {
  it('locks the operator out after 30 wrong passwords fired in one tick, and audits every one', async () => {
    const backend = backendOn(slapd);
    await signInOperator(backend);
    const tries = Array.from({ length: 30 }, (_, i) =>
      i % 2 === 0
        ? backend.dispatcher.dispatch(
            CHANNELS.startAssistedApplication,
            { staffId: 'z10030', reason: 'ais-unavailable', password: `wrong-${i}` },
            ctx,
          )
        : backend.dispatcher.dispatch(
            CHANNELS.expectAssistedApplication,
            { staffId: 'z85020', reason: 'cannot-use-kiosk', password: `wrong-${i}` },
            ctx,
          ),
    );
    const codes = (await Promise.all(tries)).map((r) => (r.ok ? 'ok' : r.code));
    // Five failures lock it (lockoutFailures), the other 25 find it locked.
    expect(codes.filter((c) => c === 'OPERATOR_DENIED')).toHaveLength(5);
    expect(codes.filter((c) => c === 'OPERATOR_LOCKED')).toHaveLength(25);
    const refused = backend.auditLines.filter(
      (l) =>
        l.action === 'operator' &&
        l.result === 'refused' &&
        l.operator === op.uid &&
        /assisted application/.test(String(l.detail)),
    );
    expect(refused.map((l) => l.code).sort()).toEqual([...codes].sort());
    expect(
      backend.auditLines.filter(
        (l) => l.code === 'OPERATOR_LOCKED' && /locked on this kiosk for 5 min after 5 failures/.test(String(l.detail)),
      ),
    ).toHaveLength(1);
    // Locked means locked: the right password does not start anything, nor sign anyone in.
    expect(
      await backend.dispatcher.dispatch(
        CHANNELS.startAssistedApplication,
        { staffId: 'z10030', reason: 'ais-unavailable', password: op.password },
        ctx,
      ),
    ).toEqual({ ok: false, code: 'OPERATOR_LOCKED' });
    expect(
      await backend.dispatcher.dispatch(
        CHANNELS.operatorSignIn,
        { uid: op.uid.toUpperCase(), password: op.password },
        ctx,
      ),
    ).toEqual({ ok: false, code: 'OPERATOR_LOCKED' });
    expect(JSON.stringify(backend.auditLines)).not.toMatch(/wrong-\d|Operator-Passw0rd/);
    await backend.close();
  });
});
