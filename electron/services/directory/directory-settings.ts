// The directory block of the configuration: which servers, how to reach them, where things live
// and what the attributes are called. Its defaults are the legacy portal's entry shape.
import { z } from 'zod';
import { SecretRef, type Secret } from '../secret';

const LdapUrl = z.string().regex(/^ldaps?:\/\/[^/\s]+\/?$/, 'must look like ldaps://host:port');

const UidRange = z
  .object({
    /** The write server (exactly as in directory.write) whose creations take numbers from this range. */
    server: LdapUrl,
    min: z.number().int().positive(),
    max: z.number().int().positive(),
    /** This range's counter entry; default cn=uidNext-<min>,<baseDn>. */
    counterDn: z.string().optional(),
  })
  .strict();

export const DirectorySettings = z
  .object({
    /** Every server does both reads and writes, tried in order (today's meaning, kept). */
    urls: z.array(LdapUrl).min(1).optional(),
    /** The providers: the only servers written to, tried in order (docs/directory.md, "Fleet"). */
    write: z.array(LdapUrl).min(1).optional(),
    /** Where reads go, tried in order: consumers first, then the providers if you like. */
    read: z.array(LdapUrl).min(1).optional(),
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
        /** One claim entry per staff ID with an account (docs/directory.md): what makes "one each" atomic. */
        claims: z.string().default('ou=claims'),
        /** One heartbeat entry per kiosk, and cn=fleet, the switch for all (docs/deployment.md). */
        kiosks: z.string().default('ou=kiosks'),
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
        /**
         * Multi-provider: one uidNumber range per write server, each with its own counter entry, so
         * two providers written at once never hand out the same number (docs/directory.md, "Fleet").
         */
        uidRanges: z.array(UidRange).optional(),
      })
      .strict()
      .prefault({}),
    /** An account whose entry has this attribute (with this value, if given) has its password suspended: USER(-5). */
    passwordSuspended: z
      .object({ attribute: z.string().default('pwdAccountLockedTime'), value: z.string().optional() })
      .strict()
      .prefault({}),
  })
  .strict()
  .superRefine((directory, ctx) => {
    if (!directory.urls && !directory.write) {
      ctx.addIssue({
        code: 'custom',
        path: ['write'],
        message: 'name the servers: directory.write (and directory.read), or directory.urls',
      });
      return;
    }
    const { write, read } = directoryServers(directory);
    const plain = [...new Set([...write, ...read])].filter((url) => url.startsWith('ldap://'));
    if (plain.length > 0 && !directory.startTls && !directory.allowPlainLdap) {
      ctx.addIssue({
        code: 'custom',
        path: ['urls'],
        message: `plain ldap:// (${plain.join(', ')}) needs directory.startTls or directory.allowPlainLdap: true`,
      });
    }
    const ranges = directory.account.uidRanges;
    if (ranges) {
      for (const url of write.filter((w) => !ranges.some((r) => r.server === w))) {
        ctx.addIssue({
          code: 'custom',
          path: ['account', 'uidRanges'],
          message: `write server ${url} has no uidNumber range`,
        });
      }
      const sorted = [...ranges].sort((a, b) => a.min - b.min);
      sorted.forEach((range, i) => {
        if (range.min > range.max)
          ctx.addIssue({
            code: 'custom',
            path: ['account', 'uidRanges'],
            message: `range ${range.min}-${range.max} is empty`,
          });
        const next = sorted[i + 1];
        if (next && next.min <= range.max)
          ctx.addIssue({
            code: 'custom',
            path: ['account', 'uidRanges'],
            message: `ranges ${range.min}-${range.max} and ${next.min}-${next.max} overlap`,
          });
      });
    }
  });

/**
 * Which servers take writes and which answer reads. Only directory.urls: every server does both.
 * directory.write without directory.read: the write servers answer reads too.
 */
export function directoryServers(directory: {
  urls?: readonly string[];
  write?: readonly string[];
  read?: readonly string[];
}): { write: readonly string[]; read: readonly string[] } {
  const write = directory.write ?? directory.urls ?? [];
  return { write, read: directory.read ?? directory.urls ?? write };
}

/** Every configured server once, write servers first: what the doctor and the status probe. */
export function allDirectoryServers(directory: Parameters<typeof directoryServers>[0]): string[] {
  const { write, read } = directoryServers(directory);
  return [...new Set([...write, ...read])];
}

/** The directory settings with the bind password read and the CA loaded. */
export type ResolvedDirectorySettings = Omit<z.output<typeof DirectorySettings>, 'bindPassword'> & {
  bindPassword: Secret;
  caPem?: string;
};
