// The crash-loop guard's window: three recoveries within 5 minutes, not three in a day.
import { describe, expect, it } from 'vitest';
import { CRASH_LOOP, CrashLoopGuard } from '../../../../electron/main/crash-loop';

describe('CrashLoopGuard', () => {
  it('calls the third recovery within 5 minutes a loop', () => {
    let now = 0;
    const guard = new CrashLoopGuard({ now: () => now });
    expect(guard.looping()).toBe(false);
    now += 60_000;
    expect(guard.looping()).toBe(false);
    now += 60_000;
    expect(guard.looping()).toBe(true);
  });

  it('forgets recoveries older than the window', () => {
    let now = 0;
    const guard = new CrashLoopGuard({ now: () => now });
    for (let i = 0; i < 10; i += 1) {
      expect(guard.looping()).toBe(false);
      now += CRASH_LOOP.windowMs / 2 + 1;
    }
  });
});
