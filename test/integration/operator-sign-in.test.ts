// Helpdesk operators on a real slapd: their own bind, the helpdesk group, the lockout and its
// expiry, and the idle end of an operator session (with an injected clock).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from '../../dev/slapd/fixture-directory';
import { startSlapd, type RunningSlapd } from '../../dev/slapd/throwaway-slapd';
import { AuditLog } from '../../electron/services/audit/audit-log';
import { resolveConfig } from '../../electron/services/config';
import { DirectoryConnection } from '../../electron/services/directory/directory-connection';
import { createLdapConnector } from '../../electron/services/directory/ldap-connector';
import { OperatorSignIn } from '../../electron/services/helpdesk/operator-sign-in';
import { silentLogger } from '../../electron/services/logger';
import { Secret } from '../../electron/services/secret';
import { codeOf } from '../support/kiosk-people';
import { testConfigFile } from '../support/test-config';

let slapd: RunningSlapd;
beforeAll(async () => {
  slapd = await startSlapd();
});
afterAll(() => slapd?.stop());

function setup(settings: Record<string, unknown> = {}) {
  const clock = {
    t: Date.now(),
    now() {
      return this.t;
    },
  };
  const connect = createLdapConnector({ startTls: false, caPem: slapd.caPem, connectTimeoutMs: 1500, timeoutMs: 5000 });
  const connection = new DirectoryConnection(
    {
      urls: [slapd.ldapsUrl],
      bindDn: slapd.serviceDn,
      bindPassword: new Secret(slapd.servicePassword),
      failbackMs: 60_000,
    },
    connect,
    clock,
    silentLogger,
  );
  const lines: Array<Record<string, unknown>> = [];
  const audit = new AuditLog(async (l) => void lines.push(JSON.parse(l)), clock, 'counter-1');
  const helpdesk = resolveConfig(
    { ...testConfigFile(), helpdesk: settings },
    { readFile: () => '', env: { TEST_LDAP_PASSWORD: 'x', TEST_AIS_KEY: 'ab'.repeat(32) } },
  ).helpdesk;
  const operators = new OperatorSignIn({
    connection,
    connect,
    urls: [slapd.ldapsUrl],
    baseDn: slapd.baseDn,
    settings: helpdesk,
    audit,
    clock,
  });
  return { operators, clock, lines, close: () => connection.close() };
}

const { member, outsider } = FIXTURE.operators;

describe('operator sign-in', () => {
  it('admits a helpdesk group member with their own password, and audits it', async () => {
    const { operators, lines, close } = setup();
    await expect(operators.signIn(member.uid, member.password)).resolves.toMatchObject({
      uid: 'opchen',
      dn: `uid=opchen,ou=operators,${slapd.baseDn}`,
    });
    expect(operators.require().uid).toBe('opchen');
    expect(lines.at(-1)).toMatchObject({ action: 'operator', result: 'ok', operator: 'opchen' });
    expect(JSON.stringify(lines)).not.toContain(member.password);
    await close();
  });

  it('refuses a wrong password, an unknown uid, an empty password and a hostile uid', async () => {
    const { operators, close } = setup({ lockoutFailures: 50 });
    expect(await codeOf(operators.signIn(member.uid, 'wrong'))).toBe('OPERATOR_DENIED');
    expect(await codeOf(operators.signIn('nobody', 'x'))).toBe('OPERATOR_DENIED');
    expect(await codeOf(operators.signIn(member.uid, ''))).toBe('OPERATOR_DENIED');
    expect(await codeOf(operators.signIn('*', member.password))).toBe('OPERATOR_DENIED');
    expect(await codeOf(operators.signIn('*)(uid=*', member.password))).toBe('OPERATOR_DENIED');
    expect(await codeOf(Promise.resolve().then(() => operators.require()))).toBe('OPERATOR_SESSION(0)');
    await close();
  });

  it('refuses a directory user who is not in the helpdesk group', async () => {
    const { operators, lines, close } = setup();
    expect(await codeOf(operators.signIn(outsider.uid, outsider.password))).toBe('OPERATOR_NOT_AUTHORIZED');
    expect(lines.at(-1)).toMatchObject({ result: 'refused', code: 'OPERATOR_NOT_AUTHORIZED', operator: 'oplin' });
    await close();
  });

  it('locks sign-in on this kiosk for 5 minutes after 5 failures, then lets the right operator in', async () => {
    const { operators, clock, close } = setup();
    for (let i = 0; i < 5; i += 1) expect(await codeOf(operators.signIn(member.uid, 'wrong'))).toBe('OPERATOR_DENIED');
    expect(await codeOf(operators.signIn(member.uid, member.password))).toBe('OPERATOR_LOCKED');
    clock.t += 4 * 60_000;
    expect(await codeOf(operators.signIn(member.uid, member.password))).toBe('OPERATOR_LOCKED');
    clock.t += 60_001;
    await expect(operators.signIn(member.uid, member.password)).resolves.toMatchObject({ uid: 'opchen' });
    await close();
  });

  it('ends an operator session after 5 idle minutes', async () => {
    const { operators, clock, close } = setup();
    await operators.signIn(member.uid, member.password);
    clock.t += 4 * 60_000;
    expect(operators.require().uid).toBe('opchen');
    clock.t += 5 * 60_000;
    expect(await codeOf(Promise.resolve().then(() => operators.require()))).toBe('OPERATOR_SESSION(0)');
    await close();
  });

  it('uses posixGroup memberUid membership when configured so', async () => {
    const { operators, close } = setup({ groupDn: `cn=staff,ou=group,${slapd.baseDn}`, groupMembership: 'memberUid' });
    expect(await codeOf(operators.signIn(outsider.uid, outsider.password))).toBe('OPERATOR_NOT_AUTHORIZED');
    await expect(operators.signIn(member.uid, member.password)).resolves.toMatchObject({ uid: 'opchen' });
    await close();
  });
});
