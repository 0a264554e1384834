import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import type { Database } from '../db/client.ts';
import type { ErpExportFormat } from '../db/schema.ts';
import { systemActor } from '../domain/audit/record-audit.ts';
import { exportEInvoice } from '../domain/delivery/export-e-invoice.ts';
import { AppError } from '../domain/errors.ts';
import { exportPaymentConfirmations } from '../domain/integration/sync/export-payment-confirmations.ts';
import { isUuid } from '../domain/shared/ids.ts';
import { renderPaymentConfirmations } from '../formats/csv/payment-confirmations-csv.ts';
import { eInvoiceWriters } from '../formats/e-invoice-writers.ts';
import { withDatabase } from './with-database.ts';

/**
 * `saldo export …`: files for the seller's ERP. `saldo export payments --org <org> --since-last`
 * writes the payment confirmations no export has handed out yet (the same claim as the schedule,
 * the console and the API: nothing twice, nothing skipped) to stdout or a file, and says on stderr
 * what it did. Nothing new: no file, a sentence, exit 0. Other exports (UBL, X12 810) are
 * subcommands of the same group.
 */

/** A refusal the person can act on: printed as one line, exit code 1. */
export class ExportCommandError extends Error {}

export interface ExportPaymentsResult {
  org: { id: string; slug: string };
  exported: { id: string; sequence: number; items: number; fileName: string } | null;
  content: Buffer | null;
}

export async function runExportPayments(
  db: Database,
  input: { org: string; format: ErpExportFormat },
): Promise<ExportPaymentsResult> {
  const org = await db
    .selectFrom('organizations')
    .select(['id', 'slug'])
    .$call((q) => (isUuid(input.org) ? q.where('id', '=', input.org) : q.where('slug', '=', input.org)))
    .executeTakeFirst();
  if (!org) throw new ExportCommandError(`no seller with slug or id "${input.org}"`);
  const result = await exportPaymentConfirmations(
    { db, render: renderPaymentConfirmations },
    { orgId: org.id, format: input.format, channel: 'cli', actor: systemActor },
  );
  if (!result) return { org, exported: null, content: null };
  return {
    org,
    exported: {
      id: result.export.id,
      sequence: result.export.sequence,
      items: result.export.itemCount,
      fileName: result.export.fileName,
    },
    content: result.export.file.content,
  };
}

/** Writes next to the target and renames into place: a reader never sees half a file. */
function writeAtomically(file: string, content: Buffer) {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  writeFileSync(temp, content);
  renameSync(temp, file);
}

function parseFormat(value: string): ErpExportFormat {
  if (value !== 'csv' && value !== 'json') throw new InvalidArgumentError('csv or json');
  return value;
}

export function registerExportCommands(program: Command) {
  const group = program.command('export').description('files for the seller’s ERP (payment confirmations…)');
  group
    .command('payments')
    .description(
      'the payment confirmations not exported before: payments received with their applications, and later changes',
    )
    .requiredOption('--org <org>', 'the seller, by slug or id')
    .option('--since-last', 'everything no export (schedule, console, API or CLI) has handed out yet')
    .addOption(
      new Option('--format <format>', 'csv or json (default csv)').argParser(parseFormat).default('csv'),
    )
    .option('--output <file>', 'write the file here instead of stdout')
    .addHelpText(
      'after',
      '\nEach change goes out once, whichever way it is exported; a downloaded export can be fetched again from the console or the API.\nExample:\n  saldo export payments --org acme --since-last --format json --output confirmations.json',
    )
    .action(async (o: { org: string; sinceLast?: boolean; format: ErpExportFormat; output?: string }) => {
      if (!o.sinceLast) {
        process.stderr.write('saldo: say what to export: --since-last (everything not exported before)\n');
        process.exitCode = 2;
        return;
      }
      try {
        const result = await withDatabase((db) => runExportPayments(db, { org: o.org, format: o.format }));
        if (!result.exported || !result.content) {
          process.stderr.write(`Nothing new to export for ${result.org.slug}: no file written.\n`);
          return;
        }
        const { sequence, items, fileName } = result.exported;
        if (o.output) {
          writeAtomically(o.output, result.content);
          process.stderr.write(`Export no. ${sequence} (${items} change(s)) written to ${o.output}.\n`);
        } else {
          process.stdout.write(result.content);
          process.stderr.write(`Export no. ${sequence} (${items} change(s)), ${fileName}.\n`);
        }
      } catch (error) {
        if (!(error instanceof ExportCommandError)) throw error;
        process.stderr.write(`saldo: ${error.message}\n`);
        process.exitCode = 1;
      }
    });
  for (const format of ['ubl', 'x12-810'] as const)
    group
      .command(format)
      .description(
        format === 'ubl'
          ? 'one invoice or credit memo as UBL 2.1 (Peppol BIS Billing 3.0), to stdout'
          : 'one invoice or credit memo as an ANSI X12 810 (004010) interchange, to stdout (takes the next control numbers)',
      )
      .requiredOption('--org <org>', 'the seller, by slug or id')
      .option('--invoice <number>', 'the invoice, by its number')
      .option('--credit-memo <number>', 'the credit memo, by its number')
      .option('--output <file>', 'write the file here instead of stdout')
      .addHelpText(
        'after',
        `\nExample:\n  saldo export ${format} --org acme --invoice F-1001 > F-1001.${format === 'ubl' ? 'xml' : 'x12'}`,
      )
      .action(async (o: { org: string; invoice?: string; creditMemo?: string; output?: string }) => {
        if (!o.invoice === !o.creditMemo) {
          process.stderr.write('saldo: name one document: --invoice <number> or --credit-memo <number>\n');
          process.exitCode = 2;
          return;
        }
        try {
          const result = await withDatabase(async (db) => {
            const org = await findOrg(db, o.org);
            return exportEInvoice(
              { db, writers: eInvoiceWriters },
              {
                orgId: org.id,
                format,
                type: o.invoice ? 'invoice' : 'credit_memo',
                number: (o.invoice ?? o.creditMemo)!,
              },
            );
          });
          if (o.output) {
            writeAtomically(o.output, result.content);
            process.stderr.write(`${result.fileName} written to ${o.output}.\n`);
          } else process.stdout.write(result.content);
          if (result.note) process.stderr.write(`${result.note}\n`);
        } catch (error) {
          const message =
            error instanceof ExportCommandError
              ? error.message
              : error instanceof AppError && error.code === 'not_found'
                ? `no ${o.invoice ? `invoice "${o.invoice}"` : `credit memo "${o.creditMemo}"`} at ${o.org}`
                : null;
          if (message === null) throw error;
          process.stderr.write(`saldo: ${message}\n`);
          process.exitCode = 1;
        }
      });
  return group;
}

async function findOrg(db: Database, slugOrId: string) {
  const org = await db
    .selectFrom('organizations')
    .select(['id', 'slug'])
    .$call((q) => (isUuid(slugOrId) ? q.where('id', '=', slugOrId) : q.where('slug', '=', slugOrId)))
    .executeTakeFirst();
  if (!org) throw new ExportCommandError(`no seller with slug or id "${slugOrId}"`);
  return org;
}
