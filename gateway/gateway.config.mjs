// Hive Gateway for the federated deployment: serves schema/supergraph.graphql and routes to the
// members and tickets subgraphs. scripts/federated.sh starts it; see README.md.
import { fileURLToPath } from 'node:url';
import { getOperationAST, GraphQLError } from 'graphql';
import { defineConfig } from '@graphql-hive/gateway';
import { mapAsyncIterator } from '@whatwg-node/promise-helpers';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { sharedSubscriptions, subscriptionKey } from './shared-subscriptions.mjs';
import { tracing } from './telemetry.mjs';
import { notifyPath, usePaymentNotifications } from './payment-notifications.mjs';
import { usePictures, useUploadLimit } from './pictures.mjs';
import { ticketsUrl } from './tickets-address.mjs';

// Subgraph addresses for this run; without them the gateway uses those composed into the supergraph.
const subgraphLocations = {
  members: process.env.ETICKET_MEMBERS_URL,
  tickets: process.env.ETICKET_TICKETS_URL,
};

// The subgraphs' switch (ETicket:Query:Introspection, on in Development unless configured), so the
// gateway, which answers introspection itself, does not reveal what they would refuse.
const introspection = (process.env.ETicket__Query__Introspection
  ?? String(process.env.ASPNETCORE_ENVIRONMENT === 'Development')).toLowerCase() === 'true';

// How long a query or mutation waits for a subgraph before the client gets GATEWAY_TIMEOUT (504):
// a stopped or overloaded subgraph costs the client this long at most, never a hang. The subgraphs
// bound their own work below it (query limits, the database's command timeout). Subscriptions are
// long-lived by design and have none.
const upstreamTimeoutMs = Number(process.env.ETICKET_GATEWAY_UPSTREAM_TIMEOUT_MS ?? 10_000);

// An upload also waits its turn to be decoded and read (ETicket:Pictures:MaxConcurrentProcessing at
// once per process): a few seconds each for large pictures on a busy subgraph.
const uploadTimeoutMs = Math.max(upstreamTimeoutMs, 60_000);

// Subscriptions reach the tickets subgraph over GraphQL over WebSocket (graphql-transport-ws) at its
// /graphql, one upstream connection per distinct client token. The subgraph reads the member's
// token from connection_init's payload.authorization, as any graphql-ws client sends it.
const ticketsSubscriptions = {
  subscriptions: {
    kind: 'ws',
    location: '/graphql',
    options: { connectionParams: { authorization: '{context.eticketAuthorization}' } },
  },
};

const supergraph = fileURLToPath(new URL('../schema/supergraph.graphql', import.meta.url));

// WeChat Pay's notifications, passed to the tickets subgraph (payment-notifications.mjs).
const paymentNotifications = usePaymentNotifications({
  target: ticketsUrl(notifyPath, subgraphLocations.tickets, supergraph),
  timeoutMs: upstreamTimeoutMs,
});

// Ticket pictures, passed to the tickets subgraph (pictures.mjs).
const pictures = usePictures({ ticketsBase: ticketsUrl('/', subgraphLocations.tickets, supergraph), timeoutMs: upstreamTimeoutMs });
// Uploads are GraphQL multipart requests (docs/pictures.md), bounded as the subgraphs bound them (ETicket:Transport).
const uploadLimit = useUploadLimit({
  maxUploadFiles: Number(process.env.ETicket__Transport__MaxUploadFiles ?? 6),
  maxUploadFileBytes: Number(process.env.ETicket__Transport__MaxUploadFileBytes ?? 5_308_416),
});

// Trace context passed on to the subgraphs, and spans exported, when the environment asks (telemetry.mjs).
const openTelemetry = await tracing();

