// What electron-builder packs: only the built bundles, never dev-only code, and the fuses set.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const config = parse(readFileSync('electron-builder.yml', 'utf8')) as {
  files: string[];
  asar: boolean;
  electronFuses: Record<string, boolean>;
};

describe('electron-builder.yml', () => {
  it('packs only package.json and the three built bundles', () => {
    const includes = config.files.filter((f) => !f.startsWith('!'));
    expect(includes.sort()).toEqual(['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json']);
  });

  it('cannot pick up dev-only code: the browser host, slapd harness and demo live outside out/', () => {
    for (const pattern of config.files) expect(pattern).not.toMatch(/dev\/|test\/|scripts\/|bench\//);
  });

  it('packs into an asar with the hardening fuses', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
    });
  });
});

describe('the built main bundle', () => {
  it('contains no dev-only module', () => {
    // The build step runs before the tests in npm test; this reads its output.
    const main = readFileSync('out/main/main.js', 'utf8');
    for (const marker of ['startBrowserHost', 'startSlapd', 'startDemoProfile', 'throwaway'])
      expect(main).not.toContain(marker);
    expect(main).toContain('createKioskBackend');
  });

  it('contains the operator commands, which counter machines run without a checkout', () => {
    const main = readFileSync('out/main/main.js', 'utf8');
    for (const marker of [
      'runDoctorCommand',
      'runAuditVerifyCommand',
      'runAisVerifyCommand',
      '--doctor',
      '--audit-verify',
      '--ais-verify',
    ])
      expect(main).toContain(marker);
  });
});
