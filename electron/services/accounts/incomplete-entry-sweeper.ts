// The directory-wide sweep for what ended creations left: entries without a password (the
// add-then-modify path) and claims with no account behind them. It finds them in the directory
// itself, so a restart forgets nothing, and removes them by the rules of creation-leftovers.ts:
// only what has ended, only as seen. It runs on the first write server that takes writes.
import type { AccountStores } from '../account-store/account-stores';
import { hasCode } from '../kiosk-error';
import type { CreationLeftovers } from './creation-leftovers';

export class IncompleteEntrySweeper {
  constructor(
    private readonly deps: {
      stores: AccountStores;
      leftovers: CreationLeftovers;
    },
  ) {}

  /** Removes what has ended across the directory; returns how many entries and claims. None while no server takes writes. */
  async sweep(): Promise<{ entries: number; claims: number }> {
    const { stores, leftovers } = this.deps;
    let store;
    try {
      store = await stores.begin();
    } catch (error) {
      if (hasCode(error, 'DIRECTORY_READ_ONLY')) return { entries: 0, claims: 0 };
      throw error;
    }
    await leftovers.retry(store);
    let entries = 0;
    for (const entry of await stores.reads.entriesWithoutPassword(store.target.connection)) {
      if (
        leftovers.isEnded(entry.createdAt, entry.madeBy) &&
        (await leftovers.removeIncomplete(store, entry, 'found by the sweep'))
      )
        entries += 1;
    }
    // Read after the entries are gone: their own claims went with them. Every account keeps its
    // claim, so the accounts are asked for in batches; only a claim without one is looked at again.
    const ended = (await stores.reads.claims(store.target.connection)).filter((c) =>
      leftovers.isEnded(c.createdAt, c.madeBy),
    );
    const held = await stores.reads.staffIdsWithAccounts(
      ended.map((c) => c.staffId),
      store.target.connection,
    );
    let claims = 0;
    for (const claim of ended.filter((c) => !held.has(c.staffId.toLowerCase()))) {
      if ((await leftovers.releaseOrphanClaim(store, claim, 'found by the sweep')) === 'removed') claims += 1;
    }
    return { entries, claims };
  }
}
