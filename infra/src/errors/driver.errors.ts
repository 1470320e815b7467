import { BadInputError } from './app.errors';

/**
 * MariaDB refusals caused by a value the client sent rather than by a fault of ours: too long
 * for its column, out of its column's range, not valid in its character set. The column
 * checks before each write catch these; this is the safety net for a write they did not see.
 */
const CLIENT_VALUE_ERRORS: Record<string, string> = {
  ER_DATA_TOO_LONG: 'is longer than its field allows',
  ER_WARN_DATA_OUT_OF_RANGE: 'is out of the range its field allows',
  ER_TRUNCATED_WRONG_VALUE_FOR_FIELD: 'has characters or a format its field cannot store',
};

interface DriverErrorLike {
  code?: unknown;
  sqlMessage?: unknown;
  message?: unknown;
}

/** The driver error of a TypeORM QueryFailedError, or the error itself when it came straight from the driver. */
function driverError(error: unknown): DriverErrorLike | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const inner = (error as { driverError?: unknown }).driverError;
  return inner && typeof inner === 'object' ? inner : error;
}

/** The column the driver names ("for column 'documentNumber'"); entity properties are named as their columns. */
function columnOf(message: string): string | undefined {
  const match = /for column [`']?(?:[^`'.\s]+[`']?\.[`']?)*([^`'.\s]+)[`']?/.exec(message);
  return match?.[1];
}

/** A BAD_USER_INPUT for a driver refusal of a client's value, or undefined for anything else. */
export function clientErrorFromDriver(error: unknown): BadInputError | undefined {
  const driver = driverError(error);
  const code = typeof driver?.code === 'string' ? driver.code : '';
  const problem = CLIENT_VALUE_ERRORS[code];
  if (!problem) return undefined;
  const message =
    typeof driver?.sqlMessage === 'string'
      ? driver.sqlMessage
      : typeof driver?.message === 'string'
        ? driver.message
        : '';
  const field = columnOf(message) ?? 'input';
  return new BadInputError(field, `${field} ${problem}; nothing was written`);
}
