// The truth after a fault in the password window: a first "no" is asked again after the settle
// time (a Password Modify already in slapd may still be hashing), an outage is waited out up to the
// bound, and nothing else is swallowed.
import { describe, expect, it } from 'vitest';
import { whetherPasswordTook } from '../../../../../electron/services/accounts/password-window';
import { KioskError } from '../../../../../electron/services/kiosk-error';

/** A bind that answers from a script, one entry per call, and counts its calls. */
function scripted(...answers: Array<boolean | 'down' | 'odd'>) {
  const calls: number[] = [];
  const bind = async () => {
    const answer = answers[Math.min(calls.length, answers.length - 1)]!;
    calls.push(Date.now());
    if (answer === 'down') throw new KioskError('DIRECTORY_UNAVAILABLE', 'cut');
    if (answer === 'odd') throw new Error('not an outage');
    return answer;
  };
  return { bind, calls };
}

describe('whetherPasswordTook', () => {
  it('says set when the password lands during the settle time (the first bind came too early)', async () => {
    const { bind, calls } = scripted(false, true);
    expect(await whetherPasswordTook(bind, 'uid=a', 'pw', { boundMs: 1_000, settleMs: 30 })).toBe('set');
    expect(calls).toHaveLength(2);
  });

  it('says not-set only after two refusals, and binds no more than twice', async () => {
    const { bind, calls } = scripted(false, false, true);
    expect(await whetherPasswordTook(bind, 'uid=a', 'pw', { boundMs: 1_000, settleMs: 5 })).toBe('not-set');
    expect(calls).toHaveLength(2);
  });

  it('waits out an outage, then still asks a refusal twice', async () => {
    const { bind, calls } = scripted('down', 'down', false, false);
    expect(await whetherPasswordTook(bind, 'uid=a', 'pw', { boundMs: 2_000, settleMs: 5 })).toBe('not-set');
    expect(calls).toHaveLength(4);
  });

  it('says unknown when the directory stays away past the bound', async () => {
    const { bind } = scripted('down');
    expect(await whetherPasswordTook(bind, 'uid=a', 'pw', { boundMs: 200, settleMs: 5 })).toBe('unknown');
  });

  it('passes on anything that is not an outage', async () => {
    const { bind } = scripted('odd');
    await expect(whetherPasswordTook(bind, 'uid=a', 'pw', { boundMs: 200, settleMs: 5 })).rejects.toThrow(
      'not an outage',
    );
  });
});
