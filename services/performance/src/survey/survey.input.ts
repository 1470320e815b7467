import { BadInputError } from '@kesos/infra';
import { Field, InputType, Int } from 'type-graphql';
import { Gender, RespondentEducation } from './survey.type';

@InputType({ description: "One respondent's answers to the satisfaction survey (kuesioner IKM)" })
export class SurveyResponseInput {
  @Field(() => Gender, { description: 'Gender (jenis kelamin)' })
  gender!: Gender;

  @Field(() => RespondentEducation, { description: 'Highest education (pendidikan terakhir)' })
  education!: RespondentEducation;

  @Field(() => [Int], { description: 'Nine answers, elements U1..U9 in order, each 1 (not good) to 4 (very good)' })
  answers!: number[];
}

export const MAX_IMPORT_ROWS = 5000;

/** Returns what is wrong with one response, or null when it is valid. */
export function responseProblem(r: SurveyResponseInput): { field: string; message: string } | null {
  if (r.answers.length !== 9) return { field: 'answers', message: `needs 9 answers (U1..U9), got ${r.answers.length}` };
  const bad = r.answers.findIndex((a) => !Number.isInteger(a) || a < 1 || a > 4);
  if (bad >= 0) return { field: 'answers', message: `answer U${bad + 1} must be 1, 2, 3 or 4, got ${r.answers[bad]}` };
  return null;
}

export function validateResponse(r: SurveyResponseInput): void {
  const problem = responseProblem(r);
  if (problem) throw new BadInputError(problem.field, `Survey response: ${problem.message}`);
}

/** All-or-nothing: every bad row is reported with its 1-based row number, and nothing is saved. */
export function validateImport(rows: SurveyResponseInput[]): void {
  if (!rows.length) throw new BadInputError('responses', 'The import holds no responses');
  if (rows.length > MAX_IMPORT_ROWS)
    throw new BadInputError('responses', `An import holds at most ${MAX_IMPORT_ROWS} responses; split the file`);
  const errors = rows.flatMap((r, i) => {
    const p = responseProblem(r);
    return p ? [{ row: i + 1, ...p }] : [];
  });
  if (errors.length) {
    const shown = errors
      .slice(0, 10)
      .map((e) => `row ${e.row}: ${e.message}`)
      .join('; ');
    throw new BadInputError(
      'responses',
      `${errors.length} of ${rows.length} rows are invalid, nothing was imported: ${shown}${errors.length > 10 ? '; ...' : ''}`,
      { rows: errors },
    );
  }
}
