import { answerHelp } from './cli.usage';
import { composeSupergraph, SERVICES, SUPERGRAPH_FILE } from '@kesos/gateway';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const USAGE = `Usage: npm run compose

Writes each subgraph's schema.graphql and the gateway's supergraph.graphql from the subgraphs'
code (commit them after a schema change).

Options:
  --help   this text
`;
answerHelp(USAGE);

/** `npm run compose`: prints each subgraph's schema.graphql and the gateway's supergraph.graphql. */
export const schemaFile = (service: string): string =>
  join(__dirname, '..', '..', 'services', service, 'schema.graphql');

async function main(): Promise<void> {
  const graph = await composeSupergraph(SERVICES);
  for (const s of graph.subgraphs) writeFileSync(schemaFile(s.name), s.sdl + '\n');
  writeFileSync(SUPERGRAPH_FILE, graph.supergraphSdl + '\n');
  process.stdout.write(`composed ${graph.subgraphs.map((s) => s.name).join(', ')} into ${SUPERGRAPH_FILE}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(1);
});
