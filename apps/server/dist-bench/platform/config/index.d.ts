export * from "./config.js";
export { ConfigError } from "./env.js";
