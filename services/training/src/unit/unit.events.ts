/** `training.unit.registered`: a unit joined the graph; other services learn its code and name. */
export const UNIT_REGISTERED = 'training.unit.registered';

export interface UnitRegisteredV1 {
  code: string;
  name: string;
}
