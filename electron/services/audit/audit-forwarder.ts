// Forwards every audit line to a central syslog receiver, in order. The local hash-chained files
// stay the source of truth, and they are also the queue: a small state file remembers the last
// line forwarded (its seq and hash), so after a receiver outage or a kiosk restart forwarding
// resumes from the files exactly where it stopped, and sends no line twice.
//
// Plain syslog over TCP has no acknowledgement (RFC 6587): a line is counted as forwarded once
// it was handed to a connection the receiver had not closed. A receiver that dies with lines
// unread in its buffer loses them; `audit verify` on the central copy then names the gap, and
// the counter's own files still hold every line.
import { open, readFile, rename } from 'node:fs/promises';
import type { Logger } from '../logger';
import type { AuditFiles } from './audit-chain';
import { octetCounted, syslogMessage, type SyslogOrigin } from './syslog-message';

export interface SyslogConnection {
  /** Resolves once the bytes are handed to the OS; rejects if the connection is gone. */
  write(frame: Buffer): Promise<void>;
  /** True once the receiver closed its side or the connection failed. */
  readonly ended: boolean;
  close(): void;
}

export type SyslogConnect = () => Promise<SyslogConnection>;

interface Forwarded {
  seq: number;
  hash: string;
}

interface ChainedLine {
  seq: number;
  hash: string;
  line: string;
}

export interface AuditForwarderDeps {
  files: AuditFiles;
  /** Where the last forwarded line is remembered (beside the audit files). */
  stateFile: string;
  connect: SyslogConnect;
  origin: SyslogOrigin;
  logger: Logger;
  /** Wait between attempts while the receiver cannot be reached. */
  retryMs: number;
}

function parseChained(line: string): ChainedLine | null {
  try {
    const record = JSON.parse(line) as { seq?: unknown; hash?: unknown };
    return typeof record.seq === 'number' && typeof record.hash === 'string' ? { seq: record.seq, hash: record.hash, line } : null;
  } catch {
    return null;
  }
}

export class AuditForwarder {
  private forwarded: Forwarded = { seq: 0, hash: '' };
  private queue: ChainedLine[] = [];
  /** Lines written while the backlog is being read from the files; merged in order afterwards. */
  private held: ChainedLine[] | null = null;
  private connection: SyslogConnection | null = null;
  private pumping: Promise<void> | null = null;
  private stopped = false;
  private wake: (() => void) | null = null;
  private outage = false;

  constructor(private readonly deps: AuditForwarderDeps) {}

  /** Reads where forwarding stopped, queues every later line from the files, and starts sending. */
  async start(): Promise<void> {
    this.held = [];
    this.forwarded = await this.loadState();
    const backlog = await this.readBacklog(this.forwarded.seq);
    const held = this.held;
    this.held = null;
    this.queue = backlog;
    for (const line of held) this.enqueue(line);
    this.kick();
  }

  /** Called with each chained line right after it is in the local file. */
  written(chainedLine: string): void {
    const line = parseChained(chainedLine);
    if (!line) return;
    if (this.held) this.held.push(line);
    else {
      this.enqueue(line);
      this.kick();
    }
  }

  /** The last line forwarded, and how many wait. */
  progress(): { forwardedSeq: number; waiting: number } {
    return { forwardedSeq: this.forwarded.seq, waiting: this.queue.length };
  }

  async close(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.pumping;
    this.connection?.close();
    this.connection = null;
  }

  private enqueue(line: ChainedLine): void {
    const last = this.queue.at(-1)?.seq ?? this.forwarded.seq;
    if (line.seq > last) this.queue.push(line);
  }

  private kick(): void {
    this.wake?.();
    this.pumping ??= this.pump().finally(() => {
      this.pumping = null;
      // A line queued while the loop was finishing must not wait for the next one.
      if (!this.stopped && this.queue.length > 0) this.kick();
    });
  }

  private async pump(): Promise<void> {
    while (!this.stopped && this.queue.length > 0) {
      const next = this.queue[0]!;
      try {
        if (!this.connection || this.connection.ended) {
          this.connection?.close();
          this.connection = await this.deps.connect();
        }
        await this.connection.write(octetCounted(syslogMessage(next.line, this.deps.origin)));
        this.forwarded = { seq: next.seq, hash: next.hash };
        this.queue.shift();
        await this.saveState();
        if (this.outage) this.deps.logger.info('audit forwarding resumed', { seq: next.seq });
        this.outage = false;
      } catch (error) {
        this.connection?.close();
        this.connection = null;
        if (!this.outage) this.deps.logger.warn('audit forwarding paused: receiver unreachable; lines wait in the audit files', { error, waiting: this.queue.length });
        this.outage = true;
        await this.pause(this.deps.retryMs);
      }
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref?.();
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        if (this.stopped) done();
      };
    });
  }

  private async loadState(): Promise<Forwarded> {
    try {
      const state = JSON.parse(await readFile(this.deps.stateFile, 'utf8')) as Forwarded;
      return typeof state.seq === 'number' ? state : { seq: 0, hash: '' };
    } catch {
      return { seq: 0, hash: '' };
    }
  }

  /** Written to a new file, flushed, then renamed over the old one: a crash leaves one or the other. */
  private async saveState(): Promise<void> {
    const temporary = `${this.deps.stateFile}.tmp`;
    const handle = await open(temporary, 'w', 0o640);
    try {
      await handle.writeFile(JSON.stringify(this.forwarded));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, this.deps.stateFile);
  }

  /** Every line after `after`, in order, from the daily files (reading back only as far as needed). */
  private async readBacklog(after: number): Promise<ChainedLine[]> {
    const files = await this.deps.files.list();
    const chunks: ChainedLine[][] = [];
    for (let i = files.length - 1; i >= 0; i -= 1) {
      const lines = (await readFile(files[i]!, 'utf8').catch(() => '')).split('\n').filter(Boolean).map(parseChained).filter((l): l is ChainedLine => l !== null);
      chunks.unshift(lines.filter((l) => l.seq > after));
      if ((lines[0]?.seq ?? Infinity) <= after + 1) break;
    }
    return chunks.flat();
  }
}
