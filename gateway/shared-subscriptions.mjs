// One upstream subscription per distinct subscription. Clients whose subscriptions reach a subgraph
// as the same document, variables and credentials share one: the subgraph sends each event once,
// and the gateway reads it once and hands it to each of them. (The subgraph already runs one
// execution per distinct subscription; this spares both sides a message per client per event.)
import { print } from 'graphql';

/** Events a client may fall behind by before its subscription ends with an error (it is not reading). */
const maxQueuedEvents = 1000;

/**
 * Returns subscribe(key, start): the events of the upstream subscription known by `key`, started
 * with `start()` (the subgraph executor) when no client holds one. A `start()` that answers a
 * single result (a refusal) is answered to the clients waiting for it and not kept.
 */
export function sharedSubscriptions() {
  const upstreams = new Map();
  return (key, start) => {
    let upstream = upstreams.get(key);
    if (!upstream) {
      upstream = openUpstream(start, () => {
        if (upstreams.get(key) === upstream) upstreams.delete(key);
      });
      upstreams.set(key, upstream);
    }
    return upstream.join();
  };
}

/** What makes two subgraph subscriptions the same: where, what, with which variables, as whom. */
export function subscriptionKey(location, request, credentials) {
  return JSON.stringify([location, printed(request.document), request.operationName ?? null, request.variables ?? null, credentials ?? '']);
}

const printedDocuments = new WeakMap();

function printed(document) {
  let text = printedDocuments.get(document);
  if (text === undefined) printedDocuments.set(document, (text = print(document)));
  return text;
}

function openUpstream(start, forget) {
  const subscribers = new Set();
  let iterator;
  let closed = false;
  const end = (how) => {
    closed = true;
    forget();
    for (const subscriber of subscribers) how(subscriber);
    subscribers.clear();
  };
  const pump = async () => {
    try {
      for (;;) {
        const step = await iterator.next();
        if (step.done) break;
        for (const subscriber of subscribers) subscriber.push(step.value);
      }
      end((subscriber) => subscriber.end());
    } catch (error) {
      end((subscriber) => subscriber.fail(error));
    }
  };
  const started = Promise.resolve().then(start).then((result) => {
    if (!result || typeof result[Symbol.asyncIterator] !== 'function') {
      forget();
      return { single: result };
    }
    iterator = result[Symbol.asyncIterator]();
    pump();
    return {};
  }, (error) => {
    forget();
    throw error;
  });
  return {
    async join() {
      const { single } = await started;
      if (single !== undefined) return single;
      if (closed) return ended();
      const subscriber = eventQueue(() => {
        subscribers.delete(subscriber);
        // The last client left: end the upstream subscription at once, not at its next event.
        if (subscribers.size === 0 && !closed) {
          closed = true;
          forget();
          iterator.return?.();
        }
      });
      subscribers.add(subscriber);
      return subscriber;
    },
  };
}

/** An async iterator fed by push(); `leave` runs once, when the client stops reading or the stream ends. */
function eventQueue(leave) {
  const queued = [];
  let waiting;
  let finished;
  let left = false;
  const once = () => {
    if (!left) {
      left = true;
      leave();
    }
  };
  const settle = () => {
    if (!waiting) return;
    const resolve = waiting;
    waiting = undefined;
    resolve();
  };
  const queue = {
    push(value) {
      if (finished) return;
      if (queued.length >= maxQueuedEvents) {
        queue.fail(new Error(`The client fell ${maxQueuedEvents} events behind; subscribe again.`));
        once();
        return;
      }
      queued.push(value);
      settle();
    },
    end() {
      finished ??= { done: true };
      settle();
    },
    fail(error) {
      finished ??= { error };
      settle();
    },
    async next() {
      while (!queued.length && !finished) await new Promise((resolve) => { waiting = resolve; });
      if (queued.length) return { done: false, value: queued.shift() };
      once();
      if (finished.error) throw finished.error;
      return { done: true, value: undefined };
    },
    async return(value) {
      finished ??= { done: true };
      queued.length = 0;
      settle();
      once();
      return { done: true, value };
    },
    async throw(error) {
      await queue.return();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return queue;
    },
  };
  return queue;
}

function ended() {
  return { [Symbol.asyncIterator]: () => ({ next: async () => ({ done: true, value: undefined }) }) };
}
