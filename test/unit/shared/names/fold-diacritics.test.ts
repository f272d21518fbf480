// One folding rule for passport names: accents stay on screen, and fold only where a name becomes
// plain letters (account names, the words a password must not contain).
import { describe, expect, it } from 'vitest';
import { foldDiacritics } from '../../../../shared/names/fold-diacritics';
import { nameWords } from '../../../../shared/password/password-rules';
import { cleanPassportName } from '../../../../electron/services/identity/person-identity';
import { parsePassportName } from '../../../../electron/services/naming/account-name-rules';

describe('passport names', () => {
  it('keep their accents as shown, in one composed form', () => {
    expect(cleanPassportName('GÖDEL,KURT')).toBe('GÖDEL,KURT');
    expect(cleanPassportName('GO\u0308DEL,KURT')).toBe('GÖDEL,KURT');
  });

  it('fold where they become account names and password words', () => {
    expect(foldDiacritics('Zoë Brontë-Ærøskøbing Straße Łukasz')).toBe('Zoe Bronte-AEroskobing Strasse Lukasz');
    expect(parsePassportName('GÖDEL,KURT')).toEqual({ surname: ['godel'], given: ['kurt'] });
    expect(nameWords('GÖDEL,KURT')).toContain('godel');
    expect(nameWords('GÖDEL,KURT')).not.toContain('del');
  });
});
