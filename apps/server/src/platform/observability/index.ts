export { loggerOptions, serializeError, REDACTED_PATHS } from './logger.js';
export { RequestLogController, completionLine, completionLogger, routeTemplate, requestEntityId, ENTITY_HEADER, type CompletionLine } from './request-log.js';
export {
  createMetrics,
  HTTP_DURATION_BUCKETS,
  JOB_DURATION_BUCKETS,
  type Metrics,
  type HttpObservation,
  type JobObservation,
  type JobOutcome,
  type QueueSnapshot,
  type QueueStatsSource,
} from './metrics.js';
export { registerMetrics } from './metrics.routes.js';
export { requestIdOf } from './request-id.js';
export { deferredChildLoggerFactory } from './deferred-child-logger.js';
export { classifyRoute, ROUTE_CLASSES, type RouteClass, type RouteFacts } from './route-class.js';
export { LATENCY_OBJECTIVES, ERROR_OBJECTIVE, JOB_OBJECTIVES, MIN_REQUESTS_PER_CLASS, type LatencyObjective } from './slo.js';
export { registerTraceRoute, TRACING_STARTED } from './trace-route.js';
