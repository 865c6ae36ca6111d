// Live updates of a scaled-out federated deployment: two tickets subgraph processes (A and B) share
// the database and fan committed events out through Redis; one members subgraph; Hive Gateway in
// front, whose tickets subgraph is B, so every subscription runs on B (over graphql-transport-ws,
// see gateway/gateway.config.mjs). Mutations go straight to A, and A started first, so A holds the
// outbox lease and relays every event: a subscriber hears it only if the fan-out carries it from A
// to B. The reference client is graphql-ws.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePorts, post, signIn, startPlatform } from './lib/platform.mjs';
import { createSharedDatabase, redisUnavailable, startGateway, startRedis } from './lib/services.mjs';
import { runFederatedScript } from './lib/federated.mjs';
import { concert, gatewayClient, live, pay, publish, purchase, untilLive } from './lib/live.mjs';

const skip = redisUnavailable();

describe('subscriptions through Hive Gateway, fanned out through Redis across tickets instances', { skip: skip ?? false, timeout: 240_000 }, () => {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'eticket-live-'));
  // A channel of this run's own: the Redis server may be shared with other suites.
  const channel = `eticket:e2e:${randomBytes(6).toString('hex')}`;
  const started = [];
  let redis;
  let database;
  let ticketsA;
  let ticketsB;
  let gateway;

  before(async () => {
    redis = await startRedis();
    database = await createSharedDatabase();
    const shared = { dataDirectory, env: { ...database.env, ETicket__Network__TrustedProxies__0: '127.0.0.1' } };
    // The Redis client name tells which process broadcast what (CLIENT LIST).
    const tickets = (name) => ({
      ...shared,
      role: 'Tickets',
      env: { ...shared.env, ETicket__Redis__Configuration: `${redis.address},name=${name}`, ETicket__Redis__Channel: channel },
    });
    // One at a time: each process migrates the database as it starts. A before B: A's relay takes
    // the outbox lease at once and renews it every second, so B never relays while A runs.
    const members = await startPlatform({ ...shared, role: 'Members' });
    started.push(members);
    ticketsA = await startPlatform(tickets('eticket-tickets-a'));
    started.push(ticketsA);
    ticketsB = await startPlatform(tickets('eticket-tickets-b'));
    started.push(ticketsB);
    gateway = await startGateway({ membersUrl: members.graphql, ticketsUrl: ticketsB.graphql });
    started.push(gateway);
  });

  after(async () => {
    for (const child of started.reverse()) await child.stop();
    await database?.drop();
    await redis?.stop();
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  test('a listing published on instance A reaches a subscriber on instance B through the gateway, its seller from the members subgraph', async () => {
    const seller = await signIn(gateway.graphql, '13800000201', '阿强');
    const client = gatewayClient(gateway.ws);
    const shanghai = live(client, 'subscription { listingPublished(category: CONCERT, city: "上海") { title seller { nickname } } }');
    try {
      const first = await untilLive(shanghai, (attempt) => publish(ticketsA.graphql, seller.token, concert(`warm-up ${attempt}`, `WARM-${attempt}`)));
      assert.deepEqual(first.data.listingPublished.seller, { nickname: '阿强' });

      // Another city (filtered out), then the one the subscriber waits for: events keep their order,
      // so the Beijing listing would come first if the filter let it through.
      await publish(ticketsA.graphql, seller.token, concert('张学友北京演唱会', 'JACKY-BJ', '北京'));
      await publish(ticketsA.graphql, seller.token, concert('张学友上海演唱会', 'JACKY-SH'));
      let next;
      do next = await shanghai.next(15_000);
      while (next?.data?.listingPublished?.title.startsWith('warm-up')); // late answers to the warm-up
      assert.deepEqual(next, { data: { listingPublished: { title: '张学友上海演唱会', seller: { nickname: '阿强' } } } });

      // Relayed and broadcast by A, heard by B: the publish came from A's connection, and both
      // instances listen on the channel.
      const clients = (await redis.cli('CLIENT', 'LIST')).split('\n').map((line) => `${line} `);
      const of = (name) => clients.filter((line) => line.includes(` name=${name} `));
      assert.ok(of('eticket-tickets-a').some((line) => line.includes(' cmd=publish ')), `A did not publish:\n${clients.join('\n')}`);
      assert.ok(!of('eticket-tickets-b').some((line) => line.includes(' cmd=publish ')), `B published:\n${clients.join('\n')}`);
      assert.deepEqual(await redis.cli('PUBSUB', 'NUMSUB', channel), [channel, 2]);
    } finally {
      shanghai.dispose();
      await client.dispose();
    }
  });

  test('myOrderChanged reaches the signed-in buyer through the gateway, which forwards the token, and only the buyer\'s orders', async () => {
    const seller = await signIn(gateway.graphql, '13800000211', '卖家');
    const buyer = await signIn(gateway.graphql, '13800000212', '买家');
    const stranger = await signIn(gateway.graphql, '13800000213', '路人');
    const client = gatewayClient(gateway.ws, buyer.token);
    const orders = live(client, 'subscription { myOrderChanged { id status buyer { nickname } listing { title } } }');
    const anonymousClient = gatewayClient(gateway.ws);
    const anonymous = live(anonymousClient, 'subscription { myOrderChanged { id } }');
    try {
      const warmUps = new Set();
      const first = await untilLive(orders, async (attempt) => {
        const listingId = await publish(ticketsA.graphql, seller.token, concert(`warm-up order ${attempt}`, `ORDER-WARM-${attempt}`));
        warmUps.add(await purchase(ticketsA.graphql, buyer.token, listingId));
      });
      const order = first.data.myOrderChanged;
      assert.ok(warmUps.has(order.id));
      assert.equal(order.status, 'PENDING_PAYMENT');
      assert.equal(order.buyer.nickname, '买家');

      // A stranger's order, then the buyer pays: in broadcast order, so the stranger's would come first if it leaked.
      await purchase(ticketsA.graphql, stranger.token, await publish(ticketsA.graphql, seller.token, concert('路人的票', 'STRANGER-1')));
      await pay(ticketsA.graphql, buyer.token, order.id);
      let next;
      do next = await orders.next(15_000);
      while (next?.data?.myOrderChanged?.status === 'PENDING_PAYMENT' && warmUps.has(next.data.myOrderChanged.id));
      assert.deepEqual(next, { data: { myOrderChanged: { id: order.id, status: 'PAID', buyer: { nickname: '买家' }, listing: { title: order.listing.title } } } });

      // Without a token the subgraph refuses the subscription; the gateway passes the refusal on as
      // a result with errors and no data, and completes the stream.
      const refusal = await anonymous.next(15_000);
      assert.deepEqual(refusal?.errors?.map((error) => error.extensions?.code), ['UNAUTHENTICATED'], JSON.stringify(refusal));
      assert.equal(refusal.data ?? null, null);
      assert.deepEqual(await anonymous.end(15_000), { complete: true });
    } finally {
      orders.dispose();
      anonymous.dispose();
      await client.dispose();
      await anonymousClient.dispose();
    }
  });
  test('credentials the subgraph refuses come back as UNAUTHENTICATED, not as an unexpected error', async () => {
    const client = gatewayClient(gateway.ws, 'not-a-valid-token');
    const orders = live(client, 'subscription { myOrderChanged { id } }');
    try {
      const refusal = await orders.next(15_000);
      assert.deepEqual(refusal?.errors?.map((error) => error.extensions?.code), ['UNAUTHENTICATED'], JSON.stringify(refusal));
      assert.deepEqual(await orders.end(15_000), { complete: true });
    } finally {
      orders.dispose();
      await client.dispose();
    }
  });

  // Last: it stops Redis. Only a Redis of the test's own may be stopped.
  test('while Redis is down, subscribers through the gateway are told LIVE_UPDATES_UNAVAILABLE and mutations still work; then live updates come back', async (t) => {
    if (!redis.owned) {
      t.skip('the Redis server is shared (ETICKET_TEST_REDIS, no redis-server here to start one)');
      return;
    }
    const seller = await signIn(gateway.graphql, '13800000221', '小李');
    const client = gatewayClient(gateway.ws);
    const query = 'subscription { listingPublished(city: "上海") { title } }';
    const before = live(client, query);
    let refused;
    let after;
    try {
      await untilLive(before, (attempt) => publish(ticketsA.graphql, seller.token, concert(`before ${attempt}`, `OUTAGE-BEFORE-${attempt}`)));

      await redis.kill();
      let ending;
      do ending = await before.next(15_000);
      while (ending?.data?.listingPublished); // late answers to the warm-up
      assert.deepEqual(ending?.errors?.map((error) => error.extensions?.code), ['LIVE_UPDATES_UNAVAILABLE'], JSON.stringify(ending));
      assert.deepEqual(await before.end(15_000), { complete: true });
      // Mutations and queries do not need Redis.
      const during = await publish(ticketsA.graphql, seller.token, concert('during the outage', 'OUTAGE-DURING'));
      const { body } = await post(gateway.graphql, 'query($id: ID!) { listing(id: $id) { title seller { nickname } } }', { variables: { id: during } });
      assert.deepEqual(body, { data: { listing: { title: 'during the outage', seller: { nickname: '小李' } } } });
      // New subscriptions are refused while it is down.
      refused = live(client, query);
      const refusal = await refused.next(15_000);
      assert.deepEqual(refusal?.errors?.map((error) => error.extensions?.code), ['LIVE_UPDATES_UNAVAILABLE'], JSON.stringify(refusal));

      await redis.start();
      // Subscribing again works once both instances are back on Redis. No instance relayed while it
      // could not broadcast, so the listing published during the outage went out once Redis was
      // back: a subscriber that was already there hears it first, then the new ones.
      for (let attempt = 1; ; attempt++) {
        after = live(client, query);
        let result = await untilLive(after, (n) => publish(ticketsA.graphql, seller.token, concert(`after ${attempt}.${n}`, `OUTAGE-AFTER-${attempt}-${n}`)))
          .catch((error) => ({ error }));
        if (result.data?.listingPublished?.title === 'during the outage')
          result = await after.next(15_000);
        if (result?.data) {
          assert.match(result.data.listingPublished.title, /^after /);
          break;
        }
        assert.ok(attempt < 20, `live updates did not come back: ${result.error ?? JSON.stringify(result)}`);
        after.dispose();
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    } finally {
      before.dispose();
      refused?.dispose();
      after?.dispose();
      await client.dispose();
    }
  });
});

describe('scripts/federated.sh with Redis and a second tickets subgraph', { skip: skip ?? false, timeout: 180_000 }, () => {
  test('refuses a second tickets subgraph without Redis', async () => {
    const [replicaPort] = await freePorts(1);
    const script = runFederatedScript({ ETICKET_TICKETS_REPLICA_PORT: String(replicaPort), ETicket__Redis__Configuration: '' });
    await assert.rejects(script.ready);
    assert.equal((await script.exited).code, 2);
    assert.match(script.output(), /ETICKET_TICKETS_REPLICA_PORT needs ETicket__Redis__Configuration/);
  });

  test('passes Redis to both tickets processes, not to members, and a listing published on the second reaches a gateway subscriber', async () => {
    const redis = await startRedis();
    const dataDirectory = mkdtempSync(join(tmpdir(), 'eticket-federated-live-'));
    const channel = `eticket:e2e:${randomBytes(6).toString('hex')}`;
    const [gatewayPort, membersPort, ticketsPort, replicaPort] = await freePorts(4);
    const script = runFederatedScript({
      ETicket__DataDirectory: dataDirectory,
      ETICKET_GATEWAY_PORT: String(gatewayPort),
      ETICKET_MEMBERS_PORT: String(membersPort),
      ETICKET_TICKETS_PORT: String(ticketsPort),
      ETICKET_TICKETS_REPLICA_PORT: String(replicaPort),
      ETicket__Redis__Configuration: redis.address,
      ETicket__Redis__Channel: channel,
    });
    let client;
    let listings;
    try {
      await script.ready;
      assert.match(script.output(), /second tickets subgraph listening on http:\/\/127\.0\.0\.1:\d+\/graphql/);
      // Both tickets processes listen on the channel; the members subgraph does not.
      assert.deepEqual(await redis.cli('PUBSUB', 'NUMSUB', channel), [channel, 2]);

      const gateway = `http://127.0.0.1:${gatewayPort}/graphql`;
      const seller = await signIn(gateway, '13800000231', '老周');
      client = gatewayClient(`ws://127.0.0.1:${gatewayPort}/graphql`);
      listings = live(client, 'subscription { listingPublished { title seller { nickname } } }');
      const replica = `http://127.0.0.1:${replicaPort}/graphql`;
      const heard = await untilLive(listings, (attempt) => publish(replica, seller.token, concert(`on the second ${attempt}`, `REPLICA-${attempt}`)));
      assert.match(heard.data.listingPublished.title, /^on the second /);
      assert.deepEqual(heard.data.listingPublished.seller, { nickname: '老周' });
    } finally {
      listings?.dispose();
      await client?.dispose();
      const { code, signal } = await script.stop();
      await redis.stop();
      rmSync(dataDirectory, { recursive: true, force: true });
      assert.deepEqual({ code, signal }, { code: 0, signal: null }, script.output());
    }
  });
});

