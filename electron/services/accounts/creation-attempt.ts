// One attempt at creating a mailbox account, its stages as methods (docs/directory.md): decide
// (the checks, the password policy, the person's standing), claim the staff ID, add the account
// (account-adding.ts: with its password in one add where the server hashes it, so the entry never
// exists without it; elsewhere the add, then Password Modify), finish the mailbox.
// Whatever the attempt made and could not keep is undone as it made it, or left, named, for this
// kiosk to clear once the directory answers. Every attempt ends in exactly one audit line.
import type { AccountState, AttemptId } from '../account-store/account-records';
import { childDn } from '../directory/ldap-names';
import type { NewAccount } from '../account-store/account-attributes';
import type { AccountStore } from '../account-store/account-store';
import { hasCode, KioskError } from '../kiosk-error';
import { mailboxMade } from '../mailbox/mailbox-provisioner';
import { enforcePasswordPolicy } from '../password/password-policy';
import type { CreationResult } from '../session/kiosk-session';
import type { Leftover } from './attempt-ledger';
import { creationFailure, type Applicant, type CreationRoom, type Progress } from './creation-room';
import { mailboxAccountOf } from '../account-store/account-layout';
import { provisionAndMark } from './mailbox-finisher';
import { AccountAdding, type AddingAttempt } from './account-adding';

export interface CreationRequest {
  account: string;
  password: string;
  confirm: string;
}

const isOutage = (error: unknown) => hasCode(error, 'DIRECTORY_UNAVAILABLE');

export class CreationAttempt implements AddingAttempt {
  readonly progress: Progress = { stage: 'none' };
  private readonly id: AttemptId;
  private readonly dn: string;
  /** The claimed(…) value once this attempt sent its claim: what its own release asserts. */
  private claimed: string | null = null;
  private told = false;

  constructor(
    readonly room: CreationRoom,
    private readonly person: Applicant,
    private readonly request: CreationRequest,
    private readonly clientIp: string,
  ) {
    this.id = room.ledger.begin();
    this.dn = childDn(room.layout.attrs.account, request.account, room.layout.peopleDn);
  }

  get password(): string {
    return this.request.password;
  }

  async run(): Promise<CreationResult> {
    const { person, progress, request } = this;
    // Every line says how far the attempt got, whichever way it ended.
    const line = () => ({
      action: 'create' as const,
      staffId: person.staffId,
      account: request.account,
      operator: person.operator,
      stage: progress.stage,
      uidNumber: progress.uidNumber,
      server: progress.server,
    });
    try {
      const result = await this.stages();
      // A mailbox left to finish is still a success (the account works), with its own code.
      const code = mailboxMade(result.mailbox) ? undefined : 'MAILBOX_UNFINISHED';
      await this.room.audit.note({ ...line(), result: 'ok', code, detail: progress.detail });
      this.told = true;
      return result;
    } catch (error) {
      const known = creationFailure(error);
      await this.room.audit.note({ ...line(), ...known.line, detail: progress.detail ?? known.error.detail });
      throw known.error;
    } finally {
      this.room.ledger.end(this.id, this.told);
    }
  }

  private async stages(): Promise<CreationResult> {
    const { person, request } = this;
    if (person.refusal) throw person.refusal;
    if (!person.offeredNames.includes(request.account))
      throw new KioskError('NAME_NOT_OFFERED', 'the name was not offered in this session');
    const { store, state, counter } = await this.decide();
    this.progress.server = store.target.url;
    if (state.state === 'active' && this.room.resumable(state) && state.uid === request.account)
      return this.resume(store, state);
    const refusal = this.room.standing.refusalToApply(state);
    if (refusal) throw refusal;
    const { uidNumberTaken } = await this.claim(store, counter);
    const adding = new AccountAdding(this, this.newAccount());
    const uidNumber = await (store.target.passwords.path === 'one-add'
      ? adding.withPassword(store, uidNumberTaken)
      : adding.thenSetPassword(store, uidNumberTaken));
    this.progress.stage = 'password-set';
    this.progress.uidNumber = uidNumber;
    return this.finishMailbox(store, uidNumber, false);
  }

  /**
   * The write server, the person's standing there once what ended is cleared, and its uid counter
   * (a read: a stale value only makes the compare-and-swap read again). The password policy is
   * decided meanwhile and awaited first: its refusal wins, and nothing is written before it passes.
   */
  private async decide(): Promise<{ store: AccountStore; state: AccountState; counter: Promise<number | undefined> }> {
    const { room, person, request } = this;
    const policy = enforcePasswordPolicy(
      request.password,
      request.confirm,
      { staffId: person.staffId, nameEn: person.nameEn, account: request.account },
      room.rater,
    );
    const reading = (async () => {
      const store = await room.stores.begin({ writer: person.creator ?? undefined });
      const counter = store.readUidCounter().catch(() => undefined);
      return { store, counter, state: await room.leftovers.clearFor(store, person.staffId) };
    })();
    // Handled here as well, so that its failure while the policy is still deciding is not unhandled.
    reading.catch(() => undefined);
    // The attempt ends only once what it started has: a retry never runs beside these reads.
    await policy.catch(async (error: unknown) => {
      await reading.catch(() => undefined);
      throw error;
    });
    return reading;
  }

