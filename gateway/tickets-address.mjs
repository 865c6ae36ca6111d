// Where the routes the tickets subgraph serves beside GraphQL are (WeChat Pay's notifications,
// pictures): next to its GraphQL address, from ETICKET_TICKETS_URL or the supergraph.
import { readFileSync } from 'node:fs';

/** The tickets subgraph's address for `path`. */
export function ticketsUrl(path, ticketsGraphqlUrl, supergraphPath) {
  const graphql = ticketsGraphqlUrl
    ?? /@join__graph\(name:\s*"tickets",\s*url:\s*"([^"]+)"\)/.exec(readFileSync(supergraphPath, 'utf8'))?.[1];
  if (!graphql) throw new Error('The tickets subgraph has no address: set ETICKET_TICKETS_URL.');
  return new URL(path, graphql).toString();
}
