// The fleet block of the configuration: how often a kiosk writes its heartbeat to the directory,
// and how often it reads the out-of-service switches (its own and cn=fleet).
import { z } from 'zod';

export const FleetSettings = z
  .object({
    /** The heartbeat (version, state, last seen, today's counts); also written on each change of state. */
    heartbeatSeconds: z.number().int().min(10).default(60),
    /** The switches are read this often, and before each sign-in. */
    checkSeconds: z.number().int().min(5).max(30).default(30),
  })
  .strict()
  .prefault({});
export type FleetSettings = z.output<typeof FleetSettings>;
