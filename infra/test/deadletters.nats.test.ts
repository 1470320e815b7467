import type { JetStreamManager } from '@nats-io/jetstream';
import { AckPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { connect, headers, nanos } from '@nats-io/transport-node';
import type { DomainEvent, NatsEventBus } from '../src';
import { EventContractError, streamFor } from '../src';
import { isolatedNatsBus, TEST_NATS_URL, until } from '../src/testing';

/** Each test has a subject of its own: a new durable reads its subject's stream from the start. */
const subjectOf = (test: string) => `training.${test}.happened`;
const event = (id: string, test = id.replace(/-\d+$/, '')): DomainEvent => ({
  id,
  type: subjectOf(test),
  unit: null,
  occurredAt: new Date().toISOString(),
  version: 1,
  data: { code: 'X', name: 'x' },
});

/** What only JetStream has: durables that outlive releases, unreadable bytes, letters of older releases, ack deadlines. */
describe('dead letters and redelivery on NATS JetStream', () => {
  let bus: NatsEventBus;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  const wire = (subject: string) => `${bus.namespace}.${subject}`;

  beforeAll(async () => {
    bus = await isolatedNatsBus('deadletters', { ackWaitMs: 4_000 });
    nc = await connect({ servers: TEST_NATS_URL });
    jsm = await jetstreamManager(nc);
  });
  afterAll(async () => {
    await bus?.deleteNamespaceStreams();
    await bus?.close();
    await nc?.close();
  });

  it('brings a durable created by an older release to the settings it relies on (no server-side delivery limit)', async () => {
    const SUBJECT = subjectOf('old');
    await bus.ensureStream(SUBJECT);
    const stream = streamFor(SUBJECT, bus.namespace).name;
    await jsm.consumers.add(stream, {
      durable_name: 'old-release',
      filter_subject: wire(SUBJECT),
      ack_policy: AckPolicy.Explicit,
      ack_wait: nanos(30_000),
      max_deliver: 2,
    });
    const sub = await bus.subscribe({
      durable: 'old-release',
      subject: SUBJECT,
      maxDeliver: 5,
      handler: async () => undefined,
    });
    const { config } = await jsm.consumers.info(stream, 'old-release');
    expect({ max_deliver: config.max_deliver, ack_wait: config.ack_wait }).toEqual({
      max_deliver: -1,
      ack_wait: nanos(4_000),
    });
    await sub.stop();
  });

  it('keeps a message through an outage longer than the ack deadline without a redelivery', async () => {
    const SUBJECT = subjectOf('long-outage');
    const deliveries: number[] = [];
    let applied = false;
    const outageUntil = Date.now() + 10_000;
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const sub = await bus.subscribe({
      durable: 'long-outage',
      subject: SUBJECT,
      maxDeliver: 2,
      classify: async (e) => (e === refused ? 'outage' : 'unexpected'),
      handler: async (e, info) => {
        if (e.id !== 'long-outage') return;
        deliveries.push(info.deliveryCount);
        if (Date.now() < outageUntil) throw refused;
        applied = true;
      },
    });
    await bus.publish(event('long-outage'));
    await until('applied after the outage', () => applied, 30_000);
    await new Promise((r) => setTimeout(r, 500));
    await sub.stop();
    // Ten seconds against an ack deadline of four: only the first delivery ever arrived.
    expect(new Set(deliveries)).toEqual(new Set([1]));
    expect(deliveries.length).toBeGreaterThan(3);
    expect(await bus.listDeadLetters({ durable: 'long-outage' })).toEqual([]);
  }, 40_000);

  it('dead-letters an unreadable envelope at once, lists it without an event id, and does not replay it', async () => {
    const SUBJECT = subjectOf('unreadable');
    const calls: string[] = [];
    const sub = await bus.subscribe({
      durable: 'reader',
      subject: SUBJECT,
      maxDeliver: 5,
      handler: async (e) => void calls.push(e.id),
    });
    await jetstream(nc).publish(wire(SUBJECT), 'not an envelope');
    await until('dead-lettered', async () => (await bus.listDeadLetters({ durable: 'reader' })).length === 1);
    const [letter] = await bus.listDeadLetters({ durable: 'reader' });
    expect(letter).toMatchObject({
      durable: 'reader',
      subject: SUBJECT,
      eventId: null,
      failure: 'permanent',
      deliveries: 1,
    });
    const result = await bus.replayDeadLetters({ durable: 'reader' });
    expect(result.replayed).toEqual([]);
    expect(result.skipped.map((s) => s.letter.seq)).toEqual([letter.seq]);
    expect(await bus.listDeadLetters({ durable: 'reader' })).toHaveLength(1);
    await sub.stop();
    expect(calls).toEqual([]);
  });

  it('lists and replays a letter written by the previous release (only error and delivery headers)', async () => {
    const SUBJECT = subjectOf('legacy');
    await bus.ensureStream('deadletter.x');
    const h = headers();
    h.set('Kesos-Error', 'payload field year must be a year');
    h.set('Kesos-Deliveries', '5');
    await jetstream(nc).publish(wire('deadletter.legacy'), JSON.stringify(event('legacy-1')), { headers: h });
    const [letter] = await bus.listDeadLetters({ durable: 'legacy' });
    expect(letter).toMatchObject({
      durable: 'legacy',
      subject: SUBJECT,
      eventId: 'legacy-1',
      failure: 'unknown',
      error: 'payload field year must be a year',
      deliveries: 5,
    });
    const seen: string[] = [];
    const sub = await bus.subscribe({
      durable: 'legacy',
      subject: SUBJECT,
      maxDeliver: 5,
      handler: async (e) => void seen.push(e.id),
    });
    // The event itself went through long ago (and inside the de-duplication window): the replay must still arrive.
    await bus.publish(event('legacy-1'));
    await until('the original seen', () => seen.includes('legacy-1'));
    expect((await bus.replayDeadLetters({ eventId: 'legacy-1' })).replayed).toHaveLength(1);
    await until('the replay seen', () => seen.filter((id) => id === 'legacy-1').length === 2);
    expect(await bus.listDeadLetters({ durable: 'legacy' })).toEqual([]);
    await sub.stop();
  });

  it('answers a consumer throwing EventContractError with one letter, however often the message was delivered', async () => {
    const SUBJECT = subjectOf('contract');
    let calls = 0;
    const sub = await bus.subscribe({
      durable: 'contract',
      subject: SUBJECT,
      maxDeliver: 5,
      handler: async (e) => {
        if (e.id !== 'contract-1') return;
        calls++;
        throw new EventContractError('payload field code is missing');
      },
    });
    await bus.publish(event('contract-1'));
    await until('dead-lettered', async () => (await bus.listDeadLetters({ durable: 'contract' })).length === 1);
    await new Promise((r) => setTimeout(r, 500));
    expect(calls).toBe(1);
    expect(await bus.listDeadLetters({ durable: 'contract' })).toHaveLength(1);
    await sub.stop();
  });
});
