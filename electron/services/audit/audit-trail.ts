// The audit trail a shell gives the backend: the hash-chained daily files and, when configured,
// the forwarding of every line to the central syslog receiver. Both shells (Electron and the
// browser host) build it here, so they forward the same way.
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { auditFiles, chainedAuditWriter } from './audit-chain';
import { AuditForwarder } from './audit-forwarder';
import type { AuditWriter } from './audit-log';
import type { AuditSettings } from './audit-settings';
import { syslogConnector } from './syslog-connection';

export interface AuditTrail {
  writer: AuditWriter;
  forwarder: AuditForwarder | null;
  close(): Promise<void>;
}

export function createAuditTrail(
  settings: AuditSettings,
  deps: { clock: Clock; logger: Logger; kioskId: string; hostname: string; readTextFile: (path: string) => string },
): AuditTrail {
  const syslog = settings.syslog;
  if (!syslog)
    return { writer: chainedAuditWriter(settings.file, deps.clock), forwarder: null, close: async () => undefined };
  const files = auditFiles(settings.file);
  const forwarder = new AuditForwarder({
    files,
    stateFile: files.forwardedFile,
    connect: syslogConnector({
      host: syslog.host,
      port: syslog.port,
      ca: syslog.caFile ? deps.readTextFile(syslog.caFile) : undefined,
      connectTimeoutMs: syslog.connectTimeoutMs,
    }),
    origin: { hostname: deps.hostname, facility: syslog.facility, kioskId: deps.kioskId },
    logger: deps.logger,
    retryMs: syslog.retrySeconds * 1000,
    writeTimeoutMs: syslog.writeTimeoutMs,
    windowLines: syslog.windowLines,
  });
  const writer = chainedAuditWriter(settings.file, deps.clock, (line) => forwarder.written(line));
  void forwarder.start().catch((error: unknown) => deps.logger.error('audit forwarding could not start', { error }));
  return { writer, forwarder, close: () => forwarder.close() };
}
