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

export const Purpose = z.enum(['apply', 'reset']);
export type Purpose = z.infer<typeof Purpose>;

export const BeginSignInRequest = z.object({ purpose: Purpose }).strict();
// 'redirect': the browser host sends the page to AIS; 'completed': Electron's AIS view came back
// with a valid token; 'cancelled': the person closed the AIS view.
export const BeginSignInResponse = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('redirect'), url: z.url() }),
  z.object({ kind: z.literal('completed') }),
  z.object({ kind: z.literal('cancelled') }),
]);
export type BeginSignInResponse = z.infer<typeof BeginSignInResponse>;

export const CancelSignInResponse = z.object({ cancelled: z.boolean() });

/** The profile card's fields, as the legacy portal showed them. */
export const SessionProfile = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  from: z.literal('AIS'),
  loginTime: z.string(),
  language: z.enum(['zh-TW', 'en']),
  condition: z.string(),
  role: z.enum(['staff', 'student']),
});
export type SessionProfile = z.infer<typeof SessionProfile>;

export const CurrentSessionResponse = z.object({ profile: SessionProfile, purpose: Purpose, expiresAt: z.number() });
export type CurrentSessionResponse = z.infer<typeof CurrentSessionResponse>;

export const EndReason = z.enum(['cancel', 'reject', 'finish', 'idle']);
export const EndSessionRequest = z.object({ reason: EndReason }).strict();
export const EndSessionResponse = z.object({ ended: z.boolean() });

export const CONTRACT = {
  status: { channel: CHANNELS.status, request: NoPayload, response: StatusResponse },
  beginSignIn: { channel: CHANNELS.beginSignIn, request: BeginSignInRequest, response: BeginSignInResponse },
  cancelSignIn: { channel: CHANNELS.cancelSignIn, request: NoPayload, response: CancelSignInResponse },
  currentSession: { channel: CHANNELS.currentSession, request: NoPayload, response: CurrentSessionResponse },
  endSession: { channel: CHANNELS.endSession, request: EndSessionRequest, response: EndSessionResponse },
} as const satisfies Record<ApiMethod, { channel: string; request: z.ZodType; response: z.ZodType }>;

export type Contract = typeof CONTRACT;
