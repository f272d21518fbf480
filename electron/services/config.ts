// The kiosk's configuration: one YAML/JSON file validated with zod; secrets are references
// (a file or an environment variable) resolved here and held as Secret, never as plain strings.
import { z } from 'zod';
import type { SettingsResponse } from '../../shared/contract/schemas';
import { parse as parseYaml } from 'yaml';
import { AisSettings, type ResolvedAisSettings } from './ais/ais-settings';
import { AuditSettings } from './audit/audit-settings';
import { ContactSettings, SmtpSettings, type ResolvedSmtpSettings } from './contact/contact-settings';
import { DirectorySettings, type ResolvedDirectorySettings } from './directory/directory-settings';
import { FleetSettings } from './health/fleet-settings';
import { HelpdeskSettings } from './helpdesk/helpdesk-settings';
import { EligibilitySettings } from './identity/person-identity';
import { LogSettings } from './logger';
import { MailboxSettings } from './mailbox/mailbox-settings';
import { NamingSettings } from './naming/naming-settings';
import { PasswordSettings } from './password/password-settings';
import { PolicySettings } from './policies/policy-settings';
import { receiptPrinting, type ReceiptPrinter } from './receipt/receipt-printer';
import { ResultSettings } from './receipt/result-settings';
import { Secret, type SecretRef } from './secret';
import { CounterTimingSettings } from './session/counter-timing';
import { SessionSettings } from './session/kiosk-session';

/** The current format of the file; an older one is migrated before it is validated. */
export const CONFIG_VERSION = 1;

export { LEGACY_PORTAL_URL } from './ais/ais-settings';

// Each block's schema lives beside the service that uses it; this file only composes them and
// keeps the file-level rules (the version, secrets as references, files read at start-up).
export const ConfigSchema = z
  .object({
    /** The format of this file; absent means the first one. */
    version: z.literal(CONFIG_VERSION).default(CONFIG_VERSION),
    kioskId: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/),
    mailDomain: z.string().default('mx.nthu.edu.tw'),
    directory: DirectorySettings,
    naming: NamingSettings,
    password: PasswordSettings,
    mailbox: MailboxSettings,
    audit: AuditSettings,
    contact: ContactSettings,
    smtp: SmtpSettings,
    helpdesk: HelpdeskSettings,
    kiosk: CounterTimingSettings,
    result: ResultSettings,
    policies: PolicySettings,
    ais: AisSettings,
    eligibility: EligibilitySettings,
    session: SessionSettings,
    log: LogSettings,
    fleet: FleetSettings,
  })
  .strict();

/**
 * Brings an older file's data to the current format. There is only one format so far; a future
 * change adds a step here (version N to N+1) instead of breaking the files already installed.
 */
export function migrateConfig(raw: unknown): unknown {
  return raw;
}

export type KioskConfigFile = z.input<typeof ConfigSchema>;
type ParsedConfig = z.output<typeof ConfigSchema>;

export type KioskConfig = Omit<ParsedConfig, 'directory' | 'ais' | 'smtp'> & {
  directory: ResolvedDirectorySettings;
  ais: ResolvedAisSettings;
  smtp?: ResolvedSmtpSettings;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

export interface ConfigSources {
  readFile(path: string): string;
  env: Record<string, string | undefined>;
}

function resolveSecret(ref: SecretRef, where: string, sources: ConfigSources): Secret {
  if ('env' in ref) {
    const value = sources.env[ref.env];
    if (!value) throw new ConfigError([`${where}: environment variable ${ref.env} is not set`]);
    return new Secret(value);
  }
  let text: string;
  try {
    text = sources.readFile(ref.file);
  } catch {
    throw new ConfigError([`${where}: cannot read secret file ${ref.file}`]);
  }
  // Files written by `echo` end in a newline that is not part of the secret.
  return new Secret(text.replace(/\r?\n$/, ''));
}

function readOrFail(sources: ConfigSources, path: string, where: string): string {
  try {
    return sources.readFile(path);
  } catch {
    throw new ConfigError([`${where}: cannot read ${path}`]);
  }
}

/** Validates raw config data (already parsed from YAML/JSON) and resolves its secrets. */
export function resolveConfig(raw: unknown, sources: ConfigSources): KioskConfig {
  const { directory, ais, smtp, ...rest } = effectiveConfig(raw);
  let caPem: string | undefined;
  if (directory.caFile) {
    try {
      caPem = sources.readFile(directory.caFile);
    } catch {
      throw new ConfigError([`directory.caFile: cannot read ${directory.caFile}`]);
    }
  }
  const aisKey = resolveSecret(ais.key, 'ais.key', sources);
  if (!/^[0-9a-fA-F]{64}$/.test(aisKey.reveal()))
    throw new ConfigError(['ais.key: must be 64 hexadecimal characters (32 bytes)']);
  return {
    ...rest,
    directory: {
      ...directory,
      caPem,
      bindPassword: resolveSecret(directory.bindPassword, 'directory.bindPassword', sources),
    },
    ais: { ...ais, key: aisKey },
    smtp: smtp && {
      ...smtp,
      password: smtp.password && resolveSecret(smtp.password, 'smtp.password', sources),
      caPem: smtp.caFile ? readOrFail(sources, smtp.caFile, 'smtp.caFile') : undefined,
    },
  };
}

/** The file's data, parsed from YAML or JSON (JSON is YAML), not yet validated. */
export function readConfigData(path: string, sources: Pick<ConfigSources, 'readFile'>): unknown {
  let text: string;
  try {
    text = sources.readFile(path);
  } catch {
    throw new ConfigError([`cannot read configuration file ${path}`]);
  }
  try {
    return parseYaml(text);
  } catch (error) {
    throw new ConfigError([`${path} is not valid YAML/JSON: ${(error as Error).message.split('\n')[0]}`]);
  }
}

export function loadConfigFile(path: string, sources: ConfigSources): KioskConfig {
  return resolveConfig(readConfigData(path, sources), sources);
}

/**
 * The configuration as the kiosk runs it: every default filled in, secrets still as references
 * ({ file: … } / { env: … }), never their values. What `mx-kiosk --print-config` shows.
 */
export function effectiveConfig(raw: unknown): ParsedConfig {
  const parsed = ConfigSchema.safeParse(migrateConfig(raw));
  if (!parsed.success)
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  return parsed.data;
}

/** `--config F`, then KIOSK_CONFIG, then the OS default. */
export function resolveConfigPath(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  platform: string,
): string {
  const flag = argv.indexOf('--config');
  if (flag >= 0 && argv[flag + 1]) return argv[flag + 1]!;
  const inline = argv.find((arg) => arg.startsWith('--config='));
  if (inline) return inline.slice('--config='.length);
  if (env.KIOSK_CONFIG) return env.KIOSK_CONFIG;
  if (platform === 'win32') return `${env.ProgramData ?? 'C:\\ProgramData'}\\mx-kiosk\\config.yaml`;
  return '/etc/mx-kiosk/config.yaml';
}

/** What the renderer is told of the configuration (nothing secret): its screens' settings, and how this shell prints the receipt. */
export function rendererSettings(config: KioskConfig, printerMode: ReceiptPrinter['mode']): SettingsResponse {
  const { printer, ...result } = config.result;
  return {
    ...config.kiosk,
    mailDomain: config.mailDomain,
    institutionDomains: config.contact.institutionDomains,
    kioskId: config.kioskId,
    result: { ...result, printing: receiptPrinting(printer, printerMode) },
  };
}
