// Hive Gateway for the federated deployment: serves schema/supergraph.graphql and routes to the
// members and tickets subgraphs. scripts/federated.sh starts it; see README.md.
import { fileURLToPath } from 'node:url';
import { GraphQLError } from 'graphql';
import { defineConfig } from '@graphql-hive/gateway';

// Subgraph addresses for this run; without them the gateway uses those composed into the supergraph.
const subgraphLocations = {
  members: process.env.ETICKET_MEMBERS_URL,
  tickets: process.env.ETICKET_TICKETS_URL,
};

// The subgraphs' switch (ETicket:Query:Introspection, on in Development unless configured), so the
// gateway, which answers introspection itself, does not reveal what they would refuse.
const introspection = (process.env.ETicket__Query__Introspection
  ?? String(process.env.ASPNETCORE_ENVIRONMENT === 'Development')).toLowerCase() === 'true';

export const gatewayConfig = defineConfig({
  supergraph: fileURLToPath(new URL('../schema/supergraph.graphql', import.meta.url)),
  transportEntries: Object.fromEntries(Object.entries(subgraphLocations)
    .filter(([, location]) => location)
    .map(([subgraph, location]) => [subgraph, { location }])),
  // The subgraphs authenticate the member themselves, from the client's own header, and rate-limit
  // sign-ins by the client's address, which they believe from a trusted proxy (ETicket:Network:TrustedProxies).
  propagateHeaders: {
    fromClientToSubgraphs: ({ request, context }) => ({
      authorization: request.headers.get('authorization'),
      'x-forwarded-for': forwardedFor(request, context),
    }),
  },
  plugins: () => [useWholeRequestRefusal()],
  ...(introspection ? {} : { disableIntrospection: { disableIf: () => true } }),
  // Parsing is the gateway's own cost before any subgraph limit applies: refuse absurd documents
  // (the IDE's introspection query is under a thousand tokens). Depth and complexity are enforced
  // by the subgraphs, which own the data and its cost.
  maxTokens: 5000,
  // Both pages load scripts from public CDNs; the platform's IDE is served by the .NET host.
  graphiql: false,
  landingPage: false,
  // No usage reporting, tracing or registry: none is configured, and nothing here calls outside hosts.
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
