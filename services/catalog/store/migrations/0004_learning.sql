-- Catalog schema, part 4: what learners did. Rows name questions by id (questions are never deleted for real).

-- Every graded answer, from exams and practice, oldest first by (answered_at, id). An exam's answers are logged
-- once: logging them again (a retried request) is ignored.
CREATE TABLE catalog.answer_log (
  id bigserial PRIMARY KEY,
  user_id text NOT NULL,
  question_id bigint NOT NULL,
  revision int NOT NULL,
  correct boolean NOT NULL,
  answered_at timestamptz NOT NULL,
  source text NOT NULL CHECK (source IN ('exam', 'practice')),
  exam_id uuid REFERENCES catalog.exams (id),
  CHECK ((source = 'exam') = (exam_id IS NOT NULL)),
  FOREIGN KEY (question_id, revision) REFERENCES catalog.question_revisions (question_id, revision)
);

CREATE INDEX answer_log_user ON catalog.answer_log (user_id, answered_at, id);
CREATE INDEX answer_log_user_question ON catalog.answer_log (user_id, question_id, answered_at);
CREATE UNIQUE INDEX answer_log_exam_question ON catalog.answer_log (exam_id, question_id) WHERE exam_id IS NOT NULL;

-- The learner's Leitner queue: one card per question in it.
CREATE TABLE catalog.leitner_cards (
  user_id text NOT NULL,
  question_id bigint NOT NULL REFERENCES catalog.questions (id),
  box int NOT NULL CHECK (box BETWEEN 1 AND 5),
  due date NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, question_id)
);

CREATE INDEX leitner_cards_due ON catalog.leitner_cards (user_id, due);

CREATE TABLE catalog.bookmarks (
  user_id text NOT NULL,
  question_id bigint NOT NULL REFERENCES catalog.questions (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, question_id)
);
