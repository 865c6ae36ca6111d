// The benchmark's yardstick, not a deployment (bench/ETicket.Bench/GatewayFloor.cs): Hive Gateway on
// the router runtime with nothing of ETicket's, no plugins, no upstream timeout. It forwards the
// client's X-Forwarded-For, as gateway.config.mjs does, so identical requests from different clients
// are not merged in flight. What it costs per request is what any gateway configuration costs at least.
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@graphql-hive/gateway';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';

export const gatewayConfig = defineConfig({
  unifiedGraphHandler,
  supergraph: fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url)),
  transportEntries: {
    members: { location: process.env.ETICKET_MEMBERS_URL },
    tickets: { location: process.env.ETICKET_TICKETS_URL },
  },
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => ({ 'x-forwarded-for': request.headers.get('x-forwarded-for') ?? undefined }),
  },
  graphiql: false,
  landingPage: false,
});
