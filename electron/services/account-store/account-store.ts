// The accounts' writes, bound to one unit of work: one write server (the service account's
// connection to it, for every read that decides or proves a write) and the connection that writes
// there (the service account's, or an operator's in an assisted application). A claim, an entry,
// a uidNumber and a mark are written only here, and every delete asserts (RFC 4528) exactly what
// this unit wrote or saw, so a cleanup never removes another counter's work.
import { AlreadyExistsError, ConstraintViolationError, type Client, type Control } from 'ldapts';
import type { Clock } from '../clock';
import { assertionFailed, whileMatching } from '../directory/assertion-control';
import { isNoSuchObject, type DirectoryConnection } from '../directory/directory-connection';
import type { HashingAnswer } from '../directory/hashing-probe';
import { allOf, equals, not, present, startsWith } from '../directory/ldap-names';
import { firstValue } from '../directory/ldap-values';
import { encodePasswordModifyRequest, PASSWORD_MODIFY_OID } from '../directory/password-modify';
import { KioskError } from '../kiosk-error';
import {
  accountAttributes,
  claimAttributes,
  claimJustGone,
  passwordFormOf,
  type NewAccount,
  type PasswordForm,
} from './account-attributes';
import { uidCounterFor, type DirectoryLayout } from './account-layout';
import type { AccountReads } from './account-reads';
import {
  claimedMarker,
  stageMarker,
  type AccountEntry,
  type AccountState,
  type AttemptId,
  type Claim,
} from './account-records';
import { checkLayout, missingContainer, type LayoutFinding } from './layout-check';
import { passwordRefusal } from './password-refusal';
import { allocateUidNumber, readCounter } from './uid-number-allocator';
import { change } from '../directory/ldap-changes';

/** The server a unit works on, and who writes there. */
export interface StoreTarget {
  url: string;
  /** How a new account's password reaches this server (directory/hashing-probe.ts). */
  passwords: HashingAnswer;
  /** The service account's connection to url: reads that decide or prove a write. */
  connection: DirectoryConnection;
  /** The connection that writes (the service account's, or the operator's in an assisted application). */
  writer: DirectoryConnection;
}

/** What a guarded delete found: done, already gone, or changed since it was seen (left alone). */
export type Removal = 'removed' | 'gone' | 'changed';

export class AccountStore {
  constructor(
    readonly target: StoreTarget,
    private readonly reads: AccountReads,
    private readonly clock: Clock,
  ) {}

  private get layout(): DirectoryLayout {
    return this.reads.layout;
  }

  /** The account entry's configured shape (home directory pattern, gid). */
  get layoutAccount(): DirectoryLayout['account'] {
    return this.layout.account;
  }

  /** The person's account and claim, read on this unit's server (changes nothing). */
  standing(staffId: string): Promise<AccountState> {
    return this.reads.findByStaffId(staffId, this.target.connection);
  }

  hasAccount(staffId: string): Promise<boolean> {
    return this.reads.hasAccount(staffId, this.target.connection);
  }

  entry(dn: string): Promise<AccountEntry | null> {
    return this.reads.entry(dn, this.target.connection);
  }

  claim(staffId: string): Promise<Claim | null> {
    return this.reads.claim(staffId, this.target.connection);
  }

  /** This server's uid counter as it reads now (a read: nothing is taken). */
  readUidCounter(): Promise<number> {
    return this.read((client) => readCounter(client, uidCounterFor(this.layout, this.target.url).counterDn));
  }

  /** A uidNumber from this server's range, taken atomically (uid-number-allocator.ts). */
  allocateUidNumber(readAhead?: number): Promise<number> {
    const counter = uidCounterFor(this.layout, this.target.url);
    return this.write((client) =>
      allocateUidNumber(client, {
        counterDn: counter.counterDn,
        baseDn: this.layout.baseDn,
        range: counter,
        readAhead,
      }),
    );
  }

  /** The claimed(…) value a claim taken now by madeBy carries: known before it is sent, so a cut-off add can still be released. */
  claimedValue(madeBy: AttemptId): string {
    return claimedMarker(this.clock.now(), madeBy);
  }

  /**
   * Adds the claim on staffId for accountDn, carrying claimed (claimedValue). Returns null when
   * this call made it, or the claim that was already there (another counter's, or one left behind).
   */
  async takeClaim(staffId: string, accountDn: string, claimed: string): Promise<Claim | null> {
    const attributes = claimAttributes(staffId, accountDn, claimed);
    try {
      await this.write((client) => client.add(this.reads.claimDn(staffId), attributes));
      return null;
    } catch (error) {
      if (isNoSuchObject(error)) throw missingContainer(this.layout.claimsDn);
      if (!(error instanceof AlreadyExistsError)) throw error;
    }
    // Gone between the refusal and the read: the other side gave it back; report it as in progress.
    return (await this.claim(staffId)) ?? claimJustGone(this.reads.claimDn(staffId), staffId, this.clock.now());
  }

