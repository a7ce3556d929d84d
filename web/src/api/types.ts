// The shapes of the Catalog, Account and File services' JSON, as the app uses them
// (services/catalog/api/openapi.yaml, services/account/api/*.cpp).
export type Localized = Record<string, string>;

export interface Jurisdiction {
  code: string;
  name: Localized;
}

export interface LicenceClass {
  code: string;
  jurisdiction: string;
  name: Localized;
}

export interface Topic {
  code: string;
  jurisdiction: string;
  ordinal: number;
  name: Localized;
}

export interface Items<T> {
  items: T[];
  total?: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  size: number;
}

export interface Media {
  key: string;
  kind: "image" | "video";
}

export type Answer = { selected: number[] } | { value: number };

export interface OptionView {
  id: number;
  text: string;
}

export interface ExamQuestion {
  position: number;
  kind: "choice" | "numeric";
  text: string;
  options?: OptionView[];
  media: Media[];
  weight: number;
  flagged: boolean;
  answer: Answer | null;
}

export type ExamStatus = "in_progress" | "time_up" | "submitted" | "expired";

export interface Exam {
  id: string;
  status: ExamStatus;
  jurisdiction: string;
  licence_class: string;
  blueprint: { code: string; version: number };
  started_at: string;
  deadline: string;
  remaining_seconds: number;
  navigation: { flag: boolean; revisit: boolean };
  question_count: number;
  answered_count: number;
  questions: ExamQuestion[];
  result?: ExamResult;
}

export type FailKind =
  "score_below_pass_mark" | "critical_question_wrong" | "error_points_exceeded" | "max_weight_wrong";

export interface FailReason {
  kind: FailKind;
  message: string;
  actual: number;
  limit: number;
  weight: number;
  positions: number[];
}

export interface ReviewOption extends OptionView {
  correct: boolean;
  selected: boolean;
}

export interface ReviewItem {
  position: number;
  question_id: number;
  revision: number;
  kind: "choice" | "numeric";
  text: string;
  options?: ReviewOption[];
  numeric_answer?: { value: number; tolerance: number };
  answer: Answer | null;
  outcome: "correct" | "incorrect" | "unanswered";
  correct: boolean;
  critical: boolean;
  weight: number;
  explanation: string | null;
  media: Media[];
}

export interface ExamResult {
  finish: "submitted" | "expired" | null;
  finished_at: string | null;
  passed: boolean;
  score: number;
  max_score: number;
  answered: number;
  error_points: number;
  total_weight: number;
  fail_reasons: FailReason[];
  topics: { topic: string; correct: number; total: number }[];
  review: ReviewItem[];
}

export interface Blueprint {
  code: string;
  jurisdiction: string;
  licence_class: string;
  version: number;
  valid_from: string;
  valid_to: string | null;
  question_count: number;
  time_limit_seconds: number;
  pool: string | null;
  quotas: { topics: string[]; count: number; weight?: number }[];
  critical: { count: number; fail_on_wrong: boolean };
  scoring:
    | { policy: "count_correct"; pass_mark: number }
    | { policy: "error_points"; max_error_points: number; max_weight_wrong_limit: number; max_weight?: number };
  navigation: { flag: boolean; revisit: boolean };
  in_force?: boolean;
  problems?: { field: string; message: string }[];
}

export interface PracticeQuestion {
  id: number;
  revision: number;
  jurisdiction: string;
  topic: string;
  kind: "choice" | "numeric";
  text: string;
  options?: OptionView[];
  media: Media[];
  weight: number;
  critical: boolean;
  tags: string[];
  position?: number;
}

export interface PracticeCheck {
  question_id: number;
  revision: number;
  correct: boolean;
  answer: Answer;
  correct_options?: number[];
  numeric_answer?: { value: number; tolerance: number };
  explanation: string | null;
  recorded: boolean;
  review?: { box: number; due: string } | null;
}

export interface HistoryItem {
  id: string;
  jurisdiction: string;
  licence_class: string;
  blueprint: { code: string; version: number };
  status: ExamStatus;
  started_at: string;
  deadline: string;
  finished_at: string | null;
  passed: boolean | null;
  score: number | null;
  max_score: number | null;
}

export interface Statistics {
  exams: number;
  exams_passed: number;
  pass_rate_percent: number;
  readiness: number;
  practice_answers: number;
  topics: { topic: string; name: string | null; correct: number; total: number; percent: number }[];
  weak_topics: { topic: string; name: string | null; percent: number }[];
  trend: { finished_at: string; score: number; max_score: number; percent: number; passed: boolean }[];
}

export interface MistakeItem extends PracticeQuestion {
  times_wrong: number;
  last_wrong_at: string;
}

export interface ReviewQueueItem extends PracticeQuestion {
  box: number;
  due: string;
}

export interface Bookmark {
  question_id: number;
  created_at: string;
  question: PracticeQuestion | null;
}

/** A question as the admin routes and the bank format have it (FORMAT.md). */
export interface BankQuestion {
  id?: number;
  revision?: number;
  external_id: string;
  jurisdiction: string;
  topic: string;
  kind: "choice" | "numeric";
  text: Localized;
  options: { text: Localized; correct: boolean }[];
  numeric_answer?: { value: number; tolerance: number } | null;
  explanation: Localized;
  media: Media[];
  weight: number;
  critical: boolean;
  pools: string[];
  tags: string[];
  shuffle_options: boolean;
  group: string | null;
  status: "draft" | "published" | "retired";
}

export interface Revision {
  revision: number;
  created_at: string;
  created_by: string;
  question: BankQuestion;
}

export interface ImportRejection {
  section: string;
  index: number;
  key: string;
  field: string;
  message: string;
  line?: number;
}

export interface Profile {
  user_id: string;
  username: string;
  email: string;
  display_name: string;
  language: "vi" | "en";
  target_class: string;
  email_opt_ins: { exam_results: boolean; product_news: boolean };
  roles?: string[];
}

export interface AdminUser {
  user_id: string;
  username: string;
  email: string;
  enabled: boolean;
  email_verified: boolean;
  created_at: string;
  profile: Profile | null;
  roles?: string[];
}
