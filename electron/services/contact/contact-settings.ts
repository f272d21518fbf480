// The contact and smtp blocks of the configuration: the rules for the contact address (Email-2)
// and the relay that mails its confirmation codes.
import { z } from 'zod';
import { SecretRef, type Secret } from '../secret';

export const ContactSettings = z
  .object({
    /** The institution's own mail domains (and their subdomains): never a contact address. */
    institutionDomains: z.array(z.string().min(1)).default(['nthu.edu.tw']),
    /** Where on the account entry the address and its pending code live (build/ldap/mx-kiosk-contact.ldif). */
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
    /** Wrong tries at the counter, within counterMinutes. */
    counterTries: z.number().int().positive().default(5),
    /** Wrong tries of one code on every path (the counter's and the helpdesk's together); then it dies. */
    codeTries: z.number().int().positive().default(10),
    maxCodesPerHour: z.number().int().positive().default(3),
  })
  .strict()
  .prefault({});
export type ContactSettings = z.output<typeof ContactSettings>;

/** The relay that sends the confirmation codes; without it, contact addresses wait for the helpdesk. */
export const SmtpSettings = z
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
    /** How long one mail may take, connection included. */
    timeoutMs: z.number().int().positive().default(10_000),
  })
  .strict()
  .refine((smtp) => smtp.security !== 'none' || smtp.allowPlain, {
    message: 'smtp.security none needs smtp.allowPlain: true',
    path: ['security'],
  })
  .optional();

/** The relay's settings with its password read and its CA loaded. */
export type ResolvedSmtpSettings = Omit<NonNullable<z.output<typeof SmtpSettings>>, 'password'> & {
  password?: Secret;
  caPem?: string;
};
