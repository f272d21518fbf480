// Starts a real OpenLDAP slapd as a throwaway child process: its own temp folder, free loopback
// ports, mdb, the old portal's schemas, the access rules and schema shipped in build/ldap/, ldaps
// with a fresh self-signed certificate, and a server-side password hash. Used by integration
// tests, E2E tests and the demo profile. It can also take a part in replication (a syncprov
// provider, a syncrepl consumer, or one of several multi-provider nodes): replicated-slapd.ts.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { FIXTURE, fixtureLdif } from './fixture-directory';
import { sshaHash } from './ssha';

const run = promisify(execFile);

export type PasswordHash = 'ARGON2' | 'SSHA';

/**
 * The instance's part in replication. The replication identity is the rootdn (it reads every entry
 * and attribute, and is above the access rules), which keeps build/ldap/'s rules exactly as shipped.
 */
export type SlapdReplication =
  /** syncprov with a checkpoint, so a restart after a kill starts from a recent contextCSN. */
  | { role: 'provider' }
  /** syncrepl refreshAndPersist from providerUrl; writes answered with a referral (updateref) to referTo, or to providerUrl. */
  | { role: 'consumer'; providerUrl: string; referTo?: string }
  /** One of several providers replicating each other (multiprovider on), with its own serverID. */
  | { role: 'multi-provider'; serverId: number; peerUrls: readonly string[] };

export interface SlapdOptions {
  /** How slapd hashes passwords it receives through Password Modify or cleartext writes. */
  passwordHash?: PasswordHash;
  /**
   * Whether ppolicy hashes a cleartext userPassword a client writes (ppolicy_hash_cleartext, on by
   * default). Off, slapd stores such a password as given: a directory where the kiosk must not
   * send a password inside an add (the add-then-modify path).
   */
  hashCleartext?: boolean;
  /** Seed LDIF; defaults to the shared fixture directory. */
  seedLdif?: string;
  /** Where to create the instance folder (a fresh temp folder by default). */
  parentDir?: string;
  /** A part in replication; a lone server by default. */
  replication?: SlapdReplication;
  /** Ports chosen beforehand (freePorts()), so replicas can name each other before either starts. */
  ports?: { ldap: number; ldaps: number };
  /** Serve this instance's certificate and key, so one caFile trusts every server of a fleet. */
  certificate?: { certFile: string; keyFile: string };
}

export interface RunningSlapd {
  pid: number;
  dir: string;
  baseDn: string;
  /** Plain LDAP on loopback: only for tests and the demo, which opt in explicitly. */
  ldapUrl: string;
  /** ldaps on 127.0.0.1 (not localhost: the certificate names the IP). */
  ldapsUrl: string;
  caFile: string;
  caPem: string;
  adminDn: string;
  adminPassword: string;
  serviceDn: string;
  servicePassword: string;
  passwordHash: PasswordHash;
  stop(): Promise<void>;
  /** Stops the server process but keeps its data, so a test can simulate an outage. */
  pause(): Promise<void>;
  /** Starts the server again on the same ports and data after pause(). */
  resume(): Promise<void>;
  /** SIGKILL by PID, as a crash would: no clean shutdown. resume() starts it again on the same data. */
  kill(): Promise<void>;
}

export const SLAPD_BINARY = process.env.SLAPD_BINARY ?? '/usr/sbin/slapd';
const SLAPADD_BINARY = process.env.SLAPADD_BINARY ?? '/usr/sbin/slapadd';
const SCHEMA_DIR = '/etc/ldap/schema';
/** The project's own schema, shipped as cn=config LDIF for directory operators. */
export const CONTACT_SCHEMA_LDIF = new URL('../../build/ldap/mx-kiosk-contact.ldif', import.meta.url);
/** The fleet's schema (kiosk heartbeat entries and the fleet switch), shipped the same way. */
export const FLEET_SCHEMA_LDIF = new URL('../../build/ldap/mx-kiosk-fleet.ldif', import.meta.url);

/** The directory's access rules, shipped as cn=config LDIF for directory operators. */
export const ACCESS_LDIF = new URL('../../build/ldap/mx-kiosk-access.ldif', import.meta.url);
/** What stands for the database's suffix in ACCESS_LDIF. */
export const ACCESS_LDIF_SUFFIX = '@SUFFIX@';

/** LDIF with its folded lines joined and its comments dropped. */
function unfoldedLdifLines(ldif: string): string[] {
  return ldif
    .split(/\r?\n/)
    .filter((line) => !line.startsWith('#'))
    .join('\n')
    .replace(/\n /g, '')
    .split('\n');
}

/** The olcAccess values as slapd.conf `access` lines, for a database with this suffix. */
export function ldifAccessToConf(ldif: string, suffix: string): string {
  const rules = unfoldedLdifLines(ldif)
    .map((line) => /^olcAccess:\s*(.*)$/.exec(line)?.[1])
    .filter((rule): rule is string => rule !== undefined);
  if (rules.length === 0) throw new Error('no olcAccess values in the access LDIF');
  return rules.map((rule) => `access ${rule.replaceAll(ACCESS_LDIF_SUFFIX, suffix)}`).join('\n');
}

