// `mx-kiosk doctor` against the demo's real systems, and against a configuration whose systems are down.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKOUT_HOST } from '../../dev/cli/checkout-host';
import { doctorSubcommand } from '../../dev/cli/operator-commands';

async function doctor(argv: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const code = await doctorSubcommand(argv, { out: (l) => out.push(l), err: (l) => out.push(l), now: () => Date.now() }, { ...CHECKOUT_HOST, env });
  return { code, out };
}

describe('mx-kiosk doctor', () => {
  it('passes every check against the demo profile', async () => {
    const { code, out } = await doctor(['--demo']);
    expect(out.filter((l) => l.startsWith('FAIL'))).toEqual([]);
    expect(out.some((l) => /^OK\s+ldap .* bind\s+bound as cn=kiosk/.test(l))).toBe(true);
    expect(out.some((l) => /^OK\s+ldap .* uid counter/.test(l))).toBe(true);
    expect(out.some((l) => /^OK\s+mail store getquota/.test(l))).toBe(true);
    expect(out.some((l) => /^OK\s+smtp\s+127\.0\.0\.1:\d+ \(none\) accepts the kiosk/.test(l))).toBe(true);
    expect(out.filter((l) => /^OK\s+policy /.test(l))).toHaveLength(4);
    expect(out.at(-1)).toBe('doctor: all checks passed');
    expect(code).toBe(0);
  }, 30_000);

  it('names each failing part and exits 1, without printing a secret', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mx-doctor-'));
    const config = join(dir, 'config.yaml');
    await writeFile(
      config,
      `kioskId: broken
directory: { urls: ["ldaps://127.0.0.1:1"], bindDn: "cn=kiosk", bindPassword: { env: DOC_PW }, baseDn: "dc=x", connectTimeoutMs: 500 }
ais: { key: { env: DOC_KEY }, loginUrl: "http://127.0.0.1:9/" }
mailbox: { mode: campus, campus: { host: "127.0.0.1", mkhomedirPort: 1, setquotaPort: 1, getquotaPort: 1, timeoutMs: 500 } }
smtp: { host: "127.0.0.1", port: 1, security: starttls, from: "k <n@x.org>", timeoutMs: 1000 }
audit: { file: "${join(dir, 'audit.jsonl')}" }
`,
    );
    const { code, out } = await doctor(['--config', config], { DOC_PW: 'pw-must-not-show', DOC_KEY: 'cd'.repeat(32) });
    expect(code).toBe(1);
    expect(out.some((l) => /^FAIL\s+ldap ldaps:\/\/127\.0\.0\.1:1\s+connect ECONNREFUSED/.test(l))).toBe(true);
    expect(out.some((l) => /^FAIL\s+ais login page/.test(l))).toBe(true);
    expect(out.filter((l) => /^FAIL\s+mail store/.test(l))).toHaveLength(3);
    expect(out.some((l) => /^FAIL\s+smtp\s+127\.0\.0\.1:1/.test(l))).toBe(true);
    expect(out.join('\n')).not.toContain('pw-must-not-show');
    expect(out.join('\n')).not.toContain('cd'.repeat(32));
  });

  it('with --fleet, reconciles the audit trails with the directory and names an account the directory lost', async () => {
    const clean = await doctor(['--demo', '--fleet']);
    expect(clean.out.find((l) => /^\S+\s+fleet\s/.test(l))).toMatch(/^OK\s+fleet\s+0 audited creation\(s\) all present/);
    expect(clean.code).toBe(0);

    const dir = await mkdtemp(join(tmpdir(), 'mx-doctor-fleet-'));
    const trail = join(dir, 'counter-9.jsonl');
    // Another kiosk's trail says it made this account; the demo directory has no such entry.
    await writeFile(trail, `${JSON.stringify({ time: '2026-12-01T10:00:00.000Z', kioskId: 'counter-9', action: 'create', result: 'ok', staffId: 'z99999', account: 'ghost', uidNumber: 4242 })}\n`);
    const { code, out } = await doctor(['--demo', '--fleet', '--audit', trail]);
    expect(out.filter((l) => /^FAIL/.test(l))).toEqual([expect.stringMatching(/^FAIL\s+fleet lost\s+z99999: ghost \(uidNumber 4242\) created at counter-9 .* is missing: no such entry$/)]);
    expect(code).toBe(1);
  }, 60_000);

  it('reports an unreadable configuration as a FAIL line', async () => {
    const { code, out } = await doctor(['--config', '/nonexistent/config.yaml']);
    expect(code).toBe(1);
    expect(out).toEqual(['FAIL  config  /nonexistent/config.yaml: cannot read configuration file /nonexistent/config.yaml']);
  });
});
