import type { JetStreamClient, JetStreamManager, StoredMsg } from '@nats-io/jetstream';
import { headers } from '@nats-io/transport-node';
import type { DeadLetter, DeadLetterFilter, ReplayResult } from './event-bus';
import { deadLetterSubject } from './event-bus';

/** Headers a dead letter carries beside the original message body. */
const DEAD_LETTER_HEADERS = {
  subject: 'Kesos-Subject',
  durable: 'Kesos-Durable',
  eventId: 'Kesos-Event-Id',
  failure: 'Kesos-Failure',
  error: 'Kesos-Error',
  deliveries: 'Kesos-Deliveries',
} as const;

export interface DeadLetterInfo {
  subject: string;
  durable: string;
  eventId: string | null;
  failure: 'permanent' | 'unexpected';
  error: string;
  deliveries: number;
}

export function deadLetterHeaders(info: DeadLetterInfo) {
  const h = headers();
  h.set(DEAD_LETTER_HEADERS.subject, info.subject);
  h.set(DEAD_LETTER_HEADERS.durable, info.durable);
  if (info.eventId) h.set(DEAD_LETTER_HEADERS.eventId, info.eventId);
  h.set(DEAD_LETTER_HEADERS.failure, info.failure);
  h.set(DEAD_LETTER_HEADERS.error, info.error.slice(0, 500));
  h.set(DEAD_LETTER_HEADERS.deliveries, String(info.deliveries));
  return h;
}

/** The envelope's id and type, or nulls when the body is not a readable envelope. */
function envelopeOf(data: Uint8Array): { id: string | null; type: string | null } {
  try {
    const e = JSON.parse(new TextDecoder().decode(data)) as { id?: unknown; type?: unknown } | null;
    return { id: typeof e?.id === 'string' ? e.id : null, type: typeof e?.type === 'string' ? e.type : null };
  } catch {
    return { id: null, type: null };
  }
}

/**
 * Reads a stored dead letter. Letters written before the headers named subject, durable and
 * event id (only error and deliveries) are read from the dead-letter subject and the envelope.
 */
function readLetter(msg: StoredMsg, wirePrefix: string): DeadLetter {
  const h = (name: string) => msg.header?.get(name) || undefined;
  const envelope = envelopeOf(msg.data);
  const unwired = msg.subject.startsWith(wirePrefix) ? msg.subject.slice(wirePrefix.length) : msg.subject;
  const failure = h(DEAD_LETTER_HEADERS.failure);
  return {
    seq: msg.seq,
    durable: h(DEAD_LETTER_HEADERS.durable) ?? unwired.replace(/^deadletter\./, ''),
    subject: h(DEAD_LETTER_HEADERS.subject) ?? envelope.type ?? '',
    eventId: h(DEAD_LETTER_HEADERS.eventId) ?? envelope.id,
    failure: failure === 'permanent' || failure === 'unexpected' ? failure : 'unknown',
    error: h(DEAD_LETTER_HEADERS.error) ?? '',
    deliveries: Number(h(DEAD_LETTER_HEADERS.deliveries) ?? 0),
    deadLetteredAt: msg.time.toISOString(),
  };
}

export class NatsDeadLetters {
  constructor(
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    /** The dead-letter stream of this namespace. */
    private readonly stream: string,
    /** `<namespace>.` or empty: stored subjects carry it, letters and events do not. */
    private readonly wirePrefix: string,
  ) {}

  private async *stored(filter: DeadLetterFilter): AsyncGenerator<{ msg: StoredMsg; letter: DeadLetter }> {
    // No stream: no dead letter was ever written in this namespace.
    const info = await this.jsm.streams.info(this.stream).catch(() => null);
    if (!info) return;
    const { state } = info;
    const subject = filter.durable ? `${this.wirePrefix}${deadLetterSubject(filter.durable)}` : undefined;
    for (let seq = state.first_seq; state.messages > 0 && seq <= state.last_seq; seq++) {
      // A sequence whose letter was replayed (deleted) reads as missing.
      const msg = await this.jsm.streams.getMessage(this.stream, { seq }).catch(() => null);
      if (!msg || (subject && msg.subject !== subject)) continue;
      const letter = readLetter(msg, this.wirePrefix);
      if (filter.eventId && letter.eventId !== filter.eventId) continue;
      yield { msg, letter };
    }
  }

  async list(filter: DeadLetterFilter = {}): Promise<DeadLetter[]> {
    const letters: DeadLetter[] = [];
    for await (const { letter } of this.stored(filter)) letters.push(letter);
    return letters;
  }

  /**
   * Republishes each letter's original body to its original subject with a msgID of its own
   * (the event's id is still inside the window JetStream de-duplicates on), derived from the
   * letter, so a replay interrupted before the removal and run again publishes it only once.
   */
  async replay(filter: DeadLetterFilter = {}): Promise<ReplayResult> {
    const result: ReplayResult = { replayed: [], skipped: [] };
    for await (const { msg, letter } of this.stored(filter)) {
      if (!letter.eventId || !letter.subject) {
        result.skipped.push({
          letter,
          reason: 'the envelope is unreadable; the producer must publish the event again',
        });
        continue;
      }
      await this.js.publish(`${this.wirePrefix}${letter.subject}`, msg.data, {
        msgID: `${letter.eventId}:replay:${letter.seq}`,
      });
      await this.jsm.streams.deleteMessage(this.stream, letter.seq, false);
      result.replayed.push(letter);
    }
    return result;
  }
}
