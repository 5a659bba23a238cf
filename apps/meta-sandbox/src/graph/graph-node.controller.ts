import { All, Get, Param, Req } from '@nestjs/common';
import type { Request } from 'express';
import { Graph, GraphCall } from './graph-call';
import { GraphController } from './graph-controller.decorator';
import { GraphErrors } from './graph-error';
import { GraphRequestService } from './graph-request.service';

/** Node reads, and Graph's answer for any other path. Registered after every other Graph controller. */
@GraphController()
export class GraphNodeController {
  constructor(private readonly graph: GraphRequestService) {}

  @Get(':id')
  read(@Graph() call: GraphCall, @Param('id') id: string) {
    return this.graph.read(call, id);
  }

  @All('*path')
  unknown(@Req() req: Request): never {
    throw GraphErrors.unknownPath(req.path.replace(/^\/v\d+\.\d+/, ''));
  }
}
