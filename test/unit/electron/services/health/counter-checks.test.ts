// The doctor's judgement on clocks and addresses, with made-up inputs.
import { describe, expect, it } from 'vitest';
import { egressCheck, skewCheck } from '../../../../../electron/services/health/counter-checks';

const nic = (address: string, internal = false) =>
  ({ address, internal, family: 'IPv4', netmask: '', mac: '', cidr: null }) as never;
const machine = () => ({ lo: [nic('127.0.0.1', true)], eth0: [nic('10.1.2.3')] });

describe('skewCheck', () => {
  it.each([
    [0, 'OK'],
    [5_900, 'OK'], // within 5 s once the Date header's whole seconds are allowed for
    [7_000, 'WARN'],
    [-29_000, 'WARN'],
    [32_000, 'FAIL'],
    [-120_000, 'FAIL'],
  ] as const)('%i ms apart is %s', (offset, status) => {
    expect(skewCheck('clock', 1_000_000 + offset, 1_000_000, 0).status).toBe(status);
  });

  it('allows for the time the answer took', () => {
    expect(skewCheck('clock', 1_040_000, 1_000_000, 20_000).status).toBe('WARN');
  });

  it('says which way the clock is off', () => {
    expect(skewCheck('clock', 1_040_000, 1_000_000, 0).detail).toMatch(/^40 s behind it/);
    expect(skewCheck('clock', 1_000_000, 1_040_000, 0).detail).toMatch(/^40 s ahead of it/);
  });
});

describe('egressCheck', () => {
  it('is fine with addresses the machine has, and names them', () => {
    expect(egressCheck(['10.1.2.3'], machine)).toMatchObject({ status: 'OK' });
    expect(egressCheck([], machine)).toMatchObject({ status: 'OK', detail: expect.stringContaining('10.1.2.3') });
  });

  it('explains NAT when a configured address is not on this machine', () => {
    expect(egressCheck(['140.114.0.10'], machine)).toMatchObject({
      status: 'WARN',
      detail: expect.stringMatching(/140\.114\.0\.10 not on this machine.*NAT.*SESSION\(-2\)/),
    });
  });

  it('fails when AIS could only ever see loopback', () => {
    expect(egressCheck([], () => ({ lo: [nic('127.0.0.1', true)] }))).toMatchObject({ status: 'FAIL' });
  });
});
