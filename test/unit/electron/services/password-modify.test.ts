// RFC 3062 encoding, checked byte by byte against a hand-assembled request.
import { describe, expect, it } from 'vitest';
import { encodePasswordModifyRequest } from '../../../../electron/services/directory/password-modify';

describe('encodePasswordModifyRequest', () => {
  it('encodes userIdentity [0] and newPasswd [2] in a SEQUENCE', () => {
    const dn = 'uid=a,dc=x';
    const expected = Buffer.concat([
      Buffer.from([0x30, 2 + dn.length + 2 + 3]),
      Buffer.from([0x80, dn.length]),
      Buffer.from(dn),
      Buffer.from([0x82, 3]),
      Buffer.from('pw!'),
    ]);
    expect(encodePasswordModifyRequest(dn, 'pw!').equals(expected)).toBe(true);
  });

  it('uses byte lengths for UTF-8 and long-form lengths past 127 bytes', () => {
    const dn = `uid=${'x'.repeat(200)},dc=x`;
    const buf = encodePasswordModifyRequest(dn, 'é');
    expect(buf[0]).toBe(0x30);
    expect(buf.subarray(buf.length - 4)).toEqual(Buffer.from([0x82, 2, 0xc3, 0xa9]));
    expect(buf.includes(Buffer.from([0x80, 0x81, dn.length]))).toBe(true);
  });
});
