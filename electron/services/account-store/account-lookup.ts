// The helpdesk's lookup, in the account layer: how it reads a query and finds mailbox entries: by staff ID, account name,
// Chinese name or English (passport) name, partially, in any case, with or without accents, commas
// and spaces. Filters are ldapts filter objects (ldapts escapes every value). The directory
// narrows, the kiosk decides what an English name matches: no LDAP matching rule ignores accents
// or the spaces inside a name.
import { NotFilter, OrFilter, SubstringFilter, type Entry, type Filter } from 'ldapts';
import { foldDiacritics } from '../../../shared/names/fold-diacritics';
import type { LookupTerms } from '../../../shared/names/lookup-terms';
import type { DirectoryConnection } from '../directory/directory-connection';
import { allOf, anyEquals, equals, present } from '../directory/ldap-names';
import { allValues, firstValue } from '../directory/ldap-values';
import type { CreationStage } from './account-records';
import { isNoSuchObject } from '../directory/directory-connection';

/** At most this many results are listed; more means "type more of it". */
export const LOOKUP_LIMIT = 20;
/** HR records whose passport name may match, read to be compared here; more means "type more of it". */
const HR_CANDIDATES = 200;
// Letters that carry accents in the passport names HR records hold (Gödel, Zoë, José): when the
// name as typed is not found, the directory is asked for the other letters only, in order.
const ACCENTED = /[aeiouy]/g;

/** A passport name as the lookup compares it: folded, lower case, letters only. */
export const englishKey = (name: string): string =>
  foldDiacritics(name.normalize('NFKC'))
    .toLowerCase()
    .replace(/[^a-z]/g, '');

/** The second ask: the letters in order, all but the accent-prone ones when enough are left. */
function looser(letters: string): string[] {
  const sure = letters.replace(ACCENTED, '');
  return [...(sure.length >= 2 ? sure : letters)];
}

/** How far a found entry's creation got (account-records.ts): without a password, without a mailbox, or complete. */
export type LookupStage = Extract<CreationStage, 'added' | 'password-set' | 'complete'>;

export interface LookupPlaces {
  baseDn: string;
  /** The claims (one per staff ID with an account), read for the mailbox mark in campus mode. */
  claimsDn: string | null;
  /** The mailbox entries' attributes. */
  attrs: { account: string; staffId: string; name: string };
  /** The HR records: where they are, and which attributes hold the ID and the passport name. */
  hr: { dn: string; id: string; nameEn: string };
  /** Asked for by name on each entry found: never userPassword. */
  attributes: string[];
}

export interface FoundAccounts {
  entries: Entry[];
  /** By DN in lower case; an entry not listed is complete. */
  stages: Map<string, LookupStage>;
  tooMany: boolean;
}

/**
 * Everything a lookup asks the directory, in one place: the HR records whose passport name
 * contains the query's letters give staff IDs; mailbox entries (only those: HR records share
 * names with them) are found by ID, account, Chinese name or those staff IDs, sorted by account;
 * then how far each one's creation got.
 */
export async function findAccounts(
  connection: DirectoryConnection,
  places: LookupPlaces,
  terms: LookupTerms,
): Promise<FoundAccounts> {
  const { attrs, hr } = places;
  const byEnglishName =
    terms.letters.length >= 2 ? await staffIdsByEnglishName(connection, hr, terms) : { ids: [], tooMany: false };
  const contains = (attribute: string, value: string): Filter => new SubstringFilter({ attribute, any: [value] });
  const criteria: Filter[] = [
    contains(attrs.staffId, terms.plain),
    contains(attrs.account, terms.plain),
    contains(attrs.name, terms.text),
  ];
  if (terms.compact !== terms.text) criteria.push(contains(attrs.name, terms.compact));
  if (byEnglishName.ids.length > 0) criteria.push(anyEquals(attrs.staffId, byEnglishName.ids));
  const filter = allOf(equals('objectClass', 'posixAccount'), new OrFilter({ filters: criteria }));
  // ldapts hands back what arrived before the size limit: one more than listed says there are more.
  const { searchEntries } = await connection.run(
    (client) =>
      client.search(places.baseDn, {
        scope: 'sub',
        filter,
        sizeLimit: LOOKUP_LIMIT + 1,
        attributes: places.attributes,
      }),
    { idempotent: true },
  );
  const account = (e: Entry) => firstValue(e[attrs.account]) ?? '';
  const entries = [...searchEntries].sort((a, b) => account(a).localeCompare(account(b))).slice(0, LOOKUP_LIMIT);
  return {
    entries,
    stages: await stagesOf(connection, places, entries),
    tooMany: searchEntries.length > LOOKUP_LIMIT || byEnglishName.tooMany,
  };
}

