// Setting a person's password by the server (Password Modify, hashed by slapd), and telling the
// truth afterwards. A refusal by the directory's policy comes back with its own code; a fault
// after the request left is resolved by binding with the new password before anything is said.
// The read-back and every proving bind go to the store's server, the one that took the write: a
// replica may not have it yet.
import type { AccountStore } from '../account-store/account-store';
import { bindsAs } from '../directory/binds-as';
import type { LdapConnector } from '../directory/ldap-connector';
import { hasCode, KioskError } from '../kiosk-error';
import type { Logger } from '../logger';
import { whetherPasswordTook, PASSWORD_TRUTH_BOUND_MS } from './password-window';

export class PasswordSetter {
  constructor(
    private readonly deps: {
      connect: LdapConnector;
      logger: Logger;
      truthBoundMs?: number;
    },
  ) {}

  /** Whether dn binds with password on the store's server. */
  binds(store: AccountStore, dn: string, password: string): Promise<boolean> {
    return bindsAs(this.deps.connect, [store.target.url], dn, password);
  }

  /** The truth of a password after a fault: set, not set, or unknown once the bound has passed. */
  truth(store: AccountStore, dn: string, password: string) {
    return whetherPasswordTook((d, p) => this.binds(store, d, p), dn, password, {
      boundMs: this.deps.truthBoundMs ?? PASSWORD_TRUTH_BOUND_MS,
    });
  }

  /**
   * Resolves once the password is in place and stored as a hash the server made. Throws the
   * directory's refusal (PASSWORD_IN_HISTORY, PASSWORD_REFUSED); DIRECTORY_UNAVAILABLE when a fault
   * stopped it and a bind shows it did not take; PASSWORD_MAY_BE_SET when nobody can know yet.
   */
  async set(store: AccountStore, dn: string, password: string, options: { sameIsDone?: boolean } = {}): Promise<void> {
    try {
      await store.setPassword(dn, password);
    } catch (error) {
      // sameIsDone (a new account's first password): an earlier try whose answer was lost may
      // have set this very password after all, since slapd can act on a request after its
      // connection was cut. Then "not being changed" means done. (A reset decides this itself.)
      if (
        options.sameIsDone &&
        hasCode(error, 'PASSWORD_IN_HISTORY') &&
        /not being changed/i.test(error.detail ?? '') &&
        (await this.binds(store, dn, password))
      ) {
        await this.readBack(store, dn, password);
        return;
      }
      if (!hasCode(error, 'DIRECTORY_UNAVAILABLE')) throw error;
      await this.afterFault(store, dn, password, error);
      return;
    }
    await this.readBack(store, dn, password);
  }

  /** The password must read back as a hash the server made, never as the cleartext sent. */
  private async readBack(store: AccountStore, dn: string, password: string): Promise<void> {
    let form: string;
    try {
      form = await store.passwordForm(dn);
    } catch (error) {
      if (!hasCode(error, 'DIRECTORY_UNAVAILABLE')) throw error;
      // The server answered the Password Modify: the password is set. A bind, once the directory
      // answers, stands in for the read-back's proof.
      await this.afterFault(store, dn, password, error);
      return;
    }
    if (form !== 'hashed') throw new KioskError('INTERNAL', 'the password was not stored as a hash');
  }

  private async afterFault(store: AccountStore, dn: string, password: string, fault: KioskError): Promise<void> {
    const truth = await this.truth(store, dn, password);
    this.deps.logger.warn('password window fault resolved by a bind', { dn, truth, fault: fault.detail });
    if (truth === 'set') return;
    if (truth === 'not-set') throw fault;
    throw new KioskError('PASSWORD_MAY_BE_SET', `directory did not come back: ${fault.detail ?? ''}`);
  }
}
