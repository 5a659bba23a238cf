import 'reflect-metadata';
import { KafkaConfig } from '@app/kafka';
import { loadConfigOrExit, runApp } from '@app/runtime';
import { OutboundConfig } from './config/outbound.config';
import { OutboundModule } from './outbound.module';
import { OUTBOUND_API } from './api-info';

async function main(): Promise<void> {
  const settings = loadConfigOrExit('outbound', { app: OutboundConfig, kafka: KafkaConfig });
  await runApp(OutboundModule.register(settings), { ...OUTBOUND_API, config: settings.app });
}

void main();
