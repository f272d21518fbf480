// RFC 3062 Password Modify request encoding. The kiosk sends the new password this way so that
// slapd hashes it with its own configured scheme; the kiosk never computes or stores a hash.
import { BerWriter } from 'ldapts';

export const PASSWORD_MODIFY_OID = '1.3.6.1.4.1.4203.1.11.1';

// Context tags from RFC 3062: userIdentity [0], oldPasswd [1], newPasswd [2] (primitive).
const USER_IDENTITY = 0x80;
const NEW_PASSWORD = 0x82;

export function encodePasswordModifyRequest(userDn: string, newPassword: string): Buffer {
  const writer = new BerWriter();
  writer.startSequence();
  writer.writeBuffer(Buffer.from(userDn, 'utf8'), USER_IDENTITY);
  writer.writeBuffer(Buffer.from(newPassword, 'utf8'), NEW_PASSWORD);
  writer.endSequence();
  return writer.buffer;
}
