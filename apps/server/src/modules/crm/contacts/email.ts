import { domainToASCII } from 'node:url';
import { ok, violation, type RuleResult } from '../rule-result.js';

export interface NormalisedEmail {
  /** As the person wrote it, trimmed, with the domain lower-cased (and IDN domains in ASCII). */
  readonly address: string;
  /**
   * The identity key: the whole address lower-cased. RFC 5321 lets a server treat the local part as
   * case-sensitive, but no mainstream provider does and staff retype addresses freely, so
   * `Jean.Dupont@x.fr` and `jean.dupont@x.fr` are one person. Dots and `+tags` are kept: only
   * some providers ignore them, and merging two real people would be worse than a duplicate.
   */
  readonly key: string;
}

// Dot-atom of RFC 5322 for the local part (no quoted strings, no comments: never seen in member
// files, and a common source of junk); the domain is a hostname with a non-numeric TLD.
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

export function parseEmail(input: string): RuleResult<NormalisedEmail> {
  // Excel and mail clients add `mailto:` or angle brackets when copying.
  const shown = input.trim();
  const trimmed = shown.replace(/^mailto:/i, '').replace(/^<(.*)>$/, '$1').trim();
  if (trimmed === '') return violation('email_required', "L'adresse e-mail est obligatoire.");
  const invalid = (detail: string): RuleResult<NormalisedEmail> =>
    violation('email_invalid', `L'adresse e-mail « ${shown} » n'est pas valide : ${detail}.`);
  const at = trimmed.lastIndexOf('@');
  if (at === -1) return invalid('il manque le @');
  if (trimmed.indexOf('@') !== at) return invalid('elle contient plusieurs @');
  const local = trimmed.slice(0, at);
  const rawDomain = trimmed.slice(at + 1);
  if (local === '') return invalid('il manque la partie avant le @');
  if (rawDomain === '') return invalid('il manque le domaine après le @');
  if (/\s/.test(trimmed)) return invalid('elle contient un espace');
  if (!LOCAL_PART.test(local) || local.length > 64) return invalid('la partie avant le @ contient un caractère non autorisé ou un point mal placé');
  const domain = asciiDomain(rawDomain.toLowerCase());
  const labels = domain.split('.');
  if (domain === '' || labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label)) || !/^[a-z][a-z0-9-]*[a-z0-9]$/.test(labels.at(-1)!)) {
    return invalid(`le domaine « ${rawDomain} » n'est pas un nom de domaine (par exemple exemple.fr)`);
  }
  const address = `${local}@${domain}`;
  if (address.length > 254) return invalid('elle dépasse 254 caractères');
  return ok({ address, key: address.toLowerCase() });
}

// Letters, digits, dots and hyphens, without a Punycode label: domainToASCII gives such a domain back
// unchanged, except one ending in a numeric label (read as an IPv4 address), which the TLD rule refuses.
const PLAIN_ASCII_DOMAIN = /^(?!(?:.*\.)?xn--)[a-z0-9.-]+$/;

/** The domain with IDN labels in ASCII; a plain ASCII one is already that (an import checks one per row). */
function asciiDomain(lowerCased: string): string {
  return PLAIN_ASCII_DOMAIN.test(lowerCased) ? lowerCased : domainToASCII(lowerCased);
}