/**
 * Which entries have no password yet (asked by a filter, so no hash is ever read), and in campus
 * mode which claims have no mailbox mark.
 */
async function stagesOf(
  connection: DirectoryConnection,
  places: LookupPlaces,
  entries: Entry[],
): Promise<Map<string, LookupStage>> {
  const stages = new Map<string, LookupStage>();
  if (entries.length === 0) return stages;
  const { claimsDn, attrs } = places;
  const staffIds = entries.map((e) => firstValue(e[attrs.staffId]) ?? '').filter(Boolean);
  const [withoutPassword, claims] = await connection.run(
    (client) =>
      Promise.all([
        client
          .search(places.baseDn, {
            scope: 'sub',
            filter: allOf(
              anyEquals(
                'entryDN',
                entries.map((e) => e.dn),
              ),
              new NotFilter({ filter: present('userPassword') }),
            ),
            attributes: ['dn'],
          })
          .then((r) => r.searchEntries),
        claimsDn && staffIds.length > 0
          ? client
              .search(claimsDn, { scope: 'one', filter: anyEquals('cn', staffIds), attributes: ['cn', 'description'] })
              .then(
                (r) => r.searchEntries,
                () => [] as Entry[],
              )
          : Promise.resolve([] as Entry[]),
      ]),
    { idempotent: true },
  );
  const noMailbox = new Set(
    claims
      .filter((c) => !allValues(c.description).some((d) => d.startsWith('mailbox(')))
      .map((c) => (firstValue(c.cn) ?? '').toLowerCase()),
  );
  for (const e of entries)
    if (noMailbox.has((firstValue(e[attrs.staffId]) ?? '').toLowerCase()))
      stages.set(e.dn.toLowerCase(), 'password-set');
  for (const e of withoutPassword) stages.set(e.dn.toLowerCase(), 'added');
  return stages;
}

/**
 * Staff IDs (lower case) of the HR records whose folded passport name contains the query's
 * letters. The directory is asked for the words as typed (case-insensitive); if none of what it
 * returns matches, and the query is long enough to stay selective, it is asked again for the
 * letters in order without the accent-prone ones ("GODEL,KURT" finds GÖDEL,KURT; "ouyang feifei"
 * finds Ou Yang, Fei Fei). Only the comparison here decides.
 */
async function staffIdsByEnglishName(
  connection: DirectoryConnection,
  hr: LookupPlaces['hr'],
  terms: LookupTerms,
): Promise<{ ids: string[]; tooMany: boolean }> {
  const ask = (any: string[]) =>
    connection.run(
      async (client) =>
        (
          await client
            .search(hr.dn, {
              scope: 'sub',
              filter: new SubstringFilter({ attribute: hr.nameEn, any }),
              sizeLimit: HR_CANDIDATES + 1,
              attributes: [hr.id, hr.nameEn],
            })
            .catch((error: unknown) => {
              // No HR records here: the other criteria still answer.
              if (isNoSuchObject(error)) return { searchEntries: [] as Entry[] };
              throw error;
            })
        ).searchEntries,
      { idempotent: true },
    );
  const matching = (records: Entry[]) =>
    records.filter((r) => englishKey(firstValue(r[hr.nameEn]) ?? '').includes(terms.letters));
  let records = await ask(terms.words);
  let found = matching(records);
  if (found.length === 0 && terms.letters.length >= 4) {
    records = await ask(looser(terms.letters));
    found = matching(records);
  }
  return {
    ids: found.map((r) => (firstValue(r[hr.id]) ?? '').toLowerCase()).filter(Boolean),
    tooMany: records.length > HR_CANDIDATES,
  };
}