  /**
   * Removes the claim on staffId only while it still carries claimed, the value this unit wrote or
   * read: a claim taken over by another counter since is left alone. A claim no kiosk wrote
   * (claimed null) is removed only while it still has no claimed(…) value.
   */
  releaseClaim(staffId: string, claimed: string | null): Promise<Removal> {
    const guard = claimed === null ? not(startsWith('description', 'claimed(')) : equals('description', claimed);
    return this.deleteGuarded(this.reads.claimDn(staffId), allOf(equals('cn', staffId), guard));
  }

  /**
   * Adds the account entry, with the password when given (a directory that hashes a cleartext
   * userPassword on add: the entry never exists without its password), and returns its uidNumber.
   * first is a number already taken for it; staffIdHeld is asked after a uniqueness refusal.
   */
  async addAccount(
    entry: NewAccount,
    options: { password?: string; first?: Promise<number>; staffIdHeld: () => Promise<boolean> },
  ): Promise<number> {
    const { layout } = this;
    // A clash on uidNumber (another tool used it meanwhile) just takes the next number.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const uidNumber = await (attempt === 0 && options.first ? options.first : this.allocateUidNumber());
      const attributes = accountAttributes(layout, entry, {
        uidNumber,
        nowMs: this.clock.now(),
        password: options.password,
      });
      try {
        await this.write((client) => client.add(entry.dn, attributes));
        return uidNumber;
      } catch (error) {
        if (error instanceof AlreadyExistsError) throw new KioskError('NAME_TAKEN', `${entry.uid} exists`);
        if (isNoSuchObject(error)) throw missingContainer(layout.peopleDn);
        if (!(error instanceof ConstraintViolationError)) throw error;
        // The password policy refused the password carried by the add; nothing was written.
        if (!/non-unique attributes/i.test(error.message)) throw passwordRefusal(error)!;
        // slapo-unique refused a duplicate uidNumber (another tool's: take the next number) or staff
        // ID. The claim keeps the kiosk's own creations apart, so a staff ID clash is an entry made
        // by something else; the person's next try reads its standing and is told what it is.
        if (await options.staffIdHeld())
          throw new KioskError('APPLICATION_IN_PROGRESS', 'another entry holds this staff ID', {
            retryAfterSeconds: 5,
          });
      }
    }
    throw new KioskError('INTERNAL', 'uidNumber kept clashing');
  }

  /** How dn's userPassword is stored, read as the service account; the value itself is never kept. */
  async passwordForm(dn: string): Promise<PasswordForm> {
    const text = await this.read(async (client) =>
      firstValue(
        (await client.search(dn, { scope: 'base', attributes: ['userPassword'] })).searchEntries[0]?.userPassword,
      ),
    );
    return passwordFormOf(text);
  }

  /** Password Modify (RFC 3062): the server hashes the password with its own scheme. */
  setPassword(dn: string, password: string): Promise<void> {
    return this.write(async (client: Client) => {
      try {
        await client.exop(PASSWORD_MODIFY_OID, encodePasswordModifyRequest(dn, password));
      } catch (error) {
        throw passwordRefusal(error) ?? error;
      }
    });
  }

  /**
   * Deletes an account entry only while it is as seen: the same staff ID and the same marker (the
   * attempt that made it, or the legacy create(…) value), and, unless password is 'any', still
   * without a password. A finished account, or one another counter made under the same name, stays.
   */
  removeEntry(seen: AccountEntry, password: 'absent' | 'any' = 'absent'): Promise<Removal> {
    const marker = seen.attempt ?? seen.created;
    const guards = [
      equals(this.layout.attrs.staffId, seen.staffId),
      ...(marker ? [equals('description', marker)] : []),
      ...(password === 'absent' ? [not(present('userPassword'))] : []),
    ];
    return this.deleteGuarded(seen.dn, allOf(...guards));
  }

  /** Whether this server is laid out for the kiosk (layout-check.ts); its probes leave nothing behind. */
  checkLayout(kioskEntryDn: string): Promise<LayoutFinding[]> {
    return this.target.connection.run(
      (client) => checkLayout(client, this.layout, { url: this.target.url, kioskEntryDn }),
      { idempotent: false },
    );
  }

  /** Marks the claim: the mail store made the mailbox ('mailbox'), or only its home ('home'). */
  async mark(staffId: string, what: 'mailbox' | 'home'): Promise<void> {
    const value = stageMarker(what, this.clock.now());
    await this.write((client) => client.modify(this.reads.claimDn(staffId), [change('add', 'description', value)]));
  }

  /** A write on the writing connection: never repeated by the connection, since it may have taken. */
  private write<T>(operation: (client: Client) => Promise<T>): Promise<T> {
    return this.target.writer.run(operation, { idempotent: false });
  }

  /** A read as the service account, on this unit's server. */
  private read<T>(operation: (client: Client) => Promise<T>): Promise<T> {
    return this.target.connection.run(operation, { idempotent: true });
  }

  private deleteGuarded(dn: string, asSeen: Parameters<typeof whileMatching>[0]): Promise<Removal> {
    const guard: Control = whileMatching(asSeen);
    return this.write((client) =>
      client.del(dn, guard).then(
        (): Removal => 'removed',
        (error: unknown): Removal => {
          if (isNoSuchObject(error)) return 'gone';
          if (assertionFailed(error)) return 'changed';
          throw error;
        },
      ),
    );
  }
}
