import pino, { Logger } from 'pino';
import type { LogLevel } from '../config/platform.config';

export type { Logger } from 'pino';

/**
 * Structured JSON logs on stdout; one logger per process (`name`), children per service
 * (`service`, also in the embedded process that runs all three) and request (`requestId`).
 */
export function createLogger(name: string, level: LogLevel = 'info'): Logger {
  return pino({ name, level, timestamp: pino.stdTimeFunctions.isoTime });
}
