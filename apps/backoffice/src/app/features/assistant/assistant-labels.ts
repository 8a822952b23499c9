import type { BodyOf, ItemOf, ResponseOf } from '../../core/api/api-types';

export type AskBody = BodyOf<'/api/v1/ai/answers', 'post'>;
// The route also answers text/event-stream (a string): the JSON answer is the object.
export type Answer = Exclude<ResponseOf<'/api/v1/ai/answers', 'post'>, string>;
export type AnswerSegment = Answer['segments'][number];
export type Citation = AnswerSegment['citations'][number];
export type Interaction = ItemOf<'/api/v1/ai/interactions'>;
export type Collection = ItemOf<'/api/v1/ai/collections'>;
export type KnowledgeDocument = ItemOf<'/api/v1/ai/collections/{id}/documents'>;

export const ANSWER_STATUS_LABELS: Record<string, string> = {
  answered: $localize`:@@ai.status.answered:Répondue`,
  partial: $localize`:@@ai.status.partial:Partielle`,
  refused: $localize`:@@ai.status.refused:Refusée`,
  error: $localize`:@@ai.status.error:Erreur`,
};

export const DOCUMENT_STATUS_LABELS: Record<string, string> = {
  pending: $localize`:@@ai.doc.pending:En cours d'indexation`,
  indexed: $localize`:@@ai.doc.indexed:Indexé`,
  failed: $localize`:@@ai.doc.failed:Échec de l'indexation`,
};

export const VISIBILITY_LABELS: Record<string, string> = {
  public: $localize`:@@ai.visibility.public:Public`,
  members: $localize`:@@ai.visibility.members:Adhérents du réseau`,
  staff: $localize`:@@ai.visibility.staff:Personnel de la structure`,
};

export const FEEDBACK_LABELS: Record<string, string> = {
  useful: $localize`:@@ai.feedback.useful:Utile`,
  wrong: $localize`:@@ai.feedback.wrong:Pas utile`,
};

export const SOURCE_TYPE_LABELS: Record<string, string> = {
  document: $localize`:@@ai.source.document:Document`,
  'cms-content': $localize`:@@ai.source.cms:Page de site`,
};
