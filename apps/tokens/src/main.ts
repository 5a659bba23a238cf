import 'reflect-metadata';
import { KafkaConfig } from '@app/kafka';
import { loadConfigOrExit, runApp } from '@app/runtime';
import { TokensConfig } from './config/tokens.config';
import { TokensModule } from './tokens.module';
import { TOKENS_API } from './api-info';

async function main(): Promise<void> {
  const settings = loadConfigOrExit('tokens', { app: TokensConfig, kafka: KafkaConfig });
  await runApp(TokensModule.register(settings), { ...TOKENS_API, config: settings.app });
}

void main();
