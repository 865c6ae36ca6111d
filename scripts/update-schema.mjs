// Writes the schemas the code serves into schema/: both subgraphs' SDL verbatim and the all-in-one
// schema, sorted. Run through ./scripts/update-schema.sh, which builds first and composes after.
import { startPlatforms } from '../tests/e2e/lib/platform.mjs';
import { fetchIntrospectedSdl, fetchSubgraphSdl, schemaFiles, schemaPath, writeSchemaFile } from '../gateway/schema-tools.mjs';

const [members, tickets, allInOne] = await startPlatforms([{ role: 'Members' }, { role: 'Tickets' }, { role: 'AllInOne' }]);
try {
  const served = {
    [schemaFiles.members]: await fetchSubgraphSdl(members.graphql),
    [schemaFiles.tickets]: await fetchSubgraphSdl(tickets.graphql),
    [schemaFiles.allInOne]: await fetchIntrospectedSdl(allInOne.graphql),
  };
  for (const [file, sdl] of Object.entries(served)) {
    writeSchemaFile(file, sdl);
    console.log(`Wrote ${schemaPath(file)}`);
  }
} finally {
  await Promise.all([members, tickets, allInOne].map((platform) => platform.stop()));
}
