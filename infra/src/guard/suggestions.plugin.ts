import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

/** Apollo's own default, stated once so the gateway and the subgraphs agree: introspection is off in production. */
export const introspectionByDefault = (): boolean => process.env.NODE_ENV !== 'production';

const SUGGESTION = /\s*Did you mean [^?]*\?\s*$/;

/**
 * With introspection off, "Did you mean ...?" in validation and variable errors would still spell
 * the schema out one guessed name at a time; the errors keep their first sentence only.
 */
export function hideSuggestionsPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind === 'single' && response.body.singleResult.errors) {
            response.body.singleResult.errors = response.body.singleResult.errors.map((e) =>
              SUGGESTION.test(e.message) ? { ...e, message: e.message.replace(SUGGESTION, '') } : e,
            );
          }
        },
      };
    },
  };
}
