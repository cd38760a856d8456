import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import type { BusEvent, EventBus } from './event-bus.js';
import { createInProcessBus } from './in-process-bus.js';
import { createRedisBus } from './redis-bus.js';

const REDIS_URL = process.env.ZHIDA_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function redisReachable(): Promise<boolean> {
  const probe = new Redis(REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

const available = await redisReachable();
if (!available && process.env.CI)
  throw new Error(`Redis is required in CI but does not answer at ${REDIS_URL}`);

const event: BusEvent = { type: 'kb-changed', version: 7 };

describe('in-process bus', () => {
  it('delivers to every subscriber, survives a throwing listener, and unsubscribes', async () => {
    const errors: unknown[] = [];
    const bus = createInProcessBus((err) => errors.push(err));
    const got: BusEvent[] = [];
    bus.subscribe(() => {
      throw new Error('boom');
    });
    const off = bus.subscribe((e) => got.push(e));
    await bus.publish(event);
    off();
    await bus.publish(event);
    expect(got).toEqual([event]);
    expect(errors).toHaveLength(2);
  });
});

describe.skipIf(!available)('Redis bus (several instances)', () => {
  const buses: EventBus[] = [];
  afterAll(async () => Promise.all(buses.map((b) => b.close())));

  it('fans an event published on one instance out to the others', async () => {
    const channel = `zhida:test:${Date.now()}:${Math.random()}`;
    const a = await createRedisBus(REDIS_URL, () => {}, channel);
    const b = await createRedisBus(REDIS_URL, () => {}, channel);
    buses.push(a, b);
    const seenA: BusEvent[] = [];
    const seenB: BusEvent[] = [];
    a.subscribe((e) => seenA.push(e));
    b.subscribe((e) => seenB.push(e));
    await a.publish(event);
    await expect.poll(() => seenB).toEqual([event]);
    await expect.poll(() => seenA).toEqual([event]);
  });
});
