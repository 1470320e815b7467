import { BadInputError, FIRST_YEAR, isIsoDate, isYearInRange, LAST_YEAR } from '@kesos/infra';
import type { EntityManager } from 'typeorm';
import { UnitEntity, WorkAreaProvinceEntity } from '../unit/unit.entity';

/**
 * Input checks shared by the certification, accreditation, ATENSI and class features: they take the
 * same kinds of input (unit, year, dates, a place in the work area). Ids use the subgraph's
 * common parseId, paging infra's pageWindow and toConnection.
 */

export function requiredText(field: string, value: string | null | undefined, max: number): string {
  const text = (value ?? '').trim();
  if (!text) throw new BadInputError(field, `${field} is required`);
  if (text.length > max) throw new BadInputError(field, `${field} is at most ${max} characters`);
  return text;
}

/** An ISO date `YYYY-MM-DD` that exists, in a plausible range for this graph's records. */
export function isoDate(field: string, value: string): string {
  const text = (value ?? '').trim();
  if (!isIsoDate(text)) throw new BadInputError(field, `${field} must be a date written YYYY-MM-DD, e.g. 2022-11-30`);
  const year = Number(text.slice(0, 4));
  if (!isYearInRange(year))
    throw new BadInputError(field, `${field} must lie between the years ${FIRST_YEAR} and ${LAST_YEAR}`);
  return text;
}

export const yearOfDate = (date: string): number => Number(date.slice(0, 4));

export function validYear(field: string, year: number): number {
  if (!isYearInRange(year))
    throw new BadInputError(field, `${field} must be a year between ${FIRST_YEAR} and ${LAST_YEAR}`);
  return year;
}

export function wholeNumber(field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw new BadInputError(field, `${field} must be a whole number from ${min} to ${max}`);
  return value;
}

/** The unit must exist; returns its code. */
export async function existingUnit(manager: EntityManager, field: string, code: string): Promise<string> {
  const unit = await manager.findOneBy(UnitEntity, { code: (code ?? '').trim() });
  if (!unit) throw new BadInputError(field, `unit ${code} is not registered`);
  return unit.code;
}

/**
 * A place (province and regency/city) inside the unit's work area. Units whose work area is not
 * recorded yet accept any province, since there is nothing to check against.
 */
export async function workAreaPlace(
  manager: EntityManager,
  unitCode: string,
  fields: { province: string; regency: string },
  province: string,
  regency: string,
): Promise<{ province: string; regency: string }> {
  const p = requiredText(fields.province, province, 100);
  const r = requiredText(fields.regency, regency, 100);
  const area = await manager.findBy(WorkAreaProvinceEntity, { unitCode });
  if (area.length) {
    const known = area.find((a) => a.province.toLowerCase() === p.toLowerCase());
    if (!known)
      throw new BadInputError(
        fields.province,
        `${p} is not in the work area of ${unitCode} (${area.map((a) => a.province).join(', ')})`,
      );
    return { province: known.province, regency: r };
  }
  return { province: p, regency: r };
}
