export * from "./config.js";
export { ConfigError } from "./env.js";
//# sourceMappingURL=index.js.map