import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`translation_memory_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`translation_memory\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`translation_memory_texts_order_parent\` ON \`translation_memory_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`translation_memory_texts_text_idx\` ON \`translation_memory_texts\` (\`text\`);`)
  await db.run(sql`CREATE INDEX \`translation_memory_texts_text_parent_idx\` ON \`translation_memory_texts\` (\`text\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`translation_settings\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`qa_double_space\` text DEFAULT 'warning' NOT NULL,
  	\`qa_email\` text DEFAULT 'error' NOT NULL,
  	\`qa_empty_target\` text DEFAULT 'error' NOT NULL,
  	\`qa_end_punctuation\` text DEFAULT 'warning' NOT NULL,
  	\`qa_forbidden_term\` text DEFAULT 'error' NOT NULL,
  	\`qa_inline_tags\` text DEFAULT 'error' NOT NULL,
  	\`qa_length_ratio\` text DEFAULT 'warning' NOT NULL,
  	\`qa_link_targets\` text DEFAULT 'error' NOT NULL,
  	\`qa_markdown\` text DEFAULT 'warning' NOT NULL,
  	\`qa_max_length\` text DEFAULT 'error' NOT NULL,
  	\`qa_missing_term\` text DEFAULT 'warning' NOT NULL,
  	\`qa_number\` text DEFAULT 'error' NOT NULL,
  	\`qa_phone\` text DEFAULT 'error' NOT NULL,
  	\`qa_placeholder\` text DEFAULT 'error' NOT NULL,
  	\`qa_unchanged\` text DEFAULT 'warning' NOT NULL,
  	\`qa_url\` text DEFAULT 'error' NOT NULL,
  	\`qa_whitespace\` text DEFAULT 'warning' NOT NULL,
  	\`rates_currency\` text,
  	\`rates_context\` numeric,
  	\`rates_exact\` numeric,
  	\`rates_repetition\` numeric,
  	\`rates_fuzzy95\` numeric,
  	\`rates_fuzzy85\` numeric,
  	\`rates_fuzzy75\` numeric,
  	\`rates_none\` numeric,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`ALTER TABLE \`translation_tasks\` ADD \`pre_translation\` text;`)
  await db.run(sql`ALTER TABLE \`translation_memory\` ADD \`source_hash\` text;`)
  await db.run(sql`CREATE INDEX \`translation_memory_source_hash_idx\` ON \`translation_memory\` (\`source_hash\`);`)
  await db.run(sql`CREATE INDEX \`print_editions_texts_text_parent_idx\` ON \`print_editions_texts\` (\`text\`,\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`search_entries_texts_text_parent_idx\` ON \`search_entries_texts\` (\`text\`,\`parent_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`translation_memory_texts\`;`)
  await db.run(sql`DROP TABLE \`translation_settings\`;`)
  await db.run(sql`DROP INDEX \`translation_memory_source_hash_idx\`;`)
  await db.run(sql`ALTER TABLE \`translation_memory\` DROP COLUMN \`source_hash\`;`)
  await db.run(sql`DROP INDEX \`print_editions_texts_text_parent_idx\`;`)
  await db.run(sql`DROP INDEX \`search_entries_texts_text_parent_idx\`;`)
  await db.run(sql`ALTER TABLE \`translation_tasks\` DROP COLUMN \`pre_translation\`;`)
}
