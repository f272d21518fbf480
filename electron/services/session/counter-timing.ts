// The kiosk block of the configuration: the renderer's timing at the counter (the idle question,
// its countdown, the result screen), sent to the renderer as it is.
import { z } from 'zod';

export const CounterTimingSettings = z
  .object({
    /** Seconds without a touch or key before "Are you still there?". */
    idleSeconds: z.number().int().min(15).default(90),
    /** Seconds the question counts down before everything is wiped; WCAG 2.2.1 asks for at least 20. */
    idleWarningSeconds: z.number().int().min(20).default(20),
    /** Seconds of quiet on a result screen before the idle question: shorter than idleSeconds, since it shows the person's account. */
    resultSeconds: z.number().int().min(10).default(60),
  })
  .strict()
  .prefault({});
export type CounterTimingSettings = z.output<typeof CounterTimingSettings>;
