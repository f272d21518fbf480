// An audit line as an RFC 5424 syslog message, framed by octet counting (RFC 6587) for TCP and
// TLS. The whole chained line (with seq, prev and hash) is the MSG, so the central copy can be
// cut back out of the collector's file and checked with `mx-kiosk audit verify`.

export const FACILITIES = {
  auth: 4,
  authpriv: 10,
  local0: 16,
  local1: 17,
  local2: 18,
  local3: 19,
  local4: 20,
  local5: 21,
  local6: 22,
  local7: 23,
} as const;
export type Facility = keyof typeof FACILITIES;

/** Audit lines are records of normal but significant events: severity 5 (notice). */
const NOTICE = 5;
/** The documentation enterprise number (RFC 5612): our structured data names no real company. */
const SD_ID = 'mxk@32473';

export interface SyslogOrigin {
  hostname: string;
  facility: Facility;
  kioskId: string;
}

// RFC 5424 header fields are printable US-ASCII without spaces, and limited in length.
const headerField = (text: string, max: number) => text.replace(/[^\x21-\x7e]/g, '').slice(0, max) || '-';
// Inside a structured-data value, '"', '\' and ']' must be escaped.
const sdValue = (text: string) => text.replace(/["\\\]]/g, (c) => `\\${c}`);

/** One chained audit line as an RFC 5424 message (without framing). */
export function syslogMessage(chainedLine: string, origin: SyslogOrigin): string {
  const record = JSON.parse(chainedLine) as { time?: string; seq?: number };
  const priority = FACILITIES[origin.facility] * 8 + NOTICE;
  const timestamp = typeof record.time === 'string' ? record.time : '-';
  const structured = `[${SD_ID} kiosk="${sdValue(origin.kioskId)}" seq="${record.seq ?? '-'}"]`;
  return `<${priority}>1 ${timestamp} ${headerField(origin.hostname, 255)} mx-kiosk - audit ${structured} ${chainedLine}`;
}

/** Octet-counting frame: the message's length in bytes, a space, the message. */
export function octetCounted(message: string): Buffer {
  const body = Buffer.from(message, 'utf8');
  return Buffer.concat([Buffer.from(`${body.length} `, 'ascii'), body]);
}
