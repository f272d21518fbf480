// The mailbox block of the configuration: whether the kiosk makes the mailbox itself (the campus
// mail-store line services) or leaves it to the mail server, and the quota it sets.
import { z } from 'zod';

export const MailboxSettings = z
  .object({
    /** none: LDAP only, the mail server makes the mailbox on first delivery; campus: the mail-store line protocols. */
    mode: z.enum(['none', 'campus']).default('none'),
    realm: z
      .string()
      .regex(/^[a-z0-9.-]+$/)
      .default('mx'),
    quota: z
      .string()
      .regex(/^[0-9]+[KMGT]$/)
      .default('60G'),
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
  .refine((m) => m.mode !== 'campus' || m.campus !== undefined, {
    message: 'mailbox.mode campus needs mailbox.campus',
    path: ['campus'],
  });
export type MailboxSettings = z.output<typeof MailboxSettings>;
