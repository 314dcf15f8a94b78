import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`deliverables_indicators\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`deliverables\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`deliverables_indicators_order_idx\` ON \`deliverables_indicators\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`deliverables_indicators_parent_id_idx\` ON \`deliverables_indicators\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`deliverables_indicators_locales\` (
  	\`indicator\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`deliverables_indicators\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`deliverables_indicators_locales_locale_parent_id_unique\` ON \`deliverables_indicators_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`deliverables_indicators_locales_parent_idx\` ON \`deliverables_indicators_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_deliverables_v_version_indicators\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_deliverables_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_deliverables_v_version_indicators_order_idx\` ON \`_deliverables_v_version_indicators\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_deliverables_v_version_indicators_parent_id_idx\` ON \`_deliverables_v_version_indicators\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_deliverables_v_version_indicators_locales\` (
  	\`indicator\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_deliverables_v_version_indicators\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_deliverables_v_version_indicators_locales_locale_parent_id_\` ON \`_deliverables_v_version_indicators_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_deliverables_v_version_indicators_locales_parent_idx\` ON \`_deliverables_v_version_indicators_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`print_editions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`deliverable_id\` integer NOT NULL,
  	\`locale\` text NOT NULL,
  	\`template\` text NOT NULL,
  	\`status\` text DEFAULT 'stale' NOT NULL,
  	\`offered\` integer DEFAULT false,
  	\`version\` text,
  	\`generated_at\` text,
  	\`valid_until\` text,
  	\`pages\` numeric,
  	\`width_mm\` numeric,
  	\`height_mm\` numeric,
  	\`pdf_id\` integer,
  	\`preview_id\` integer,
  	\`render_ms\` numeric,
  	\`problem\` text,
  	\`left_out\` text,
  	\`generation\` numeric DEFAULT 0,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`deliverable_id\`) REFERENCES \`deliverables\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`pdf_id\`) REFERENCES \`print_files\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`preview_id\`) REFERENCES \`print_files\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`print_editions_deliverable_idx\` ON \`print_editions\` (\`deliverable_id\`);`)
  await db.run(sql`CREATE INDEX \`print_editions_locale_idx\` ON \`print_editions\` (\`locale\`);`)
  await db.run(sql`CREATE INDEX \`print_editions_status_idx\` ON \`print_editions\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`print_editions_offered_idx\` ON \`print_editions\` (\`offered\`);`)
  await db.run(sql`CREATE INDEX \`print_editions_version_idx\` ON \`print_editions\` (\`version\`);`)
  await db.run(sql`CREATE INDEX \`print_editions_valid_until_idx\` ON \`print_editions\` (\`valid_until\`);`)
  await db.run(sql`CREATE INDEX \`print_editions_pdf_idx\` ON \`print_editions\` (\`pdf_id\`);`)
  await db.run(sql`CREATE INDEX \`print_editions_preview_idx\` ON \`print_editions\` (\`preview_id\`);`)
  await db.run(sql`CREATE INDEX \`print_editions_updated_at_idx\` ON \`print_editions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`print_editions_created_at_idx\` ON \`print_editions\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`deliverable_locale_idx\` ON \`print_editions\` (\`deliverable_id\`,\`locale\`);`)
  await db.run(sql`CREATE TABLE \`print_editions_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`print_editions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`print_editions_texts_order_parent\` ON \`print_editions_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`print_editions_texts_text_idx\` ON \`print_editions_texts\` (\`text\`);`)
  await db.run(sql`CREATE TABLE \`print_files\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`edition_id\` integer,
  	\`kind\` text NOT NULL,
  	\`offered\` integer DEFAULT false,
  	\`valid_until\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric,
  	FOREIGN KEY (\`edition_id\`) REFERENCES \`print_editions\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`print_files_edition_idx\` ON \`print_files\` (\`edition_id\`);`)
  await db.run(sql`CREATE INDEX \`print_files_offered_idx\` ON \`print_files\` (\`offered\`);`)
  await db.run(sql`CREATE INDEX \`print_files_valid_until_idx\` ON \`print_files\` (\`valid_until\`);`)
  await db.run(sql`CREATE INDEX \`print_files_updated_at_idx\` ON \`print_files\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`print_files_created_at_idx\` ON \`print_files\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`print_files_filename_idx\` ON \`print_files\` (\`filename\`);`)
  await db.run(sql`ALTER TABLE \`deliverables\` ADD \`print_country\` text;`)
  await db.run(sql`ALTER TABLE \`deliverables\` ADD \`print_layout_bleed_mm\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`deliverables\` ADD \`print_layout_crop_marks\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`deliverables_rels\` ADD \`training_modules_id\` integer REFERENCES training_modules(id);`)
  await db.run(sql`CREATE INDEX \`deliverables_rels_training_modules_id_idx\` ON \`deliverables_rels\` (\`training_modules_id\`);`)
  await db.run(sql`ALTER TABLE \`_deliverables_v\` ADD \`version_print_country\` text;`)
  await db.run(sql`ALTER TABLE \`_deliverables_v\` ADD \`version_print_layout_bleed_mm\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`_deliverables_v\` ADD \`version_print_layout_crop_marks\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_deliverables_v_rels\` ADD \`training_modules_id\` integer REFERENCES training_modules(id);`)
  await db.run(sql`CREATE INDEX \`_deliverables_v_rels_training_modules_id_idx\` ON \`_deliverables_v_rels\` (\`training_modules_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`print_editions_id\` integer REFERENCES print_editions(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`print_files_id\` integer REFERENCES print_files(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_print_editions_id_idx\` ON \`payload_locked_documents_rels\` (\`print_editions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_print_files_id_idx\` ON \`payload_locked_documents_rels\` (\`print_files_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`deliverables_indicators\`;`)
  await db.run(sql`DROP TABLE \`deliverables_indicators_locales\`;`)
  await db.run(sql`DROP TABLE \`_deliverables_v_version_indicators\`;`)
  await db.run(sql`DROP TABLE \`_deliverables_v_version_indicators_locales\`;`)
  await db.run(sql`DROP TABLE \`print_editions\`;`)
  await db.run(sql`DROP TABLE \`print_editions_texts\`;`)
  await db.run(sql`DROP TABLE \`print_files\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_deliverables_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`partners_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`deliverables\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`partners_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_deliverables_rels\`("id", "order", "parent_id", "path", "partners_id") SELECT "id", "order", "parent_id", "path", "partners_id" FROM \`deliverables_rels\`;`)
  await db.run(sql`DROP TABLE \`deliverables_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_deliverables_rels\` RENAME TO \`deliverables_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`deliverables_rels_order_idx\` ON \`deliverables_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`deliverables_rels_parent_idx\` ON \`deliverables_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`deliverables_rels_path_idx\` ON \`deliverables_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`deliverables_rels_partners_id_idx\` ON \`deliverables_rels\` (\`partners_id\`);`)
  await db.run(sql`CREATE TABLE \`__new__deliverables_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`partners_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_deliverables_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`partners_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new__deliverables_v_rels\`("id", "order", "parent_id", "path", "partners_id") SELECT "id", "order", "parent_id", "path", "partners_id" FROM \`_deliverables_v_rels\`;`)
  await db.run(sql`DROP TABLE \`_deliverables_v_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new__deliverables_v_rels\` RENAME TO \`_deliverables_v_rels\`;`)
  await db.run(sql`CREATE INDEX \`_deliverables_v_rels_order_idx\` ON \`_deliverables_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_deliverables_v_rels_parent_idx\` ON \`_deliverables_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_deliverables_v_rels_path_idx\` ON \`_deliverables_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_deliverables_v_rels_partners_id_idx\` ON \`_deliverables_v_rels\` (\`partners_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`phases_id\` integer,
  	\`deliverables_id\` integer,
  	\`training_modules_id\` integer,
  	\`reports_id\` integer,
  	\`partners_id\` integer,
  	\`hotlines_id\` integer,
  	\`media_id\` integer,
  	\`users_id\` integer,
  	\`rate_limit_counters_id\` integer,
  	\`translation_tasks_id\` integer,
  	\`glossary_terms_id\` integer,
  	\`translation_memory_id\` integer,
  	\`xliff_imports_id\` integer,
  	\`gates_id\` integer,
  	\`gate_rounds_id\` integer,
  	\`gate_votes_id\` integer,
  	\`gate_events_id\` integer,
  	\`api_clients_id\` integer,
  	\`webhooks_id\` integer,
  	\`webhook_deliveries_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`phases_id\`) REFERENCES \`phases\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`deliverables_id\`) REFERENCES \`deliverables\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`training_modules_id\`) REFERENCES \`training_modules\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`reports_id\`) REFERENCES \`reports\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`partners_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`hotlines_id\`) REFERENCES \`hotlines\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`rate_limit_counters_id\`) REFERENCES \`rate_limit_counters\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`translation_tasks_id\`) REFERENCES \`translation_tasks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`glossary_terms_id\`) REFERENCES \`glossary_terms\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`translation_memory_id\`) REFERENCES \`translation_memory\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`xliff_imports_id\`) REFERENCES \`xliff_imports\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`gates_id\`) REFERENCES \`gates\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`gate_rounds_id\`) REFERENCES \`gate_rounds\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`gate_votes_id\`) REFERENCES \`gate_votes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`gate_events_id\`) REFERENCES \`gate_events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`api_clients_id\`) REFERENCES \`api_clients\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`webhooks_id\`) REFERENCES \`webhooks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`webhook_deliveries_id\`) REFERENCES \`webhook_deliveries\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "phases_id", "deliverables_id", "training_modules_id", "reports_id", "partners_id", "hotlines_id", "media_id", "users_id", "rate_limit_counters_id", "translation_tasks_id", "glossary_terms_id", "translation_memory_id", "xliff_imports_id", "gates_id", "gate_rounds_id", "gate_votes_id", "gate_events_id", "api_clients_id", "webhooks_id", "webhook_deliveries_id") SELECT "id", "order", "parent_id", "path", "phases_id", "deliverables_id", "training_modules_id", "reports_id", "partners_id", "hotlines_id", "media_id", "users_id", "rate_limit_counters_id", "translation_tasks_id", "glossary_terms_id", "translation_memory_id", "xliff_imports_id", "gates_id", "gate_rounds_id", "gate_votes_id", "gate_events_id", "api_clients_id", "webhooks_id", "webhook_deliveries_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_phases_id_idx\` ON \`payload_locked_documents_rels\` (\`phases_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_deliverables_id_idx\` ON \`payload_locked_documents_rels\` (\`deliverables_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_training_modules_id_idx\` ON \`payload_locked_documents_rels\` (\`training_modules_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_reports_id_idx\` ON \`payload_locked_documents_rels\` (\`reports_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_partners_id_idx\` ON \`payload_locked_documents_rels\` (\`partners_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_hotlines_id_idx\` ON \`payload_locked_documents_rels\` (\`hotlines_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_rate_limit_counters_id_idx\` ON \`payload_locked_documents_rels\` (\`rate_limit_counters_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_translation_tasks_id_idx\` ON \`payload_locked_documents_rels\` (\`translation_tasks_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_glossary_terms_id_idx\` ON \`payload_locked_documents_rels\` (\`glossary_terms_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_translation_memory_id_idx\` ON \`payload_locked_documents_rels\` (\`translation_memory_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_xliff_imports_id_idx\` ON \`payload_locked_documents_rels\` (\`xliff_imports_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_gates_id_idx\` ON \`payload_locked_documents_rels\` (\`gates_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_gate_rounds_id_idx\` ON \`payload_locked_documents_rels\` (\`gate_rounds_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_gate_votes_id_idx\` ON \`payload_locked_documents_rels\` (\`gate_votes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_gate_events_id_idx\` ON \`payload_locked_documents_rels\` (\`gate_events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_api_clients_id_idx\` ON \`payload_locked_documents_rels\` (\`api_clients_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_webhooks_id_idx\` ON \`payload_locked_documents_rels\` (\`webhooks_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_webhook_deliveries_id_idx\` ON \`payload_locked_documents_rels\` (\`webhook_deliveries_id\`);`)
  await db.run(sql`ALTER TABLE \`deliverables\` DROP COLUMN \`print_country\`;`)
  await db.run(sql`ALTER TABLE \`deliverables\` DROP COLUMN \`print_layout_bleed_mm\`;`)
  await db.run(sql`ALTER TABLE \`deliverables\` DROP COLUMN \`print_layout_crop_marks\`;`)
  await db.run(sql`ALTER TABLE \`_deliverables_v\` DROP COLUMN \`version_print_country\`;`)
  await db.run(sql`ALTER TABLE \`_deliverables_v\` DROP COLUMN \`version_print_layout_bleed_mm\`;`)
  await db.run(sql`ALTER TABLE \`_deliverables_v\` DROP COLUMN \`version_print_layout_crop_marks\`;`)
}
