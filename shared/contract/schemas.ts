// One zod schema per request and per response. Main parses both directions, so a response
// can never carry a field the contract does not name (zod strips unknown keys).
import { z } from 'zod';
import { CHANNELS, type ApiMethod } from './channels';
import {
  OperatorSignInRequest,
  OperatorResponse,
  SignedOutResponse,
  HealthResponse,
  FleetCheckResponse,
  LookupRequest,
  LookupResponse,
  HelpdeskConfirmContactRequest,
  HelpdeskConfirmContactResponse,
  StartAssistedResetRequest,
  StartAssistedResetResponse,
  StartAssistedApplicationRequest,
  StartAssistedApplicationResponse,
  ExpectAssistedApplicationRequest,
  ExpectAssistedApplicationResponse,
  OutOfServiceRequest,
  OutOfServiceResponse,
  FleetStatusResponse,
} from './helpdesk-schemas';

const NoPayload = z.object({}).strict();

export const StatusResponse = z.object({
  appVersion: z.string(),
  kioskId: z.string(),
  directory: z.object({
    // 'online' when at least one configured server answered a root-DSE read.
    state: z.enum(['online', 'offline']),
    serversConfigured: z.number().int().nonnegative(),
    serversReachable: z.number().int().nonnegative(),
    /** Whether a write server takes writes now; false pauses creations, resets and contact confirmations. */
    writable: z.boolean().optional(),
  }),
  /** Whether the AIS login page answered (any HTTP reply counts). */
  ais: z.object({ state: z.enum(['online', 'offline']) }),
  /** Set by a helpdesk operator: the kiosk shows "temporarily out of service" until switched back. */
  outOfService: z.boolean(),
  /** While the kiosk keeps itself out of service (a directory not laid out for it): a short reference for the helpdesk. */
  reference: z.string().nullable().optional(),
  /** Shown on Welcome before anyone signs in: DIRECTORY_READ_ONLY while the directory answers reads only. */
  notice: z.enum(['DIRECTORY_READ_ONLY']).nullable().optional(),
});
export type StatusResponse = z.infer<typeof StatusResponse>;

export const SettingsResponse = z.object({
  idleSeconds: z.number().int().positive(),
  idleWarningSeconds: z.number().int().positive(),
  resultSeconds: z.number().int().positive(),
  mailDomain: z.string(),
  /** For the contact step's own check; main checks again. */
  institutionDomains: z.array(z.string()),
  /** Printed on the receipt. */
  kioskId: z.string(),
  /** What the result screen says about signing in, and where the receipt's QR code leads. */
  result: z.object({
    webmailUrl: z.string(),
    incomingServer: z.string(),
    outgoingServer: z.string(),
    helpUrl: z.string(),
    /** 'silent': main prints to the configured printer; 'page': the page prints itself (window.print); 'none': no printer, the screen shows the QR code. */
    printing: z.enum(['silent', 'page', 'none']),
  }),
});
export type SettingsResponse = z.infer<typeof SettingsResponse>;

/** Step 1 is the Network Usage Policy, step 2 the Terms of Use for Email Accounts. */
export const PolicyId = z.enum(['network-usage', 'email-terms']);
export type PolicyId = z.infer<typeof PolicyId>;
/** The kiosk's two languages, Traditional Chinese first: of the person, the screens and the policies. */
export const KioskLanguage = z.enum(['zh-TW', 'en']);
export type KioskLanguage = z.infer<typeof KioskLanguage>;
export const PolicyLanguage = KioskLanguage;
export type PolicyLanguage = KioskLanguage;

export const GetPolicyRequest = z.object({ id: PolicyId, language: PolicyLanguage }).strict();
export const PolicyResponse = z.object({
  id: PolicyId,
  language: PolicyLanguage,
  title: z.string(),
  version: z.string(),
  approved: z.string(),
  amended: z.array(z.string()),
  summary: z.boolean(),
  source: z.string().optional(),
  markdown: z.string(),
  hash: z.string(),
});
export type PolicyResponse = z.infer<typeof PolicyResponse>;

