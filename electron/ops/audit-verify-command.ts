// The audit-verify command: checks the audit trail's hash chain and names the first bad line.
// A PATH may be a daily file, or the configured audit.file (then every daily file and the head).
import { existsSync } from 'node:fs';
import { auditFiles, verifyAuditChain } from '../services/audit/audit-chain';
import { UsageError, type CliIo } from './operator-command';

export async function runAuditVerifyCommand(paths: string[], io: CliIo): Promise<number> {
  if (paths.length === 0) throw new UsageError('give at least one PATH');
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
