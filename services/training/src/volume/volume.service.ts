import type { RequestContext } from '@kesos/infra';
import { assertCanRead, BadInputError } from '@kesos/infra';
import { volumeByUnit } from './volume.loader';
import type { TrainingVolumeYear } from './volume.type';

const MAX_YEARS = 30;

/** A unit's participant volume per year of the range, batched over every unit of the request. */
export async function trainingVolume(
  ctx: RequestContext,
  unitCode: string,
  fromYear: number,
  toYear: number,
): Promise<TrainingVolumeYear[]> {
  assertCanRead(ctx.caller, unitCode);
  if (fromYear < 1900 || fromYear > 2999) throw new BadInputError('fromYear', 'fromYear must be a year such as 2018');
  if (toYear < fromYear) throw new BadInputError('toYear', 'toYear cannot be before fromYear');
  if (toYear - fromYear >= MAX_YEARS) throw new BadInputError('toYear', `a range covers at most ${MAX_YEARS} years`);
  return volumeByUnit(ctx, fromYear, toYear).load(unitCode);
}
