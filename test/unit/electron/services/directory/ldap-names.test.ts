// No filter or DN injection: every value, however hostile, stays one value (property tests over
// 10,000+ inputs each), checked through ldapts's own parsers and the wire (BER) form.
import fc from 'fast-check';
import { BerReader, BerWriter, EqualityFilter, FilterParser, OrFilter } from 'ldapts';
import { describe, expect, it } from 'vitest';
import { anyEquals, childDn, equals, escapeDnValue } from '../../../../../electron/services/directory/ldap-names';

const HOSTILE = [
  '*)(uid=*',
  '\\',
  '\0',
  ',=+<>#;',
  '*',
  '(',
  ')',
  'a'.repeat(300),
  '王小明',
  '😀👍',
  ' lead',
  'trail ',
  '#x',
  'x\ny',
  '\\2a',
];

/** What a value could be: any text a person could type, raw code points of any kind, and the known attacks. */
const ANY_VALUE = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom(...HOSTILE),
);

/** Splits a DN into RDN strings at unescaped commas, and unescapes an RFC 4514 value. */
function splitDn(dn: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < dn.length; i += 1) {
    if (dn[i] === '\\') {
      current += dn.slice(i, i + 2);
      i += 1;
    } else if (dn[i] === ',') {
      parts.push(current);
      current = '';
    } else current += dn[i];
  }
  parts.push(current);
  return parts;
}
function unescapeValue(value: string): string {
  return value.replace(/\\([0-9a-fA-F]{2}|.)/g, (_m, c: string) =>
    c.length === 2 ? String.fromCharCode(parseInt(c, 16)) : c,
  );
}

function wireRoundTrip(filter: EqualityFilter | OrFilter) {
  const writer = new BerWriter();
  filter.write(writer);
  return FilterParser.parse(new BerReader(writer.buffer));
}

describe('escapeDnValue / childDn', () => {
  it.each(HOSTILE)('keeps %j one RDN value under the parent', (value) => {
    const dn = childDn('uid', value, 'ou=people,dc=x');
    const parts = splitDn(dn);
    expect(parts.slice(1)).toEqual(['ou=people', 'dc=x']);
    expect(parts[0]!.startsWith('uid=')).toBe(true);
    expect(unescapeValue(parts[0]!.slice(4))).toBe(value);
  });

  it('escapes the RFC 4514 specials', () => {
    expect(escapeDnValue(',+"\\<>;=')).toBe('\\,\\+\\"\\\\\\<\\>\\;\\=');
    expect(escapeDnValue(' #a ')).toBe('\\ #a\\ ');
    expect(escapeDnValue('#a')).toBe('\\#a');
    expect(escapeDnValue('a\0b')).toBe('a\\00b');
  });

  it('never lets a value add an RDN or change the parent (property, 10,000 inputs)', () => {
    fc.assert(
      fc.property(ANY_VALUE, (value) => {
        const parts = splitDn(childDn('uid', value, 'ou=people,dc=x'));
        return parts.length === 3 && parts[1] === 'ou=people' && unescapeValue(parts[0]!.slice(4)) === value;
      }),
      { numRuns: 10_000 },
    );
    // 10,000 runs take about 1 s alone and up to 7 s on a loaded 2-core machine: a generous bound.
  }, 30_000);
});

describe('filters', () => {
  it.each(HOSTILE)('keeps %j one equality assertion, in text and on the wire', (value) => {
    const filter = equals('uid', value) as EqualityFilter;
    const parsed = FilterParser.parseString(filter.toString()) as EqualityFilter;
    expect(parsed).toBeInstanceOf(EqualityFilter);
    expect(parsed.attribute).toBe('uid');
    const wire = wireRoundTrip(filter) as EqualityFilter;
    expect(wire).toBeInstanceOf(EqualityFilter);
    expect(wire.attribute).toBe('uid');
    expect(Buffer.isBuffer(wire.value) ? wire.value.toString('utf8') : wire.value).toBe(value);
  });

  it('never turns a value into more filter (property, 10,000 inputs)', () => {
    fc.assert(
      fc.property(ANY_VALUE, (value) => {
        const wire = wireRoundTrip(equals('uid', value) as EqualityFilter) as EqualityFilter;
        const text = FilterParser.parseString(equals('uid', value).toString());
        const wireValue = Buffer.isBuffer(wire.value) ? wire.value.toString('utf8') : wire.value;
        return (
          wire instanceof EqualityFilter &&
          wire.attribute === 'uid' &&
          wireValue === value &&
          text instanceof EqualityFilter
        );
      }),
      { numRuns: 10_000 },
    );
    // 10,000 runs take about 1 s alone and up to 7 s on a loaded 2-core machine: a generous bound.
  }, 30_000);

  it('builds one OR over a whole list, each value a separate equality', () => {
    const filter = anyEquals('uid', ['a', '*)(uid=*', 'b']) as OrFilter;
    const wire = wireRoundTrip(filter) as OrFilter;
    expect(wire).toBeInstanceOf(OrFilter);
    expect(wire.filters).toHaveLength(3);
    expect(wire.filters.every((f) => f instanceof EqualityFilter)).toBe(true);
  });
});
