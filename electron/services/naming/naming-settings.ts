// The naming block of the configuration: word lists an operator adds to the built-in ones.
import { z } from 'zod';

export const NamingSettings = z
  .object({
    /** Extra reserved words, one per line; added to the built-in list. */
    reservedWordsFile: z.string().optional(),
    /** Extra local system account names, one per line. */
    systemAccountsFile: z.string().optional(),
  })
  .strict()
  .prefault({});
export type NamingSettings = z.output<typeof NamingSettings>;
