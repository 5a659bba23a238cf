import { ClassConstructor, plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';

export type Environment = Readonly<Record<string, string | undefined>>;

/** Thrown at boot when settings are missing or bad; its message names every problem on one line. */
export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigValidationError';
  }
}

type Sections = Record<string, ClassConstructor<object>>;
export type LoadedConfig<S extends Sections> = { [K in keyof S]: InstanceType<S[K]> };

/**
 * Reads the environment once, into one validated instance per section (the app's own settings, Kafka's, …).
 * Property names are the variable names, so each problem names the variable to fix.
 */
export function loadConfig<S extends Sections>(sections: S, env: Environment = process.env): LoadedConfig<S> {
  const problems: string[] = [];
  const loaded: Record<string, object> = {};
  for (const [name, type] of Object.entries(sections)) {
    const instance = plainToInstance(type, { ...env }, { exposeDefaultValues: true });
    problems.push(...describeErrors(validateSync(instance, { forbidUnknownValues: false })));
    loaded[name] = instance;
  }
  const unique = [...new Set(problems)];
  if (unique.length > 0) throw new ConfigValidationError(unique);
  return loaded as LoadedConfig<S>;
}

function describeErrors(errors: ValidationError[]): string[] {
  return errors.flatMap((error) => {
    const constraints = Object.values(error.constraints ?? {});
    const own = constraints.length > 0 ? [constraints[0]] : [];
    return [...own, ...describeErrors(error.children ?? [])];
  });
}
