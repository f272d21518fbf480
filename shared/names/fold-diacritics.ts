// Gödel → Godel: the one folding rule for passport names, wherever they become plain letters (account
// names on main's side, the personal words a password is checked against on both sides). The name
// itself is shown and kept as the person's records give it.

// Letters NFD does not split into base + accent.
const FOLD: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  ø: 'o',
  Ø: 'O',
  œ: 'oe',
  Œ: 'OE',
  đ: 'd',
  Đ: 'D',
  ł: 'l',
  Ł: 'L',
  þ: 'th',
  Þ: 'TH',
  ð: 'd',
  Ð: 'D',
  ı: 'i',
};

export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßæÆøØœŒđĐłŁþÞðÐı]/g, (c) => FOLD[c] ?? c);
}