export const gatewayConfig = defineConfig({
  // Hive Router's query planner (Rust, a native addon) and its executor, instead of the default
  // JavaScript stitching runtime: about three times the throughput on the market page (docs/benchmarks.md).
  unifiedGraphHandler,
  supergraph,
  // File uploads (GraphQL multipart requests), forwarded to the subgraph as multipart requests.
  multipart: true,
  // Merged into the entries the supergraph names, so a subgraph without a location here keeps its composed one.
  transportEntries: {
    members: subgraphLocations.members ? { location: subgraphLocations.members } : {},
    tickets: { ...(subgraphLocations.tickets ? { location: subgraphLocations.tickets } : {}), options: ticketsSubscriptions },
  },
  // The subgraphs authenticate the member themselves, from the client's own credentials, and rate-limit
  // sign-ins by the client's address, which they believe from a trusted proxy (ETicket:Network:TrustedProxies).
  propagateHeaders: {
    fromClientToSubgraphs: ({ request, context }) => ({
      authorization: clientAuthorization(request, context),
      'x-forwarded-for': forwardedFor(request, context),
    }),
  },
  upstreamTimeout: ({ executionRequest }) => (operationOf(executionRequest) === 'subscription' ? undefined
    : carriesFiles(executionRequest.variables) ? uploadTimeoutMs : upstreamTimeoutMs),
  plugins: () => [paymentNotifications, pictures, uploadLimit, useClientAuthorization(), useSubgraphSubscriptions(), useWholeRequestRefusal(), useRouterRuntimeRepairs(), useUpstreamDetailsHidden()],
  ...(introspection ? {} : { disableIntrospection: { disableIf: () => true } }),
  ...(openTelemetry ? { openTelemetry } : {}),
  // Parsing is the gateway's own cost before any subgraph limit applies: refuse absurd documents
  // (the IDE's introspection query is under a thousand tokens). Depth and complexity are enforced
  // by the subgraphs, which own the data and its cost.
  maxTokens: 5000,
  // Both pages load scripts from public CDNs; the platform's IDE is served by the .NET host.
  graphiql: false,
  landingPage: false,
  // No usage reporting or registry: none is configured. Tracing exports only where OTEL_EXPORTER_OTLP_ENDPOINT points.
});

/**
 * X-Forwarded-For for the subgraphs: the chain the client sent, then the client's socket address,
 * as every proxy appends the peer it received the request from. The subgraphs read it from the
 * right and stop at the first address that is not a trusted proxy, so a client cannot make up its
 * own. `context.req` is the Node request the gateway serves.
 */
function forwardedFor(request, context) {
  const peer = context?.req?.socket?.remoteAddress;
  // Without the peer, the client's own header would be the last word: send none, and the subgraphs
  // count the gateway's address instead.
  if (!peer) return undefined;
  const chain = request.headers.get('x-forwarded-for');
  return chain ? `${chain}, ${peer}` : peer;
}

/**
 * The client's credentials, "Bearer <token>": its Authorization header, or, for a client on a
 * WebSocket (which browsers cannot give headers), the `authorization` entry of its connection_init
 * payload, matched ignoring case as the subgraphs match it. Undefined for anonymous clients.
 */
function clientAuthorization(request, context) {
  const header = request?.headers?.get('authorization');
  if (header) return header;
  const params = context?.connectionParams;
  if (params && typeof params === 'object') {
    for (const [name, value] of Object.entries(params))
      if (name.toLowerCase() === 'authorization' && typeof value === 'string' && value) return value;
  }
  return undefined;
}

/**
 * Puts the client's credentials where the tickets subgraph's WebSocket connectionParams read them
 * (`{context.eticketAuthorization}`): an empty value is left out of the payload, so anonymous
 * subscribers stay anonymous.
 */
function useClientAuthorization() {
  return {
    onContextBuilding: ({ context, extendContext }) => {
      extendContext({ eticketAuthorization: clientAuthorization(context?.request, context) ?? '' });
    },
  };
}

/**
 * Subscriptions on their way to a subgraph. Clients subscribing alike (same document, variables and
 * credentials) share one upstream subscription (shared-subscriptions.mjs).
 *
 * A subgraph refuses a subscription it cannot start (UNAUTHENTICATED for myOrderChanged without a
 * token, BAD_USER_INPUT for an unknown listing, LIVE_UPDATES_UNAVAILABLE) with a graphql-ws `error`
 * message, which the WebSocket executor throws as a bare array of errors, and credentials it does
 * not accept by closing the connection (4403 Forbidden, the reason saying why); the gateway would
 * mask either as "Unexpected error.". Passed on instead with their codes: one result with the
 * errors, then the end. Credentials are checked over HTTP before the upstream WebSocket opens:
 * graphql-ws clients retry a 4403 for about forty seconds before giving up, and an access token
 * expires every fifteen minutes.
 */
