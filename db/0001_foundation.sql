-- 0001 foundation: app metadata, division registry, villages, audit log.
-- Append-only: never edit a migration that has shipped; add a new numbered file instead.

CREATE TABLE app_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- City, county-level units and townships (统计用区划代码, 12 digits), loaded from resources/data.
CREATE TABLE divisions (
    code            TEXT PRIMARY KEY CHECK (length(code) = 12 AND code GLOB '[0-9]*'),
    name            TEXT NOT NULL,
    level           TEXT NOT NULL CHECK (level IN ('city', 'county', 'township')),
    parent_code     TEXT REFERENCES divisions(code),
    county_kind     TEXT CHECK (county_kind IN ('county', 'county_city', 'district', 'demonstration_zone')),
    funding_group   TEXT,
    pinyin_initials TEXT NOT NULL DEFAULT '',
    pinyin          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX divisions_parent ON divisions(parent_code);

-- Administrative villages, natural villages and communities (村庄 sheet).
CREATE TABLE villages (
    code                  TEXT PRIMARY KEY,
    name                  TEXT NOT NULL CHECK (length(trim(name)) > 0),
    kind                  TEXT NOT NULL CHECK (kind IN ('行政村', '自然村', '社区')),
    township_code         TEXT NOT NULL REFERENCES divisions(code),
    parent_village_code   TEXT REFERENCES villages(code),
    population            INTEGER NOT NULL CHECK (population >= 0),
    hosts_township_centre INTEGER NOT NULL DEFAULT 0 CHECK (hosts_township_centre IN (0, 1)),
    minutes_to_clinic     INTEGER CHECK (minutes_to_clinic >= 0),
    pinyin_initials       TEXT NOT NULL DEFAULT '',
    is_demo               INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
    row_version           INTEGER NOT NULL DEFAULT 1,
    updated_at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now'))
);
CREATE INDEX villages_township ON villages(township_code, code);
CREATE INDEX villages_parent ON villages(parent_village_code);
CREATE INDEX villages_initials ON villages(pinyin_initials);

-- Who did what. Append-only: triggers refuse UPDATE and DELETE.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    table_name  TEXT,
    record_key  TEXT,
    before_json TEXT,
    after_json  TEXT
);
CREATE INDEX audit_log_record ON audit_log(table_name, record_key);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
