// `npm start`: the kiosk's demo. Installs what the demo needs (as root), builds, then runs the
// kiosk in Electron with the demo profile; where no Electron binary can be had (this network
// cannot download it), says so in one line and serves the same kiosk to a browser instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'dev', 'bin', 'mx-kiosk.mjs');

function mustRun(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** The Electron binary, as the electron package would find it, without triggering its download. */
function electronBinary() {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const candidate = process.env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative)
    : join(pkg, 'dist', relative);
  return existsSync(candidate) ? candidate : null;
}

function obtainElectron() {
  const found = electronBinary();
  if (found) return found;
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return null;
  // Electron 42+ fetches its binary on first use; try once, quietly (it fails at once offline).
  spawnSync(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], {
    cwd: root,
    stdio: 'ignore',
    timeout: 180_000,
  });
  return electronBinary();
}

mustRun('bash', [join(root, 'scripts', 'system-deps.sh'), 'demo']);
mustRun(join(root, 'node_modules', '.bin', 'electron-vite'), ['build']);

const electron = obtainElectron();
if (electron) {
  const child = spawn(process.execPath, [cli, 'electron-demo', '--electron', electron], {
    cwd: root,
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.once('exit', (code) => process.exit(code ?? 1));
} else {
  console.log(
    'Electron runtime unavailable here (its binary cannot be downloaded on this network): serving the kiosk to a browser instead.',
  );
  const child = spawn(process.execPath, [cli, 'serve', '--demo', ...process.argv.slice(2)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  createInterface({ input: child.stdout }).once('line', (line) => {
    console.log(line);
    const { url } = JSON.parse(line);
    console.log(`Kiosk ready: open ${url} in Chromium (Ctrl+C stops the kiosk and its demo directory).`);
  });
  child.once('exit', (code) => process.exit(code ?? 1));
}
