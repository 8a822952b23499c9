/**
 * The preposition "de" contracted with the article a place name takes, from the INSEE TNCC code
 * ("type de nom en clair"): le Rhône → « du Rhône », l'Ain → « de l'Ain », les Landes → « des Landes ».
 */
const OF_BY_TNCC = {
    0: 'de ',
    1: "d'",
    2: 'du ',
    3: 'de la ',
    4: 'des ',
    5: "de l'",
    6: 'des ',
    7: 'de las ',
    8: 'de los ',
};
export function ofPlace(name, typeLiaison) {
    return `${OF_BY_TNCC[typeLiaison] ?? 'de '}${name}`;
}
//# sourceMappingURL=french-names.js.map