// Building DNs and filters from untrusted values. Filters are ldapts filter objects, whose
// serialiser escapes values, so no string concatenation ever reaches the server; DN values are
// escaped by RFC 4514 here.
import { AndFilter, EqualityFilter, NotFilter, OrFilter, PresenceFilter, SubstringFilter, type Filter } from 'ldapts';

/** Escapes one attribute value for use in a DN (RFC 4514 section 2.4). */
export function escapeDnValue(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i += 1) {
    const c = value[i]!;
    const code = c.charCodeAt(0);
    if (code === 0) out += '\\00';
    else if (',+"\\<>;='.includes(c)) out += `\\${c}`;
    else if ((c === ' ' && (i === 0 || i === value.length - 1)) || (c === '#' && i === 0)) out += `\\${c}`;
    else if (code < 0x20 || code === 0x7f) out += `\\${code.toString(16).padStart(2, '0')}`;
    else out += c;
  }
  return out;
}

export function childDn(attribute: string, value: string, parentDn: string): string {
  return `${attribute}=${escapeDnValue(value)},${parentDn}`;
}

export const equals = (attribute: string, value: string): Filter => new EqualityFilter({ attribute, value });
export const present = (attribute: string): Filter => new PresenceFilter({ attribute });
export const allOf = (...filters: Filter[]): Filter => new AndFilter({ filters });
export const not = (filter: Filter): Filter => new NotFilter({ filter });
/** (attribute=prefix*): the value escaped as every other value here. */
export const startsWith = (attribute: string, prefix: string): Filter =>
  new SubstringFilter({ attribute, initial: prefix });

/** (|(attr=v1)(attr=v2)…) for a whole list in one filter, i.e. one round trip. */
export function anyEquals(attribute: string, values: readonly string[]): Filter {
  return new OrFilter({ filters: values.map((value) => equals(attribute, value)) });
}
