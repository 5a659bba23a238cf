import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { stringify } from 'yaml';
import { ASYNCAPI_HEADER, buildAsyncApiDocument } from './asyncapi';

// Writes asyncapi.yaml at the project root (dist/libs/contracts/src → four levels up).
const target = resolve(__dirname, '../../../..', 'asyncapi.yaml');
writeFileSync(target, ASYNCAPI_HEADER + stringify(buildAsyncApiDocument(), { lineWidth: 0 }));
