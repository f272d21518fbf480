// Configuration: validation messages an operator can act on, secrets resolved and never printed.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfigFile, resolveConfig, resolveConfigPath } from '../../../../electron/services/config';
import { allDirectoryServers, directoryServers } from '../../../../electron/services/directory/directory-settings';

const files: Record<string, string> = {
  '/etc/mx-kiosk/ldap.secret': 'file-secret\n',
  '/etc/mx-kiosk/ca.pem': '-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n',
};
const sources = (env: Record<string, string> = {}) => ({
  env: { AIS_KEY, ...env },
  readFile: (path: string) => {
    const text = files[path];
    if (text === undefined) throw new Error(`ENOENT ${path}`);
    return text;
  },
});

const AIS_KEY = 'ab'.repeat(32);
const minimal = {
  kioskId: 'counter-1',
  directory: {
    urls: ['ldaps://ldap1.example.edu:636', 'ldaps://ldap2.example.edu'],
    bindDn: 'cn=kiosk,ou=services,dc=example',
    bindPassword: { file: '/etc/mx-kiosk/ldap.secret' },
    baseDn: 'dc=example',
  },
  ais: { key: { env: 'AIS_KEY' }, loginUrl: 'https://ais.example.edu/' },
};

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('resolveConfig', () => {
  it('fills the old portal defaults and resolves a file secret without its trailing newline', () => {
    const config = resolveConfig(minimal, sources());
    expect(config.mailDomain).toBe('mx.nthu.edu.tw');
    expect(config.directory.subtrees).toEqual({
      people: 'ou=people',
      suspended: 'ou=suspended',
      aliases: 'ou=aliases',
      group: 'ou=group',
      claims: 'ou=claims',
      kiosks: 'ou=kiosks',
    });
    expect(config.fleet).toEqual({ heartbeatSeconds: 60, checkSeconds: 30 });
    expect(config.directory.bindPassword.reveal()).toBe('file-secret');
    expect(config.log.level).toBe('info');
    expect(config.ais).toMatchObject({
      portalUrl: 'https://ua.net.nthu.edu.tw/portal/index.cgi',
      validitySeconds: 120,
      futureSkewSeconds: 30,
      egressAddresses: [],
    });
    expect(config.eligibility).toEqual({ staff: ['一般', '出國', '借調', '退休'], student: [] });
    expect(config.session).toEqual({ maxSeconds: 1200, idleSeconds: 300 });
    expect(config.ais.key.reveal()).toBe(AIS_KEY);
  });

  it('fills the result block (no printer by default), and refuses an idle countdown under 20 s (WCAG 2.2.1)', () => {
    expect(resolveConfig(minimal, sources()).result).toEqual({
      webmailUrl: 'https://mx.nthu.edu.tw/',
      incomingServer: 'mx.nthu.edu.tw, IMAP 993, SSL/TLS',
      outgoingServer: 'smtp.mx.nthu.edu.tw, SMTP 465, SSL/TLS',
      helpUrl: 'https://net.nthu.edu.tw/',
    });
    expect(resolveConfig({ ...minimal, result: { printer: 'Counter-Receipt' } }, sources()).result.printer).toBe(
      'Counter-Receipt',
    );
    expect(
      problemsOf(() => resolveConfig({ ...minimal, result: { helpUrl: 'not a url' } }, sources())).join('\n'),
    ).toMatch(/result\.helpUrl/);
    expect(
      problemsOf(() => resolveConfig({ ...minimal, kiosk: { idleWarningSeconds: 10 } }, sources())).join('\n'),
    ).toMatch(/kiosk\.idleWarningSeconds/);
  });

  it('refuses an AIS key that is not 64 hex characters, without echoing it', () => {
    const problems = problemsOf(() => resolveConfig(minimal, sources({ AIS_KEY: 'not-a-key-secret' })));
    expect(problems).toEqual(['ais.key: must be 64 hexadecimal characters (32 bytes)']);
    expect(problems.join()).not.toContain('not-a-key-secret');
  });

  it('refuses a non-http AIS login URL and a malformed egress address', () => {
    const problems = problemsOf(() =>
      resolveConfig(
        { ...minimal, ais: { ...minimal.ais, loginUrl: 'javascript:alert(1)', egressAddresses: ['300.1.1.1'] } },
        sources(),
      ),
    );
    expect(problems.join('\n')).toMatch(/ais\.loginUrl/);
    expect(problems.join('\n')).toMatch(/ais\.egressAddresses/);
  });

  it('refuses a plain-http AIS page outside the loopback demo simulator', () => {
    const withAis = (ais: object) =>
      problemsOf(() =>
        resolveConfig({ ...minimal, ais: { ...minimal.ais, ...ais } }, sources({ AIS_KEY: 'ab'.repeat(32) })),
      ).join('\n');
    expect(withAis({ loginUrl: 'http://ais.example.edu/login' })).toMatch(/ais\.loginUrl.*https/);
    expect(withAis({ extraOrigins: ['http://sso.example.edu'] })).toMatch(/ais\.extraOrigins/);
    expect(withAis({ portalUrl: 'http://ua.net.nthu.edu.tw/portal/index.cgi' })).toMatch(/ais\.portalUrl/);
    const demo = resolveConfig(
      {
        ...minimal,
        ais: {
          ...minimal.ais,
          loginUrl: 'http://127.0.0.1:4000/login',
          portalUrl: 'http://127.0.0.1:8080/portal/index.cgi',
        },
      },
      sources({ AIS_KEY: 'ab'.repeat(32) }),
    );
    expect(demo.ais.loginUrl).toBe('http://127.0.0.1:4000/login');
  });

  it('resolves an environment secret and reads the CA file', () => {
    const config = resolveConfig(
      {
        ...minimal,
        directory: { ...minimal.directory, bindPassword: { env: 'LDAP_PW' }, caFile: '/etc/mx-kiosk/ca.pem' },
      },
      sources({ LDAP_PW: 'env-secret' }),
    );
    expect(config.directory.bindPassword.reveal()).toBe('env-secret');
    expect(config.directory.caPem).toContain('BEGIN CERTIFICATE');
  });

  it('never prints a secret through JSON, String or util.inspect', () => {
    const config = resolveConfig(minimal, sources());
    for (const text of [JSON.stringify(config), String(config.directory.bindPassword), inspect(config, { depth: 9 })]) {
      expect(text).not.toContain('file-secret');
      expect(text).not.toContain(AIS_KEY);
    }
  });

  it('names an unset environment variable and an unreadable file', () => {
    expect(
      problemsOf(() =>
        resolveConfig({ ...minimal, directory: { ...minimal.directory, bindPassword: { env: 'NOPE' } } }, sources()),
      ),
    ).toEqual(['directory.bindPassword: environment variable NOPE is not set']);
    expect(
      problemsOf(() =>
        resolveConfig({ ...minimal, directory: { ...minimal.directory, bindPassword: { file: '/x' } } }, sources()),
      )[0],
    ).toContain('cannot read secret file /x');
  });

  it('refuses plain ldap:// unless StartTLS or an explicit opt-in', () => {
    const plain = { ...minimal, directory: { ...minimal.directory, urls: ['ldap://10.0.0.5'] } };
    expect(problemsOf(() => resolveConfig(plain, sources()))[0]).toMatch(
      /^directory\.urls: plain ldap:\/\/ \(ldap:\/\/10\.0\.0\.5\)/,
    );
    expect(
      resolveConfig({ ...plain, directory: { ...plain.directory, startTls: true } }, sources()).directory.startTls,
    ).toBe(true);
    expect(
      resolveConfig({ ...plain, directory: { ...plain.directory, allowPlainLdap: true } }, sources()).directory.urls,
    ).toEqual(['ldap://10.0.0.5']);
  });

  it('reports unknown keys and wrong types with their paths', () => {
    const problems = problemsOf(() =>
      resolveConfig(
        { ...minimal, kioskId: 'has space', extra: true, directory: { ...minimal.directory, urls: [] } },
        sources(),
      ),
    );
    expect(problems.join('\n')).toMatch(/kioskId/);
    expect(problems.join('\n')).toMatch(/directory\.urls/);
    expect(problems.join('\n')).toMatch(/extra/);
  });

  it('refuses a plain-text secret in the file: secrets must be references', () => {
    expect(
      problemsOf(() =>
        resolveConfig({ ...minimal, directory: { ...minimal.directory, bindPassword: 'hunter2' } }, sources()),
      ).join(),
    ).toMatch(/directory\.bindPassword/);
  });
});

