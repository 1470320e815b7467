import { canSeePersonalData, RequestContext } from '@kesos/infra';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { maskName } from '../common/common.helpers';
import { Enrollment } from '../enrollment/enrollment.type';
import { decryptNik } from './participant.crypto';
import { RegisterParticipantInput } from './participant.input';
import { addParticipant, findParticipant, listParticipants, participantEnrollments } from './participant.service';
import { Participant, ParticipantPage } from './participant.type';

@Resolver(() => Participant)
export class ParticipantResolver {
  @Query(() => Participant, {
    nullable: true,
    description: "One participant by id; readable by the registering unit's staff, analysts and admins",
  })
  async participant(
    @Arg('id', () => ID, { description: 'Participant id' }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Participant | null> {
    return findParticipant(ctx, id);
  }

  @Query(() => ParticipantPage, {
    description: 'Participants registered by a unit, searched by name (part of it) or by a whole NIK, a page at a time',
  })
  async participants(
    @Arg('unit', () => ID, { description: 'Unit code, e.g. BBPPKS-PADANG' }) unit: string,
    @Arg('search', () => String, {
      nullable: true,
      description: 'Part of the name (at least 2 letters), or a whole 16-digit NIK for an exact match',
    })
    search: string | null,
    @Arg('first', () => Int, { defaultValue: 50, description: 'Page size, 1-200' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor from the previous page (pageInfo.endCursor)' })
    after: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ParticipantPage> {
    return listParticipants(ctx, unit, search, first, after);
  }

  @FieldResolver(() => String, {
    description: 'NIK (Nomor Induk Kependudukan): in full for admins only, otherwise masked as 1371********0001',
  })
  nik(@Root() p: Participant, @Ctx() ctx: RequestContext): string {
    return canSeePersonalData(ctx.caller) ? decryptNik(p.nikCipher) : p.nikMasked;
  }

  @FieldResolver(() => String, { description: 'Full name (nama lengkap); analysts see it masked (S*** R****)' })
  name(@Root() p: Participant, @Ctx() ctx: RequestContext): string {
    return ctx.caller.role === 'analyst' ? maskName(p.name) : p.name;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Birth date (tanggal lahir), YYYY-MM-DD; null for analysts, who see personal data masked',
  })
  birthDate(@Root() p: Participant, @Ctx() ctx: RequestContext): string | null {
    return ctx.caller.role === 'analyst' ? null : p.birthDate;
  }

  @FieldResolver(() => [Enrollment], {
    description:
      "The participant's enrollments (riwayat pelatihan) in classes the caller may read, oldest first: a unit's staff see only their own unit's, even for a person another unit trained too",
  })
  async enrollments(@Root() p: Participant, @Ctx() ctx: RequestContext): Promise<Enrollment[]> {
    return participantEnrollments(ctx, p.id);
  }

  @Mutation(() => Participant, {
    description:
      "Adds a person to the registry of participants; the unit's operator or an admin. NIK must be valid and not yet registered",
  })
  async registerParticipant(
    @Arg('input', { description: 'The person' }) input: RegisterParticipantInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Participant> {
    return addParticipant(ctx, input);
  }
}
