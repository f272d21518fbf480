// `mx-kiosk audit verify PATH...`: checks the audit trail's hash chain and names the first bad line.
// A PATH may be a daily file, or the configured audit.file (then every daily file and the head).
import { existsSync } from 'node:fs';
import { auditFiles, verifyAuditChain } from '../../electron/services/audit/audit-chain';
import type { CliIo } from './ais-commands';

export const AUDIT_USAGE = `  audit verify PATH...
      Verify the audit trail's hash chain (daily files, or the configured audit.file for all of
      them and the head); print OK and the line count, or the first bad line; exit 1 if bad.
`;

export async function runAuditCommand(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...paths] = argv;
  if (sub !== 'verify' || paths.length === 0) {
    io.err(`usage:\n${AUDIT_USAGE}`);
    return 2;
  }
  let files: string[] = [];
  let head: string | undefined;
  for (const path of paths) {
    const set = auditFiles(path);
    const daily = await set.list();
    if (!existsSync(path) && daily.length > 0) {
      files.push(...daily);
      head = set.headFile;
    } else files.push(path);
  }
  files = [...new Set(files)];
  const missing = files.filter((f) => !existsSync(f));
  if (missing.length > 0) {
    io.err(`no such file: ${missing.join(', ')}`);
    return 2;
  }
  const verdict = await verifyAuditChain(files, head);
  if (verdict.ok) {
    io.out(`OK  ${verdict.lines} lines in ${files.length} file(s), chain intact`);
    return 0;
  }
  io.out(`BAD  ${verdict.file}:${verdict.line}  ${verdict.reason}`);
  return 1;
}
