// The contact address rules shared by the screen and main.
import { describe, expect, it } from 'vitest';
import {
  contactRuleViolation,
  maskAddress,
  normaliseAddress,
  typoHint,
} from '../../../../shared/contact/contact-rules';

const campus = ['nthu.edu.tw'];

describe('contact address rules', () => {
  it.each([
    ['wang.hm@gmail.com', null],
    ['a+tag@sub.example.co.uk', null],
    ['me@mx.nthu.edu.tw', 'CONTACT_INSTITUTION'],
    ['me@NTHU.edu.tw', 'CONTACT_INSTITUTION'],
    ['me@nthu.edu.tw.evil.com', null],
    ['no-at-sign', 'CONTACT_INVALID'],
    ['two@@example.com', 'CONTACT_INVALID'],
    ['dots..here@example.com', 'CONTACT_INVALID'],
    ['space in@example.com', 'CONTACT_INVALID'],
    ['a@b', 'CONTACT_INVALID'],
    [`${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(60)}.com`, 'CONTACT_INVALID'],
  ])('%s → %s', (address, code) => {
    expect(contactRuleViolation(address, campus)).toBe(code);
  });

  it('suggests common providers for near misses only', () => {
    expect(typoHint('wang@gmial.com')).toBe('wang@gmail.com');
    expect(typoHint('wang@yahooo.com.tw')).toBe('wang@yahoo.com.tw');
    expect(typoHint('wang@hotmial.com')).toBe('wang@hotmail.com');
    expect(typoHint('wang@gmail.com')).toBeNull();
    expect(typoHint('wang@example.org')).toBeNull();
  });

  it('masks the local part for the read-back', () => {
    expect(maskAddress('jason@gmail.com')).toBe('j***n@gmail.com');
    expect(maskAddress('ab@x.org')).toBe('a*@x.org');
    expect(maskAddress('averyveryverylongname@x.org')).toBe('a******e@x.org');
  });

  it('lower-cases only the domain', () => {
    expect(normaliseAddress('  John.Doe@Example.COM ')).toBe('John.Doe@example.com');
  });
});
