// Reads the certificate a server presents, the way the kiosk will meet it: directly (ldaps://,
// SMTP over TLS) or after the protocol's own upgrade (LDAP StartTLS, SMTP STARTTLS). The doctor
// then says whether it is trusted and how long it has left.
import { connect as tcpConnect, isIP, type Socket } from 'node:net';
import { connect as tlsConnect, type PeerCertificate } from 'node:tls';

export type TlsUpgrade = 'none' | 'ldap-starttls' | 'smtp-starttls';

export interface TlsTarget {
  host: string;
  port: number;
  upgrade: TlsUpgrade;
  /** The CA the kiosk trusts for this server (PEM); the system's store without it. */
  ca?: string;
  timeoutMs: number;
}

export interface PresentedCertificate {
  subject: string;
  /** When it stops being valid, in ms since the epoch. */
  notAfter: number;
  /** Null when the chain verifies against the CA the kiosk uses, else the reason. */
  untrusted: string | null;
}

// LDAPMessage { messageID 1, extendedReq { requestName "1.3.6.1.4.1.1466.20037" } } (RFC 4511 §4.14).
const LDAP_STARTTLS = Buffer.from('301d02010177188016312e332e362e312e342e312e313436362e3230303337', 'hex');

/** Resolves with the next chunk the server sends. */
function nextChunk(socket: Socket): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const onData = (data: Buffer) => {
      socket.off('error', onError);
      resolve(data);
    };
    const onError = (error: Error) => {
      socket.off('data', onData);
      reject(error);
    };
    socket.once('data', onData);
    socket.once('error', onError);
  });
}

/** Reads SMTP reply lines until the last one ("250 …" rather than "250-…"); returns its code. */
async function smtpReply(socket: Socket): Promise<number> {
  let text = '';
  for (;;) {
    text += (await nextChunk(socket)).toString('latin1');
    const lines = text.split('\r\n').filter(Boolean);
    const last = lines.at(-1);
    if (last && /^\d{3} /.test(last) && text.endsWith('\r\n')) return Number(last.slice(0, 3));
  }
}

async function upgradeOver(socket: Socket, upgrade: TlsUpgrade): Promise<void> {
  if (upgrade === 'ldap-starttls') {
    socket.write(LDAP_STARTTLS);
    const reply = await nextChunk(socket);
    // ExtendedResponse (0x78) with resultCode 0 right after the message ID.
    if (!reply.includes(Buffer.from([0x0a, 0x01, 0x00]))) throw new Error('the server refused StartTLS');
  } else if (upgrade === 'smtp-starttls') {
    if ((await smtpReply(socket)) !== 220) throw new Error('no SMTP greeting');
    socket.write('EHLO mx-kiosk-doctor\r\n');
    if ((await smtpReply(socket)) !== 250) throw new Error('EHLO refused');
    socket.write('STARTTLS\r\n');
    if ((await smtpReply(socket)) !== 220) throw new Error('the server refused STARTTLS');
  }
}

function describe(certificate: PeerCertificate): string {
  const subject = certificate.subject as unknown as Record<string, string | string[]> | undefined;
  const cn = subject?.CN;
  return Array.isArray(cn) ? cn.join(', ') : (cn ?? certificate.subjectaltname ?? '(no subject)');
}

/** Connects, upgrades if the protocol does, and reads the peer's certificate without trusting it blindly. */
export async function presentedCertificate(target: TlsTarget): Promise<PresentedCertificate> {
  const plain = tcpConnect({ host: target.host, port: target.port });
  const timer = setTimeout(() => plain.destroy(new Error(`no answer in ${target.timeoutMs} ms`)), target.timeoutMs);
  try {
    await new Promise<void>((resolve, reject) => {
      plain.once('connect', resolve);
      plain.once('error', reject);
    });
    await upgradeOver(plain, target.upgrade);
    const secure = tlsConnect({
      socket: plain,
      host: target.host,
      ca: target.ca,
      servername: isIP(target.host) ? undefined : target.host,
      // Read the certificate even when it fails verification, to say why.
      rejectUnauthorized: false,
    });
    await new Promise<void>((resolve, reject) => {
      secure.once('secureConnect', resolve);
      secure.once('error', reject);
    });
    const certificate = secure.getPeerCertificate();
    const untrusted = secure.authorized ? null : String(secure.authorizationError ?? 'not trusted');
    secure.destroy();
    return { subject: describe(certificate), notAfter: Date.parse(certificate.valid_to), untrusted };
  } finally {
    clearTimeout(timer);
    plain.destroy();
  }
}
