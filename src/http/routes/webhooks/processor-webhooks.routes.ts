import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../../domain/errors.ts';
import { handleProcessorEvent } from '../../../domain/payments/handle-processor-event.ts';
import { processorNames, WebhookRejectedError } from '../../../domain/payments/payment-gateway.ts';
import { isUuid } from '../../../domain/shared/ids.ts';
import type { AppDeps } from '../../deps.ts';
import { problems, Uuid } from '../../schemas.ts';

/**
 * Processors' webhooks, one address per processor and seller: the body is kept as the bytes that
 * arrived (signatures are over them) and verified before anything is parsed; then the event takes
 * effect once, whatever the redeliveries (handleProcessorEvent). A bad signature, a stale
 * timestamp or a seller without that processor is refused (400) and logged; a verified event the
 * payments do not use is acknowledged (200) so the processor stops sending it.
 */
export const processorWebhookRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db, gateways }) => {
  // Only in this plugin: JSON bodies arrive as a Buffer, unparsed.
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) =>
    done(null, body),
  );

  app.post(
    '/webhooks/:processor/:orgId',
    {
      schema: {
        tags: ['webhooks'],
        summary: "A payment processor's signed event for one seller",
        params: Type.Object({
          processor: Type.Union(processorNames.map((name) => Type.Literal(name))),
          orgId: Uuid,
        }),
        response: {
          200: Type.Object({ received: Type.Literal(true), outcome: Type.String() }),
          ...problems(400, 404, 415),
        },
      },
    },
    async (request) => {
      const { processor, orgId } = request.params as { processor: 'sandbox' | 'stripe'; orgId: string };
      const rawBody = request.body;
      if (!Buffer.isBuffer(rawBody)) throw new AppError('unsupported_media_type');
      if (!isUuid(orgId)) throw new AppError('not_found');
      const seller = await gateways.forWebhook(orgId, processor);
      if (!seller) {
        request.log.warn({ processor, orgId }, 'webhook for a seller without this processor refused');
        throw new AppError('webhook_rejected', { reason: 'unknown_account' });
      }
      let event: ReturnType<typeof seller.gateway.verifyWebhook>;
      try {
        if (seller.gateway.processor !== processor) throw new WebhookRejectedError('bad_signature');
        event = seller.gateway.verifyWebhook({ rawBody, headers: request.headers, secret: seller.secret });
      } catch (error) {
        if (!(error instanceof WebhookRejectedError)) throw error;
        request.log.warn({ processor, orgId, reason: error.reason }, 'webhook refused');
        throw new AppError('webhook_rejected', { reason: error.reason });
      }
      const outcome = await handleProcessorEvent({ db }, { orgId, processor, event });
      request.log.info({ processor, orgId, event: event.id, type: event.type, outcome }, 'webhook');
      return { received: true as const, outcome };
    },
  );
};
