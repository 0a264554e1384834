import type { Task, TaskList } from 'graphile-worker';
import { validate as isUuid, v7 as uuidv7 } from 'uuid';
import type { Config } from '../../config/config.ts';
import type { Database } from '../../db/client.ts';
import { addJob } from '../../db/jobs.ts';
import type { Locale } from '../../db/schema.ts';
import { insertMailAttachments } from '../../domain/deposits/deposits.repository.ts';
import { ERP_EXPORT_MAIL_TASK } from '../../domain/integration/sync/export-payment-confirmations.ts';
import { ERP_EXPORT_TASK, queueDueExports } from '../../domain/integration/sync/queue-due-exports.ts';
import { runScheduledExport } from '../../domain/integration/sync/run-scheduled-export.ts';
import {
  type ErpExportMail,
  type ErpExportMailer,
  sendExportMail,
} from '../../domain/integration/sync/send-export-mail.ts';
import { insertMailMessage } from '../../domain/mail/mail-messages.repository.ts';
import { renderPaymentConfirmations } from '../../formats/csv/payment-confirmations-csv.ts';
import { SEND_EMAIL_TASK, type SendEmailPayload, sendEmailMaxAttempts } from '../../mail/outbox-mailer.ts';
import { brandOf, type MailOrg } from '../../mail/templates/brand.ts';
import { htmlLayouts, textLayouts } from '../../mail/templates/defaults/layout.ts';
import { htmlLiquid, renderLiquid, textLiquid } from '../../mail/templates/liquid.ts';

/** Every minute: each seller whose sync slot came gets one export job (domain/integration/sync). */
export const ERP_SYNC_SWEEP_TASK = 'erp-sync.sweep';
export { ERP_EXPORT_MAIL_TASK, ERP_EXPORT_TASK };

function orgIdOf(payload: unknown): string | undefined {
  const orgId = (payload as { orgId?: unknown } | null)?.orgId;
  return typeof orgId === 'string' && isUuid(orgId) ? orgId : undefined;
}

export function erpSyncSweepTask(deps: { db: Database }): Task {
  return async (_payload, helpers) => {
    const { queued } = await queueDueExports(deps, { now: new Date() });
    if (queued) helpers.logger.info(`payment confirmation export queued for ${queued} seller(s)`);
  };
}

export function erpExportTask(deps: { db: Database }): Task {
  return async (payload, helpers) => {
    const orgId = orgIdOf(payload);
    if (!orgId) {
      helpers.logger.error(`${ERP_EXPORT_TASK} job ${helpers.job.id} has a malformed payload; dropped`);
      return;
    }
    const { exportId, items } = await runScheduledExport(
      { db: deps.db, render: renderPaymentConfirmations },
      { orgId },
    );
    if (exportId) helpers.logger.info(`export ${exportId} of ${orgId}: ${items} change(s)`);
  };
}

export function erpExportMailTask(deps: { db: Database; mailer: ErpExportMailer }): Task {
  return async (payload, helpers) => {
    const orgId = orgIdOf(payload);
    const exportId = (payload as { exportId?: unknown } | null)?.exportId;
    if (!orgId || typeof exportId !== 'string' || !isUuid(exportId)) {
      helpers.logger.error(`${ERP_EXPORT_MAIL_TASK} job ${helpers.job.id} has a malformed payload; dropped`);
      return;
    }
    const { sent } = await sendExportMail(deps, { orgId, exportId });
    if (sent) helpers.logger.info(`export ${exportId} mailed to ${sent} recipient(s)`);
  };
}

/** The sync's tasks; the mail task only when the worker knows who mail is from. */
export function erpSyncTasks(deps: { db: Database; mailer?: ErpExportMailer | undefined }): TaskList {
  return {
    [ERP_SYNC_SWEEP_TASK]: erpSyncSweepTask(deps),
    [ERP_EXPORT_TASK]: erpExportTask(deps),
    ...(deps.mailer
      ? { [ERP_EXPORT_MAIL_TASK]: erpExportMailTask({ db: deps.db, mailer: deps.mailer }) }
      : {}),
  };
}

