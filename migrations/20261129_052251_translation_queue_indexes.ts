import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`locale_assignee_priorityRank_idx\` ON \`translation_tasks\` (\`locale\`,\`assignee_id\`,\`priority_rank\`);`)
  await db.run(sql`CREATE INDEX \`locale_status_assignee_idx\` ON \`translation_tasks\` (\`locale\`,\`status\`,\`assignee_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`locale_assignee_priorityRank_idx\`;`)
  await db.run(sql`DROP INDEX \`locale_status_assignee_idx\`;`)
}
