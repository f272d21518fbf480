// A real syslog receiver for tests: Debian's rsyslogd in the foreground with its own configuration,
// listening for RFC 6587 (octet-counted) TCP on loopback, or TLS through rsyslog's own GnuTLS
// driver (rsyslog-gnutls), and writing each message's MSG part as one line to a file. Started,
// stopped, frozen and thawed by its PID; a restart keeps the port, the certificate and the file.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, makeCertificate } from '../../dev/slapd/throwaway-slapd';

export const RSYSLOGD = '/usr/sbin/rsyslogd';

export interface RunningRsyslog {
  port: number;
  /** With TLS: the receiver's self-signed certificate, which is its own CA. */
  caFile: string | null;
  /** The MSG of every message received so far, in arrival order. */
  received(): Promise<string[]>;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** SIGSTOP: the receiver stops reading, its connections stay open and fill up. */
  freeze(): void;
  /** SIGCONT: it reads again. */
  thaw(): void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

export async function startRsyslog(options: { tls?: boolean } = {}): Promise<RunningRsyslog> {
  if (!existsSync(RSYSLOGD)) throw new Error(`rsyslogd not found at ${RSYSLOGD}: run scripts/system-deps.sh test`);
  const dir = await mkdtemp(join(tmpdir(), 'mx-rsyslog-'));
  const port = await freePort();
  const output = join(dir, 'received.log');
  const config = join(dir, 'rsyslog.conf');
  const tls = options.tls ? await makeCertificate(dir) : null;
  await writeFile(
    config,
    [
      // Room for the long lines a test writes to fill a receiver's buffers quickly.
      `global(workDirectory="${dir}" maxMessageSize="64k"${tls ? ` defaultNetstreamDriver="gtls" defaultNetstreamDriverCAFile="${tls.certFile}" defaultNetstreamDriverCertFile="${tls.certFile}" defaultNetstreamDriverKeyFile="${tls.keyFile}"` : ''})`,
      tls
        ? 'module(load="imtcp" streamDriver.name="gtls" streamDriver.mode="1" streamDriver.authMode="anon")'
        : 'module(load="imtcp")',
      `input(type="imtcp" port="${port}" address="127.0.0.1")`,
      'template(name="msgOnly" type="string" string="%msg%\\n")',
      `*.* action(type="omfile" file="${output}" template="msgOnly" flushOnTXEnd="on" asyncWriting="off")`,
      '',
    ].join('\n'),
  );
  let child: ChildProcess | null = null;
  let stderr = '';
  const receiver: RunningRsyslog = {
    port,
    caFile: tls?.certFile ?? null,
    received: async () => (await readFile(output, 'utf8').catch(() => '')).split('\n').filter(Boolean),
    async start() {
      child = spawn(RSYSLOGD, ['-n', '-f', config, '-i', join(dir, 'rsyslogd.pid')], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      for (let i = 0; i < 100; i += 1) {
        if (await listening(port)) return;
        if (child.exitCode !== null) break;
        await sleep(50);
      }
      throw new Error(`rsyslogd did not listen on ${port}:\n${stderr}`);
    },
    freeze() {
      child?.kill('SIGSTOP');
    },
    thaw() {
      child?.kill('SIGCONT');
    },
    async stop() {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGTERM');
      await exited;
    },
  };
  await receiver.start();
  return receiver;
}
