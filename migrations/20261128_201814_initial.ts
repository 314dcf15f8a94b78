import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`phases_objectives\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`phases\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`phases_objectives_order_idx\` ON \`phases_objectives\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`phases_objectives_parent_id_idx\` ON \`phases_objectives\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`phases_objectives_locales\` (
  	\`objective\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`phases_objectives\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`phases_objectives_locales_locale_parent_id_unique\` ON \`phases_objectives_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`phases_key_activities\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`kind\` text,
  	\`date\` text,
  	\`country\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`phases\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`phases_key_activities_order_idx\` ON \`phases_key_activities\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`phases_key_activities_parent_id_idx\` ON \`phases_key_activities\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`phases_key_activities_locales\` (
  	\`title\` text,
  	\`location\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`phases_key_activities\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`phases_key_activities_locales_locale_parent_id_unique\` ON \`phases_key_activities_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`phases\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`number\` numeric,
  	\`slug\` text,
  	\`status\` text DEFAULT 'planned',
  	\`start_date\` text,
  	\`end_date\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft'
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`phases_number_idx\` ON \`phases\` (\`number\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`phases_slug_idx\` ON \`phases\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`phases_status_idx\` ON \`phases\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`phases_updated_at_idx\` ON \`phases\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`phases_created_at_idx\` ON \`phases\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`phases__status_idx\` ON \`phases\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`phases_locales\` (
  	\`title\` text,
  	\`summary\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`phases\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`phases_locales_locale_parent_id_unique\` ON \`phases_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_phases_v_version_objectives\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_phases_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_phases_v_version_objectives_order_idx\` ON \`_phases_v_version_objectives\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_phases_v_version_objectives_parent_id_idx\` ON \`_phases_v_version_objectives\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_phases_v_version_objectives_locales\` (
  	\`objective\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_phases_v_version_objectives\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_phases_v_version_objectives_locales_locale_parent_id_unique\` ON \`_phases_v_version_objectives_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_phases_v_version_key_activities\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`kind\` text,
  	\`date\` text,
  	\`country\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_phases_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_phases_v_version_key_activities_order_idx\` ON \`_phases_v_version_key_activities\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_phases_v_version_key_activities_parent_id_idx\` ON \`_phases_v_version_key_activities\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_phases_v_version_key_activities_locales\` (
  	\`title\` text,
  	\`location\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_phases_v_version_key_activities\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_phases_v_version_key_activities_locales_locale_parent_id_un\` ON \`_phases_v_version_key_activities_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_phases_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_number\` numeric,
  	\`version_slug\` text,
  	\`version_status\` text DEFAULT 'planned',
  	\`version_start_date\` text,
  	\`version_end_date\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`phases\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_phases_v_parent_idx\` ON \`_phases_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_phases_v_version_version_number_idx\` ON \`_phases_v\` (\`version_number\`);`)
  await db.run(sql`CREATE INDEX \`_phases_v_version_version_slug_idx\` ON \`_phases_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_phases_v_version_version_status_idx\` ON \`_phases_v\` (\`version_status\`);`)
  await db.run(sql`CREATE INDEX \`_phases_v_version_version_updated_at_idx\` ON \`_phases_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_phases_v_version_version_created_at_idx\` ON \`_phases_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_phases_v_version_version__status_idx\` ON \`_phases_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_phases_v_created_at_idx\` ON \`_phases_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_phases_v_updated_at_idx\` ON \`_phases_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_phases_v_snapshot_idx\` ON \`_phases_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_phases_v_published_locale_idx\` ON \`_phases_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_phases_v_latest_idx\` ON \`_phases_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_phases_v_locales\` (
  	\`version_title\` text,
  	\`version_summary\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_phases_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_phases_v_locales_locale_parent_id_unique\` ON \`_phases_v_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`deliverables_audiences\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`deliverables\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`deliverables_audiences_order_idx\` ON \`deliverables_audiences\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`deliverables_audiences_parent_idx\` ON \`deliverables_audiences\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`deliverables\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`slug\` text,
  	\`type\` text,
  	\`phase_id\` integer,
  	\`due_date\` text,
  	\`work_status\` text DEFAULT 'not-started',
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`phase_id\`) REFERENCES \`phases\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`deliverables_slug_idx\` ON \`deliverables\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`deliverables_phase_idx\` ON \`deliverables\` (\`phase_id\`);`)
  await db.run(sql`CREATE INDEX \`deliverables_work_status_idx\` ON \`deliverables\` (\`work_status\`);`)
  await db.run(sql`CREATE INDEX \`deliverables_updated_at_idx\` ON \`deliverables\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`deliverables_created_at_idx\` ON \`deliverables\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`deliverables__status_idx\` ON \`deliverables\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`deliverables_locales\` (
  	\`title\` text,
  	\`description\` text,
  	\`file_id\` integer,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`file_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`deliverables\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`deliverables_file_idx\` ON \`deliverables_locales\` (\`file_id\`,\`_locale\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`deliverables_locales_locale_parent_id_unique\` ON \`deliverables_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`deliverables_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`partners_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`deliverables\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`partners_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`deliverables_rels_order_idx\` ON \`deliverables_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`deliverables_rels_parent_idx\` ON \`deliverables_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`deliverables_rels_path_idx\` ON \`deliverables_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`deliverables_rels_partners_id_idx\` ON \`deliverables_rels\` (\`partners_id\`);`)
  await db.run(sql`CREATE TABLE \`_deliverables_v_version_audiences\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_deliverables_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_deliverables_v_version_audiences_order_idx\` ON \`_deliverables_v_version_audiences\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_deliverables_v_version_audiences_parent_idx\` ON \`_deliverables_v_version_audiences\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_deliverables_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_slug\` text,
  	\`version_type\` text,
  	\`version_phase_id\` integer,
  	\`version_due_date\` text,
  	\`version_work_status\` text DEFAULT 'not-started',
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`deliverables\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_phase_id\`) REFERENCES \`phases\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_deliverables_v_parent_idx\` ON \`_deliverables_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_deliverables_v_version_version_slug_idx\` ON \`_deliverables_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_deliverables_v_version_version_phase_idx\` ON \`_deliverables_v\` (\`version_phase_id\`);`)
  await db.run(sql`CREATE INDEX \`_deliverables_v_version_version_work_status_idx\` ON \`_deliverables_v\` (\`version_work_status\`);`)
  await db.run(sql`CREATE INDEX \`_deliverables_v_version_version_updated_at_idx\` ON \`_deliverables_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_deliverables_v_version_version_created_at_idx\` ON \`_deliverables_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_deliverables_v_version_version__status_idx\` ON \`_deliverables_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_deliverables_v_created_at_idx\` ON \`_deliverables_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_deliverables_v_updated_at_idx\` ON \`_deliverables_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_deliverables_v_snapshot_idx\` ON \`_deliverables_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_deliverables_v_published_locale_idx\` ON \`_deliverables_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_deliverables_v_latest_idx\` ON \`_deliverables_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_deliverables_v_locales\` (
  	\`version_title\` text,
  	\`version_description\` text,
  	\`version_file_id\` integer,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`version_file_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_deliverables_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_deliverables_v_version_version_file_idx\` ON \`_deliverables_v_locales\` (\`version_file_id\`,\`_locale\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`_deliverables_v_locales_locale_parent_id_unique\` ON \`_deliverables_v_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_deliverables_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`partners_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_deliverables_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`partners_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_deliverables_v_rels_order_idx\` ON \`_deliverables_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_deliverables_v_rels_parent_idx\` ON \`_deliverables_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_deliverables_v_rels_path_idx\` ON \`_deliverables_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_deliverables_v_rels_partners_id_idx\` ON \`_deliverables_v_rels\` (\`partners_id\`);`)
  await db.run(sql`CREATE TABLE \`training_modules_learning_objectives\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`training_modules\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`training_modules_learning_objectives_order_idx\` ON \`training_modules_learning_objectives\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`training_modules_learning_objectives_parent_id_idx\` ON \`training_modules_learning_objectives\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`training_modules_learning_objectives_locales\` (
  	\`objective\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`training_modules_learning_objectives\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`training_modules_learning_objectives_locales_locale_parent_i\` ON \`training_modules_learning_objectives_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`training_modules_target_audiences\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`training_modules\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`training_modules_target_audiences_order_idx\` ON \`training_modules_target_audiences\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`training_modules_target_audiences_parent_idx\` ON \`training_modules_target_audiences\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`training_modules_delivery_methods\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`training_modules\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`training_modules_delivery_methods_order_idx\` ON \`training_modules_delivery_methods\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`training_modules_delivery_methods_parent_idx\` ON \`training_modules_delivery_methods\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`training_modules\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`code\` text,
  	\`order\` numeric,
  	\`slug\` text,
  	\`duration_minutes\` numeric,
  	\`phase_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`phase_id\`) REFERENCES \`phases\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`training_modules_code_idx\` ON \`training_modules\` (\`code\`);`)
  await db.run(sql`CREATE INDEX \`training_modules_order_idx\` ON \`training_modules\` (\`order\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`training_modules_slug_idx\` ON \`training_modules\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`training_modules_phase_idx\` ON \`training_modules\` (\`phase_id\`);`)
  await db.run(sql`CREATE INDEX \`training_modules_updated_at_idx\` ON \`training_modules\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`training_modules_created_at_idx\` ON \`training_modules\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`training_modules__status_idx\` ON \`training_modules\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`training_modules_locales\` (
  	\`title\` text,
  	\`content\` text,
  	\`trainer_notes\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`training_modules\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`training_modules_locales_locale_parent_id_unique\` ON \`training_modules_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`training_modules_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`media_id\` integer,
  	\`training_modules_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`training_modules\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`training_modules_id\`) REFERENCES \`training_modules\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`training_modules_rels_order_idx\` ON \`training_modules_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`training_modules_rels_parent_idx\` ON \`training_modules_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`training_modules_rels_path_idx\` ON \`training_modules_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`training_modules_rels_media_id_idx\` ON \`training_modules_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`training_modules_rels_training_modules_id_idx\` ON \`training_modules_rels\` (\`training_modules_id\`);`)
  await db.run(sql`CREATE TABLE \`_training_modules_v_version_learning_objectives\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_training_modules_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_training_modules_v_version_learning_objectives_order_idx\` ON \`_training_modules_v_version_learning_objectives\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_training_modules_v_version_learning_objectives_parent_id_idx\` ON \`_training_modules_v_version_learning_objectives\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_training_modules_v_version_learning_objectives_locales\` (
  	\`objective\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_training_modules_v_version_learning_objectives\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_training_modules_v_version_learning_objectives_locales_loca\` ON \`_training_modules_v_version_learning_objectives_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_training_modules_v_version_target_audiences\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_training_modules_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_training_modules_v_version_target_audiences_order_idx\` ON \`_training_modules_v_version_target_audiences\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_training_modules_v_version_target_audiences_parent_idx\` ON \`_training_modules_v_version_target_audiences\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_training_modules_v_version_delivery_methods\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_training_modules_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_training_modules_v_version_delivery_methods_order_idx\` ON \`_training_modules_v_version_delivery_methods\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_training_modules_v_version_delivery_methods_parent_idx\` ON \`_training_modules_v_version_delivery_methods\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_training_modules_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_code\` text,
  	\`version_order\` numeric,
  	\`version_slug\` text,
  	\`version_duration_minutes\` numeric,
  	\`version_phase_id\` integer,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`training_modules\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_phase_id\`) REFERENCES \`phases\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_training_modules_v_parent_idx\` ON \`_training_modules_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_training_modules_v_version_version_code_idx\` ON \`_training_modules_v\` (\`version_code\`);`)
  await db.run(sql`CREATE INDEX \`_training_modules_v_version_version_order_idx\` ON \`_training_modules_v\` (\`version_order\`);`)
  await db.run(sql`CREATE INDEX \`_training_modules_v_version_version_slug_idx\` ON \`_training_modules_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_training_modules_v_version_version_phase_idx\` ON \`_training_modules_v\` (\`version_phase_id\`);`)
  await db.run(sql`CREATE INDEX \`_training_modules_v_version_version_updated_at_idx\` ON \`_training_modules_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_training_modules_v_version_version_created_at_idx\` ON \`_training_modules_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_training_modules_v_version_version__status_idx\` ON \`_training_modules_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_training_modules_v_created_at_idx\` ON \`_training_modules_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_training_modules_v_updated_at_idx\` ON \`_training_modules_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_training_modules_v_snapshot_idx\` ON \`_training_modules_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_training_modules_v_published_locale_idx\` ON \`_training_modules_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_training_modules_v_latest_idx\` ON \`_training_modules_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_training_modules_v_locales\` (
  	\`version_title\` text,
  	\`version_content\` text,
  	\`version_trainer_notes\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_training_modules_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_training_modules_v_locales_locale_parent_id_unique\` ON \`_training_modules_v_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_training_modules_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`media_id\` integer,
  	\`training_modules_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_training_modules_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`training_modules_id\`) REFERENCES \`training_modules\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_training_modules_v_rels_order_idx\` ON \`_training_modules_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_training_modules_v_rels_parent_idx\` ON \`_training_modules_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_training_modules_v_rels_path_idx\` ON \`_training_modules_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_training_modules_v_rels_media_id_idx\` ON \`_training_modules_v_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`_training_modules_v_rels_training_modules_id_idx\` ON \`_training_modules_v_rels\` (\`training_modules_id\`);`)
  await db.run(sql`CREATE TABLE \`reports\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`slug\` text,
  	\`type\` text,
  	\`phase_id\` integer,
  	\`country\` text,
  	\`period_covered_from\` text,
  	\`period_covered_to\` text,
  	\`authoring_partner_id\` integer,
  	\`publication_date\` text,
  	\`visibility\` text DEFAULT 'internal',
  	\`participants_trained_border\` numeric DEFAULT 0,
  	\`participants_trained_health\` numeric DEFAULT 0,
  	\`participants_trained_judiciary\` numeric DEFAULT 0,
  	\`participants_trained_law_enforcement\` numeric DEFAULT 0,
  	\`participants_trained_ngo\` numeric DEFAULT 0,
  	\`participants_trained_other\` numeric DEFAULT 0,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`phase_id\`) REFERENCES \`phases\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`authoring_partner_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`reports_slug_idx\` ON \`reports\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`reports_type_idx\` ON \`reports\` (\`type\`);`)
  await db.run(sql`CREATE INDEX \`reports_phase_idx\` ON \`reports\` (\`phase_id\`);`)
  await db.run(sql`CREATE INDEX \`reports_country_idx\` ON \`reports\` (\`country\`);`)
  await db.run(sql`CREATE INDEX \`reports_authoring_partner_idx\` ON \`reports\` (\`authoring_partner_id\`);`)
  await db.run(sql`CREATE INDEX \`reports_visibility_idx\` ON \`reports\` (\`visibility\`);`)
  await db.run(sql`CREATE INDEX \`reports_updated_at_idx\` ON \`reports\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`reports_created_at_idx\` ON \`reports\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`reports__status_idx\` ON \`reports\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`reports_locales\` (
  	\`title\` text,
  	\`summary\` text,
  	\`file_id\` integer,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`file_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`reports\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`reports_file_idx\` ON \`reports_locales\` (\`file_id\`,\`_locale\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`reports_locales_locale_parent_id_unique\` ON \`reports_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_reports_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_slug\` text,
  	\`version_type\` text,
  	\`version_phase_id\` integer,
  	\`version_country\` text,
  	\`version_period_covered_from\` text,
  	\`version_period_covered_to\` text,
  	\`version_authoring_partner_id\` integer,
  	\`version_publication_date\` text,
  	\`version_visibility\` text DEFAULT 'internal',
  	\`version_participants_trained_border\` numeric DEFAULT 0,
  	\`version_participants_trained_health\` numeric DEFAULT 0,
  	\`version_participants_trained_judiciary\` numeric DEFAULT 0,
  	\`version_participants_trained_law_enforcement\` numeric DEFAULT 0,
  	\`version_participants_trained_ngo\` numeric DEFAULT 0,
  	\`version_participants_trained_other\` numeric DEFAULT 0,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`reports\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_phase_id\`) REFERENCES \`phases\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_authoring_partner_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_reports_v_parent_idx\` ON \`_reports_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_reports_v_version_version_slug_idx\` ON \`_reports_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_reports_v_version_version_type_idx\` ON \`_reports_v\` (\`version_type\`);`)
  await db.run(sql`CREATE INDEX \`_reports_v_version_version_phase_idx\` ON \`_reports_v\` (\`version_phase_id\`);`)
  await db.run(sql`CREATE INDEX \`_reports_v_version_version_country_idx\` ON \`_reports_v\` (\`version_country\`);`)
  await db.run(sql`CREATE INDEX \`_reports_v_version_version_authoring_partner_idx\` ON \`_reports_v\` (\`version_authoring_partner_id\`);`)
  await db.run(sql`CREATE INDEX \`_reports_v_version_version_visibility_idx\` ON \`_reports_v\` (\`version_visibility\`);`)
  await db.run(sql`CREATE INDEX \`_reports_v_version_version_updated_at_idx\` ON \`_reports_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_reports_v_version_version_created_at_idx\` ON \`_reports_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_reports_v_version_version__status_idx\` ON \`_reports_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_reports_v_created_at_idx\` ON \`_reports_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_reports_v_updated_at_idx\` ON \`_reports_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_reports_v_snapshot_idx\` ON \`_reports_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_reports_v_published_locale_idx\` ON \`_reports_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_reports_v_latest_idx\` ON \`_reports_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_reports_v_locales\` (
  	\`version_title\` text,
  	\`version_summary\` text,
  	\`version_file_id\` integer,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`version_file_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_reports_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_reports_v_version_version_file_idx\` ON \`_reports_v_locales\` (\`version_file_id\`,\`_locale\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`_reports_v_locales_locale_parent_id_unique\` ON \`_reports_v_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`partners\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`slug\` text,
  	\`acronym\` text,
  	\`country\` text,
  	\`sector\` text,
  	\`role\` text DEFAULT 'partner',
  	\`logo_id\` integer,
  	\`website\` text,
  	\`contact_person\` text,
  	\`contact_email\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`logo_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`partners_slug_idx\` ON \`partners\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`partners_logo_idx\` ON \`partners\` (\`logo_id\`);`)
  await db.run(sql`CREATE INDEX \`partners_updated_at_idx\` ON \`partners\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`partners_created_at_idx\` ON \`partners\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`partners__status_idx\` ON \`partners\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`partners_locales\` (
  	\`name\` text,
  	\`description\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`partners_locales_locale_parent_id_unique\` ON \`partners_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_partners_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_slug\` text,
  	\`version_acronym\` text,
  	\`version_country\` text,
  	\`version_sector\` text,
  	\`version_role\` text DEFAULT 'partner',
  	\`version_logo_id\` integer,
  	\`version_website\` text,
  	\`version_contact_person\` text,
  	\`version_contact_email\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_logo_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_partners_v_parent_idx\` ON \`_partners_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_partners_v_version_version_slug_idx\` ON \`_partners_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_partners_v_version_version_logo_idx\` ON \`_partners_v\` (\`version_logo_id\`);`)
  await db.run(sql`CREATE INDEX \`_partners_v_version_version_updated_at_idx\` ON \`_partners_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_partners_v_version_version_created_at_idx\` ON \`_partners_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_partners_v_version_version__status_idx\` ON \`_partners_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_partners_v_created_at_idx\` ON \`_partners_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_partners_v_updated_at_idx\` ON \`_partners_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_partners_v_snapshot_idx\` ON \`_partners_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_partners_v_published_locale_idx\` ON \`_partners_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_partners_v_latest_idx\` ON \`_partners_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_partners_v_locales\` (
  	\`version_name\` text,
  	\`version_description\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_partners_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_partners_v_locales_locale_parent_id_unique\` ON \`_partners_v_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`hotlines_alternative_numbers\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`number\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`hotlines\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`hotlines_alternative_numbers_order_idx\` ON \`hotlines_alternative_numbers\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`hotlines_alternative_numbers_parent_id_idx\` ON \`hotlines_alternative_numbers\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`hotlines_alternative_numbers_locales\` (
  	\`label\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`hotlines_alternative_numbers\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`hotlines_alternative_numbers_locales_locale_parent_id_unique\` ON \`hotlines_alternative_numbers_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`hotlines_audiences\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`hotlines\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`hotlines_audiences_order_idx\` ON \`hotlines_audiences\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`hotlines_audiences_parent_idx\` ON \`hotlines_audiences\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`hotlines_languages\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`hotlines\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`hotlines_languages_order_idx\` ON \`hotlines_languages\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`hotlines_languages_parent_idx\` ON \`hotlines_languages\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`hotlines_availability_hours_days\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` text NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`hotlines_availability_hours\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`hotlines_availability_hours_days_order_idx\` ON \`hotlines_availability_hours_days\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`hotlines_availability_hours_days_parent_idx\` ON \`hotlines_availability_hours_days\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`hotlines_availability_hours\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`opens\` text,
  	\`closes\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`hotlines\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`hotlines_availability_hours_order_idx\` ON \`hotlines_availability_hours\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`hotlines_availability_hours_parent_id_idx\` ON \`hotlines_availability_hours\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`hotlines\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`slug\` text,
  	\`country\` text,
  	\`phone\` text,
  	\`sms\` text,
  	\`chat\` text,
  	\`email\` text,
  	\`website\` text,
  	\`availability_always_open\` integer DEFAULT false,
  	\`availability_time_zone\` text DEFAULT 'Europe/Brussels',
  	\`free_of_charge\` integer DEFAULT true,
  	\`operating_partner_id\` integer,
  	\`verification_last_verified_at\` text,
  	\`verification_last_verified_by_id\` integer,
  	\`verification_interval_days\` numeric DEFAULT 180,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`operating_partner_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`verification_last_verified_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`hotlines_slug_idx\` ON \`hotlines\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`hotlines_country_idx\` ON \`hotlines\` (\`country\`);`)
  await db.run(sql`CREATE INDEX \`hotlines_operating_partner_idx\` ON \`hotlines\` (\`operating_partner_id\`);`)
  await db.run(sql`CREATE INDEX \`hotlines_verification_verification_last_verified_by_idx\` ON \`hotlines\` (\`verification_last_verified_by_id\`);`)
  await db.run(sql`CREATE INDEX \`hotlines_updated_at_idx\` ON \`hotlines\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`hotlines_created_at_idx\` ON \`hotlines\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`hotlines__status_idx\` ON \`hotlines\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`hotlines_locales\` (
  	\`name\` text,
  	\`notes\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`hotlines\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`hotlines_locales_locale_parent_id_unique\` ON \`hotlines_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_hotlines_v_version_alternative_numbers\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`number\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_hotlines_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_hotlines_v_version_alternative_numbers_order_idx\` ON \`_hotlines_v_version_alternative_numbers\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_hotlines_v_version_alternative_numbers_parent_id_idx\` ON \`_hotlines_v_version_alternative_numbers\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_hotlines_v_version_alternative_numbers_locales\` (
  	\`label\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_hotlines_v_version_alternative_numbers\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_hotlines_v_version_alternative_numbers_locales_locale_paren\` ON \`_hotlines_v_version_alternative_numbers_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_hotlines_v_version_audiences\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_hotlines_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_hotlines_v_version_audiences_order_idx\` ON \`_hotlines_v_version_audiences\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_hotlines_v_version_audiences_parent_idx\` ON \`_hotlines_v_version_audiences\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_hotlines_v_version_languages\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_hotlines_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_hotlines_v_version_languages_order_idx\` ON \`_hotlines_v_version_languages\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_hotlines_v_version_languages_parent_idx\` ON \`_hotlines_v_version_languages\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_hotlines_v_version_availability_hours_days\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_hotlines_v_version_availability_hours\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_hotlines_v_version_availability_hours_days_order_idx\` ON \`_hotlines_v_version_availability_hours_days\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_hotlines_v_version_availability_hours_days_parent_idx\` ON \`_hotlines_v_version_availability_hours_days\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_hotlines_v_version_availability_hours\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`opens\` text,
  	\`closes\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_hotlines_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_hotlines_v_version_availability_hours_order_idx\` ON \`_hotlines_v_version_availability_hours\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_hotlines_v_version_availability_hours_parent_id_idx\` ON \`_hotlines_v_version_availability_hours\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_hotlines_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_slug\` text,
  	\`version_country\` text,
  	\`version_phone\` text,
  	\`version_sms\` text,
  	\`version_chat\` text,
  	\`version_email\` text,
  	\`version_website\` text,
  	\`version_availability_always_open\` integer DEFAULT false,
  	\`version_availability_time_zone\` text DEFAULT 'Europe/Brussels',
  	\`version_free_of_charge\` integer DEFAULT true,
  	\`version_operating_partner_id\` integer,
  	\`version_verification_last_verified_at\` text,
  	\`version_verification_last_verified_by_id\` integer,
  	\`version_verification_interval_days\` numeric DEFAULT 180,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`hotlines\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_operating_partner_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_verification_last_verified_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_hotlines_v_parent_idx\` ON \`_hotlines_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_hotlines_v_version_version_slug_idx\` ON \`_hotlines_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_hotlines_v_version_version_country_idx\` ON \`_hotlines_v\` (\`version_country\`);`)
  await db.run(sql`CREATE INDEX \`_hotlines_v_version_version_operating_partner_idx\` ON \`_hotlines_v\` (\`version_operating_partner_id\`);`)
  await db.run(sql`CREATE INDEX \`_hotlines_v_version_verification_version_verification_la_idx\` ON \`_hotlines_v\` (\`version_verification_last_verified_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_hotlines_v_version_version_updated_at_idx\` ON \`_hotlines_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_hotlines_v_version_version_created_at_idx\` ON \`_hotlines_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_hotlines_v_version_version__status_idx\` ON \`_hotlines_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_hotlines_v_created_at_idx\` ON \`_hotlines_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_hotlines_v_updated_at_idx\` ON \`_hotlines_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_hotlines_v_snapshot_idx\` ON \`_hotlines_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_hotlines_v_published_locale_idx\` ON \`_hotlines_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_hotlines_v_latest_idx\` ON \`_hotlines_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_hotlines_v_locales\` (
  	\`version_name\` text,
  	\`version_notes\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_hotlines_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_hotlines_v_locales_locale_parent_id_unique\` ON \`_hotlines_v_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`media\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
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
  	\`sizes_thumbnail_url\` text,
  	\`sizes_thumbnail_width\` numeric,
  	\`sizes_thumbnail_height\` numeric,
  	\`sizes_thumbnail_mime_type\` text,
  	\`sizes_thumbnail_filesize\` numeric,
  	\`sizes_thumbnail_filename\` text,
  	\`sizes_card_url\` text,
  	\`sizes_card_width\` numeric,
  	\`sizes_card_height\` numeric,
  	\`sizes_card_mime_type\` text,
  	\`sizes_card_filesize\` numeric,
  	\`sizes_card_filename\` text,
  	\`sizes_hero_url\` text,
  	\`sizes_hero_width\` numeric,
  	\`sizes_hero_height\` numeric,
  	\`sizes_hero_mime_type\` text,
  	\`sizes_hero_filesize\` numeric,
  	\`sizes_hero_filename\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`media_updated_at_idx\` ON \`media\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`media_created_at_idx\` ON \`media\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`media_filename_idx\` ON \`media\` (\`filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_thumbnail_sizes_thumbnail_filename_idx\` ON \`media\` (\`sizes_thumbnail_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_card_sizes_card_filename_idx\` ON \`media\` (\`sizes_card_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_hero_sizes_hero_filename_idx\` ON \`media\` (\`sizes_hero_filename\`);`)
  await db.run(sql`CREATE TABLE \`media_locales\` (
  	\`alt\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`media_locales_locale_parent_id_unique\` ON \`media_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users_roles\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_roles_order_idx\` ON \`users_roles\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`users_roles_parent_idx\` ON \`users_roles\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users_translator_locales\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_translator_locales_order_idx\` ON \`users_translator_locales\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`users_translator_locales_parent_idx\` ON \`users_translator_locales\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users_sessions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`created_at\` text,
  	\`expires_at\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_sessions_order_idx\` ON \`users_sessions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`users_sessions_parent_id_idx\` ON \`users_sessions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`email\` text NOT NULL,
  	\`reset_password_token\` text,
  	\`reset_password_expiration\` text,
  	\`salt\` text,
  	\`hash\` text,
  	\`reset_password_requested_at\` text,
  	\`login_attempts\` numeric DEFAULT 0,
  	\`lock_until\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_email_idx\` ON \`users\` (\`email\`);`)
  await db.run(sql`CREATE TABLE \`payload_kv\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`data\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`payload_kv_key_idx\` ON \`payload_kv\` (\`key\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`global_slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_global_slug_idx\` ON \`payload_locked_documents\` (\`global_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_updated_at_idx\` ON \`payload_locked_documents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_created_at_idx\` ON \`payload_locked_documents\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents_rels\` (
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
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`phases_id\`) REFERENCES \`phases\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`deliverables_id\`) REFERENCES \`deliverables\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`training_modules_id\`) REFERENCES \`training_modules\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`reports_id\`) REFERENCES \`reports\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`partners_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`hotlines_id\`) REFERENCES \`hotlines\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
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
  await db.run(sql`CREATE TABLE \`payload_preferences\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text,
  	\`value\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_key_idx\` ON \`payload_preferences\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_updated_at_idx\` ON \`payload_preferences\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_created_at_idx\` ON \`payload_preferences\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_preferences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_order_idx\` ON \`payload_preferences_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_parent_idx\` ON \`payload_preferences_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_path_idx\` ON \`payload_preferences_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_users_id_idx\` ON \`payload_preferences_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_migrations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`batch\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_migrations_updated_at_idx\` ON \`payload_migrations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_migrations_created_at_idx\` ON \`payload_migrations\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`programme_pilot_countries\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`programme\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`programme_pilot_countries_order_idx\` ON \`programme_pilot_countries\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`programme_pilot_countries_parent_idx\` ON \`programme_pilot_countries\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`programme\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`start_date\` text,
  	\`duration_months\` numeric,
  	\`participant_target\` numeric,
  	\`conclusion_conference_date\` text,
  	\`conclusion_conference_expected_participants\` numeric,
  	\`contact_email\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`CREATE TABLE \`programme_locales\` (
  	\`name\` text NOT NULL,
  	\`funding_statement\` text,
  	\`conclusion_conference_place\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`programme\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`programme_locales_locale_parent_id_unique\` ON \`programme_locales\` (\`_locale\`,\`_parent_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`phases_objectives\`;`)
  await db.run(sql`DROP TABLE \`phases_objectives_locales\`;`)
  await db.run(sql`DROP TABLE \`phases_key_activities\`;`)
  await db.run(sql`DROP TABLE \`phases_key_activities_locales\`;`)
  await db.run(sql`DROP TABLE \`phases\`;`)
  await db.run(sql`DROP TABLE \`phases_locales\`;`)
  await db.run(sql`DROP TABLE \`_phases_v_version_objectives\`;`)
  await db.run(sql`DROP TABLE \`_phases_v_version_objectives_locales\`;`)
  await db.run(sql`DROP TABLE \`_phases_v_version_key_activities\`;`)
  await db.run(sql`DROP TABLE \`_phases_v_version_key_activities_locales\`;`)
  await db.run(sql`DROP TABLE \`_phases_v\`;`)
  await db.run(sql`DROP TABLE \`_phases_v_locales\`;`)
  await db.run(sql`DROP TABLE \`deliverables_audiences\`;`)
  await db.run(sql`DROP TABLE \`deliverables\`;`)
  await db.run(sql`DROP TABLE \`deliverables_locales\`;`)
  await db.run(sql`DROP TABLE \`deliverables_rels\`;`)
  await db.run(sql`DROP TABLE \`_deliverables_v_version_audiences\`;`)
  await db.run(sql`DROP TABLE \`_deliverables_v\`;`)
  await db.run(sql`DROP TABLE \`_deliverables_v_locales\`;`)
  await db.run(sql`DROP TABLE \`_deliverables_v_rels\`;`)
  await db.run(sql`DROP TABLE \`training_modules_learning_objectives\`;`)
  await db.run(sql`DROP TABLE \`training_modules_learning_objectives_locales\`;`)
  await db.run(sql`DROP TABLE \`training_modules_target_audiences\`;`)
  await db.run(sql`DROP TABLE \`training_modules_delivery_methods\`;`)
  await db.run(sql`DROP TABLE \`training_modules\`;`)
  await db.run(sql`DROP TABLE \`training_modules_locales\`;`)
  await db.run(sql`DROP TABLE \`training_modules_rels\`;`)
  await db.run(sql`DROP TABLE \`_training_modules_v_version_learning_objectives\`;`)
  await db.run(sql`DROP TABLE \`_training_modules_v_version_learning_objectives_locales\`;`)
  await db.run(sql`DROP TABLE \`_training_modules_v_version_target_audiences\`;`)
  await db.run(sql`DROP TABLE \`_training_modules_v_version_delivery_methods\`;`)
  await db.run(sql`DROP TABLE \`_training_modules_v\`;`)
  await db.run(sql`DROP TABLE \`_training_modules_v_locales\`;`)
  await db.run(sql`DROP TABLE \`_training_modules_v_rels\`;`)
  await db.run(sql`DROP TABLE \`reports\`;`)
  await db.run(sql`DROP TABLE \`reports_locales\`;`)
  await db.run(sql`DROP TABLE \`_reports_v\`;`)
  await db.run(sql`DROP TABLE \`_reports_v_locales\`;`)
  await db.run(sql`DROP TABLE \`partners\`;`)
  await db.run(sql`DROP TABLE \`partners_locales\`;`)
  await db.run(sql`DROP TABLE \`_partners_v\`;`)
  await db.run(sql`DROP TABLE \`_partners_v_locales\`;`)
  await db.run(sql`DROP TABLE \`hotlines_alternative_numbers\`;`)
  await db.run(sql`DROP TABLE \`hotlines_alternative_numbers_locales\`;`)
  await db.run(sql`DROP TABLE \`hotlines_audiences\`;`)
  await db.run(sql`DROP TABLE \`hotlines_languages\`;`)
  await db.run(sql`DROP TABLE \`hotlines_availability_hours_days\`;`)
  await db.run(sql`DROP TABLE \`hotlines_availability_hours\`;`)
  await db.run(sql`DROP TABLE \`hotlines\`;`)
  await db.run(sql`DROP TABLE \`hotlines_locales\`;`)
  await db.run(sql`DROP TABLE \`_hotlines_v_version_alternative_numbers\`;`)
  await db.run(sql`DROP TABLE \`_hotlines_v_version_alternative_numbers_locales\`;`)
  await db.run(sql`DROP TABLE \`_hotlines_v_version_audiences\`;`)
  await db.run(sql`DROP TABLE \`_hotlines_v_version_languages\`;`)
  await db.run(sql`DROP TABLE \`_hotlines_v_version_availability_hours_days\`;`)
  await db.run(sql`DROP TABLE \`_hotlines_v_version_availability_hours\`;`)
  await db.run(sql`DROP TABLE \`_hotlines_v\`;`)
  await db.run(sql`DROP TABLE \`_hotlines_v_locales\`;`)
  await db.run(sql`DROP TABLE \`media\`;`)
  await db.run(sql`DROP TABLE \`media_locales\`;`)
  await db.run(sql`DROP TABLE \`users_roles\`;`)
  await db.run(sql`DROP TABLE \`users_translator_locales\`;`)
  await db.run(sql`DROP TABLE \`users_sessions\`;`)
  await db.run(sql`DROP TABLE \`users\`;`)
  await db.run(sql`DROP TABLE \`payload_kv\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_migrations\`;`)
  await db.run(sql`DROP TABLE \`programme_pilot_countries\`;`)
  await db.run(sql`DROP TABLE \`programme\`;`)
  await db.run(sql`DROP TABLE \`programme_locales\`;`)
}
