// The committed schema files (schema/) are what the code serves, the committed supergraph is what
// composition makes of them, and the all-in-one host serves the same API as the gateway.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { startPlatforms } from './lib/platform.mjs';
import { lineDiff } from './lib/text-diff.mjs';
import {
  composeSupergraph,
  fetchIntrospectedSdl,
  fetchSubgraphSdl,
  publicApiOf,
  readSchemaFile,
  schemaFiles,
  schemaPath,
} from '../../gateway/schema-tools.mjs';

const update = 'Run ./scripts/update-schema.sh and commit what changes in schema/.';

function committed(file) {
  return existsSync(schemaPath(file)) ? readSchemaFile(file) : '';
}

function assertCommitted(file, actual, source) {
  const diff = lineDiff(committed(file), actual, { expectedName: `schema/${file}`, actualName: source });
  if (diff) assert.fail(`schema/${file} is not ${source}. ${update}\n${diff}`);
}

describe('committed schema files', () => {
  const served = {};

  before(async () => {
    const [members, tickets, allInOne] = await startPlatforms([{ role: 'Members' }, { role: 'Tickets' }, { role: 'AllInOne' }]);
    try {
      served.members = await fetchSubgraphSdl(members.graphql);
      served.tickets = await fetchSubgraphSdl(tickets.graphql);
      served.allInOne = await fetchIntrospectedSdl(allInOne.graphql);
    } finally {
      await Promise.all([members, tickets, allInOne].map((platform) => platform.stop()));
    }
  });

  test('schema/members.graphql is the SDL the members subgraph serves', () => {
    assertCommitted(schemaFiles.members, served.members, 'what the members subgraph serves');
  });

  test('schema/tickets.graphql is the SDL the tickets subgraph serves', () => {
    assertCommitted(schemaFiles.tickets, served.tickets, 'what the tickets subgraph serves');
  });

  test('schema/all-in-one.graphql is the schema the all-in-one host serves', () => {
    assertCommitted(schemaFiles.allInOne, served.allInOne, 'what the all-in-one host serves');
  });

  test('schema/supergraph.graphql is composed from the committed subgraph SDL', () => {
    const composed = composeSupergraph({
      members: committed(schemaFiles.members),
      tickets: committed(schemaFiles.tickets),
    });
    assertCommitted(schemaFiles.supergraph, composed, 'what composition makes of the committed subgraph SDL');
  });

  test('the all-in-one host serves the public API of the supergraph the gateway serves', () => {
    const diff = lineDiff(publicApiOf(committed(schemaFiles.supergraph)), served.allInOne, {
      expectedName: 'public API of schema/supergraph.graphql (the gateway)',
      actualName: 'what the all-in-one host serves',
    });
    if (diff) assert.fail('The all-in-one and federated deployments serve different APIs. If schema/ is only stale, '
      + `${update} Otherwise the modules contribute different fields in the two modes: fix src/Graph.\n${diff}`);
  });
});
