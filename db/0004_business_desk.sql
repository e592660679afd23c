-- 0004 individual-business desk: businesses, person statuses, applications with their transition
-- history, one-time notices of missing materials, the working-day calendar, desk settings and
-- catalogue entries added by administrators (interchange §2 个体工商户, 人员身份, 政策申请).
-- Money is integer fen. Dates are ISO text. Codes and ID numbers are stored upper case.

-- 个体工商户, keyed by the GB 32100 credit code. county_code is derived from the township code.
CREATE TABLE businesses (
    uscc                TEXT PRIMARY KEY CHECK (length(uscc) = 18),
    name                TEXT NOT NULL CHECK (length(trim(name)) > 0),
    operator_name       TEXT NOT NULL CHECK (length(trim(operator_name)) > 0),
    operator_id_number  TEXT CHECK (operator_id_number IS NULL OR length(operator_id_number) = 18),
    registered_on       TEXT,
    township_code       TEXT REFERENCES divisions(code),
    county_code         TEXT REFERENCES divisions(code),
    industry            TEXT,
    online_only         INTEGER NOT NULL DEFAULT 0 CHECK (online_only IN (0, 1)),
    employees           INTEGER CHECK (employees >= 0),
    tier                TEXT CHECK (tier IN ('生存型', '成长型', '发展型')),
    directory_joined_on TEXT,
    status              TEXT NOT NULL DEFAULT '存续' CHECK (status IN ('存续', '注销', '已转企')),
    converted_on        TEXT,
    enterprise_type     TEXT CHECK (enterprise_type IN ('个人独资企业', '合伙企业', '有限公司')),
    enterprise_uscc     TEXT UNIQUE CHECK (enterprise_uscc IS NULL OR length(enterprise_uscc) = 18),
    credit_flag         INTEGER CHECK (credit_flag IN (0, 1)),
    pinyin_initials     TEXT NOT NULL DEFAULT '',
    is_demo             INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
    row_version         INTEGER NOT NULL DEFAULT 1,
    updated_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now'))
);
-- Search as you type: prefix ranges on initials, operator and codes, a substring scan of the
-- narrow name index. The list is ordered by (name, rowid), which every (filter, name) index yields.
CREATE INDEX businesses_name ON businesses(name);
CREATE INDEX businesses_initials ON businesses(pinyin_initials);
CREATE INDEX businesses_operator_name ON businesses(operator_name);
CREATE INDEX businesses_operator_id ON businesses(operator_id_number);
CREATE INDEX businesses_township ON businesses(township_code, name);
CREATE INDEX businesses_county ON businesses(county_code, name);
CREATE INDEX businesses_tier ON businesses(tier, name);
CREATE INDEX businesses_status ON businesses(status, name);

-- 人员身份: a person's membership of a supported group, keyed by ID number + group.
CREATE TABLE person_statuses (
    id_number TEXT NOT NULL CHECK (length(id_number) = 18),
    status    TEXT NOT NULL CHECK (status IN ('高校毕业生', '在校大中专学生', '留学回国人员', '就业困难人员',
                                            '脱贫家庭劳动力', '返乡农民工', '退役军人', '军队转业干部', '残疾人',
                                            '登记失业人员', '零就业家庭', '低保家庭')),
    name      TEXT NOT NULL DEFAULT '',
    since     TEXT,
    until     TEXT CHECK (until IS NULL OR since IS NULL OR until >= since),
    is_demo   INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
    PRIMARY KEY (id_number, status)
) WITHOUT ROWID;

-- 政策申请. receipt_no (受理编号) = county code (6) + received date (YYYYMMDD) + serial (4).
-- base_policy_id is policy_id without its successor suffix (families are looked up by it).
-- The eligible_* columns hold the engine's last verdict (intake, decision, reevaluate_all).
CREATE TABLE applications (
    receipt_no               TEXT PRIMARY KEY CHECK (length(receipt_no) = 18 AND receipt_no NOT GLOB '*[^0-9]*'),
    policy_id                TEXT NOT NULL,
    base_policy_id           TEXT NOT NULL,
    uscc                     TEXT,
    id_number                TEXT,
    county_code              TEXT NOT NULL REFERENCES divisions(code),
    received_on              TEXT NOT NULL,
    amount_requested_fen     INTEGER CHECK (amount_requested_fen >= 0),
    facts_json               TEXT NOT NULL DEFAULT '{}',
    status                   TEXT NOT NULL DEFAULT '已受理'
                             CHECK (status IN ('已受理', '审核中', '已批准', '不予批准', '已发放', '已撤回')),
    materials_received_json  TEXT NOT NULL DEFAULT '[]',
    materials_waived_json    TEXT NOT NULL DEFAULT '[]',
    promised_on              TEXT,
    handler                  TEXT,
    received_by              TEXT,
    eligible                 INTEGER CHECK (eligible IN (0, 1)),
    eligible_amount_fen      INTEGER,
    eligibility_entry_id     TEXT,
    eligibility_json         TEXT,
    evaluated_at             TEXT,
    approved_amount_fen      INTEGER CHECK (approved_amount_fen >= 0),
    decision_reasons_json    TEXT NOT NULL DEFAULT '[]',
    overridden               INTEGER NOT NULL DEFAULT 0 CHECK (overridden IN (0, 1)),
    override_reason          TEXT,
    decided_by               TEXT,
    decided_at               TEXT,
    voucher_no               TEXT UNIQUE,
    paid_on                  TEXT,
    paid_amount_fen          INTEGER CHECK (paid_amount_fen > 0),
    paid_by                  TEXT,
    withdrawal_reason        TEXT,
    withdrawn_by             TEXT,
    withdrawn_at             TEXT,
    is_demo                  INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
    row_version              INTEGER NOT NULL DEFAULT 1,
    updated_at               TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),
    CHECK (uscc IS NOT NULL OR id_number IS NOT NULL),
    CHECK (overridden = 0 OR coalesce(length(trim(override_reason)), 0) > 0),
    CHECK (paid_amount_fen IS NULL OR approved_amount_fen IS NULL OR paid_amount_fen <= approved_amount_fen)
);
CREATE INDEX applications_received ON applications(received_on, receipt_no);
CREATE INDEX applications_status_due ON applications(status, promised_on);
CREATE INDEX applications_handler ON applications(handler, status, promised_on);
CREATE INDEX applications_policy ON applications(base_policy_id, status);
CREATE INDEX applications_uscc ON applications(uscc, base_policy_id, status);
CREATE INDEX applications_person ON applications(id_number, base_policy_id, status);
CREATE INDEX applications_county ON applications(county_code, received_on);

