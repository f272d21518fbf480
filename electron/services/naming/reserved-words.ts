// Words no account name may contain, and local system accounts no name may equal. These are the
// built-in defaults; operators extend them with files named in the configuration (naming.*File),
// one word per line, # for comments.
import type { NamingSettings } from './naming-settings';

/** System and role names (the legacy portal's list). */
export const RESERVED_ROLE_WORDS = [
  'root',
  'admin',
  'administrator',
  'sysop',
  'guest',
  'postmaster',
  'webmaster',
  'hostmaster',
  'abuse',
  'noc',
  'security',
  'mailer-daemon',
  'nobody',
  'president',
  'manager',
] as const;

/** Offensive words. Kept to words that do not occur inside common romanised or Western names. */
export const RESERVED_OFFENSIVE_WORDS = [
  'fuck',
  'shit',
  'cunt',
  'bitch',
  'whore',
  'slut',
  'nazi',
  'porn',
  'rape',
] as const;

/** Accounts that exist on the mail hosts themselves (Debian's base accounts and mail daemons). */
export const SYSTEM_ACCOUNTS = [
  'daemon',
  'bin',
  'sys',
  'sync',
  'games',
  'man',
  'lp',
  'mail',
  'news',
  'uucp',
  'proxy',
  'www-data',
  'backup',
  'list',
  'irc',
  'gnats',
  'systemd-network',
  'systemd-resolve',
  'messagebus',
  'sshd',
  'postfix',
  'dovecot',
  'dovenull',
  'clamav',
  'amavis',
  'spamd',
  'debian-spamd',
  'mysql',
  'postgres',
  'openldap',
  'ntp',
  'statd',
  'nscd',
  'apache',
  'nginx',
  'ftp',
  'operator',
  'support',
  'info',
  'help',
  'helpdesk',
  'staff',
  'test',
  'noreply',
  'no-reply',
] as const;

/** Parses an operator's word file: one word per line, blank lines and # comments ignored. */
export function parseWordList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*/, '').trim().toLowerCase())
    .filter((word) => word !== '');
}

/** The built-in lists with the operator's files (naming.*File) added. */
export function namingWords(config: NamingSettings, readTextFile: (path: string) => string) {
  const extra = (path: string | undefined) => (path ? parseWordList(readTextFile(path)) : []);
  return {
    reserved: [...RESERVED_ROLE_WORDS, ...RESERVED_OFFENSIVE_WORDS, ...extra(config.reservedWordsFile)],
    systemAccounts: new Set([...SYSTEM_ACCOUNTS, ...extra(config.systemAccountsFile)]),
  };
}
