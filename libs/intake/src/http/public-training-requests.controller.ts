import { Body, Controller, Post, Req, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Endpoint, Public } from '@beacon/core/http';
import { localeFromAcceptLanguage } from '../accept-language';
import { CreateTrainingRequestDto, TrainingRequestReceipt } from '../dto/training-request.dto';
import { TrainingRequestsService } from '../training-requests.service';
import { IntakeThrottleGuard } from './intake-throttle.guard';

@ApiTags('Intake')
@Controller('api/v1/public/training-requests')
export class PublicTrainingRequestsController {
  constructor(private readonly requests: TrainingRequestsService) {}

  @Post()
  @Public()
  @UseGuards(IntakeThrottleGuard)
  @ApiHeader({ name: 'Accept-Language', required: false, description: 'Used when the body has no locale' })
  @Endpoint({
    summary: 'Ask the provider for a live training (public booking form)',
    description:
      'No sign-in. Bodies above 32 KB: 413. At most 10 requests per IP a minute: 429 with Retry-After. The ' +
      'requester gets an acknowledgement (the reference and the provider name only; at most 3 a day to one ' +
      'address) in `locale`, else the Accept-Language, else English. A second request from the same email and ' +
      'organization within a day is joined to the first and answered with its id and reference.',
    status: 201,
    type: TrainingRequestReceipt,
    errors: [413, 429],
  })
  submit(@Body() body: CreateTrainingRequestDto, @Req() req: Request) {
    const fromHeader = localeFromAcceptLanguage(req.headers['accept-language']);
    return this.requests.submit(body, body.locale ?? fromHeader ?? 'en');
  }
}
