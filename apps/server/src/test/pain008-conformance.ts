import { childrenNamed, parseXmlStrict, textOf, type XmlElement } from './strict-xml.js';

/**
 * The pain.008.001.02 XSD is not available offline: the content model of every element the builder
 * writes is spelled out here from the ISO 20022 schema (children in sequence order, required ones
 * marked), with the simple types' patterns, and the document is checked against it after a strict parse.
 */
type Occurs = '1' | '?' | '+';
const MODEL: Record<string, Array<[child: string, occurs: Occurs]>> = {
  Document: [['CstmrDrctDbtInitn', '1']],
  CstmrDrctDbtInitn: [['GrpHdr', '1'], ['PmtInf', '+']],
  GrpHdr: [['MsgId', '1'], ['CreDtTm', '1'], ['NbOfTxs', '1'], ['CtrlSum', '?'], ['InitgPty', '1']],
  InitgPty: [['Nm', '?']],
  PmtInf: [
    ['PmtInfId', '1'], ['PmtMtd', '1'], ['NbOfTxs', '?'], ['CtrlSum', '?'], ['PmtTpInf', '?'], ['ReqdColltnDt', '1'], ['Cdtr', '1'], ['CdtrAcct', '1'],
    ['CdtrAgt', '1'], ['ChrgBr', '?'], ['CdtrSchmeId', '?'], ['DrctDbtTxInf', '+'],
  ],
  PmtTpInf: [['SvcLvl', '?'], ['LclInstrm', '?'], ['SeqTp', '?']],
  SvcLvl: [['Cd', '1']],
  LclInstrm: [['Cd', '1']],
  Cdtr: [['Nm', '1']],
  Dbtr: [['Nm', '1']],
  CdtrAcct: [['Id', '1']],
  DbtrAcct: [['Id', '1']],
  CdtrAgt: [['FinInstnId', '1']],
  DbtrAgt: [['FinInstnId', '1']],
  CdtrSchmeId: [['Id', '1']],
  DrctDbtTxInf: [['PmtId', '1'], ['InstdAmt', '1'], ['DrctDbtTx', '1'], ['DbtrAgt', '1'], ['Dbtr', '1'], ['DbtrAcct', '1'], ['RmtInf', '?']],
  PmtId: [['EndToEndId', '1']],
  DrctDbtTx: [['MndtRltdInf', '1']],
  MndtRltdInf: [['MndtId', '1'], ['DtOfSgntr', '1']],
  RmtInf: [['Ustrd', '1']],
  PrvtId: [['Othr', '1']],
};
const TEXT_RULES: Record<string, RegExp> = {
  MsgId: /^[A-Za-z0-9/\-?:().,'+ ]{1,35}$/,
  PmtInfId: /^.{1,35}$/,
  EndToEndId: /^[A-Za-z0-9/\-?:().,'+ ]{1,35}$/,
  MndtId: /^[A-Za-z0-9/\-?:().,'+ ]{1,35}$/,
  CreDtTm: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/,
  ReqdColltnDt: /^\d{4}-\d{2}-\d{2}$/,
  DtOfSgntr: /^\d{4}-\d{2}-\d{2}$/,
  NbOfTxs: /^[0-9]{1,15}$/,
  CtrlSum: /^\d{1,16}\.\d{2}$/,
  InstdAmt: /^\d{1,9}\.\d{2}$/,
  IBAN: /^[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}$/,
  BIC: /^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$/,
  PmtMtd: /^DD$/,
  SeqTp: /^(FRST|RCUR|OOFF|FNAL)$/,
  ChrgBr: /^SLEV$/,
  Nm: /^[A-Za-z0-9/\-?:().,'+ ]{1,70}$/,
  Ustrd: /^.{1,140}$/,
};

/** Problems of an element against MODEL and TEXT_RULES, with their path; empty when it conforms. */
function conformance(element: XmlElement, path = element.name): string[] {
  const problems: string[] = [];
  const rule = TEXT_RULES[element.name];
  if (rule && !rule.test(element.text.trim())) problems.push(`${path}: "${element.text.trim()}" does not match ${rule}`);
  const model = MODEL[element.name];
  if (model) {
    let position = 0;
    for (const [name, occurs] of model) {
      let seen = 0;
      while (element.children[position]?.name === name) {
        seen += 1;
        position += 1;
      }
      if (seen === 0 && occurs !== '?') problems.push(`${path}: missing ${name}`);
      if (seen > 1 && occurs !== '+') problems.push(`${path}: ${name} repeated`);
    }
    if (position < element.children.length) problems.push(`${path}: unexpected ${element.children[position]!.name}`);
  }
  return [...problems, ...element.children.flatMap((child) => conformance(child, `${path}/${child.name}`))];
}

/** Checks a pain.008 file: well-formed, namespace, content model, and sums (group header and per block). */
export function pain008Problems(xml: string): string[] {
  const document = parseXmlStrict(xml);
  const problems = conformance(document);
  if (document.attributes.xmlns !== 'urn:iso:std:iso:20022:tech:xsd:pain.008.001.02') problems.push('Document: wrong namespace');
  const initiation = childrenNamed(document, 'CstmrDrctDbtInitn')[0];
  if (!initiation) return problems;
  const header = childrenNamed(initiation, 'GrpHdr')[0]!;
  const blocks = childrenNamed(initiation, 'PmtInf');
  const cents = (value: string | undefined) => Math.round(Number(value) * 100);
  let total = 0;
  let count = 0;
  for (const block of blocks) {
    const transactions = childrenNamed(block, 'DrctDbtTxInf');
    const sum = transactions.reduce((acc, transaction) => acc + cents(childrenNamed(transaction, 'InstdAmt')[0]?.text), 0);
    if (Number(textOf(block, 'NbOfTxs')) !== transactions.length) problems.push(`PmtInf ${textOf(block, 'PmtInfId')}: NbOfTxs`);
    if (cents(textOf(block, 'CtrlSum')) !== sum) problems.push(`PmtInf ${textOf(block, 'PmtInfId')}: CtrlSum`);
    for (const transaction of transactions) if (childrenNamed(transaction, 'InstdAmt')[0]?.attributes.Ccy !== 'EUR') problems.push('InstdAmt: currency');
    total += sum;
    count += transactions.length;
  }
  if (Number(textOf(header, 'NbOfTxs')) !== count) problems.push('GrpHdr: NbOfTxs');
  if (cents(textOf(header, 'CtrlSum')) !== total) problems.push('GrpHdr: CtrlSum');
  return problems;
}
