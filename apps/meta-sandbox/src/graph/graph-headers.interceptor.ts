import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Observable, tap } from 'rxjs';
import { IdGenerator } from '../common/ids';
import { graphCallOf } from './graph-call';

/** Adds the usage headers collected during a successful Graph call, and a trace id as Meta does. */
@Injectable()
export class GraphHeadersInterceptor implements NestInterceptor {
  constructor(private readonly ids: IdGenerator) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    return next.handle().pipe(
      tap(() => {
        if (!res.headersSent) res.set({ ...graphCallOf(req).responseHeaders, 'x-fb-trace-id': this.ids.fbtraceId() });
      }),
    );
  }
}
