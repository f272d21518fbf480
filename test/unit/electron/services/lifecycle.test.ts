// The backend's lifecycle: disposal in reverse order of registration, after the work in flight
// (bounded), once; nothing may be registered after closing began.
import { describe, expect, it } from 'vitest';
import { Lifecycle } from '../../../../electron/services/lifecycle';
import { silentLogger } from '../../../../electron/services/logger';

describe('Lifecycle', () => {
  it('waits for the work in flight, then disposes last registered first, once', async () => {
    const life = new Lifecycle(silentLogger);
    const order: string[] = [];
    life.own('connection', 'c', () => order.push('connection'));
    life.own('timer', 't', () => order.push('timer'));
    let finish!: () => void;
    void life.track(new Promise<void>((resolve) => (finish = resolve)).then(() => order.push('work done')));
    const closing = life.close();
    const again = life.close();
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual([]);
    finish();
    await Promise.all([closing, again]);
    expect(order).toEqual(['work done', 'timer', 'connection']);
    expect(() => life.own('late', 'x', () => undefined)).toThrow(/after the backend began to close/);
  });

  it('closes anyway once the wait is over, and a disposal that throws does not stop the others', async () => {
    const life = new Lifecycle(silentLogger);
    const order: string[] = [];
    life.own('first', 1, () => order.push('first'));
    life.own('broken', 2, () => {
      throw new Error('already gone');
    });
    void life.track(new Promise(() => undefined));
    await life.close(30);
    expect(order).toEqual(['first']);
    expect(life.closed).toBe(true);
  });
});
