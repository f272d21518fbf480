// The meter's breached-password verdict: once zxcvbn rates the text Good or Strong, main's password
// worker is asked whether it is in the breached-password filter (the same check Apply meets), so
// the meter never shows Good for a password Apply would refuse. Only the answer for the text in
// the field counts; a failed question is no verdict (main decides again at Apply).
import { useEffect, useState } from 'react';
import { useKioskApi } from '../api/api-context';
import { isBreached } from '../flows/password';

/** Typing pauses this long before the question is asked, so a fast typist sends one, not one per key. */
export const BREACH_ASK_AFTER_MS = 150;

/** true or false for the current text, null while unasked or unanswered. */
export function useBreachVerdict(password: string, ask: boolean): boolean | null {
  const api = useKioskApi();
  const [answer, setAnswer] = useState<{ password: string; breached: boolean } | null>(null);
  useEffect(() => {
    if (!ask) return;
    let live = true;
    const timer = setTimeout(() => {
      void isBreached(api, password).then((breached) => {
        if (live) setAnswer({ password, breached });
      });
    }, BREACH_ASK_AFTER_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, password, ask]);
  return ask && answer?.password === password ? answer.breached : null;
}
