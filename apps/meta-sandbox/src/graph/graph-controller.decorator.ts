import { applyDecorators, Controller, UseFilters, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { GraphExceptionFilter } from './graph-exception.filter';
import { GraphHeadersInterceptor } from './graph-headers.interceptor';
import { GRAPH_VERSIONS } from './graph-versions';

/**
 * A controller for Graph API routes under every version prefix, answering Meta's error bodies and usage
 * headers. Left out of the OpenAPI document: the Graph API is Meta's, documented in meta-platform.md.
 */
export function GraphController(): ClassDecorator {
  return applyDecorators(
    Controller(GRAPH_VERSIONS),
    UseFilters(GraphExceptionFilter),
    UseInterceptors(GraphHeadersInterceptor),
    ApiExcludeController(),
  );
}
