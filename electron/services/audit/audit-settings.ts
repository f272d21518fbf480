// The audit block of the configuration: where the hash-chained daily files go, and the central
// syslog receiver every line is also forwarded to (off unless configured).
import { z } from 'zod';
import { FACILITIES, type Facility } from './syslog-message';

const SyslogSettings = z
  .object({
    host: z.string().min(1),
    /** Default: 6514 with TLS (caFile given), 514 without. */
    port: z.number().int().min(1).max(65535).optional(),
    /** The CA that signed the receiver's certificate: with it the connection is TLS, without it plain TCP. */
    caFile: z.string().min(1).optional(),
    facility: z.enum(Object.keys(FACILITIES) as [Facility, ...Facility[]]).default('local0'),
    /** How long to wait before trying an unreachable receiver again. */
    retrySeconds: z.number().int().positive().default(10),
    connectTimeoutMs: z.number().int().positive().default(3000),
    /** A line not handed to the receiver in this time: forwarding is reported behind (and given up on after 30 times it, then retried). */
    writeTimeoutMs: z.number().int().positive().default(10_000),
    /** Lines kept in memory for sending; beyond them, lines wait only in the audit files and are read back in turn. */
    windowLines: z.number().int().min(1).max(100_000).default(1000),
  })
  .strict()
  .transform((s) => ({ ...s, port: s.port ?? (s.caFile ? 6514 : 514) }));

export const AuditSettings = z
  .object({
    file: z.string().min(1).default('/var/log/mx-kiosk/audit.jsonl'),
    syslog: SyslogSettings.optional(),
  })
  .strict()
  .prefault({});
export type AuditSettings = z.output<typeof AuditSettings>;
