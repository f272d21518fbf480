// The main process's first decision, driven through the fake electron module: an operator
// command runs, prints and exits without a window or the single-instance lock; anything else
// starts the kiosk once, after 'ready'.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launch, type LaunchOptions, type TextSink } from '../../../../electron/main/launch';
import { chainedAuditWriter } from '../../../../electron/services/audit/audit-chain';
import { AuditLog } from '../../../../electron/services/audit/audit-log';
import { mint, T0 } from '../../../support/ais-tokens';
import { TEST_SECRETS, testConfigFile } from '../../../support/test-config';
import { installedHost } from '../ops/operator-host';
import { createFakeElectron } from './fake-electron';

const BINARY = '/opt/mx-kiosk/mx-kiosk';

/** A stream that keeps what was written and, while held, delays each write's completion. */
class RecordingSink implements TextSink {
  text = '';
  held: Array<() => void> | null = null;
  write(text: string, done?: (error?: Error | null) => void): boolean {
    this.text += text;
    if (done && this.held) this.held.push(() => done());
    else done?.();
    return true;
  }
  release(): void {
    const pending = this.held ?? [];
    this.held = null;
    for (const done of pending) done();
  }
}

function start(argv: string[], env: Record<string, string | undefined> = {}) {
  const fake = createFakeElectron();
  const stdout = new RecordingSink();
  const stderr = new RecordingSink();
  const started: number[] = [];
  const refusals: string[][] = [];
  const options: LaunchOptions = {
    argv: [BINARY, ...argv],
    defaultApp: false,
    operatorHost: installedHost(env),
    stdout,
    stderr,
    now: () => (T0 + 10) * 1000,
    startKiosk: () => started.push(1),
    refuseToServe: (refused) => refusals.push(refused),
  };
  return { fake, stdout, stderr, started, refusals, options, result: () => launch(fake.electron, options) };
}

async function configFile(): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'mx-launch-')), 'config.yaml');
  await writeFile(path, JSON.stringify(testConfigFile()));
  return path;
}

describe('launch: operator commands', () => {
  it("answers `mx-kiosk --doctor --config F` with the doctor's lines and its exit code, and opens nothing", async () => {
    const run = start(['--doctor', '--config', '/nonexistent/config.yaml']);
    expect(await run.result()).toBe(1);
    expect(run.stdout.text).toBe(
      'FAIL  config  /nonexistent/config.yaml: cannot read configuration file /nonexistent/config.yaml\ndoctor: 1 check(s) failed\n',
    );
    expect(run.fake.exits).toEqual([1]);
    expect(run.fake.windows).toEqual([]);
    expect(run.fake.lifecycle.lockRequests).toBe(0);
    expect(run.fake.privileged).toEqual([]);
    run.fake.ready();
    await new Promise((resolve) => setImmediate(resolve));
    expect(run.started).toEqual([]);
  });

  it('runs the doctor in the development layout too (electron APP --doctor)', async () => {
    const run = start([]);
    run.options.argv = [
      '/work/node_modules/electron/dist/electron',
      '/work/mx-kiosk',
      '--doctor',
      '--config',
      '/nonexistent/config.yaml',
    ];
    run.options.defaultApp = true;
    expect(await run.result()).toBe(1);
    expect(run.stdout.text).toMatch(/^FAIL {2}config {2}\/nonexistent\/config\.yaml/);
  });

  it('starts Chromium headless on Linux, since an operator on SSH has no display', async () => {
    const run = start(['--doctor', '--config', '/nonexistent/config.yaml']);
    run.fake.switches.set('ozone-platform', 'x11');
    const code = run.result();
    expect(run.fake.switches.get('ozone-platform')).toBe('headless');
    await code;
  });

  it('exits only after both streams have written everything', async () => {
    const run = start(['--doctor', '--config', '/nonexistent/config.yaml']);
    run.stdout.held = [];
    const code = run.result();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(run.stdout.text).toContain('FAIL  config');
    expect(run.fake.exits).toEqual([]);
    run.stdout.release();
    expect(await code).toBe(1);
    expect(run.fake.exits).toEqual([1]);
  });

  it('answers --audit-verify PATH with OK and exit 0', async () => {
    const base = join(await mkdtemp(join(tmpdir(), 'mx-launch-audit-')), 'audit.jsonl');
    const clock = { now: () => Date.UTC(2026, 10, 20) };
    await new AuditLog(chainedAuditWriter(base, clock), clock, 'counter-1').record({ action: 'create', result: 'ok' });
    const run = start(['--audit-verify', base]);
    expect(await run.result()).toBe(0);
    expect(run.stdout.text).toBe('OK  1 lines in 1 file(s), chain intact\n');
    expect(run.fake.exits).toEqual([0]);
  });

  it('answers --ais-verify with the configured key: JSON and 0, or the code and 1', async () => {
    const ok = start(['--ais-verify', '--data', mint(), '--ip', '192.0.2.10'], {
      ...TEST_SECRETS,
      KIOSK_CONFIG: await configFile(),
    });
    expect(await ok.result()).toBe(0);
    expect(JSON.parse(ok.stdout.text)).toMatchObject({ id: 'z10001', role: 'staff' });
    const refused = start(['--ais-verify', '--data', mint(), '--ip', '198.51.100.1'], {
      ...TEST_SECRETS,
      KIOSK_CONFIG: await configFile(),
    });
    expect(await refused.result()).toBe(1);
    expect(refused.stdout.text).toBe('SESSION(-2)\n');
    expect(refused.fake.exits).toEqual([1]);
  });

  it.each([
    [['--doctor', '--bogus']],
    [['--doctor', '--demo']],
    [['--audit-verify']],
    [['--ais-verify', '--ip', '192.0.2.10']],
  ])('prints the installed usage and exits 2 for %j', async (argv) => {
    const run = start(argv);
    expect(await run.result()).toBe(2);
    expect(run.stderr.text).toMatch(new RegExp(`^mx-kiosk ${argv[0]}: .+\\n\\nusage: mx-kiosk \\[--config FILE\\]`));
    expect(run.stderr.text).toContain('mx-kiosk --doctor [--config FILE]');
    expect(run.stdout.text).toBe('');
    expect(run.fake.exits).toEqual([2]);
  });
});

