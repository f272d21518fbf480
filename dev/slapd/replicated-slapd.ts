// Replicated throwaway slapds on loopback, as a campus runs them: a provider with a syncrepl
// consumer (refreshAndPersist, updateref), or two multi-provider nodes whose replication runs
// through links a test can cut and restore (a partition, then its heal). Every node is a real slapd
// with the same schema, access rules, ppolicy and uniqueness as a lone one, stopped by its PID.
import { createServer, connect, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { Client } from 'ldapts';
import { allValues } from '../../electron/services/directory/ldap-values';
import { freePort, startSlapd, type RunningSlapd, type SlapdOptions } from './throwaway-slapd';

export interface ProviderAndConsumer {
  provider: RunningSlapd;
  consumer: RunningSlapd;
  /** Cuts the consumer's syncrepl link: it keeps answering, with what it had (a stale replica). */
  cutReplication(): void;
  restoreReplication(): void;
  stop(): Promise<void>;
}

/** A TCP relay that one node's syncrepl goes through to reach its peer: cut() is a partition. */
export interface ReplicationLink {
  url: string;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export interface MultiProvider {
  nodes: [RunningSlapd, RunningSlapd];
  /** Cuts replication both ways; each node keeps answering its own clients. */
  partition(): void;
  heal(): void;
  stop(): Promise<void>;
}

const certificateOf = (slapd: RunningSlapd) => ({ certFile: slapd.caFile, keyFile: join(slapd.dir, 'server.key') });

export async function startProviderAndConsumer(
  options: Pick<SlapdOptions, 'passwordHash'> = {},
): Promise<ProviderAndConsumer> {
  const provider = await startSlapd({ ...options, replication: { role: 'provider' } });
  // The consumer replicates through a relay a test can cut; writes are still referred to the provider itself.
  const link = await relay(Number(new URL(provider.ldapUrl).port));
  try {
    const consumer = await startSlapd({
      ...options,
      seedLdif: '',
      certificate: certificateOf(provider),
      replication: { role: 'consumer', providerUrl: link.url, referTo: provider.ldapUrl },
    });
    const pair = {
      provider,
      consumer,
      cutReplication: () => link.cut(),
      restoreReplication: () => link.restore(),
      stop: async () => void (await Promise.all([provider.stop(), consumer.stop(), link.close()])),
    };
    try {
      await converged([provider, consumer]);
    } catch (error) {
      await pair.stop();
      throw error;
    }
    return pair;
  } catch (error) {
    await Promise.all([provider.stop(), link.close()]);
    throw error;
  }
}

export async function startMultiProvider(options: Pick<SlapdOptions, 'passwordHash'> = {}): Promise<MultiProvider> {
  const ports = [
    { ldap: await freePort(), ldaps: await freePort() },
    { ldap: await freePort(), ldaps: await freePort() },
  ] as const;
  // Node 1 replicates from node 2 through links[0], node 2 from node 1 through links[1].
  const links = await Promise.all([relay(ports[1].ldap), relay(ports[0].ldap)]);
  const started: RunningSlapd[] = [];
  try {
    const first = await startSlapd({
      ...options,
      ports: ports[0],
      replication: { role: 'multi-provider', serverId: 1, peerUrls: [links[0].url] },
    });
    started.push(first);
    // The second node starts empty and receives the seed from the first.
    const second = await startSlapd({
      ...options,
      ports: ports[1],
      seedLdif: '',
      certificate: certificateOf(first),
      replication: { role: 'multi-provider', serverId: 2, peerUrls: [links[1].url] },
    });
    started.push(second);
    await converged([first, second]);
    return {
      nodes: [first, second],
      partition: () => links.forEach((l) => l.cut()),
      heal: () => links.forEach((l) => l.restore()),
      stop: async () => {
        await Promise.all([...started.map((s) => s.stop()), ...links.map((l) => l.close())]);
      },
    };
  } catch (error) {
    await Promise.all([...started.map((s) => s.stop()), ...links.map((l) => l.close())]);
    throw error;
  }
}

async function relay(targetPort: number): Promise<ReplicationLink> {
  let open = true;
  const sockets = new Set<Socket>();
  const server: Server = createServer((inbound) => {
    if (!open) {
      inbound.destroy();
      return;
    }
    const outbound = connect({ host: '127.0.0.1', port: targetPort });
    for (const s of [inbound, outbound]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    inbound.on('close', () => outbound.destroy());
    outbound.on('close', () => inbound.destroy());
    inbound.pipe(outbound);
    outbound.pipe(inbound);
  });
  const port = await new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
  );
  return {
    url: `ldap://127.0.0.1:${port}`,
    cut() {
      open = false;
      for (const s of sockets) s.destroy();
    },
    restore() {
      open = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        open = false;
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The base entry's contextCSN values on a node, read as the directory manager. */
export async function contextCsn(slapd: RunningSlapd): Promise<string[]> {
  const client = new Client({ url: slapd.ldapUrl, timeout: 3000, connectTimeout: 1000 });
  try {
    await client.bind(slapd.adminDn, slapd.adminPassword);
    const { searchEntries } = await client.search(slapd.baseDn, { scope: 'base', attributes: ['contextCSN'] });
    return allValues(searchEntries[0]?.contextCSN).sort();
  } finally {
    await client.unbind().catch(() => undefined);
  }
}

/** Waits until every node shows the same contextCSN set (replication has caught up), at most withinMs. */
export async function converged(nodes: readonly RunningSlapd[], withinMs = 20_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  let last = '';
  for (;;) {
    const csns = await Promise.all(nodes.map((n) => contextCsn(n).catch(() => [] as string[])));
    last = csns.map((c) => c.join(' ')).join(' | ');
    if (csns[0]!.length > 0 && csns.every((c) => c.join(' ') === csns[0]!.join(' '))) return;
    if (Date.now() > deadline) throw new Error(`replication did not converge within ${withinMs} ms: ${last}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
