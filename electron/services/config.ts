// The kiosk's configuration: one YAML/JSON file validated with zod; secrets are references
// (a file or an environment variable) resolved here and held as Secret, never as plain strings.
import { z } from 'zod';
import { parse as parseYaml } from 'yaml';
import { Secret } from './secret';

const SecretRef = z.union([
  z.object({ file: z.string().min(1) }).strict(),
  z.object({ env: z.string().regex(/^[A-Z_][A-Z0-9_]*$/) }).strict(),
]);

const LdapUrl = z.string().regex(/^ldaps?:\/\/[^/\s]+\/?$/, 'must look like ldaps://host:port');
const HttpUrl = z.url({ protocol: /^https?$/ });
const IpAddress = z.union([z.ipv4(), z.ipv6()]);

/** The old portal's address; the AIS view is stopped when it navigates here and the token is taken. */
export const LEGACY_PORTAL_URL = 'https://ua.net.nthu.edu.tw/portal/index.cgi';

export const ConfigSchema = z
  .object({
    kioskId: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/),
    mailDomain: z.string().default('mx.nthu.edu.tw'),
    directory: z
      .object({
        /** Tried in order; the first that answers wins. */
        urls: z.array(LdapUrl).min(1),
        startTls: z.boolean().default(false),
        /** Plain ldap:// without StartTLS is refused unless this says so (the loopback demo does). */
        allowPlainLdap: z.boolean().default(false),
        caFile: z.string().optional(),
        bindDn: z.string().min(1),
        bindPassword: SecretRef,
        baseDn: z.string().min(1),
        subtrees: z
          .object({
            people: z.string().default('ou=people'),
            suspended: z.string().default('ou=suspended'),
            aliases: z.string().default('ou=aliases'),
            group: z.string().default('ou=group'),
          })
          .strict()
          .prefault({}),
        connectTimeoutMs: z.number().int().positive().default(3000),
        timeoutMs: z.number().int().positive().default(5000),
        /** How long to stay on a fallback server before trying the first one again. */
        failbackSeconds: z.number().int().positive().default(60),
        /** Attribute names; the defaults are the legacy portal's entry shape. */
        attributes: z
          .object({
            account: z.string().default('uid'),
            staffId: z.string().default('sn'),
            name: z.string().default('cn'),
            alias: z.string().default('cn'),
          })
          .strict()
          .prefault({}),
        account: z
          .object({
            objectClasses: z.array(z.string()).default(['inetOrgPerson', 'posixAccount', 'shadowAccount']),
            loginShell: z.string().default('/bin/false'),
            gidNumber: z.number().int().nonnegative().default(100),
            /** {uid} is the account name, {uid2} its first two letters. */
            homeDirectory: z.string().default('/mx/u/{uid2}/{uid}'),
            uidNumberMin: z.number().int().positive().default(1000),
            uidNumberMax: z.number().int().positive().default(60000),
            /** The counter entry for uidNumber allocation (docs/directory.md); default cn=uidNext,<baseDn>. */
            uidCounterDn: z.string().optional(),
          })
          .strict()
          .prefault({}),
        /** An account whose entry has this attribute (with this value, if given) has its password suspended: USER(-5). */
        passwordSuspended: z
          .object({ attribute: z.string().default('pwdAccountLockedTime'), value: z.string().optional() })
          .strict()
          .prefault({}),
      })
      .strict(),
    naming: z
      .object({
        /** Extra reserved words, one per line; added to the built-in list. */
        reservedWordsFile: z.string().optional(),
        /** Extra local system account names, one per line. */
        systemAccountsFile: z.string().optional(),
      })
      .strict()
      .prefault({}),
    mailbox: z
      .object({
        /** none: LDAP only, the mail server makes the mailbox on first delivery; campus: the mail-store line protocols. */
        mode: z.enum(['none', 'campus']).default('none'),
        realm: z.string().regex(/^[a-z0-9.-]+$/).default('mx'),
        quota: z.string().regex(/^[0-9]+[KMGT]$/).default('60G'),
        effectiveInMinutes: z.number().int().nonnegative().default(10),
        campus: z
          .object({
            host: z.string().min(1),
            mkhomedirPort: z.number().int().min(1).max(65535),
            setquotaPort: z.number().int().min(1).max(65535),
            getquotaPort: z.number().int().min(1).max(65535),
            timeoutMs: z.number().int().positive().default(5000),
          })
          .strict()
          .optional(),
      })
      .strict()
      .prefault({})
      .refine((m) => m.mode !== 'campus' || m.campus !== undefined, { message: 'mailbox.mode campus needs mailbox.campus', path: ['campus'] }),
    audit: z
      .object({ file: z.string().min(1).default('/var/log/mx-kiosk/audit.jsonl') })
      .strict()
      .prefault({}),
    contact: z
      .object({
        /** The institution's own mail domains (and their subdomains): never a contact address. */
        institutionDomains: z.array(z.string().min(1)).default(['nthu.edu.tw']),
        attributes: z
          .object({
            objectClass: z.string().default('mxContactHolder'),
            address: z.string().default('mxContactAddress'),
            confirmed: z.string().default('mxContactConfirmed'),
            pending: z.string().default('mxContactPending'),
          })
          .strict()
          .prefault({}),
        codeValidityHours: z.number().int().positive().default(24),
        counterMinutes: z.number().int().positive().default(10),
        counterTries: z.number().int().positive().default(5),
        maxCodesPerHour: z.number().int().positive().default(3),
      })
      .strict()
      .prefault({}),
    /** The relay that sends the confirmation codes; without it, contact addresses wait for the helpdesk. */
    smtp: z
      .object({
        host: z.string().min(1),
        port: z.number().int().min(1).max(65535),
        /** tls: implicit TLS (465); starttls: upgrade required (587); none: only with allowPlain, for a loopback sink. */
        security: z.enum(['tls', 'starttls', 'none']).default('starttls'),
        allowPlain: z.boolean().default(false),
        caFile: z.string().optional(),
        user: z.string().optional(),
        password: SecretRef.optional(),
        from: z.string().min(3),
        timeoutMs: z.number().int().positive().default(10_000),
      })
      .strict()
      .refine((smtp) => smtp.security !== 'none' || smtp.allowPlain, { message: 'smtp.security none needs smtp.allowPlain: true', path: ['security'] })
      .optional(),
    helpdesk: z
      .object({
        /** Where operators' own entries live (relative to baseDn); they sign in with their own password. */
        operatorsBase: z.string().default('ou=operators'),
        operatorUidAttribute: z.string().default('uid'),
        /** The group that makes an operator a helpdesk operator (default: cn=helpdesk,ou=group,<baseDn>). */
        groupDn: z.string().optional(),
        /** groupOfNames lists member DNs; posixGroup lists memberUid names. */
        groupMembership: z.enum(['member', 'memberUid']).default('member'),
        /** HR data in LDAP, for assisted applications when AIS is down (relative to baseDn). */
        staffDirectory: z
          .object({
            base: z.string().default('ou=staff'),
            id: z.string().default('employeeNumber'),
            name: z.string().default('cn'),
            nameEn: z.string().default('displayName'),
            condition: z.string().default('employeeType'),
          })
          .strict()
          .prefault({}),
        lockoutFailures: z.number().int().positive().default(5),
        lockoutMinutes: z.number().int().positive().default(5),
        idleMinutes: z.number().int().positive().default(5),
      })
      .strict()
      .prefault({}),
    kiosk: z
      .object({
        /** Seconds without a touch or key before "Are you still there?". */
        idleSeconds: z.number().int().min(15).default(90),
        /** Seconds the question counts down before everything is wiped. */
        idleWarningSeconds: z.number().int().min(5).default(20),
        /** Seconds the result screen stays before returning to Welcome. */
        resultSeconds: z.number().int().min(10).default(60),
      })
      .strict()
      .prefault({}),
    policies: z
      .object({
        /** A folder with the center's official texts (<id>.<language>.md); the bundled summaries otherwise. */
        folder: z.string().optional(),
      })
      .strict()
      .prefault({}),
    ais: z
      .object({
        /** 64 hex characters (32 bytes): the AES-256-GCM key shared with AIS. */
        key: SecretRef,
        /** Where the AIS view opens (AIS login). */
        loginUrl: HttpUrl,
        /** Origins the AIS view may visit besides loginUrl's own (e.g. an SSO page). */
        extraOrigins: z.array(HttpUrl).default([]),
        portalUrl: HttpUrl.default(LEGACY_PORTAL_URL),
        validitySeconds: z.number().int().positive().default(120),
        futureSkewSeconds: z.number().int().nonnegative().default(30),
        /** The addresses AIS sees this kiosk as; empty means the machine's own interface addresses. */
        egressAddresses: z.array(IpAddress).default([]),
      })
      .strict(),
    eligibility: z
      .object({
        staff: z.array(z.string()).default(['一般', '出國', '借調', '退休']),
        student: z.array(z.string()).default([]),
      })
      .strict()
      .prefault({}),
    session: z
      .object({
        maxSeconds: z.number().int().positive().default(1200),
        idleSeconds: z.number().int().positive().default(300),
      })
      .strict()
      .prefault({}),
    log: z
      .object({
        level: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .superRefine((config, ctx) => {
    const plain = config.directory.urls.filter((url) => url.startsWith('ldap://'));
    if (plain.length > 0 && !config.directory.startTls && !config.directory.allowPlainLdap) {
      ctx.addIssue({
        code: 'custom',
        path: ['directory', 'urls'],
        message: `plain ldap:// (${plain.join(', ')}) needs directory.startTls or directory.allowPlainLdap: true`,
      });
    }
  });

export type KioskConfigFile = z.input<typeof ConfigSchema>;
type ParsedConfig = z.output<typeof ConfigSchema>;

type ParsedSmtp = NonNullable<ParsedConfig['smtp']>;
export type KioskConfig = Omit<ParsedConfig, 'directory' | 'ais' | 'smtp'> & {
  directory: Omit<ParsedConfig['directory'], 'bindPassword'> & { bindPassword: Secret; caPem?: string };
  ais: Omit<ParsedConfig['ais'], 'key'> & { key: Secret };
  smtp?: Omit<ParsedSmtp, 'password'> & { password?: Secret; caPem?: string };
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

function resolveSecret(ref: z.infer<typeof SecretRef>, where: string, sources: ConfigSources): Secret {
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
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  const { directory, ais, smtp, ...rest } = parsed.data;
  let caPem: string | undefined;
  if (directory.caFile) {
    try {
      caPem = sources.readFile(directory.caFile);
    } catch {
      throw new ConfigError([`directory.caFile: cannot read ${directory.caFile}`]);
    }
  }
  const aisKey = resolveSecret(ais.key, 'ais.key', sources);
  if (!/^[0-9a-fA-F]{64}$/.test(aisKey.reveal())) throw new ConfigError(['ais.key: must be 64 hexadecimal characters (32 bytes)']);
  return {
    ...rest,
    directory: { ...directory, caPem, bindPassword: resolveSecret(directory.bindPassword, 'directory.bindPassword', sources) },
    ais: { ...ais, key: aisKey },
    smtp: smtp && {
      ...smtp,
      password: smtp.password && resolveSecret(smtp.password, 'smtp.password', sources),
      caPem: smtp.caFile ? readOrFail(sources, smtp.caFile, 'smtp.caFile') : undefined,
    },
  };
}

export function loadConfigFile(path: string, sources: ConfigSources): KioskConfig {
  let text: string;
  try {
    text = sources.readFile(path);
  } catch {
    throw new ConfigError([`cannot read configuration file ${path}`]);
  }
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new ConfigError([`${path} is not valid YAML/JSON: ${(error as Error).message.split('\n')[0]}`]);
  }
  return resolveConfig(raw, sources);
}

/** `--config F`, then KIOSK_CONFIG, then the OS default. */
export function resolveConfigPath(argv: readonly string[], env: Record<string, string | undefined>, platform: string): string {
  const flag = argv.indexOf('--config');
  if (flag >= 0 && argv[flag + 1]) return argv[flag + 1]!;
  const inline = argv.find((arg) => arg.startsWith('--config='));
  if (inline) return inline.slice('--config='.length);
  if (env.KIOSK_CONFIG) return env.KIOSK_CONFIG;
  if (platform === 'win32') return `${env.ProgramData ?? 'C:\\ProgramData'}\\mx-kiosk\\config.yaml`;
  return '/etc/mx-kiosk/config.yaml';
}
