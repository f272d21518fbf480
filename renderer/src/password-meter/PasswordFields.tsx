// New Password and Confirm (信箱新密碼 / 新密碼確認) with the live strength: a red, amber or green bar,
// the level in words (Weak/Fair/Good/Strong, 弱/普通/好/很強) and zxcvbn's reasons, translated, all
// announced politely; a Good or Strong password found in the breached-password filter shows as
// refused, with the reason. The meter is advice; main decides. The values live only in the caller's
// component state, and never in an attribute (SecretInput).
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  GOOD_SCORE,
  passwordRuleViolation,
  personalInputs,
  type PasswordPerson,
} from '../../../shared/password/password-rules';
import { useBreachVerdict } from './breach-check';
import { SecretInput } from './SecretInput';
import type { Strength, SuggestionKey, WarningKey } from './strength-feedback';
import { useScorer } from './strength-scorer';

export type StrengthLevel = 'weak' | 'fair' | 'good' | 'strong';

export function levelOf(score: number): StrengthLevel {
  return score >= 4 ? 'strong' : score === GOOD_SCORE ? 'good' : score === 2 ? 'fair' : 'weak';
}

export interface PasswordVerdict {
  level: StrengthLevel | null;
  /** zxcvbn's reasons for the current text, as locale keys. */
  warning: WarningKey | null;
  suggestions: SuggestionKey[];
  /** Something is typed in New Password / in Confirm. */
  entered: boolean;
  confirmEntered: boolean;
  /** A broken rule, or PASSWORD_BREACHED once the filter has answered for a Good or Strong password. */
  rule: ReturnType<typeof passwordRuleViolation> | 'PASSWORD_BREACHED';
  /** The filter's answer is still awaited for a Good or Strong password. */
  breachPending: boolean;
  matches: boolean;
  /** GOOD or STRONG, no rule broken, and the confirmation matches. */
  acceptable: boolean;
}

export function usePasswordVerdict(password: string, confirm: string, person: PasswordPerson): PasswordVerdict {
  const scorer = useScorer();
  const [scored, setScored] = useState<{ password: string; strength: Strength } | null>(null);
  const inputs = personalInputs(person).join('\n');
  useEffect(() => {
    if (!password) return;
    let live = true;
    // Only the answer for what is in the field now counts; late answers for older text are dropped.
    void scorer(password, inputs.split('\n')).then((strength) => {
      if (live) setScored({ password, strength });
    });
    return () => {
      live = false;
    };
  }, [scorer, password, inputs]);
  const ruleBroken = password ? passwordRuleViolation(password, person) : null;
  const current = password && scored?.password === password ? scored.strength : null;
  const level = current ? levelOf(current.score) : null;
  const strong = !ruleBroken && (level === 'good' || level === 'strong');
  const breached = useBreachVerdict(password, strong);
  const rule = ruleBroken ?? (breached ? 'PASSWORD_BREACHED' : null);
  const matches = password !== '' && password === confirm;
  return {
    level,
    warning: current?.warning ?? null,
    suggestions: current?.suggestions ?? [],
    entered: password !== '',
    confirmEntered: confirm !== '',
    rule,
    breachPending: strong && breached === null,
    matches,
    acceptable: strong && breached === false && matches,
  };
}

interface Props {
  password: string;
  confirm: string;
  onPassword(value: string): void;
  onConfirm(value: string): void;
  verdict: PasswordVerdict;
  disabled?: boolean;
}

export function PasswordFields({ password, confirm, onPassword, onConfirm, verdict, disabled }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const shown = verdict.rule ? 'weak' : verdict.level;
  return (
    <div className="password-fields">
      <label htmlFor={`${id}-new`}>{t('password.new')}</label>
      <SecretInput
        id={`${id}-new`}
        autoComplete="new-password"
        maxLength={128}
        value={password}
        disabled={disabled}
        onValue={onPassword}
        aria-describedby={`${id}-meter`}
      />
      <div id={`${id}-meter`} className="meter" aria-live="polite" aria-atomic="true">
        <span>{t('password.strength')}</span>
        <meter
          min={0}
          max={4}
          low={2}
          high={3}
          optimum={4}
          value={shown ? { weak: 1, fair: 2, good: 3, strong: 4 }[shown] : 0}
          data-level={shown ?? 'none'}
          aria-hidden="true"
        />
        <strong className="meter-level" data-level={shown ?? 'none'}>
          {shown ? t(`password.levels.${shown}`) : t('password.levels.none')}
        </strong>
        {verdict.rule && <span className="rule">{t(`codes.${verdict.rule}`)}</span>}
        {!verdict.rule && (verdict.warning || verdict.suggestions.length > 0) && (
          <ul className="meter-reasons">
            {verdict.warning && <li className="meter-warning">{t(`meterFeedback.warnings.${verdict.warning}`)}</li>}
            {verdict.suggestions.map((s) => (
              <li key={s}>{t(`meterFeedback.suggestions.${s}`)}</li>
            ))}
          </ul>
        )}
      </div>
      <label htmlFor={`${id}-confirm`}>{t('password.confirm')}</label>
      <SecretInput
        id={`${id}-confirm`}
        autoComplete="new-password"
        maxLength={128}
        value={confirm}
        disabled={disabled}
        onValue={onConfirm}
      />
      {confirm !== '' && !verdict.matches && <p className="rule">{t('codes.PASSWORD_MISMATCH')}</p>}
    </div>
  );
}
