-- The Notification service's schema: whom it writes to, and every event it handled (docs/events.md).

-- What the account events said about each user: where and in which language to write, and whether they want
-- exam results by e-mail (exam.completed carries only the user id). updated_from is the time of the newest
-- event applied, so an older event arriving late never undoes a newer one.
CREATE TABLE notification.recipients (
  user_id text PRIMARY KEY,
  email text NOT NULL,
  display_name text NOT NULL,
  language text NOT NULL CHECK (language IN ('vi', 'en')),
  opt_in_exam_results boolean NOT NULL DEFAULT false,
  updated_from timestamptz NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- One row per event handled, unique by the event's id: a redelivered event finds its row and sends nothing.
--   queued   waiting for its first attempt
--   failed   an attempt failed; the next one is due at next_attempt_at
--   sent     the SMTP server accepted it (sent_at)
--   dead     given up (attempts exhausted, refused for good, or unusable data): on the dead-letter topic;
--            an admin can re-drive it (back to queued)
--   skipped  nothing to send (an exam result for a user who did not opt in); last_error says why
-- claimed_until: a dispatcher is sending it until then; after a crash the claim runs out and another takes it.
CREATE TABLE notification.notifications (
  id bigserial PRIMARY KEY,
  event_id text NOT NULL UNIQUE,
  event_type text NOT NULL,
  kind text NOT NULL,
  user_id text NOT NULL,
  email text NOT NULL DEFAULT '',
  display_name text NOT NULL DEFAULT '',
  language text NOT NULL DEFAULT 'en' CHECK (language IN ('vi', 'en')),
  template_values jsonb NOT NULL DEFAULT '{}',
  payload text NOT NULL,
  source_topic text NOT NULL DEFAULT '',
  source_partition integer NOT NULL DEFAULT -1,
  source_offset bigint NOT NULL DEFAULT -1,
  status text NOT NULL CHECK (status IN ('queued', 'failed', 'sent', 'dead', 'skipped')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text NOT NULL DEFAULT '',
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  claimed_until timestamptz,
  redrives integer NOT NULL DEFAULT 0,
  event_time timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz
);
CREATE INDEX notifications_due ON notification.notifications (next_attempt_at) WHERE status IN ('queued', 'failed');
CREATE INDEX notifications_recent ON notification.notifications (created_at DESC, id DESC);
CREATE INDEX notifications_status_recent ON notification.notifications (status, created_at DESC, id DESC);
CREATE INDEX notifications_user ON notification.notifications (user_id, created_at DESC);
