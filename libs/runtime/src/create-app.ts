import { INestApplication, Type, ValidationPipe, DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ProblemDetailsFilter } from '@app/errors';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';

export interface HttpAppOptions {
  /** Title of the API in Swagger UI and openapi.yaml. */
  title: string;
  description: string;
  bodyLimitBytes: number;
  /** Keep the exact request bytes on `request.rawBody` (signature checks). */
  rawBody?: boolean;
  /** Log through pino; tests that build an app in-process may keep Nest's default logger. */
  useJsonLogger?: boolean;
  /** Middleware that must see the request before the JSON parser (e.g. raw-body signature checks). */
  beforeBodyParsers?: (app: NestExpressApplication) => void;
  /** Adds to the generated API document what the decorators cannot say, e.g. a schema per content type. */
  amendDocument?: (document: OpenAPIObject) => OpenAPIObject;
}

/** Builds an app the same way in every deployable: security headers, body limit, validation, problem+json, docs. */
export async function createHttpApp(
  module: Type<unknown> | DynamicModule,
  options: HttpAppOptions,
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module, {
    bufferLogs: options.useJsonLogger !== false,
    rawBody: options.rawBody ?? false,
    bodyParser: false,
  });
  if (options.useJsonLogger !== false) app.useLogger(app.get(Logger));
  options.beforeBodyParsers?.(app);
  app.useBodyParser('json', { limit: options.bodyLimitBytes });
  app.useBodyParser('urlencoded', { limit: options.bodyLimitBytes, extended: false });
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { 'img-src': ["'self'", 'data:'], 'style-src': ["'self'", "'unsafe-inline'"] },
      },
    }),
  );
  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: false }),
  );
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.disable('x-powered-by');
  SwaggerModule.setup('docs', app, () => openApiDocument(app, options), { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}

export function openApiDocument(
  app: INestApplication,
  options: Pick<HttpAppOptions, 'title' | 'description' | 'amendDocument'>,
): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(options.title)
    .setDescription(options.description)
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  return options.amendDocument?.(document) ?? document;
}
