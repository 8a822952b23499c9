-- The assignee of a task is a user. Declared here rather than in tasks.tables.ts so that the tasks
-- module does not import identity's Drizzle tables (as for invoices' customer, migration 0021).
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE SET NULL ON UPDATE no action;