  /** The person's own account stopped before its mailbox (or before they were told): finish it. */
  private async resume(
    store: AccountStore,
    state: Extract<AccountState, { state: 'active' }>,
  ): Promise<CreationResult> {
    const { room } = this;
    this.progress.stage = 'password-set';
    if (!(await room.passwords.binds(store, state.dn, this.request.password)))
      throw new KioskError('USER(-1)', 'resume refused: the password does not match', {
        account: room.standing.address(state.uid),
      });
    this.progress.detail = 'resumed an account made by an earlier attempt';
    this.progress.uidNumber = state.uidNumber;
    return this.finishMailbox(store, state.uidNumber, state.claim?.homeMade ?? false);
  }

  /**
   * The claim on the staff ID, with the uidNumber taken at the same time: neither waits for the
   * other. A number taken for a creation that then loses the claim stays unused, a gap in the range,
   * never a duplicate. Returns the number (still being taken).
   */
  private async claim(
    store: AccountStore,
    counter: Promise<number | undefined>,
  ): Promise<{ uidNumberTaken: Promise<number> }> {
    const { room, person } = this;
    const uidNumberTaken = counter.then((readAhead) => store.allocateUidNumber(readAhead));
    // The attempt ends only once its allocation has, whichever way the claim goes.
    const allocated = uidNumberTaken.then(
      () => undefined,
      () => undefined,
    );
    this.claimed = store.claimedValue(this.id);
    const existing = await store.takeClaim(person.staffId, this.dn, this.claimed).catch(async (error: unknown) => {
      await allocated;
      // Cut off: the claim may exist now. This attempt has ended, so this kiosk may release it.
      if (isOutage(error)) this.leave(store);
      else this.claimed = null;
      throw error;
    });
    if (existing) {
      this.claimed = null;
      await allocated;
      // Another counter won the race for this staff ID: finished (whatever its state), or still in progress.
      const now = await store.standing(person.staffId);
      throw (
        (now.state === 'none' || now.state === 'incomplete'
          ? room.standing.inProgress(now)
          : room.standing.refusalToApply(now)) ??
        new KioskError('APPLICATION_IN_PROGRESS', 'another claim on this staff ID', { retryAfterSeconds: 5 })
      );
    }
    this.progress.stage = 'claimed';
    // This person's later reads (the contact address, the helpdesk's lookup) go to this server too.
    room.stores.pinToWriteServer(person.staffId, store.target.url);
    return { uidNumberTaken };
  }

  /**
   * The last stage: the mailbox, then the claim marked. The account works by now, so a mail-store
   * step that does not finish leaves it in place: the result names the step, and the mailbox
   * finisher (or the person's own retry) completes it later.
   */
  private async finishMailbox(store: AccountStore, uidNumber: number, homeMade: boolean): Promise<CreationResult> {
    const { room, progress } = this;
    const uid = this.request.account;
    const account = mailboxAccountOf(room.layout.account, { uid, uidNumber });
    const { report, problem, made } = await provisionAndMark(room, store, {
      staffId: this.person.staffId,
      account,
      homeMade,
    });
    if (made) progress.stage = 'complete';
    if (report.unfinished) {
      const after = made
        ? 'the mailbox is made; its usage was not read'
        : 'the account works; the mailbox is finished automatically later';
      progress.detail = [progress.detail, `mailbox step ${report.unfinished} did not finish (${problem}); ${after}`]
        .filter(Boolean)
        .join('; ');
    }
    return { address: room.standing.address(uid), uid, mailbox: report, effectiveInMinutes: room.effectiveInMinutes };
  }

  /** Gives this attempt's claim back (only as written), then throws why; a claim that cannot be reached yet is left, named. */
  async giveBack(store: AccountStore, why: unknown): Promise<never> {
    if (this.claimed !== null) {
      await store.releaseClaim(this.person.staffId, this.claimed).catch((error: unknown) => {
        if (!isOutage(error)) throw error;
        this.leave(store);
      });
    }
    if (hasCode(why, 'NAME_TAKEN')) {
      // Someone took the name meanwhile: the next list the person sees will not offer it.
      throw new KioskError('NAME_TAKEN', `${this.request.account} was taken meanwhile`, {
        account: this.room.standing.address(this.request.account),
      });
    }
    throw why;
  }

  /** Names what this attempt may have left, for this kiosk to clear once the server answers. */
  leave(store: AccountStore, more: Pick<Leftover, 'entryDn' | 'unverified'> = {}): void {
    if (this.claimed === null) return;
    this.room.leftovers.leave({
      staffId: this.person.staffId,
      url: store.target.url,
      claimed: this.claimed,
      madeBy: this.id,
      ...more,
    });
  }

  private newAccount(): NewAccount {
    const { person, request } = this;
    return {
      dn: this.dn,
      uid: request.account,
      staffId: person.staffId,
      name: person.name || person.nameEn || request.account,
      clientIp: this.clientIp,
      madeBy: this.id,
    };
  }
}
