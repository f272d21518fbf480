// Where one account creation spends its time, stage by stage, measured by wrapping what the
// backend is given (the LDAP connector, the strength rater, the audit writer): the kiosk's code is
// not changed for it. Each LDAP request is named by what it is (its operation and DN); spans of one
// creation overlap when the kiosk sends requests together, so they are reported one by one, and
// what lies in no span is the kiosk's own work between them.
import type { Client } from 'ldapts';
import type { AuditWriter } from '../electron/services/audit/audit-log';
import type { LdapConnector } from '../electron/services/directory/ldap-connector';
import type { StrengthRater } from '../electron/services/password/strength-rater';

interface Span {
  stage: string;
  start: number;
  end: number;
}

/** The DNs a request is named by. */
export interface TraceLayout {
  baseDn: string;
  claimsDn: string;
  peopleDn: string;
  uidCounterDn: string;
}

const ENTRY_ADD = 'entry add';
const PASSWORD_MODIFY = 'Password Modify (ARGON2 on the server)';
const now = () => Number(process.hrtime.bigint()) / 1e6;
const lower = (dn: unknown) => String(dn).toLowerCase();

export class CreationTrace {
  private spans: Span[] = [];
  private started = 0;
  private recording = false;
  /** Per stage, one number per creation: the time in that stage (summed when it ran more than once). */
  readonly samples = new Map<string, number[]>();

  constructor(private readonly layout: TraceLayout) {}

  /** Times work as stage, when a creation is being recorded. */
  async time<T>(stage: string, work: () => Promise<T>): Promise<T> {
    if (!this.recording) return work();
    const start = now();
    try {
      return await work();
    } finally {
      this.spans.push({ stage, start, end: now() });
    }
  }

  /** Runs one creation with its stages recorded; keep false throws the samples away (a warm-up). */
  async record<T>(work: () => Promise<T>, keep: boolean): Promise<T> {
    this.spans = [];
    this.recording = true;
    this.started = now();
    try {
      return await work();
    } finally {
      this.recording = false;
      if (keep) this.keep(now());
    }
  }

  private keep(ended: number): void {
    const per = new Map<string, number>();
    for (const span of this.spans) per.set(span.stage, (per.get(span.stage) ?? 0) + span.end - span.start);
    // The time no span covers: the kiosk's own work (checks, building requests, the event loop).
    const sorted = [...this.spans].sort((a, b) => a.start - b.start);
    let covered = 0;
    let reach = this.started;
    for (const span of sorted) {
      if (span.end <= reach) continue;
      covered += span.end - Math.max(span.start, reach);
      reach = span.end;
    }
    per.set('kiosk work outside every request', ended - this.started - covered);
    // What the minimal side does not pay: the whole creation but its entry add and Password Modify.
    per.set(
      'everything but the entry add and Password Modify',
      ended - this.started - (per.get(ENTRY_ADD) ?? 0) - (per.get(PASSWORD_MODIFY) ?? 0),
    );
    for (const [stage, ms] of per) {
      const list = this.samples.get(stage) ?? [];
      list.push(ms);
      this.samples.set(stage, list);
    }
  }

  /** What one LDAP request is, by its operation and DN. */
  name(operation: string, dn: unknown, filter?: unknown): string {
    const { baseDn, claimsDn, peopleDn, uidCounterDn } = this.layout;
    const target = lower(dn);
    const text = lower(filter ?? '');
    if (operation === 'exop') return PASSWORD_MODIFY;
    if (operation === 'bind') return 'bind';
    if (target === lower(uidCounterDn)) return operation === 'search' ? 'counter read' : 'counter compare-and-swap';
    if (target.endsWith(lower(claimsDn))) return operation === 'add' ? 'claim add' : `claim ${operation}`;
    if (operation === 'search' && target === lower(baseDn))
      return text.includes('uidnumber') ? 'clash search' : 'standing search';
    if (target.endsWith(lower(peopleDn)))
      return operation === 'add' ? ENTRY_ADD : operation === 'search' ? 'read-back' : `entry ${operation}`;
    return `other ${operation}`;
  }

  /** The connector, with every request on its clients timed. Connecting (TLS, the bind) is timed too. */
  connector(connect: LdapConnector): LdapConnector {
    return async (url) => {
      const client = await this.time('connect (TCP, TLS)', () => connect(url));
      this.wrap(client);
      return client;
    };
  }

  private wrap(client: Client): void {
    const c = client as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    for (const operation of ['add', 'modify', 'del', 'search', 'exop', 'bind'] as const) {
      const original = c[operation]!.bind(client);
      c[operation] = (...args: unknown[]) => {
        const stage = this.name(
          operation,
          operation === 'exop' ? '' : args[0],
          operation === 'search' ? (args[1] as { filter?: unknown } | undefined)?.filter : undefined,
        );
        return this.time(stage, () => original(...args));
      };
    }
  }

  rater(rater: StrengthRater): StrengthRater {
    return {
      score: (password, inputs) =>
        this.time('password policy (zxcvbn in its worker)', () => rater.score(password, inputs)),
      breached: (password) => rater.breached(password),
      close: () => rater.close(),
    };
  }

  auditWriter(write: AuditWriter): AuditWriter {
    return (line) => this.time('audit line (chained file write)', () => write(line));
  }
}
