// Forwards every audit line to a central syslog receiver, in order. The local hash-chained files
// stay the source of truth, and they are also the queue: a small state file remembers the last
// line forwarded (its seq and hash), so after a receiver outage or a kiosk restart forwarding
// resumes from the files exactly where it stopped, and sends no line twice.
//
// Plain syslog over TCP has no acknowledgement (RFC 6587): a line is counted as forwarded once
// it was handed to a connection the receiver had not closed. A receiver that dies with lines
// unread in its buffer loses them; `audit verify` on the central copy then names the gap, and
// the counter's own files still hold every line.
import { open, rename } from 'node:fs/promises';
import { within } from '../concurrency/within';
import type { Logger } from '../logger';
import { loadForwarded, parseChained, readBacklog, type ChainedLine, type Forwarded } from './audit-backlog';
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

export interface AuditForwarderDeps {
  files: AuditFiles;
  /** Where the last forwarded line is remembered (beside the audit files). */
  stateFile: string;
  connect: SyslogConnect;
  origin: SyslogOrigin;
  logger: Logger;
  /** Wait between attempts while the receiver cannot be reached. */
  retryMs: number;
  /** A line not handed over in this time: the receiver is not reading, and forwarding says it is behind. */
  writeTimeoutMs: number;
  /** At most this many lines wait in memory; the rest are read back from the files when their turn comes. */
  windowLines: number;
}

/** up-to-date: nothing waits; sending: lines wait and the receiver takes them; behind: it does not. */
export interface ForwardingStatus {
  state: 'up-to-date' | 'sending' | 'behind';
  /** Lines in the trail not yet forwarded (as far as this forwarder has seen the trail). */
  lines: number;
  /** The time of the oldest of them. */
  since: string | null;
  /** Why it is behind: the receiver cannot be reached, or it stopped reading. */
  reason: 'unreachable' | 'not-reading' | null;
}

export class AuditForwarder {
  private forwarded: Forwarded = { seq: 0, hash: '' };
  private queue: ChainedLine[] = [];
  /** Lines written while the files are being read back; merged in order afterwards. */
  private held: ChainedLine[] | null = null;
  /** Lines wait in the files that are not in the queue (a gap, a full window, a start): read them back before going on. */
  private fromFiles = false;
  /** The newest line seen, from the files or as it was written. */
  private latest: ChainedLine | null = null;
  private connection: SyslogConnection | null = null;
  private pumping: Promise<void> | null = null;
  private stopped = false;
  private wake: (() => void) | null = null;
  private trouble: ForwardingStatus['reason'] = null;

  constructor(private readonly deps: AuditForwarderDeps) {}

  /** Reads where forwarding stopped and starts sending every later line from the files. */
  async start(): Promise<void> {
    this.forwarded = await loadForwarded(this.deps.stateFile);
    this.fromFiles = true;
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

  /** The last line forwarded, and how many wait in memory. */
  progress(): { forwardedSeq: number; waiting: number } {
    return { forwardedSeq: this.forwarded.seq, waiting: this.queue.length };
  }

  /** For the helpdesk's health view: up to date, sending, or behind by N lines since T. */
  status(): ForwardingStatus {
    const lines = Math.max(0, (this.latest?.seq ?? 0) - this.forwarded.seq);
    const since = lines === 0 ? null : (this.queue[0]?.time ?? null);
    if (lines === 0) return { state: 'up-to-date', lines: 0, since: null, reason: null };
    return { state: this.trouble ? 'behind' : 'sending', lines, since, reason: this.trouble };
  }

  async close(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    this.connection?.close();
    await this.pumping;
    this.connection = null;
  }

  private seen(line: ChainedLine): void {
    if (!this.latest || line.seq > this.latest.seq) this.latest = line;
  }

  /** Only the next line in order joins the queue, and only while the window has room; otherwise the files have it. */
  private enqueue(line: ChainedLine): void {
    this.seen(line);
    const last = this.queue.at(-1)?.seq ?? this.forwarded.seq;
    if (line.seq <= last) return;
    if (this.fromFiles || line.seq !== last + 1 || this.queue.length >= this.deps.windowLines) this.fromFiles = true;
    else this.queue.push(line);
  }

  private kick(): void {
    this.wake?.();
    this.pumping ??= this.pump().finally(() => {
      this.pumping = null;
      // A line queued while the loop was finishing must not wait for the next one.
      if (!this.stopped && (this.queue.length > 0 || this.fromFiles)) this.kick();
    });
  }

  /** Refills the queue from the files, up to the window, from the last line queued or forwarded. */
  private async refill(): Promise<void> {
    this.held = [];
    this.fromFiles = false;
    try {
      const backlog = await readBacklog(this.deps.files, this.queue.at(-1)?.seq ?? this.forwarded.seq);
      const last = backlog.at(-1);
      if (last) this.seen(last);
      this.queue.push(...backlog.slice(0, this.deps.windowLines));
      if (backlog.length > this.deps.windowLines) this.fromFiles = true;
    } finally {
      const held = this.held;
      this.held = null;
      for (const line of held) this.enqueue(line);
    }
  }

  private async pump(): Promise<void> {
    while (!this.stopped && (this.queue.length > 0 || this.fromFiles)) {
      try {
        if (this.queue.length === 0) {
          await this.refill();
          continue;
        }
        const next = this.queue[0]!;
        if (!this.connection || this.connection.ended) {
          this.connection?.close();
          this.connection = await this.deps.connect();
        }
        await this.send(this.connection, next);
        this.forwarded = { seq: next.seq, hash: next.hash };
        this.queue.shift();
        await this.saveState();
        if (this.trouble)
          this.deps.logger.info('audit forwarding caught up with the receiver', {
            seq: next.seq,
            waiting: this.status().lines,
          });
        this.trouble = null;
      } catch (error) {
        this.connection?.close();
        this.connection = null;
        if (this.stopped) return;
        if (this.trouble !== 'not-reading') {
          if (!this.trouble)
            this.deps.logger.warn('audit forwarding behind: receiver unreachable; lines wait in the audit files', {
              error,
              waiting: this.status().lines,
            });
          this.trouble = 'unreachable';
        }
        await this.pause(this.deps.retryMs);
      }
    }
  }

  /**
   * Hands one line to the connection. A receiver that stops reading is reported after the write
   * timeout, and waited for on the same connection, so lines arrive in order and none twice
   * when it reads again; one that has not read for 30 write timeouts is given up on.
   */
  private async send(connection: SyslogConnection, line: ChainedLine): Promise<void> {
    const handed = connection.write(octetCounted(syslogMessage(line.line, this.deps.origin)));
    const { writeTimeoutMs } = this.deps;
    if (
      await within(
        handed.then(() => true),
        writeTimeoutMs,
        false,
      )
    )
      return;
    if (this.trouble !== 'not-reading')
      this.deps.logger.warn('audit forwarding behind: the receiver is not reading', {
        seq: line.seq,
        waiting: this.status().lines,
      });
    this.trouble = 'not-reading';
    if (
      !(await within(
        handed.then(() => true),
        writeTimeoutMs * 29,
        false,
      ))
    )
      throw new Error(`the syslog receiver read nothing for ${(writeTimeoutMs * 30) / 1000} s`);
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
}
