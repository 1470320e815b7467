/**
 * What a lenient scalar returns instead of throwing. graphql-js reports a scalar's throw as a
 * validation or variable error that knows neither the input field nor our error codes; the
 * input guard finds this value in the arguments and refuses it as BAD_USER_INPUT naming the
 * field, before any resolver runs.
 */
export class RejectedInput {
  constructor(readonly reason: string) {}
}
