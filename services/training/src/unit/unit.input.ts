import { BadInputError } from '@kesos/infra';
import { Field, InputType } from 'type-graphql';

@InputType({ description: 'A new training unit to register' })
export class RegisterUnitInput {
  @Field({ description: 'Unit code: capital letters, digits and dashes, e.g. BBPPKS-PADANG' })
  code!: string;

  @Field({ description: 'Official name (nama unit)' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Postal address (alamat)' })
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'Region served (regional)' })
  region?: string | null;
}

export function validateRegisterUnit(input: RegisterUnitInput): RegisterUnitInput {
  const code = input.code.trim();
  if (!/^[A-Z0-9][A-Z0-9-]{2,39}$/.test(code))
    throw new BadInputError('code', 'Unit code must be 3-40 capital letters, digits or dashes, e.g. BBPPKS-PADANG');
  const name = input.name.trim();
  if (!name || name.length > 200) throw new BadInputError('name', 'Unit name is required and at most 200 characters');
  if (input.address && input.address.length > 300)
    throw new BadInputError('address', 'Address is at most 300 characters');
  return { code, name, address: input.address?.trim() || null, region: input.region?.trim() || null };
}
