import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app.js';
import { registerPermissions } from '../../platform/auth/index.js';
import { TASK_PERMISSION_DEFINITIONS } from './follow-up/permissions.js';
import { taskRoutes } from './follow-up/tasks.routes.js';

/** Follow-up tasks (issue 5): raised by other modules' jobs, worked through by staff. */
export function registerTasks(app: FastifyInstance, context: Pick<AppContext, 'database'>): void {
  registerPermissions(TASK_PERMISSION_DEFINITIONS);
  void app.register(taskRoutes, { database: context.database });
}

export { createFollowUpTask, type FollowUpTaskInput } from './follow-up/follow-up-tasks.js';
export { TASK_PERMISSIONS } from './follow-up/permissions.js';
export { TASK_STATUSES, type TaskStatus } from './follow-up/tasks.tables.js';
export type { Task } from './follow-up/tasks.schema.js';
