export { loggerOptions, serializeError, REDACTED_PATHS } from './logger.js';
export { RequestLogController, completionLine, routeTemplate, requestEntityId, ENTITY_HEADER } from './request-log.js';
export { createMetrics, HTTP_DURATION_BUCKETS, JOB_DURATION_BUCKETS, } from './metrics.js';
export { registerMetrics } from './metrics.routes.js';
export { classifyRoute, ROUTE_CLASSES } from './route-class.js';
export { LATENCY_OBJECTIVES, ERROR_OBJECTIVE, JOB_OBJECTIVES, MIN_REQUESTS_PER_CLASS } from './slo.js';
export { registerTraceRoute, TRACING_STARTED } from './trace-route.js';
//# sourceMappingURL=index.js.map