// The addresses AIS may have seen this kiosk as: the configured list (needed behind NAT), or,
// when that is empty, the machine's own non-loopback interface addresses.
import type { NetworkInterfaceInfo } from 'node:os';

export function egressAddresses(
  configured: readonly string[],
  interfaces: () => NodeJS.Dict<NetworkInterfaceInfo[]>,
): string[] {
  if (configured.length > 0) return [...configured];
  return Object.values(interfaces())
    .flatMap((list) => list ?? [])
    .filter((info) => !info.internal)
    .map((info) => info.address);
}
