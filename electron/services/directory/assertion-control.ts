// The LDAP assertion control (RFC 4528): the server applies an update only while the entry still
// matches a filter, and refuses it with assertionFailed (122) otherwise, in one atomic step. It is
// how "delete this claim, but only if it is still the one I read" holds against a counter that
// took the claim over in between, and how a switch or a count replaces only the value it read.
// slapd supports it in its frontend.
import { BerWriter, Control, EqualityFilter, NotFilter, PresenceFilter, ResultCodeError, type Filter } from 'ldapts';

const ASSERTION_OID = '1.3.6.1.1.12';
const ASSERTION_FAILED = 122;

class AssertionControl extends Control {
  constructor(private readonly filter: Filter) {
    super(ASSERTION_OID, { critical: true });
  }

  protected override writeControl(writer: BerWriter): void {
    const value = new BerWriter();
    this.filter.write(value);
    writer.writeBuffer(value.buffer, 4); // an OCTET STRING holding the filter's BER
  }
}

/** A control that lets an update through only while the entry matches filter. */
export function whileMatching(filter: Filter): Control {
  return new AssertionControl(filter);
}

/** A control that lets an update through only while attribute has value (an exact match). */
export function whileValue(attribute: string, value: string): Control {
  return whileMatching(new EqualityFilter({ attribute, value }));
}

/** A control that lets an update through only while attribute has no value at all. */
export function whileAbsent(attribute: string): Control {
  return whileMatching(new NotFilter({ filter: new PresenceFilter({ attribute }) }));
}

/** whileValue when the value read was there, whileAbsent when it was not: "only what I read". */
export function whileAsRead(attribute: string, seen: string | undefined): Control {
  return seen === undefined ? whileAbsent(attribute) : whileValue(attribute, seen);
}

/** Whether error is the server's refusal because the asserted value was no longer there. */
export function assertionFailed(error: unknown): boolean {
  return error instanceof ResultCodeError && error.code === ASSERTION_FAILED;
}
