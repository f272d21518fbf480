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
