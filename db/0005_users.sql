-- 0005 users: log-in accounts with a role and a division scope (passwords as scrypt hashes only).

CREATE TABLE users (
    user_name       TEXT PRIMARY KEY CHECK (length(trim(user_name)) > 0),
    display_name    TEXT NOT NULL DEFAULT '',
    role            TEXT NOT NULL CHECK (role IN ('系统管理员', '卫健管理员', '窗口人员', '审核人员', '只读/督导')),
    scope_code      TEXT NOT NULL REFERENCES divisions(code),
    password_hash   TEXT NOT NULL CHECK (password_hash LIKE 'scrypt$%'),
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    last_failure_at TEXT,
    is_demo         INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),
    row_version     INTEGER NOT NULL DEFAULT 1
);
