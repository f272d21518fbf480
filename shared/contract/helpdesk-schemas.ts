// The helpdesk's requests and responses: operator sign-in, health and fleet, lookup, assisted
// starts and the out-of-service switches. Apart from the counter's, which a person at the counter uses.
import { z } from 'zod';

export const OperatorSignInRequest = z.object({ uid: z.string().max(64), password: z.string().max(1024) }).strict();
export const OperatorResponse = z.object({ uid: z.string() });
export const SignedOutResponse = z.object({ signedOut: z.boolean() });
const CheckLines = z.array(
  z.object({ status: z.enum(['OK', 'WARN', 'FAIL', 'SKIP']), name: z.string(), detail: z.string() }),
);
export const HealthResponse = z.object({
  checks: CheckLines,
  counts: z.array(z.object({ action: z.string(), result: z.string(), count: z.number() })),
  appVersion: z.string(),
  configPath: z.string(),
  aisMode: z.enum(['simulator', 'ais']),
});
export type HealthResponse = z.infer<typeof HealthResponse>;
/** The fleet check (docs/directory.md, "Fleet"): this kiosk's audit trail reconciled with the directory, one line per finding. */
export const FleetCheckResponse = z.object({ checks: CheckLines });
export type FleetCheckResponse = z.infer<typeof FleetCheckResponse>;
export const LookupRequest = z.object({ query: z.string().max(128) }).strict();
export const LookupResponse = z.object({
  results: z.array(
    z.object({
      account: z.string(),
      staffId: z.string(),
      name: z.string(),
      state: z.enum(['active', 'suspended', 'password-suspended']),
      /** How far its creation got (docs/directory.md); anything but complete needs a retry or the sweeper. */
      stage: z.enum(['added', 'password-set', 'complete']),
      created: z.string().nullable(),
      contact: z.enum(['confirmed', 'pending', 'none']),
    }),
  ),
  /** More matched than are listed: the helpdesk types more of the name or ID. */
  tooMany: z.boolean(),
});
export type LookupResponse = z.infer<typeof LookupResponse>;
export const HelpdeskConfirmContactRequest = z
  .object({ staffId: z.string().max(32), code: z.string().max(12) })
  .strict();
export const HelpdeskConfirmContactResponse = z.object({ masked: z.string(), account: z.string() });
/** Why the helpdesk assists, for the audit. */
export const AssistReason = z.enum(['forgot-password', 'ais-unavailable', 'cannot-use-kiosk', 'other']);
export type AssistReason = z.infer<typeof AssistReason>;
export const StartAssistedResetRequest = z.object({ staffId: z.string().max(32), reason: AssistReason }).strict();
export const StartAssistedResetResponse = z.object({ account: z.string() });
/** AIS is down: the operator enters the staff ID and re-enters their own password (the entry is written as them). */
export const StartAssistedApplicationRequest = z
  .object({ staffId: z.string().max(32), reason: AssistReason, password: z.string().max(1024) })
  .strict();
export const StartAssistedApplicationResponse = z.object({ name: z.string() });
/**
 * The applicant will sign in through AIS themselves; the operator stays the entry's creator. Only
 * this staff ID's own sign-in is taken as assisted: anyone else's discards the assist.
 */
export const ExpectAssistedApplicationRequest = z
  .object({ staffId: z.string().max(32), reason: AssistReason, password: z.string().max(1024) })
  .strict();
/** Whom the kiosk waits for (the staff ID as main compares it), for whom, and until when (ISO time). */
export const ExpectAssistedApplicationResponse = z.object({
  waiting: z.literal(true),
  staffId: z.string(),
  operator: z.string(),
  until: z.string(),
});
export type ExpectAssistedApplicationResponse = z.infer<typeof ExpectAssistedApplicationResponse>;
/** scope 'kiosk' (the default): this kiosk; 'fleet': every kiosk, through the directory's cn=fleet. */
export const OutOfServiceRequest = z
  .object({ on: z.boolean(), scope: z.enum(['kiosk', 'fleet']).default('kiosk') })
  .strict();
export const OutOfServiceResponse = z.object({ on: z.boolean() });
export const KioskState = z.enum(['in-service', 'out-of-service', 'fleet-out-of-service']);
/** A switch and who set it last, from which kiosk, when (null when it was set by hand without saying). */
export const SwitchMark = z.object({
  on: z.boolean(),
  by: z.string().nullable(),
  from: z.string().nullable(),
  at: z.string().nullable(),
});
export type SwitchMark = z.infer<typeof SwitchMark>;
/** Every kiosk as its heartbeat entry in the directory says; stale when the directory did not answer. */
export const FleetStatusResponse = z.object({
  fleetOutOfService: z.boolean(),
  fleetSwitch: SwitchMark,
  stale: z.boolean(),
  checkedAt: z.string().nullable(),
  kiosks: z.array(
    z.object({
      kioskId: z.string(),
      state: KioskState,
      lastSeen: z.string().nullable(),
      version: z.string(),
      counts: z.array(z.object({ action: z.string(), result: z.string(), count: z.number() })),
      ownSwitch: SwitchMark,
    }),
  ),
});
export type FleetStatusResponse = z.infer<typeof FleetStatusResponse>;
