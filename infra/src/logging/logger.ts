import type { DestinationStream, Logger } from 'pino';
import pino from 'pino';
import type { LogLevel } from '../config/platform.config';
import { serializeError } from './error.serializer';

export type { Logger } from 'pino';

/**
 * Structured JSON logs on stdout (or `destination`, for tests that read them); one logger per
 * process (`name`), children per service (`service`, also in the embedded process that runs
 * all three) and request (`requestId`). Errors go through `serializeError`: never SQL or its
 * parameters. `LOG_PRETTY=1` prints them for people instead (development).
 */
export function createLogger(name: string, level: LogLevel = 'info', destination?: DestinationStream): Logger {
  const options = {
    name,
    level,
    timestamp: pino.stdTimeFunctions.isoTime,
    serializers: { err: serializeError, error: serializeError },
  };
  if (destination) return pino(options, destination);
  // Coloured single lines for a person at a terminal; pino-pretty runs in a worker thread of pino's.
  if (process.env.LOG_PRETTY === '1') return pino({ ...options, transport: { target: 'pino-pretty' } });
  return pino(options);
}