const words: Record<Locale, { subject: string; intro: string; manual: string; attached: string }> = {
  es: {
    subject: 'Confirmaciones de pago n.º {{ sequence }} para el ERP ({{ count }} movimientos)',
    intro:
      'Adjuntamos las confirmaciones de pago de {{ org_name }} que aún no se habían exportado: los cobros recibidos con sus aplicaciones y los cambios posteriores (aplicaciones, reembolsos, devoluciones).',
    manual:
      'Su equipo marca las facturas como pagadas en el ERP: la última columna del archivo dice qué hacer con cada línea.',
    attached: 'Archivo adjunto',
  },
  en: {
    subject: 'Payment confirmations no. {{ sequence }} for the ERP ({{ count }} changes)',
    intro:
      'Attached are the payment confirmations of {{ org_name }} not exported before: payments received with their applications, and later changes (applications, refunds, returns).',
    manual:
      'Your team marks invoices paid in the ERP: the file’s last column says what to do with each line.',
    attached: 'Attached file',
  },
};

/**
 * The export's e-mail: Saldo's own words in the seller's language, framed by the layout every
 * message has, with the file attached, written to the outbox and its delivery queued, in the
 * caller's transaction. (Beside the jobs that send it; a mail/templates/ file would do as well.)
 */
export function createErpExportMailer(config: Pick<Config, 'mailFrom'>): ErpExportMailer {
  return {
    async enqueue(db, mail: ErpExportMail) {
      const org = await db
        .selectFrom('organizations')
        .select(['name', 'branding'])
        .where('id', '=', mail.orgId)
        .executeTakeFirstOrThrow();
      const { accentColor, footer } = org.branding ?? {};
      const mailOrg: MailOrg = {
        name: org.name,
        branding: {
          ...(typeof accentColor === 'string' ? { accentColor } : {}),
          ...(typeof footer === 'string' ? { footer } : {}),
        },
      };
      const brand = brandOf(mailOrg);
      const w = words[mail.locale];
      const variables = {
        org_name: org.name,
        sequence: mail.export.sequence,
        count: mail.export.itemCount,
        file: mail.file.fileName,
        brand,
      };
      const textBody = `${w.intro}\n\n${w.manual}\n\n${w.attached}: {{ file }}`;
      const htmlBody = `<tr><td style="padding:20px 32px 0;font-size:15px;line-height:24px;color:#343a40;">
<p style="margin:0 0 16px;">${w.intro}</p>
<p style="margin:0 0 16px;">${w.manual}</p>
<p style="margin:0 0 16px;">${w.attached}: {{ file }}</p>
</td></tr>`;
      const subject = renderLiquid(textLiquid, w.subject, variables).replace(/\s+/g, ' ').trim();
      const text = renderLiquid(textLiquid, textLayouts[mail.locale], {
        content: renderLiquid(textLiquid, textBody, variables),
        brand,
      });
      const html = renderLiquid(htmlLiquid, htmlLayouts[mail.locale], {
        locale: mail.locale,
        subject,
        preheader: subject,
        content: renderLiquid(htmlLiquid, htmlBody, variables),
        brand,
      });
      const id = uuidv7();
      await insertMailMessage(db, {
        id,
        orgId: mail.orgId,
        template: 'erp_payment_confirmations',
        templateVersion: null,
        locale: mail.locale,
        to: mail.to,
        from: config.mailFrom,
        subject,
        text,
        html,
        sensitive: false,
      });
      await insertMailAttachments(db, {
        messageId: id,
        files: [
          {
            filename: mail.file.fileName,
            contentType: mail.file.contentType,
            content: mail.file.content,
          },
        ],
      });
      const payload: SendEmailPayload = { messageId: id };
      await addJob(db, SEND_EMAIL_TASK, payload, { jobKey: `mail:${id}`, maxAttempts: sendEmailMaxAttempts });
      return { id };
    },
  };
}
