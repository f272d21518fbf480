// Printing the result receipt: main prints silently where it can (Electron); otherwise it says
// the page should print itself (browser host), and window.print() opens the browser's printing.
import type { KioskApi } from '../../../shared/contract/api';
import type { ResultCode } from '../../../shared/contract/codes';

/** Printed by the configured printer, or the browser's print window opened (the page's own printing). */
export type ReceiptOutcome = { printed: 'printed' | 'window-print' } | { printed: false; code: ResultCode };

export async function printReceipt(api: KioskApi, print: () => void = () => window.print()): Promise<ReceiptOutcome> {
  const result = await api.printReceipt();
  if (!result.ok) return { printed: false, code: result.code };
  if (result.data.printed === 'window-print') print();
  return { printed: result.data.printed };
}