/** What the person saw when they accepted: main checks it is the text it serves now. */
export const AcceptPolicyRequest = z
  .object({
    id: PolicyId,
    version: z.string().max(100),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    language: PolicyLanguage,
  })
  .strict();
export const AcceptPolicyResponse = z.object({ accepted: z.literal(true) });

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
// Electron's AIS view is a separate page: main knows when it was last touched, and moves it out of
// the way while the kiosk's idle warning shows. Null and false where no AIS page is shown here.
export const SignInActivityResponse = z.object({ quietMs: z.number().nonnegative().nullable() });
export const ObscureSignInRequest = z.object({ obscured: z.boolean() }).strict();
export const ObscureSignInResponse = z.object({ obscured: z.boolean() });

/** The profile card's fields, as the legacy portal showed them. */
export const SessionProfile = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  from: z.enum(['AIS', 'helpdesk']),
  loginTime: z.string(),
  language: KioskLanguage,
  condition: z.string(),
  role: z.enum(['staff', 'student']),
});
export type SessionProfile = z.infer<typeof SessionProfile>;

export const CurrentSessionResponse = z.object({
  profile: SessionProfile,
  purpose: Purpose,
  expiresAt: z.number(),
  /** Whether the passport name yields any valid account name at all (the directory is not asked). */
  nameUsable: z.boolean(),
  /** The helpdesk operator who started or expected this session (an assisted one); absent otherwise. */
  assistedBy: z.string().optional(),
});
export type CurrentSessionResponse = z.infer<typeof CurrentSessionResponse>;

export const EndReason = z.enum(['cancel', 'reject', 'finish', 'idle']);
export const EndSessionRequest = z.object({ reason: EndReason }).strict();
export const EndSessionResponse = z.object({ ended: z.boolean() });

/** For apply: eligible (a refusal comes as USER(-1/-3/-5)); for reset: the account to reset. */
export const CheckAccountResponse = z.object({ purpose: Purpose, account: z.string().optional() });

export const CandidatesResponse = z.object({ candidates: z.array(z.string()), domain: z.string() });

// Length limits here only bound the payload; the password rules (with their own codes) are main's.
const PasswordField = z.string().max(1024);
export const CreateAccountRequest = z
  .object({ account: z.string().min(1).max(64), password: PasswordField, confirm: PasswordField })
  .strict();
export const CreateAccountResponse = z.object({
  address: z.string(),
  uid: z.string(),
  mailbox: z.object({
    mode: z.enum(['none', 'campus']),
    homeCreated: z.boolean(),
    quota: z.object({ usedKB: z.number(), quotaKB: z.number() }).nullable(),
    mbox: z.object({ sizeKB: z.number(), files: z.number() }).nullable(),
    /** The first mail-store step that did not finish (the account works all the same), or null. */
    unfinished: z.enum(['mkhomedir', 'setquota', 'getquota']).nullable(),
  }),
  effectiveInMinutes: z.number().int().nonnegative(),
});
export type CreateAccountResponse = z.infer<typeof CreateAccountResponse>;

export const ResetPasswordRequest = z.object({ password: PasswordField, confirm: PasswordField }).strict();
export const ResetPasswordResponse = z.object({ address: z.string() });

export const RegisterContactRequest = z.object({ address: z.string().max(320) }).strict();
export const ConfirmContactRequest = z.object({ code: z.string().max(12) }).strict();
/** Only ever the masked address goes back to the screen. */
export const ContactResponse = z.object({ masked: z.string() });

/** 'window-print': this shell cannot print by itself; the page calls window.print (browser host). */
export const PrintReceiptResponse = z.object({ printed: z.enum(['printed', 'window-print']) });

/** The meter's question before Apply: is this password in the breached-password filter? Main decides again at Apply. */
export const CheckBreachedRequest = z.object({ password: PasswordField }).strict();
export const CheckBreachedResponse = z.object({ breached: z.boolean() });

