import type {
  CampusEntity,
  FacilityEntity,
  StaffCountEntity,
  StaffJobCountEntity,
  UnitEntity,
  WorkAreaProvinceEntity,
} from './unit.entity';
import type { Campus, Facility, StaffCount, StaffJobCount, Unit, WorkAreaProvince } from './unit.type';
import { Employment, FacilityCondition, Gender } from './unit.type';

export function toUnit(row: UnitEntity): Unit {
  return { code: row.code, name: row.name, address: row.address, region: row.region, provenance: row.provenance };
}

export function toWorkAreaProvince(row: WorkAreaProvinceEntity): WorkAreaProvince {
  return {
    province: row.province,
    regencies: row.regencies,
    cities: row.cities,
    districts: row.districts,
    villages: row.villages,
    provenance: row.provenance,
  };
}

export function toStaffCount(row: StaffCountEntity): StaffCount {
  return {
    employment: Employment[row.employment],
    gender: Gender[row.gender],
    count: row.count,
    provenance: row.provenance,
  };
}

export function toStaffJobCount(row: StaffJobCountEntity): StaffJobCount {
  return { employment: Employment[row.employment], job: row.job, count: row.count, provenance: row.provenance };
}

export function toCampus(row: CampusEntity): Campus {
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    areaSquareMeters: row.areaSquareMeters,
    note: row.note,
    provenance: row.provenance,
  };
}

export function toFacility(row: FacilityEntity): Facility {
  return {
    kind: row.kind,
    count: row.count,
    condition: FacilityCondition[row.condition],
    capacity: row.capacity,
    provenance: row.provenance,
  };
}
