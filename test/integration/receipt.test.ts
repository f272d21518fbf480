// The receipt on the node side: what the settings tell the result screen about printing, and the
// print channel, which only a person with a live session may use. No directory is needed.
import { describe, expect, it } from 'vitest';
import type { ReceiptPrinter } from '../../electron/services/receipt/receipt-printer';
import { testBackend, testConfig } from '../support/test-config';

const ctx = { clientIp: '127.0.0.1', transport: 'http' as const };

function backendWith(printer: ReceiptPrinter | undefined, result: Record<string, unknown> = {}) {
  return testBackend(testConfig({ kioskId: 'receipt-counter', result }), { receiptPrinter: printer });
}

const silent = (outcome: () => Promise<'printed'>): ReceiptPrinter => ({ mode: 'silent', print: outcome });

describe('receipt', () => {
  it('tells the page how it prints: silently (a configured printer), itself (a printer, but a shell that cannot print), or not at all (no printer)', async () => {
    const settings = async (backend: ReturnType<typeof backendWith>) => {
      const answer = await backend.dispatcher.dispatch('kiosk:settings', {}, ctx);
      await backend.close();
      return answer;
    };
    // Without a configured printer the screen shows the QR code, even where the browser could print.
    expect(await settings(backendWith(undefined))).toMatchObject({
      ok: true,
      data: { kioskId: 'receipt-counter', result: { printing: 'none', helpUrl: 'https://net.nthu.edu.tw/' } },
    });
    expect(await settings(backendWith(undefined, { printer: 'Counter-Receipt' }))).toMatchObject({
      ok: true,
      data: { result: { printing: 'page' } },
    });
    expect(
      await settings(
        backendWith(
          silent(async () => 'printed'),
          { printer: 'Counter-Receipt' },
        ),
      ),
    ).toMatchObject({ ok: true, data: { result: { printing: 'silent' } } });
    expect(await settings(backendWith(silent(async () => 'printed')))).toMatchObject({
      ok: true,
      data: { result: { printing: 'none' } },
    });
    // The printer's name is for main only.
    expect(
      JSON.stringify(
        await settings(
          backendWith(
            silent(async () => 'printed'),
            { printer: 'Counter-Receipt' },
          ),
        ),
      ),
    ).not.toContain('Counter-Receipt');
  });

  it('prints only for a live session, and turns a printer failure into RECEIPT_NOT_PRINTED', async () => {
    let printed = 0;
    const backend = backendWith(
      silent(async () => {
        printed += 1;
        throw new Error('paper out');
      }),
      { printer: 'Counter-Receipt' },
    );
    expect(await backend.dispatcher.dispatch('receipt:print', {}, ctx)).toEqual({ ok: false, code: 'SESSION(0)' });
    expect(printed).toBe(0);
    backend.sessions.start(
      { id: 'z10003', name: '林明志', nameEn: 'Ming-Zhi Lin', language: 'zh-TW', condition: '一般', role: 'staff' },
      'apply',
    );
    expect(await backend.dispatcher.dispatch('receipt:print', {}, ctx)).toEqual({
      ok: false,
      code: 'RECEIPT_NOT_PRINTED',
    });
    expect(printed).toBe(1);
    await backend.close();
  });
});
