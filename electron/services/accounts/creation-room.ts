// What every creation attempt shares: the services it uses (given once by AccountCreation), what
// it captured of the person when it started, how far it got, and how its failures are told.
import type { DirectoryLayout } from '../account-store/account-layout';
import type { AccountState } from '../account-store/account-records';
import { creationStage, type CreationStage } from '../account-store/account-records';
import type { AccountStores } from '../account-store/account-stores';
import type { AuditLog } from '../audit/audit-log';
import type { WriteServers } from '../directory/write-servers';
import { auditedAs, toKioskError, type KioskError } from '../kiosk-error';
import type { Logger } from '../logger';
import type { MailboxProvisioner } from '../mailbox/mailbox-provisioner';
import type { StrengthRater } from '../password/strength-rater';
import type { AccountStanding } from './account-standing';
import type { AttemptLedger } from './attempt-ledger';
import type { CreationLeftovers } from './creation-leftovers';
import type { PasswordSetter } from './password-setter';

export interface CreationServices {
  stores: AccountStores;
  layout: DirectoryLayout;
  standing: AccountStanding;
  leftovers: CreationLeftovers;
  ledger: AttemptLedger;
  passwords: PasswordSetter;
  mailbox: MailboxProvisioner;
  mailboxMode: 'none' | 'campus';
  rater: StrengthRater;
  audit: AuditLog;
  logger: Logger;
  effectiveInMinutes: number;
}

/** The services, and the one rule an attempt and the offered names share: which accounts a person finishes. */
export interface CreationRoom extends CreationServices {
  /**
   * The person's own account, made by an attempt that stopped before its mailbox (campus mode), or
   * by an attempt of this kiosk that ended without telling them it worked: they finish it, under
   * its name, with the password it has.
   */
  resumable(state: AccountState): boolean;
}

export function creationRoom(services: CreationServices): CreationRoom {
  return {
    ...services,
    resumable: (state) =>
      state.state === 'active' &&
      (creationStage(state, services.mailboxMode) === 'password-set' ||
        services.ledger.endedUntold(state.claim?.madeBy ?? null)),
  };
}

/** What a creation captured from its session when it started: ending the session changes none of it. */
export interface Applicant {
  staffId: string;
  name: string;
  nameEn: string;
  operator?: string;
  offeredNames: readonly string[];
  /** Why the session may not create, decided at the start (wrong purpose, consent missing). */
  refusal: KioskError | null;
  /** In an assisted application the operator writes, bound as themselves, on the same server. */
  creator: WriteServers | null;
}

/** How far one creation got, and where: what its audit line says. */
export interface Progress {
  stage: CreationStage;
  detail?: string;
  uidNumber?: number;
  server?: string;
}

/** A creation's failure: the error the person is told, and how its audit line records it. */
export function creationFailure(error: unknown): {
  error: KioskError;
  line: { result: 'refused' | 'failed'; code: KioskError['code'] };
} {
  const known = toKioskError(error);
  return { error: known, line: { result: auditedAs(known.code), code: known.code } };
}
