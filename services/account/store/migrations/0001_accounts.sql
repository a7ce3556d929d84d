-- The Account service's schema. The identity (password, roles, enabled) lives in Keycloak; this keeps what
-- Keycloak does not: profiles, the IP addresses a user signed in from, and the outbox of account events.

-- One row per user. A registration first reserves its username and e-mail here (state 'pending', no user_id),
-- then creates the Keycloak user, then activates the row with Keycloak's id and records user.registered in
-- the outbox, in one transaction. A row left 'pending' (a crash between the steps) is settled by the
-- reconciler: activated if Keycloak has the user, deleted otherwise.
CREATE TABLE account.profiles (
  id bigserial PRIMARY KEY,
  user_id text UNIQUE,
  username text NOT NULL UNIQUE,
  email text NOT NULL UNIQUE,
  display_name text NOT NULL,
  language text NOT NULL CHECK (language IN ('vi', 'en')),
  target_class text NOT NULL DEFAULT '',
  opt_in_exam_results boolean NOT NULL DEFAULT false,
  opt_in_product_news boolean NOT NULL DEFAULT false,
  state text NOT NULL CHECK (state IN ('pending', 'active')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((state = 'pending') = (user_id IS NULL))
);
CREATE INDEX profiles_pending ON account.profiles (created_at) WHERE state = 'pending';

-- Addresses a user's signed-in sessions were seen from (user.signed_in_new_ip).
CREATE TABLE account.known_ips (
  user_id text NOT NULL,
  ip inet NOT NULL,
  first_seen timestamptz NOT NULL DEFAULT now(),
  last_seen timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, ip)
);

-- The transactional outbox (libs/outbox, docs/events.md).
CREATE TABLE account.outbox (
  seq bigserial PRIMARY KEY,
  id uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
  type text NOT NULL,
  version integer NOT NULL,
  subject text NOT NULL,
  data jsonb NOT NULL,
  trace_id text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz
);
CREATE INDEX outbox_unpublished ON account.outbox (seq) WHERE published_at IS NULL;
