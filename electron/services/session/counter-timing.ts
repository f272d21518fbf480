// The kiosk block of the configuration: the renderer's timing at the counter (the idle question,
// its countdown, the result screen), sent to the renderer as it is.
import { z } from 'zod';

export const CounterTimingSettings = z
  .object({
    /** Seconds without a touch or key before "Are you still there?". */
    idleSeconds: z.number().int().min(15).default(90),
    /** Seconds the question counts down before everything is wiped; WCAG 2.2.1 asks for at least 20. */
    idleWarningSeconds: z.number().int().min(20).default(20),
    /** Kept so existing files stay valid; the result screen now leaves only by Finish or the idle guard (issue 13). */
    resultSeconds: z.number().int().min(10).default(60),
  })
  .strict()
  .prefault({});
export type CounterTimingSettings = z.output<typeof CounterTimingSettings>;
