// The "embedded default" demo profile: starts local stand-ins for the external systems and
// builds a kiosk configuration that points at them, through the same validation as a real one.
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { resolveConfig, type KioskConfig, type KioskConfigFile } from '../../electron/services/config';
import { startSlapd, type RunningSlapd } from '../slapd/throwaway-slapd';

export interface DemoProfile {
  config: KioskConfig;
  slapd: RunningSlapd;
  /** Writes the demo config as a file (secrets as references) for a separate Electron process. */
  writeConfigFile(): Promise<{ path: string; env: Record<string, string> }>;
  stop(): Promise<void>;
}

const DEMO_PASSWORD_ENV = 'MX_KIOSK_DEMO_LDAP_PASSWORD';

export async function startDemoProfile(): Promise<DemoProfile> {
  const slapd = await startSlapd();
  try {
    const raw: KioskConfigFile = {
      kioskId: 'demo-counter',
      directory: {
        // The demo talks ldaps with the throwaway CA, like a counter machine would.
        urls: [slapd.ldapsUrl],
        caFile: slapd.caFile,
        bindDn: slapd.serviceDn,
        bindPassword: { env: DEMO_PASSWORD_ENV },
        baseDn: slapd.baseDn,
      },
    };
    const env = { [DEMO_PASSWORD_ENV]: slapd.servicePassword };
    const config = resolveConfig(raw, { readFile: (path) => readFileSync(path, 'utf8'), env });
    return {
      config,
      slapd,
      async writeConfigFile() {
        // JSON is valid YAML, so the kiosk's loader reads it like an operator's file.
        const path = join(slapd.dir, 'demo-config.yaml');
        await writeFile(path, `${JSON.stringify(raw, null, 2)}\n`, { mode: 0o600 });
        return { path, env };
      },
      stop: () => slapd.stop(),
    };
  } catch (error) {
    await slapd.stop();
    throw error;
  }
}
