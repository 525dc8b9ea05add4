import { BadRequestException, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';

/** Parses a request part with a schema at the boundary; a 400 names each field and its rule. */
export class ZodValidationPipe<TSchema extends z.ZodType> implements PipeTransform<
  unknown,
  z.output<TSchema>
> {
  // readable so the OpenAPI generator documents exactly what is validated
  constructor(readonly schema: TSchema) {}

  transform(value: unknown): z.output<TSchema> {
    const parsed = this.schema.safeParse(value ?? {});
    if (parsed.success) return parsed.data;
    const errors = parsed.error.issues.map((issue) => ({
      field: issue.path.join('.') || '(body)',
      rule: issue.message,
    }));
    throw new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: errors.map((error) => `${error.field}: ${error.rule}`).join('; '),
      errors,
    });
  }
}
