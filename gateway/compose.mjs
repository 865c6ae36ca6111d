// Composes the committed subgraph SDL (schema/members.graphql, schema/tickets.graphql) into
// schema/supergraph.graphql, the file Hive Gateway serves. Run: npm run compose (in gateway/).
// scripts/update-schema.sh runs it after refreshing the subgraph SDL from the code.
import { composeSupergraph, readSchemaFile, schemaFiles, schemaPath, writeSchemaFile } from './schema-tools.mjs';

try {
  const supergraph = composeSupergraph({
    members: readSchemaFile(schemaFiles.members),
    tickets: readSchemaFile(schemaFiles.tickets),
  });
  writeSchemaFile(schemaFiles.supergraph, supergraph);
  console.log(`Wrote ${schemaPath(schemaFiles.supergraph)}`);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
