import { uuidv7 } from 'uuidv7';
/** UUIDv7: generated here rather than by the database, time-ordered so that indexes stay compact. */
export function newId() {
    return uuidv7();
}
//# sourceMappingURL=ids.js.map