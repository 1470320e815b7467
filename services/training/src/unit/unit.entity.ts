import { PROVENANCE_COLUMN, Provenance } from '@kesos/infra';
import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A training unit of the ministry (balai, poltekesos). */
@Entity('unit')
export class UnitEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  address!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  region!: string | null;

  /** Where the record comes from: REPORTED for what the published report gives, OPERATIONAL when registered through the API. */
  @Column(PROVENANCE_COLUMN)
  provenance!: Provenance;
}

/** One province of a unit's work area (wilayah kerja) with its administrative counts. */
@Entity('work_area_province')
@Index('ux_work_area_unit_province', ['unitCode', 'province'], { unique: true })
export class WorkAreaProvinceEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 40 })
  unitCode!: string;

  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'varchar', length: 100 })
  province!: string;

  @Column({ type: 'int' })
  regencies!: number;

  @Column({ type: 'int' })
  cities!: number;

  @Column({ type: 'int' })
  districts!: number;

  @Column({ type: 'int' })
  villages!: number;

  /** Where the record comes from: REPORTED for what the published report gives, OPERATIONAL when registered through the API. */
  @Column(PROVENANCE_COLUMN)
  provenance!: Provenance;
}

/** Head count of a unit's staff by employment and gender. */
@Entity('staff_count')
@Index('ux_staff_count', ['unitCode', 'employment', 'gender'], { unique: true })
export class StaffCountEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 40 })
  unitCode!: string;

  @Column({ type: 'varchar', length: 10 })
  employment!: 'ASN' | 'PPNPN';

  @Column({ type: 'varchar', length: 10 })
  gender!: 'FEMALE' | 'MALE';

  @Column({ type: 'int' })
  count!: number;

  /** Where the record comes from: REPORTED for what the published report gives, OPERATIONAL when registered through the API. */
  @Column(PROVENANCE_COLUMN)
  provenance!: Provenance;
}

/** A campus (kampus) of a unit, with its land area. */
@Entity('campus')
@Index('ux_campus_unit_name', ['unitCode', 'name'], { unique: true })
export class CampusEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 40 })
  unitCode!: string;

  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 300 })
  address!: string;

  @Column({ type: 'int' })
  areaSquareMeters!: number;

  @Column({ type: 'varchar', length: 300, nullable: true })
  note!: string | null;

  /** Where the record comes from: REPORTED for what the published report gives, OPERATIONAL when registered through the API. */
  @Column(PROVENANCE_COLUMN)
  provenance!: Provenance;
}

/** One line of a campus's facility table (sarana dan prasarana). */
@Entity('facility')
@Index('ix_facility_campus', ['campusId', 'position'])
export class FacilityEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  campusId!: number;

  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'varchar', length: 150 })
  kind!: string;

  @Column({ type: 'int' })
  count!: number;

  @Column({ type: 'varchar', length: 12 })
  condition!: 'BAIK' | 'CUKUP_BAIK';

  @Column({ type: 'varchar', length: 60, nullable: true })
  capacity!: string | null;

  /** Where the record comes from: REPORTED for what the published report gives, OPERATIONAL when registered through the API. */
  @Column(PROVENANCE_COLUMN)
  provenance!: Provenance;
}

/** Head count of a unit's staff by employment and job (e.g. PPNPN: Satpam, Pengemudi). */
@Entity('staff_job_count')
@Index('ux_staff_job_count', ['unitCode', 'employment', 'job'], { unique: true })
export class StaffJobCountEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 40 })
  unitCode!: string;

  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'varchar', length: 10 })
  employment!: 'ASN' | 'PPNPN';

  @Column({ type: 'varchar', length: 100 })
  job!: string;

  @Column({ type: 'int' })
  count!: number;

  /** Where the record comes from: REPORTED for what the published report gives, OPERATIONAL when registered through the API. */
  @Column(PROVENANCE_COLUMN)
  provenance!: Provenance;
}
