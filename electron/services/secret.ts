// A secret value that refuses to be printed: JSON, string conversion and util.inspect all
// show a placeholder, so a config object can be logged or dumped without leaking it.
const PLACEHOLDER = '[redacted]';

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
