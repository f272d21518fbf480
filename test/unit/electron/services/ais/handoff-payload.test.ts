// Parsing and normalising the payload exactly as docs/ais-handoff.md describes the legacy fields.
import { describe, expect, it } from 'vitest';
import { foldDiacritics } from '../../../../../electron/services/identity/person-identity';
import {
  decodeNumericEntities,
  mapLanguage,
  normaliseHandoff,
  normaliseIp,
  parseHandoffFields,
  serializeHandoffFields,
} from '../../../../../electron/services/ais/handoff-payload';
import { fields, T0 } from '../../../../support/ais-tokens';

describe('parseHandoffFields', () => {
  it('reads key = value lines and round-trips with serialize', () => {
    expect(parseHandoffFields(serializeHandoffFields(fields()))).toEqual(fields());
    expect(parseHandoffFields('id=z1\r\nip =  10.0.0.1  \n\nname = 王 小明')).toEqual({
      id: 'z1',
      ip: ' 10.0.0.1',
      name: '王 小明',
    });
  });

  it('ignores keys it does not know, so newer AIS fields do not break the kiosk', () => {
    expect(parseHandoffFields('id = z1\ndept = cc')).toEqual({ id: 'z1' });
  });

  it.each([
    ['a line without =', 'id = z1\ngarbage'],
    ['a repeated key', 'id = z1\nid = z2'],
    ['an upper-case key', 'ID = z1'],
  ])('refuses %s', (_l, text) => {
    expect(parseHandoffFields(text)).toBeNull();
  });
});

describe('normalising', () => {
  it('folds diacritics in passport names', () => {
    expect(foldDiacritics('GÖDEL,KURT')).toBe('GODEL,KURT');
    expect(foldDiacritics('Zoë Brontë-Ærøskøbing Straße Łukasz')).toBe('Zoe Bronte-AEroskobing Strasse Lukasz');
  });

  it('decodes HTML numeric entities, decimal and hex, and leaves unusable ones as text', () => {
    expect(decodeNumericEntities('&#21733;&#x5FB7;&#29246;')).toBe('哥德爾');
    expect(decodeNumericEntities('a&#0;b&#xD800;c&#1114112;d&amp;')).toBe('a&#0;b&#xD800;c&#1114112;d&amp;');
  });

  it('maps languages: C and zh to zh-TW, en to en, anything else to zh-TW', () => {
    expect([
      mapLanguage('C'),
      mapLanguage('zh'),
      mapLanguage('en'),
      mapLanguage('EN '),
      mapLanguage('fr'),
      mapLanguage(undefined),
    ]).toEqual(['zh-TW', 'zh-TW', 'en', 'en', 'zh-TW', 'zh-TW']);
  });

  it('unwraps IPv4-mapped IPv6 peers', () => {
    expect(normaliseIp('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(normaliseIp('2001:DB8::1')).toBe('2001:db8::1');
  });

  it('produces the profile fields: spaces out of the Chinese name, id lower-cased', () => {
    expect(
      normaliseHandoff(
        fields({
          name: '李　大偉 &#x20;',
          name_en: '  Ming-Zhi   Lin ',
          id: ' Z10001 ',
          ip: '::ffff:192.0.2.10',
          language: 'en',
        }),
      ),
    ).toEqual({
      id: 'z10001',
      name: '李大偉',
      nameEn: 'Ming-Zhi Lin',
      ip: '192.0.2.10',
      timestamp: T0,
      language: 'en',
      condition: '一般',
    });
  });

  it.each([
    ['no id', { id: undefined }],
    ['an empty id', { id: '  ' }],
    ['no timestamp', { timestamp: undefined }],
    ['a non-numeric timestamp', { timestamp: '17e8' }],
    ['no ip', { ip: undefined }],
    ['an ip that is not one', { ip: 'kiosk-1' }],
    ['a charset other than UTF-8', { charset: 'big5' }],
  ])('refuses a payload with %s', (_label, overrides) => {
    const f = fields();
    for (const [k, v] of Object.entries(overrides)) (f as Record<string, unknown>)[k] = v;
    expect(normaliseHandoff(f)).toBeNull();
  });
});
