import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderAsyncApiYaml } from './asyncapi';

// Writes asyncapi.yaml at the project root (dist/libs/contracts/src → four levels up).
writeFileSync(resolve(__dirname, '../../../..', 'asyncapi.yaml'), renderAsyncApiYaml());
