// Before anyone signs in: when the directory cannot be reached (or, later, cannot be written), a
// banner on Welcome says so and says which ways in are closed, so nobody goes through AIS in
// vain. The policy reader needs only local files and stays open.
import { useTranslation } from 'react-i18next';
import type { StatusView } from '../app/kiosk-store';

/** Why Apply and Reset are closed now; null when they are open. A read-only directory will plug in here. */
export type DirectoryProblem = 'offline' | null;

export function directoryProblem(status: StatusView): DirectoryProblem {
  if (status.kind !== 'known') return null;
  return status.status.directory.state === 'offline' ? 'offline' : null;
}

export function ServiceBanner({ problem }: { problem: DirectoryProblem }) {
  const { t } = useTranslation();
  if (!problem) return null;
  return (
    <div className="banner" role="alert" id="service-banner">
      <h2>{t(`serviceBanner.${problem}.title`)}</h2>
      <p>{t(`serviceBanner.${problem}.explain`)}</p>
    </div>
  );
}
