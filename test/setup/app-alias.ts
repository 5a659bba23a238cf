import Module from 'node:module';
import path from 'node:path';

type Resolve = (request: string, ...rest: unknown[]) => string;
const loader = Module as unknown as { _resolveFilename: Resolve };
const libs = path.resolve(__dirname, '../../libs');

/**
 * Jest's global setup runs outside its module map, so `@app/<lib>` (a tsconfig path, mapped for test files by
 * moduleNameMapper) is taught to Node's resolver here.
 */
export function resolveAppAliases(): void {
  const original = loader._resolveFilename;
  loader._resolveFilename = function (request: string, ...rest: unknown[]) {
    const match = /^@app\/([^/]+)$/.exec(request);
    return original.call(this, match ? path.join(libs, match[1], 'src') : request, ...rest);
  };
}
