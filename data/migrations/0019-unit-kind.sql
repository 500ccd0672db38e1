-- Schema version 19: the kind of
-- a unit, so that a plan's generic subjects ("các phòng, đơn vị thuộc Sở",
-- "các Sở, ban, ngành", "UBND các huyện, thành phố") can be given to each
-- unit of that group. '' means not set: the kind is then read from the
-- shape of the unit's name (core/unit.c unit_kind_guess), so databases made
-- before this version work unchanged.
ALTER TABLE unit ADD COLUMN kind TEXT NOT NULL DEFAULT ''
	CHECK (kind IN ('', 'phong', 'don-vi', 'so-nganh', 'huyen', 'xa', 'khac'));
