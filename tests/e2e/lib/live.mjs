// What the federated e2e suites share: mutations by name, graphql-ws clients of the gateway, and a
// subscription's results as a queue.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { post } from './platform.mjs';

// A concert needs a city, a venue and a start in the future.
export const concert = (title, ticketCode, city = '上海') => ({
  category: 'CONCERT', title, faceValue: '380', price: '360', ticketCode,
  city, venue: '梅赛德斯奔驰文化中心', startsAt: new Date(Date.now() + 90 * 24 * 3600 * 1000).toISOString(),
});

export async function mutate(endpoint, token, field, input, selection) {
  const type = `${field[0].toUpperCase()}${field.slice(1)}Input`;
  const { body } = await post(endpoint, `mutation($input: ${type}!) { ${field}(input: $input) { ${selection} errors { code message } } }`,
    { token, variables: { input } });
  const payload = body.data?.[field];
  if (!payload || payload.errors.length) throw new Error(`${field} failed: ${JSON.stringify(body)}`);
  return payload;
}

export const publish = async (endpoint, token, input) => (await mutate(endpoint, token, 'publishListing', input, 'listing { id }')).listing.id;
export const purchase = async (endpoint, token, listingId) => (await mutate(endpoint, token, 'purchaseListing', { listingId }, 'order { id }')).order.id;
export const pay = (endpoint, token, orderId) => mutate(endpoint, token, 'payOrder', { orderId }, 'order { id }');

/** A graphql-ws client of the gateway; the token goes in connection_init's payload, as browsers must send it. */
export function gatewayClient(url, token) {
  return createClient({
    url,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: token ? { authorization: `Bearer ${token}` } : undefined,
  });
}

/**
 * One subscription's results as a queue: next(ms) resolves with the next result, or undefined when
 * none came within ms; it throws once the server ended the stream with errors.
 */
export function live(client, query) {
  const results = [];
  let ended = null;
  let wake = () => {};
  const dispose = client.subscribe({ query }, {
    next: (result) => { results.push(result); wake(); },
    error: (error) => { ended = { error }; wake(); },
    complete: () => { ended = { complete: true }; wake(); },
  });
  return {
    dispose,
    /** How the stream ended: { error } or { complete }, or null while it runs. */
    ended: () => ended,
    async next(ms) {
      const deadline = Date.now() + ms;
      while (!results.length) {
        if (ended) throw new Error(`the subscription ended: ${describeEnd(ended)}`);
        const remaining = deadline - Date.now();
        if (remaining <= 0) return undefined;
        await new Promise((resolve) => {
          const timer = setTimeout(resolve, remaining);
          wake = () => { clearTimeout(timer); resolve(); };
        });
      }
      return results.shift();
    },
    /** Resolves with how the stream ended, waiting up to ms. */
    async end(ms) {
      const deadline = Date.now() + ms;
      while (!ended && Date.now() < deadline)
        await new Promise((resolve) => { const timer = setTimeout(resolve, 50); wake = () => { clearTimeout(timer); resolve(); }; });
      return ended;
    },
  };
}

function describeEnd(ended) {
  if (ended.complete) return 'completed';
  const { error } = ended;
  if (Array.isArray(error)) return JSON.stringify(error);
  return error?.code ? `closed ${error.code} ${error.reason ?? ''}` : String(error);
}

/**
 * A subscription through the gateway is live once the subgraph has started it, which no message
 * tells: trigger an event, wait a little for it, and repeat until one arrives. Returns that result.
 */
export async function untilLive(subscription, trigger) {
  for (let attempt = 1; attempt <= 30; attempt++) {
    await trigger(attempt);
    const result = await subscription.next(1500);
    if (result) return result;
  }
  throw new Error('no event reached the subscription after 30 attempts');
}
