// The installed doctor's printer probe, with lpstat's three answers played by a stand-in.
import { describe, expect, it } from 'vitest';
import { cupsPrinterProbe } from '../../../../electron/ops/cups-printer';

type Answer = { error: (Error & { code?: string | number }) | null; stdout: string; stderr: string };
const lpstat = (answer: Answer, calls: string[][] = []) =>
  ((
    file: string,
    args: string[],
    _options: unknown,
    callback: (e: Answer['error'], out: string, err: string) => void,
  ) => {
    calls.push([file, ...args]);
    callback(answer.error, answer.stdout, answer.stderr);
  }) as never;

describe('cupsPrinterProbe', () => {
  it('asks lpstat -p for the named printer and reports its line when CUPS knows it', async () => {
    const calls: string[][] = [];
    await expect(
      cupsPrinterProbe(
        lpstat({ error: null, stdout: 'printer receipts is idle.  enabled since …\n', stderr: '' }, calls),
      )('receipts'),
    ).resolves.toEqual({ found: true, detail: 'printer receipts is idle.  enabled since …' });
    expect(calls).toEqual([['lpstat', '-p', 'receipts']]);
  });

  it('says the printer is unknown, with lpstat’s words', async () => {
    const error = Object.assign(new Error('exit 1'), { code: 1 });
    await expect(
      cupsPrinterProbe(lpstat({ error, stdout: '', stderr: 'lpstat: Invalid destination name in list "nope".\n' }))(
        'nope',
      ),
    ).resolves.toEqual({
      found: false,
      detail: 'not a printer CUPS knows (lpstat: Invalid destination name in list "nope".)',
    });
  });

  it('says what to install when there is no lpstat', async () => {
    const error = Object.assign(new Error('spawn lpstat ENOENT'), { code: 'ENOENT' });
    await expect(cupsPrinterProbe(lpstat({ error, stdout: '', stderr: '' }))('receipts')).resolves.toMatchObject({
      found: false,
      detail: expect.stringContaining('cups-client'),
    });
  });
});
