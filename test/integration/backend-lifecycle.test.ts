// One lifecycle: a backend started with everything that owns a timer, a socket or a worker (the
// sweeps, the fleet beacon, its own strength worker, connections to a real slapd over ldaps), used
// for a creation and closed, gives every one of them back. Node's async hooks see each resource made
// while the backend lived (unref'd timers too, which process.getActiveResourcesInfo() leaves out)
// and each one destroyed; none may be left.
import { createHook } from 'node:async_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlapd, type RunningSlapd } from '../../dev/slapd/throwaway-slapd';
import { createWorkerStrengthRater } from '../../electron/services/password/strength-rater';
import { backendOn, signIn, STRONG_PASSWORD } from '../support/kiosk-people';

let slapd: RunningSlapd;
beforeAll(async () => {
  slapd = await startSlapd();
});
afterAll(() => slapd?.stop());

/**
 * The kinds of resource a backend could leave behind: timers, sockets, workers, child processes.
 * A TLS connection is watched by its TCP socket: TLSWRAP, the layer above it, is only reported
 * destroyed when the garbage collector frees it, long after its socket has closed.
 */
const WATCHED = new Set(['Timeout', 'TCPWRAP', 'PIPEWRAP', 'WORKER', 'PROCESSWRAP', 'FSEVENTWRAP', 'STATWATCHER']);

function watchResources() {
  const alive = new Map<number, string>();
  let own = false;
  const hook = createHook({
    init(asyncId, type) {
      if (WATCHED.has(type) && !own) alive.set(asyncId, type);
    },
    destroy(asyncId) {
      alive.delete(asyncId);
    },
  });
  hook.enable();
  return {
    alive: () => [...alive.values()].sort(),
    /** A pause of the test's own, not counted. */
    pause: (ms: number) =>
      new Promise<void>((resolve) => {
        own = true;
        setTimeout(resolve, ms);
        own = false;
      }),
    stop: () => hook.disable(),
  };
}

describe('closing a backend', () => {
  it('leaves no timer, socket, worker or child process of its own behind', async () => {
    const watch = watchResources();
    try {
      const backend = backendOn(slapd, { rater: createWorkerStrengthRater(), sweepEveryMs: 60_000, fleetBeacon: true });
      const session = await signIn(backend, { id: 'z87001', name_en: 'CLOSE,ME DOWN', name: '關閉' });
      const [name] = await backend.creation.candidates(session);
      await backend.creation.create(
        session,
        { account: name!, password: STRONG_PASSWORD, confirm: STRONG_PASSWORD },
        '127.0.0.1',
      );
      await backend.housekeeping.runRound();
      expect(watch.alive().length).toBeGreaterThan(0); // it did hold resources while it lived
      await backend.close();
      // Sockets are destroyed as their close events come in: give them a moment, no more.
      for (let i = 0; i < 100 && watch.alive().length > 0; i += 1) await watch.pause(20);
      expect(watch.alive()).toEqual([]);
    } finally {
      watch.stop();
    }
  });
});
