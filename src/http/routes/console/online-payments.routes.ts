import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../deps.ts';

/** Staff's side of online payments (refunds, a payment's timeline): filled in next. */
export const consoleOnlinePaymentRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (_app, _deps) => {};
