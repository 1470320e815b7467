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
}
