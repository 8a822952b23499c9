/** Raised at boot when a setting is missing or malformed; the message names the variable. */
export declare class ConfigError extends Error {
    readonly variable: string;
    constructor(variable: string, reason: string);
}
export type Env = Record<string, string | undefined>;
/**
 * Reads NAME, or the content of the file named by NAME_FILE (mounted secrets).
 * Setting both is ambiguous and refused.
 */
export declare function readSetting(env: Env, name: string): string | undefined;
export declare function readInteger(env: Env, name: string, fallback: number, min: number, max: number): number;
export declare function readChoice<T extends string>(env: Env, name: string, choices: readonly T[], fallback: T): T;
export declare function readList(env: Env, name: string): string[];
export declare function readBoolean(env: Env, name: string, fallback: boolean): boolean;
