import type { DeadLetter } from '@kesos/infra';
import { ConfigReader, NatsEventBus, readNatsNamespace, readNatsServers } from '@kesos/infra';
import { parseArgs } from 'node:util';

export const DEAD_LETTERS_USAGE =
  'usage: npm run deadletters -- list [--durable D] [--id EVENT_ID] | replay [--durable D] [--id EVENT_ID]';

export class UsageError extends Error {}

const describe = (l: DeadLetter): string =>
  `#${l.seq} ${l.deadLetteredAt} ${l.durable} ${l.subject || '?'} event ${l.eventId ?? '(unreadable envelope)'} ${l.failure} after ${l.deliveries} deliver${l.deliveries === 1 ? 'y' : 'ies'}: ${l.error}`;

/**
 * `deadletters list|replay`: the operator's view of the dead letters of a deployment (the
 * NATS server at NATS_URL, namespace NATS_NAMESPACE, as the services are configured). Replay
 * republishes each letter to its original subject and removes it once republished; consumers
 * that applied the event before skip it by its id. Returns the lines to print.
 */
export async function deadLettersCommand(argv: string[], env: Record<string, string | undefined>): Promise<string[]> {
  const parse = () =>
    parseArgs({ args: argv, allowPositionals: true, options: { durable: { type: 'string' }, id: { type: 'string' } } });
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse();
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n${DEAD_LETTERS_USAGE}`);
  }
  const [command, ...rest] = parsed.positionals;
  if ((command !== 'list' && command !== 'replay') || rest.length) throw new UsageError(DEAD_LETTERS_USAGE);
  const reader = new ConfigReader(env);
  const natsUrl = readNatsServers(reader);
  if (!natsUrl && reader.optional('NATS_URL') === undefined)
    reader.problem('NATS_URL is required (e.g. nats://127.0.0.1:4222)');
  const namespace = readNatsNamespace(reader);
  reader.done();
  const filter = { durable: parsed.values.durable, eventId: parsed.values.id };

  const bus = await NatsEventBus.connect(natsUrl, undefined, { namespace });
  try {
    if (command === 'list') {
      const letters = await bus.listDeadLetters(filter);
      return [...letters.map(describe), `${letters.length} dead letter(s)`];
    }
    const { replayed, skipped } = await bus.replayDeadLetters(filter);
    return [
      ...replayed.map((l) => `replayed ${describe(l)}`),
      ...skipped.map(({ letter, reason }) => `skipped ${describe(letter)} (${reason})`),
      `${replayed.length} replayed, ${skipped.length} skipped`,
    ];
  } finally {
    await bus.close();
  }
}
