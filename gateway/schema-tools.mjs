// Fetching, printing and composing the platform's schemas. compose.mjs, scripts/update-schema.mjs
// and the end-to-end tests all use these functions, so the committed files and the checks agree
// byte for byte. Everything returns SDL text: callers may use their own copy of graphql-js.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  buildASTSchema,
  buildClientSchema,
  getIntrospectionQuery,
  lexicographicSortSchema,
  parse,
  printSchema,
} from 'graphql';
import { composeServices, transformSupergraphToPublicSchema } from '@theguild/federation-composition';

/** The committed schema files, relative to schema/. */
export const schemaFiles = {
  members: 'members.graphql',
  tickets: 'tickets.graphql',
  allInOne: 'all-in-one.graphql',
  supergraph: 'supergraph.graphql',
};

// The addresses composed into the committed supergraph: what scripts/federated.sh uses by default.
// The gateway can point elsewhere at run time (ETICKET_MEMBERS_URL, ETICKET_TICKETS_URL).
const defaultSubgraphUrls = {
  members: 'http://127.0.0.1:5101/graphql',
  tickets: 'http://127.0.0.1:5102/graphql',
};

const schemaDirectory = new URL('../schema/', import.meta.url);

export const schemaPath = (file) => fileURLToPath(new URL(file, schemaDirectory));
export const readSchemaFile = (file) => readFileSync(schemaPath(file), 'utf8');
export const writeSchemaFile = (file, text) => writeFileSync(schemaPath(file), text);

async function query(endpoint, document) {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query: document }),
  });
  const body = await response.json();
  if (!response.ok || body.errors) throw new Error(`${endpoint} answered ${response.status}: ${JSON.stringify(body)}`);
  return body.data;
}

/** A subgraph's SDL exactly as it serves it in `_service { sdl }`. */
export async function fetchSubgraphSdl(endpoint) {
  return (await query(endpoint, '{ _service { sdl } }'))._service.sdl;
}

/** Sorted SDL, descriptions included, of a schema read through introspection (the all-in-one host). */
export async function fetchIntrospectedSdl(endpoint) {
  return printSorted(buildClientSchema(await query(endpoint, getIntrospectionQuery())));
}

/**
 * The supergraph SDL composed from the two subgraphs' SDL (default subgraph addresses).
 * Throws with every composition error listed.
 */
export function composeSupergraph({ members, tickets }) {
  const result = composeServices([
    { name: 'members', url: defaultSubgraphUrls.members, typeDefs: parse(members) },
    { name: 'tickets', url: defaultSubgraphUrls.tickets, typeDefs: parse(tickets) },
  ]);
  if (result.errors) {
    const errors = result.errors.map((error) => `  - ${error.message}`).join('\n');
    throw new Error(`The subgraphs do not compose:\n${errors}`);
  }
  return `${result.supergraphSdl}\n`;
}

/** The API a gateway serves from this supergraph, without the federation plumbing; sorted SDL. */
export function publicApiOf(supergraphSdl) {
  return printSorted(buildASTSchema(transformSupergraphToPublicSchema(parse(supergraphSdl))));
}

function printSorted(schema) {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
