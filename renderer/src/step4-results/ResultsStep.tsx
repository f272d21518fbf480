// Step 4, Results: a clear success heading and the new address in large type; how to sign in
// (webmail, mail-client servers), when the account takes effect and how large the mailbox is, in
// plain words; the legacy portal's lines (home directory, quota, .MBOX) closed, for the helpdesk;
// Print only where a receipt printer is configured, else the help page's QR code; then the
// contact address and Finish.
// It leaves only through Finish or the idle guard (which warns first), never on a silent timer.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultCode } from '../../../shared/contract/codes';
import { useKioskApi } from '../api/api-context';
import { useKioskStore } from '../app/kiosk-store';
import { ContactAndFinish } from '../contact/ContactAndFinish';
import { ReferenceLine } from '../errors/Refusal';
import { printReceipt, type ReceiptOutcome } from '../flows/receipt';
import { humanSize } from '../receipt/human-size';
import { QrCode } from '../receipt/QrCode';
import { Receipt } from '../receipt/Receipt';
import { Stepper } from '../stepper/Stepper';

/** The stable code the helpdesk knows for an account whose mailbox is still being finished. */
const UNFINISHED: ResultCode = 'MAILBOX_UNFINISHED';

export function ResultsStep() {
  const { t } = useTranslation();
  const api = useKioskApi();
  const created = useKioskStore((s) => s.created);
  const result = useKioskStore((s) => s.settings.result);
  const [printing, setPrinting] = useState<'idle' | 'busy' | ReceiptOutcome>('idle');
  if (!created) return null;
  const { mailbox } = created;
  const print = async () => {
    setPrinting('busy');
    setPrinting(await printReceipt(api));
  };
  return (
    <section className="screen wizard results" aria-labelledby="step-title">
      <Stepper current={4} />
      <h1 id="step-title" tabIndex={-1}>
        {t('results.success')}
      </h1>
      <p className="new-address">{created.address}</p>
      <p className="lead">{t('results.effective', { minutes: created.effectiveInMinutes })}</p>
      {(mailbox.unfinished === 'mkhomedir' || mailbox.unfinished === 'setquota') && (
        // The account works: this says which mail-store step is left, and that nobody must apply again.
        <div className="notice" role="status" data-code={UNFINISHED}>
          <h2>{t('errors.MAILBOX_UNFINISHED.title')}</h2>
          <p>{t(`results.unfinished.${mailbox.unfinished}`)}</p>
          <p>{t('errors.MAILBOX_UNFINISHED.guidance')}</p>
          <ReferenceLine code={UNFINISHED} />
        </div>
      )}
      <section className="sign-in-help" aria-labelledby="sign-in-help-title">
        <h2 id="sign-in-help-title">{t('results.howToSignIn')}</h2>
        <dl>
          <dt>{t('results.webmail')}</dt>
          <dd>{result.webmailUrl}</dd>
          <dt>{t('results.incoming')}</dt>
          <dd>{result.incomingServer}</dd>
          <dt>{t('results.outgoing')}</dt>
          <dd>{result.outgoingServer}</dd>
          <dt>{t('results.userName')}</dt>
          <dd>{created.address}</dd>
        </dl>
      </section>
      {mailbox.quota && <p className="lead">{t('results.yourMailbox', { quota: humanSize(mailbox.quota.quotaKB) })}</p>}
      {mailbox.mode === 'none' && <p className="lead">{t('results.firstDelivery')}</p>}
      {/* The server's own words are for the helpdesk: closed unless someone opens them. */}
      <details className="result-details">
        <summary>{t('results.technical')}</summary>
        <ul className="result-lines">
          <li>{t('results.created', { address: created.address })}</li>
          {mailbox.homeCreated && <li>{t('results.home')}</li>}
          {mailbox.quota && (
            <li>
              {t('results.quota', { used: humanSize(mailbox.quota.usedKB), quota: humanSize(mailbox.quota.quotaKB) })}
            </li>
          )}
          {mailbox.mbox && (
            <li>{t('results.mbox', { size: humanSize(mailbox.mbox.sizeKB), files: mailbox.mbox.files })}</li>
          )}
          {mailbox.unfinished === 'getquota' && <li>{t('results.unfinished.getquota')}</li>}
        </ul>
      </details>
      {result.printing !== 'none' && (
        <div className="receipt-actions">
          <button type="button" className="secondary large" disabled={printing === 'busy'} onClick={() => void print()}>
            {t('receipt.print')}
          </button>
          {typeof printing === 'object' && (
            <div role="status">
              <p>
                {printing.printed
                  ? t(printing.printed === 'printed' ? 'receipt.printed' : 'receipt.dialogOpened')
                  : t('receipt.notPrinted')}
              </p>
              {!printing.printed && <ReferenceLine code={printing.code} />}
            </div>
          )}
        </div>
      )}
      {/* Without a receipt printer, and whenever printing failed, the help page is a scan away. */}
      {result.helpUrl && (result.printing === 'none' || (typeof printing === 'object' && !printing.printed)) && (
        <figure className="help-qr">
          <QrCode text={result.helpUrl} label={t('receipt.qrLabel', { url: result.helpUrl })} />
          <figcaption>{t('results.scanForHelp')}</figcaption>
        </figure>
      )}
      <Receipt address={created.address} />
      <ContactAndFinish />
    </section>
  );
}
