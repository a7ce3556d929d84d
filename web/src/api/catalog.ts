// The Catalog service's routes the app calls (services/catalog/api/openapi.yaml). Texts come in the app's
// language (?lang=).
import { currentLanguage } from "../i18n/i18n";
import { api } from "./http";
import type {
  Answer,
  Blueprint,
  Bookmark,
  Exam,
  ExamResult,
  HistoryItem,
  Items,
  Jurisdiction,
  LicenceClass,
  MistakeItem,
  Page,
  PracticeCheck,
  PracticeQuestion,
  ReviewQueueItem,
  Statistics,
  Topic,
} from "./types";

const base = "/api/catalog";
const lang = () => ({ lang: currentLanguage() });

export const catalog = {
  jurisdictions: () => api.get<Items<Jurisdiction>>(`${base}/jurisdictions`, { auth: "none" }),
  licenceClasses: (jurisdiction: string) =>
    api.get<Items<LicenceClass>>(`${base}/jurisdictions/${encodeURIComponent(jurisdiction)}/licence-classes`, {
      auth: "none",
    }),
  topics: (jurisdiction: string) =>
    api.get<Items<Topic>>(`${base}/jurisdictions/${encodeURIComponent(jurisdiction)}/topics`, { auth: "none" }),
  blueprints: (query: { jurisdiction?: string; licence_class?: string; date?: string } = {}) =>
    api.get<{ date: string; items: Blueprint[] }>(`${base}/blueprints`, { auth: "none", query }),

  startExam: (jurisdiction: string, licenceClass: string) =>
    api.post<Exam>(`${base}/exams`, { jurisdiction, licence_class: licenceClass }, { query: lang() }),
  exam: (id: string) => api.get<Exam>(`${base}/exams/${id}`, { query: lang() }),
  answer: (id: string, position: number, answer: Answer) =>
    api.put<{ position: number; answer: Answer; remaining_seconds: number }>(
      `${base}/exams/${id}/answers/${position}`,
      answer,
    ),
  flag: (id: string, position: number, flagged: boolean) =>
    api.put<{ position: number; flagged: boolean }>(`${base}/exams/${id}/flags/${position}`, { flagged }),
  submit: (id: string) => api.post<ExamResult>(`${base}/exams/${id}/submit`, undefined, { query: lang() }),
  result: (id: string) => api.get<ExamResult>(`${base}/exams/${id}/result`, { query: lang() }),

  practiceByTopic: (jurisdiction: string, topic: string | undefined, page: number, size = 20) =>
    api.get<Page<PracticeQuestion>>(`${base}/practice/questions`, {
      query: { jurisdiction, topic, page, size, ...lang() },
    }),
  practiceRandom: (jurisdiction: string, licenceClass: string, count = 20) =>
    api.get<Items<PracticeQuestion>>(`${base}/practice/random`, {
      query: { jurisdiction, licence_class: licenceClass, count, ...lang() },
    }),
  practiceCritical: (jurisdiction: string, licenceClass?: string) =>
    api.get<Items<PracticeQuestion>>(`${base}/practice/critical`, {
      query: { jurisdiction, licence_class: licenceClass, ...lang() },
    }),
  practiceRoadSigns: (jurisdiction: string, page: number, size = 20) =>
    api.get<Page<PracticeQuestion>>(`${base}/practice/road-signs`, { query: { jurisdiction, page, size, ...lang() } }),
  checkAnswer: (questionId: number, revision: number, answer: Answer) =>
    api.post<PracticeCheck>(
      `${base}/practice/answers`,
      { question_id: questionId, revision, answer },
      { query: lang() },
    ),
  search: (q: string, jurisdiction?: string, limit = 30) =>
    api.get<Items<PracticeQuestion>>(`${base}/search`, { query: { q, jurisdiction, limit, ...lang() } }),

  history: (page: number, size = 20, licenceClass?: string) =>
    api.get<Page<HistoryItem>>(`${base}/me/history`, {
      auth: "required",
      query: { page, size, licence_class: licenceClass },
    }),
  statistics: (blueprint?: string) =>
    api.get<Statistics>(`${base}/me/statistics`, { auth: "required", query: { blueprint, ...lang() } }),
  mistakes: () => api.get<Items<MistakeItem>>(`${base}/me/mistakes`, { auth: "required", query: lang() }),
  reviewQueue: () =>
    api.get<Items<ReviewQueueItem> & { date: string }>(`${base}/me/review-queue`, { auth: "required", query: lang() }),
  bookmarks: () => api.get<Items<Bookmark>>(`${base}/me/bookmarks`, { auth: "required", query: lang() }),
  addBookmark: (questionId: number) =>
    api.put<unknown>(`${base}/me/bookmarks/${questionId}`, undefined, { auth: "required" }),
  removeBookmark: (questionId: number) => api.del<void>(`${base}/me/bookmarks/${questionId}`, { auth: "required" }),
};
