// The meter's question to main: is this password in the breached-password filter? A failed
// question answers "not known to be breached"; main decides again at Apply.
import type { KioskApi } from '../../../shared/contract/api';

export async function isBreached(api: KioskApi, password: string): Promise<boolean> {
  const result = await api.checkBreached({ password });
  return result.ok && result.data.breached;
}
