// The receipt printer Electron gives the backend: silent, to the configured device, and honest
// about failures (a refused print is an error, never a quiet success).
import { describe, expect, it } from 'vitest';
import { SilentReceiptPrinter } from '../../../../electron/main/receipt-printer';

type PrintCall = { options: Record<string, unknown> };

function fakeContents(success: boolean, calls: PrintCall[]) {
  return {
    print: ((options: Record<string, unknown>, callback: (ok: boolean, reason: string) => void) => {
      calls.push({ options });
      callback(success, success ? '' : 'Print job failed');
    }) as never,
  };
}

describe('SilentReceiptPrinter', () => {
  it('prints silently to the configured device', async () => {
    const calls: PrintCall[] = [];
    const printer = new SilentReceiptPrinter(() => fakeContents(true, calls), 'Counter-Receipt');
    await expect(printer.print()).resolves.toBe('printed');
    expect(calls).toEqual([{ options: expect.objectContaining({ silent: true, deviceName: 'Counter-Receipt' }) }]);
  });

  it('reports a failed print as an error', async () => {
    const printer = new SilentReceiptPrinter(() => fakeContents(false, []), 'Counter-Receipt');
    await expect(printer.print()).rejects.toThrow(/Print job failed/);
  });

  it('prints nothing without a configured printer or a window', async () => {
    const calls: PrintCall[] = [];
    await expect(new SilentReceiptPrinter(() => fakeContents(true, calls), undefined).print()).rejects.toThrow(
      /no receipt printer/,
    );
    await expect(new SilentReceiptPrinter(() => null, 'P').print()).rejects.toThrow(/no kiosk window/);
    expect(calls).toEqual([]);
  });
});
