// print-config: the configuration as the counter runs it, defaults filled in, secrets only as
// their source. The secret values themselves never appear, even though the command checks they resolve.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runPrintConfigCommand } from '../../../../electron/ops/print-config-command';
import { TEST_AIS_KEY_HEX, testConfigFile } from '../../../support/test-config';
import { captured, installedHost } from './operator-host';

async function configWithSecretFile(): Promise<{ path: string; secretFile: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'mx-print-config-'));
  const secretFile = join(dir, 'ldap.secret');
  await writeFile(secretFile, 'the-ldap-password\n');
  const path = join(dir, 'config.yaml');
  await writeFile(path, JSON.stringify(testConfigFile({ directory: { bindPassword: { file: secretFile } } })));
  return { path, secretFile };
}

describe('print-config', () => {
  it('prints every default and each secret as its source, never its value', async () => {
    const { path, secretFile } = await configWithSecretFile();
    const { io, out, err } = captured();
    expect(runPrintConfigCommand(['--config', path], io, installedHost({ TEST_AIS_KEY: TEST_AIS_KEY_HEX }))).toBe(0);
    expect(err).toEqual([]);
    const text = out.join('\n');
    expect(text).not.toContain('the-ldap-password');
    expect(text).not.toContain(TEST_AIS_KEY_HEX);
    const printed = parse(text) as Record<string, Record<string, unknown>>;
    expect(printed.directory!.bindPassword).toEqual({ file: secretFile });
    expect(printed.ais!.key).toEqual({ env: 'TEST_AIS_KEY' });
    // Defaults the file never mentioned:
    expect(printed.ais!.validitySeconds).toBe(120);
    expect(printed.mailDomain).toBe('mx.nthu.edu.tw');
    expect(printed.session).toMatchObject({ maxSeconds: 1200 });
  });

  it('still shows the configuration, and exits 1 naming the problem, when a secret cannot be resolved', async () => {
    const { path } = await configWithSecretFile();
    const { io, out, err } = captured();
    expect(runPrintConfigCommand(['--config', path], io, installedHost({}))).toBe(1);
    expect(out.join('\n')).toContain('TEST_AIS_KEY');
    expect(err).toEqual([`FAIL  config  ${path}: ais.key: environment variable TEST_AIS_KEY is not set`]);
  });

  it('names an invalid file’s problems and prints no configuration', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mx-print-config-'));
    const path = join(dir, 'config.yaml');
    await writeFile(path, 'kioskId: "bad id!"\n');
    const { io, out, err } = captured();
    expect(runPrintConfigCommand(['--config', path], io, installedHost({}))).toBe(1);
    expect(out).toEqual([]);
    expect(err.join('\n')).toMatch(/kioskId/);
  });
});
