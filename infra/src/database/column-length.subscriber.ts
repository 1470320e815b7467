import {
  EntityMetadata,
  EntitySubscriberInterface,
  EventSubscriber,
  InsertEvent,
  ObjectLiteral,
  UpdateEvent,
} from 'typeorm';
import { BadInputError } from '../errors/app.errors';

const SIZED_TYPES = new Set(['varchar', 'char', 'nvarchar', 'nchar', 'character varying', 'character']);

/** Characters as MariaDB counts them in utf8mb4 (code points, not UTF-16 units). */
export function exceedsLength(value: string, max: number): boolean {
  if (value.length <= max) return false;
  // A code point takes one or two UTF-16 units, so beyond twice the limit no count is needed.
  if (value.length > 2 * max) return true;
  let count = 0;
  for (const _ of value) if (++count > max) return true;
  return false;
}

function checkLengths(metadata: EntityMetadata, row: ObjectLiteral | undefined): void {
  if (!row) return;
  for (const column of metadata.columns) {
    if (!column.length || !SIZED_TYPES.has(String(column.type))) continue;
    const value: unknown = column.getEntityValue(row);
    const max = Number(column.length);
    if (typeof value === 'string' && exceedsLength(value, max)) {
      throw new BadInputError(
        column.propertyName,
        `${column.propertyName} is at most ${max} characters long; nothing was written`,
        { maxLength: max },
      );
    }
  }
}

/**
 * Refuses text longer than its column before it is written, from the entities' own column
 * lengths, in both modes: MariaDB would refuse it with an SQL error, SQLite would store it.
 * Runs for entity saves and query-builder inserts and updates (the services' write paths).
 */
@EventSubscriber()
export class ColumnLengthSubscriber implements EntitySubscriberInterface {
  beforeInsert(event: InsertEvent<ObjectLiteral>): void {
    checkLengths(event.metadata, event.entity);
  }

  beforeUpdate(event: UpdateEvent<ObjectLiteral>): void {
    checkLengths(event.metadata, event.entity);
  }
}
