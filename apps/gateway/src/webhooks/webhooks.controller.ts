import { Controller, Get, Header, Headers, HttpCode, Post, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { RequestTrace } from './gateway-record';
import { RawBody, Trace } from './request-context.decorators';
import { answerHandshake } from './subscription-handshake';
import { WebhookIntakeService } from './webhook-intake.service';
import { webhookProblem, intakeResponse } from './webhook-responses';
import { WebhookSettings } from './webhook-settings';

/** Meta's webhook endpoint: the verification handshake and every delivery of object page / instagram. */
@ApiExcludeController()
@Controller('webhooks/meta')
export class WebhooksController {
  constructor(
    private readonly intake: WebhookIntakeService,
    private readonly settings: WebhookSettings,
  ) {}

  @Get()
  @Header('content-type', 'text/plain; charset=utf-8')
  verify(@Query() query: Record<string, unknown>): string {
    const challenge = answerHandshake(query, this.settings.verifyToken);
    if (challenge === null) throw webhookProblem(403, 'verification_refused');
    return challenge;
  }

  @Post()
  @HttpCode(200)
  @Header('content-type', 'text/plain; charset=utf-8')
  async receive(
    @RawBody() body: Buffer,
    @Headers('x-hub-signature-256') signature: string | undefined,
    @Trace() trace: RequestTrace,
  ): Promise<string> {
    return intakeResponse(await this.intake.receive({ rawBody: body, signature, trace }));
  }
}
