import 'reflect-metadata';
import { KafkaConfig } from '@app/kafka';
import { loadConfigOrExit, runApp } from '@app/runtime';
import { GATEWAY_API } from './api-info';
import { GatewayConfig } from './config/gateway.config';
import { GatewayModule, webhookSettingsFrom } from './gateway.module';
import { webhookRawBody } from './webhooks/webhook-raw-body';

async function main(): Promise<void> {
  const settings = loadConfigOrExit('gateway', { app: GatewayConfig, kafka: KafkaConfig });
  const { bodyLimits } = webhookSettingsFrom(settings.app);
  await runApp(GatewayModule.register(settings), {
    ...GATEWAY_API,
    config: settings.app,
    beforeBodyParsers: (app) => app.use(webhookRawBody(bodyLimits.maxBytes)),
  });
}

void main();
