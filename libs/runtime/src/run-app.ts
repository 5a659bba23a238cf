import { DynamicModule, Type } from '@nestjs/common';
import { ClassConstructor } from 'class-transformer';
import { BaseAppConfig, ConfigValidationError, Environment, loadConfig, LoadedConfig } from '@app/config';
import { ReadinessChecks } from '@app/observability';
import { createHttpApp, HttpAppOptions } from './create-app';

/** Reads the settings once at boot; a bad or missing variable ends the process with one line naming each. */
export function loadConfigOrExit<S extends Record<string, ClassConstructor<object>>>(
  service: string,
  sections: S,
  env: Environment = process.env,
): LoadedConfig<S> {
  try {
    return loadConfig(sections, env);
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    process.stderr.write(
      `${JSON.stringify({ level: 'fatal', service, msg: error.message, problems: error.problems })}\n`,
    );
    process.exit(1);
  }
}

export interface RunAppOptions extends Omit<HttpAppOptions, 'bodyLimitBytes'> {
  /** The app's validated settings: port, host, body limit and shutdown grace come from here. */
  config: BaseAppConfig;
}

/**
 * Starts a deployable and handles SIGTERM/SIGINT: report not ready, stop accepting, let in-flight requests
 * finish, then close consumers, producers and pools (Nest's shutdown hooks), and exit.
 */
export async function runApp(module: Type<unknown> | DynamicModule, options: RunAppOptions): Promise<void> {
  const { config } = options;
  const app = await createHttpApp(module, { ...options, bodyLimitBytes: config.HTTP_BODY_LIMIT_BYTES });
  await app.listen(config.PORT, config.HOST);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    app.get(ReadinessChecks).markDraining();
    setTimeout(() => process.exit(1), config.SHUTDOWN_TIMEOUT_MS).unref();
    app
      .close()
      .then(() => process.exit(0))
      .catch(() => process.exit(1));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
