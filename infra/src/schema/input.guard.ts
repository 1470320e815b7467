import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql';
import { defaultFieldResolver, isObjectType } from 'graphql';
import { exceedsLength } from '../database/column-length.subscriber';
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

/**
 * Control characters other than tab and line breaks, and UTF-16 halves without their pair: no
 * clerk types them, MariaDB's utf8mb4 cannot store a lone half, and a NUL cuts the text short in
 * the C tools that read exports.
 */
const UNPRINTABLE =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what it looks for
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function findUnprintable(value: unknown, path: string[]): string[] | undefined {
  if (typeof value === 'string') return UNPRINTABLE.test(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findUnprintable(item, path);
      if (found) return found;
    }
  } else if (value && typeof value === 'object' && !(value instanceof RejectedInput)) {
    for (const [key, item] of Object.entries(value)) {
      const found = findUnprintable(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

function assertNoRejectedInput(args: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(args)) {
    const found = findRejected(value, name === 'input' ? [] : [name]);
    if (found) throw new BadInputError(found.path.join('.') || name, found.rejected.reason);
    const unprintable = findUnprintable(value, name === 'input' ? [] : [name]);
    if (unprintable) {
      const field = unprintable.join('.') || name;
      throw new BadInputError(
        field,
        `${field} holds a control character (such as NUL) or half of a UTF-16 pair; send printable text`,
      );
    }
  }
}

function pathOfText(
  value: unknown,
  key: string,
  matches: (text: string) => boolean,
  path: string[],
): string[] | undefined {
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = pathOfText(item, key, matches, path);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [name, item] of Object.entries(value)) {
      if (name === key && typeof item === 'string' && matches(item)) return [...path, name];
      const found = pathOfText(item, key, matches, [...path, name]);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * A write refused for a value's length names the entity's column (`componentName`); the
 * client knows its input, so the field is named by where that text was in the arguments
 * (`lines.componentName`) when it can be found there.
 */
function inInputTerms(error: BadInputError, args: Record<string, unknown>): BadInputError {
  const { field, maxLength } = error.extensions as { field?: unknown; maxLength?: unknown };
  if (typeof field !== 'string') return error;
  const matches = typeof maxLength === 'number' ? (text: string) => exceedsLength(text, maxLength) : () => true;
  for (const [name, value] of Object.entries(args)) {
    const found =
      name === field && typeof value === 'string' && matches(value)
        ? [name]
        : pathOfText(value, field, matches, name === 'input' ? [] : [name]);
    if (found) {
      return new BadInputError(
        found.join('.'),
        error.message.replace(field, found.join('.')),
        typeof maxLength === 'number' ? { maxLength } : {},
      );
    }
  }
  return error;
}

function asClientError(error: unknown, args: Record<string, unknown>): never {
  const fromDriver = clientErrorFromDriver(error);
  if (fromDriver) throw inInputTerms(fromDriver, args);
  const fromColumnCheck = error instanceof BadInputError && typeof error.extensions.maxLength === 'number';
  throw fromColumnCheck ? inInputTerms(error, args) : error;
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
          return result instanceof Promise ? result.catch((error: unknown) => asClientError(error, args)) : result;
        } catch (error) {
          return asClientError(error, args);
        }
      };
    }
  }
  return schema;
}
