import { readFileSync } from 'node:fs';
/** Raised at boot when a setting is missing or malformed; the message names the variable. */
export class ConfigError extends Error {
    variable;
    constructor(variable, reason) {
        super(`Invalid configuration: ${variable} ${reason}`);
        this.variable = variable;
        this.name = 'ConfigError';
    }
}
/**
 * Reads NAME, or the content of the file named by NAME_FILE (mounted secrets).
 * Setting both is ambiguous and refused.
 */
export function readSetting(env, name) {
    const direct = env[name];
    const file = env[`${name}_FILE`];
    if (direct !== undefined && direct !== '' && file) {
        throw new ConfigError(name, `and ${name}_FILE are both set; keep one`);
    }
    if (file) {
        try {
            return readFileSync(file, 'utf8').trim();
        }
        catch {
            throw new ConfigError(`${name}_FILE`, `points to an unreadable file: ${file}`);
        }
    }
    return direct === '' ? undefined : direct;
}
export function readInteger(env, name, fallback, min, max) {
    const raw = readSetting(env, name);
    if (raw === undefined)
        return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
        throw new ConfigError(name, `must be an integer between ${min} and ${max} (got "${raw}")`);
    }
    return value;
}
export function readChoice(env, name, choices, fallback) {
    const raw = readSetting(env, name) ?? fallback;
    if (!choices.includes(raw)) {
        throw new ConfigError(name, `must be one of ${choices.join(', ')} (got "${raw}")`);
    }
    return raw;
}
export function readList(env, name) {
    return (readSetting(env, name) ?? '')
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
}
export function readBoolean(env, name, fallback) {
    const raw = readSetting(env, name);
    if (raw === undefined)
        return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase()))
        return true;
    if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase()))
        return false;
    throw new ConfigError(name, `must be true or false (got "${raw}")`);
}
//# sourceMappingURL=env.js.map