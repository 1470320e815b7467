import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Units this service has heard of through `training.unit.registered`; it never reads training's tables. */
@Entity('known_unit')
export class KnownUnitEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;
}
