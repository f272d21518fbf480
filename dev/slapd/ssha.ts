// {SSHA} hashing for seed data: slapadd stores userPassword as given, so fixtures must be
// pre-hashed. (Runtime passwords are hashed by slapd itself via Password Modify.)
import { createHash, randomBytes } from 'node:crypto';

export function sshaHash(password: string, salt: Buffer = randomBytes(8)): string {
  const digest = createHash('sha1').update(password, 'utf8').update(salt).digest();
  return `{SSHA}${Buffer.concat([digest, salt]).toString('base64')}`;
}
