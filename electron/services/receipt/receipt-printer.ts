// How a shell prints the result receipt. The page itself holds the receipt (a print stylesheet
// shows only it); Electron prints that page silently to the configured printer, while a shell
// without that power (the browser host) answers that the page should call window.print itself.
export type PrintOutcome = 'printed' | 'window-print';

export interface ReceiptPrinter {
  /** 'silent': print() sends the page to a printer; 'page': print() only says the page must print itself. */
  readonly mode: 'silent' | 'page';
  print(): Promise<PrintOutcome>;
}

/** The browser host's answer: it has no printer of its own, the page uses window.print. */
export const pagePrintsItself: ReceiptPrinter = { mode: 'page', print: async () => 'window-print' };

/**
 * What the result screen offers: without a configured printer, the QR code on screen and no Print
 * button, whatever the shell could do (a browser's print dialog is not a receipt printer); with
 * one, silent printing where the shell can, else the page's own printing.
 */
export function receiptPrinting(
  configuredPrinter: string | undefined,
  shell: ReceiptPrinter['mode'],
): 'silent' | 'page' | 'none' {
  if (!configuredPrinter) return 'none';
  return shell === 'silent' ? 'silent' : 'page';
}
