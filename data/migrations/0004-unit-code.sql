-- Schema version 4: unit codes are looked up without regard to case, so they
-- must also be unique without regard to case ("VP" and "vp" are one code).
CREATE UNIQUE INDEX unit_code_nocase ON unit(code COLLATE NOCASE);
