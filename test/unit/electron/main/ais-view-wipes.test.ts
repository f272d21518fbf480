// The AIS view never outlives its person: each of the kiosk's wipes, driven through the real
// backend and shell on the fake electron module, detaches the view, clears AIS's storage and
// settles the sign-in as cancelled. (Person A gets past the AIS login and walks away; person B
// must not find A's AIS page, or A's cookies, on the screen.)
import { afterEach, describe, expect, it } from 'vitest';
import { AIS_PARTITION, AisView } from '../../../../electron/main/ais-view';
import { startShell } from '../../../../electron/main/shell';
import type { Result } from '../../../../shared/contract/api';
import { silentLogger } from '../../../../electron/services/logger';
import { testBackend, testConfig } from '../../../support/test-config';
import { createFakeElectron, type FakeWebContents } from './fake-electron';

const IPC = { clientIp: 'local', transport: 'ipc' } as const;
const backends: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(backends.splice(0).map((b) => b.close()));
});

function counter() {
  const fake = createFakeElectron();
  const config = testConfig();
  let window: ReturnType<typeof startShell> | null = null;
  const backend = testBackend(config, {
    makeAisLauncher: (signIn) =>
      new AisView(fake.electron, () => window, {
        settings: config.ais,
        signIn,
        egress: () => ['192.0.2.10'],
        logger: silentLogger,
      }),
  });
  backends.push(backend);
  window = startShell(fake.electron, backend, silentLogger, { rendererDir: '/nonexistent', preload: '/p' });
  const kioskWindow = fake.windows[0]!;
  /** Person A opens AIS from Welcome; resolves with what the renderer would be told. */
  const signIn = () =>
    backend.dispatcher.dispatch('ais:begin', { purpose: 'reset' }, IPC) as Promise<Result<{ kind: string }>>;
  const aisView = () => fake.views.at(-1)!;
  /** The view appears once main has read the fleet switches (which fails fast here: no directory). */
  const opened = async () => {
    for (let i = 0; i < 200 && fake.views.length === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  };
  return {
    fake,
    backend,
    kioskWindow,
    signIn,
    aisView,
    opened,
    aisContents: () => aisView().webContents as FakeWebContents,
  };
}

async function expectWiped(run: ReturnType<typeof counter>, outcome: Promise<Result<{ kind: string }>>) {
  await expect(outcome).resolves.toEqual({ ok: true, data: { kind: 'cancelled' } });
  expect(run.kioskWindow.children).toHaveLength(0);
  expect(run.aisContents().closed).toBe(true);
  expect(run.fake.session(AIS_PARTITION).cleared).toBe(1);
  // Nothing is left for the next person to press Enter in.
  expect(await run.backend.dispatcher.dispatch('ais:activity', {}, IPC)).toEqual({ ok: true, data: { quietMs: null } });
}

describe('the AIS view ends with its person', () => {
  it('is open, on top of the kiosk, while the person signs in', async () => {
    const run = counter();
    void run.signIn();
    await run.opened();
    expect(run.kioskWindow.children).toEqual([run.aisView()]);
    expect(run.aisContents().loaded).toEqual(['http://127.0.0.1:9/login']);
  });

  it.each([
    [
      'the idle wipe (session:end idle)',
      (run: ReturnType<typeof counter>) => run.backend.dispatcher.dispatch('session:end', { reason: 'idle' }, IPC),
    ],
    [
      'recoverRenderer after a crash',
      (run: ReturnType<typeof counter>) =>
        run.kioskWindow.webContents.emit('render-process-gone', {}, { reason: 'crashed' }),
    ],
    [
      'recoverRenderer after a hang',
      (run: ReturnType<typeof counter>) => run.kioskWindow.webContents.emit('unresponsive'),
    ],
    [
      'out of service (the helpdesk switch’s wipe)',
      (run: ReturnType<typeof counter>) => run.backend.wipe('out-of-service'),
    ],
    [
      'shutdown (before-quit)',
      (run: ReturnType<typeof counter>) => run.fake.app.emit('before-quit', { preventDefault: () => undefined }),
    ],
    ['backend close', (run: ReturnType<typeof counter>) => void run.backend.close()],
  ])('closes at %s', async (_when, wipe) => {
    const run = counter();
    const outcome = run.signIn();
    await run.opened();
    expect(run.kioskWindow.children).toHaveLength(1);
    await wipe(run);
    await expectWiped(run, outcome);
  });
});