/** The same definitions in slapd.conf form, so the throwaway slapd loads exactly what operators install. */
export function ldifSchemaToConf(ldif: string): string {
  return unfoldedLdifLines(ldif)
    .map((line) => {
      const attr = /^olcAttributeTypes:\s*(.*)$/.exec(line);
      if (attr) return `attributetype ${attr[1]}`;
      const oc = /^olcObjectClasses:\s*(.*)$/.exec(line);
      return oc ? `objectclass ${oc[1]}` : null;
    })
    .filter((line): line is string => line !== null)
    .join('\n');
}
const MODULE_DIR = '/usr/lib/ldap';
const ADMIN_PASSWORD = 'throwaway-admin-secret';

export function slapdAvailable(): boolean {
  return existsSync(SLAPD_BINARY) && existsSync(join(MODULE_DIR, 'back_mdb.so'));
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function copyCertificate(
  from: { certFile: string; keyFile: string },
  dir: string,
): Promise<{ certFile: string; keyFile: string }> {
  const certFile = join(dir, 'server.crt');
  const keyFile = join(dir, 'server.key');
  await writeFile(certFile, await readFile(from.certFile));
  await writeFile(keyFile, await readFile(from.keyFile), { mode: 0o600 });
  return { certFile, keyFile };
}

export async function makeCertificate(dir: string): Promise<{ certFile: string; keyFile: string }> {
  const certFile = join(dir, 'server.crt');
  const keyFile = join(dir, 'server.key');
  // One self-signed EC certificate that is also its own CA: clients trust it via caFile.
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    keyFile,
    '-out',
    certFile,
    '-days',
    '2',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
  ]);
  return { certFile, keyFile };
}

/** The database lines for the instance's part in replication (after suffix, rootdn and directory). */
function replicationConf(replication: SlapdReplication | undefined): { global: string; database: string } {
  if (!replication) return { global: '', database: '' };
  const b = FIXTURE.baseDn;
  // retry="1 +": reconnect every second, for ever, so a restarted provider is found within about a second.
  const consumerOf = (rid: number, url: string) => `syncrepl rid=${String(rid).padStart(3, '0')}
  provider=${url}
  bindmethod=simple
  binddn="cn=admin,${b}"
  credentials=${ADMIN_PASSWORD}
  searchbase="${b}"
  type=refreshAndPersist
  retry="1 +"
  timeout=3`;
  const provider = `overlay syncprov
syncprov-checkpoint 1 1
syncprov-sessionlog 1000`;
  const index = 'index entryCSN,entryUUID eq';
  switch (replication.role) {
    case 'provider':
      return { global: 'moduleload syncprov', database: `${index}\n${provider}` };
    case 'consumer':
      return {
        global: '',
        database: `${index}\n${consumerOf(1, replication.providerUrl)}\nupdateref ${replication.referTo ?? replication.providerUrl}`,
      };
    case 'multi-provider':
      return {
        global: `moduleload syncprov\nserverID ${replication.serverId}`,
        database: [
          index,
          ...replication.peerUrls.map((url, i) => consumerOf(i + 1, url)),
          'multiprovider on',
          provider,
        ].join('\n'),
      };
  }
}

function slapdConf(
  dir: string,
  certFile: string,
  keyFile: string,
  hash: PasswordHash,
  accessRules: string,
  replication?: SlapdReplication,
  hashCleartext = true,
): string {
  const b = FIXTURE.baseDn;
  const repl = replicationConf(replication);
  return `# generated by mx-kiosk's throwaway-slapd; deleted when the instance stops
${['core', 'cosine', 'inetorgperson', 'nis', 'misc'].map((s) => `include ${SCHEMA_DIR}/${s}.schema`).join('\n')}
include ${dir}/mx-kiosk-contact.schema
include ${dir}/mx-kiosk-fleet.schema
pidfile ${dir}/slapd.pid
argsfile ${dir}/slapd.args
modulepath ${MODULE_DIR}
moduleload back_mdb
moduleload ppolicy
moduleload unique
${hash === 'ARGON2' ? 'moduleload argon2' : ''}
${repl.global}
password-hash {${hash}}
TLSCertificateFile ${certFile}
TLSCertificateKeyFile ${keyFile}
sizelimit 1000

# The frontend: the root DSE and the schema are public, as in Debian's default cn=config, so health
# checks read them without binding.
access to dn.base="" by * read
access to dn.base="cn=Subschema" by * read

database mdb
maxsize 268435456
suffix "${b}"
rootdn "cn=admin,${b}"
rootpw ${sshaHash(ADMIN_PASSWORD)}
directory ${dir}/data
index objectClass eq
index uid,cn,sn,uidNumber eq
${repl.database}

# Hash any cleartext userPassword a client writes, so no plain password is ever stored; the
# default policy remembers recent passwords, so a reset to one of them is refused.
overlay ppolicy
${hashCleartext ? 'ppolicy_hash_cleartext' : '# ppolicy_hash_cleartext left off: a cleartext userPassword is stored as given'}
ppolicy_default "cn=default,ou=policies,${b}"

# The directory itself keeps uidNumber and the staff ID (sn) unique among accounts, so two kiosks
# racing can never make duplicates (docs/directory.md).
overlay unique
unique_uri ldap:///${b}?uidNumber?sub?(objectClass=posixAccount)
unique_uri ldap:///${b}?sn?sub?(objectClass=posixAccount)

# The database's access rules, from build/ldap/mx-kiosk-access.ldif.
${accessRules}
`;
}

