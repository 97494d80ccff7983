-- Message histories (dev.parley.domain.model.archive.ArchivedStanza): each kept message belongs to a local user
-- (owner, the canonical user name) and is searched by the other side's bare JID (peer); outbound marks what the owner
-- sent. Rows from before have no owner and only show in an administrator's search by recipient.
-- Portable between H2 2.x (embedded default) and PostgreSQL 15 (production).
ALTER TABLE archived_stanza ADD COLUMN owner VARCHAR(256);
ALTER TABLE archived_stanza ADD COLUMN peer VARCHAR(3071);
ALTER TABLE archived_stanza ADD COLUMN outbound BOOLEAN DEFAULT FALSE NOT NULL;

-- A user's conversation with one peer, newest first; what reached a user, newest first; the retention's oldest first.
CREATE INDEX archived_stanza_conversation ON archived_stanza (owner, peer, received_at, id);
CREATE INDEX archived_stanza_received ON archived_stanza (owner, outbound, received_at, id);
CREATE INDEX archived_stanza_age ON archived_stanza (received_at);
