// The legacy portal's naming rules: the name table, every validity rule, and the patterns.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  candidatePatterns,
  isValidAccountName,
  offlineCandidates,
  parsePassportName,
  sortCandidates,
  suffixRounds,
} from '../../../../../electron/services/naming/account-name-rules';
import {
  RESERVED_OFFENSIVE_WORDS,
  RESERVED_ROLE_WORDS,
  parseWordList,
} from '../../../../../electron/services/naming/reserved-words';
import { foldDiacritics } from '../../../../../electron/services/identity/person-identity';

const words = { reserved: [...RESERVED_ROLE_WORDS, ...RESERVED_OFFENSIVE_WORDS] };
// The AIS handoff folds diacritics before names are made; the table's input goes the same way.
const offer = (nameEn: string) => offlineCandidates(foldDiacritics(nameEn), words);

describe('the name table (must pass)', () => {
  it.each([
    [
      'WANG,HSIAO-MING',
      ['hmwang', 'hm.wang', 'wanghm', 'hsiaoming', 'hsiaomingwang', 'wanghsiaoming', 'hsiaoming.wang'],
    ],
    ['Ou Yang, Fei Fei', ['ffouyang', 'feifei', 'ouyangfeifei', 'oyang']],
    ['Ming-Zhi Lin', ['mzlin', 'mingzhi', 'lin.mingzhi']],
    ['GÖDEL,KURT', ['kgodel']],
  ])('%s offers %j', (name, expected) => {
    const candidates = offer(name);
    for (const n of expected) expect(candidates).toContain(n);
  });

  it('never offers a name longer than 16 characters', () => {
    const candidates = offer('WANG,MAXIMILIAN-ALEXANDER');
    expect(candidates).toContain('mawang');
    expect(candidates).not.toContain('maximilianalexander');
    for (const n of candidates) expect(n.length).toBeLessThanOrEqual(16);
  });

  it('never offers a name containing a reserved word', () => {
    const candidates = offer('NOBODY,JOHN');
    expect(candidates).toContain('john');
    for (const n of candidates) for (const w of words.reserved) expect(n).not.toContain(w);
  });
});

describe('parsePassportName', () => {
  it('reads SURNAME, GIVEN; Given Surname; and given names only', () => {
    expect(parsePassportName('WANG,HSIAO-MING')).toEqual({ surname: ['wang'], given: ['hsiao', 'ming'] });
    expect(parsePassportName('Ou Yang, Fei Fei')).toEqual({ surname: ['ou', 'yang'], given: ['fei', 'fei'] });
    expect(parsePassportName('Ming-Zhi Lin')).toEqual({ surname: ['lin'], given: ['ming', 'zhi'] });
    expect(parsePassportName('Anna Maria Schmidt')).toEqual({ surname: [], given: ['anna', 'maria', 'schmidt'] });
    expect(parsePassportName('MADONNA')).toEqual({ surname: [], given: ['madonna'] });
  });
});

describe('candidatePatterns', () => {
  it('makes every pattern with each separator, and the compound-surname form', () => {
    const all = candidatePatterns(parsePassportName('WANG,HSIAO-MING'));
    for (const sep of ['.', '-', '_']) {
      for (const n of [`hm${sep}wang`, `wang${sep}hm`, `hsiaoming${sep}wang`, `wang${sep}hsiaoming`])
        expect(all).toContain(n);
    }
    expect(all).toContain('wang');
    expect(new Set(all).size).toBe(all.length);
  });

  it('uses the given tokens for the compound form when there is no surname', () => {
    expect(candidatePatterns(parsePassportName('Anna Maria Schmidt'))).toEqual(['annamariaschmidt', 'amschmidt']);
  });

  it('makes nothing from an empty or letterless name', () => {
    expect(candidatePatterns(parsePassportName(''))).toEqual([]);
    expect(candidatePatterns(parsePassportName('123 ,,, 456'))).toEqual([]);
  });
});

describe('isValidAccountName', () => {
  it.each([
    ['abc', true],
    ['ab', false],
    ['a234567890123456', true],
    ['a2345678901234567', false],
    ['1abc', false],
    ['.abc', false],
    ['Abc', false],
    ['ab c', false],
    ['ab+c', false],
    ['wang.hm', true],
    ['wang.', false],
    ['wang.2', false],
    ['wang..hm', false],
    ['wang-_hm', false],
    ['hm_wang2', true],
    ['rootbeer', false],
    ['sysopx', false],
    ['xadminx', false],
    ['postmaster2', false],
    ['nobody', false],
  ])('%s → %s', (name, valid) => {
    expect(isValidAccountName(name, words)).toBe(valid);
  });
});

describe('ordering and suffixes', () => {
  it('sorts by length, then alphabetically', () => {
    expect(sortCandidates(['wang.hm', 'hmwang', 'feifei', 'oyang', 'hm.wang'])).toEqual([
      'oyang',
      'feifei',
      'hmwang',
      'hm.wang',
      'wang.hm',
    ]);
  });

  it('tries a name, then its 2 and 3 variants', () => {
    expect(suffixRounds('hmwang')).toEqual(['hmwang', 'hmwang2', 'hmwang3']);
  });

  it('offers only valid, distinct, sorted names for any input (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (name) => {
        const offered = offlineCandidates(name, words);
        return (
          offered.every((n) => isValidAccountName(n, words)) &&
          new Set(offered).size === offered.length &&
          sortCandidates(offered).join() === offered.join()
        );
      }),
      { numRuns: 3000 },
    );
  });
});

describe('operator word files', () => {
  it('read one word per line, ignoring blanks and # comments', () => {
    expect(parseWordList('# extra\nDean\n\n  registrar  # office\n')).toEqual(['dean', 'registrar']);
  });
});
