// No native dialog ever opens on the counter: a Save dialog browses the file system, a print
// dialog offers "print to file", and a certificate chooser asks a question nobody at the counter
// can answer. The receipt is printed by main, silently (see the counter experience docs).
import type * as ElectronModule from 'electron';
import type { Logger } from '../services/logger';
import { originOf } from './url-origin';

type DownloadSession = Pick<ElectronModule.Session, 'on'>;

/** Every download in this session is cancelled before Chromium can ask where to save it. */
export function refuseDownloads(session: DownloadSession, partition: string, logger: Logger): void {
  session.on('will-download', (event, item) => {
    event.preventDefault();
    logger.warn('download refused', { partition, origin: originOf(item.getURL()) });
  });
}

/**
 * Replaces a page's own window.print with a no-op that cannot be put back. There is no Electron
 * switch that stops the system print dialog; main's silent webContents.print does not go
 * through this function, so the receipt still prints.
 */
export const DISARM_PRINT = `(() => { try { Object.defineProperty(window, 'print', { value: function print() {}, writable: false, configurable: false }); } catch (e) {} })();`;

type PrintableContents = Pick<ElectronModule.WebContents, 'on'> & {
  mainFrame?: Pick<ElectronModule.WebFrameMain, 'framesInSubtree'> | null;
};

/**
 * Disarms window.print in every frame each time a document is ready. A script that calls
 * print() before its document is ready is not covered: docs/deployment.md has the first-install
 * check for that case.
 */
export function disarmPagePrint(contents: PrintableContents): void {
  const disarm = () => {
    for (const frame of contents.mainFrame?.framesInSubtree ?? []) {
      void frame.executeJavaScript(DISARM_PRINT).catch(() => undefined);
    }
  };
  contents.on('dom-ready', disarm);
  contents.on('did-frame-finish-load', disarm);
}

/**
 * The client certificate for a TLS request that asks for one: the configured one (by its
 * fingerprint, as Electron reports it, e.g. "sha256/…"), and only for an AIS origin; otherwise none.
 */
export function chooseClientCertificate<C extends { fingerprint: string }>(
  url: string,
  offered: readonly C[],
  settings: { fingerprint?: string; origins: readonly string[] },
): C | undefined {
  if (!settings.fingerprint) return undefined;
  if (!settings.origins.map(originOf).includes(originOf(url))) return undefined;
  return offered.find((certificate) => certificate.fingerprint === settings.fingerprint);
}

/** Answers Chromium's certificate question itself, so its chooser never opens. */
export function answerCertificateRequests(
  app: Pick<ElectronModule.App, 'on'>,
  settings: { fingerprint?: string; origins: readonly string[] },
  logger: Logger,
): void {
  app.on('select-client-certificate', (event, _contents, url, list, callback) => {
    event.preventDefault();
    const chosen = chooseClientCertificate(url, list, settings);
    logger.info('client certificate requested', {
      origin: originOf(url),
      offered: list.length,
      sent: chosen !== undefined,
    });
    callback(chosen);
  });
}
