import 'reflect-metadata';
import { loadConfigOrExit, runApp } from '@app/runtime';
import { META_SANDBOX_API } from './api-info';
import { MetaSandboxAppModule } from './app.module';
import { MetaSandboxConfig } from './config/meta-sandbox.config';
import { sandboxSettingsFromEnv } from './config/sandbox-env';

function sandboxSettingsOrExit() {
  try {
    return sandboxSettingsFromEnv(process.env);
  } catch (error) {
    const msg = (error as Error).message.replace(/\n- /g, '; ').replace(/:;/, ':');
    process.stderr.write(`${JSON.stringify({ level: 'fatal', service: 'meta-sandbox', msg })}\n`);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const { app } = loadConfigOrExit('meta-sandbox', { app: MetaSandboxConfig });
  const sandbox = sandboxSettingsOrExit();
  await runApp(MetaSandboxAppModule.register({ app, sandbox }), { ...META_SANDBOX_API, config: app });
}

void main();
