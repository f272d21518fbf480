// `mx-kiosk names "<ENGLISH NAME>"`: the account names the kiosk would offer, one per line, in
// order. --offline applies the rules only; --demo or --config F also checks availability.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { foldDiacritics } from '../../electron/services/identity/person-identity';
import { systemClock } from '../../electron/services/clock';
import { loadConfigFile, type KioskConfig } from '../../electron/services/config';
import { createLdapConnector } from '../../electron/services/directory/ldap-connector';
import { createKioskBackend, namingWords } from '../../electron/services/kiosk-backend';
import { KioskError } from '../../electron/services/kiosk-error';
import { silentLogger } from '../../electron/services/logger';
import { offlineCandidates } from '../../electron/services/naming/account-name-rules';
import { startDemoProfile } from '../demo/demo-profile';
import type { CliIo } from '../../electron/ops/operator-command';
import { SOURCE_POLICIES_DIR } from './source-paths';

export const NAMES_USAGE = `  names "<ENGLISH NAME>" [--offline | --demo | --config FILE]
      Print the account names the kiosk would offer, one per line, in order.
`;

const readText = (path: string) => readFileSync(path, 'utf8');

async function availableFrom(config: KioskConfig, nameEn: string): Promise<string[]> {
  const backend = createKioskBackend({
    config,
    appVersion: 'cli',
    clock: systemClock,
    logger: silentLogger,
    connectLdap: createLdapConnector(config.directory),
    makeAisLauncher: () => ({ launch: async () => ({ kind: 'cancelled' }), cancel: () => false }),
    // Looking names up writes no audit line.
    auditWriter: async () => undefined,
    readTextFile: readText,
    bundledPoliciesDir: SOURCE_POLICIES_DIR,
    configPath: 'mx-kiosk names',
  });
  try {
    return await backend.namer.available(nameEn);
  } finally {
    await backend.close();
  }
}

export async function runNamesCommand(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { offline: { type: 'boolean' }, demo: { type: 'boolean' }, config: { type: 'string' } },
    });
  } catch (error) {
    io.err(`mx-kiosk names: ${(error as Error).message}\n\nusage:\n${NAMES_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const modes = [values.offline, values.demo, values.config !== undefined].filter(Boolean).length;
  if (positionals.length !== 1 || modes !== 1) {
    io.err(
      `mx-kiosk names: give one English name and exactly one of --offline, --demo, --config FILE\n\nusage:\n${NAMES_USAGE}`,
    );
    return 2;
  }
  // The AIS handoff folds accents before names are made; do the same for a typed name.
  const nameEn = foldDiacritics(positionals[0]!);
  try {
    let names: string[];
    if (values.offline) {
      names = offlineCandidates(nameEn, namingWords({}, readText));
      if (names.length === 0) throw new KioskError('NAME_UNUSABLE');
    } else if (values.demo) {
      const demo = await startDemoProfile();
      try {
        names = await availableFrom(demo.config, nameEn);
      } finally {
        await demo.stop();
      }
    } else {
      names = await availableFrom(loadConfigFile(values.config!, { readFile: readText, env: process.env }), nameEn);
    }
    for (const name of names) io.out(name);
    return 0;
  } catch (error) {
    if (!(error instanceof KioskError)) throw error;
    io.err(error.code);
    return 1;
  }
}
