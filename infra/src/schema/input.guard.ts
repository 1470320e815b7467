import { defaultFieldResolver, GraphQLFieldResolver, GraphQLSchema, isObjectType } from 'graphql';
import { BadInputError } from '../errors/app.errors';
import { clientErrorFromDriver } from '../errors/driver.errors';
import { RejectedInput } from './rejected.input';

/**
 * The first value a lenient scalar rejected, with its field path as the services name fields:
 * relative to the `input` argument, list positions left out (`lines.ceiling`).
 */
function findRejected(value: unknown, path: string[]): { path: string[]; rejected: RejectedInput } | undefined {
  if (value instanceof RejectedInput) return { path, rejected: value };
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findRejected(item, path);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = findRejected(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

function assertNoRejectedInput(args: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(args)) {
    const found = findRejected(value, name === 'input' ? [] : [name]);
    if (found) throw new BadInputError(found.path.join('.') || name, found.rejected.reason);
  }
}

function asClientError(error: unknown): never {
  throw clientErrorFromDriver(error) ?? error;
}

/**
 * Wraps every field that takes arguments: refuses values a lenient scalar rejected before the
 * resolver runs, and turns a driver's refusal of a client's value (too long, out of range) into
 * BAD_USER_INPUT. One place for every field of every subgraph, instead of a check per input.
 */
export function guardInputs(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.args.length) continue;
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args: Record<string, unknown>, context, info) => {
        assertNoRejectedInput(args);
        try {
          const result = resolve(source, args, context, info);
          return result instanceof Promise ? result.catch(asClientError) : result;
        } catch (error) {
          return asClientError(error);
        }
      };
    }
  }
  return schema;
}
