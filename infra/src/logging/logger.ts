import type { DestinationStream, Logger } from 'pino';
import pino from 'pino';
import type { LogLevel } from '../config/platform.config';
import { serializeError } from './error.serializer';

export type { Logger } from 'pino';

/**
 * Structured JSON logs on stdout (or `destination`, for tests that read them); one logger per
 * process (`name`), children per service (`service`, also in the embedded process that runs
 * all three) and request (`requestId`). Errors go through `serializeError`: never SQL or its
 * parameters.
 */
export function createLogger(name: string, level: LogLevel = 'info', destination?: DestinationStream): Logger {
  const options = {
    name,
    level,
    timestamp: pino.stdTimeFunctions.isoTime,
    serializers: { err: serializeError, error: serializeError },
  };
  return destination ? pino(options, destination) : pino(options);
}
