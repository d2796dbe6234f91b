import { ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from './problem.filter';

export class ProblemFieldErrorSchema {
  @ApiProperty({
    example: 'admin.email',
    description: 'The property path in the request body (or the CSV row).',
  })
  field!: string;

  @ApiProperty({ example: 'must be an email address' })
  message!: string;
}

/** The one error body of the API (RFC 9457), documented once and referenced by every error response. */
export class ProblemSchema {
  @ApiProperty({ example: 'about:blank' })
  type!: string;

  @ApiProperty({ example: 'Bad Request' })
  title!: string;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiProperty({ example: 'The request is invalid.' })
  detail!: string;

  @ApiPropertyOptional({ type: [ProblemFieldErrorSchema] })
  errors?: ProblemFieldErrorSchema[];
}

/** Documents an error answer as application/problem+json with the shared schema. */
export function ProblemResponse(status: number, description: string): MethodDecorator & ClassDecorator {
  return ApiResponse({
    status,
    description,
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemSchema) } } },
  });
}
