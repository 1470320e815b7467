import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, Kind } from 'graphql';
import type { Logger } from 'pino';
import type { Caller } from '../auth/caller';
import { maskError, REFUSAL_STATUS, UnauthenticatedError, wholeRequestRefusal } from '../errors/app.errors';
import { metrics } from '../metrics/metrics.registry';
import type { AccessRecord } from './http.server';
import { ACCESS_RECORD } from './http.server';

interface LoggedContext extends BaseContext {
  requestId?: string;
  logger?: Logger;
}

/**
 * Logs every unexpected error with the request id and replaces it, in the response, by a
 * message that carries only that id: no stack traces or SQL reach a client.
 */
export function errorMaskingPlugin<C extends LoggedContext>(logger: Logger): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      const started = Date.now();
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            const code = typeof error.extensions?.code === 'string' ? error.extensions.code : '';
            const log = contextValue.logger ?? logger;
            if (!code || code === 'INTERNAL_SERVER_ERROR')
              log.error(
                { err: error.originalError ?? error, operationName, requestId: contextValue.requestId },
                'unexpected error',
              );
            else log.debug({ code, message: error.message, operationName }, 'request refused');
          }
        },
        async willSendResponse({ response, contextValue, operationName }) {
          if (response.body.kind === 'single' && response.body.singleResult.errors) {
            response.body.singleResult.errors = response.body.singleResult.errors.map((e) =>
              maskError(e, contextValue.requestId),
            );
          }
          (contextValue.logger ?? logger).debug({ operationName, ms: Date.now() - started }, 'request done');
        },
      };
    },
  };
}

/**
 * Defence in depth for tokenless requests: the gateway lets them through only for public root
 * fields, and each subgraph checks the same again before executing anything.
 */
export function publicAccessPlugin<C extends BaseContext & { caller: Caller }>(
  publicRootFields: string[],
): ApolloServerPlugin<C> {
  const allowed = new Set(publicRootFields);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation }) {
          if (contextValue.caller.role !== 'public') return;
          const fields = (operation?.selectionSet.selections ?? []).map((s) =>
            s.kind === 'Field' ? s.name.value : '*',
          );
          if (!fields.length || !fields.every((f) => allowed.has(f)))
            throw new UnauthenticatedError(
              'missing Authorization header: only public fields can be queried without a token; get one with `npm run --silent token -- --role viewer --unit <code>`',
            );
        },
      };
    },
  };
}

/**
 * A document whose operation cannot be chosen (an `operationName` it does not hold, or several
 * operations and no name) is the caller's mistake: HTTP 400 naming what the document holds.
 * Left alone, the gateway's query planner throws on it and the caller would see an internal error.
 */
export function operationResolutionPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request }) {
          if (operation) return;
          const names = document.definitions.flatMap((d) =>
            d.kind === Kind.OPERATION_DEFINITION ? [d.name?.value ?? '(anonymous)'] : [],
          );
          const holds = names.length ? `it holds ${names.join(', ')}` : 'it holds no operation';
          const message = request.operationName
            ? `operationName "${request.operationName}" names no operation in the document; ${holds}`
            : `the document holds several operations (${names.join(', ')}); name the one to run in operationName`;
          throw new GraphQLError(message, {
            extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } },
          });
        },
      };
    },
  };
}

/**
 * The HTTP status of a request refused as a whole (GraphQL over HTTP): when every error is
 * UNAUTHENTICATED, FORBIDDEN or TOO_MANY_REQUESTS (one code) and no data came back, the answer is
 * 401, 403 or 429; for 429 with Retry-After when the errors say how long to wait. A refusal beside
 * data stays HTTP 200. The gateway and every subgraph apply it, so both answer the same status.
 */
export function refusalStatusPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const code = wholeRequestRefusal(result);
          if (!code) return;
          response.http.status = REFUSAL_STATUS[code];
          const waits = (result.errors ?? [])
            .map((e) => e.extensions?.retryAfterSeconds)
            .filter((s): s is number => typeof s === 'number');
          if (code === 'TOO_MANY_REQUESTS' && waits.length)
            response.http.headers.set('retry-after', String(Math.max(...waits)));
        },
      };
    },
  };
}

/**
 * Counts and times every operation per service (`kesos_graphql_*` in /metrics), counts its
 * errors by code, and names the operation on the request's access log line.
 */
export function metricsPlugin<C extends BaseContext>(service: string): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ response, contextValue, operationName, operation }) {
          const label = metrics.operationLabel(operationName);
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          for (const error of errors) {
            const code = error.extensions?.code;
            metrics.graphqlErrors.inc({ service, code: typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR' });
          }
          metrics.graphqlOperations.inc({
            service,
            operation: label,
            type: operation?.operation ?? 'unknown',
            outcome: errors.length ? 'error' : 'ok',
          });
          metrics.graphqlDuration.observe(
            { service, operation: label },
            Number(process.hrtime.bigint() - started) / 1e9,
          );
          const access = (contextValue as { [ACCESS_RECORD]?: AccessRecord })[ACCESS_RECORD];
          if (access && operationName) access.operation = operationName.slice(0, 100);
        },
      };
    },
  };
}
