export * from "./config.js";
export { ConfigError } from "./env.js";
export type { MediaSettings, MediaS3Settings } from './media-settings.js';
export type { AiSettings, EmbeddingSettings } from './ai-settings.js';
