/* The dossier register (Sổ theo dõi hồ sơ, Mẫu số 07 of Thông tư
 * 03/2025/TT-VPCP; Mẫu số 06 of Thông tư 01/2018/TT-VPCP before it) as a
 * printable document: the Nghị định 30 header, the title, the period, and
 * one landscape table of the dossiers received in the period, one row each,
 * in the order they were received. */
#ifndef CCHC_DOSSIER_REGISTER_H
#define CCHC_DOSSIER_REGISTER_H
#include <stdint.h>
#include "export/doc.h"
#include "store/db.h"

/* The columns, in the order of the form's table. */
enum {
	DR_STT, DR_CODE, DR_PROCEDURE, DR_COUNT, DR_HOLDER, DR_ADDRESS, DR_AGENCY, DR_RECEIVED,
	DR_DUE, DR_RETURNED, DR_SIGNED, DR_NOTE, DR_NCOLS
};
#define DR_HEADER_ROWS 3 /* the titles, the two under "Trả kết quả", the column numbers */

/* Builds the register of the dossiers received in [from, to] (ISO),
 * of one unit when unit_code is given (else all), dated today. The rows are
 * read a statement step at a time. *rows gets the number of dossiers. */
int dossier_register_doc(struct db *db, const char *from, const char *to, const char *unit_code,
			 struct doc *d, int64_t *rows, struct cchc_err *err);

#endif
