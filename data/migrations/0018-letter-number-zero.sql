-- Schema version 18: Nghị định 30/2020/NĐ-CP writes a document number below
-- 10 with a leading zero ("Số: 01/PXL"). Letters are numbered so from now
-- on (src/core/letter.c); the numbers stored before are given their zero
-- here, once, so that every place that shows one (letter list, the dossier,
-- the report's table, search) agrees. Only numbers that start with the
-- sequence number itself are touched: "1/PXL", "7/PXL-SCT", not "PXL-7".
UPDATE letter SET number = '0' || number
 WHERE seq BETWEEN 1 AND 9
   AND substr(number, 1, 1) = CAST(seq AS TEXT)
   AND substr(number, 2, 1) NOT GLOB '[0-9]';
