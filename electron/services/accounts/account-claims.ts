// The claim that makes "one account per staff ID" atomic. Before its account is added, a creation
// adds cn=<staff ID>,ou=claims: two counters racing for one person both pass every search, but
// the directory refuses the second add of the same DN atomically (slapo-unique on sn is a check,
// then a write, and lets both through). The claim stays as long as the account does; it also
// carries the stage the directory cannot show by itself: whether the mailbox was made.
import { AlreadyExistsError, Attribute, Change, NoSuchObjectError, type Entry } from 'ldapts';
import type { Clock } from '../clock';
import type { DirectoryConnection } from '../directory/directory-connection';
import { assertionFailed, whileValue } from '../directory/assertion-control';
import { childDn } from '../directory/ldap-names';
import { allValues, firstValue } from '../directory/ldap-values';

export interface Claim {
  dn: string;
  /** The account this claim is for; the entry may not exist yet, or any more. */
  accountDn: string | null;
  createdAt: number;
  kioskId: string;
  mailboxMade: boolean;
  /** The mail store made the home directory, though the mailbox was not finished then. */
  homeMade: boolean;
  /** Its claimed(…) value as read: which take of the claim this is (releaseIfUnchanged). */
  claimed: string | null;
}

const CLAIMED = /^claimed\((\d+),([^)]*)\)$/;

export function readClaim(entry: Entry): Claim {
  const descriptions = allValues(entry.description);
  const claimed = descriptions.map((d) => CLAIMED.exec(d)).find(Boolean);
  return {
    claimed: claimed?.[0] ?? null,
    dn: entry.dn,
    accountDn: firstValue(entry.seeAlso) ?? null,
    createdAt: Number(claimed?.[1] ?? 0) * 1000,
    kioskId: claimed?.[2] ?? '',
    mailboxMade: descriptions.some((d) => d.startsWith('mailbox(')),
    homeMade: descriptions.some((d) => d.startsWith('home(')),
  };
}

/** What a claim entry is asked for: the same list wherever one is read. */
export const CLAIM_ATTRIBUTES = ['seeAlso', 'description'];

export class AccountClaims {
  constructor(
    private readonly claimsDn: string,
    private readonly clock: Clock,
    private readonly kioskId: string,
  ) {}

  dnOf(staffId: string): string {
    return childDn('cn', staffId, this.claimsDn);
  }

  /**
   * Adds the claim for staffId and accountDn over writer. Returns null when this call made it, or
   * the claim that was already there (another counter's, or one left behind).
   */
  async take(writer: DirectoryConnection, staffId: string, accountDn: string): Promise<Claim | null> {
    const dn = this.dnOf(staffId);
    const attributes = [
      // applicationProcess (core schema: cn, seeAlso, description) needs no schema of our own.
      new Attribute({ type: 'objectClass', values: ['applicationProcess'] }),
      new Attribute({ type: 'cn', values: [staffId] }),
      new Attribute({ type: 'seeAlso', values: [accountDn] }),
      new Attribute({ type: 'description', values: [`claimed(${Math.floor(this.clock.now() / 1000)},${this.kioskId})`] }),
    ];
    try {
      await writer.run((client) => client.add(dn, attributes), { idempotent: false });
      return null;
    } catch (error) {
      if (!(error instanceof AlreadyExistsError)) throw error;
    }
    const existing = await this.read(writer, staffId);
    // Gone between the refusal and the read: the other side rolled back; report it as in progress.
    return existing ?? { dn, accountDn: null, createdAt: this.clock.now(), kioskId: '', mailboxMade: false, homeMade: false, claimed: null };
  }

  async read(connection: DirectoryConnection, staffId: string): Promise<Claim | null> {
    const dn = this.dnOf(staffId);
    const entries = await connection.run(
      (client) =>
        client.search(dn, { scope: 'base', attributes: CLAIM_ATTRIBUTES }).then(
          (r) => r.searchEntries,
          (error: unknown) => {
            if (error instanceof NoSuchObjectError) return [];
            throw error;
          },
        ),
      { idempotent: true },
    );
    return entries[0] ? readClaim(entries[0]) : null;
  }

  /** Removes the claim; one that is already gone is fine. */
  async release(writer: DirectoryConnection, staffId: string): Promise<void> {
    await writer.run(
      (client) =>
        client.del(this.dnOf(staffId)).catch((error: unknown) => {
          if (!(error instanceof NoSuchObjectError)) throw error;
        }),
      { idempotent: false },
    );
  }

  /**
   * Removes the claim only while it is still the take that was read: a claim read as abandoned may
   * have been taken over by another counter since, and deleting that one would let two creations
   * for one staff ID through. Returns false when it had changed (and is left alone); a claim
   * already gone is fine.
   */
  async releaseIfUnchanged(writer: DirectoryConnection, staffId: string, read: Claim): Promise<boolean> {
    if (read.claimed === null) {
      await this.release(writer, staffId); // written by no kiosk of ours: nothing to compare with
      return true;
    }
    const guard = whileValue('description', read.claimed);
    return writer.run(
      (client) =>
        client.del(this.dnOf(staffId), guard).then(
          () => true,
          (error: unknown) => {
            if (error instanceof NoSuchObjectError) return true;
            if (assertionFailed(error)) return false;
            throw error;
          },
        ),
      { idempotent: false },
    );
  }

  /** The last stage: the mail store made the mailbox. */
  markMailboxMade(writer: DirectoryConnection, staffId: string): Promise<void> {
    return this.mark(writer, staffId, 'mailbox');
  }

  /** A mailbox left unfinished after its home was made: finishing it must not send mkhomedir again. */
  markHomeMade(writer: DirectoryConnection, staffId: string): Promise<void> {
    return this.mark(writer, staffId, 'home');
  }

  private async mark(writer: DirectoryConnection, staffId: string, what: 'mailbox' | 'home'): Promise<void> {
    const value = `${what}(${Math.floor(this.clock.now() / 1000)})`;
    await writer.run((client) => client.modify(this.dnOf(staffId), [new Change({ operation: 'add', modification: new Attribute({ type: 'description', values: [value] }) })]), {
      idempotent: false,
    });
  }
}
