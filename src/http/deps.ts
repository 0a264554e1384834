import type { Config } from '../config/config.ts';
import type { Database } from '../db/client.ts';
import type { Mailer } from '../domain/mail/mail-port.ts';

/** What every route plugin is given. */
export interface AppDeps {
  db: Database;
  config: Config;
  mailer: Mailer;
}
