/* Fuzz target: the column mapping file (data/dossier-columns.txt, which a
 * clerk copies to ~/.config/cchc and edits, or names with --map). It is read
 * as raw bytes, so the input goes to dossier_map_parse as it is; a mapping
 * that parses is then used on a small export. */
#include <config.h>
#include "fuzz.h"
#include "import/dossier_parse.h"

static const char sample[] =
	"Mã hồ sơ,Tên thủ tục,Ngày tiếp nhận,Hạn xử lý,Ngày hoàn thành,Hình thức nộp\n"
	"000.00.21.H36-260105-0001,Cấp phép,05/01/2026 08:15,19/01/2026,16/01/2026,Trực tuyến\n"
	"000.00.21.H36-260105-0002,Cấp phép,05/01/2026,31/02/2026,,Trực tiếp\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_cstr(data, size);
	struct dossier_map map;
	struct cchc_err err;
	if (dossier_map_parse(text, "fuzz", &map, &err) == CCHC_OK) {
		for (int f = 0; f < DF_COUNT; f++)
			for (char **n = map.names[f]; n && *n; n++)
				FUZZ_CHECK(**n != '\0');
		struct dossier_parse p;
		if (dossier_parse_text(sample, sizeof sample - 1, &map, &p, &err) == CCHC_OK)
			dossier_parse_free(&p);
		dossier_map_free(&map);
	}
	free(text);
	return 0;
}
