import { expect, test } from 'vitest';
import { oneFullStop } from '../../web/src/app/sentence-end.ts';

test('a sentence ending on a name with a stop keeps one stop; ellipses and other dots stay', () => {
  expect(oneFullStop('A secure payment link for Seaside Market Co..')).toBe(
    'A secure payment link for Seaside Market Co.',
  );
  expect(oneFullStop('Pagos de Distribuidora S.A. de C.V..')).toBe('Pagos de Distribuidora S.A. de C.V.');
  expect(oneFullStop('Cargando...')).toBe('Cargando...');
  expect(oneFullStop('Wait.. what')).toBe('Wait. what');
  expect(oneFullStop('1..5 and v2.0.1')).toBe('1..5 and v2.0.1');
  expect(oneFullStop('Plain sentence.')).toBe('Plain sentence.');
});
