import type { Config } from '../config/config.ts';
import type { Database } from '../db/client.ts';
import type { Mailer } from '../domain/mail/mail-port.ts';
import type { Gateways } from '../domain/payments/payment-gateway.ts';

/** What every route plugin is given. */
export interface AppDeps {
  db: Database;
  config: Config;
  mailer: Mailer;
  /** Each seller's payment processor (src/gateways/resolve-gateways.ts). */
  gateways: Gateways;
}
