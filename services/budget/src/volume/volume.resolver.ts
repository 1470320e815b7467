import { percentage, RequestContext } from '@kesos/infra';
import { Arg, Ctx, FieldResolver, Float, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { UnitBudget } from '../budget/budget.type';
import { BudgetOutput } from '../line/line.type';
import { RecordOutputVolumeInput, ReverseOutputVolumeInput } from './volume.input';
import {
  listOutputVolumeEntries,
  recordOutputVolume,
  reverseOutputVolume,
  unitOutputAchievement,
} from './volume.service';
import { OutputAchievement, OutputVolumeEntry } from './volume.type';

@Resolver(() => OutputVolumeEntry)
export class OutputVolumeResolver {
  @Query(() => [OutputVolumeEntry], {
    description:
      "Volume entered by hand for the ROs of a satker's year and its reversals, with who and when (riwayat input volume); readable by the unit, analysts and admins",
  })
  async outputVolumeEntries(
    @Arg('satkerCode', { description: 'Satker code (kode satker)' }) satkerCode: string,
    @Arg('year', () => Int, { description: 'Fiscal year (tahun anggaran)' }) year: number,
    @Arg('outputCode', () => String, { nullable: true, description: 'Output code (kode RO); all ROs when omitted' })
    outputCode: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<OutputVolumeEntry[]> {
    return listOutputVolumeEntries(ctx, satkerCode, year, outputCode);
  }

  @Mutation(() => OutputVolumeEntry, {
    description:
      "Records realised volume of an RO no service counts, e.g. management outputs (operator of the satker's unit or admin); the caller and time are kept",
  })
  async recordOutputVolume(
    @Arg('input', { description: 'The volume delivered' }) input: RecordOutputVolumeInput,
    @Ctx() ctx: RequestContext,
  ): Promise<OutputVolumeEntry> {
    return recordOutputVolume(ctx, input);
  }

  @Mutation(() => OutputVolumeEntry, {
    description: 'Cancels a volume record with a reversing record (koreksi), entered or counted from a training event',
  })
  async reverseOutputVolume(
    @Arg('input', { description: 'The record to cancel and why' }) input: ReverseOutputVolumeInput,
    @Ctx() ctx: RequestContext,
  ): Promise<OutputVolumeEntry> {
    return reverseOutputVolume(ctx, input);
  }
}

@Resolver(() => BudgetOutput)
export class BudgetOutputAchievementResolver {
  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'Output achievement (capaian RO) = realizedVolume / volumeTarget x 100, rounded half-up to 2 decimals, not capped; null without a target',
  })
  achievementRate(@Root() o: BudgetOutput): number | null {
    return o.volumeTarget ? percentage(o.realizedVolume, o.volumeTarget) : null;
  }
}

/** Access was checked by Unit.budget, the only way to reach a UnitBudget. */
@Resolver(() => UnitBudget)
export class UnitOutputAchievementResolver {
  @FieldResolver(() => OutputAchievement, {
    description:
      "Output achievement (capaian output) of the year's ROs from their realised volumes, beside the IKPA component Capaian Output (a quarter of IKPA in 2022) and the published IKPA",
  })
  async outputAchievement(@Root() b: UnitBudget, @Ctx() ctx: RequestContext): Promise<OutputAchievement> {
    return unitOutputAchievement(ctx, b);
  }
}
