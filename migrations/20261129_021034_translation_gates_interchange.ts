import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`users_translation_notifications_off\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_translation_notifications_off_order_idx\` ON \`users_translation_notifications_off\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`users_translation_notifications_off_parent_idx\` ON \`users_translation_notifications_off\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`translation_tasks_review_comments\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`author_id\` integer,
  	\`comment\` text NOT NULL,
  	\`at\` text,
  	FOREIGN KEY (\`author_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`translation_tasks\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`translation_tasks_review_comments_order_idx\` ON \`translation_tasks_review_comments\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`translation_tasks_review_comments_parent_id_idx\` ON \`translation_tasks_review_comments\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`translation_tasks_review_comments_author_idx\` ON \`translation_tasks_review_comments\` (\`author_id\`);`)
  await db.run(sql`CREATE TABLE \`translation_tasks\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`target_collection\` text NOT NULL,
  	\`document_id\` text NOT NULL,
  	\`locale\` text NOT NULL,
  	\`status\` text DEFAULT 'untranslated' NOT NULL,
  	\`priority\` text DEFAULT 'normal' NOT NULL,
  	\`priority_rank\` numeric DEFAULT 1,
  	\`due_date\` text,
  	\`assignee_id\` integer,
  	\`reviewer_id\` integer,
  	\`translated_by_id\` integer,
  	\`source_word_count\` numeric DEFAULT 0,
  	\`source_fingerprints\` text,
  	\`source_values\` text,
  	\`changed_fields\` text,
  	\`submitted_at\` text,
  	\`approved_at\` text,
  	\`published_at\` text,
  	\`publish_blocked_reason\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`assignee_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`reviewer_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`translated_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`translation_tasks_target_collection_idx\` ON \`translation_tasks\` (\`target_collection\`);`)
  await db.run(sql`CREATE INDEX \`translation_tasks_document_id_idx\` ON \`translation_tasks\` (\`document_id\`);`)
  await db.run(sql`CREATE INDEX \`translation_tasks_locale_idx\` ON \`translation_tasks\` (\`locale\`);`)
  await db.run(sql`CREATE INDEX \`translation_tasks_status_idx\` ON \`translation_tasks\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`translation_tasks_priority_rank_idx\` ON \`translation_tasks\` (\`priority_rank\`);`)
  await db.run(sql`CREATE INDEX \`translation_tasks_due_date_idx\` ON \`translation_tasks\` (\`due_date\`);`)
  await db.run(sql`CREATE INDEX \`translation_tasks_assignee_idx\` ON \`translation_tasks\` (\`assignee_id\`);`)
  await db.run(sql`CREATE INDEX \`translation_tasks_reviewer_idx\` ON \`translation_tasks\` (\`reviewer_id\`);`)
  await db.run(sql`CREATE INDEX \`translation_tasks_translated_by_idx\` ON \`translation_tasks\` (\`translated_by_id\`);`)
  await db.run(sql`CREATE INDEX \`translation_tasks_updated_at_idx\` ON \`translation_tasks\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`translation_tasks_created_at_idx\` ON \`translation_tasks\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`targetCollection_documentId_locale_idx\` ON \`translation_tasks\` (\`target_collection\`,\`document_id\`,\`locale\`);`)
  await db.run(sql`CREATE TABLE \`glossary_terms_forbidden\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`variant\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`glossary_terms\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`glossary_terms_forbidden_order_idx\` ON \`glossary_terms_forbidden\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`glossary_terms_forbidden_parent_id_idx\` ON \`glossary_terms_forbidden\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`glossary_terms\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`term\` text NOT NULL,
  	\`locale\` text NOT NULL,
  	\`definition\` text,
  	\`approved_translation\` text,
  	\`do_not_translate\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`glossary_terms_term_idx\` ON \`glossary_terms\` (\`term\`);`)
  await db.run(sql`CREATE INDEX \`glossary_terms_locale_idx\` ON \`glossary_terms\` (\`locale\`);`)
  await db.run(sql`CREATE INDEX \`glossary_terms_updated_at_idx\` ON \`glossary_terms\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`glossary_terms_created_at_idx\` ON \`glossary_terms\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`translation_memory\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`source_locale\` text DEFAULT 'en' NOT NULL,
  	\`target_locale\` text NOT NULL,
  	\`source\` text NOT NULL,
  	\`target\` text NOT NULL,
  	\`context\` text,
  	\`origin\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`translation_memory_source_locale_idx\` ON \`translation_memory\` (\`source_locale\`);`)
  await db.run(sql`CREATE INDEX \`translation_memory_target_locale_idx\` ON \`translation_memory\` (\`target_locale\`);`)
  await db.run(sql`CREATE INDEX \`translation_memory_context_idx\` ON \`translation_memory\` (\`context\`);`)
  await db.run(sql`CREATE INDEX \`translation_memory_updated_at_idx\` ON \`translation_memory\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`translation_memory_created_at_idx\` ON \`translation_memory\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`gates_checklist\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`item\` text NOT NULL,
  	\`done\` integer DEFAULT false,
  	\`evidence_text\` text,
  	\`evidence_link\` text,
  	\`evidence_file_id\` integer,
  	FOREIGN KEY (\`evidence_file_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`gates\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`gates_checklist_order_idx\` ON \`gates_checklist\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`gates_checklist_parent_id_idx\` ON \`gates_checklist\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`gates_checklist_evidence_file_idx\` ON \`gates_checklist\` (\`evidence_file_id\`);`)
  await db.run(sql`CREATE TABLE \`gates\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`phase_id\` integer NOT NULL,
  	\`decision\` text DEFAULT 'none',
  	\`decided_at\` text,
  	\`decided_round_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`phase_id\`) REFERENCES \`phases\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`decided_round_id\`) REFERENCES \`gate_rounds\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`gates_phase_idx\` ON \`gates\` (\`phase_id\`);`)
  await db.run(sql`CREATE INDEX \`gates_decision_idx\` ON \`gates\` (\`decision\`);`)
  await db.run(sql`CREATE INDEX \`gates_decided_round_idx\` ON \`gates\` (\`decided_round_id\`);`)
  await db.run(sql`CREATE INDEX \`gates_updated_at_idx\` ON \`gates\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`gates_created_at_idx\` ON \`gates\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`gate_rounds\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`gate_id\` integer NOT NULL,
  	\`due_at\` text,
  	\`phase_id\` integer,
  	\`number\` numeric,
  	\`status\` text DEFAULT 'open',
  	\`opened_by_id\` integer,
  	\`opened_at\` text,
  	\`members\` text,
  	\`snapshot\` text,
  	\`changes_since_previous_round\` text,
  	\`outcome\` text,
  	\`decision_reason\` text,
  	\`decided_because\` text,
  	\`decided_at\` text,
  	\`tally\` text,
  	\`comments\` text,
  	\`override_outcome\` text,
  	\`override_reason\` text,
  	\`override_by_id\` integer,
  	\`override_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`gate_id\`) REFERENCES \`gates\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`phase_id\`) REFERENCES \`phases\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`opened_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`override_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`gate_rounds_gate_idx\` ON \`gate_rounds\` (\`gate_id\`);`)
  await db.run(sql`CREATE INDEX \`gate_rounds_phase_idx\` ON \`gate_rounds\` (\`phase_id\`);`)
  await db.run(sql`CREATE INDEX \`gate_rounds_status_idx\` ON \`gate_rounds\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`gate_rounds_opened_by_idx\` ON \`gate_rounds\` (\`opened_by_id\`);`)
  await db.run(sql`CREATE INDEX \`gate_rounds_override_override_by_idx\` ON \`gate_rounds\` (\`override_by_id\`);`)
  await db.run(sql`CREATE INDEX \`gate_rounds_updated_at_idx\` ON \`gate_rounds\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`gate_rounds_created_at_idx\` ON \`gate_rounds\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`gate_votes\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`round_id\` integer NOT NULL,
  	\`member_id\` integer,
  	\`choice\` text NOT NULL,
  	\`comment\` text,
  	\`cast_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`round_id\`) REFERENCES \`gate_rounds\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`member_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`gate_votes_round_idx\` ON \`gate_votes\` (\`round_id\`);`)
  await db.run(sql`CREATE INDEX \`gate_votes_member_idx\` ON \`gate_votes\` (\`member_id\`);`)
  await db.run(sql`CREATE INDEX \`gate_votes_updated_at_idx\` ON \`gate_votes\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`gate_votes_created_at_idx\` ON \`gate_votes\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`round_member_idx\` ON \`gate_votes\` (\`round_id\`,\`member_id\`);`)
  await db.run(sql`CREATE TABLE \`gate_events\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`sequence\` numeric NOT NULL,
  	\`type\` text NOT NULL,
  	\`at\` text NOT NULL,
  	\`actor\` text,
  	\`actor_name\` text,
  	\`phase\` text,
  	\`gate\` text,
  	\`round\` text,
  	\`data\` text,
  	\`prev_hash\` text NOT NULL,
  	\`hash\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`gate_events_sequence_idx\` ON \`gate_events\` (\`sequence\`);`)
  await db.run(sql`CREATE INDEX \`gate_events_phase_idx\` ON \`gate_events\` (\`phase\`);`)
  await db.run(sql`CREATE INDEX \`gate_events_gate_idx\` ON \`gate_events\` (\`gate\`);`)
  await db.run(sql`CREATE INDEX \`gate_events_round_idx\` ON \`gate_events\` (\`round\`);`)
  await db.run(sql`CREATE INDEX \`gate_events_updated_at_idx\` ON \`gate_events\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`gate_events_created_at_idx\` ON \`gate_events\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`translation_tasks_id\` integer REFERENCES translation_tasks(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`glossary_terms_id\` integer REFERENCES glossary_terms(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`translation_memory_id\` integer REFERENCES translation_memory(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`gates_id\` integer REFERENCES gates(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`gate_rounds_id\` integer REFERENCES gate_rounds(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`gate_votes_id\` integer REFERENCES gate_votes(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`gate_events_id\` integer REFERENCES gate_events(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_translation_tasks_id_idx\` ON \`payload_locked_documents_rels\` (\`translation_tasks_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_glossary_terms_id_idx\` ON \`payload_locked_documents_rels\` (\`glossary_terms_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_translation_memory_id_idx\` ON \`payload_locked_documents_rels\` (\`translation_memory_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_gates_id_idx\` ON \`payload_locked_documents_rels\` (\`gates_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_gate_rounds_id_idx\` ON \`payload_locked_documents_rels\` (\`gate_rounds_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_gate_votes_id_idx\` ON \`payload_locked_documents_rels\` (\`gate_votes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_gate_events_id_idx\` ON \`payload_locked_documents_rels\` (\`gate_events_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`users_translation_notifications_off\`;`)
  await db.run(sql`DROP TABLE \`translation_tasks_review_comments\`;`)
  await db.run(sql`DROP TABLE \`translation_tasks\`;`)
  await db.run(sql`DROP TABLE \`glossary_terms_forbidden\`;`)
  await db.run(sql`DROP TABLE \`glossary_terms\`;`)
  await db.run(sql`DROP TABLE \`translation_memory\`;`)
  await db.run(sql`DROP TABLE \`gates_checklist\`;`)
  await db.run(sql`DROP TABLE \`gates\`;`)
  await db.run(sql`DROP TABLE \`gate_rounds\`;`)
  await db.run(sql`DROP TABLE \`gate_votes\`;`)
  await db.run(sql`DROP TABLE \`gate_events\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
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
  	FOREIGN KEY (\`api_clients_id\`) REFERENCES \`api_clients\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`webhooks_id\`) REFERENCES \`webhooks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`webhook_deliveries_id\`) REFERENCES \`webhook_deliveries\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "phases_id", "deliverables_id", "training_modules_id", "reports_id", "partners_id", "hotlines_id", "media_id", "users_id", "rate_limit_counters_id", "api_clients_id", "webhooks_id", "webhook_deliveries_id") SELECT "id", "order", "parent_id", "path", "phases_id", "deliverables_id", "training_modules_id", "reports_id", "partners_id", "hotlines_id", "media_id", "users_id", "rate_limit_counters_id", "api_clients_id", "webhooks_id", "webhook_deliveries_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_api_clients_id_idx\` ON \`payload_locked_documents_rels\` (\`api_clients_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_webhooks_id_idx\` ON \`payload_locked_documents_rels\` (\`webhooks_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_webhook_deliveries_id_idx\` ON \`payload_locked_documents_rels\` (\`webhook_deliveries_id\`);`)
}
