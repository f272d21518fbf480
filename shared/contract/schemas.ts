// One zod schema per request and per response. Main parses both directions, so a response
// can never carry a field the contract does not name (zod strips unknown keys).
import { z } from 'zod';
import { CHANNELS, type ApiMethod } from './channels';

const NoPayload = z.object({}).strict();

export const StatusResponse = z.object({
  appVersion: z.string(),
  kioskId: z.string(),
  directory: z.object({
    // 'online' when at least one configured server answered a root-DSE read.
    state: z.enum(['online', 'offline']),
    serversConfigured: z.number().int().nonnegative(),
    serversReachable: z.number().int().nonnegative(),
  }),
});
export type StatusResponse = z.infer<typeof StatusResponse>;

export const CONTRACT = {
  status: { channel: CHANNELS.status, request: NoPayload, response: StatusResponse },
} as const satisfies Record<ApiMethod, { channel: string; request: z.ZodType; response: z.ZodType }>;

export type Contract = typeof CONTRACT;
