export function ok(value) {
    return { ok: true, value };
}
export function violation(code, message) {
    return { ok: false, error: { code, message } };
}
//# sourceMappingURL=rule-result.js.map