// The forwarded audit line's wire format: RFC 5424 with octet-counting framing, and the TLS
// connection to a receiver whose certificate the configured CA signed.
import { mkdtempSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCertificate } from '../../../../../dev/slapd/throwaway-slapd';
import { octetCounted, syslogMessage } from '../../../../../electron/services/audit/syslog-message';
import { syslogConnector } from '../../../../../electron/services/audit/syslog-connection';

const chained = JSON.stringify({
  time: '2026-12-02T03:04:05.678Z',
  action: 'create',
  result: 'ok',
  seq: 42,
  prev: 'a'.repeat(64),
  hash: 'b'.repeat(64),
});

describe('syslogMessage', () => {
  it('is an RFC 5424 message whose MSG is the chained line itself', () => {
    const message = syslogMessage(chained, { hostname: 'counter-7.example', facility: 'local0', kioskId: 'counter-7' });
    // local0 (16) × 8 + notice (5) = 133
    expect(message).toBe(
      `<133>1 2026-12-02T03:04:05.678Z counter-7.example mx-kiosk - audit [mxk@32473 kiosk="counter-7" seq="42"] ${chained}`,
    );
  });

  it('escapes structured-data values and keeps header fields to printable ASCII', () => {
    const message = syslogMessage(chained, { hostname: 'counter 7 櫃台', facility: 'authpriv', kioskId: 'a"b]c\\d' });
    expect(
      message.startsWith(
        '<85>1 2026-12-02T03:04:05.678Z counter7 mx-kiosk - audit [mxk@32473 kiosk="a\\"b\\]c\\\\d" seq="42"] ',
      ),
    ).toBe(true);
  });

  it('frames by octet count in bytes, not characters', () => {
    expect(octetCounted('中文').toString('utf8')).toBe('6 中文');
  });
});

describe('syslogConnector over TLS', () => {
  it('connects to a receiver signed by the configured CA, and refuses one it cannot trust', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mx-syslog-tls-'));
    // Each its own self-signed certificate for 127.0.0.1: the receiver's is the configured CA, the stranger's is not.
    const selfSigned = async (name: string) => {
      await mkdir(join(dir, name));
      const { certFile, keyFile } = await makeCertificate(join(dir, name));
      return { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile) };
    };
    const receiver = await selfSigned('receiver');
    const stranger = (await selfSigned('stranger')).cert;
    const received: Buffer[] = [];
    const server = createServer({ key: receiver.key, cert: receiver.cert }, (socket) =>
      socket.on('data', (d: Buffer) => received.push(d)),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const connection = await syslogConnector({
        host: '127.0.0.1',
        port,
        ca: receiver.cert,
        connectTimeoutMs: 3000,
      })();
      await connection.write(octetCounted('hello'));
      for (let i = 0; i < 100 && Buffer.concat(received).length < 7; i += 1)
        await new Promise((r) => setTimeout(r, 20));
      expect(Buffer.concat(received).toString()).toBe('5 hello');
      connection.close();
      await expect(
        syslogConnector({ host: '127.0.0.1', port, ca: stranger, connectTimeoutMs: 3000 })(),
      ).rejects.toThrow(/self-signed|certificate/i);
    } finally {
      server.close();
    }
  });
});
