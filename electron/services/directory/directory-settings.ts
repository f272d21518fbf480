// The directory block of the configuration: which servers, how to reach them, where things live
// and what the attributes are called. Its defaults are the legacy portal's entry shape.
import { z } from 'zod';
import { SecretRef, type Secret } from '../secret';

const LdapUrl = z.string().regex(/^ldaps?:\/\/[^/\s]+\/?$/, 'must look like ldaps://host:port');

export const DirectorySettings = z
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
        /** One claim entry per staff ID with an account (docs/directory.md): what makes "one each" atomic. */
        claims: z.string().default('ou=claims'),
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
  .strict()
  .superRefine((directory, ctx) => {
    const plain = directory.urls.filter((url) => url.startsWith('ldap://'));
    if (plain.length > 0 && !directory.startTls && !directory.allowPlainLdap) {
      ctx.addIssue({ code: 'custom', path: ['urls'], message: `plain ldap:// (${plain.join(', ')}) needs directory.startTls or directory.allowPlainLdap: true` });
    }
  });

/** The directory settings with the bind password read and the CA loaded. */
export type ResolvedDirectorySettings = Omit<z.output<typeof DirectorySettings>, 'bindPassword'> & { bindPassword: Secret; caPem?: string };
