// "Step: 1 2 3 4", as the legacy portal showed it, with a short visible label under each number and
// the current step marked for everyone (visually and for screen readers).
import { useTranslation } from 'react-i18next';

export function Stepper({ current }: { current: 1 | 2 | 3 | 4 }) {
  const { t } = useTranslation();
  return (
    <nav className="stepper" aria-label={t('stepper.label')}>
      <span className="stepper-label">{t('stepper.step')}</span>
      <ol>
        {([1, 2, 3, 4] as const).map((n) => (
          <li
            key={n}
            aria-current={n === current ? 'step' : undefined}
            className={n === current ? 'current' : n < current ? 'done' : undefined}
          >
            <span className="step-number" aria-hidden="true">
              {n}
            </span>
            <span className="step-name" aria-hidden="true">
              {t(`stepper.short.${n}`)}
            </span>
            <span className="visually-hidden">{t(`stepper.names.${n}`)}</span>
          </li>
        ))}
      </ol>
    </nav>
  );
}
