// Subscriptions, queries and mutations through the reference clients, against the platform binary:
// graphql-ws over WebSocket (subprotocol graphql-transport-ws) and graphql-sse over Server-Sent
// Events (distinct connections mode). Events come from mutations sent over plain HTTP.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createClient as createWsClient } from 'graphql-ws';
import { createClient as createSseClient } from 'graphql-sse';
import WebSocket from 'ws';
import { post, signIn, startPlatform } from './lib/platform.mjs';

const publishListing = `mutation($input: PublishListingInput!) {
  publishListing(input: $input) { listing { id title seller { id } } errors { code message } }
}`;
const listingPublished = `subscription($city: String) {
  listingPublished(city: $city) { id title city seller { nickname } }
}`;

const uniqueCity = () => `E2E-${randomUUID().slice(0, 8)}`;

function concert(city) {
  return {
    category: 'CONCERT',
    title: `E2E concert ${randomUUID().slice(0, 8)}`,
    faceValue: '100',
    price: '100',
    ticketCode: `E2E-${randomUUID()}`,
    city,
    venue: 'Stadium',
    startsAt: new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString(),
  };
}

async function publish(platform, seller, city) {
  const { body } = await post(platform.graphql, publishListing, { token: seller.token, variables: { input: concert(city) } });
  assert.deepEqual(body.data?.publishListing?.errors, [], JSON.stringify(body));
  return body.data.publishListing.listing;
}

