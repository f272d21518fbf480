// The result block of the configuration: what the result screen says about signing in (webmail,
// mail-client servers), where the receipt's QR code leads, and the receipt printer, if any.
import { z } from 'zod';

export const ResultSettings = z
  .object({
    webmailUrl: z.url().default('https://mx.nthu.edu.tw/'),
    /** As a mail client should be set up, e.g. "mx.nthu.edu.tw, IMAP 993, SSL/TLS". */
    incomingServer: z.string().min(1).default('mx.nthu.edu.tw, IMAP 993, SSL/TLS'),
    outgoingServer: z.string().min(1).default('smtp.mx.nthu.edu.tw, SMTP 465, SSL/TLS'),
    /** The help page the receipt's QR code opens. */
    helpUrl: z.url().default('https://net.nthu.edu.tw/'),
    /** The printer's system name (webContents.print deviceName); absent: no printer, the screen shows the QR code. */
    printer: z.string().min(1).optional(),
  })
  .strict()
  .prefault({});
export type ResultSettings = z.output<typeof ResultSettings>;
