export {};
//# sourceMappingURL=identity-context.js.map