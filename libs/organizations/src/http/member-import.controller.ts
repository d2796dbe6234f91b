/// <reference types="multer" />
import { Controller, Post, Query, Req, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import type { Request } from 'express';
import { Readable } from 'node:stream';
import { Access, Endpoint, OwnTransactions, ProblemException, QueryBoolean } from '@beacon/core/http';
import { IMPORT_MAX_BYTES, MemberImportService } from '../members/import/member-import.service';
import { ImportSlotInterceptor } from './import-slot.interceptor';
import { STRUCTURE_WRITE } from './structure-access';

export class ImportQuery {
  @ApiPropertyOptional({ description: 'Validate only: report what would change, write nothing' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean({ message: 'dryRun must be true or false' })
  dryRun?: boolean;
}

export class ImportResultView {
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty() invited!: number;
  @ApiProperty() dryRun!: boolean;
}

@ApiTags('Members')
@Controller('api/v1/members')
export class MemberImportController {
  constructor(private readonly imports: MemberImportService) {}

  @Post('import')
  @Access(STRUCTURE_WRITE)
  // The file is streamed and parsed (seconds for a large roster) before the one write transaction opens.
  @OwnTransactions()
  @ApiConsumes('text/csv', 'multipart/form-data')
  @ApiBody({
    description:
      'CSV with a header row. Columns (any order): email,name,employee_id,site,department,job_title,roles,' +
      'manager_email,license_type,license_state. As text/csv, or multipart/form-data with the file in field `file`.',
    schema: { type: 'string', format: 'binary' },
  })
  // The slot first: a refused import must not buffer its upload.
  @UseInterceptors(
    ImportSlotInterceptor,
    FileInterceptor('file', { limits: { fileSize: IMPORT_MAX_BYTES, files: 1 } }),
  )
  @Endpoint({
    summary: 'Import or update members from a CSV roster (all-or-nothing; up to 25 MB)',
    description:
      'Any bad row: 422 with errors [{ row, field, message }] (row = line where the record starts, header = 1) and ' +
      'nothing written. Members are matched by employee_id, else by email; empty cells keep current values. ' +
      'One import per organization at a time and a few across the service: else 429 with Retry-After.',
    type: ImportResultView,
    errors: [413, 422, 429],
  })
  async import(@Req() req: Request, @Query() query: ImportQuery, @UploadedFile() file?: Express.Multer.File) {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > IMPORT_MAX_BYTES + 64 * 1024)
      throw new ProblemException(413, 'The file is larger than 25 MB.');
    let input: Readable;
    if (file) input = Readable.from(slices(file.buffer));
    else if (req.is('text/csv') || req.is('text/plain') || req.is('application/csv')) input = req;
    else if (req.is('multipart/form-data'))
      throw new ProblemException(400, 'The CSV file goes in the multipart field "file".', {
        errors: [{ field: 'file', message: 'file is required' }],
      });
    else
      throw new ProblemException(
        415,
        'Send the roster as text/csv or as multipart/form-data (field "file").',
      );
    return this.imports.import(input, query.dryRun ?? false);
  }
}

const SLICE_BYTES = 64 * 1024;

/**
 * An uploaded file arrives whole: handed to the parser in one piece it would be parsed in one turn of the event
 * loop (seconds for 25 MB). In slices the size of a socket's chunks, the reader yields to other requests between
 * them.
 */
function* slices(buffer: Buffer): Generator<Buffer> {
  for (let start = 0; start < buffer.length; start += SLICE_BYTES)
    yield buffer.subarray(start, start + SLICE_BYTES);
}
