import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Caller, ConfigReader, Role } from '@kesos/infra';
import type { ArgumentNode, FragmentDefinitionNode, OperationDefinitionNode, SelectionNode } from 'graphql';
import { GraphQLError, Kind } from 'graphql';

/**
 * What a query may cost per role. Clerks (viewer, operator) and tokenless callers keep the limit
 * their screens need; analysts and admins read every unit at once and get more room.
 */
export type CostLimits = Readonly<Record<Role, number>>;

export const DEFAULT_COST_LIMITS: CostLimits = {
  public: 5000,
  viewer: 5000,
  operator: 5000,
  analyst: 50000,
  admin: 50000,
};

/** Cost of a `*Stats` field itself: one grouped query in its subgraph, however many rows it answers. */
export const STATS_FIELD_COST = 10;

/** Fields that answer a whole statistics table from one query: every root or nested field named `...Stats`. */
export const isStatsField = (name: string): boolean => /^[a-z][A-Za-z0-9]*Stats$/.test(name);

/**
 * The same weights as graphql-armor's cost limit, so the cost of every clerk's query is what it
 * was: an object 2, a scalar 1, each level deeper 1.5 times, and a list field's subtree times its
 * `first`/`last`. One exception: a statistics field (`trainingStats`, `budgetStats`, ...) costs
 * STATS_FIELD_COST plus one row of its selection, because its rows come from one grouped query
 * (`first` only cuts that table), not from one fetch per row.
 */
const OBJECT_COST = 2;
const SCALAR_COST = 1;
const DEPTH_FACTOR = 1.5;

export function operationCost(
  operation: OperationDefinitionNode,
  fragments: Readonly<Record<string, FragmentDefinitionNode | undefined>>,
  variables: Readonly<Record<string, unknown>> = {},
): number {
  const cost = (node: SelectionNode, seen: ReadonlySet<string>): number => {
    if (node.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = fragments[node.name.value];
      // Validation refuses fragment cycles before this runs; the guard only keeps the walk finite.
      if (!fragment || seen.has(node.name.value)) return SCALAR_COST;
      const inner = new Set(seen).add(node.name.value);
      return (
        SCALAR_COST +
        DEPTH_FACTOR * (OBJECT_COST + DEPTH_FACTOR * selectionsCost(fragment.selectionSet.selections, inner))
      );
    }
    if (node.kind === Kind.FIELD && node.name.value === '__schema') return 0;
    if (!node.selectionSet) return SCALAR_COST;
    const children = OBJECT_COST + DEPTH_FACTOR * selectionsCost(node.selectionSet.selections, seen);
    if (node.kind !== Kind.FIELD) return children;
    if (isStatsField(node.name.value)) return STATS_FIELD_COST + children;
    return children * pageSize(node.arguments ?? [], variables);
  };
  const selectionsCost = (selections: readonly SelectionNode[], seen: ReadonlySet<string>): number =>
    selections.reduce((sum, s) => sum + cost(s, seen), 0);
  return Math.round(selectionsCost(operation.selectionSet.selections, new Set()));
}

/**
 * `first` or `last` multiplies the subtree, given as a literal or, unlike graphql-armor (which
 * counted a variable as 1), as a variable: `first: $n` costs what `first: 200` does.
 */
function pageSize(args: readonly ArgumentNode[], variables: Readonly<Record<string, unknown>>): number {
  const arg = args.find((a) => a.name.value === 'first' || a.name.value === 'last');
  let size: unknown = null;
  if (arg?.value.kind === Kind.INT) size = parseInt(arg.value.value, 10);
  else if (arg?.value.kind === Kind.VARIABLE) size = variables[arg.value.name.value];
  return typeof size === 'number' && Number.isFinite(size) ? Math.max(1, Math.floor(size)) : 1;
}

const ROLE_NAMES: Record<Role, string> = {
  public: 'a request without a token',
  viewer: 'a viewer',
  operator: 'an operator',
  analyst: 'an analyst',
  admin: 'an admin',
};

/** The refusal: names the cost, the caller's limit and what to do instead. HTTP 400, like the other query limits. */
export function costRefusal(cost: number, role: Role, limits: CostLimits): GraphQLError {
  const n = (v: number) => v.toLocaleString('en-US');
  const higher = (['analyst', 'admin'] as const).filter((r) => limits[r] > limits[role]);
  const advice = [
    'use a statistics field (trainingStats, budgetStats, indicatorStats, surveyStats), which counts as one query whatever its rows',
    'or ask for fewer rows per list (a smaller `first`) and fewer nested lists',
    'or split the query into several requests',
  ];
  const more = higher.length ? ` (${higher.join(' and ')} tokens may spend up to ${n(limits[higher[0]])})` : '';
  return new GraphQLError(
    `Query cost limit exceeded: this query costs ${n(cost)}, over the limit of ${n(limits[role])} for ${ROLE_NAMES[role]}; ${advice.join(', ')}${more}.`,
    {
      extensions: {
        code: 'GRAPHQL_VALIDATION_FAILED',
        limit: 'cost',
        cost,
        maxCost: limits[role],
        role,
        http: { status: 400 },
      },
    },
  );
}

/**
 * Refuses, before anything executes, an operation that costs more than the caller's role may
 * spend. A plugin, not a validation rule: Apollo caches validation per document, and the limit
 * depends on who asks.
 */
export function costLimitPlugin<C extends BaseContext & { caller: Caller }>(limits: CostLimits): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document, request }) {
          if (!operation) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
          const cost = operationCost(operation, fragments, request.variables ?? {});
          const role = contextValue.caller.role;
          if (cost > limits[role]) throw costRefusal(cost, role, limits);
        },
      };
    },
  };
}

/** QUERY_COST_LIMIT_<ROLE> overrides a role's limit; tokenless requests share the viewer's. */
export function readCostLimits(reader: ConfigReader): CostLimits {
  const viewer = reader.int('QUERY_COST_LIMIT_VIEWER', DEFAULT_COST_LIMITS.viewer, 1);
  return {
    public: viewer,
    viewer,
    operator: reader.int('QUERY_COST_LIMIT_OPERATOR', DEFAULT_COST_LIMITS.operator, 1),
    analyst: reader.int('QUERY_COST_LIMIT_ANALYST', DEFAULT_COST_LIMITS.analyst, 1),
    admin: reader.int('QUERY_COST_LIMIT_ADMIN', DEFAULT_COST_LIMITS.admin, 1),
  };
}
