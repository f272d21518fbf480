// The one kiosk session: lifetime, idle backstop, one at a time, and a wipe on every end.
import { describe, expect, it } from 'vitest';
import type { VerifiedHandoff } from '../../../../../electron/services/ais/handoff-verifier';
import { type KioskError } from '../../../../../electron/services/kiosk-error';
import { KioskSessions, type SessionEndReason } from '../../../../../electron/services/session/kiosk-session';

const handoff: VerifiedHandoff = {
  id: 'z10001',
  name: '王小明',
  nameEn: 'WANG,HSIAO-MING',
  ip: '192.0.2.10',
  timestamp: 0,
  language: 'zh-TW',
  condition: '一般',
  role: 'staff',
};

function setup() {
  const clock = {
    t: 1_000_000,
    now() {
      return this.t;
    },
  };
  const ended: Array<[SessionEndReason, string]> = [];
  const sessions = new KioskSessions(clock, { maxSeconds: 1200, idleSeconds: 300 }, (reason, id) =>
    ended.push([reason, id]),
  );
  return { clock, sessions, ended };
}

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return (error as KioskError).code;
  }
};

describe('KioskSessions', () => {
  it('answers SESSION(0) when nobody is signed in', () => {
    expect(codeOf(() => setup().sessions.require())).toBe('SESSION(0)');
  });

  it('holds the profile card fields from the handoff', () => {
    const { sessions, clock } = setup();
    const session = sessions.start(handoff, 'apply');
    expect(session.profile).toEqual({
      id: 'z10001',
      name: '王小明',
      nameEn: 'WANG,HSIAO-MING',
      from: 'AIS',
      loginTime: new Date(clock.t).toISOString(),
      language: 'zh-TW',
      condition: '一般',
      role: 'staff',
    });
    expect(sessions.require().purpose).toBe('apply');
  });

  it('lives at most 20 minutes however active it is, then SESSION(-1)', () => {
    const { sessions, clock, ended } = setup();
    sessions.start(handoff, 'apply');
    for (let minute = 1; minute < 20; minute += 1) {
      clock.t += 60_000;
      expect(codeOf(() => sessions.require())).toBe('ok');
    }
    clock.t += 59_999;
    expect(codeOf(() => sessions.require())).toBe('ok');
    clock.t += 1;
    expect(codeOf(() => sessions.require())).toBe('SESSION(-1)');
    expect(codeOf(() => sessions.require())).toBe('SESSION(0)');
    expect(ended).toEqual([['expired', 'z10001']]);
  });

  it('expires after the idle backstop without activity', () => {
    const { sessions, clock } = setup();
    sessions.start(handoff, 'reset');
    clock.t += 299_999;
    expect(codeOf(() => sessions.require())).toBe('ok');
    clock.t += 300_000;
    expect(codeOf(() => sessions.require())).toBe('SESSION(-1)');
  });

  it('keeps one live session: a new sign-in ends the previous one', () => {
    const { sessions, ended } = setup();
    sessions.start(handoff, 'apply');
    sessions.start({ ...handoff, id: 'z10003' }, 'reset');
    expect(sessions.require().profile.id).toBe('z10003');
    expect(ended).toEqual([['replaced', 'z10001']]);
  });

  it('wipes what it held when it ends, even through references kept elsewhere', () => {
    const { sessions } = setup();
    const session = sessions.start(handoff, 'apply');
    session.holdings.offeredNames = ['hmwang'];
    session.holdings.consents.set('network-usage', {
      id: 'network-usage',
      version: '1',
      hash: 'a'.repeat(64),
      language: 'zh-TW',
    });
    session.holdings.contactAtCounter = { dn: 'uid=x', sentAt: 1, tries: 0 };
    const consents = session.holdings.consents;
    expect(sessions.end('cancel')).toBe(true);
    expect(session.profile).toMatchObject({ id: '', name: '', nameEn: '', condition: '' });
    expect(session.holdings).toEqual({
      offeredNames: [],
      consents: new Map(),
      creation: null,
      creator: null,
      contactAtCounter: null,
    });
    expect(session.holdings.consents).not.toBe(consents);
    expect(session.live).toBe(false);
    expect(sessions.end('cancel')).toBe(false);
    expect(sessions.hasLive()).toBe(false);
  });

  it("closes an assisted session's operator connection only after its tracked work has settled", async () => {
    const { sessions } = setup();
    const session = sessions.start(handoff, 'apply');
    let closed = 0;
    session.holdings.creator = { close: async () => void (closed += 1) } as never;
    let finish: () => void = () => undefined;
    void sessions.track(session, new Promise<void>((resolve) => (finish = resolve)));
    sessions.end('idle');
    await new Promise((r) => setTimeout(r, 10));
    expect(closed).toBe(0);
    finish();
    await new Promise((r) => setTimeout(r, 10));
    expect(closed).toBe(1);
  });
});
