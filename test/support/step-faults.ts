// Aims a fault at one named step of a creation or a reset, instead of at a random moment: the
// connector's clients report each LDAP operation as it happens, and the armed fault fires before
// the operation is sent, right after it was sent, or after its answer came back.
import type { Client } from 'ldapts';
import type { LdapConnector } from '../../electron/services/directory/ldap-connector';

export type Step = 'counter' | 'claim' | 'add' | 'password' | 'read-back' | 'bind';
export type Phase = 'before' | 'sent' | 'answered';

/** Which step an operation is, from its kind and its DN; null for steps nobody aims at. */
function stepOf(operation: string, dn: string): Step | null {
  const lower = dn.toLowerCase();
  // The write server's hashing probe (its own random entry) is no step of a creation.
  if (lower.startsWith('cn=mx-kiosk-hash-probe-')) return null;
  if (operation === 'modify' && lower.startsWith('cn=uidnext,')) return 'counter';
  if (operation === 'add' && lower.includes(',ou=claims,')) return 'claim';
  if (operation === 'add' && lower.includes(',ou=people,')) return 'add';
  if (operation === 'exop') return 'password';
  if (operation === 'search-userPassword') return 'read-back';
  if (operation === 'bind' && lower.includes(',ou=people,')) return 'bind';
  return null;
}

export class StepFaults {
  private armed: { step: Step; phase: Phase; fire: () => Promise<void> } | null = null;
  /** The steps seen since the last arm(), in order (a test can check its aim was reachable). */
  readonly seen: Step[] = [];

  arm(step: Step, phase: Phase, fire: () => Promise<void>): void {
    this.armed = { step, phase, fire };
    this.seen.length = 0;
  }

  get fired(): boolean {
    return this.armed === null && this.seen.length > 0;
  }

  wrap(base: LdapConnector): LdapConnector {
    return async (url) => {
      const client = await base(url);
      this.patch(client, 'add', (args) => String(args[0]));
      this.patch(client, 'modify', (args) => String(args[0]));
      this.patch(client, 'exop', () => '');
      this.patch(client, 'bind', (args) => String(args[0]));
      const search = client.search.bind(client);
      client.search = (async (...args: Parameters<Client['search']>) => {
        const attributes = (args[1] as { attributes?: string[] } | undefined)?.attributes ?? [];
        const kind = attributes.length === 1 && attributes[0] === 'userPassword' ? 'search-userPassword' : 'search';
        return this.around(kind, String(args[0]), () => search(...args));
      }) as Client['search'];
      return client;
    };
  }

  private patch(client: Client, name: 'add' | 'modify' | 'exop' | 'bind', dnOf: (args: unknown[]) => string): void {
    const original = (client[name] as (...args: unknown[]) => Promise<unknown>).bind(client);
    (client as unknown as Record<string, unknown>)[name] = (...args: unknown[]) =>
      this.around(name, dnOf(args), () => original(...args));
  }

  private async around<T>(operation: string, dn: string, send: () => Promise<T>): Promise<T> {
    const step = stepOf(operation, dn);
    if (step) this.seen.push(step);
    const armed = this.armed;
    if (!armed || step !== armed.step) return send();
    this.armed = null;
    if (armed.phase === 'before') {
      await armed.fire();
      return send();
    }
    if (armed.phase === 'sent') {
      const pending = send();
      // Its failure is the caller's to see; until the fault has fired, nobody is awaiting it yet.
      pending.catch(() => undefined);
      // The request is on the wire; the server dies before (or while) it answers.
      await armed.fire();
      return pending;
    }
    const answer = await send();
    await armed.fire();
    return answer;
  }
}
