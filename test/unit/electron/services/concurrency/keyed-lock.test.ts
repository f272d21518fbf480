// The keyed lock every limit uses: work for one key runs one at a time in arrival order, even when
// fired in the same tick, and other keys are not held up; a failure does not block the queue.
import { describe, expect, it } from 'vitest';
import { KeyedLock } from '../../../../../electron/services/concurrency/keyed-lock';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('KeyedLock', () => {
  it('serialises a same-tick burst for one key, so a check-await-count never interleaves', async () => {
    const lock = new KeyedLock();
    let tries = 0;
    const limit = 5;
    const attempt = () =>
      lock.run('operator', async () => {
        if (tries >= limit) return 'locked';
        await tick();
        tries += 1;
        return 'tried';
      });
    const results = await Promise.all(Array.from({ length: 30 }, attempt));
    expect(results.filter((r) => r === 'tried')).toHaveLength(limit);
    expect(results.slice(limit).every((r) => r === 'locked')).toBe(true);
    expect(lock.size).toBe(0);
  });

  it('lets other keys run meanwhile, and goes on after a failure', async () => {
    const lock = new KeyedLock();
    const order: string[] = [];
    let release: () => void = () => undefined;
    const slow = lock.run('a', () =>
      new Promise<void>((resolve) => (release = resolve)).then(() => void order.push('a1')),
    );
    const failing = lock.run('a', async () => {
      order.push('a2');
      throw new Error('boom');
    });
    await lock.run('b', async () => void order.push('b1'));
    expect(order).toEqual(['b1']);
    release();
    await slow;
    await expect(failing).rejects.toThrow('boom');
    await lock.run('a', async () => void order.push('a3'));
    expect(order).toEqual(['b1', 'a1', 'a2', 'a3']);
  });
});
