// The Electronegativity gate. Its CLI exits 0 even with findings, so this parses its SARIF output
// and fails on any finding of medium severity or above (SARIF level "warning" or "error").
// Two scans: the shell's sources (electron/), and the renderer's index.html for its CSP (the shell
// also sends the CSP as a header, which a static scan of electron/ cannot see).
// AvailableSecurityFixesGlobalCheck is excluded: it asks the network for Electron releases.
// usage: node scripts/security-gate.mjs [SOURCE_DIR] [HTML_FILE]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const [sourceDir = join(root, 'electron'), htmlFile = join(root, 'renderer', 'index.html')] = process.argv.slice(2);
const bin = join(root, 'node_modules', '.bin', 'electronegativity');
const electronVersion = JSON.parse(
  readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
).version;
const work = mkdtempSync(join(tmpdir(), 'mx-electronegativity-'));

function scan(label, input, args) {
  const output = join(work, `${label}.sarif`);
  const run = spawnSync(bin, ['-i', input, '-o', output, '-r', '-e', electronVersion, ...args], { encoding: 'utf8' });
  if (!existsSync(output)) {
    console.error(`electronegativity wrote no report for ${label}:\n${run.stdout}\n${run.stderr}`);
    process.exit(2);
  }
  const sarif = JSON.parse(readFileSync(output, 'utf8'));
  return sarif.runs
    .flatMap((r) => r.results)
    .map((r) => ({
      scan: label,
      rule: r.ruleId,
      level: r.level,
      where: `${r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '?'}:${r.locations?.[0]?.physicalLocation?.region?.startLine ?? '?'}`,
      message: r.message?.text ?? '',
    }));
}

const findings = [
  ...scan('shell', sourceDir, ['-x', 'AvailableSecurityFixesGlobalCheck,CSPGlobalCheck']),
  ...scan('csp', htmlFile, ['-l', 'CSPGlobalCheck']),
];
const blocking = findings.filter((f) => f.level === 'warning' || f.level === 'error');
for (const f of findings) console.log(`${blocking.includes(f) ? 'FAIL' : 'note'}  ${f.rule}  ${f.where}  ${f.message}`);
console.log(
  `electronegativity: ${blocking.length} finding(s) of medium severity or above, ${findings.length - blocking.length} note(s)`,
);
process.exit(blocking.length === 0 ? 0 : 1);
