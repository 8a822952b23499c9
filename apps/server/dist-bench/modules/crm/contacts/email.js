import { domainToASCII } from 'node:url';
import { ok, violation } from '../rule-result.js';
// Dot-atom of RFC 5322 for the local part (no quoted strings, no comments: never seen in member
// files, and a common source of junk); the domain is a hostname with a non-numeric TLD.
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
export function parseEmail(input) {
    // Excel and mail clients add `mailto:` or angle brackets when copying.
    const shown = input.trim();
    const trimmed = shown.replace(/^mailto:/i, '').replace(/^<(.*)>$/, '$1').trim();
    if (trimmed === '')
        return violation('email_required', "L'adresse e-mail est obligatoire.");
    const invalid = (detail) => violation('email_invalid', `L'adresse e-mail « ${shown} » n'est pas valide : ${detail}.`);
    const at = trimmed.lastIndexOf('@');
    if (at === -1)
        return invalid('il manque le @');
    if (trimmed.indexOf('@') !== at)
        return invalid('elle contient plusieurs @');
    const local = trimmed.slice(0, at);
    const rawDomain = trimmed.slice(at + 1);
    if (local === '')
        return invalid('il manque la partie avant le @');
    if (rawDomain === '')
        return invalid('il manque le domaine après le @');
    if (/\s/.test(trimmed))
        return invalid('elle contient un espace');
    if (!LOCAL_PART.test(local) || local.length > 64)
        return invalid('la partie avant le @ contient un caractère non autorisé ou un point mal placé');
    const domain = domainToASCII(rawDomain.toLowerCase());
    const labels = domain.split('.');
    if (domain === '' || labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label)) || !/^[a-z][a-z0-9-]*[a-z0-9]$/.test(labels.at(-1))) {
        return invalid(`le domaine « ${rawDomain} » n'est pas un nom de domaine (par exemple exemple.fr)`);
    }
    const address = `${local}@${domain}`;
    if (address.length > 254)
        return invalid('elle dépasse 254 caractères');
    return ok({ address, key: address.toLowerCase() });
}
//# sourceMappingURL=email.js.map