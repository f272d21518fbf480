// The policies block of the configuration: an optional folder with the center's official texts.
import { z } from 'zod';

export const PolicySettings = z
  .object({
    /** A folder with the center's official texts (<id>.<language>.md); the bundled summaries otherwise. */
    folder: z.string().optional(),
  })
  .strict()
  .prefault({});
export type PolicySettings = z.output<typeof PolicySettings>;
