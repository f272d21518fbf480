// `mx-kiosk doctor` and `mx-kiosk audit verify` as a checkout spells them: usage and exit codes.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditSubcommand, doctorSubcommand } from '../../../../dev/cli/operator-commands';
import { chainedAuditWriter } from '../../../../electron/services/audit/audit-chain';
import { AuditLog } from '../../../../electron/services/audit/audit-log';

function captured() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l), now: () => 0 } };
}

describe('mx-kiosk audit', () => {
  it('verify checks the chain through the operator command', async () => {
    const base = join(await mkdtemp(join(tmpdir(), 'mx-audit-cli-')), 'audit.jsonl');
    const clock = { now: () => Date.UTC(2026, 10, 20) };
    await new AuditLog(chainedAuditWriter(base, clock), clock, 'counter-1').record({ action: 'create', result: 'ok' });
    const { io, out } = captured();
    expect(await auditSubcommand(['verify', base], io)).toBe(0);
    expect(out).toEqual(['OK  1 lines in 1 file(s), chain intact']);
  });

  it.each([[['frobnicate']], [[]], [['verify']]])('exits 2 with usage for %j', async (argv) => {
    const { io, err } = captured();
    expect(await auditSubcommand(argv, io)).toBe(2);
    expect(err.join('\n')).toMatch(/usage:\n {2}audit verify PATH/);
  });
});

describe('mx-kiosk doctor', () => {
  it('exits 2 with usage for an unknown option', async () => {
    const { io, err } = captured();
    expect(await doctorSubcommand(['--bogus'], io)).toBe(2);
    expect(err.join('\n')).toMatch(
      /^mx-kiosk doctor: Unknown option '--bogus'[\s\S]*usage:\n {2}doctor \[--config FILE \| --demo\]/,
    );
  });

  it('exits 1 with a FAIL line for a missing configuration', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mx-doctor-cli-'));
    await writeFile(join(dir, 'not-yaml.yaml'), 'a: [');
    const { io, out } = captured();
    expect(await doctorSubcommand(['--config', join(dir, 'not-yaml.yaml')], io)).toBe(1);
    expect(out[0]).toMatch(/^FAIL {2}config {2}.*not-yaml\.yaml: .* is not valid YAML\/JSON/);
  });
});
