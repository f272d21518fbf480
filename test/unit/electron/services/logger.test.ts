// The logger must not write secrets even when a caller passes them by mistake.
import { describe, expect, it } from 'vitest';
import { createJsonLogger, redact, REDACTED, redactUrlCredentials } from '../../../../electron/services/logger';
import { Secret } from '../../../../electron/services/secret';

describe('redact', () => {
  it('hides secret-named fields at any depth, in arrays too', () => {
    const out = redact({
      user: 'z10001',
      password: 'p1',
      nested: { bindPassword: 'p2', list: [{ smtpSecret: 'p3', ok: 1 }] },
      aisKey: 'k',
    });
    expect(out).toEqual({
      user: 'z10001',
      password: REDACTED,
      nested: { bindPassword: REDACTED, list: [{ smtpSecret: REDACTED, ok: 1 }] },
      aisKey: REDACTED,
    });
  });

  it('replaces the user info of every URL in a string, at any depth and in error messages', () => {
    const out = redact({
      url: 'https://kiosk:hunter2@ais.example.edu/login?x=1',
      list: ['see ldaps://cn=admin:pw@10.0.0.1:636 now'],
      plain: 'https://ais.example.edu/',
    });
    expect(JSON.stringify(out)).not.toMatch(/hunter2|kiosk:|cn=admin|:pw@/);
    expect(out).toEqual({
      url: 'https://[redacted]@ais.example.edu/login?x=1',
      list: ['see ldaps://[redacted]@10.0.0.1:636 now'],
      plain: 'https://ais.example.edu/',
    });
    expect(redact(new Error('connect to ldap://u:p@h failed'))).toEqual({
      name: 'Error',
      message: 'connect to ldap://[redacted]@h failed',
    });
    expect(redactUrlCredentials('mail a@b.example and https://x.example/a@b')).toBe(
      'mail a@b.example and https://x.example/a@b',
    );
  });

  it('keeps an error to its name and message, without the stack', () => {
    expect(redact(new TypeError('bad'))).toEqual({ name: 'TypeError', message: 'bad' });
  });
});

describe('createJsonLogger', () => {
  it('writes one JSON line per call with time and level, honouring the minimum level', () => {
    const lines: string[] = [];
    const logger = createJsonLogger((l) => lines.push(l), { now: () => Date.UTC(2026, 0, 2, 3, 4, 5) }, 'info');
    logger.debug('hidden');
    logger.warn('directory down', { url: 'ldaps://a', password: 'x', secret: new Secret('y') });
    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0]!);
    expect(record).toEqual({
      time: '2026-01-02T03:04:05.000Z',
      level: 'warn',
      message: 'directory down',
      url: 'ldaps://a',
      password: REDACTED,
      secret: REDACTED,
    });
  });

  it('does not leak a Secret stored under an innocent name', () => {
    const lines: string[] = [];
    createJsonLogger((l) => lines.push(l), { now: () => 0 }).info('x', { value: new Secret('s3cr3t') });
    expect(lines[0]).not.toContain('s3cr3t');
  });
});
