// gateway/shared-subscriptions.mjs, the gateway's sharing of upstream subscriptions, against a
// scripted subgraph executor: one upstream subscription per key, every event to every client,
// the upstream ended when the last client leaves, refusals and failures passed to each client.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'graphql';
import { sharedSubscriptions, subscriptionKey } from '../../gateway/shared-subscriptions.mjs';

/** A subgraph subscription the test feeds: emit(event), finish(), fail(error); records whether it was returned. */
function scriptedUpstream() {
  const queued = [];
  let wake = () => {};
  let ended;
  const upstream = {
    returned: false,
    emit(value) { queued.push({ value }); wake(); },
    finish() { ended = { done: true }; wake(); },
    fail(error) { ended = { error }; wake(); },
    [Symbol.asyncIterator]() {
      return {
        next: async () => {
          while (!queued.length && !ended) await new Promise((resolve) => { wake = resolve; });
          if (queued.length) return { done: false, value: queued.shift().value };
          if (ended.error) throw ended.error;
          return { done: true, value: undefined };
        },
        return: async () => { upstream.returned = true; ended ??= { done: true }; wake(); return { done: true, value: undefined }; },
      };
    },
  };
  return upstream;
}

const request = (query, variables) => ({ document: parse(query), variables });
const listingPublished = 'subscription { listingPublished { title } }';
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('shared upstream subscriptions', () => {
  test('clients subscribing alike share one upstream subscription and each hear every event', async () => {
    const subscribe = sharedSubscriptions();
    const upstream = scriptedUpstream();
    let starts = 0;
    const start = () => { starts++; return upstream; };
    const key = subscriptionKey('http://tickets/graphql', request(listingPublished), '');
    const [a, b] = await Promise.all([subscribe(key, start), subscribe(key, start)]);
    // Parsed again, as each client's document is: still the same subscription.
    const c = await subscribe(subscriptionKey('http://tickets/graphql', request(listingPublished), ''), start);
    assert.equal(starts, 1);

    upstream.emit({ data: { listingPublished: { title: 'one' } } });
    upstream.emit({ data: { listingPublished: { title: 'two' } } });
    for (const client of [a, b, c]) {
      assert.equal((await client.next()).value.data.listingPublished.title, 'one');
      assert.equal((await client.next()).value.data.listingPublished.title, 'two');
    }

    await a.return();
    await b.return();
    assert.equal(upstream.returned, false, 'a client still listens');
    upstream.emit({ data: { listingPublished: { title: 'three' } } });
    assert.equal((await c.next()).value.data.listingPublished.title, 'three');
    await c.return();
    assert.equal(upstream.returned, true, 'the last client left');

    // The next client starts a new one.
    await subscribe(key, start);
    assert.equal(starts, 2);
  });

  test('different documents, variables or credentials are different subscriptions', async () => {
    const subscribe = sharedSubscriptions();
    let starts = 0;
    const start = () => { starts++; return scriptedUpstream(); };
    const keys = [
      subscriptionKey('http://tickets/graphql', request(listingPublished), ''),
      subscriptionKey('http://tickets/graphql', request('subscription { listingPublished { id } }'), ''),
      subscriptionKey('http://tickets/graphql', request('subscription($c: String) { listingPublished(city: $c) { title } }', { c: '上海' }), ''),
      subscriptionKey('http://tickets/graphql', request('subscription($c: String) { listingPublished(city: $c) { title } }', { c: '北京' }), ''),
      subscriptionKey('http://tickets/graphql', request(listingPublished), 'Bearer a'),
      subscriptionKey('http://tickets/graphql', request(listingPublished), 'Bearer b'),
    ];
    await Promise.all(keys.map((key) => subscribe(key, start)));
    assert.equal(starts, keys.length);
  });

  test('a refusal, an end and a failure reach every client', async () => {
    const subscribe = sharedSubscriptions();
    const key = subscriptionKey('http://tickets/graphql', request(listingPublished), '');
    const refusal = { errors: [{ message: 'no', extensions: { code: 'LIVE_UPDATES_UNAVAILABLE' } }] };
    assert.deepEqual(await Promise.all([subscribe(key, () => refusal), subscribe(key, () => refusal)]), [refusal, refusal]);

    const ending = scriptedUpstream();
    const [a, b] = await Promise.all([subscribe(key, () => ending), subscribe(key, () => ending)]);
    ending.emit({ errors: [{ message: 'interrupted' }] });
    ending.finish();
    for (const client of [a, b]) {
      assert.equal((await client.next()).value.errors[0].message, 'interrupted');
      assert.equal((await client.next()).done, true);
    }

    const failing = scriptedUpstream();
    const [c, d] = await Promise.all([subscribe(key, () => failing), subscribe(key, () => failing)]);
    failing.fail(new Error('socket closed'));
    for (const client of [c, d]) await assert.rejects(client.next(), /socket closed/);
  });

  test('a client that stops reading is ended once it falls 1,000 events behind; the others go on', async () => {
    const subscribe = sharedSubscriptions();
    const upstream = scriptedUpstream();
    const key = subscriptionKey('http://tickets/graphql', request(listingPublished), '');
    const [reading, stalled] = await Promise.all([subscribe(key, () => upstream), subscribe(key, () => upstream)]);
    for (let i = 0; i < 1001; i++) {
      upstream.emit({ data: { n: i } });
      await tick();
      assert.equal((await reading.next()).value.data.n, i);
    }
    for (let i = 0; i < 1000; i++) assert.equal((await stalled.next()).value.data.n, i);
    await assert.rejects(stalled.next(), /fell 1000 events behind/);
    upstream.emit({ data: { n: 'after' } });
    assert.equal((await reading.next()).value.data.n, 'after');
    assert.equal(upstream.returned, false);
  });
});
