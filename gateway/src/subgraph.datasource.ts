import { RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from './gateway.server';

type SubgraphResponse = Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0];

/** Codes a subgraph answers for the client's own mistakes; anything else stays an internal error. */
const CLIENT_CODES = new Set(['BAD_USER_INPUT', 'FORBIDDEN', 'UNAUTHENTICATED', 'NOT_FOUND', 'CONFLICT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST']);

interface SubgraphError {
  message?: unknown;
  extensions?: { code?: unknown; field?: unknown };
}

/**
 * A subgraph answers a request it refuses as a whole (its validation, its token check) with
 * HTTP 4xx. Apollo's data source turns any non-2xx into "400: Bad Request" carrying the
 * subgraph's URL and body, which the client would see as an internal error; this relays the
 * subgraph's own client error instead (message, code and field), and nothing else of it.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override async errorFromResponse(response: SubgraphResponse): Promise<GraphQLError> {
    if (response.status >= 400 && response.status < 500) {
      const body = (await response.clone().json().catch(() => undefined)) as { errors?: SubgraphError[] } | undefined;
      const first = body?.errors?.[0];
      const code = first?.extensions?.code;
      if (first && typeof first.message === 'string' && typeof code === 'string' && CLIENT_CODES.has(code)) {
        const field = first.extensions?.field;
        return new GraphQLError(first.message, { extensions: { code, ...(typeof field === 'string' ? { field } : {}) } });
      }
    }
    return super.errorFromResponse(response);
  }
}
