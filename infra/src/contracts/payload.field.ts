import { EventContractError } from '../bus/event.failures';
import { FIRST_YEAR, isYearInRange, LAST_YEAR } from '../kernel/year.range';

/**
 * One field of an event payload: what it must hold, and whether a producer may leave it out.
 * Consumers get the checked value, so no handler re-checks what the contract already promised.
 */
export class PayloadField<T> {
  constructor(
    /** Said in the error when the value is wrong: `payload field year must be a year 2000-2100`. */
    readonly expected: string,
    private readonly accepts: (value: unknown) => boolean,
    /** An added field (after version 1 was published): absent in older events, so consumers cope without it. */
    readonly optional = false,
  ) {}

  nullable(): PayloadField<T | null> {
    return new PayloadField<T | null>(`${this.expected} or null`, (v) => v === null || this.accepts(v), this.optional);
  }

  /** Absent (undefined) is allowed; consumers see it as undefined. */
  added(): PayloadField<T | undefined> {
    return new PayloadField<T | undefined>(this.expected, this.accepts, true);
  }

  read(value: unknown, name: string): T {
    if (value === undefined && this.optional) return value as T;
    if (value === undefined) throw new EventContractError(`payload field ${name} is missing`);
    if (!this.accepts(value)) throw new EventContractError(`payload field ${name} must be ${this.expected}`);
    return value as T;
  }
}

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The kinds of values payloads carry; one definition each, so every event checks them alike. */
export const field = {
  /**
   * A record id of the producer. Training and budget publish numbers; consumers key facts by
   * `String(id)`, so a non-empty string (older tools, tests) reads the same way.
   */
  id: () =>
    new PayloadField<number | string>(
      'an id (a whole number or a non-empty string)',
      (v) => Number.isSafeInteger(v) || (typeof v === 'string' && v !== ''),
    ),
  /** A fiscal or reporting year. */
  year: () =>
    new PayloadField<number>(`a year ${FIRST_YEAR}-${LAST_YEAR}`, (v) => typeof v === 'number' && isYearInRange(v)),
  /** A non-empty string: a code, a name or an enum value. */
  text: () => new PayloadField<string>('a non-empty string', (v) => typeof v === 'string' && v !== ''),
  flag: () => new PayloadField<boolean>('a boolean', (v) => typeof v === 'boolean'),
  count: () => new PayloadField<number>('a whole number >= 0', (v) => Number.isSafeInteger(v) && (v as number) >= 0),
  /** Whole rupiah, negative for a reversal. */
  rupiah: () => new PayloadField<number>('a whole number of rupiah', (v) => Number.isSafeInteger(v)),
  score: () =>
    new PayloadField<number>(
      'a number 0-100',
      (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100,
    ),
  /** A calendar day, `YYYY-MM-DD`. */
  day: () => new PayloadField<string>('a day YYYY-MM-DD', (v) => typeof v === 'string' && DAY.test(v)),
};
