export declare const PASSWORD_MIN_LENGTH = 12;
/** argon2id (the library default) with its recommended memory and time costs. */
export declare function hashPassword(password: string): Promise<string>;
export declare function verifyPassword(passwordHash: string, password: string): Promise<boolean>;
/**
 * Verifies against a throwaway hash when the email is unknown, so that an unknown email and a
 * wrong password take the same time and nobody can probe which accounts exist.
 */
export declare function burnPasswordVerification(password: string): Promise<void>;
export declare function assertPasswordPolicy(password: string, pointer?: string): void;
/** 16 characters from an unambiguous alphabet (about 80 bits), readable over the phone. */
export declare function temporaryPassword(): string;
