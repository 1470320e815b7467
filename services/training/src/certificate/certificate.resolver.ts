import type { RequestContext } from '@kesos/infra';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { verifyCertificate } from './certificate.service';
import { CertificateVerification } from './certificate.type';

@Resolver(() => CertificateVerification)
export class CertificateResolver {
  /** Public (no token): listed in the service's publicRootFields; answers one exact number only. */
  @Query(() => CertificateVerification, {
    nullable: true,
    description:
      'Verifies a training certificate by its exact number (verifikasi sertifikat); public, no token needed; null when no such certificate exists',
  })
  async verifyCertificate(
    @Arg('number', {
      description: 'Certificate number as printed, e.g. BBPPKS-PADANG/PPM/2022/000123/7QK4-M2XA-HT9C-RB3E',
    })
    number: string,
    @Ctx() ctx: RequestContext,
  ): Promise<CertificateVerification | null> {
    return verifyCertificate(ctx, number);
  }
}
