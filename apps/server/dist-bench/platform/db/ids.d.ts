/** UUIDv7: generated here rather than by the database, time-ordered so that indexes stay compact. */
export declare function newId(): string;
