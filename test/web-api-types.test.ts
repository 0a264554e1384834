import { readFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { generateApiTypes, SCHEMA_FILE } from '../scripts/gen-api-types.ts';

/**
 * The web's wire types (web/src/app/api/schema.gen.ts) are generated from the OpenAPI document
 * the routes' schemas make. A route whose schema changed without regenerating fails here.
 */
test('web/src/app/api/schema.gen.ts matches the server’s OpenAPI document', async () => {
  const committed = await readFile(SCHEMA_FILE, 'utf8');
  const fresh = await generateApiTypes();
  expect(
    committed === fresh,
    'web/src/app/api/schema.gen.ts is out of date with the routes’ schemas: run `npm run gen:api-types`',
  ).toBe(true);
});
