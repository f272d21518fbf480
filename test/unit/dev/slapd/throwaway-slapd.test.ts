// The test slapd reads the shipped LDIF files (access rules, contact schema) and turns them into
// slapd.conf lines; this checks the conversion, so the tests run what operators install.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ACCESS_LDIF,
  CONTACT_SCHEMA_LDIF,
  ldifAccessToConf,
  ldifSchemaToConf,
} from '../../../../dev/slapd/throwaway-slapd';

const SUFFIX = 'dc=example,dc=org';

describe('ldifAccessToConf', () => {
  it('turns each olcAccess value of the shipped file into one access line, in order, for the suffix', () => {
    const lines = ldifAccessToConf(readFileSync(ACCESS_LDIF, 'utf8'), SUFFIX).split('\n');
    expect(lines.map((l) => /^access to (\S+)/.exec(l)?.[1])).toEqual([
      'attrs=userPassword',
      `dn.subtree="ou=people,${SUFFIX}"`,
      `dn.subtree="ou=claims,${SUFFIX}"`,
      `dn.regex="^cn=uidnext(-[0-9]+)?,${SUFFIX}$"`,
      `dn.base="ou=kiosks,${SUFFIX}"`,
      `dn.regex="^cn=([^,]+),ou=kiosks,${SUFFIX}$"`,
      `dn.subtree="ou=kiosks,${SUFFIX}"`,
      '*',
    ]);
    expect(lines[0]).toBe(
      `access to attrs=userPassword by dn.exact="cn=kiosk,ou=services,${SUFFIX}" write by dn.onelevel="ou=kiosks,ou=services,${SUFFIX}" write by group.exact="cn=helpdesk,ou=group,${SUFFIX}" write by self write by anonymous auth by * none`,
    );
    expect(lines.join('\n')).not.toContain('@SUFFIX@');
  });

  it('joins folded lines, skips comments, and refuses a file without rules', () => {
    const ldif = 'dn: x\n# a comment\nolcAccess: to *\n  by users read\n# olcAccess: to nothing\n';
    expect(ldifAccessToConf(ldif, SUFFIX)).toBe('access to * by users read');
    expect(() => ldifAccessToConf('dn: x\n', SUFFIX)).toThrow(/no olcAccess/);
  });
});

describe('ldifSchemaToConf', () => {
  it('turns the shipped contact schema into attributetype and objectclass lines', () => {
    const lines = ldifSchemaToConf(readFileSync(CONTACT_SCHEMA_LDIF, 'utf8')).split('\n');
    expect(lines.map((l) => l.split(' ')[0])).toEqual([
      'attributetype',
      'attributetype',
      'attributetype',
      'objectclass',
    ]);
    expect(lines.at(-1)).toContain("NAME 'mxContactHolder'");
  });
});
