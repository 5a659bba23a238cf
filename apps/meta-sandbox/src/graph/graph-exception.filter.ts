import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { IdGenerator } from '../common/ids';
import { SandboxMetrics } from '../common/sandbox-metrics';
import { GraphError, GraphErrors } from './graph-error';
import { graphCallOf } from './graph-call';

/** Answers every failure of a Graph route with Meta's error body, status and headers (meta-platform.md §6.1). */
@Catch()
export class GraphExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(GraphExceptionFilter.name);

  constructor(
    private readonly ids: IdGenerator,
    private readonly metrics: SandboxMetrics,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const error = this.toGraphError(exception, req);
    this.metrics.graphError(error.code);
    const fbtraceId = this.ids.fbtraceId();
    const headers: Record<string, string> = {
      ...graphCallOf(req).responseHeaders,
      ...error.headers,
      'x-fb-trace-id': fbtraceId,
    };
    if (error.code === 190) {
      headers['WWW-Authenticate'] = `OAuth "Facebook Platform" "invalid_token" "${error.message.replace(/"/g, "'")}"`;
    }
    res.status(error.status).set(headers).json(error.toBody(fbtraceId));
  }

  private toGraphError(exception: unknown, req: Request): GraphError {
    if (exception instanceof GraphError) return exception;
    if (exception instanceof HttpException) {
      if (exception.getStatus() === 404) return GraphErrors.unknownPath(req.path);
      return GraphErrors.invalidParam(exception.message);
    }
    this.logger.error({ err: exception, path: req.path }, 'graph route failed');
    return new GraphError({ status: 500, code: 1, message: 'An unknown error has occurred.', transient: true });
  }
}
