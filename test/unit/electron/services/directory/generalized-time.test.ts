// GeneralizedTime as the kiosk writes it (heartbeats) and reads it (cn=Monitor, heartbeats).
import { describe, expect, it } from 'vitest';
import { generalizedTime, parseGeneralizedTime } from '../../../../../electron/services/directory/ldap-values';

describe('GeneralizedTime', () => {
  it('writes UTC in whole seconds and reads it back', () => {
    const ms = Date.UTC(2026, 11, 2, 3, 4, 5, 678);
    expect(generalizedTime(ms)).toBe('20261202030405Z');
    expect(parseGeneralizedTime('20261202030405Z')).toBe(Date.UTC(2026, 11, 2, 3, 4, 5));
  });

  it('reads nothing it does not understand', () => {
    for (const text of [undefined, '', '20261202030405', '20261202030405.5Z', '20261202030405+0800', 'yesterday'])
      expect(parseGeneralizedTime(text)).toBeNull();
  });
});
