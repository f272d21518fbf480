// Whether CUPS knows a printer: `lpstat -p NAME` answers 0 for a known destination. The installed
// app's doctor uses it for the receipt printer (result.printer); a machine without CUPS says so.
import { execFile } from 'node:child_process';
import type { PrinterProbe } from '../services/health/kiosk-doctor';

export function cupsPrinterProbe(run: typeof execFile = execFile): PrinterProbe {
  return (name) =>
    new Promise((resolve) => {
      run('lpstat', ['-p', name], { timeout: 5000 }, (error, stdout, stderr) => {
        if (!error) return resolve({ found: true, detail: String(stdout).trim().split('\n')[0] || 'known to CUPS' });
        if ((error as NodeJS.ErrnoException).code === 'ENOENT')
          return resolve({
            found: false,
            detail: 'lpstat is missing: install cups-client so the kiosk can print receipts',
          });
        resolve({
          found: false,
          detail: `not a printer CUPS knows (${String(stderr).trim().split('\n')[0] || `lpstat exit ${String(error.code)}`})`,
        });
      });
    });
}