export async function startSlapd(options: SlapdOptions = {}): Promise<RunningSlapd> {
  if (!slapdAvailable()) {
    throw new Error(`slapd not found at ${SLAPD_BINARY}: install the Debian packages slapd and ldap-utils`);
  }
  const hash = options.passwordHash ?? 'ARGON2';
  const dir = await mkdtemp(join(options.parentDir ?? tmpdir(), 'mx-kiosk-slapd-'));
  try {
    await mkdir(join(dir, 'data'));
    const { certFile, keyFile } = options.certificate
      ? await copyCertificate(options.certificate, dir)
      : await makeCertificate(dir);
    await writeFile(
      join(dir, 'mx-kiosk-contact.schema'),
      ldifSchemaToConf(await readFile(CONTACT_SCHEMA_LDIF, 'utf8')),
    );
    await writeFile(join(dir, 'mx-kiosk-fleet.schema'), ldifSchemaToConf(await readFile(FLEET_SCHEMA_LDIF, 'utf8')));
    const confFile = join(dir, 'slapd.conf');
    const accessRules = ldifAccessToConf(await readFile(ACCESS_LDIF, 'utf8'), FIXTURE.baseDn);
    await writeFile(
      confFile,
      slapdConf(dir, certFile, keyFile, hash, accessRules, options.replication, options.hashCleartext ?? true),
    );
    const seedFile = join(dir, 'seed.ldif');
    await writeFile(seedFile, options.seedLdif ?? fixtureLdif());
    // Seeding offline with slapadd is much faster than LDAP adds after start. A replica starts
    // empty (seedLdif '') and receives everything through syncrepl.
    if (options.seedLdif !== '') await run(SLAPADD_BINARY, ['-q', '-f', confFile, '-l', seedFile]);
    const caPem = await readFile(certFile, 'utf8');

    let child: ChildProcess | undefined;
    let ports: { ldap: number; ldaps: number } | undefined = options.ports;

    const launch = async (): Promise<void> => {
      // Ports can be taken between probing and binding; a few fresh tries cover that race.
      for (let attempt = 0; attempt < 4; attempt += 1) {
        const chosen = ports ?? { ldap: await freePort(), ldaps: await freePort() };
        const urls = `ldap://127.0.0.1:${chosen.ldap}/ ldaps://127.0.0.1:${chosen.ldaps}/`;
        // -d keeps slapd in the foreground, so its PID is ours to stop and it dies with no daemonizing.
        const proc = spawn(SLAPD_BINARY, ['-f', confFile, '-h', urls, '-d', '0'], {
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        let stderr = '';
        proc.stderr?.on('data', (chunk: Buffer) => {
          stderr = (stderr + chunk.toString()).slice(-4000);
        });
        const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
        const deadline = Date.now() + 10_000;
        let up = false;
        while (Date.now() < deadline) {
          if (proc.exitCode !== null) break;
          if ((await canConnect(chosen.ldap)) && (await canConnect(chosen.ldaps))) {
            up = true;
            break;
          }
          await new Promise((r) => setTimeout(r, 25));
        }
        if (up) {
          child = proc;
          ports = chosen;
          return;
        }
        proc.kill('SIGKILL');
        await exited;
        if (ports) throw new Error(`slapd did not restart on its ports: ${stderr.trim()}`);
        if (attempt === 3) throw new Error(`slapd did not start: ${stderr.trim()}`);
      }
    };

    const halt = async (): Promise<void> => {
      const proc = child;
      child = undefined;
      if (!proc || proc.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
      proc.kill('SIGTERM');
      // slapd can take ~2 s to finish after SIGTERM; past 5 s it is killed outright.
      const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    };

    await launch();
    const assigned = ports!;
    return {
      get pid() {
        return child?.pid ?? -1;
      },
      dir,
      baseDn: FIXTURE.baseDn,
      ldapUrl: `ldap://127.0.0.1:${assigned.ldap}`,
      ldapsUrl: `ldaps://127.0.0.1:${assigned.ldaps}`,
      caFile: certFile,
      caPem,
      adminDn: `cn=admin,${FIXTURE.baseDn}`,
      adminPassword: ADMIN_PASSWORD,
      serviceDn: FIXTURE.serviceDn,
      servicePassword: FIXTURE.servicePassword,
      passwordHash: hash,
      pause: halt,
      resume: launch,
      async kill() {
        const proc = child;
        child = undefined;
        if (!proc || proc.exitCode !== null) return;
        const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
        proc.kill('SIGKILL');
        await exited;
      },
      async stop() {
        await halt();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
