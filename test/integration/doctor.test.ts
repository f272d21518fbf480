// `mx-kiosk doctor` against the demo's real systems, and against a configuration whose systems are down.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKOUT_HOST } from '../../dev/cli/checkout-host';
import { doctorSubcommand } from '../../dev/cli/operator-commands';
import { SOURCE_POLICIES_DIR } from '../../dev/cli/source-paths';
import { startSlapd, type RunningSlapd } from '../../dev/slapd/throwaway-slapd';
import { createLdapConnector } from '../../electron/services/directory/ldap-connector';
import { runDoctor } from '../../electron/services/health/kiosk-doctor';
import { testConfig } from '../support/test-config';

async function doctor(argv: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const code = await doctorSubcommand(
    argv,
    { out: (l) => out.push(l), err: (l) => out.push(l), now: () => Date.now() },
    { ...CHECKOUT_HOST, env },
  );
  return { code, out };
}

describe('mx-kiosk doctor', () => {
  it('passes every check against the demo profile', async () => {
    const { code, out } = await doctor(['--demo']);
    expect(out.filter((l) => l.startsWith('FAIL'))).toEqual([]);
    expect(out.some((l) => /^OK\s+ldap .* bind\s+bound as cn=kiosk/.test(l))).toBe(true);
    expect(out.some((l) => /^OK\s+ldap .* uid counter/.test(l))).toBe(true);
    for (const part of ['people', 'claims', 'uid-counter', 'kiosks'])
      expect(out.some((l) => new RegExp(`^OK\\s+ldap \\S+ layout ${part}\\s`).test(l))).toBe(true);
    expect(
      out.some((l) =>
        /^OK\s+ldap \S+ password path\s+one add carrying the password; hashes a cleartext userPassword in an add \(\{ARGON2\}\)/.test(
          l,
        ),
      ),
    ).toBe(true);
    expect(out.some((l) => /^OK\s+mail store getquota/.test(l))).toBe(true);
    expect(out.some((l) => /^OK\s+smtp\s+127\.0\.0\.1:\d+ \(none\) accepts the kiosk/.test(l))).toBe(true);
    expect(out.filter((l) => /^OK\s+policy /.test(l))).toHaveLength(4);
    // The throwaway directory's certificate lives 2 days: the doctor rightly warns about it.
    expect(out.filter((l) => l.startsWith('WARN'))).toEqual([
      expect.stringMatching(
        /^WARN\s+tls ldaps:\/\/127\.0\.0\.1:\d+\s+127\.0\.0\.1, valid until \d{4}-\d{2}-\d{2}: expires in [01] day\(s\)$/,
      ),
    ]);
    expect(out.some((l) => /^OK\s+egress address\s+127\.0\.0\.1: on this machine/.test(l))).toBe(true);
    expect(out.some((l) => /^(OK|SKIP)\s+clock vs ais/.test(l))).toBe(true);
    expect(out.at(-1)).toBe('doctor: all checks passed (1 warning(s))');
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
    expect(clean.out.find((l) => /^\S+\s+fleet\s/.test(l))).toMatch(
      /^OK\s+fleet\s+0 audited creation\(s\) all present/,
    );
    expect(clean.code).toBe(0);

    const dir = await mkdtemp(join(tmpdir(), 'mx-doctor-fleet-'));
    const trail = join(dir, 'counter-9.jsonl');
    // Another kiosk's trail says it made this account; the demo directory has no such entry.
    await writeFile(
      trail,
      `${JSON.stringify({ time: '2026-12-01T10:00:00.000Z', kioskId: 'counter-9', action: 'create', result: 'ok', staffId: 'z99999', account: 'ghost', uidNumber: 4242 })}\n`,
    );
    const { code, out } = await doctor(['--demo', '--fleet', '--audit', trail]);
    expect(out.filter((l) => /^FAIL/.test(l))).toEqual([
      expect.stringMatching(
        /^FAIL\s+fleet lost\s+z99999: ghost \(uidNumber 4242\) created at counter-9 .* is missing: no such entry$/,
      ),
    ]);
    expect(code).toBe(1);
  }, 60_000);

  it('reports an unreadable configuration as a FAIL line', async () => {
    const { code, out } = await doctor(['--config', '/nonexistent/config.yaml']);
    expect(code).toBe(1);
    expect(out).toEqual([
      'FAIL  config  /nonexistent/config.yaml: cannot read configuration file /nonexistent/config.yaml',
      'doctor: 1 check(s) failed',
    ]);
  });

  it('gives the same checks as one JSON document with --json, for monitoring', async () => {
    const { code, out } = await doctor(['--config', '/nonexistent/config.yaml', '--json']);
    expect(code).toBe(1);
    expect(JSON.parse(out.join('\n'))).toEqual({
      ok: false,
      failed: 1,
      warned: 0,
      checks: [
        {
          status: 'FAIL',
          name: 'config',
          detail: '/nonexistent/config.yaml: cannot read configuration file /nonexistent/config.yaml',
        },
      ],
    });
  });
});

