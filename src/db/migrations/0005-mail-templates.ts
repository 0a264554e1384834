import { type Kysely, sql } from 'kysely';

/**
 * Mail templates as data. Each seller may keep its own versions of a message (Liquid sources for
 * the subject, preview line, text and HTML bodies) per language; the newest version is the one
 * in use, older ones stay for history (the app role may not update or delete them). A seller
 * without a version of a message sends Saldo's default (src/mail/templates/defaults).
 * mail_messages.template_version names the version a message was rendered from (null: the default).
 * Also drops users.failed_sign_ins and users.locked_until: the lockout lives in rate_limits.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table mail_templates (
      org_id uuid not null references organizations (id) on delete cascade,
      key text not null check (key ~ '^[a-z][a-z0-9_]{0,62}$'),
      locale text not null check (locale in ('es', 'en')),
      version integer not null check (version >= 1),
      subject text not null check (length(subject) between 1 and 2000),
      preheader text not null default '' check (length(preheader) <= 2000),
      text_body text not null check (length(text_body) between 1 and 100000),
      html_body text not null check (length(html_body) between 1 and 200000),
      created_at timestamptz not null default now(),
      created_by_user_id uuid references users (id) on delete set null,
      primary key (org_id, key, locale, version)
    );

    alter table mail_messages add column template_version integer;

    alter table users drop column failed_sign_ins, drop column locked_until;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table users add column failed_sign_ins integer not null default 0, add column locked_until timestamptz;
    alter table mail_messages drop column template_version;
    drop table mail_templates;
  `.execute(db);
}
