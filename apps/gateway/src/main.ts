import 'reflect-metadata';
import { KafkaConfig } from '@app/kafka';
import { loadConfigOrExit, runApp } from '@app/runtime';
import { GATEWAY_API } from './api-info';
import { GatewayConfig } from './config/gateway.config';
import { GatewayModule, webhookSettingsFrom } from './gateway.module';
import { webhookEndpoint } from './webhooks/webhook-endpoint';
import { WebhookIntakeService } from './webhooks/webhook-intake.service';

async function main(): Promise<void> {
  const settings = loadConfigOrExit('gateway', { app: GatewayConfig, kafka: KafkaConfig });
  const { bodyLimits } = webhookSettingsFrom(settings.app);
  await runApp(GatewayModule.register(settings), {
    ...GATEWAY_API,
    config: settings.app,
    beforeBodyParsers: (app) => app.use(webhookEndpoint(app.get(WebhookIntakeService), bodyLimits.maxBytes)),
  });
}

void main();
