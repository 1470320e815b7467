import type { ConfigReader } from '../config/config.loader';

/**
 * NATS_URL names one server or, for a JetStream cluster, several separated by commas
 * (`nats://n1:4222,nats://n2:4222,nats://n3:4222`). The client connects to any of them and,
 * when that node goes away, reconnects to another without the process restarting.
 */
export function natsServerList(urls: string): string[] {
  return urls
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
}

/** Reads a list of nats:// URLs, reporting each bad entry by the variable's name; '' when unset. */
export function readNatsServers(reader: ConfigReader, name = 'NATS_URL'): string {
  const raw = reader.optional(name);
  if (raw === undefined) return '';
  const servers = natsServerList(raw);
  if (!servers.length) reader.problem(`${name} names no server, got "${raw}"`);
  for (const server of servers) {
    let protocol: string;
    try {
      protocol = new URL(server).protocol;
    } catch {
      reader.problem(`${name} holds "${server}", which is not a valid URL (e.g. nats://127.0.0.1:4222)`);
      continue;
    }
    if (protocol !== 'nats:') reader.problem(`${name} must use nats://, got "${protocol}//" in "${server}"`);
  }
  return servers.join(',');
}

/** Most copies a JetStream cluster keeps of a stream (NATS refuses more than 5). */
export const MAX_NATS_REPLICAS = 5;

/**
 * NATS_REPLICAS: how many nodes of the JetStream cluster keep each stream and durable consumer
 * the services create (1 on a single server; 3 on a three-node cluster survives one node lost).
 */
export function readNatsReplicas(reader: ConfigReader, name = 'NATS_REPLICAS'): number {
  const replicas = reader.int(name, 1, 1);
  if (replicas > MAX_NATS_REPLICAS) {
    reader.problem(`${name} must be at most ${MAX_NATS_REPLICAS} (NATS keeps at most 5 copies), got ${replicas}`);
    return 1;
  }
  return replicas;
}

/** NATS_NAMESPACE, when set: it becomes part of subject, stream and bucket names. */
export function readNatsNamespace(reader: ConfigReader, name = 'NATS_NAMESPACE'): string | undefined {
  const namespace = reader.optional(name);
  if (namespace && !/^[a-z0-9_]+$/.test(namespace))
    reader.problem(`${name} may hold only a-z, 0-9 and _, got "${namespace}"`);
  return namespace;
}
