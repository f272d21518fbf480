// AccountNamer: the names a person is offered, by the legacy portal's rules, each checked to be
// free (accounts, aliases, local system accounts) in at most two directory round trips.
import { KioskError } from '../kiosk-error';
import {
  isValidAccountName,
  offlineCandidates,
  sortCandidates,
  suffixRounds,
  type NameWords,
} from './account-name-rules';

/** What the namer needs of the directory: which of these names are taken (accounts/account-directory.ts). */
export interface TakenNames {
  takenNames(names: readonly string[]): Promise<Set<string>>;
}

export interface NamingWords extends NameWords {
  systemAccounts: ReadonlySet<string>;
}

export class AccountNamer {
  constructor(
    private readonly directory: TakenNames,
    private readonly words: NamingWords,
  ) {}

  /** The rules alone, without asking the directory (mx-kiosk names --offline). */
  offline(nameEn: string): string[] {
    return offlineCandidates(nameEn, this.words);
  }

  /** Offered names: each base candidate, or its 2 or 3 variant when taken; sorted. */
  async available(nameEn: string): Promise<string[]> {
    const bases = this.offline(nameEn);
    if (bases.length === 0) throw new KioskError('NAME_UNUSABLE', `no valid account name from "${nameEn}"`);
    const tries = bases.flatMap(suffixRounds).filter((name) => isValidAccountName(name, this.words));
    const taken = await this.directory.takenNames(tries);
    const free = (name: string) =>
      isValidAccountName(name, this.words) && !taken.has(name) && !this.words.systemAccounts.has(name);
    const offered = new Set(
      bases.map((base) => suffixRounds(base).find(free)).filter((n): n is string => n !== undefined),
    );
    if (offered.size === 0)
      throw new KioskError('NO_FREE_NAME', `all ${bases.length} candidates and their variants are taken`);
    return sortCandidates(offered);
  }
}
