import { DynamicModule, Type } from '@nestjs/common';
import { ClassConstructor } from 'class-transformer';
import { ConfigValidationError, Environment, loadConfig, LoadedConfig } from '@app/config';
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

export interface RunAppOptions extends HttpAppOptions {
  port: number;
  host: string;
  /** After SIGTERM, in-flight requests get this long before the process exits anyway. */
  shutdownTimeoutMs: number;
}

/**
 * Starts a deployable and handles SIGTERM/SIGINT: report not ready, stop accepting, let in-flight requests
 * finish, then close consumers, producers and pools (Nest's shutdown hooks), and exit.
 */
export async function runApp(module: Type<unknown> | DynamicModule, options: RunAppOptions): Promise<void> {
  const app = await createHttpApp(module, options);
  await app.listen(options.port, options.host);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    app.get(ReadinessChecks).markDraining();
    setTimeout(() => process.exit(1), options.shutdownTimeoutMs).unref();
    app
      .close()
      .then(() => process.exit(0))
      .catch(() => process.exit(1));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
