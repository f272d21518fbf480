// A real SMTP server on loopback that keeps every message as an .eml file in an outbox folder:
// the demo's and the tests' mail peer. Dev-only, never packaged.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

export interface MailSink {
  port: number;
  outbox: string;
  /** Raw messages received so far, oldest first. */
  messages(): Promise<string[]>;
  /** While down, every message is refused (the relay is "out"). */
  setDown(down: boolean): void;
  close(): Promise<void>;
}

export async function startMailSink(outbox: string): Promise<MailSink> {
  await mkdir(outbox, { recursive: true });
  let count = 0;
  let down = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (down) return callback(Object.assign(new Error('relay unavailable'), { responseCode: 421 }));
        count += 1;
        writeFile(join(outbox, `${String(count).padStart(4, '0')}.eml`), Buffer.concat(chunks)).then(
          () => callback(),
          callback,
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as { port: number }).port;
  return {
    port,
    outbox,
    async messages() {
      const files = (await readdir(outbox)).filter((f) => f.endsWith('.eml')).sort();
      return Promise.all(files.map((f) => readFile(join(outbox, f), 'utf8')));
    },
    setDown: (value) => {
      down = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The 6-digit code in a confirmation mail (quoted-printable keeps digits as they are). */
export function codeIn(rawMessage: string): string | undefined {
  return /^\s{4}(\d{6})\s*$/m.exec(rawMessage.replace(/=\r?\n/g, ''))?.[1];
}