describe('launch: the kiosk', () => {
  it('takes the single-instance lock, registers app://, and starts once ready', async () => {
    const run = start(['--config', '/etc/mx-kiosk/config.yaml']);
    expect(run.result()).toBe('kiosk');
    expect(run.fake.lifecycle.lockRequests).toBe(1);
    expect(run.fake.privileged).toMatchObject([{ scheme: 'app' }]);
    expect(run.started).toEqual([]);
    run.fake.ready();
    await new Promise((resolve) => setImmediate(resolve));
    expect(run.started).toEqual([1]);
    expect(run.fake.exits).toEqual([]);
    expect(run.fake.switches.has('ozone-platform')).toBe(false);
  });

  it('quits without starting when another kiosk holds the lock', async () => {
    const run = start([]);
    run.fake.lifecycle.lockGranted = false;
    expect(run.result()).toBe('kiosk');
    expect(run.fake.lifecycle.quits).toBe(1);
    run.fake.ready();
    await new Promise((resolve) => setImmediate(resolve));
    expect(run.started).toEqual([]);
  });
});

describe('launch: print-config', () => {
  it('answers `mx-kiosk --print-config --config F` with the effective configuration and no secret value', async () => {
    const run = start(['--print-config', '--config', await configFile()], TEST_SECRETS);
    await expect(run.result()).resolves.toBe(0);
    expect(run.stdout.text).toContain('kioskId: test-counter');
    expect(run.stdout.text).toContain('env: TEST_AIS_KEY');
    expect(run.stdout.text).not.toContain(TEST_SECRETS.TEST_AIS_KEY);
    expect(run.fake.windows).toHaveLength(0);
  });
});

describe('launch: a counter build refuses debugging switches', () => {
  const ready = async (run: ReturnType<typeof start>) => {
    run.fake.ready();
    await new Promise((resolve) => setImmediate(resolve));
  };

  it.each([
    [['--remote-debugging-port=9222'], ['--remote-debugging-port']],
    [['--remote-debugging-pipe'], ['--remote-debugging-pipe']],
    [['-remote-debugging-port=9222'], ['-remote-debugging-port']],
    [['--inspect=9229'], ['--inspect']],
    [['--inspect-brk'], ['--inspect-brk']],
    [['--js-flags=--allow-natives-syntax'], ['--js-flags']],
    [['--no-sandbox'], ['--no-sandbox']],
    [['--config', '/etc/mx-kiosk/config.yaml', '--disable-web-security'], ['--disable-web-security']],
  ])('%j: out of service, with no configuration read', async (argv, refused) => {
    const run = start(argv);
    expect(run.result()).toBe('kiosk');
    await ready(run);
    expect(run.refusals).toEqual([refused]);
    expect(run.started).toEqual([]);
  });

  it.each([
    [[]],
    [['--config', '/etc/mx-kiosk/config.yaml']],
    [['--config=/etc/mx-kiosk/config.yaml']],
    [['--', '--remote-debugging-port=1']],
  ])('starts the kiosk with %j', async (argv) => {
    const run = start(argv);
    run.result();
    await ready(run);
    expect(run.refusals).toEqual([]);
    expect(run.started).toEqual([1]);
  });

  it('also removes the refused switch from Chromium’s command line, so its debugging server never opens', async () => {
    const run = start(['--remote-debugging-port=9222']);
    run.fake.switches.set('remote-debugging-port', '9222');
    run.result();
    expect(run.fake.switches.has('remote-debugging-port')).toBe(false);
  });

  it('lets a development build (not packaged) take any switch', async () => {
    const run = start(['--remote-debugging-port=9222']);
    run.fake.app.isPackaged = false;
    run.result();
    await ready(run);
    expect(run.started).toEqual([1]);
  });

  it('refuses an operator command after a debugging switch, with exit 2', async () => {
    const run = start(['--remote-debugging-port=9222', '--doctor']);
    await expect(run.result()).resolves.toBe(2);
    expect(run.fake.exits).toEqual([2]);
    expect(run.stderr.text).toContain('--remote-debugging-port');
  });
});
