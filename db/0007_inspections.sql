-- 0007 inspection visits (督导检查, interchange §2 检查记录): visits with their inspectors and
-- facilities, findings per facility and rule (属实 / 不符 / 未检查) with the value seen on site and
-- what was done about the registry, rectification orders (整改通知) and every change of an order's
-- status with who did it and when. Dates are ISO text; rows carry versions like the registry.

CREATE TABLE inspection_visits (
    id          TEXT PRIMARY KEY CHECK (length(trim(id)) > 0),
    visited_on  TEXT NOT NULL CHECK (visited_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    note        TEXT NOT NULL DEFAULT '',
    planned_by  TEXT NOT NULL,
    planned_at  TEXT NOT NULL,
    is_demo     INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
    row_version INTEGER NOT NULL DEFAULT 1,
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now'))
);
CREATE INDEX inspection_visits_date ON inspection_visits(visited_on);

CREATE TABLE inspection_visit_inspectors (
    visit_id TEXT NOT NULL REFERENCES inspection_visits(id) ON DELETE CASCADE,
    position INTEGER NOT NULL CHECK (position >= 0),
    name     TEXT NOT NULL CHECK (length(trim(name)) > 0),
    PRIMARY KEY (visit_id, position)
) WITHOUT ROWID;

-- county_code is the facility's at planning time, so lists and counts need no join for the scope.
CREATE TABLE inspection_visit_facilities (
    visit_id      TEXT NOT NULL REFERENCES inspection_visits(id) ON DELETE CASCADE,
    facility_code TEXT NOT NULL REFERENCES facilities(code),
    position      INTEGER NOT NULL CHECK (position >= 0),
    PRIMARY KEY (visit_id, facility_code)
) WITHOUT ROWID;
CREATE INDEX inspection_visit_facilities_facility ON inspection_visit_facilities(facility_code);

-- registry_value: what the registry said (as printed on the checklist) when the finding was
-- recorded. registry_decision is set exactly for 不符: 已更新登记 (the registry was changed to what
-- was seen, audited) or 保留待核实 (kept, to be verified). photos: a JSON array of file names.
CREATE TABLE inspection_findings (
    visit_id          TEXT NOT NULL,
    facility_code     TEXT NOT NULL,
    rule_id           TEXT NOT NULL CHECK (length(trim(rule_id)) > 0),
    finding           TEXT NOT NULL CHECK (finding IN ('属实', '不符', '未检查')),
    value_seen        TEXT,
    registry_value    TEXT NOT NULL DEFAULT '',
    remark            TEXT NOT NULL DEFAULT '',
    photos            TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(photos) AND json_type(photos) = 'array'),
    registry_decision TEXT CHECK (registry_decision IN ('已更新登记', '保留待核实')),
    recorded_by       TEXT NOT NULL,
    recorded_at       TEXT NOT NULL,
    is_demo           INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
    row_version       INTEGER NOT NULL DEFAULT 1,
    updated_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),
    PRIMARY KEY (visit_id, facility_code, rule_id),
    FOREIGN KEY (visit_id, facility_code) REFERENCES inspection_visit_facilities(visit_id, facility_code),
    CHECK ((finding = '不符') = (registry_decision IS NOT NULL)),
    CHECK (finding <> '不符' OR length(trim(coalesce(value_seen, ''))) > 0)
) WITHOUT ROWID;
CREATE INDEX inspection_findings_facility ON inspection_findings(facility_code, visit_id);

-- One order per finding. county_code/division_code: where the facility was when the order was made
-- (work lists and dashboard counts by county without a join). status: 待整改 → 已报告 → 已销号;
-- a reopened order goes back to 待整改 (reopened counts how often).
CREATE TABLE rectification_orders (
    id              INTEGER PRIMARY KEY,
    visit_id        TEXT NOT NULL,
    facility_code   TEXT NOT NULL,
    rule_id         TEXT NOT NULL,
    county_code     TEXT NOT NULL REFERENCES divisions(code),
    division_code   TEXT NOT NULL,
    requirement     TEXT NOT NULL DEFAULT '',
    responsible     TEXT NOT NULL DEFAULT '',
    deadline        TEXT NOT NULL CHECK (deadline GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    status          TEXT NOT NULL DEFAULT '待整改' CHECK (status IN ('待整改', '已报告', '已销号')),
    completion_note TEXT NOT NULL DEFAULT '',
    reported_on     TEXT,
    reopened        INTEGER NOT NULL DEFAULT 0 CHECK (reopened >= 0),
    created_by      TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    is_demo         INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
    row_version     INTEGER NOT NULL DEFAULT 1,
    updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),
    UNIQUE (visit_id, facility_code, rule_id),
    FOREIGN KEY (visit_id, facility_code, rule_id) REFERENCES inspection_findings(visit_id, facility_code, rule_id)
);
CREATE INDEX rectification_orders_county ON rectification_orders(county_code, status, deadline);
CREATE INDEX rectification_orders_facility ON rectification_orders(facility_code, status);

-- Every step of an order: 下达 (open), 报告完成 (report), 销号 (close), 重新打开 (reopen), 修改期限
-- (deadline). on_date is the day the step is dated (e.g. when the facility reported completion).
CREATE TABLE rectification_events (
    id          INTEGER PRIMARY KEY,
    order_id    INTEGER NOT NULL REFERENCES rectification_orders(id) ON DELETE CASCADE,
    action      TEXT NOT NULL CHECK (action IN ('open', 'report', 'close', 'reopen', 'deadline')),
    from_status TEXT,
    to_status   TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    on_date     TEXT NOT NULL,
    actor       TEXT NOT NULL,
    at          TEXT NOT NULL
);
CREATE INDEX rectification_events_order ON rectification_events(order_id, id);
