import { DomainError } from '@app/errors';
import { CallHandler, ExecutionContext, Injectable, mixin, NestInterceptor, Type } from '@nestjs/common';
import type { Request } from 'express';
import { Observable } from 'rxjs';

/**
 * For a multipart/form-data request, makes one part, the request's JSON, the body that validation sees;
 * the file travels beside it. Register after the file interceptor, which parses the parts.
 */
export function JsonPartAsBody(part: string): Type<NestInterceptor> {
  @Injectable()
  class JsonPartAsBodyInterceptor implements NestInterceptor {
    intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
      const request = context.switchToHttp().getRequest<Request>();
      if (request.is('multipart/form-data')) request.body = parsePart((request.body ?? {}) as Record<string, unknown>);
      return next.handle();
    }
  }

  function parsePart(fields: Record<string, unknown>): unknown {
    const raw = fields[part];
    try {
      if (typeof raw === 'string') return JSON.parse(raw) as unknown;
    } catch {
      // Answered below, like a missing part.
    }
    throw new DomainError(
      'validation_failed',
      `The multipart request needs the part ${part} holding the request as JSON.`,
      {
        errors: [`${part} must be the request as JSON`],
      },
    );
  }

  return mixin(JsonPartAsBodyInterceptor);
}
