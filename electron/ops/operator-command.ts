// What the operator's commands share, so the installed app and a checkout run the same code:
// where lines go, what the host provides, and how a bad command line is reported.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { KioskConfig } from '../services/config';
import type { PrinterProbe } from '../services/health/kiosk-doctor';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  now(): number;
}

/** The demo systems exist only in a checkout; the installed app has none. */
export interface OperatorDemo {
  start(): Promise<{ config: KioskConfig; stop(): Promise<void> }>;
  /** The demo profile's public AIS key, as 64 hex characters. */
  aisKeyHex: string;
}

export interface OperatorHost {
  env: Record<string, string | undefined>;
  platform: string;
  readTextFile(path: string): string;
  /** The policy summaries shipped with this build: inside the package, or the source tree in a checkout. */
  bundledPoliciesDir: string;
  /** The breached-password filter shipped with this build (built by `npm run build`). */
  bundledBreachedFilter?: string;
  /** Asks the print system about the receipt printer: the installed app does (CUPS's lpstat); a checkout does not. */
  printerExists?: PrinterProbe;
  demo?: OperatorDemo;
}

/**
 * A command line the command cannot run. Each host spells its commands differently
 * (`mx-kiosk doctor` in a checkout, `mx-kiosk --doctor` installed), so the host prints its own
 * usage with this message and exits 2.
 */
export class UsageError extends Error {}

type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** parseArgs in strict mode, with its complaints turned into UsageError. */
export function parseOptions<T extends OptionSpec>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, strict: true, options }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function requireOptions(values: Record<string, unknown>, names: string[]): void {
  const missing = names.filter((n) => typeof values[n] !== 'string' || values[n] === '');
  if (missing.length > 0) throw new UsageError(`missing ${missing.map((n) => `--${n}`).join(', ')}`);
}

export function wholeSeconds(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^-?[0-9]+$/.test(text)) throw new UsageError(`${flag} must be a whole number of seconds`);
  return Number(text);
}
