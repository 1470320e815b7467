import { writeEvent } from '@kesos/infra';
import type { DataSource } from 'typeorm';
import { StaffCountEntity, UnitEntity, WorkAreaProvinceEntity } from '../unit/unit.entity';
import { UNIT_REGISTERED, UnitRegisteredV1 } from '../unit/unit.events';
import { PADANG_STAFF, PADANG_WORK_AREA, UNITS } from './units.seed';

/** Loads the 2022 report's records into an empty training database, in one transaction. */
export async function seedTraining(dataSource: DataSource): Promise<boolean> {
  if ((await dataSource.getRepository(UnitEntity).count()) > 0) return false;
  await dataSource.transaction(async (m) => {
    await m.insert(UnitEntity, UNITS);
    await m.insert(
      WorkAreaProvinceEntity,
      PADANG_WORK_AREA.map(([province, regencies, cities, districts, villages], i) => ({ unitCode: 'BBPPKS-PADANG', position: i + 1, province, regencies, cities, districts, villages })),
    );
    await m.insert(StaffCountEntity, PADANG_STAFF.map((s) => ({ unitCode: 'BBPPKS-PADANG', ...s })));
    // Other services learn the units the same way as any later registration: through events.
    for (const u of UNITS) await writeEvent<UnitRegisteredV1>(m, { type: UNIT_REGISTERED, unit: u.code, data: { code: u.code, name: u.name } });
  });
  return true;
}
