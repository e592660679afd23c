-- 0006 subsidy ledger (interchange §2 补助预算, 补助发放): yearly budgets per programme, county-level
-- unit and source of funds; posted payments and reversing entries; the retired village doctor
-- allowance rate each county sets. Money is integer fen; dates are ISO text.

CREATE TABLE subsidy_budgets (
    programme     TEXT NOT NULL,
    year          INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    division_code TEXT NOT NULL REFERENCES divisions(code),
    source        TEXT NOT NULL CHECK (source IN ('中央', '省级', '市级', '县级', '区级')),
    amount_fen    INTEGER NOT NULL CHECK (amount_fen >= 0),
    updated_by    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    is_demo       INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
    PRIMARY KEY (programme, year, division_code, source)
) WITHOUT ROWID;
CREATE INDEX subsidy_budgets_year ON subsidy_budgets(year, division_code);

-- A posted payment is never changed or deleted: a correction is a negative entry that names the
-- voucher it reverses. county_code and division_code are the payee's at posting (for scope and sums).
CREATE TABLE subsidy_payments (
    voucher_no    TEXT PRIMARY KEY CHECK (length(trim(voucher_no)) > 0),
    programme     TEXT NOT NULL,
    year          INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    facility_code TEXT REFERENCES facilities(code),
    id_number     TEXT REFERENCES staff(id_number),
    county_code   TEXT NOT NULL REFERENCES divisions(code),
    division_code TEXT NOT NULL,
    source        TEXT NOT NULL CHECK (source IN ('中央', '省级', '市级', '县级', '区级')),
    amount_fen    INTEGER NOT NULL CHECK (amount_fen <> 0),
    paid_on       TEXT NOT NULL,
    reverses      TEXT REFERENCES subsidy_payments(voucher_no),
    note          TEXT NOT NULL DEFAULT '',
    overpayment_confirmed INTEGER NOT NULL DEFAULT 0 CHECK (overpayment_confirmed IN (0, 1)),
    posted_by     TEXT NOT NULL,
    posted_at     TEXT NOT NULL,
    is_demo       INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
    CHECK ((facility_code IS NULL) <> (id_number IS NULL)),
    CHECK ((reverses IS NULL AND amount_fen > 0) OR (reverses IS NOT NULL AND amount_fen < 0)),
    CHECK (reverses IS NULL OR reverses <> voucher_no)
);
CREATE INDEX subsidy_payments_year ON subsidy_payments(year, county_code, programme);
CREATE INDEX subsidy_payments_facility ON subsidy_payments(facility_code, programme, year);
CREATE INDEX subsidy_payments_person ON subsidy_payments(id_number, programme, year);
CREATE INDEX subsidy_payments_reverses ON subsidy_payments(reverses);

CREATE TRIGGER subsidy_payments_no_update BEFORE UPDATE ON subsidy_payments
BEGIN
    SELECT RAISE(ABORT, 'subsidy_payments is append-only: correct a payment with a reversing entry');
END;

CREATE TRIGGER subsidy_payments_no_delete BEFORE DELETE ON subsidy_payments
BEGIN
    SELECT RAISE(ABORT, 'subsidy_payments is append-only: correct a payment with a reversing entry');
END;

-- 老年乡村医生生活补助: yuan per person and year a county-level unit pays, from from_year on (until a
-- later setting). The policy gives no amount: without a setting the entitlement is 标准未设定.
CREATE TABLE subsidy_allowance_rates (
    county_code TEXT NOT NULL REFERENCES divisions(code),
    from_year   INTEGER NOT NULL CHECK (from_year BETWEEN 2000 AND 2100),
    amount_fen  INTEGER NOT NULL CHECK (amount_fen > 0),
    updated_by  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (county_code, from_year)
) WITHOUT ROWID;
