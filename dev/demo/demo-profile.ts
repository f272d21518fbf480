// The "embedded default" demo profile: starts local stand-ins for the external systems (slapd,
// the AIS simulator) and builds a kiosk configuration that points at them, through the same
// validation as a real one.
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createAesGcmCodec, parseAisKey } from '../../electron/services/ais/token-codec';
import { systemClock, type Clock } from '../../electron/services/clock';
import { resolveConfig, type KioskConfig, type KioskConfigFile } from '../../electron/services/config';
import { loadRoster, startAisSimulator, type AisSimulator } from '../ais-sim/ais-simulator';
import { startMailSink, type MailSink } from '../mail-sink/mail-sink';
import { startReferenceMailStore, type ReferenceMailStore } from '../mail-store/reference-mail-store';
import { startSlapd, type RunningSlapd } from '../slapd/throwaway-slapd';

/** The demo's AIS key. Public on purpose: it seals only demo tokens for demo people. */
export const DEMO_AIS_KEY_HEX = '6d782d6b696f736b2064656d6f206b6579206f6e6c79202d206e6f7420726561';

export interface DemoProfile {
  config: KioskConfig;
  slapd: RunningSlapd;
  ais: AisSimulator;
  mailStore: ReferenceMailStore;
  /** The SMTP sink's outbox: every confirmation mail lands here as an .eml file. */
  mailSink: MailSink;
  /** Writes the demo config as a file (secrets as references) for a separate Electron process. */
  writeConfigFile(): Promise<{ path: string; env: Record<string, string> }>;
  stop(): Promise<void>;
}

const DEMO_LDAP_PASSWORD_ENV = 'MX_KIOSK_DEMO_LDAP_PASSWORD';
const DEMO_AIS_KEY_ENV = 'MX_KIOSK_DEMO_AIS_KEY';

export async function startDemoProfile(clock: Clock = systemClock): Promise<DemoProfile> {
  const slapd = await startSlapd();
  let ais: AisSimulator | undefined;
  let mailStore: ReferenceMailStore | undefined;
  let mailSink: MailSink | undefined;
  try {
    mailSink = await startMailSink(join(slapd.dir, 'outbox'));
    ais = await startAisSimulator({
      codec: createAesGcmCodec(parseAisKey(DEMO_AIS_KEY_HEX)),
      roster: loadRoster(),
      clock,
    });
    const mailRoot = join(slapd.dir, 'mail-store');
    await mkdir(mailRoot);
    mailStore = await startReferenceMailStore(mailRoot);
    const raw: KioskConfigFile = {
      kioskId: 'demo-counter',
      directory: {
        // The demo talks ldaps with the throwaway CA, like a counter machine would.
        urls: [slapd.ldapsUrl],
        caFile: slapd.caFile,
        bindDn: slapd.serviceDn,
        bindPassword: { env: DEMO_LDAP_PASSWORD_ENV },
        baseDn: slapd.baseDn,
      },
      ais: {
        key: { env: DEMO_AIS_KEY_ENV },
        loginUrl: ais.url,
        // Everything runs on this machine, so AIS sees the kiosk at loopback.
        egressAddresses: ['127.0.0.1'],
      },
      mailbox: {
        mode: 'campus',
        campus: {
          host: mailStore.host,
          mkhomedirPort: mailStore.mkhomedirPort,
          setquotaPort: mailStore.setquotaPort,
          getquotaPort: mailStore.getquotaPort,
        },
      },
      audit: { file: join(slapd.dir, 'audit.jsonl') },
      // Plain SMTP to the loopback sink only; a counter machine uses TLS or STARTTLS.
      smtp: {
        host: '127.0.0.1',
        port: mailSink.port,
        security: 'none',
        allowPlain: true,
        from: 'mx-kiosk demo <noreply@mx.nthu.edu.tw>',
      },
    };
    const env = { [DEMO_LDAP_PASSWORD_ENV]: slapd.servicePassword, [DEMO_AIS_KEY_ENV]: DEMO_AIS_KEY_HEX };
    const config = resolveConfig(raw, { readFile: (path) => readFileSync(path, 'utf8'), env });
    const started = ais;
    const store = mailStore;
    const sink = mailSink;
    return {
      config,
      slapd,
      ais: started,
      mailStore: store,
      mailSink: sink,
      async writeConfigFile() {
        // JSON is valid YAML, so the kiosk's loader reads it like an operator's file.
        const path = join(slapd.dir, 'demo-config.yaml');
        await writeFile(path, `${JSON.stringify(raw, null, 2)}\n`, { mode: 0o600 });
        return { path, env };
      },
      async stop() {
        await started.close();
        await store.close();
        await sink.close();
        await slapd.stop();
      },
    };
  } catch (error) {
    await ais?.close();
    await mailStore?.close();
    await mailSink?.close();
    await slapd.stop();
    throw error;
  }
}
