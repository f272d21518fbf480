// The receipt channel: only a person with a live session (on the result screen) may print.
import type { Dispatcher } from '../dispatcher';
import { KioskError } from '../kiosk-error';
import type { ReceiptPrinter } from './receipt-printer';

export function registerReceiptHandlers(
  dispatcher: Dispatcher,
  deps: { printer: ReceiptPrinter; requireSession: () => unknown },
): void {
  dispatcher.handle('printReceipt', async () => {
    deps.requireSession();
    try {
      return { printed: await deps.printer.print() };
    } catch (error) {
      throw new KioskError('RECEIPT_NOT_PRINTED', error instanceof Error ? error.message : String(error));
    }
  });
}
