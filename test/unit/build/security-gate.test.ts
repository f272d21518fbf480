// The Electronegativity gate must pass the real shell and fail an insecure one.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const gate = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/security-gate.mjs', ...args], { encoding: 'utf8', timeout: 120_000 });

describe('security gate (Electronegativity)', () => {
  it('passes the kiosk shell and its CSP', () => {
    const result = gate();
    expect(result.stdout).toMatch(/0 finding\(s\) of medium severity or above/);
    expect(result.status).toBe(0);
  }, 120_000);

  it('fails a shell that turns isolation and the sandbox off', () => {
    const result = gate('test/fixtures/insecure-shell', 'renderer/index.html');
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/FAIL\s+SANDBOX_JS_CHECK/);
    expect(result.stdout).toMatch(/FAIL\s+CONTEXT_ISOLATION_JS_CHECK/);
  }, 120_000);
});
