// The meter's channel: whether a password is in the breached-password filter, answered by the
// password worker, so the meter shows the verdict Apply will get. Only a live session may ask; the
// password is neither kept nor logged, and the answer is advice (creation and reset decide again).
import type { Dispatcher } from '../dispatcher';
import type { StrengthRater } from './strength-rater';

export function registerPasswordHandlers(
  dispatcher: Dispatcher,
  deps: { rater: StrengthRater; requireSession: () => unknown },
): void {
  dispatcher.handle('checkBreached', async (request) => {
    deps.requireSession();
    return { breached: await deps.rater.breached(request.password) };
  });
}
