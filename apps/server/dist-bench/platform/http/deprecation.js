export function deprecationHeaders(options) {
    const since = parseDate(options.since, 'since');
    const headers = { deprecation: `@${Math.floor(since.getTime() / 1000)}` };
    const links = [];
    if (options.link)
        links.push(`<${options.link}>; rel="deprecation"; type="text/html"`);
    if (options.sunset) {
        headers.sunset = parseDate(options.sunset, 'sunset').toUTCString();
        if (options.link)
            links.push(`<${options.link}>; rel="sunset"; type="text/html"`);
    }
    if (links.length > 0)
        headers.link = links.join(', ');
    return headers;
}
/** Must be registered before @fastify/swagger so that the document sees `deprecated: true`. */
export function registerDeprecation(app) {
    app.addHook('onRoute', (route) => {
        const options = route.config?.deprecation;
        if (!options)
            return;
        const headers = deprecationHeaders(options);
        route.schema = { ...(route.schema ?? {}), deprecated: true };
        const addHeaders = async (_request, reply, payload) => {
            for (const [name, value] of Object.entries(headers)) {
                // Keep a Link header the route set itself, adding ours to it.
                const existing = name === 'link' ? reply.getHeader('link') : undefined;
                reply.header(name, existing ? `${String(existing)}, ${value}` : value);
            }
            return payload;
        };
        const existing = route.onSend;
        route.onSend = existing ? [...(Array.isArray(existing) ? existing : [existing]), addHeaders] : [addHeaders];
    });
}
function parseDate(value, what) {
    const date = new Date(value);
    if (Number.isNaN(date.getTime()))
        throw new Error(`deprecation.${what}: "${value}" is not a date`);
    return date;
}
//# sourceMappingURL=deprecation.js.map