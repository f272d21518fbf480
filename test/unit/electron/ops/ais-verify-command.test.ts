// The ais-verify operator command as the installed app runs it: the key and settings come from
// the configuration unless a key file is given, and there is no demo key.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAisVerifyCommand } from '../../../../electron/ops/ais-verify-command';
import { UsageError } from '../../../../electron/ops/operator-command';
import { mint, T0 } from '../../../support/ais-tokens';
import { TEST_AIS_KEY_HEX, TEST_SECRETS, testConfigFile } from '../../../support/test-config';
import { captured, installedHost } from './operator-host';

async function configFile(overrides: Parameters<typeof testConfigFile>[0] = {}): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'mx-ais-verify-')), 'config.yaml');
  await writeFile(path, JSON.stringify(testConfigFile(overrides)));
  return path;
}

const TOKEN_ARGS = ['--data', mint(), '--ip', '192.0.2.10'];

async function keyFile(hex: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'mx-ais-key-')), 'ais.key');
  await writeFile(path, `${hex}\n`, { mode: 0o600 });
  return path;
}
const TEST_KEY_FILE = await keyFile(TEST_AIS_KEY_HEX);

describe('ais verify', () => {
  it('decodes with the configuration key named by --config, and exits 0', async () => {
    const { io, out } = captured(T0 + 10);
    expect(runAisVerifyCommand([...TOKEN_ARGS, '--config', await configFile()], io, installedHost(TEST_SECRETS))).toBe(
      0,
    );
    expect(JSON.parse(out[0]!)).toMatchObject({ id: 'z10001', nameEn: 'WANG,HSIAO-MING', role: 'staff' });
  });

  it('finds the configuration through KIOSK_CONFIG, as the kiosk does', async () => {
    const { io } = captured(T0 + 10);
    const host = installedHost({ ...TEST_SECRETS, KIOSK_CONFIG: await configFile() });
    expect(runAisVerifyCommand(TOKEN_ARGS, io, host)).toBe(0);
  });

  it("applies the configuration's validity window, not the default one", async () => {
    const config = await configFile({ ais: { validitySeconds: 600 } });
    const fiveMinutesLate = captured(T0 + 300);
    expect(
      runAisVerifyCommand([...TOKEN_ARGS, '--config', config], fiveMinutesLate.io, installedHost(TEST_SECRETS)),
    ).toBe(0);
    const withKey = captured(T0 + 300);
    expect(runAisVerifyCommand([...TOKEN_ARGS, '--key-file', TEST_KEY_FILE], withKey.io, installedHost())).toBe(1);
    expect(withKey.out).toEqual(['DECRYPT(-2)']);
  });

  it('prints the code and exits 1 for another address', async () => {
    const { io, out } = captured(T0 + 10);
    expect(
      runAisVerifyCommand(
        ['--data', mint(), '--ip', '198.51.100.1', '--config', await configFile()],
        io,
        installedHost(TEST_SECRETS),
      ),
    ).toBe(1);
    expect(out).toEqual(['SESSION(-2)']);
  });

  it('reports a configuration it cannot load on stderr and exits 2', () => {
    const { io, out, err } = captured();
    expect(runAisVerifyCommand([...TOKEN_ARGS, '--config', '/nonexistent/config.yaml'], io, installedHost())).toBe(2);
    expect(out).toEqual([]);
    expect(err).toEqual([
      'FAIL  config  /nonexistent/config.yaml: cannot read configuration file /nonexistent/config.yaml',
    ]);
  });

  it('takes the key from a file, never from the command line itself', () => {
    const fromFile = captured(T0 + 10);
    expect(runAisVerifyCommand([...TOKEN_ARGS, '--key-file', TEST_KEY_FILE], fromFile.io, installedHost())).toBe(0);
    expect(() =>
      runAisVerifyCommand([...TOKEN_ARGS, '--key', TEST_AIS_KEY_HEX], captured().io, installedHost()),
    ).toThrow(/--key-file/);
  });

  it.each([
    [['--ip', '192.0.2.10', '--key-file', 'k']],
    [[...TOKEN_ARGS, '--key-file', 'k', '--config', 'c.yaml']],
    [[...TOKEN_ARGS, '--key-file', '/nonexistent/ais.key']],
    [[...TOKEN_ARGS, '--key', TEST_AIS_KEY_HEX]],
    [[...TOKEN_ARGS, '--demo']],
    [[...TOKEN_ARGS, '--now', 'soon']],
  ])('refuses the command line %j', (argv) => {
    expect(() => runAisVerifyCommand(argv, captured().io, installedHost())).toThrow(UsageError);
  });
});
