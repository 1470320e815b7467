import { assertCanRead, assertCanWrite, canRead, canSeePersonalData, RequestContext } from '@kesos/infra';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { maskName, pageWindow, parseId, toPage } from '../common/common.helpers';
import { enrollmentsByParticipant } from '../enrollment/enrollment.loader';
import { Enrollment } from '../enrollment/enrollment.type';
import { decryptNik } from './participant.crypto';
import { ParticipantEntity } from './participant.entity';
import { RegisterParticipantInput, validateRegisterParticipant } from './participant.input';
import { participantById } from './participant.loader';
import { registerParticipant, searchParticipants } from './participant.service';
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
    const p = await participantById(ctx).load(parseId('id', id));
    if (p) assertCanRead(ctx.caller, p.unitCode);
    return p as Participant | null;
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
    const window = pageWindow(first, after);
    const rows = await searchParticipants(ctx.db.dataSource, ctx.caller, unit, search, window.afterId, window.take + 1);
    return toPage(rows, window) as unknown as ParticipantPage;
  }

  @FieldResolver(() => String, {
    description: 'NIK (Nomor Induk Kependudukan): in full for admins only, otherwise masked as 1371********0001',
  })
  nik(@Root() p: ParticipantEntity, @Ctx() ctx: RequestContext): string {
    return canSeePersonalData(ctx.caller) ? decryptNik(p.nikCipher) : p.nikMasked;
  }

  @FieldResolver(() => String, { description: 'Full name (nama lengkap); analysts see it masked (S*** R****)' })
  name(@Root() p: ParticipantEntity, @Ctx() ctx: RequestContext): string {
    return ctx.caller.role === 'analyst' ? maskName(p.name) : p.name;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Birth date (tanggal lahir), YYYY-MM-DD; null for analysts, who see personal data masked',
  })
  birthDate(@Root() p: ParticipantEntity, @Ctx() ctx: RequestContext): string | null {
    return ctx.caller.role === 'analyst' ? null : p.birthDate;
  }

  @FieldResolver(() => [Enrollment], {
    description:
      "The participant's enrollments (riwayat pelatihan) in classes the caller may read, oldest first: a unit's staff see only their own unit's, even for a person another unit trained too",
  })
  async enrollments(@Root() p: ParticipantEntity, @Ctx() ctx: RequestContext): Promise<Enrollment[]> {
    // A participant is reachable from any unit that enrolled them; their other units' records are not.
    return (await enrollmentsByParticipant(ctx).load(p.id)).filter((e) =>
      canRead(ctx.caller, e.unitCode),
    ) as Enrollment[];
  }

  @Mutation(() => Participant, {
    description:
      "Adds a person to the registry of participants; the unit's operator or an admin. NIK must be valid and not yet registered",
  })
  async registerParticipant(
    @Arg('input', { description: 'The person' }) input: RegisterParticipantInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Participant> {
    assertCanWrite(ctx.caller, input.unit);
    const draft = validateRegisterParticipant(input);
    return (await ctx.db.transaction((tx) =>
      registerParticipant(tx, ctx.caller, input.unit, draft),
    )) as unknown as Participant;
  }
}
