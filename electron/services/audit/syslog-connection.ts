// A connection to the syslog receiver: plain TCP, or TLS checked against the configured CA. The
// receiver never talks back in this protocol, so its closing (or any error) marks the
// connection ended, and the forwarder reconnects before its next line.
import { connect as tcpConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import type { SyslogConnect, SyslogConnection } from './audit-forwarder';

export interface SyslogTarget {
  host: string;
  port: number;
  /** PEM text of the CA that signed the receiver's certificate; plain TCP without it. */
  ca?: string;
  connectTimeoutMs: number;
}

function wrap(socket: Socket): SyslogConnection {
  let ended = false;
  const end = () => {
    ended = true;
  };
  socket.on('end', end);
  socket.on('close', end);
  socket.on('error', end);
  // Anything the receiver sends is ignored; reading keeps its FIN visible to us.
  socket.on('data', () => undefined);
  return {
    get ended() {
      return ended;
    },
    write: (frame) =>
      new Promise<void>((resolve, reject) => {
        if (ended) return reject(new Error('syslog connection closed by the receiver'));
        socket.write(frame, (error) => (error ? reject(error) : resolve()));
      }),
    close: () => {
      ended = true;
      socket.destroy();
    },
  };
}

export function syslogConnector(target: SyslogTarget): SyslogConnect {
  return () =>
    new Promise<SyslogConnection>((resolve, reject) => {
      const ready = target.ca ? 'secureConnect' : 'connect';
      const socket = target.ca
        ? tlsConnect({
            host: target.host,
            port: target.port,
            ca: target.ca,
            servername: target.host.match(/^[\d.:]+$/) ? undefined : target.host,
          })
        : tcpConnect({ host: target.host, port: target.port });
      const timer = setTimeout(
        () =>
          socket.destroy(
            new Error(`syslog receiver ${target.host}:${target.port} did not answer in ${target.connectTimeoutMs} ms`),
          ),
        target.connectTimeoutMs,
      );
      const failed = (error: Error) => {
        clearTimeout(timer);
        reject(error);
      };
      socket.once('error', failed);
      socket.once(ready, () => {
        clearTimeout(timer);
        socket.removeListener('error', failed);
        resolve(wrap(socket));
      });
    });
}
