// The "embedded default" demo profile: starts local stand-ins for the external systems and
// builds a kiosk configuration that points at them, through the same validation as a real one.
import { readFileSync } from 'node:fs';
import { resolveConfig, type KioskConfig, type KioskConfigFile } from '../../electron/services/config';
import { startSlapd, type RunningSlapd } from '../slapd/throwaway-slapd';

export interface DemoProfile {
  config: KioskConfig;
  slapd: RunningSlapd;
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
    const config = resolveConfig(raw, {
      readFile: (path) => readFileSync(path, 'utf8'),
      env: { [DEMO_PASSWORD_ENV]: slapd.servicePassword },
    });
    return { config, slapd, stop: () => slapd.stop() };
  } catch (error) {
    await slapd.stop();
    throw error;
  }
}
