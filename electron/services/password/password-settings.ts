// The password block of the configuration: which breached-password filter the kiosk asks.
import { z } from 'zod';

/** The shipped filter's file name, beside main's bundle (out/main), built by `npm run build`. */
export const BUNDLED_BREACHED_FILTER = 'breached-passwords.mxbf';

export const PasswordSettings = z
  .object({
    /** A filter built by `mx-kiosk breached build`; absent means the one shipped with the app. */
    breachedFilter: z.string().min(1).optional(),
  })
  .strict()
  .prefault({});
export type PasswordSettings = z.output<typeof PasswordSettings>;

/** The configured filter, else the shipped one; null where neither exists (a checkout's tests). */
export function breachedFilterPath(settings: PasswordSettings | undefined, bundled: string | undefined): string | null {
  return settings?.breachedFilter ?? bundled ?? null;
}
