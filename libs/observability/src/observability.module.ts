import { DynamicModule, Global, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { Registry } from 'prom-client';
import { correlationIdFor } from './correlation';
import { HealthController, ReadinessChecks } from './health';
import { pinoOptions } from './logging';
import { createMetricsRegistry, HttpMetrics, HttpMetricsMiddleware, MetricsController } from './metrics';

export interface ObservabilityOptions {
  service: string;
  logLevel: string;
}

/** JSON logs with a correlation id per request, Prometheus metrics and health endpoints, the same in every app. */
@Global()
@Module({})
export class ObservabilityModule implements NestModule {
  static forRoot(options: ObservabilityOptions): DynamicModule {
    return {
      module: ObservabilityModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            ...pinoOptions({ service: options.service, level: options.logLevel }),
            genReqId: correlationIdFor,
            // Every line logged while handling a request carries its correlation id.
            customProps: (request) => ({ correlationId: request.id }),
            autoLogging: { ignore: (request) => /^\/(health|metrics)/.test(request.url ?? '') },
            serializers: {
              req: (req: { id: unknown; method: string; url: string }) => ({
                id: req.id,
                method: req.method,
                url: req.url.split('?')[0],
              }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
          },
        }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: Registry, useFactory: () => createMetricsRegistry(options.service) },
        HttpMetrics,
        HttpMetricsMiddleware,
        ReadinessChecks,
      ],
      exports: [Registry, ReadinessChecks],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*path');
  }
}
