import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access, Endpoint, IdParamPipe } from '@beacon/core/http';
import { DepartmentsService } from '../departments/departments.service';
import {
  CreateDepartmentDto,
  DepartmentListQuery,
  DepartmentPage,
  DepartmentView,
  UpdateDepartmentDto,
} from '../dto/structure.dto';
import { STRUCTURE_READ, STRUCTURE_WRITE } from './structure-access';

@ApiTags('Organization structure')
@Controller('api/v1/departments')
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  @Post()
  @Access(STRUCTURE_WRITE)
  @Endpoint({ summary: 'Create a department at a site', status: 201, type: DepartmentView, errors: [409] })
  create(@Body() body: CreateDepartmentDto) {
    return this.departments.create(body);
  }

  @Get()
  @Access(STRUCTURE_READ)
  @Endpoint({ summary: 'List departments, optionally of one site', type: DepartmentPage })
  list(@Query() query: DepartmentListQuery) {
    return this.departments.list(query);
  }

  @Get(':id')
  @Access(STRUCTURE_READ)
  @Endpoint({ summary: 'Get a department', type: DepartmentView, errors: [404] })
  get(@Param('id', IdParamPipe) id: string) {
    return this.departments.get(id);
  }

  @Patch(':id')
  @Access(STRUCTURE_WRITE)
  @Endpoint({ summary: 'Change a department', type: DepartmentView, errors: [404, 409] })
  update(@Param('id', IdParamPipe) id: string, @Body() body: UpdateDepartmentDto) {
    return this.departments.update(id, body);
  }

  @Delete(':id')
  @Access(STRUCTURE_WRITE)
  @Endpoint({ summary: 'Archive a department (records are kept)', status: 204, errors: [404] })
  archive(@Param('id', IdParamPipe) id: string) {
    return this.departments.archive(id);
  }
}
