// Sending mail through the configured SMTP relay with nodemailer: implicit TLS or required
// STARTTLS with certificate checks, or plain SMTP only where the configuration allows it explicitly.
import nodemailer from 'nodemailer';
import type { ResolvedSmtpSettings } from './contact-settings';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

export type Mailer = (mail: OutgoingMail) => Promise<void>;

function transportFor(smtp: ResolvedSmtpSettings) {
  return nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.security === 'tls',
    requireTLS: smtp.security === 'starttls',
    ignoreTLS: smtp.security === 'none',
    auth: smtp.user ? { user: smtp.user, pass: smtp.password?.reveal() ?? '' } : undefined,
    tls: { ca: smtp.caPem ? [smtp.caPem] : undefined, rejectUnauthorized: true, minVersion: 'TLSv1.2' },
    connectionTimeout: smtp.timeoutMs,
    greetingTimeout: smtp.timeoutMs,
    socketTimeout: smtp.timeoutMs,
  });
}

export function createSmtpMailer(smtp: ResolvedSmtpSettings): Mailer {
  const transport = transportFor(smtp);
  return async (mail) => {
    await transport.sendMail({ from: smtp.from, to: mail.to, subject: mail.subject, text: mail.text });
  };
}

/** Connects, upgrades to TLS as configured and authenticates, without sending anything. */
export async function verifySmtp(smtp: ResolvedSmtpSettings): Promise<void> {
  const transport = transportFor(smtp);
  try {
    await transport.verify();
  } finally {
    transport.close();
  }
}

/** Where no relay is configured: every send fails, so the person is sent to the helpdesk. */
export const noMailer: Mailer = async () => {
  throw new Error('no SMTP relay is configured');
};