/** Consumes an async iterable in the background; take(ms) returns the next value, or undefined on timeout or end. */
function collect(iterable) {
  const values = [];
  let wake = () => {};
  let done = false;
  let failure;
  (async () => {
    try {
      for await (const value of iterable) { values.push(value); wake(); }
    } catch (error) {
      failure = error;
    } finally {
      done = true;
      wake();
    }
  })();
  return {
    get failure() { return failure; },
    async take(ms = 10_000) {
      const deadline = Date.now() + ms;
      while (!values.length) {
        if (failure) throw failure;
        if (done || Date.now() >= deadline) return undefined;
        await new Promise((resolve) => {
          const timer = setTimeout(resolve, deadline - Date.now());
          wake = () => { clearTimeout(timer); resolve(); };
        });
      }
      return values.shift();
    },
    /** Resolves once the iterable has ended (or failed). */
    async ended(ms = 10_000) {
      const deadline = Date.now() + ms;
      while (!done && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      return done;
    },
  };
}

/**
 * A subscription is live a moment after the client subscribed (the protocols have no "subscribed"
 * message): publish listings in the subscription's city until one arrives.
 */
async function publishUntilSeen(platform, seller, city, results) {
  for (let attempt = 0; attempt < 30; attempt++) {
    await publish(platform, seller, city);
    const result = await results.take(500);
    if (result) return result;
  }
  throw new Error(`no event reached the subscription${results.failure ? `: ${results.failure}` : ''}`);
}

/** The next result whose listing has `title`, skipping listings published while waiting for the subscription. */
async function listingTitled(results, title) {
  for (;;) {
    const result = await results.take();
    assert.ok(result, `no event for "${title}"`);
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    if (result.data.listingPublished.title === title) return result.data.listingPublished;
  }
}

/** All results of a single-result operation. */
async function all(iterable) {
  const results = [];
  for await (const result of iterable) results.push(result);
  return results;
}

describe('subscriptions through the reference clients', () => {
  let platform;
  let wsUrl;
  let seller;
  const clients = [];
  const wsClient = (options = {}) => {
    const client = createWsClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, ...options });
    clients.push(client);
    return client;
  };
  const sseClient = (options = {}) => {
    const client = createSseClient({ url: platform.graphql, retryAttempts: 0, ...options });
    clients.push(client);
    return client;
  };

  before(async () => {
    platform = await startPlatform();
    wsUrl = platform.graphql.replace(/^http/, 'ws');
    seller = await signIn(platform.graphql, '13900000001', '前排卖家');
  });
  after(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await platform?.stop();
  });

  test('graphql-ws: a subscription receives a listing published over HTTP, with its seller', async () => {
    const city = uniqueCity();
    const results = collect(wsClient().iterate({ query: listingPublished, variables: { city } }));
    await publishUntilSeen(platform, seller, city, results);

    const published = await publish(platform, seller, city);

    const received = await listingTitled(results, published.title);
    assert.deepEqual(received, { id: published.id, title: published.title, city, seller: { nickname: '前排卖家' } });
  });

  test('graphql-ws: a query and a mutation answer once, as the member of connectionParams', async () => {
    const member = await signIn(platform.graphql, '13900000002', 'Socket member');
    const client = wsClient({ connectionParams: { authorization: `Bearer ${member.token}` } });

    assert.deepEqual(await all(client.iterate({ query: '{ me { id nickname } }' })),
      [{ data: { me: { id: member.id, nickname: 'Socket member' } } }]);
    const [published] = await all(client.iterate({ query: publishListing, variables: { input: concert(uniqueCity()) } }));
    assert.deepEqual(published.data.publishListing.errors, []);
    assert.equal(published.data.publishListing.listing.seller.id, member.id);
  });

  test('graphql-ws: myOrderChanged reaches the buyer authenticated through connectionParams', async () => {
    const buyer = await signIn(platform.graphql, '13900000003', 'Buyer');
    const client = wsClient({ connectionParams: { authorization: `Bearer ${buyer.token}` } });
    const results = collect(client.iterate({ query: 'subscription { myOrderChanged { id status buyer { id } listing { id } } }' }));

    // Each purchase changes an order of the buyer's; buy until the subscription is live.
    const orders = new Map();
    let event;
    for (let attempt = 0; attempt < 20 && !event; attempt++) {
      const listing = await publish(platform, seller, uniqueCity());
      const { body } = await post(platform.graphql,
        'mutation($input: PurchaseListingInput!) { purchaseListing(input: $input) { order { id } errors { code message } } }',
        { token: buyer.token, variables: { input: { listingId: listing.id } } });
      assert.deepEqual(body.data.purchaseListing.errors, [], JSON.stringify(body));
      const orderId = body.data.purchaseListing.order.id;
      orders.set(orderId, listing.id);
      event = await results.take(500);
      // Cancel at once, so the buyer never reaches the limit of unpaid orders.
      await post(platform.graphql, 'mutation($input: CancelOrderInput!) { cancelOrder(input: $input) { errors { code } } }',
        { token: buyer.token, variables: { input: { orderId } } });
    }
    assert.ok(event, 'no order change reached the buyer');
    const order = event.data.myOrderChanged;
    assert.ok(orders.has(order.id), `an order of this buyer: ${JSON.stringify(order)}`);
    assert.equal(order.buyer.id, buyer.id);
    assert.equal(order.listing.id, orders.get(order.id));
  });

  test('graphql-ws: without a token myOrderChanged is refused with UNAUTHENTICATED', async () => {
    await assert.rejects(all(wsClient().iterate({ query: 'subscription { myOrderChanged { id } }' })), (errors) => {
      assert.ok(Array.isArray(errors), String(errors));
      assert.equal(errors[0].extensions.code, 'UNAUTHENTICATED');
      return true;
    });
  });

  test('graphql-ws: an invalid token closes the socket with 4403 Forbidden', async () => {
    const client = wsClient({ connectionParams: { authorization: 'Bearer not-a-token' } });
    await assert.rejects(all(client.iterate({ query: '{ __typename }' })), (closed) => {
      assert.equal(closed.code, 4403);
      assert.match(closed.reason, /^Forbidden/);
      return true;
    });
  });

  test('graphql-sse: a subscription receives a listing published over HTTP, with its seller', async () => {
    const city = uniqueCity();
    const results = collect(sseClient().iterate({ query: listingPublished, variables: { city } }));
    await publishUntilSeen(platform, seller, city, results);

    const published = await publish(platform, seller, city);

    const received = await listingTitled(results, published.title);
    assert.deepEqual(received, { id: published.id, title: published.title, city, seller: { nickname: '前排卖家' } });
  });

  test('graphql-sse: a query answers once, as the member of the Authorization header', async () => {
    const member = await signIn(platform.graphql, '13900000004', 'SSE member');
    const client = sseClient({ headers: { authorization: `Bearer ${member.token}` } });

    assert.deepEqual(await all(client.iterate({ query: '{ me { id } __typename }' })),
      [{ data: { me: { id: member.id }, __typename: 'Query' } }]);
  });

  test('graphql-sse: a document that does not validate comes back as errors, not as a network failure', async () => {
    const [result, ...rest] = await all(sseClient().iterate({ query: '{ noSuchField }' }));
    assert.deepEqual(rest, []);
    assert.equal(result.errors[0].extensions.code, 'BAD_USER_INPUT');
  });
});
