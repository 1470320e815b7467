import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse } from 'graphql';

/**
 * The contract's files, the same the contract tests run. Resolved from the package root, which is
 * one level above both src (tests) and dist (the built gateway and the Docker image, which copies them).
 */
export const CONTRACT_FILES = ['operations.graphql', 'analytics.graphql'].map((file) =>
  join(__dirname, '..', 'test', 'contract', file),
);

/** One ready tab of the explorer (GraphiQL's TabDefinition; headers come from the shared token). */
export interface ExplorerTab {
  query: string;
  variables: string;
}

/** Values the seed data answers for: BBPPKS Padang's report year and the years of its budget history. */
export const EXAMPLE_VARIABLES: Readonly<Record<string, unknown>> = {
  unit: 'BBPPKS-PADANG',
  year: 2022,
  from: 2018,
  to: 2022,
};

/**
 * One tab per operation, in file order: its text with the comments above it (the first also gets
 * its file's header, the last what follows it), and variables filled in from EXAMPLE_VARIABLES.
 */
export function tabsFromDocument(source: string): ExplorerTab[] {
  const operations = parse(source).definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  let start = 0;
  return operations.map((operation, i) => {
    const end = i === operations.length - 1 ? source.length : (operation.loc?.end ?? source.length);
    const query = `${source.slice(start, end).trim()}\n`;
    start = end;
    const variables = Object.fromEntries(
      (operation.variableDefinitions ?? [])
        .map((v) => v.variable.name.value)
        .filter((name) => name in EXAMPLE_VARIABLES)
        .map((name) => [name, EXAMPLE_VARIABLES[name]]),
    );
    return { query, variables: JSON.stringify(variables, null, 2) };
  });
}

/** Every operation of the contract's files (the explorer reads them once, for its first page). */
export const explorerTabs = (files: string[] = CONTRACT_FILES): ExplorerTab[] =>
  files.flatMap((file) => tabsFromDocument(readFileSync(file, 'utf8')));
