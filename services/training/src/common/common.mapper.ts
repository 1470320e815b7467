/**
 * A stored string as the GraphQL enum value it names, checked: a value the enum does not know is
 * a broken row, reported as such rather than passed on to fail in serialization.
 */
export function enumValue<E extends Record<string, string>>(values: E, stored: string, what: string): E[keyof E] {
  const found = Object.values(values).find((v): v is E[keyof E] => v === stored);
  if (found === undefined) throw new Error(`${what} "${stored}" is not one of ${Object.values(values).join(', ')}`);
  return found;
}