-- The hired persons (fact 招用人员) of hiring-subsidy applications, for the once-per-hire rules.
CREATE TABLE application_hires (
    hired_id_number TEXT NOT NULL,
    receipt_no      TEXT NOT NULL REFERENCES applications(receipt_no) ON DELETE CASCADE,
    PRIMARY KEY (hired_id_number, receipt_no)
) WITHOUT ROWID;
CREATE INDEX application_hires_receipt ON application_hires(receipt_no);

-- Every transition of an application: who, when, from which status to which, and why.
CREATE TABLE application_events (
    id          INTEGER PRIMARY KEY,
    receipt_no  TEXT NOT NULL REFERENCES applications(receipt_no) ON DELETE CASCADE,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    from_status TEXT,
    to_status   TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX application_events_receipt ON application_events(receipt_no, id);

-- 一次性告知: an intake refused for missing materials, with everything needed to print the notice.
CREATE TABLE missing_material_notices (
    notice_no                TEXT PRIMARY KEY,
    policy_id                TEXT NOT NULL,
    policy_title             TEXT NOT NULL,
    citation                 TEXT NOT NULL DEFAULT '',
    uscc                     TEXT,
    id_number                TEXT,
    applicant_name           TEXT NOT NULL DEFAULT '',
    county_code              TEXT NOT NULL REFERENCES divisions(code),
    issued_on                TEXT NOT NULL,
    issued_by                TEXT NOT NULL,
    issued_at                TEXT NOT NULL,
    materials_required_json  TEXT NOT NULL,
    materials_received_json  TEXT NOT NULL,
    materials_waived_json    TEXT NOT NULL DEFAULT '[]',
    materials_missing_json   TEXT NOT NULL,
    facts_json               TEXT NOT NULL DEFAULT '{}',
    amount_requested_fen     INTEGER,
    is_demo                  INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1))
);
CREATE INDEX missing_material_notices_applicant ON missing_material_notices(uscc, issued_on);
CREATE INDEX missing_material_notices_person ON missing_material_notices(id_number, issued_on);
CREATE INDEX missing_material_notices_issued ON missing_material_notices(issued_on);

-- Serial counters (series 'receipt' / 'notice', prefix = county code + date): numbers are never reused.
CREATE TABLE desk_serials (
    series      TEXT NOT NULL,
    prefix      TEXT NOT NULL,
    last_serial INTEGER NOT NULL CHECK (last_serial BETWEEN 1 AND 9999),
    PRIMARY KEY (series, prefix)
) WITHOUT ROWID;

-- The working-day calendar an administrator maintains: weekday holidays and worked weekend days.
CREATE TABLE work_calendar (
    day        TEXT PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('休息日', '调休上班日')),
    note       TEXT NOT NULL DEFAULT '',
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
) WITHOUT ROWID;

-- Promised completion time per measure (base rule id), in working days.
CREATE TABLE measure_settings (
    base_id               TEXT PRIMARY KEY,
    promised_working_days INTEGER NOT NULL CHECK (promised_working_days BETWEEN 1 AND 120),
    updated_by            TEXT NOT NULL,
    updated_at            TEXT NOT NULL
) WITHOUT ROWID;

-- Amounts a county pays for "不少于" measures (fen; never below the catalogue minimum).
CREATE TABLE county_amounts (
    county_code TEXT NOT NULL REFERENCES divisions(code),
    base_id     TEXT NOT NULL,
    amount_fen  INTEGER NOT NULL CHECK (amount_fen > 0),
    updated_by  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (county_code, base_id)
) WITHOUT ROWID;

-- Successor entries added by an administrator (rules.json-shaped JSON), merged with the shipped catalogue.
CREATE TABLE catalogue_entries (
    id         TEXT PRIMARY KEY CHECK (instr(id, '@') > 1),
    base_id    TEXT NOT NULL,
    entry_json TEXT NOT NULL,
    added_by   TEXT NOT NULL,
    added_at   TEXT NOT NULL
);
CREATE INDEX catalogue_entries_base ON catalogue_entries(base_id);

-- Entries (shipped or added) retired early: their window ends on last_day.
CREATE TABLE catalogue_retirements (
    rule_id    TEXT PRIMARY KEY,
    last_day   TEXT NOT NULL,
    reason     TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    retired_by TEXT NOT NULL,
    retired_at TEXT NOT NULL
) WITHOUT ROWID;
