// "Temporarily out of service", in both languages at once, while a helpdesk operator has switched
// the kiosk off, or the kiosk keeps itself off (then with a reference the helpdesk can look up).
// Only the operator gesture leads anywhere from here.
import { useTranslation } from 'react-i18next';

export function OutOfService({ reference }: { reference?: string | null }) {
  const { i18n } = useTranslation();
  const zh = i18n.getFixedT('zh-TW');
  const en = i18n.getFixedT('en');
  return (
    <section className="screen" aria-labelledby="oos-title">
      <h1 id="oos-title" lang="zh-Hant-TW">
        {zh('outOfService.title')}
      </h1>
      <p className="lead" lang="en">
        {en('outOfService.title')}
      </p>
      <p lang="zh-Hant-TW">{zh('outOfService.explain')}</p>
      <p lang="en">{en('outOfService.explain')}</p>
      {reference && (
        <>
          <p lang="zh-Hant-TW">{zh('outOfService.reference', { reference })}</p>
          <p lang="en">{en('outOfService.reference', { reference })}</p>
        </>
      )}
    </section>
  );
}
