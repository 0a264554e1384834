/**
 * Dependencies point inward (see docs/ARCHITECTURE.md): http, jobs, cli and gateways call domain;
 * domain calls db and the ports it defines, never Fastify, graphile-worker, nodemailer or a
 * processor SDK. `npm test` runs this check.
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-stays-pure',
      comment: 'domain/ must not import the delivery layers (http, jobs, cli, gateways, mail).',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^src/(http|jobs|cli|gateways|mail)/' },
    },
    {
      name: 'domain-no-frameworks',
      comment: 'domain/ must not import web, queue, mail or payment frameworks.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: 'node_modules/(fastify|@fastify|graphile-worker|nodemailer|stripe|pino)(/|$)' },
    },
    {
      name: 'db-is-the-bottom',
      comment: 'db/ must not import anything above it.',
      severity: 'error',
      from: { path: '^src/db/' },
      to: { path: '^src/(domain|http|jobs|cli|gateways|mail)/' },
    },
    {
      name: 'http-not-jobs-or-cli',
      severity: 'error',
      from: { path: '^src/http/' },
      to: { path: '^src/(jobs|cli)/' },
    },
    {
      name: 'jobs-not-http-or-cli',
      severity: 'error',
      from: { path: '^src/jobs/' },
      to: { path: '^src/(http|cli)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-test-code-in-src',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.test\\.ts$' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js', '.mjs', '.json'],
    },
  },
};
