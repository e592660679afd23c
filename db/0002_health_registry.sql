-- 0002 primary-healthcare registry: facilities, the villages a clinic serves, staff with their
-- transfer history, training days, family-doctor contracts and county figures (interchange §2).

CREATE TABLE facilities (
    code                        TEXT PRIMARY KEY CHECK (length(trim(code)) > 0),
    name                        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    kind                        TEXT NOT NULL CHECK (kind IN ('村卫生室', '乡镇卫生院', '中心乡镇卫生院', '社区卫生服务中心', '社区卫生服务站')),
    division_code               TEXT NOT NULL,
    village_code                TEXT REFERENCES villages(code),
    township_code               TEXT NOT NULL REFERENCES divisions(code),
    county_code                 TEXT NOT NULL REFERENCES divisions(code),
    service_population          INTEGER CHECK (service_population >= 0),
    ownership                   TEXT CHECK (ownership IN ('公有', '集体', '私人', '其他')),
    government_run              INTEGER CHECK (government_run IN (0, 1)),
    licence_no                  TEXT,
    licence_valid_until         TEXT,
    floor_area_m2               REAL CHECK (floor_area_m2 >= 0),
    built_year                  INTEGER,
    beds                        INTEGER CHECK (beds >= 0),
    room_diagnosis              INTEGER CHECK (room_diagnosis IN (0, 1)),
    room_treatment              INTEGER CHECK (room_treatment IN (0, 1)),
    room_observation            INTEGER CHECK (room_observation IN (0, 1)),
    room_pharmacy               INTEGER CHECK (room_pharmacy IN (0, 1)),
    room_tcm                    INTEGER CHECK (room_tcm IN (0, 1)),
    room_public_health          INTEGER CHECK (room_public_health IN (0, 1)),
    room_duty                   INTEGER CHECK (room_duty IN (0, 1)),
    common_diseases             INTEGER CHECK (common_diseases >= 0),
    tcm_techniques              INTEGER CHECK (tcm_techniques >= 0),
    tcm_hall                    TEXT CHECK (tcm_hall IN ('无', '有', '示范')),
    capability_level            TEXT CHECK (capability_level IN ('未达标', '基本标准', '推荐标准', '二级水平')),
    community_hospital          INTEGER CHECK (community_hospital IN (0, 1)),
    sub_centre                  INTEGER CHECK (sub_centre IN (0, 1)),
    fever_clinic                INTEGER CHECK (fever_clinic IN (0, 1)),
    outpatient_building         INTEGER CHECK (outpatient_building IN (0, 1)),
    ward_building               INTEGER CHECK (ward_building IN (0, 1)),
    ct16                        INTEGER CHECK (ct16 IN (0, 1)),
    laminar_theatre             INTEGER CHECK (laminar_theatre IN (0, 1)),
    negative_pressure_ambulance INTEGER CHECK (negative_pressure_ambulance IN (0, 1)),
    pinyin_initials             TEXT NOT NULL DEFAULT '',
    is_demo                     INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
    row_version                 INTEGER NOT NULL DEFAULT 1,
    updated_at                  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now'))
);
CREATE INDEX facilities_township ON facilities(township_code, kind);
CREATE INDEX facilities_county ON facilities(county_code, kind);
CREATE INDEX facilities_village ON facilities(village_code);

-- The villages a 村卫生室 serves (服务村庄代码); none listed = its own village.
CREATE TABLE facility_served_villages (
    facility_code TEXT NOT NULL REFERENCES facilities(code) ON DELETE CASCADE,
    village_code  TEXT NOT NULL REFERENCES villages(code),
    PRIMARY KEY (facility_code, village_code)
);
CREATE INDEX facility_served_villages_village ON facility_served_villages(village_code);

-- One record per person city-wide, keyed by ID number; a move to another facility is a transfer.
CREATE TABLE staff (
    id_number        TEXT PRIMARY KEY CHECK (length(id_number) = 18),
    name             TEXT NOT NULL CHECK (length(trim(name)) > 0),
    facility_code    TEXT NOT NULL REFERENCES facilities(code),
    category         TEXT CHECK (category IN ('乡村医生', '执业医师', '执业助理医师', '注册护士', '药师', '技师', '其他')),
    practice_scope   TEXT CHECK (practice_scope IN ('临床', '中医', '公共卫生', '口腔')),
    general_practice INTEGER CHECK (general_practice IN (0, 1)),
    education        TEXT CHECK (education IN ('研究生', '本科', '大专', '中专', '高中及以下')),
    full_time        INTEGER CHECK (full_time IN (0, 1)),
    township_hired   INTEGER CHECK (township_hired IN (0, 1)),
    pension_insured  INTEGER CHECK (pension_insured IN (0, 1)),
    status           TEXT CHECK (status IN ('在岗', '退出')),
    left_on          TEXT,
    birth_date       TEXT NOT NULL,
    sex              TEXT NOT NULL CHECK (sex IN ('男', '女')),
    pinyin_initials  TEXT NOT NULL DEFAULT '',
    is_demo          INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
    row_version      INTEGER NOT NULL DEFAULT 1,
    updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now'))
);
CREATE INDEX staff_facility ON staff(facility_code);

-- Where a person worked before (written when the facility of a staff record changes).
CREATE TABLE staff_transfers (
    id                 INTEGER PRIMARY KEY,
    id_number          TEXT NOT NULL REFERENCES staff(id_number) ON DELETE CASCADE,
    from_facility_code TEXT NOT NULL,
    to_facility_code   TEXT NOT NULL,
    transferred_on     TEXT NOT NULL,
    recorded_by        TEXT NOT NULL
);
CREATE INDEX staff_transfers_person ON staff_transfers(id_number);

CREATE TABLE training (
    id_number TEXT NOT NULL REFERENCES staff(id_number) ON DELETE CASCADE,
    year      INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    mode      TEXT NOT NULL CHECK (mode IN ('集中学习', '远程教育', '业务进修', '其他')),
    days      REAL NOT NULL CHECK (days > 0),
    PRIMARY KEY (id_number, year, mode)
);
CREATE INDEX training_year ON training(year);

CREATE TABLE family_doctor (
    facility_code         TEXT NOT NULL REFERENCES facilities(code) ON DELETE CASCADE,
    year                  INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    signed_residents      INTEGER CHECK (signed_residents >= 0),
    signed_key_population INTEGER CHECK (signed_key_population >= 0),
    PRIMARY KEY (facility_code, year)
);

CREATE TABLE county_figures (
    county_code          TEXT NOT NULL REFERENCES divisions(code),
    year                 INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    population           INTEGER CHECK (population >= 0),
    in_county_visit_rate REAL CHECK (in_county_visit_rate BETWEEN 0 AND 100),
    primary_visit_rate   REAL CHECK (primary_visit_rate BETWEEN 0 AND 100),
    key_population       INTEGER CHECK (key_population >= 0),
    PRIMARY KEY (county_code, year)
);
