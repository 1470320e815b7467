import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { OperationDefinitionNode } from 'graphql';
import { Kind, parse } from 'graphql';
import { CONTRACT_FILES, EXAMPLE_VARIABLES, explorerTabs, tabsFromDocument } from '../src/explorer.tabs';

const ROOT = join(__dirname, '..', '..');

describe("explorer tabs: the contract's operations, ready to run", () => {
  const tabs = explorerTabs();

  it('offers every operation of both contract files, each tab one operation with its comments', () => {
    const operations = CONTRACT_FILES.flatMap((file) =>
      parse(readFileSync(file, 'utf8')).definitions.flatMap((d) =>
        d.kind === Kind.OPERATION_DEFINITION ? [d.name?.value] : [],
      ),
    );
    expect(operations.length).toBeGreaterThanOrEqual(13);
    const named = tabs.map((tab) => {
      const definitions = parse(tab.query).definitions;
      expect(definitions).toHaveLength(1);
      return (definitions[0] as OperationDefinitionNode).name?.value;
    });
    expect(named).toEqual(operations);
    // Nothing of the files is lost between the tabs, comments included.
    const text = (s: string) => s.replace(/\s+/g, ' ').trim();
    expect(text(tabs.map((t) => t.query).join('\n'))).toBe(
      text(CONTRACT_FILES.map((file) => readFileSync(file, 'utf8')).join('\n')),
    );
  });

  it('fills in every variable with a value the seed data answers', () => {
    for (const tab of tabs) {
      const operation = parse(tab.query).definitions[0] as OperationDefinitionNode;
      const names = (operation.variableDefinitions ?? []).map((v) => v.variable.name.value);
      const variables = JSON.parse(tab.variables) as Record<string, unknown>;
      expect(Object.keys(variables).sort()).toEqual([...names].sort());
      for (const name of names) expect(variables[name]).toEqual(EXAMPLE_VARIABLES[name]);
    }
  });

  it('leaves out a variable it has no value for, so GraphiQL names it instead of sending a wrong one', () => {
    const [tab] = tabsFromDocument('query Q($year: Int!, $nik: String!) { q(year: $year, nik: $nik) }');
    expect(JSON.parse(tab.variables)).toEqual({ year: 2022 });
  });

  it('reads files the Docker runtime image holds', () => {
    const runtime =
      readFileSync(join(ROOT, 'Dockerfile'), 'utf8')
        .split(/^FROM /m)
        .pop() ?? '';
    const copied = [...runtime.matchAll(/^COPY --from=build \/app\/(\S+) (\S+)$/gm)].map(([, from, to]) => ({
      from,
      to,
    }));
    for (const file of CONTRACT_FILES) {
      const path = relative(ROOT, file);
      expect(copied.some(({ from, to }) => path.startsWith(`${from}/`) && from === to)).toBe(true);
    }
  });
});
