/**
 * A strict structural check of an iCalendar stream (tests): CRLF line ends only, no physical line
 * over 75 octets, continuation lines start with one space, balanced BEGIN/END, the properties
 * RFC 5545 requires, and TEXT values whose backslashes only escape `\ ; , n N`.
 */
export function icalProblems(body: string): string[] {
  const problems: string[] = [];
  if (!body.endsWith('\r\n')) problems.push('does not end with CRLF');
  if (/[^\r]\n|\r(?!\n)/.test(body)) problems.push('bare LF or CR');
  const physical = body.split('\r\n').slice(0, -1);
  physical.forEach((line, index) => {
    if (Buffer.byteLength(line, 'utf8') > 75) problems.push(`line ${index + 1} is longer than 75 octets`);
  });
  const logical: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (logical.length === 0) problems.push('continuation line first');
      else logical[logical.length - 1] += line.slice(1);
    } else logical.push(line);
  }
  const stack: string[] = [];
  const seen = new Map<string, Set<string>>();
  for (const line of logical) {
    const colon = line.indexOf(':');
    if (colon <= 0) {
      problems.push(`not a content line: ${line}`);
      continue;
    }
    const name = line.slice(0, colon).split(';')[0]!.toUpperCase();
    const value = line.slice(colon + 1);
    if (!/^[A-Z0-9-]+$/.test(name)) problems.push(`bad property name ${name}`);
    if (name === 'BEGIN') {
      stack.push(value);
      seen.set(value + stack.length, new Set());
    } else if (name === 'END') {
      const open = stack.pop();
      if (open !== value) problems.push(`END:${value} closes ${open ?? 'nothing'}`);
      const props = seen.get(value + (stack.length + 1)) ?? new Set();
      const required = value === 'VCALENDAR' ? ['VERSION', 'PRODID'] : value === 'VEVENT' ? ['UID', 'DTSTAMP', 'DTSTART'] : [];
      for (const property of required) if (!props.has(property)) problems.push(`${value} without ${property}`);
    } else {
      seen.get(stack[stack.length - 1]! + stack.length)?.add(name);
      if (['SUMMARY', 'DESCRIPTION', 'LOCATION', 'X-WR-CALNAME'].includes(name) && /\\[^\\;,nN]/.test(value.replace(/\\\\/g, ''))) {
        problems.push(`bad escape in ${name}`);
      }
      if (['SUMMARY', 'DESCRIPTION', 'LOCATION'].includes(name) && /(^|[^\\])[;,]/.test(value.replace(/\\\\/g, ''))) {
        problems.push(`unescaped , or ; in ${name}`);
      }
    }
  }
  if (stack.length > 0) problems.push(`unclosed ${stack.join(', ')}`);
  return problems;
}