describe('loadConfigFile', () => {
  it('parses YAML and JSON alike', () => {
    files['/c.yaml'] =
      'kioskId: counter-2\ndirectory:\n  urls: [ldaps://a]\n  bindDn: cn=k\n  bindPassword: {file: /etc/mx-kiosk/ldap.secret}\n  baseDn: dc=x\nais:\n  key: {env: AIS_KEY}\n  loginUrl: https://ais.example.edu/\n';
    files['/c.json'] = JSON.stringify(minimal);
    expect(loadConfigFile('/c.yaml', sources()).kioskId).toBe('counter-2');
    expect(loadConfigFile('/c.json', sources()).kioskId).toBe('counter-1');
  });

  it('says which file is missing or broken', () => {
    expect(problemsOf(() => loadConfigFile('/missing.yaml', sources()))).toEqual([
      'cannot read configuration file /missing.yaml',
    ]);
    files['/broken.yaml'] = 'kioskId: [unclosed';
    expect(problemsOf(() => loadConfigFile('/broken.yaml', sources()))[0]).toMatch(
      /^\/broken\.yaml is not valid YAML\/JSON/,
    );
  });
});

describe('resolveConfigPath', () => {
  it('takes --config, then KIOSK_CONFIG, then the OS default', () => {
    expect(resolveConfigPath(['--config', '/a.yaml'], { KIOSK_CONFIG: '/b.yaml' }, 'linux')).toBe('/a.yaml');
    expect(resolveConfigPath(['--config=/a2.yaml'], {}, 'linux')).toBe('/a2.yaml');
    expect(resolveConfigPath([], { KIOSK_CONFIG: '/b.yaml' }, 'linux')).toBe('/b.yaml');
    expect(resolveConfigPath([], {}, 'linux')).toBe('/etc/mx-kiosk/config.yaml');
    expect(resolveConfigPath([], { ProgramData: 'D:\\PD' }, 'win32')).toBe('D:\\PD\\mx-kiosk\\config.yaml');
  });
});

