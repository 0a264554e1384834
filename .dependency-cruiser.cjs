/**
 * Dependencies point inward (see docs/ARCHITECTURE.md): http, jobs, cli and gateways call domain;
 * domain calls db and the ports it defines, never Fastify, graphile-worker, nodemailer or a
 * processor SDK. Output formats (PDF, XLSX, CSV, XML) are adapters in formats/: the domain builds
 * view models, http/jobs/cli hand them to a writer. `npm test` runs this check.
 */

/**
 * Libraries that write (or read) a file format or render templates: only formats/ (and mail/ for
 * the template engine, behind the port domain/mail/mail-templates.ts defines) may use them.
 */
const FORMAT_LIBRARIES = [
  'liquidjs',
  'pdfkit',
  'pdf-lib',
  'exceljs',
  'xmlbuilder2',
  'fast-xml-parser',
  'xml2js',
  'libxmljs2',
  'sax',
  '@xmldom/xmldom',
];
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
      name: 'domain-no-format-libraries',
      comment:
        'domain/ builds view models; PDF, spreadsheet and XML libraries live in formats/ (pdf/, xlsx/, csv/, ubl/, x12/), the template engine in mail/.',
      severity: 'error',
      from: { path: '^src/domain/' },
      // Resolved (node_modules/…) or, when not installed, the bare name.
      to: { path: `(^|node_modules/)(${FORMAT_LIBRARIES.join('|')})(/|$)` },
    },
    {
      name: 'domain-not-formats',
      comment: 'domain/ must not call a format writer: http, jobs and cli hand the view model to it.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^src/formats/' },
    },
    {
      name: 'formats-are-adapters',
      comment:
        'formats/ write view models: no database, no delivery layer (domain types and pure helpers such as money formatting only).',
      severity: 'error',
      from: { path: '^src/formats/' },
      to: { path: '^src/(db|http|jobs|cli|gateways|mail)/' },
    },
    {
      name: 'db-is-the-bottom',
      comment: 'db/ must not import anything above it.',
      severity: 'error',
      from: { path: '^src/db/' },
      to: { path: '^src/(domain|formats|http|jobs|cli|gateways|mail)/' },
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