function useSubgraphSubscriptions() {
  const shareSubscription = sharedSubscriptions();
  return {
    onSubgraphExecute: ({ executionRequest, transportEntry, executor, setExecutor }) => {
      if (operationOf(executionRequest) !== 'subscription') return;
      setExecutor(async (request) => {
        const credentials = request.context?.eticketAuthorization;
        const refusal = await refusedCredentials(transportEntry?.location, credentials);
        if (refusal) return once({ errors: refusal });
        // Shared by every client subscribing alike, so no one client's disconnect (its signal) ends it.
        const result = await shareSubscription(subscriptionKey(transportEntry?.location, request, credentials),
          () => executor({ ...request, signal: undefined }));
        return result && typeof result[Symbol.asyncIterator] === 'function' ? withDataInEveryEvent(refusalsAsResults(result)) : result;
      });
    },
  };
}

/** 'query', 'mutation' or 'subscription': what a request to a subgraph is. */
/** Whether the request's variables hold a file (an upload): at the top, or in an input object or list one level down. */
function carriesFiles(variables) {
  // By shape: the server's File is the fetch ponyfill's, not always Node's own Blob.
  const isFile = (value) => typeof value?.arrayBuffer === 'function' && typeof value.size === 'number';
  return Object.values(variables ?? {}).some((value) => isFile(value)
    || (value && typeof value === 'object' && Object.values(value).some((inner) => isFile(inner) || (Array.isArray(inner) && inner.some(isFile)))));
}

function operationOf(executionRequest) {
  return executionRequest?.operationType
    ?? (executionRequest?.document ? getOperationAST(executionRequest.document, executionRequest.operationName)?.operation : undefined);
}

/**
 * The errors the subgraph refuses these credentials with, asked as HTTP would (a 401 for a request
 * whose Authorization does not authenticate); undefined when it accepts them or there are none.
 */
async function refusedCredentials(location, authorization) {
  if (!authorization || !location) return undefined;
  const response = await fetch(location, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  if (response.status !== 401) return undefined;
  const refusal = (await response.json().catch(() => undefined))?.errors?.[0];
  return [new GraphQLError(refusal?.message ?? 'The access token is invalid or expired.', { extensions: { code: 'UNAUTHENTICATED' } })];
}

/** A stream of one result. */
async function* once(result) {
  yield result;
}

/** The stream, with an upstream refusal turned into a last result carrying its errors. */
function refusalsAsResults(results) {
  const upstream = results[Symbol.asyncIterator]();
  let done = false;
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      if (done) return { done: true, value: undefined };
      try {
        return await upstream.next();
      } catch (error) {
        const errors = refusalErrors(error);
        if (!errors) throw error;
        done = true;
        return { done: false, value: { errors } };
      }
    },
    // Unsubscribing reaches the subgraph at once, not at its next event.
    return: async (value) => {
      done = true;
      return (await upstream.return?.(value)) ?? { done: true, value };
    },
    throw: (error) => upstream.throw?.(error) ?? Promise.reject(error),
  };
}

/** The GraphQL errors a subgraph refused a subscription with, or undefined for any other failure. */
function refusalErrors(error) {
  if (Array.isArray(error) && error.length && error.every((e) => typeof e?.message === 'string'))
    return error.map((e) => new GraphQLError(e.message, { path: e.path, extensions: e.extensions }));
  // The connection_init's credentials were refused: "Forbidden: <why>", as HTTP's 401 would say.
  if (error?.code === 4403 && typeof error.reason === 'string') {
    const reason = error.reason.replace(/^Forbidden:\s*/, '');
    const code = /^[A-Z][A-Z_]+(?=[,:\s]|$)/.exec(reason)?.[0] ?? 'UNAUTHENTICATED';
    return [new GraphQLError(reason, { extensions: { code } })];
  }
  return undefined;
}

