// The result receipt on paper: Electron prints the kiosk page (whose print stylesheet shows only
// the receipt) silently to the printer named in the configuration. The backend receives this as
// its ReceiptPrinter, so the services never import electron.
import type * as ElectronModule from 'electron';
import type { PrintOutcome, ReceiptPrinter } from '../services/receipt/receipt-printer';

type Printable = Pick<ElectronModule.WebContents, 'print'>;

export class SilentReceiptPrinter implements ReceiptPrinter {
  readonly mode = 'silent' as const;

  constructor(
    /** The kiosk window's contents once it exists (it is made after the backend). */
    private readonly contents: () => Printable | null,
    /** The system name of the configured printer; without one nothing is printed. */
    private readonly deviceName: string | undefined,
  ) {}

  print(): Promise<PrintOutcome> {
    const contents = this.contents();
    const deviceName = this.deviceName;
    if (!contents || !deviceName)
      return Promise.reject(new Error(deviceName ? 'no kiosk window to print' : 'no receipt printer configured'));
    return new Promise((resolve, reject) => {
      // silent: no dialog at the counter, where nobody may choose another printer or a file.
      contents.print({ silent: true, deviceName, printBackground: false }, (success, failureReason) => {
        if (success) resolve('printed');
        else reject(new Error(`receipt not printed: ${failureReason}`));
      });
    });
  }
}
