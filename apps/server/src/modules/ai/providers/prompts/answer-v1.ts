import type { RetrievedChunk } from '../../retrieval/index.js';

/** Never change a shipped template: add answer-v2 and switch to it (the version is audited with each answer). */
export const ANSWER_PROMPT_VERSION = 'answer-v1';

/** What the model writes when the passages do not answer the question. */
export const NO_ANSWER = 'AUCUNE_REPONSE';

const SYSTEM = [
  "Tu es l'assistant documentaire d'un réseau d'organisations patronales. Tu réponds en français, de façon concise,",
  'UNIQUEMENT à partir des passages numérotés fournis. Tu ne dois rien inventer.',
  'Règles de format, obligatoires :',
  '- une phrase par ligne ;',
  '- chaque phrase se termine par un ou plusieurs repères [n] désignant le passage qui la justifie ;',
  '- chaque repère est immédiatement suivi d\'une citation exacte, entre « et », copiée mot pour mot du passage n ;',
  "- tout nombre ou toute date d'une phrase doit figurer dans le passage cité ;",
  `- si les passages ne permettent pas de répondre, écris seulement ${NO_ANSWER}.`,
  'Exemple : La période d\'essai des cadres est de quatre mois au plus. [2] « quatre mois pour les cadres »',
].join('\n');

export interface ChatMessage {
  role: 'system' | 'user';
  content: string;
}

/** Chunks are numbered from 1 in the given order; `[n]` in the answer refers to chunks[n - 1]. */
export function answerPromptV1(question: string, chunks: readonly Pick<RetrievedChunk, 'title' | 'heading' | 'text'>[]): ChatMessage[] {
  const passages = chunks
    .map((chunk, index) => `[${index + 1}] ${chunk.title}${chunk.heading ? ` — ${chunk.heading}` : ''}\n${chunk.text}`)
    .join('\n\n');
  return [
    { role: 'system', content: SYSTEM },
    { role: 'user', content: `Question : ${question}\n\nPassages :\n${passages}` },
  ];
}
