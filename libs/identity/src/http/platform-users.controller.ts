import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access, Endpoint, PageQuery } from '@beacon/core/http';
import { CreatePlatformUserDto, PlatformUserPage, PlatformUserView } from '../dto/platform-user.dto';
import { PlatformUsersService } from '../platform-users.service';

@ApiTags('Platform')
@Controller('api/v1/platform/users')
@Access({ platform: ['platform_admin'] })
export class PlatformUsersController {
  constructor(private readonly platformUsers: PlatformUsersService) {}

  @Post()
  @Endpoint({
    summary: 'Add a person to the provider staff and invite them',
    status: 201,
    type: PlatformUserView,
    errors: [409],
  })
  create(@Body() body: CreatePlatformUserDto) {
    return this.platformUsers.create(body);
  }

  @Get()
  @Endpoint({ summary: 'List the provider staff', type: PlatformUserPage })
  list(@Query() query: PageQuery) {
    return this.platformUsers.list(query);
  }
}
