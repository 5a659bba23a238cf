import 'reflect-metadata';
import { KafkaConfig } from '@app/kafka';
import { loadConfigOrExit, runApp } from '@app/runtime';
import { ComplianceConfig } from './config/compliance.config';
import { ComplianceModule } from './compliance.module';
import { COMPLIANCE_API } from './api-info';

async function main(): Promise<void> {
  const settings = loadConfigOrExit('compliance', { app: ComplianceConfig, kafka: KafkaConfig });
  await runApp(ComplianceModule.register(settings), { ...COMPLIANCE_API, config: settings.app });
}

void main();
