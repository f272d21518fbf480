// The result receipt: account, date, kiosk ID, the two accepted policies (version and short hash),
// the language and a QR code to the help page. It never carries the password: nothing here ever
// sees it. On screen it is hidden; the print stylesheet shows only it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PolicyId } from '../../../shared/contract/schemas';
import { useKioskStore } from '../app/kiosk-store';
import { dateAndTime } from '../i18n/date-format';
import { QrCode } from './QrCode';

const POLICIES: PolicyId[] = ['network-usage', 'email-terms'];

/** The first 12 hex digits: enough to tell texts apart on paper. */
export const shortHash = (hash: string) => hash.slice(0, 12);

export function Receipt({ address }: { address: string }) {
  const { t, i18n } = useTranslation();
  const accepted = useKioskStore((s) => s.accepted);
  const language = useKioskStore((s) => s.language);
  const { kioskId, result } = useKioskStore((s) => s.settings);
  // The moment the result was shown; render itself must not read the clock again.
  const [issued] = useState(() => new Date());
  return (
    <section className="receipt" aria-label={t('receipt.title')}>
      <h2>{t('receipt.title')}</h2>
      <dl>
        <dt>{t('receipt.account')}</dt>
        <dd>{address}</dd>
        <dt>{t('receipt.date')}</dt>
        <dd>{dateAndTime(issued.getTime(), i18n.language)}</dd>
        <dt>{t('receipt.kiosk')}</dt>
        <dd>{kioskId}</dd>
        {POLICIES.map((id) => {
          const shown = accepted[id];
          return [
            <dt key={`${id}-t`}>{t(`consent.title.${id}`)}</dt>,
            <dd key={`${id}-d`}>
              {shown ? t('receipt.policy', { version: shown.version, hash: shortHash(shown.hash) }) : '—'}
            </dd>,
          ];
        })}
        <dt>{t('receipt.language')}</dt>
        <dd>{t(`profile.languages.${language}`)}</dd>
      </dl>
      {result.helpUrl && (
        <figure>
          <QrCode text={result.helpUrl} label={t('receipt.qrLabel', { url: result.helpUrl })} size={120} />
          <figcaption>{result.helpUrl}</figcaption>
        </figure>
      )}
      <p>{t('receipt.noPassword')}</p>
    </section>
  );
}