/**
 * The contract refuses a request whose Authorization header does not authenticate as a whole:
 * HTTP 401 with one UNAUTHENTICATED error, as the all-in-one host answers. A subgraph refuses it
 * that way; without this plugin the gateway would merge the refusal into a 200 with partial data.
 */
function useWholeRequestRefusal() {
  const refusals = new WeakMap(); // client request -> the subgraph's WWW-Authenticate header
  return {
    onFetch: ({ context }) => ({ response }) => {
      if (response.status === 401 && context?.request)
        refusals.set(context.request, response.headers.get('www-authenticate'));
    },
    onExecutionResult: ({ request, result, setResult }) => {
      if (!refusals.has(request)) return;
      const refusal = result.errors?.find((error) => error.extensions?.code === 'UNAUTHENTICATED');
      const challenge = refusals.get(request);
      setResult({
        errors: [new GraphQLError(refusal?.message ?? 'The access token is invalid or expired.', {
          extensions: { code: 'UNAUTHENTICATED' },
        })],
        extensions: { http: { status: 401, headers: challenge ? { 'www-authenticate': challenge } : {} } },
      });
    },
  };
}

/**
 * Repairs two answers of the router runtime (@graphql-hive/router-runtime 1.4.23), so the gateway
 * answers as the all-in-one host does (docs/federation.md, "Known gateway issues"):
 * - An operation that ran and failed as a whole answers `data: null` beside its errors (GraphQL
 *   spec, "Response"); the runtime leaves `data` out when the subgraphs' data merged into nothing,
 *   e.g. a mutation whose non-null root field failed. Requests that never ran (parse or validation
 *   errors) keep no `data`: this hook sees executed operations only.
 * - A subscription's events each carry their own errors: the runtime keeps one list per
 *   subscription and repeats every error in every later event.
 */
function useRouterRuntimeRepairs() {
  return {
    onExecute: eachResult(() => {
      let delivered = 0; // of the subscription's errors, how many its events carried so far
      return (result, inStream) => {
        if (!inStream) return result.errors?.length && !('data' in result) ? { ...result, data: null } : undefined;
        const errors = result.errors ?? [];
        const seen = delivered;
        delivered = errors.length;
        if (seen === 0 || errors.length === 0) return undefined;
        const { errors: _, ...rest } = result;
        const fresh = errors.slice(seen);
        return fresh.length ? { ...rest, errors: fresh } : rest;
      };
    }),
  };
}

/**
 * Errors reach clients without the upstream request and response the gateway attaches to some of
 * them (e.g. GATEWAY_TIMEOUT): a request body can hold a ticket code or a token's claims.
 */
function useUpstreamDetailsHidden() {
  return {
    onExecute: eachResult(() => (result) =>
      result.errors?.some((error) => error.extensions?.request || error.extensions?.response)
        ? { ...result, errors: result.errors.map(withoutUpstreamDetails) }
        : undefined),
  };
}

function withoutUpstreamDetails(error) {
  const { request: _request, response: _response, ...extensions } = error.extensions ?? {};
  return new GraphQLError(error.message, {
    nodes: error.nodes, source: error.source, positions: error.positions, path: error.path, originalError: error.originalError, extensions,
  });
}

/**
 * An envelop `onExecute` hook that passes each result of an operation (its one result, or every
 * event of a subscription) through a function made per operation, which returns a replacement or
 * nothing.
 */
function eachResult(perOperation) {
  return () => ({
    onExecuteDone: ({ result, setResult }) => {
      if (!result) return undefined;
      const replace = perOperation();
      if (!(Symbol.asyncIterator in result)) {
        const replacement = replace(result, false);
        if (replacement) setResult(replacement);
        return undefined;
      }
      return {
        onNext: ({ result: event, setResult: setEvent }) => {
          const replacement = replace(event, true);
          if (replacement) setEvent(replacement);
        },
      };
    },
  });
}

/**
 * A subgraph's subscription events, each with a `data` object: the router runtime (1.4.23) answers
 * an event without data with the previous event's data (an error ending the stream would arrive
 * beside the last listing); with an empty one it answers the errors alone.
 */
function withDataInEveryEvent(events) {
  return mapAsyncIterator(events, (event) => (event?.data ? event : { ...event, data: {} }));
}
