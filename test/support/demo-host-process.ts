// Runs `mx-kiosk serve --demo` as a child process and reads its ready line, the way an operator
// or a test would. Used by the CLI integration test and the E2E fixture.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface DemoReadyLine {
  url: string;
  ais: string | null;
  /** With --ais-second-window: the URL a second window opens to sign in while the kiosk page waits. */
  aisWindow: string | null;
  mailOutbox: string | null;
  ldap: { url: string; ldapsUrl: string; caFile: string; bindDn: string; password: string };
}

export interface DemoHostProcess {
  ready: DemoReadyLine;
  child: ChildProcess;
  stderr: () => string;
  /** Sends the signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export const MX_KIOSK_BIN = join(process.cwd(), 'dev', 'bin', 'mx-kiosk.mjs');

export function startDemoHost(
  extraArgs: string[] = [],
  timeoutMs = 30_000,
  nodeArgs: string[] = [],
): Promise<DemoHostProcess> {
  return startHostProcess(['--demo', ...extraArgs], {}, timeoutMs, nodeArgs);
}

/** `mx-kiosk serve --config FILE` beside a demo host (a second kiosk on its systems); env carries the secrets. */
export function startConfiguredHost(
  configPath: string,
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<DemoHostProcess> {
  return startHostProcess(['--config', configPath], env, timeoutMs);
}

/** nodeArgs go to node itself (a benchmark's preloaded probe); with them the child also gets an IPC channel. */
async function startHostProcess(
  args: string[],
  env: Record<string, string>,
  timeoutMs: number,
  nodeArgs: string[] = [],
): Promise<DemoHostProcess> {
  const stdio =
    nodeArgs.length > 0 ? (['ignore', 'pipe', 'pipe', 'ipc'] as const) : (['ignore', 'pipe', 'pipe'] as const);
  const child = spawn(process.execPath, [...nodeArgs, MX_KIOSK_BIN, 'serve', ...args], {
    stdio: [...stdio],
    env: { ...process.env, ...env },
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-20_000)));
  const lines = createInterface({ input: child.stdout! });
  const exited = once(child, 'exit');
  const ready = await Promise.race([
    once(lines, 'line').then(([line]) => JSON.parse(String(line)) as DemoReadyLine),
    exited.then(() => {
      throw new Error(`mx-kiosk serve exited before it was ready:\n${stderr}`);
    }),
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`mx-kiosk serve not ready in ${timeoutMs} ms:\n${stderr}`)), timeoutMs),
    ),
  ]);
  return {
    ready,
    child,
    stderr: () => stderr,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null) return child.exitCode;
      child.kill(signal);
      const [code] = await exited;
      return code as number | null;
    },
  };
}
