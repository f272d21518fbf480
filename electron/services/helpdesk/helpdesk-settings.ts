// The helpdesk block of the configuration: where operators and the HR records live, and the
// operator sign-in's limits.
import { z } from 'zod';

export const HelpdeskSettings = z
  .object({
    /** Where operators' own entries live (relative to baseDn); they sign in with their own password. */
    operatorsBase: z.string().default('ou=operators'),
    /** The attribute an operator types as their name at sign-in. */
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
    /** How long an assisted application through AIS waits for the applicant's sign-in. */
    assistWaitMinutes: z.number().int().positive().default(10),
  })
  .strict()
  .prefault({});
export type HelpdeskSettings = z.output<typeof HelpdeskSettings>;
