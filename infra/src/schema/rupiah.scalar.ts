import type { ValueNode } from 'graphql';
import { GraphQLScalarType, Kind, print } from 'graphql';
import { GraphQLSafeInt } from 'graphql-scalars';
import { RejectedInput } from './rejected.input';

const RULE = 'give whole rupiah as a JSON or GraphQL integer (SafeInt: no fraction, no quotes, at most 2^53 - 1)';

function rupiahFrom(value: unknown, shown: string): number | RejectedInput {
  if (typeof value !== 'number' || !Number.isInteger(value))
    return new RejectedInput(`${shown} is not a whole number of rupiah; ${RULE}`);
  if (!Number.isSafeInteger(value)) return new RejectedInput(`${shown} is too large for an exact integer; ${RULE}`);
  return value;
}

const shorten = (text: string): string => (text.length > 40 ? `${text.slice(0, 40)}...` : text);

/**
 * Money in whole rupiah. The GraphQL name stays `SafeInt` (clients declare variables with it);
 * output is graphql-scalars' SafeInt, input is refused through the input guard, which names
 * the field, instead of by a throw that the client would see as a validation failure.
 */
export const RupiahScalar = new GraphQLScalarType({
  name: 'SafeInt',
  description:
    'Whole rupiah (rupiah utuh): an integer from -(2^53 - 1) to 2^53 - 1. A fraction, a string or a larger number is refused with BAD_USER_INPUT naming the field',
  specifiedByURL: GraphQLSafeInt.specifiedByURL,
  serialize: GraphQLSafeInt.serialize,
  parseValue: (value: unknown) => rupiahFrom(value, shorten(JSON.stringify(value) ?? String(value))),
  parseLiteral: (node: ValueNode) => {
    if (node.kind !== Kind.INT)
      return new RejectedInput(`${shorten(print(node))} is not a whole number of rupiah; ${RULE}`);
    return rupiahFrom(Number(node.value), shorten(node.value));
  },
});
