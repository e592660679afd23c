-- 0003 tamper-evident audit trail: every audit row carries prev_hash (the previous row's hash)
-- and hash = SHA-256 of its own content and prev_hash (desktop_app.store.audit.record_hash).
-- SQLite has no SHA-256, so rows written before this step stay unhashed here; they are chained
-- ("sealed") in Python by store.audit.seal_legacy on the first append after the upgrade, and
-- until then verify_chain computes their hashes in memory.

ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
ALTER TABLE audit_log ADD COLUMN hash TEXT;

-- Rows with an id up to this value were written before the chain existed (0 on a new database).
INSERT INTO app_meta (key, value)
SELECT 'audit_chain_legacy_max_id', CAST(COALESCE(MAX(id), 0) AS TEXT) FROM audit_log;

DROP TRIGGER audit_log_no_update;

-- Still append-only. The one update allowed is sealing a pre-chain row once: setting its empty
-- prev_hash/hash while every other column stays exactly as it was.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN NOT (
    OLD.hash IS NULL AND OLD.prev_hash IS NULL
    AND NEW.hash IS NOT NULL AND NEW.prev_hash IS NOT NULL
    AND OLD.id <= COALESCE(
        (SELECT CAST(value AS INTEGER) FROM app_meta WHERE key = 'audit_chain_legacy_max_id'), 0)
    AND NEW.id IS OLD.id AND NEW.at IS OLD.at AND NEW.actor IS OLD.actor
    AND NEW.action IS OLD.action AND NEW.table_name IS OLD.table_name
    AND NEW.record_key IS OLD.record_key AND NEW.before_json IS OLD.before_json
    AND NEW.after_json IS OLD.after_json
)
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
