// The audit block of the configuration: where the hash-chained daily files go.
import { z } from 'zod';

export const AuditSettings = z
  .object({ file: z.string().min(1).default('/var/log/mx-kiosk/audit.jsonl') })
  .strict()
  .prefault({});
export type AuditSettings = z.output<typeof AuditSettings>;
