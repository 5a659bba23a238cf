import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { answerHandshake } from './subscription-handshake';
import { webhookProblem } from './webhook-responses';
import { WebhookSettings } from './webhook-settings';

/**
 * Meta's verification handshake. Deliveries (`POST`) are answered by {@link webhookEndpoint}, ahead of
 * the framework, on the same path.
 */
@ApiExcludeController()
@Controller('webhooks/meta')
export class WebhooksController {
  constructor(private readonly settings: WebhookSettings) {}

  @Get()
  @Header('content-type', 'text/plain; charset=utf-8')
  verify(@Query() query: Record<string, unknown>): string {
    const challenge = answerHandshake(query, this.settings.verifyToken);
    if (challenge === null) throw webhookProblem(403, 'verification_refused');
    return challenge;
  }
}
