// Where a unit of work on accounts begins: the write server it takes (write-servers.ts chooses),
// and the store bound to it. The rooms above ask here for a store, never for a connection.
import type { Clock } from '../clock';
import type { WriteServers } from '../directory/write-servers';
import type { AccountReads } from './account-reads';
import { AccountStore } from './account-store';

export class AccountStores {
  constructor(
    private readonly deps: {
      writes: WriteServers;
      reads: AccountReads;
      clock: Clock;
    },
  ) {}

  get reads(): AccountReads {
    return this.deps.reads;
  }

  /**
   * A store on the first write server that takes writes now (prefer first, when it does). With
   * writer (an operator's connections), the writes go out as that operator on the same server.
   * DIRECTORY_READ_ONLY or DIRECTORY_UNAVAILABLE before anything is written when none does.
   */
  async begin(options: { prefer?: string; writer?: WriteServers } = {}): Promise<AccountStore> {
    const target = await this.deps.writes.begin(options.prefer);
    const writer = options.writer ? options.writer.at(target.url) : target.connection;
    return new AccountStore({ ...target, writer }, this.deps.reads, this.deps.clock);
  }

  /** A store on url as the service account, without asking url first (a cleanup where a write went). */
  at(url: string): AccountStore {
    const target = this.deps.writes.targetAt(url);
    return new AccountStore({ ...target, writer: target.connection }, this.deps.reads, this.deps.clock);
  }

  /** The server that took a person's write answers their later reads for a while (write-servers.ts). */
  pinToWriteServer(staffId: string, url: string): void {
    this.deps.writes.pinToServer(staffId, url);
  }

  pinnedWriteServer(staffId: string): string | undefined {
    return this.deps.writes.pinnedServer(staffId);
  }

  /** A read-back found a password stored as sent: url gets the add-then-modify path from now. */
  distrustHashing(url: string, detail: string): void {
    this.deps.writes.distrustHashing(url, detail);
  }
}