export const CONTRACT = {
  status: { channel: CHANNELS.status, request: NoPayload, response: StatusResponse },
  settings: { channel: CHANNELS.settings, request: NoPayload, response: SettingsResponse },
  getPolicy: { channel: CHANNELS.getPolicy, request: GetPolicyRequest, response: PolicyResponse },
  acceptPolicy: { channel: CHANNELS.acceptPolicy, request: AcceptPolicyRequest, response: AcceptPolicyResponse },
  beginSignIn: { channel: CHANNELS.beginSignIn, request: BeginSignInRequest, response: BeginSignInResponse },
  cancelSignIn: { channel: CHANNELS.cancelSignIn, request: NoPayload, response: CancelSignInResponse },
  signInActivity: { channel: CHANNELS.signInActivity, request: NoPayload, response: SignInActivityResponse },
  obscureSignIn: { channel: CHANNELS.obscureSignIn, request: ObscureSignInRequest, response: ObscureSignInResponse },
  currentSession: { channel: CHANNELS.currentSession, request: NoPayload, response: CurrentSessionResponse },
  endSession: { channel: CHANNELS.endSession, request: EndSessionRequest, response: EndSessionResponse },
  checkAccount: { channel: CHANNELS.checkAccount, request: NoPayload, response: CheckAccountResponse },
  accountCandidates: { channel: CHANNELS.accountCandidates, request: NoPayload, response: CandidatesResponse },
  createAccount: { channel: CHANNELS.createAccount, request: CreateAccountRequest, response: CreateAccountResponse },
  resetPassword: { channel: CHANNELS.resetPassword, request: ResetPasswordRequest, response: ResetPasswordResponse },
  registerContact: { channel: CHANNELS.registerContact, request: RegisterContactRequest, response: ContactResponse },
  confirmContact: { channel: CHANNELS.confirmContact, request: ConfirmContactRequest, response: ContactResponse },
  operatorSignIn: { channel: CHANNELS.operatorSignIn, request: OperatorSignInRequest, response: OperatorResponse },
  operatorSignOut: { channel: CHANNELS.operatorSignOut, request: NoPayload, response: SignedOutResponse },
  helpdeskHealth: { channel: CHANNELS.helpdeskHealth, request: NoPayload, response: HealthResponse },
  helpdeskLookup: { channel: CHANNELS.helpdeskLookup, request: LookupRequest, response: LookupResponse },
  setOutOfService: { channel: CHANNELS.setOutOfService, request: OutOfServiceRequest, response: OutOfServiceResponse },
  startAssistedApplication: {
    channel: CHANNELS.startAssistedApplication,
    request: StartAssistedApplicationRequest,
    response: StartAssistedApplicationResponse,
  },
  expectAssistedApplication: {
    channel: CHANNELS.expectAssistedApplication,
    request: ExpectAssistedApplicationRequest,
    response: ExpectAssistedApplicationResponse,
  },
  startAssistedReset: {
    channel: CHANNELS.startAssistedReset,
    request: StartAssistedResetRequest,
    response: StartAssistedResetResponse,
  },
  helpdeskConfirmContact: {
    channel: CHANNELS.helpdeskConfirmContact,
    request: HelpdeskConfirmContactRequest,
    response: HelpdeskConfirmContactResponse,
  },
  helpdeskFleetCheck: { channel: CHANNELS.helpdeskFleetCheck, request: NoPayload, response: FleetCheckResponse },
  helpdeskFleetStatus: { channel: CHANNELS.helpdeskFleetStatus, request: NoPayload, response: FleetStatusResponse },
  printReceipt: { channel: CHANNELS.printReceipt, request: NoPayload, response: PrintReceiptResponse },
  checkBreached: { channel: CHANNELS.checkBreached, request: CheckBreachedRequest, response: CheckBreachedResponse },
} as const satisfies Record<ApiMethod, { channel: string; request: z.ZodType; response: z.ZodType }>;

export type Contract = typeof CONTRACT;
