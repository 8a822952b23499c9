import { routeTemplate } from "./request-log.js";
const TRACING_STARTED = /* @__PURE__ */ Symbol.for("maillage.tracing.started");
async function registerTraceRoute(app) {
  if (!globalThis[TRACING_STARTED]) {
    app.log.warn("OTEL_EXPORTER_OTLP_ENDPOINT is set but tracing was not started: run node with --import <dist>/platform/observability/instrument.js");
    return;
  }
  const { trace } = await import("@opentelemetry/api");
  app.addHook("onSend", (request, _reply, payload, done) => {
    const span = trace.getActiveSpan();
    if (span) {
      const route = routeTemplate(request);
      span.updateName(`${request.method} ${route}`);
      span.setAttributes({ "http.route": route, "url.path": route, "maillage.request_id": request.id });
      const userId = request.principal?.userId;
      if (userId) span.setAttribute("enduser.id", userId);
    }
    done(null, payload);
  });
}
export {
  TRACING_STARTED,
  registerTraceRoute
};
