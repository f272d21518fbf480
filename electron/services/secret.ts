// A secret value that refuses to be printed: JSON, string conversion and util.inspect all
// show a placeholder, so a config object can be logged or dumped without leaking it.
import { z } from 'zod';

const PLACEHOLDER = '[redacted]';

/** In the configuration a secret is never a value, only where to read it: a file or a variable. */
export const SecretRef = z.union([
  z.object({ file: z.string().min(1) }).strict(),
  z.object({ env: z.string().regex(/^[A-Z_][A-Z0-9_]*$/) }).strict(),
]);
export type SecretRef = z.infer<typeof SecretRef>;

export class Secret {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  reveal(): string {
    return this.#value;
  }
  toJSON(): string {
    return PLACEHOLDER;
  }
  toString(): string {
    return PLACEHOLDER;
  }
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return PLACEHOLDER;
  }
}
