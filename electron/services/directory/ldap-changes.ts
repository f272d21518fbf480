// Writing attribute values: the one way a modify's changes are spelled, so each write reads as
// what it does (add this value, delete that one, replace these) rather than as ldapts' nesting.
import { Attribute, Change } from 'ldapts';

/** One change of one attribute. */
export const change = (operation: 'add' | 'delete' | 'replace', type: string, ...values: string[]): Change =>
  new Change({ operation, modification: new Attribute({ type, values }) });

/** Changes that replace each attribute with its one value. */
export const replacing = (values: Record<string, string>): Change[] =>
  Object.entries(values).map(([type, value]) => change('replace', type, value));