describe('directory.write and directory.read (docs/directory.md, "Fleet")', () => {
  const { urls: _urls, ...withoutUrls } = minimal.directory;
  const fleet = (directory: Record<string, unknown>) => ({ ...minimal, directory: { ...withoutUrls, ...directory } });

  it('keeps today’s meaning with only directory.urls: every server writes and reads', () => {
    const { directory } = resolveConfig(minimal, sources());
    expect(directoryServers(directory)).toEqual({ write: minimal.directory.urls, read: minimal.directory.urls });
  });

  it('splits writes and reads when both lists are given, and reads from the write servers without a read list', () => {
    const split = resolveConfig(
      fleet({
        write: ['ldaps://provider.example.edu'],
        read: ['ldaps://consumer.example.edu', 'ldaps://provider.example.edu'],
      }),
      sources(),
    );
    expect(directoryServers(split.directory)).toEqual({
      write: ['ldaps://provider.example.edu'],
      read: ['ldaps://consumer.example.edu', 'ldaps://provider.example.edu'],
    });
    expect(allDirectoryServers(split.directory)).toEqual([
      'ldaps://provider.example.edu',
      'ldaps://consumer.example.edu',
    ]);
    const writeOnly = resolveConfig(fleet({ write: ['ldaps://provider.example.edu'] }), sources());
    expect(directoryServers(writeOnly.directory).read).toEqual(['ldaps://provider.example.edu']);
  });

  it('refuses a directory without servers, and plain ldap:// in either list', () => {
    expect(
      problemsOf(() => resolveConfig(fleet({ read: ['ldaps://consumer.example.edu'] }), sources())).join('\n'),
    ).toMatch(/directory\.write/);
    expect(
      problemsOf(() =>
        resolveConfig(fleet({ write: ['ldaps://p.example.edu'], read: ['ldap://c.example.edu'] }), sources()),
      ).join('\n'),
    ).toMatch(/plain ldap:\/\/ \(ldap:\/\/c\.example\.edu\)/);
  });

  it('needs a uidNumber range for every write server, and ranges that do not overlap', () => {
    const write = ['ldaps://p1.example.edu', 'ldaps://p2.example.edu'];
    /** The fleet with these [min, max] ranges, the first for the first write server, and so on. */
    const withRanges = (...ranges: Array<[number, number]>) =>
      resolveConfig(
        fleet({ write, account: { uidRanges: ranges.map(([min, max], i) => ({ server: write[i], min, max })) } }),
        sources(),
      );
    expect(withRanges([10000, 19999], [20000, 29999]).directory.account.uidRanges).toHaveLength(2);
    const missing = problemsOf(() => withRanges([10000, 19999]));
    expect(missing.join('\n')).toMatch(/ldaps:\/\/p2\.example\.edu has no uidNumber range/);
    const overlap = problemsOf(() => withRanges([10000, 20000], [20000, 29999]));
    expect(overlap.join('\n')).toMatch(/overlap/);
  });
});
