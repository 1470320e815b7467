import pino, { Logger } from 'pino';
import type { LogLevel } from '../config/platform.config';

export type { Logger } from 'pino';

/** Structured JSON logs on stdout; one logger per process, children per service and request. */
export function createLogger(name: string, level: LogLevel = 'info'): Logger {
  return pino({ name, level, base: { service: name }, timestamp: pino.stdTimeFunctions.isoTime });
}
