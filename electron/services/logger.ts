// Structured JSON-lines logger with redaction: a secret must not reach a log even by mistake.

import { z } from 'zod';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export const LogSettings = z
  .object({ level: z.enum(['debug', 'info', 'warn', 'error']).default('info') })
  .strict()
  .prefault({});
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

// Field names whose values are never written, at any depth.
const SECRET_KEY = /pass(word)?|secret|token|key|credential|authorization|cookie/i;
export const REDACTED = '[redacted]';

// scheme://user:password@host: the user info is replaced wherever a URL appears in a string.
const URL_USER_INFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]+@/gi;

/** The text with the user info of every URL in it replaced by [redacted]. */
export function redactUrlCredentials(text: string): string {
  return text.replace(URL_USER_INFO, `$1${REDACTED}@`);
}

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[deep]';
  if (typeof value === 'string') return redactUrlCredentials(value);
  if (value instanceof Error) return { name: value.name, message: redactUrlCredentials(value.message) };
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) ? REDACTED : redact(v, depth + 1);
    return out;
  }
  return value;
}

export function createJsonLogger(
  write: (line: string) => void,
  clock: { now(): number },
  minLevel: LogLevel = 'info',
): Logger {
  const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
  const emit =
    (level: LogLevel) =>
    (message: string, fields: LogFields = {}) => {
      if (order[level] < order[minLevel]) return;
      const record = { time: new Date(clock.now()).toISOString(), level, message, ...(redact(fields) as LogFields) };
      write(JSON.stringify(record));
    };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
