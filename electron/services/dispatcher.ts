// The one door into main. Every handler is registered here against the contract's schemas;
// the IPC adapter and the browser host both call dispatch(), so both get identical checks.
import { CONTRACT } from '../../shared/contract/schemas';
import type { z } from 'zod';
import type { ResponseOf, Result } from '../../shared/contract/api';
import { CHANNELS, type ApiMethod, type Channel } from '../../shared/contract/channels';
import { KioskError } from './kiosk-error';
import type { Logger } from './logger';

/** Facts about the caller that the transport established (never taken from the payload). */
export interface CallContext {
  /** The peer address: AIS tokens are bound to it. */
  clientIp: string;
  transport: 'ipc' | 'http';
}

// A handler sees the request after parsing (defaults applied), hence zod's output type.
type ParsedRequest<M extends ApiMethod> = z.output<(typeof CONTRACT)[M]['request']>;
type Handler<M extends ApiMethod> = (request: ParsedRequest<M>, context: CallContext) => Promise<ResponseOf<M>>;

const METHOD_BY_CHANNEL = new Map<string, ApiMethod>(
  (Object.keys(CHANNELS) as ApiMethod[]).map((method) => [CHANNELS[method], method]),
);

export class Dispatcher {
  private readonly handlers = new Map<ApiMethod, Handler<ApiMethod>>();
  private readonly guards = new Map<ApiMethod, () => void>();

  constructor(private readonly logger: Logger) {}

  handle<M extends ApiMethod>(method: M, handler: Handler<M>): void {
    if (this.handlers.has(method)) throw new Error(`handler for ${method} registered twice`);
    this.handlers.set(method, handler as unknown as Handler<ApiMethod>);
  }

  /**
   * Runs check before every call of these methods; what it throws (a KioskError such as
   * OUT_OF_SERVICE) is the answer, and the handler does not run.
   */
  guard(methods: readonly ApiMethod[], check: () => void): void {
    for (const method of methods) this.guards.set(method, check);
  }

  /** Methods of the contract that have no handler yet; main refuses to start while any is missing. */
  missingHandlers(): ApiMethod[] {
    return (Object.keys(CHANNELS) as ApiMethod[]).filter((m) => !this.handlers.has(m));
  }

  channels(): Channel[] {
    return [...this.handlers.keys()].map((m) => CHANNELS[m]);
  }

  async dispatch(channel: unknown, payload: unknown, context: CallContext): Promise<Result<unknown>> {
    const method = typeof channel === 'string' ? METHOD_BY_CHANNEL.get(channel) : undefined;
    const handler = method && this.handlers.get(method);
    if (!method || !handler) return { ok: false, code: 'UNKNOWN_CHANNEL' };

    const spec = CONTRACT[method];
    const request = spec.request.safeParse(payload ?? {});
    if (!request.success) {
      this.logger.warn('request rejected by schema', { channel, issues: request.error.issues.length });
      return { ok: false, code: 'BAD_REQUEST' };
    }
    try {
      this.guards.get(method)?.();
      const value = await handler(request.data, context);
      // Parsing the response strips any field the contract does not name.
      return { ok: true, data: spec.response.parse(value) };
    } catch (error) {
      if (error instanceof KioskError) {
        this.logger.info('request refused', { channel, code: error.code, detail: error.detail });
        return { ok: false, code: error.code, ...error.facts };
      }
      // Raw errors and stacks stay in main's log; the renderer only learns INTERNAL.
      this.logger.error('handler failed', { channel, error });
      return { ok: false, code: 'INTERNAL' };
    }
  }
}
