import { Provenance, PROVENANCE_COLUMN } from '@kesos/infra';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A person in the registry of participants (peserta). The NIK is never stored in clear:
 * `nikCipher` (AES-256-GCM) can be read back only through the service key and only for admins,
 * `nikHash` (HMAC) makes it unique and searchable, `nikMasked` is what everyone else sees.
 */
@Entity('participant')
@Index('ix_participant_unit', ['unitCode', 'id'])
export class ParticipantEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  /** The unit that registered the person; it owns the record. */
  @Column({ type: 'varchar', length: 40 })
  unitCode!: string;

  @Index('ux_participant_nik_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  nikHash!: string;

  @Column({ type: 'varchar', length: 100 })
  nikCipher!: string;

  @Column({ type: 'varchar', length: 16 })
  nikMasked!: string;

  @Index('ix_participant_name')
  @Column({ type: 'varchar', length: 150 })
  name!: string;

  @Column({ type: 'varchar', length: 6 })
  gender!: 'FEMALE' | 'MALE';

  @Column({ type: 'date' })
  birthDate!: string;

  @Column({ type: 'varchar', length: 6 })
  education!: string;

  @Column({ type: 'varchar', length: 20 })
  category!: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  originProvince!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  originRegency!: string | null;

  /** Where the record comes from; written once, with the record. */
  @Column(PROVENANCE_COLUMN)
  provenance!: Provenance;
}