describe('the doctor’s certificate and clock checks, on a real slapd', () => {
  let slapd: RunningSlapd;
  let dateServer: Server;
  let dateUrl: string;
  beforeAll(async () => {
    slapd = await startSlapd();
    // An "AIS" whose HTTP Date header is the real time (Node's server stamps every answer).
    dateServer = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => dateServer.listen(0, '127.0.0.1', resolve));
    dateUrl = `http://127.0.0.1:${(dateServer.address() as AddressInfo).port}/login`;
  });
  afterAll(async () => {
    dateServer?.close();
    await slapd?.stop();
  });

  const configFor = (
    directory: Partial<{ caFile: string; account: { uidNumberMax: number } }> = { caFile: slapd.caFile },
  ) =>
    testConfig(
      {
        directory: { urls: [slapd.ldapsUrl], bindDn: slapd.serviceDn, baseDn: slapd.baseDn, ...directory },
        ais: { loginUrl: dateUrl },
      },
      { TEST_LDAP_PASSWORD: slapd.servicePassword },
    );
  const run = (config: ReturnType<typeof configFor>, offsetMs = 0) =>
    runDoctor(config, {
      connectLdap: createLdapConnector(config.directory),
      fetch: globalThis.fetch as never,
      readTextFile: (p) => readFileSync(p, 'utf8'),
      bundledPoliciesDir: SOURCE_POLICIES_DIR,
      clock: { now: () => Date.now() + offsetMs },
    });
  const line = (checks: Awaited<ReturnType<typeof run>>, prefix: string) =>
    checks.find((c) => c.name.startsWith(prefix));

  it('warns about a certificate that expires within 30 days, naming its subject and date', async () => {
    // The throwaway slapd's certificate, made by openssl for 2 days.
    const tls = line(await run(configFor()), 'tls ldaps://');
    expect(tls).toMatchObject({
      status: 'WARN',
      detail: expect.stringMatching(/^127\.0\.0\.1, valid until \d{4}-\d{2}-\d{2}: expires in [01] day\(s\)$/),
    });
  });

  it('fails an expired certificate (the clock moved past its end) and an untrusted one', async () => {
    expect(line(await run(configFor(), 3 * 24 * 3600_000), 'tls ldaps://')).toMatchObject({
      status: 'FAIL',
      detail: expect.stringMatching(/: expired$/),
    });
    expect(line(await run(configFor({})), 'tls ldaps://')).toMatchObject({
      status: 'FAIL',
      detail: expect.stringMatching(/not trusted/),
    });
  });

  it.each([
    [0, 'OK'],
    [10_000, 'WARN'],
    [-40_000, 'FAIL'],
  ] as const)('compares the clock with AIS’s Date header: %i ms off is %s', async (offset, status) => {
    const checks = await run(configFor(), offset);
    expect(line(checks, 'clock vs ais')).toMatchObject({ status });
  });

  it('warns when fewer than 1,000 uidNumbers are left in the range, and fails when none are', async () => {
    const counterLine = (checks: Awaited<ReturnType<typeof run>>) =>
      checks.find((c) => c.name.endsWith('uid counter'))!;
    const plenty = counterLine(await run(configFor()));
    expect(plenty.status).toBe('OK');
    const next = Number(/next uidNumber (\d+)/.exec(plenty.detail)![1]);
    expect(
      counterLine(await run(configFor({ caFile: slapd.caFile, account: { uidNumberMax: next + 99 } }))),
    ).toMatchObject({ status: 'WARN', detail: expect.stringMatching(/100 left in .*widen the range/) });
    expect(
      counterLine(await run(configFor({ caFile: slapd.caFile, account: { uidNumberMax: next - 1 } }))),
    ).toMatchObject({ status: 'FAIL', detail: expect.stringMatching(/ 0 left in /) });
  });

  it('checks the receipt printer where the print system can be asked, and says so where it cannot', async () => {
    const withPrinter = testConfig(
      {
        directory: { urls: [slapd.ldapsUrl], caFile: slapd.caFile, bindDn: slapd.serviceDn, baseDn: slapd.baseDn },
        ais: { loginUrl: dateUrl },
        result: { printer: 'receipts' },
      },
      { TEST_LDAP_PASSWORD: slapd.servicePassword },
    );
    const deps = {
      connectLdap: createLdapConnector(withPrinter.directory),
      fetch: globalThis.fetch as never,
      readTextFile: (p: string) => readFileSync(p, 'utf8'),
      bundledPoliciesDir: SOURCE_POLICIES_DIR,
    };
    const printerLine = async (extra: object) =>
      (await runDoctor(withPrinter, { ...deps, ...extra })).find((c) => c.name === 'printer');
    expect(
      await printerLine({ printerExists: async () => ({ found: true, detail: 'printer receipts is idle.' }) }),
    ).toEqual({ status: 'OK', name: 'printer', detail: 'receipts: printer receipts is idle.' });
    expect(
      await printerLine({ printerExists: async () => ({ found: false, detail: 'not a printer CUPS knows' }) }),
    ).toMatchObject({ status: 'FAIL' });
    expect(await printerLine({})).toMatchObject({
      status: 'SKIP',
      detail: expect.stringContaining('not checked here'),
    });
    expect(line(await run(configFor()), 'printer')).toMatchObject({
      status: 'SKIP',
      detail: expect.stringContaining('no receipt printer configured'),
    });
  });

  it('says when the directory’s clock cannot be read (no monitor database here)', async () => {
    expect(line(await run(configFor()), 'clock vs ldap')).toMatchObject({
      status: 'SKIP',
      detail: expect.stringMatching(/monitor/),
    });
  });
});
