// Runs `mx-kiosk serve` with a given config file and environment, for specs that need a kiosk
// whose external systems are down.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { MX_KIOSK_BIN } from './demo-host-process';

export async function startConfiguredHost(configPath: string, env: Record<string, string>) {
  const child = spawn(process.execPath, [MX_KIOSK_BIN, 'serve', '--config', configPath], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = once(child, 'exit');
  const line = await Promise.race([
    once(createInterface({ input: child.stdout! }), 'line').then(([l]) => String(l)),
    exited.then(() => {
      throw new Error(`host exited: ${stderr}`);
    }),
  ]);
  return {
    url: (JSON.parse(line) as { url: string }).url,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
