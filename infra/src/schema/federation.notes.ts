/**
 * Appended to the description of every field one subgraph adds to another's entity: the
 * gateway answers such a field null, with an error naming the subgraph, while that subgraph is
 * down, so a client can tell "unavailable" from "no data".
 */
export function unavailableNote(service: string): string {
  return ` Null, with an error whose extensions.code is SUBGRAPH_UNAVAILABLE and extensions.service is "${service}", while the ${service} subgraph is unavailable (subgraf tidak tersedia); the rest of the answer is unaffected`;
}
