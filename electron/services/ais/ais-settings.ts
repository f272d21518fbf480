// The ais block of the configuration: the shared key, where the AIS login is, which origins its
// view may visit, how long a token lives, and the addresses AIS sees this kiosk as.
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { SecretRef, type Secret } from '../secret';

/** The old portal's address; the AIS view is stopped when it navigates here and the token is taken. */
export const LEGACY_PORTAL_URL = 'https://ua.net.nthu.edu.tw/portal/index.cgi';

const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

/** Plain http is acceptable for an AIS page only on loopback, where the demo's simulator runs. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK.has(hostname);
}
/**
 * An AIS page's address: https, or plain http only on loopback, where the demo profile runs its
 * AIS simulator. A counter machine never shows AIS (or its password page) unencrypted.
 */
const AisUrl = z.url({ protocol: /^https?$/ }).refine((url) => {
  const parsed = new URL(url);
  return parsed.protocol === 'https:' || isLoopbackHost(parsed.hostname);
}, 'must be an https:// URL (plain http is only for the loopback demo simulator)');
const IpAddress = z.union([z.ipv4(), z.ipv6()]);

export const AisSettings = z
  .object({
    /** 64 hex characters (32 bytes): the AES-256-GCM key shared with AIS. */
    key: SecretRef,
    /** Where the AIS view opens (AIS login). */
    loginUrl: AisUrl,
    /** Origins the AIS view may visit besides loginUrl's own (e.g. an SSO page). */
    extraOrigins: z.array(AisUrl).default([]),
    portalUrl: AisUrl.default(LEGACY_PORTAL_URL),
    validitySeconds: z.number().int().positive().default(120),
    futureSkewSeconds: z.number().int().nonnegative().default(30),
    /** The addresses AIS sees this kiosk as; empty means the machine's own interface addresses. */
    egressAddresses: z.array(IpAddress).default([]),
    /** Where used token ids are kept across restarts (a token is refused twice even after one). */
    usedTokensFile: z.string().min(1).optional(),
    /**
     * The client certificate to present if an AIS page asks for one, by the fingerprint Electron
     * reports ("sha256/…"). Without it none is sent, and no chooser ever opens.
     */
    clientCertificateFingerprint: z.string().min(1).optional(),
  })
  .strict();

/** The AIS settings with the key read. */
export type ResolvedAisSettings = Omit<z.output<typeof AisSettings>, 'key'> & { key: Secret };

/** Where the used-token journal lives: as configured, or beside the audit trail. */
export function usedTokensFile(config: { ais: { usedTokensFile?: string }; audit: { file: string } }): string {
  return config.ais.usedTokensFile ?? join(dirname(config.audit.file), 'used-tokens');
}
