/* Scale data for the benchmarks (not a test): realistic cchc databases with
 * Vietnamese text, written through cchc's own db_open (so the schema, the
 * search tokenizer and the triggers are the program's) in large internal
 * transactions that the undo history does not record, with prepared
 * statements reused for every row.
 *
 *   gen XS|S|M|P DBFILE       a database of that size (see scales[])
 *   gen empty DBFILE          the schema and the department's units only
 *   gen csv N FILE            an N-row dossier export as the one-stop system
 *                             writes it (the header of data/dossier-columns.txt)
 *   gen peers DBFILE DIR [N]  the first N tasks (10000) of DBFILE for the
 *                             peers: DIR/tasks.json for `task import` (done
 *                             tasks completed), DIR/calcurse/todo for
 *                             `calcurse -D` (every task an open todo, as
 *                             `cchc task list` lists them all)
 *   gen query DBFILE REPS [--typed] [--print] WORDS...  search_run in process:
 *                             median, min, max (--typed: as the search screen
 *                             runs it; --print: the hits instead, one a line)
 *   gen sql DBFILE SQL        runs SQL through cchc's own db_open (its
 *                             tokenizer registered, so that fts5vocab and
 *                             'integrity-check' can read the search indexes)
 *                             and prints the rows, columns separated by tabs
 *   gen time OUT CMD [ARG]... runs CMD and appends "<ms> <peak KB> <status>
 *                             <cpu ms>" to OUT: wall time on the monotonic
 *                             clock, peak resident memory from wait4 (GNU
 *                             time's %M), user + system time
 *   gen version               what the data depends on (for the runner's cache)
 *
 * Dates run over the years up to "today" (CCHC_TODAY, else the clock). The
 * seed is fixed: the same size gives the same data. The plan text is
 * tests/fixtures/so-cong-thuong-2024.txt ($FIXTURES) or, without it, the
 * identical demo plan compiled into cchc, with generated sections added. */
#include <config.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>
#include "core/search.h"
#include "import/plan_load.h"
#include "store/db.h"
#include "store/embedded.h"
#include "text/date.h"
#include "text/utf8.h"
#include "util/fsutil.h"
#include "util/sbuf.h"
#include "util/sha256.h"

/* Bump when the generated data changes, so that cached databases are remade. */
#define GEN_DATA_VERSION 3
#define BATCH 50000 /* rows per transaction */
#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))
#define PICK(a) ((a)[rnd(COUNT(a))])

struct scale {
	const char *name;
	int years;        /* one plan a year, the last one this year */
	int sections;     /* per plan, about */
	int units;
	int tasks, evidence, feedback, dossiers;
	int letter_pct;   /* of the late dossiers, how many got an apology letter */
	bool files;       /* each evidence record has a small file */
	bool simple;      /* for the peers: no paused tasks, no coordinating units */
};

static const struct scale scales[] = {
	{ "XS", 1, 30, 8, 40, 30, 20, 300, 20, true, false },
	{ "S", 1, 150, 8, 300, 1000, 200, 10000, 8, true, false },
	{ "M", 10, 150, 40, 100000, 100000, 50000, 1000000, 5, true, false },
	{ "P", 1, 150, 8, 10000, 0, 0, 0, 0, false, true },
	{ "empty", 0, 0, 8, 0, 0, 0, 0, 0, false, false },
};

/* ---- word lists (NFC, checked at start) ---- */

static const char *const surnames[] = {
	"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
	"Dương", "Lý", "Nông", "Lương", "Vi", "Hà", "Đinh", "Triệu", "Lăng", "Chu", "Hứa", "Mã",
	"Lộc", "Tô", "Hoàng", "Nguyễn", "Nông", "Hoàng",
};
static const char *const middles[] = {
	"Văn", "Thị", "Minh", "Thu", "Đức", "Quang", "Ngọc", "Thanh", "Hữu", "Xuân", "Kim", "Thế",
	"Đình", "Hồng", "Bích", "Mạnh", "Tuấn", "Văn", "Thị", "Thị",
};
static const char *const givens[] = {
	"An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hằng", "Hoa", "Hùng", "Hương", "Lan", "Linh",
	"Long", "Mai", "Nam", "Nga", "Phương", "Quân", "Sơn", "Thảo", "Thắng", "Trang", "Tuấn",
	"Việt", "Yến", "Đạt", "Định", "Ánh", "Huệ", "Khánh", "Lâm", "Lợi", "Nhung", "Oanh", "Phúc",
	"Quyết", "Tâm", "Thủy", "Toàn", "Uyên", "Vân", "Xuyến", "Ước", "Hạnh", "Giang", "Ngân",
};
static const char *const firms[] = {
	"Xăng dầu Bắc Sơn", "Thương mại Đồng Đăng", "Khoáng sản Hữu Lũng", "Gas Cao Lộc",
	"Vật liệu xây dựng Chi Lăng", "Nông sản Lộc Bình", "Điện lực Tràng Định",
	"Thực phẩm Văn Lãng", "Xuất nhập khẩu Tân Thanh", "Du lịch Mẫu Sơn", "Hồi Đình Lập",
	"Dược liệu Bình Gia", "Rượu Mẫu Sơn", "Chè Tam Hoa", "Vận tải Kỳ Lừa", "Đầu tư Phú Lộc",
	"Thủy điện Bản Chắt", "Cơ khí Na Dương", "Sản xuất bao bì Xứ Lạng", "Bánh khảo Thất Khê",
};
static const char *const firm_kinds[] = {
	"Công ty TNHH", "Công ty Cổ phần", "Doanh nghiệp tư nhân", "Hợp tác xã", "Công ty TNHH MTV",
};
static const char *const hamlets[] = {
	"Thôn Pò Mò", "Thôn Đon Riệc", "Thôn Bó Củng", "Thôn Nà Cạn", "Thôn Khòn Lạn", "Khối 3",
	"Khối 7", "Số 12 đường Trần Đăng Ninh", "Số 45 đường Lê Lợi", "Số 8 đường Bà Triệu",
	"Số 102 đường Hùng Vương", "Thôn Bản Loỏng", "Thôn Phai Xả", "Số 27 đường Tô Thị",
	"Thôn Còn Quan", "Khu Ga", "Số 5 ngõ Văn Miếu", "Thôn Nà Lệnh",
};
static const char *const communes[] = {
	"xã Đồng Đăng", "xã Chi Lăng", "xã Hữu Lũng", "xã Bắc Sơn", "xã Cao Lộc", "phường Tam Thanh",
	"phường Đông Kinh", "phường Vĩnh Trại", "phường Hoàng Văn Thụ", "phường Chi Lăng",
	"xã Tân Thanh", "xã Lộc Bình", "xã Na Dương", "xã Văn Quan", "xã Bình Gia", "xã Đình Lập",
	"xã Tràng Định", "xã Mẫu Sơn", "xã Hoàng Đồng", "xã Yên Trạch", "xã Thất Khê", "xã Văn Lãng",
};

struct procedure {
	const char *name, *field;
};
static const struct procedure procedures[] = {
	{ "Cấp Giấy phép bán lẻ sản phẩm rượu", "Lưu thông hàng hóa trong nước" },
	{ "Cấp Giấy phép bán lẻ sản phẩm thuốc lá", "Lưu thông hàng hóa trong nước" },
	{ "Cấp lại Giấy phép bán lẻ sản phẩm thuốc lá", "Lưu thông hàng hóa trong nước" },
	{ "Cấp sửa đổi, bổ sung Giấy phép bán lẻ sản phẩm rượu", "Lưu thông hàng hóa trong nước" },
	{ "Cấp Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu", "Kinh doanh xăng dầu" },
	{ "Cấp Giấy chứng nhận đủ điều kiện thương nhân phân phối xăng dầu", "Kinh doanh xăng dầu" },
	{ "Cấp Giấy chứng nhận đủ điều kiện cửa hàng bán LPG chai", "Kinh doanh khí" },
	{ "Cấp Giấy chứng nhận huấn luyện kỹ thuật an toàn vật liệu nổ công nghiệp",
	  "Vật liệu nổ công nghiệp" },
	{ "Cấp Giấy phép sử dụng vật liệu nổ công nghiệp", "Vật liệu nổ công nghiệp" },
	{ "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", "An toàn thực phẩm" },
	{ "Cấp Giấy phép hoạt động điện lực trong lĩnh vực phân phối điện", "Điện" },
	{ "Cấp Thẻ kiểm tra viên điện lực", "Điện" },
	{ "Cấp Giấy chứng nhận đủ điều kiện sản xuất hóa chất sản xuất, kinh doanh có điều kiện",
	  "Hóa chất" },
	{ "Đăng ký thực hiện khuyến mại theo hình thức mang tính may rủi", "Xúc tiến thương mại" },
	{ "Đăng ký tổ chức hội chợ, triển lãm thương mại", "Xúc tiến thương mại" },
	{ "Thông báo thực hiện khuyến mại", "Xúc tiến thương mại" },
	{ "Xác nhận đăng ký hoạt động bán hàng đa cấp tại địa phương", "Quản lý cạnh tranh" },
	{ "Cấp Giấy chứng nhận sản phẩm công nghiệp nông thôn tiêu biểu", "Công nghiệp địa phương" },
	{ "Cấp Giấy phép sản xuất rượu thủ công nhằm mục đích kinh doanh", "Công nghiệp tiêu dùng" },
	{ "Cấp Giấy phép kinh doanh bán lẻ hàng hóa cho tổ chức kinh tế có vốn đầu tư nước ngoài",
	  "Thương mại quốc tế" },
};

/* The first eight are the department's divisions (as in the demo data); a
 * province has the rest too. */
struct unit_def {
	const char *name, *code;
};
static const struct unit_def unit_defs[] = {
	{ "Văn phòng Sở", "VP" },
	{ "Thanh tra Sở", "TTr" },
	{ "Phòng Kế hoạch - Tài chính - Tổng hợp", "KHTC" },
	{ "Phòng Quản lý Công nghiệp", "QLCN" },
	{ "Phòng Quản lý Năng lượng", "QLNL" },
	{ "Phòng Quản lý Thương mại", "QLTM" },
	{ "Trung tâm Khuyến công và Xúc tiến thương mại", "TTKC" },
	{ "Bộ phận Một cửa tại Trung tâm Phục vụ hành chính công", "BPMC" },
	{ "Phòng Tổ chức cán bộ", "TCCB" },
	{ "Phòng Pháp chế", "PC" },
	{ "Phòng Kỹ thuật an toàn - Môi trường", "KTAT" },
	{ "Phòng Quản lý Xuất nhập khẩu", "QLXNK" },
	{ "Chi cục Quản lý thị trường", "QLTT" },
	{ "Đội Quản lý thị trường số 1", "QLTT1" },
	{ "Đội Quản lý thị trường số 2", "QLTT2" },
	{ "Đội Quản lý thị trường số 3", "QLTT3" },
	{ "Phòng Cải cách hành chính", "CCHC" },
	{ "Phòng Công chức, viên chức", "CCVC" },
	{ "Phòng Xây dựng chính quyền và Công tác thanh niên", "XDCQ" },
	{ "Phòng Văn thư - Lưu trữ", "VTLT" },
	{ "Trung tâm Công nghệ thông tin và Truyền thông", "CNTT" },
	{ "Phòng Bưu chính - Viễn thông", "BCVT" },
	{ "Phòng Quản lý Đất đai", "QLDD" },
	{ "Phòng Tài nguyên nước", "TNN" },
	{ "Văn phòng Đăng ký đất đai", "VPDK" },
	{ "Chi cục Bảo vệ môi trường", "BVMT" },
	{ "Phòng Quản lý Xây dựng", "QLXD" },
	{ "Phòng Quy hoạch - Kiến trúc", "QHKT" },
	{ "Trung tâm Giám định chất lượng xây dựng", "GDXD" },
	{ "Phòng Quản lý Vận tải", "QLVT" },
	{ "Phòng Quản lý Kết cấu hạ tầng giao thông", "KCHT" },
	{ "Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn", "BQLKKT" },
	{ "Đội Kiểm tra liên ngành cửa khẩu Đồng Đăng", "DKTLN" },
	{ "Phòng Kế hoạch - Đầu tư", "KHDT" },
	{ "Phòng Đăng ký kinh doanh", "DKKD" },
	{ "Trung tâm Xúc tiến Đầu tư", "XTDT" },
	{ "Chi cục Thủy lợi", "CCTL" },
	{ "Chi cục Kiểm lâm", "CCKL" },
	{ "Chi cục Trồng trọt và Bảo vệ thực vật", "TTBVTV" },
	{ "Trung tâm Phục vụ hành chính công tỉnh", "TTPVHCC" },
};

static const char *const task_verbs[] = {
	"Rà soát", "Triển khai", "Tổ chức", "Xây dựng", "Kiểm tra", "Tuyên truyền", "Đánh giá",
	"Cập nhật", "Báo cáo", "Số hóa", "Công khai", "Hướng dẫn", "Theo dõi", "Tham mưu",
	"Hoàn thiện", "Đôn đốc", "Tập huấn", "Khảo sát", "Chuẩn hóa", "Thống kê",
};
static const char *const task_objects[] = {
	"quy trình nội bộ giải quyết thủ tục hành chính",
	"danh mục dịch vụ công trực tuyến toàn trình",
	"kết quả giải quyết hồ sơ trên Hệ thống thông tin giải quyết thủ tục hành chính",
	"văn bản quy phạm pháp luật thuộc lĩnh vực quản lý",
	"kế hoạch cải cách hành chính",
	"phản ánh, kiến nghị của người dân, doanh nghiệp",
	"hệ thống quản lý chất lượng theo tiêu chuẩn TCVN ISO 9001:2015",
	"chỉ số hài lòng của người dân, tổ chức (SIPAS)",
	"hồ sơ thủ tục hành chính trễ hạn và thư xin lỗi",
	"Trang thông tin điện tử của Sở",
	"kỷ luật, kỷ cương hành chính trong đội ngũ công chức",
	"vị trí việc làm và cơ cấu ngạch công chức",
	"việc sử dụng chữ ký số trong văn bản điện tử",
	"hồ sơ, kết quả giải quyết thủ tục hành chính đã số hóa",
	"thanh toán trực tuyến phí, lệ phí",
	"chế độ báo cáo định kỳ trên Hệ thống thông tin báo cáo",
	"quy chế làm việc của cơ quan",
	"thủ tục hành chính được cắt giảm, đơn giản hóa",
	"nhiệm vụ của Bộ phận Một cửa",
	"tiêu chí Chỉ số cải cách hành chính (PAR INDEX)",
	"dữ liệu hồ sơ công chức, viên chức",
	"hoạt động của Tổ công nghệ số cộng đồng",
};
static const char *const task_scopes[] = { /* each followed by "năm YYYY" */
	"", "quý I", "quý II", "quý III", "6 tháng đầu", "6 tháng cuối", "9 tháng",
	"tại Bộ phận Một cửa", "của các phòng thuộc Sở", "thuộc lĩnh vực Công Thương",
};
static const char *const products[] = {
	"Báo cáo kết quả", "Kế hoạch", "Quyết định", "Văn bản hướng dẫn", "Công văn đôn đốc",
	"Biên bản kiểm tra", "Thông báo kết luận", "Danh mục", "",
};
static const char *const purposes[] = {
	"bảo đảm đúng quy định, kịp thời và hiệu quả",
	"nâng cao chất lượng phục vụ người dân, doanh nghiệp",
	"góp phần cải thiện Chỉ số cải cách hành chính của tỉnh",
	"không để xảy ra tình trạng hồ sơ trễ hạn",
	"báo cáo Lãnh đạo Sở theo định kỳ hằng quý",
	"phối hợp chặt chẽ với các cơ quan liên quan",
};
static const char *const heading_verbs[] = {
	"Đẩy mạnh", "Nâng cao chất lượng", "Tăng cường", "Đổi mới", "Thực hiện tốt",
	"Nâng cao hiệu quả",
};

static const char *const evidence_kinds[] = {
	"quyet-dinh", "ke-hoach", "bao-cao", "cong-van", "thong-bao", "bien-ban", "hinh-anh", "khac",
};
static const char *const evidence_titles[] = {
	"QUYẾT ĐỊNH", "KẾ HOẠCH", "BÁO CÁO", "CÔNG VĂN", "THÔNG BÁO", "BIÊN BẢN", "HÌNH ẢNH", "VĂN BẢN",
};
static const char *const evidence_abbr[] = { "QĐ-SCT", "KH-SCT", "BC-SCT", "SCT-VP", "TB-SCT",
					     "BB-SCT", "HA-SCT", "SCT" };
static const char *const issuers[] = {
	"Sở Công Thương", "UBND tỉnh Lạng Sơn", "Sở Nội vụ", "Văn phòng Sở",
	"Phòng Quản lý Thương mại", "Ban Chỉ đạo cải cách hành chính tỉnh",
};

static const char *const dossier_pending[] = {
	"Đang xử lý", "Đã tiếp nhận", "Chờ bổ sung hồ sơ", "Đang chuyển phòng chuyên môn",
};
static const char *const channel_codes[] = { "truc-tuyen", "truc-tiep", "buu-chinh" };
static const char *const channel_labels[] = { "Trực tuyến", "Trực tiếp",
					      "Dịch vụ bưu chính công ích" };
static const char *const letter_reasons[] = {
	"Hồ sơ cần xác minh thực tế tại cơ sở",
	"Phải lấy ý kiến của cơ quan, đơn vị liên quan",
	"Công chức thụ lý hồ sơ nghỉ ốm đột xuất",
	"Hệ thống phần mềm một cửa điện tử gặp sự cố",
	"Hồ sơ phức tạp, cần thêm thời gian thẩm định",
};
static const char *const letter_channels[] = { "giay", "email", "sms", "zalo" };

static const char *const fb_channels[] = { "van-ban", "truc-tiep", "dien-thoai", "email",
					   "cong-dvc", "phieu" };
static const char *const fb_channel_labels[] = { "văn bản", "trực tiếp",
						 "điện thoại, đường dây nóng", "thư điện tử",
						 "Cổng DVC quốc gia", "phiếu lấy ý kiến" };
static const char *const fb_topics[] = { "hanh-vi", "khong-phu-hop", "khong-dong-bo",
					 "khong-hop-phap", "khac" };
struct phrase {
	const char *before, *after; /* around a procedure's name */
};
static const struct phrase fb_contents[] = {
	{ "Phản ánh việc giải quyết hồ sơ ", " quá hạn hẹn trả mà chưa nhận được thư xin lỗi" },
	{ "Phản ánh công chức hướng dẫn thủ tục ", " chưa rõ ràng, yêu cầu bổ sung giấy tờ nhiều lần" },
	{ "Kiến nghị rút ngắn thời gian giải quyết thủ tục ", "" },
	{ "Kiến nghị cho phép nộp hồ sơ ", " trực tuyến toàn trình" },
	{ "Phản ánh thu phí, lệ phí không đúng quy định khi thực hiện thủ tục ", "" },
	{ "Phản ánh Cổng dịch vụ công không nộp được hồ sơ ", "" },
	{ "Kiến nghị công khai đầy đủ thành phần hồ sơ của thủ tục ", " tại Bộ phận Một cửa" },
};
static const char *const fb_answers[] = {
	"Sở đã kiểm tra, làm rõ và hướng dẫn tổ chức, cá nhân thực hiện theo đúng quy định; công "
	"chức liên quan đã được nhắc nhở",
	"Sở tiếp thu kiến nghị và đã đề xuất UBND tỉnh sửa đổi quy trình nội bộ giải quyết thủ tục",
	"Hồ sơ đã được giải quyết xong, kết quả đã trả cho tổ chức, cá nhân",
};

/* ---- helpers ---- */

static uint64_t rng = 0x2545F4914F6CDD1Du;

static uint64_t rnd64(void)
{
	uint64_t z = (rng += 0x9E3779B97F4A7C15u);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
	return z ^ (z >> 31);
}

static int rnd(int n)
{
	return n > 0 ? (int)(rnd64() % (uint64_t)n) : 0;
}

static bool chance(int pct)
{
	return rnd(100) < pct;
}

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static void die(const char *what, const char *detail)
{
	fprintf(stderr, "gen: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
	exit(1);
}

/* Days since 1970-01-01 and back (proleptic Gregorian). */
static int64_t day_of(int y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static struct ymd ymd_of(int64_t z)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	struct ymd r;
	r.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	r.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	r.y = (int)(yoe + era * 400 + (r.m <= 2));
	return r;
}

static void iso(int64_t day, char out[11])
{
	date_format_iso(ymd_of(day), out);
}

static void vn(int64_t day, char out[11])
{
	date_format_vn(ymd_of(day), out);
}

static bool weekend(int64_t z)
{
	int wd = (int)(((z % 7) + 7 + 4) % 7); /* 1970-01-01 was a Thursday; 0 = Sunday */
	return wd == 0 || wd == 6;
}

/* n working days after z (weekends only: the holidays do not change the figures). */
static int64_t add_workdays(int64_t z, int n)
{
	while (n > 0)
		if (!weekend(++z))
			n--;
	return z;
}

static int64_t today_day(void)
{
	struct ymd t;
	struct cchc_err err = { 0 };
	if (date_today(&t, &err))
		die("today", err.msg);
	return day_of(t.y, t.m, t.d);
}

static void person(char *out, size_t cap)
{
	const char *mid = PICK(middles);
	if (chance(15))
		snprintf(out, cap, "%s %s %s %s", PICK(surnames), mid, PICK(middles), PICK(givens));
	else
		snprintf(out, cap, "%s %s %s", PICK(surnames), mid, PICK(givens));
}

static void holder(char *out, size_t cap)
{
	char p[96];
	person(p, sizeof p);
	int r = rnd(100);
	if (r < 40)
		snprintf(out, cap, "%s", p);
	else if (r < 60)
		snprintf(out, cap, "Hộ kinh doanh %s", p);
	else
		snprintf(out, cap, "%s %s", PICK(firm_kinds), PICK(firms));
}

static void address(char *out, size_t cap)
{
	snprintf(out, cap, "%s, %s, tỉnh Lạng Sơn", PICK(hamlets), PICK(communes));
}

static void phone(char *out, size_t cap)
{
	if (chance(30))
		snprintf(out, cap, "0205 3%03d %03d / lienhe%d@gmail.com", rnd(1000), rnd(1000),
			 rnd(100000));
	else
		snprintf(out, cap, "09%d%d %03d %03d", rnd(10), rnd(10), rnd(1000), rnd(1000));
}

static void task_title(char *out, size_t cap, int year)
{
	const char *scope = PICK(task_scopes);
	snprintf(out, cap, "%s %s %s%snăm %d", PICK(task_verbs), PICK(task_objects), scope,
		 *scope ? " " : "", year);
}

/* A verb of the list for the middle of a sentence: its first letter in lower
 * case (each starts with an ASCII capital or "Đ"). */
static void lower_verb(char *out, size_t cap)
{
	snprintf(out, cap, "%s", PICK(task_verbs));
	if (strncmp(out, "Đ", strlen("Đ")) == 0)
		memcpy(out, "đ", strlen("đ"));
	else if (out[0] >= 'A' && out[0] <= 'Z')
		out[0] = (char)(out[0] - 'A' + 'a');
}

static void sentence(char *out, size_t cap)
{
	char v[64];
	lower_verb(v, sizeof v);
	snprintf(out, cap, "Chủ động %s %s, %s", v, PICK(task_objects), PICK(purposes));
}

/* Every word list must be NFC, or search and sorting would not be honest. */
static void check_nfc(const char *const *v, int n)
{
	for (int i = 0; i < n; i++) {
		char *c = text_nfc(v[i]);
		if (strcmp(c, v[i]) != 0)
			die("word list not NFC", v[i]);
		free(c);
	}
}

static void check_lists(void)
{
	check_nfc(surnames, COUNT(surnames));
	check_nfc(middles, COUNT(middles));
	check_nfc(givens, COUNT(givens));
	check_nfc(firms, COUNT(firms));
	check_nfc(hamlets, COUNT(hamlets));
	check_nfc(communes, COUNT(communes));
	check_nfc(task_verbs, COUNT(task_verbs));
	check_nfc(task_objects, COUNT(task_objects));
	check_nfc(task_scopes, COUNT(task_scopes));
	check_nfc(purposes, COUNT(purposes));
	for (int i = 0; i < COUNT(fb_contents); i++) {
		check_nfc(&fb_contents[i].before, 1);
		check_nfc(&fb_contents[i].after, 1);
	}
	check_nfc(letter_reasons, COUNT(letter_reasons));
	for (int i = 0; i < COUNT(procedures); i++) {
		check_nfc(&procedures[i].name, 1);
		check_nfc(&procedures[i].field, 1);
	}
	for (int i = 0; i < COUNT(unit_defs); i++)
		check_nfc(&unit_defs[i].name, 1);
}

/* ---- the database ---- */

struct gen {
	struct db db;
	const struct scale *sc;
	int64_t today;
	int first_year;
	int64_t unit_ids[COUNT(unit_defs)];
	int nunits;
	int64_t *task_first; /* per plan: ids of its tasks are task_first .. + task_n */
	int *task_n, *plan_year;
	long rows;
	int letter_seq[64];  /* per year since first_year - 1 */
	long nletters, nfiles;
};

static void db_die(struct gen *g, const char *what)
{
	die(what, sqlite3_errmsg(g->db.h));
}

static sqlite3_stmt *prep(struct gen *g, const char *sql)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(g->db.h, sql, -1, &st, NULL) != SQLITE_OK)
		db_die(g, sql);
	return st;
}

static void bt(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

/* Runs an insert, resets it, and commits every BATCH rows. */
static void run(struct gen *g, sqlite3_stmt *st)
{
	if (sqlite3_step(st) != SQLITE_DONE)
		db_die(g, sqlite3_sql(st));
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (++g->rows % BATCH == 0) {
		struct cchc_err err = { 0 };
		if (db_commit(&g->db, &err) || db_begin_internal(&g->db, &err))
			die("commit", err.msg);
	}
}

static void gen_units(struct gen *g)
{
	sqlite3_stmt *st = prep(g, "INSERT INTO unit(name, code, head) VALUES(?, ?, ?)");
	for (int i = 0; i < g->nunits; i++) {
		char head[96];
		person(head, sizeof head);
		bt(st, 1, unit_defs[i].name);
		bt(st, 2, unit_defs[i].code);
		bt(st, 3, head);
		run(g, st);
		g->unit_ids[i] = sqlite3_last_insert_rowid(g->db.h);
	}
	sqlite3_finalize(st);
}

static char *read_fixture(void)
{
	const char *dir = getenv("FIXTURES");
	if (dir && *dir) {
		struct sbuf p = SBUF_INIT;
		sbuf_addf(&p, "%s/so-cong-thuong-2024.txt", dir);
		char *text;
		size_t len;
		struct cchc_err err;
		int rc = fs_read_file(p.s, 1u << 24, &text, &len, &err);
		sbuf_free(&p);
		if (rc == CCHC_OK)
			return text;
	}
	const struct embedded_file *f = embedded_find("data/demo/plan.txt");
	if (!f)
		die("no plan text", "set FIXTURES to tests/fixtures");
	return xstrdup(f->data);
}

/* Replaces every 2024 by year and 2023 by the year before. */
static void set_year(char *s, int year)
{
	for (char *p = s; (p = strstr(p, "202")) != NULL; p += 4)
		if (p[3] == '4' || p[3] == '3') {
			char y[8];
			snprintf(y, sizeof y, "%04d", p[3] == '4' ? year : year - 1);
			memcpy(p, y, 4);
		}
}

/* A heading that fits a line of the source document: a longer one reads as
 * wrapped, and the importer would join the next line to it. */
static void short_heading(char *out, size_t cap)
{
	do
		snprintf(out, cap, "%s %s", PICK(task_verbs), PICK(task_objects));
	while (text_width(out) > 60);
}

static void gen_sections(struct sbuf *b, int target)
{
	int groups = (target - 20) / 7;
	for (int k = 0; k < groups; k++) {
		char s[512];
		sbuf_addf(b, "%d. %s %s\n\n", k + 3, PICK(heading_verbs), PICK(task_objects));
		sentence(s, sizeof s);
		sbuf_addf(b, "%s.\n\n", s);
		for (int j = 1; j <= 6; j++) {
			short_heading(s, sizeof s);
			sbuf_addf(b, "%d.%d. %s\n\n", k + 3, j, s);
			sentence(s, sizeof s);
			sbuf_addf(b, "%s.\n\n", s);
			if (j % 2 == 0)
				continue;
			sentence(s, sizeof s);
			sbuf_addf(b, "- %s;\n\n", s);
			sentence(s, sizeof s);
			sbuf_addf(b, "- %s.\n\n", s);
		}
	}
}

/* The fixture with generated sections under II before III, for year. */
static char *plan_text(const char *fixture, int year, int target)
{
	const char *cut = strstr(fixture, "III. TỔ CHỨC THỰC HIỆN");
	if (!cut)
		die("plan text", "no \"III. TỔ CHỨC THỰC HIỆN\" in it");
	while (cut > fixture && cut[-1] != '\n')
		cut--;
	struct sbuf b = SBUF_INIT;
	sbuf_addn(&b, fixture, (size_t)(cut - fixture));
	gen_sections(&b, target);
	sbuf_add(&b, cut);
	set_year(b.s, year);
	char *nfc = text_nfc(b.s);
	sbuf_free(&b);
	return nfc;
}

/* Sections of the plan a task may hang on: all but the top level. */
static int64_t *plan_sections(struct gen *g, int64_t plan, int *n)
{
	sqlite3_stmt *st = prep(g, "SELECT id FROM section WHERE plan_id = ? AND depth > 0 ORDER BY seq");
	sqlite3_bind_int64(st, 1, plan);
	int64_t *v = NULL;
	int cap = 0;
	*n = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (*n == cap)
			v = xrealloc(v, (size_t)(cap = cap ? cap * 2 : 64) * sizeof *v);
		v[(*n)++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	return v;
}

struct task_stmts {
	sqlite3_stmt *task, *due, *co, *note;
};

struct due_pick {
	char text[40];
	const char *kind, *every;
	int64_t due;       /* -1: none */
	int64_t occ[4];
	int nocc;
};

static void pick_due(struct due_pick *d, int year, int64_t today)
{
	int r = rnd(100);
	char v[11];
	memset(d, 0, sizeof *d);
	d->every = "";
	d->due = -1;
	if (r < 55) {
		d->due = day_of(year, 1, 1) + rnd(365);
		vn(d->due, v);
		d->kind = chance(30) ? "before" : "date";
		if (d->kind[0] == 'b')
			d->due--;
		snprintf(d->text, sizeof d->text, "%s%s", d->kind[0] == 'b' ? "trước " : "",
			 d->kind[0] == 'b' ? (vn(d->due + 1, v), v) : v);
	} else if (r < 70) {
		int q = rnd(4) + 1;
		static const char *const qn[] = { "I", "II", "III", "IV" };
		d->kind = "quarter";
		d->due = day_of(year, q * 3, date_days_in_month(year, q * 3));
		snprintf(d->text, sizeof d->text, "Quý %s/%d", qn[q - 1], year);
	} else if (r < 80) {
		int m = rnd(12) + 1;
		d->kind = "month";
		d->due = day_of(year, m, date_days_in_month(year, m));
		snprintf(d->text, sizeof d->text, "Tháng %d/%d", m, year);
	} else if (r < 87) {
		d->kind = "year";
		d->due = day_of(year, 12, 31);
		snprintf(d->text, sizeof d->text, "Năm %d", year);
	} else if (r < 92) {
		d->kind = "recurring";
		d->every = "q";
		snprintf(d->text, sizeof d->text, "Hằng quý");
		for (int q = 1; q <= 4; q++)
			d->occ[d->nocc++] = day_of(year, q * 3, date_days_in_month(year, q * 3));
		d->due = d->occ[3];
		for (int q = 3; q >= 0; q--)
			if (d->occ[q] >= today)
				d->due = d->occ[q];
		return;
	} else if (r < 97) {
		d->kind = "ongoing";
		snprintf(d->text, sizeof d->text, "Thường xuyên");
		return;
	} else {
		d->kind = "none";
		return;
	}
	d->occ[d->nocc++] = d->due;
}

/* Done mostly when past, open mostly when ahead; some overdue, some paused. */
static const char *pick_status(const struct gen *g, int64_t due, int year)
{
	bool past = due >= 0 ? due < g->today : year < ymd_of(g->today).y;
	int r = rnd(100);
	const char *s = past ? (r < 85 ? "done" : r < 92 ? "todo" : r < 97 ? "doing" : "paused")
			     : (r < 25 ? "done" : r < 70 ? "todo" : r < 95 ? "doing" : "paused");
	if (g->sc->simple && s[0] == 'p')
		s = "todo";
	return s;
}

/* The task's deadlines, a coordinating unit for some, a progress note for some. */
static void task_links(struct gen *g, struct task_stmts *ts, int64_t id, const struct due_pick *d,
		       int lead, int64_t from, int64_t to)
{
	for (int i = 0; i < d->nocc; i++) {
		char o[11];
		iso(d->occ[i], o);
		sqlite3_bind_int64(ts->due, 1, id);
		bt(ts->due, 2, o);
		run(g, ts->due);
	}
	if (!g->sc->simple && g->nunits > 2 && chance(30)) {
		int co = (lead + 1 + rnd(g->nunits - 1)) % g->nunits;
		sqlite3_bind_int64(ts->co, 1, id);
		sqlite3_bind_int64(ts->co, 2, g->unit_ids[co]);
		run(g, ts->co);
	}
	if (chance(20)) {
		char on_s[11], period[16], text[480], verb[64];
		int64_t on = from + rnd((int)(to - from) + 1);
		iso(on, on_s);
		snprintf(period, sizeof period, "%d-Q%d", ymd_of(on).y, (ymd_of(on).m + 2) / 3);
		lower_verb(verb, sizeof verb);
		snprintf(text, sizeof text, "Đã %s %s; %s.", verb, PICK(task_objects), PICK(purposes));
		sqlite3_bind_int64(ts->note, 1, id);
		bt(ts->note, 2, on_s);
		bt(ts->note, 3, period);
		bt(ts->note, 4, text);
		run(g, ts->note);
	}
}

static void gen_task(struct gen *g, struct task_stmts *ts, int64_t plan, int year,
		     const int64_t *secs, int nsecs)
{
	char title[384], desc[512], due_on[11], done_on[11], created[24], upd[24], ymd[11];
	struct due_pick d;
	pick_due(&d, year, g->today);
	const char *status = pick_status(g, d.due, year);
	bool done = strcmp(status, "done") == 0;
	int64_t created_day = day_of(year, 1, 5) + rnd(60);
	int64_t done_day = d.due >= 0 ? d.due - rnd(30) : created_day + 30 + rnd(300);
	if (chance(12))
		done_day = (d.due >= 0 ? d.due : done_day) + 1 + rnd(20);
	done_day = done_day > g->today ? g->today : done_day < created_day ? created_day : done_day;
	task_title(title, sizeof title, year);
	sentence(desc, sizeof desc);
	iso(created_day, ymd);
	snprintf(created, sizeof created, "%s 08:%02d:00", ymd, rnd(60));
	iso(done ? done_day : created_day, ymd);
	snprintf(upd, sizeof upd, "%s 16:%02d:00", ymd, rnd(60));
	if (d.due >= 0)
		iso(d.due, due_on);
	iso(done_day, done_on);
	int lead = rnd(g->nunits);
	sqlite3_stmt *st = ts->task;
	sqlite3_bind_int64(st, 1, plan);
	sqlite3_bind_int64(st, 2, secs[rnd(nsecs)]);
	bt(st, 3, title);
	bt(st, 4, desc);
	bt(st, 5, PICK(products));
	sqlite3_bind_int64(st, 6, g->unit_ids[lead]);
	bt(st, 7, d.text);
	bt(st, 8, d.kind);
	bt(st, 9, d.every);
	bt(st, 10, d.due >= 0 ? due_on : NULL);
	bt(st, 11, status);
	bt(st, 12, done ? done_on : NULL);
	bt(st, 13, created);
	bt(st, 14, upd);
	run(g, st);
	task_links(g, ts, sqlite3_last_insert_rowid(g->db.h), &d, lead, created_day, done_day);
}

static void gen_plans(struct gen *g)
{
	int np = g->sc->years;
	g->task_first = xcalloc((size_t)np + 1, sizeof *g->task_first);
	g->task_n = xcalloc((size_t)np + 1, sizeof *g->task_n);
	g->plan_year = xcalloc((size_t)np + 1, sizeof *g->plan_year);
	char *fixture = read_fixture();
	struct task_stmts ts = {
		prep(g, "INSERT INTO task(plan_id, section_id, title, description, product, "
		     "lead_unit_id, due_text, due_kind, due_every, due_on, status, done_on, created_at, "
		     "updated_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
		prep(g, "INSERT INTO task_due(task_id, due_on) VALUES(?, ?)"),
		prep(g, "INSERT INTO task_unit(task_id, unit_id) VALUES(?, ?)"),
		prep(g, "INSERT INTO task_note(task_id, noted_on, period, text) VALUES(?, ?, ?, ?)"),
	};
	long sections = 0;
	for (int p = 0; p < np; p++) {
		int year = g->first_year + p;
		char *text = plan_text(fixture, year, g->sc->sections);
		char name[64];
		snprintf(name, sizeof name, "ke-hoach-cchc-%d.txt", year);
		struct plan_import_result res;
		struct cchc_err err = { 0 };
		if (plan_import_in_tx(&g->db, text, name, false, &res, &err))
			die("plan import", err.msg);
		free(text);
		sections += res.nsections;
		int nsecs;
		int64_t *secs = plan_sections(g, res.plan_id, &nsecs);
		int n = g->sc->tasks / np + (p < g->sc->tasks % np);
		g->plan_year[p] = year;
		g->task_n[p] = n;
		for (int i = 0; i < n; i++) {
			gen_task(g, &ts, res.plan_id, year, secs, nsecs);
			if (i == 0)
				g->task_first[p] = sqlite3_last_insert_rowid(g->db.h);
		}
		free(secs);
	}
	sqlite3_finalize(ts.task);
	sqlite3_finalize(ts.due);
	sqlite3_finalize(ts.co);
	sqlite3_finalize(ts.note);
	free(fixture);
	printf("  %d plans, %ld sections, %d tasks\n", np, sections, g->sc->tasks);
}

/* ---- evidence with small files ---- */

struct ev_stmts {
	sqlite3_stmt *ev, *link, *blob, *file;
};

/* A few hundred bytes of an official document: what a scanned or typed
 * evidence file says. */
static void evidence_body(struct sbuf *b, int k, const char *doc_no, int64_t day,
			  const char *issuer, const char *summary)
{
	struct ymd d = ymd_of(day);
	char signer[96];
	person(signer, sizeof signer);
	sbuf_trunc(b, 0);
	sbuf_addf(b, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n%s\n"
		  "Số: %s\nLạng Sơn, ngày %02d tháng %02d năm %d\n\n%s\n%s\n\n", issuer, doc_no, d.d,
		  d.m, d.y, evidence_titles[k], summary);
	char s[512];
	sentence(s, sizeof s);
	sbuf_addf(b, "%s.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nGIÁM ĐỐC\n%s\n", s, signer);
}

static void store_file(struct gen *g, struct ev_stmts *es, int64_t ev, const struct sbuf *body,
		       const char *fname, int64_t day)
{
	char sha[65], name[80];
	sha256_hex(body->s, body->len, sha);
	snprintf(name, sizeof name, "files/%.2s/%s", sha, sha);
	unsigned char z[2048];
	uLongf zlen = sizeof z;
	bool raw = compress2(z, &zlen, (const Bytef *)body->s, body->len, Z_DEFAULT_COMPRESSION) !=
		   Z_OK || zlen >= body->len;
	bt(es->blob, 1, name);
	sqlite3_bind_int(es->blob, 2, 0644);
	sqlite3_bind_int64(es->blob, 3, day * 86400 + 9 * 3600);
	sqlite3_bind_int64(es->blob, 4, (int64_t)body->len);
	if (raw)
		sqlite3_bind_blob(es->blob, 5, body->s, (int)body->len, SQLITE_STATIC);
	else
		sqlite3_bind_blob(es->blob, 5, z, (int)zlen, SQLITE_STATIC);
	run(g, es->blob);
	sqlite3_bind_int64(es->file, 1, ev);
	bt(es->file, 2, fname);
	bt(es->file, 3, sha);
	sqlite3_bind_int64(es->file, 4, (int64_t)body->len);
	run(g, es->file);
	g->nfiles++;
}

static void gen_one_evidence(struct gen *g, struct ev_stmts *es, int p, int seq, struct sbuf *body)
{
	int year = g->plan_year[p];
	int64_t day = day_of(year, 1, 10) + rnd(350);
	if (day > g->today)
		day = g->today - rnd(30);
	int k = rnd(COUNT(evidence_kinds));
	char doc_no[48], ymd[11], created[24], summary[512], title[384], fname[96];
	snprintf(doc_no, sizeof doc_no, "%d/%s", seq, evidence_abbr[k]);
	task_title(title, sizeof title, year);
	snprintf(summary, sizeof summary, "Về việc %s", title);
	const char *issuer = PICK(issuers);
	iso(day, ymd);
	snprintf(created, sizeof created, "%s 10:%02d:00", ymd, rnd(60));
	bt(es->ev, 1, evidence_kinds[k]);
	bt(es->ev, 2, doc_no);
	bt(es->ev, 3, ymd);
	bt(es->ev, 4, issuer);
	bt(es->ev, 5, summary);
	bt(es->ev, 6, chance(20) ? "Bản scan có chữ ký, đóng dấu" : "");
	bt(es->ev, 7, created);
	run(g, es->ev);
	int64_t ev = sqlite3_last_insert_rowid(g->db.h);
	if (g->task_n[p] && chance(85)) {
		sqlite3_bind_int64(es->link, 1, ev);
		sqlite3_bind_int64(es->link, 2, g->task_first[p] + rnd(g->task_n[p]));
		run(g, es->link);
	}
	if (!g->sc->files)
		return;
	evidence_body(body, k, doc_no, day, issuer, summary);
	snprintf(fname, sizeof fname, "%d-%s-%d.txt", seq, evidence_abbr[k], year);
	for (char *c = fname; *c; c++)
		if (*c == '/')
			*c = '-';
	store_file(g, es, ev, body, fname, day);
}

static void gen_evidence(struct gen *g)
{
	if (!g->sc->evidence)
		return;
	struct ev_stmts es = {
		prep(g, "INSERT INTO evidence(kind, doc_no, issued_on, issuer, summary, notes, "
		     "created_at) VALUES(?, ?, ?, ?, ?, ?, ?)"),
		prep(g, "INSERT INTO evidence_task(evidence_id, task_id) VALUES(?, ?)"),
		prep(g, "INSERT INTO sqlar(name, mode, mtime, sz, data) VALUES(?, ?, ?, ?, ?)"),
		prep(g, "INSERT INTO evidence_file(evidence_id, seq, name, sha256, size) "
		     "VALUES(?, 1, ?, ?, ?)"),
	};
	struct sbuf body = SBUF_INIT;
	int np = g->sc->years, seq = 0, prev = -1;
	for (int i = 0; i < g->sc->evidence; i++) {
		int p = (int)((int64_t)i * np / g->sc->evidence);
		seq = p == prev ? seq + 1 : 1; /* document numbers restart each year */
		prev = p;
		gen_one_evidence(g, &es, p, seq, &body);
	}
	sbuf_free(&body);
	sqlite3_finalize(es.ev);
	sqlite3_finalize(es.link);
	sqlite3_finalize(es.blob);
	sqlite3_finalize(es.file);
	printf("  %d evidence records, %ld files\n", g->sc->evidence, g->nfiles);
}

/* ---- dossiers (database and CSV alike) and apology letters ---- */

struct dossier_row {
	char code[48], holder[160], address[200], contact[96];
	const struct procedure *proc;
	int64_t received, due, resolved; /* resolved -1: pending */
	int hour, minute, channel, unit;
	const char *status;
};

static void dossier_make(struct dossier_row *d, int64_t day, int seq, int64_t today, int nunits)
{
	struct ymd r = ymd_of(day);
	snprintf(d->code, sizeof d->code, "000.00.18.H36-%02d%02d%02d-%04d", r.y % 100, r.m, r.d, seq);
	d->proc = &procedures[rnd(COUNT(procedures))];
	holder(d->holder, sizeof d->holder);
	address(d->address, sizeof d->address);
	phone(d->contact, sizeof d->contact);
	d->received = day;
	d->hour = 7 + rnd(10);
	d->minute = rnd(60);
	d->due = add_workdays(day, 3 + rnd(13));
	int r100 = rnd(100);
	if (d->due < today)
		d->resolved = r100 < 93 ? day + rnd((int)(d->due - day) + 1)
			    : r100 < 99 ? add_workdays(d->due, 1 + rnd(10)) : -1;
	else
		d->resolved = r100 < 40 ? day + rnd((int)(today - day) + 1) : -1;
	if (d->resolved > today)
		d->resolved = today;
	d->status = d->resolved >= 0 ? "Đã trả kết quả" : PICK(dossier_pending);
	int c = rnd(100);
	d->channel = c < 55 ? 0 : c < 95 ? 1 : 2;
	d->unit = rnd(nunits);
}

static bool dossier_late(const struct dossier_row *d, int64_t today)
{
	return d->resolved >= 0 ? d->resolved > d->due : d->due < today;
}

static void gen_letter(struct gen *g, sqlite3_stmt *st, int64_t dossier,
		       const struct dossier_row *d)
{
	int64_t on = d->due - 1 - rnd(2);
	if (chance(25))
		on = d->due + rnd(3);
	if (on < d->received)
		on = d->received;
	if (on > g->today)
		on = g->today;
	int year = ymd_of(on).y;
	int yi = year - g->first_year + 1;
	if (yi < 0 || yi >= COUNT(g->letter_seq))
		return;
	int seq = ++g->letter_seq[yi];
	char number[32], on_s[11], orig[11], newd[11], signer[96], created[24];
	snprintf(number, sizeof number, "%d/PXL-SCT", seq);
	iso(on, on_s);
	iso(d->due, orig);
	iso(add_workdays(d->due, 3 + rnd(8)), newd);
	person(signer, sizeof signer);
	snprintf(created, sizeof created, "%s 14:%02d:00", on_s, rnd(60));
	sqlite3_bind_int64(st, 1, dossier);
	sqlite3_bind_int(st, 2, year);
	sqlite3_bind_int(st, 3, seq);
	bt(st, 4, number);
	bt(st, 5, on_s);
	bt(st, 6, d->holder);
	bt(st, 7, d->address);
	bt(st, 8, d->contact);
	bt(st, 9, PICK(letter_reasons));
	sqlite3_bind_int64(st, 10, g->unit_ids[d->unit]);
	bt(st, 11, orig);
	bt(st, 12, newd);
	bt(st, 13, "KT. GIÁM ĐỐC");
	bt(st, 14, "PHÓ GIÁM ĐỐC");
	bt(st, 15, signer);
	bt(st, 16, PICK(letter_channels));
	bt(st, 17, on_s);
	sqlite3_bind_int(st, 18, on >= d->due);
	bt(st, 19, strcmp(on_s, "2025-07-01") >= 0 ? "letter-2025.txt" : "letter-2018.txt");
	bt(st, 20, created);
	run(g, st);
	g->nletters++;
}

static void bind_dossier(sqlite3_stmt *st, const struct dossier_row *d, int64_t unit_id,
			 char rec[11], char due[11], char res[11], char upd[24])
{
	iso(d->received, rec);
	iso(d->due, due);
	if (d->resolved >= 0)
		iso(d->resolved, res);
	snprintf(upd, 24, "%s 17:00:00", d->resolved >= 0 ? res : rec);
	bt(st, 1, d->code);
	bt(st, 2, d->proc->name);
	bt(st, 3, d->proc->field);
	bt(st, 4, d->holder);
	bt(st, 5, d->address);
	bt(st, 6, d->contact);
	bt(st, 7, rec);
	bt(st, 8, due);
	bt(st, 9, d->resolved >= 0 ? res : NULL);
	bt(st, 10, d->status);
	bt(st, 11, channel_codes[d->channel]);
	sqlite3_bind_int64(st, 12, unit_id);
	bt(st, 13, upd);
}

static void gen_dossiers(struct gen *g)
{
	int n = g->sc->dossiers;
	if (!n)
		return;
	sqlite3_stmt *st = prep(g, "INSERT INTO dossier(code, procedure, field, holder, address, "
				"contact, received_on, due_on, resolved_on, status, channel, unit_id, "
				"source, updated_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'import', ?)");
	sqlite3_stmt *lt = prep(g, "INSERT INTO letter(dossier_id, year, seq, number, letter_on, "
				"addressee, address, contact, reason, unit_id, original_due, new_due, "
				"authority, signer_title, signer, channel, sent_on, late, template, "
				"created_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	int64_t start = day_of(g->first_year, 1, 2), span = g->today - start + 1, prev = -1;
	int seq = 0;
	long late = 0;
	for (int i = 0; i < n; i++) {
		int64_t day = start + (int64_t)i * span / n;
		seq = day == prev ? seq + 1 : 1;
		prev = day;
		struct dossier_row d;
		char rec[11], due[11], res[11], upd[24];
		dossier_make(&d, day, seq, g->today, g->nunits);
		bind_dossier(st, &d, g->unit_ids[d.unit], rec, due, res, upd);
		run(g, st);
		if (dossier_late(&d, g->today) && (late++, chance(g->sc->letter_pct)))
			gen_letter(g, lt, sqlite3_last_insert_rowid(g->db.h), &d);
	}
	sqlite3_finalize(st);
	sqlite3_finalize(lt);
	printf("  %d dossiers (%ld late), %ld apology letters\n", n, late, g->nletters);
}

/* ---- citizen feedback with its workflow steps ---- */

#define FB_MAXSTEPS 8

/* One record's workflow, worked out before it is written. */
struct fb_state {
	int64_t received, due, closed, published, last;
	int unit, nsteps;
	const char *step[FB_MAXSTEPS];
	int64_t day[FB_MAXSTEPS];
	char note[FB_MAXSTEPS][640];
	char forward_to[96], forward_no[32], signer[96];
	const char *answer, *answer_channel, *where;
};

static void fb_step(struct fb_state *s, const char *step, int64_t day, const char *note)
{
	s->step[s->nsteps] = step;
	s->day[s->nsteps] = day;
	snprintf(s->note[s->nsteps], sizeof s->note[0], "%s", note);
	s->nsteps++;
	s->last = day;
}

/* The next step's day, or -1 when it would be after today (the record
 * stops at the step before). */
static int64_t next_day(const struct gen *g, const struct fb_state *s, int min, int spread)
{
	int64_t d = add_workdays(s->last, min + rnd(spread));
	return d <= g->today ? d : -1;
}

/* Assigned to a division, then in progress, answered and published, as far
 * as the days allow; a few stall (and go overdue). */
static void fb_handle(const struct gen *g, struct fb_state *s, int64_t d)
{
	char note[640], due[11];
	s->unit = rnd(g->nunits);
	s->due = add_workdays(d, 10 + rnd(6));
	vn(s->due, due);
	snprintf(note, sizeof note, "%s; hạn xử lý: %s", unit_defs[s->unit].name, due);
	fb_step(s, "giao", d, note);
	if (chance(6) || (d = next_day(g, s, 2, 6)) < 0)
		return;
	sentence(note, sizeof note);
	fb_step(s, "dang-xu-ly", d, note);
	if ((d = next_day(g, s, 2, 8)) < 0)
		return;
	s->answer = PICK(fb_answers);
	person(s->signer, sizeof s->signer);
	s->answer_channel = PICK(fb_channels);
	fb_step(s, "da-tra-loi", d, s->answer);
	s->closed = d;
	if (chance(85) && (d = next_day(g, s, 1, 5)) >= 0) {
		s->where = "Trang thông tin điện tử của Sở";
		fb_step(s, "da-cong-khai", d, s->where);
		s->published = d;
	}
}

/* Classified, then handled here, forwarded or turned away; then archived. */
static void fb_workflow(const struct gen *g, struct fb_state *s)
{
	char note[640];
	int64_t d;
	if ((d = next_day(g, s, 1, 3)) < 0)
		return;
	fb_step(s, "phan-loai", d, "");
	int path = rnd(100);
	if (path < 8 && (d = next_day(g, s, 1, 3)) >= 0) {
		fb_step(s, "khong-du-dk", d, "Đã hướng dẫn người gửi liên hệ cơ quan có thẩm quyền");
		s->closed = d;
	} else if (path < 20 && (d = next_day(g, s, 1, 3)) >= 0) {
		snprintf(s->forward_to, sizeof s->forward_to, "%s", PICK(issuers));
		snprintf(s->forward_no, sizeof s->forward_no, "%d/SCT-VP", 100 + rnd(2000));
		snprintf(note, sizeof note, "Chuyển %s, văn bản số %s", s->forward_to, s->forward_no);
		fb_step(s, "chuyen", d, note);
		s->closed = d;
	} else if (path >= 20 && (d = next_day(g, s, 1, 2)) >= 0) {
		fb_handle(g, s, d);
	}
	if (s->closed >= 0 && chance(80) && (d = next_day(g, s, 2, 15)) >= 0)
		fb_step(s, "luu", d, "");
}

struct fb_stmts {
	sqlite3_stmt *fb, *step;
};

static void fb_write(struct gen *g, struct fb_stmts *fs, const struct fb_state *s, int ch,
		     const struct procedure *proc)
{
	char rec[11], due[11], closed[11], pub[11], upd[24], sender[160], contact[96], content[640];
	holder(sender, sizeof sender);
	phone(contact, sizeof contact);
	const struct phrase *ph = &fb_contents[rnd(COUNT(fb_contents))];
	char name[256];
	snprintf(name, sizeof name, "%s", proc->name);
	if (ph->before[0] && name[0] == 'C')
		name[0] = 'c'; /* "thủ tục cấp giấy phép ..." inside a sentence */
	snprintf(content, sizeof content, "%s%s%s", ph->before, name, ph->after);
	iso(s->received, rec);
	iso(s->due, due);
	iso(s->closed, closed);
	iso(s->published, pub);
	iso(s->last, upd);
	strcat(upd, " 15:00:00");
	sqlite3_stmt *st = fs->fb;
	bt(st, 1, rec);
	bt(st, 2, fb_channels[ch]);
	bt(st, 3, sender);
	bt(st, 4, contact);
	bt(st, 5, content);
	bt(st, 6, strncmp(content, "Kiến", strlen("Kiến")) == 0 ? "kien-nghi" : "phan-anh");
	bt(st, 7, s->nsteps > 2 ? PICK(fb_topics) : "");
	bt(st, 8, proc->name);
	bt(st, 9, s->step[s->nsteps - 1]);
	if (s->unit >= 0)
		sqlite3_bind_int64(st, 10, g->unit_ids[s->unit]);
	bt(st, 11, s->closed < 0 ? due : NULL);
	bt(st, 12, s->forward_to);
	bt(st, 13, s->forward_no);
	bt(st, 14, s->answer ? s->answer : "");
	bt(st, 15, s->signer);
	bt(st, 16, s->answer_channel ? s->answer_channel : "");
	bt(st, 17, s->where ? s->where : "");
	bt(st, 18, s->closed >= 0 ? closed : NULL);
	bt(st, 19, s->published >= 0 ? pub : NULL);
	bt(st, 20, upd);
	run(g, st);
}

static void gen_one_feedback(struct gen *g, struct fb_stmts *fs, int64_t day)
{
	struct fb_state s = { .received = day, .last = day, .closed = -1, .published = -1,
			      .unit = -1 };
	int ch = rnd(COUNT(fb_channels));
	char note[96], d[11];
	s.due = add_workdays(day, 5);
	snprintf(note, sizeof note, "Qua %s", fb_channel_labels[ch]);
	fb_step(&s, "tiep-nhan", day, note);
	vn(s.due, d);
	snprintf(note, sizeof note, "Hạn chuyển hoặc phân loại: %s", d);
	fb_step(&s, "da-vao-so", day, note);
	fb_workflow(g, &s);
	fb_write(g, fs, &s, ch, &procedures[rnd(COUNT(procedures))]);
	int64_t id = sqlite3_last_insert_rowid(g->db.h);
	for (int i = 0; i < s.nsteps; i++) {
		char on[11], at[24];
		iso(s.day[i], on);
		snprintf(at, sizeof at, "%s 15:%02d:00", on, rnd(60));
		sqlite3_bind_int64(fs->step, 1, id);
		sqlite3_bind_int(fs->step, 2, i + 1);
		bt(fs->step, 3, s.step[i]);
		bt(fs->step, 4, on);
		bt(fs->step, 5, s.note[i]);
		bt(fs->step, 6, at);
		run(g, fs->step);
	}
}

static void gen_feedback(struct gen *g)
{
	int n = g->sc->feedback;
	if (!n)
		return;
	struct fb_stmts fs = {
		prep(g, "INSERT INTO feedback(received_on, channel, sender, contact, content, kind, "
		     "topic, related, status, unit_id, due_on, forward_to, forward_no, answer_text, "
		     "answer_signer, answer_channel, published_where, closed_on, published_on, "
		     "updated_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
		prep(g, "INSERT INTO feedback_step(feedback_id, seq, step, on_date, note, recorded_at) "
		     "VALUES(?, ?, ?, ?, ?, ?)"),
	};
	int64_t start = day_of(g->first_year, 1, 2), span = g->today - start + 1;
	for (int i = 0; i < n; i++)
		gen_one_feedback(g, &fs, start + (int64_t)i * span / n);
	sqlite3_finalize(fs.fb);
	sqlite3_finalize(fs.step);
	printf("  %d feedback items\n", n);
}

/* ---- commands ---- */

static const struct scale *scale_named(const char *name)
{
	for (int i = 0; i < COUNT(scales); i++)
		if (strcmp(scales[i].name, name) == 0)
			return &scales[i];
	return NULL;
}

static void remove_db(const char *path)
{
	const char *suffix[] = { "", "-wal", "-shm" };
	for (int i = 0; i < 3; i++) {
		struct sbuf p = SBUF_INIT;
		sbuf_addf(&p, "%s%s", path, suffix[i]);
		if (unlink(p.s) != 0 && errno != ENOENT)
			die("cannot remove", p.s);
		sbuf_free(&p);
	}
}

static long long file_size(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 ? (long long)st.st_size : -1;
}

static int cmd_db(const struct scale *sc, const char *path)
{
	struct gen g = { .sc = sc, .nunits = sc->units };
	struct cchc_err err = { 0 };
	check_lists();
	g.today = today_day();
	g.first_year = ymd_of(g.today).y - (sc->years ? sc->years : 1) + 1;
	remove_db(path);
	double t0 = now_ms();
	if (db_open(&g.db, path, &err))
		die("open", err.msg);
	printf("gen %s %s (years %d-%d)\n", sc->name, path, g.first_year, ymd_of(g.today).y);
	if (db_exec(&g.db, "PRAGMA cache_size = -262144", &err) || db_begin_internal(&g.db, &err))
		die("begin", err.msg);
	gen_units(&g);
	gen_plans(&g);
	gen_evidence(&g);
	gen_feedback(&g);
	gen_dossiers(&g);
	if (db_commit(&g.db, &err) || db_exec(&g.db, "PRAGMA wal_checkpoint(TRUNCATE)", &err))
		die("commit", err.msg);
	db_close(&g.db);
	printf("  %d units; %ld rows written, %.1f MB, in %.1f s\n", g.nunits, g.rows,
	       file_size(path) / 1048576.0, (now_ms() - t0) / 1000);
	free(g.task_first);
	free(g.task_n);
	free(g.plan_year);
	return 0;
}

/* A CSV field, quoted when it must be. */
static void csv_field(FILE *f, const char *s, bool last)
{
	if (strpbrk(s, ",\"\n")) {
		fputc('"', f);
		for (; *s; s++) {
			if (*s == '"')
				fputc('"', f);
			fputc(*s, f);
		}
		fputc('"', f);
	} else {
		fputs(s, f);
	}
	fputc(last ? '\n' : ',', f);
}

static void csv_row(FILE *f, const struct dossier_row *d)
{
	char rec[24], due[11], res[11] = "";
	vn(d->received, rec);
	snprintf(rec + 10, sizeof rec - 10, " %02d:%02d", d->hour, d->minute);
	vn(d->due, due);
	if (d->resolved >= 0)
		vn(d->resolved, res);
	const char *v[] = { d->code, d->proc->name, d->proc->field, d->holder, d->address,
			    d->contact, rec, due, res, d->status, channel_labels[d->channel],
			    unit_defs[d->unit].code };
	for (int i = 0; i < COUNT(v); i++)
		csv_field(f, v[i], i == COUNT(v) - 1);
}

static int cmd_csv(long n, const char *path)
{
	check_lists();
	double t0 = now_ms();
	FILE *f = fopen(path, "w");
	if (!f)
		die("cannot write", path);
	static char buf[1 << 20];
	setvbuf(f, buf, _IOFBF, sizeof buf);
	fputs("\xEF\xBB\xBFMã hồ sơ,Tên thủ tục,Lĩnh vực,Chủ hồ sơ,Địa chỉ,Số điện thoại / Email,"
	      "Ngày tiếp nhận,Hạn xử lý,Ngày hoàn thành,Trạng thái,Hình thức nộp,Phòng xử lý\n", f);
	int64_t today = today_day();
	int64_t start = day_of(ymd_of(today).y - 9, 1, 2), span = today - start + 1, prev = -1;
	int seq = 0;
	for (long i = 0; i < n; i++) {
		int64_t day = start + (int64_t)i * span / n;
		seq = day == prev ? seq + 1 : 1;
		prev = day;
		struct dossier_row d;
		dossier_make(&d, day, seq, today, 8);
		csv_row(f, &d);
	}
	if (fclose(f) != 0)
		die("cannot write", path);
	printf("gen csv: %ld dossiers, %.1f MB, in %.1f s\n", n, file_size(path) / 1048576.0,
	       (now_ms() - t0) / 1000);
	return 0;
}

static void json_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', f);
		if ((unsigned char)*s < 0x20)
			fprintf(f, "\\u%04x", (unsigned char)*s);
		else
			fputc(*s, f);
	}
	fputc('"', f);
}

/* "2026-03-15 08:20:00" or "2026-03-15" as taskwarrior's 20260315T082000Z. */
static void tw_date(const char *s, char out[17])
{
	char d[20] = "0000-00-00 00:00:00";
	memcpy(d, s, strlen(s) < 19 ? strlen(s) : 19);
	snprintf(out, 17, "%.4s%.2s%.2sT%.2s%.2s%.2sZ", d, d + 5, d + 8, d + 11, d + 14, d + 17);
}

static void peer_task(FILE *tw, FILE *todo, sqlite3_stmt *st)
{
	int64_t id = sqlite3_column_int64(st, 0);
	const char *title = (const char *)sqlite3_column_text(st, 1);
	const char *status = (const char *)sqlite3_column_text(st, 2);
	const char *due = (const char *)sqlite3_column_text(st, 3);
	const char *unit = (const char *)sqlite3_column_text(st, 4);
	const char *created = (const char *)sqlite3_column_text(st, 5);
	const char *done = (const char *)sqlite3_column_text(st, 6);
	bool completed = strcmp(status, "done") == 0;
	char d[17];
	fprintf(tw, "{\"uuid\":\"%08" PRIx64 "-0000-4000-8000-%012" PRIx64 "\",\"status\":\"%s\","
		"\"description\":", (uint64_t)id, (uint64_t)id * 2654435761u,
		completed ? "completed" : "pending");
	json_string(tw, title);
	tw_date(created, d);
	fprintf(tw, ",\"entry\":\"%s\",\"project\":", d);
	json_string(tw, unit);
	if (*due)
		tw_date(due, d), fprintf(tw, ",\"due\":\"%s\"", d);
	if (completed)
		tw_date(*done ? done : created, d), fprintf(tw, ",\"end\":\"%s\"", d);
	fputs("}\n", tw);
	fprintf(todo, "[%d] %s\n", (int)(id % 9) + 1, title);
}

static int cmd_peers(const char *dbpath, const char *dir, int n)
{
	sqlite3 *h;
	if (sqlite3_open_v2(dbpath, &h, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		die("cannot open", dbpath);
	struct sbuf p = SBUF_INIT;
	sbuf_addf(&p, "%s/calcurse", dir);
	struct cchc_err err;
	if (fs_mkdir_p(p.s, 0755, &err))
		die("mkdir", err.msg);
	sbuf_trunc(&p, 0);
	sbuf_addf(&p, "%s/tasks.json", dir);
	FILE *tw = fopen(p.s, "w");
	sbuf_trunc(&p, 0);
	sbuf_addf(&p, "%s/calcurse/todo", dir);
	FILE *todo = fopen(p.s, "w");
	sbuf_trunc(&p, 0);
	sbuf_addf(&p, "%s/calcurse/apts", dir);
	FILE *apts = fopen(p.s, "w");
	sbuf_free(&p);
	if (!tw || !todo || !apts)
		die("cannot write in", dir);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(h, "SELECT t.id, t.title, t.status, coalesce(t.due_on, ''), "
			       "coalesce(u.code, ''), t.created_at, coalesce(t.done_on, '') FROM task t "
			       "LEFT JOIN unit u ON u.id = t.lead_unit_id ORDER BY t.id LIMIT ?", -1, &st,
			       NULL) != SQLITE_OK)
		die("query", sqlite3_errmsg(h));
	sqlite3_bind_int(st, 1, n);
	int count = 0;
	for (; sqlite3_step(st) == SQLITE_ROW; count++)
		peer_task(tw, todo, st);
	sqlite3_finalize(st);
	sqlite3_close(h);
	if (fclose(tw) || fclose(todo) || fclose(apts))
		die("cannot write in", dir);
	printf("gen peers: %d tasks in %s\n", count, dir);
	return 0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static int cmd_query(const char *dbpath, int reps, int argc, char **argv)
{
	struct db db;
	struct cchc_err err = { 0 };
	if (db_open(&db, dbpath, &err))
		die("open", err.msg);
	struct sbuf q = SBUF_INIT;
	/* --typed: as the search screen asks (the last word a prefix, 100 hits) */
	bool typed = false, print = false;
	int w = 0;
	for (; w < argc - 1 && strncmp(argv[w], "--", 2) == 0; w++) {
		typed |= strcmp(argv[w], "--typed") == 0;
		print |= strcmp(argv[w], "--print") == 0;
	}
	for (int i = w; i < argc; i++)
		sbuf_addf(&q, "%s%s", i > w ? " " : "", argv[i]);
	struct search_opts o = { .limit = typed ? 100 : 20, .prefix = typed };
	double *t = xcalloc((size_t)reps, sizeof *t);
	int hits = 0;
	for (int r = 0; r < reps; r++) {
		struct search_hit *h;
		double t0 = now_ms();
		if (search_run(&db, q.s, &o, &h, &hits, &err))
			die("search", err.msg);
		t[r] = now_ms() - t0;
		for (int i = 0; print && r == reps - 1 && i < hits; i++)
			printf("%s\t%" PRId64 "\t%" PRId64 "\t%d\t%s\t%s\t%s\n", h[i].kind, h[i].id,
			       h[i].plan_id, h[i].tones, h[i].title, h[i].plan ? h[i].plan : "",
			       h[i].snippet);
		search_hits_free(h, hits);
	}
	qsort(t, (size_t)reps, sizeof *t, cmp_double);
	if (!print)
		printf("hits %d median %.3f min %.3f max %.3f\n", hits, t[reps / 2], t[0],
		       t[reps - 1]);
	free(t);
	sbuf_free(&q);
	db_close(&db);
	return 0;
}

static int print_row(void *ctx, int n, char **v, char **names)
{
	(void)ctx, (void)names;
	for (int i = 0; i < n; i++)
		printf("%s%s", i ? "\t" : "", v[i] ? v[i] : "");
	putchar('\n');
	return 0;
}

static int cmd_sql(const char *dbpath, const char *sql)
{
	struct db db;
	struct cchc_err err = { 0 };
	if (db_open(&db, dbpath, &err))
		die("open", err.msg);
	char *msg = NULL;
	int rc = sqlite3_exec(db.h, sql, print_row, NULL, &msg);
	if (rc != SQLITE_OK)
		fprintf(stderr, "gen sql: %s\n", msg ? msg : sqlite3_errstr(rc));
	sqlite3_free(msg);
	db_close(&db);
	return rc == SQLITE_OK ? 0 : 1;
}

static int cmd_time(const char *out, char **argv)
{
	double t0 = now_ms();
	pid_t pid = fork();
	if (pid < 0)
		die("fork", strerror(errno));
	if (pid == 0) {
		execvp(argv[0], argv);
		fprintf(stderr, "gen time: %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	int status;
	struct rusage ru;
	if (wait4(pid, &status, 0, &ru) < 0)
		die("wait4", strerror(errno));
	double ms = now_ms() - t0;
	int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	FILE *f = fopen(out, "a");
	if (!f)
		die("cannot write", out);
	double cpu = (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
		     (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
	fprintf(f, "%.3f %ld %d %.3f\n", ms, ru.ru_maxrss, code, cpu);
	fclose(f);
	return code;
}

/* Drops the files' pages from the page cache (clean pages go; the data
 * is on disk), so that the next run reads them from the disk: the "cold"
 * first screen without root's drop_caches. */
static int cmd_evict(int argc, char **argv)
{
	int rc = 0;
	for (int i = 0; i < argc; i++) {
		int fd = open(argv[i], O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			continue;   /* a -wal that is not there */
		if (fdatasync(fd) != 0 || posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED) != 0) {
			fprintf(stderr, "gen evict: %s: %s\n", argv[i], strerror(errno));
			rc = 1;
		}
		close(fd);
	}
	return rc;
}

static int usage(void)
{
	fputs("usage: gen XS|S|M|P|empty DBFILE | csv N FILE | peers DBFILE DIR [N] |\n"
	      "       query DBFILE REPS WORDS... | sql DBFILE SQL | time OUT CMD [ARG]... |\n"
	      "       evict FILE... | version\n", stderr);
	return 2;
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return usage();
	const char *cmd = argv[1];
	const struct scale *sc = scale_named(cmd);
	if (sc && argc == 3)
		return cmd_db(sc, argv[2]);
	if (strcmp(cmd, "csv") == 0 && argc == 4 && atol(argv[2]) > 0)
		return cmd_csv(atol(argv[2]), argv[3]);
	if (strcmp(cmd, "peers") == 0 && (argc == 4 || argc == 5))
		return cmd_peers(argv[2], argv[3], argc == 5 ? atoi(argv[4]) : 10000);
	if (strcmp(cmd, "query") == 0 && argc >= 5 && atoi(argv[3]) > 0)
		return cmd_query(argv[2], atoi(argv[3]), argc - 4, argv + 4);
	if (strcmp(cmd, "sql") == 0 && argc == 4)
		return cmd_sql(argv[2], argv[3]);
	if (strcmp(cmd, "time") == 0 && argc >= 4)
		return cmd_time(argv[2], argv + 3);
	if (strcmp(cmd, "evict") == 0 && argc >= 3)
		return cmd_evict(argc - 2, argv + 2);
	if (strcmp(cmd, "version") == 0) {
		printf("gen %d sqlite %s schema %d\n", GEN_DATA_VERSION, sqlite3_libversion(),
		       db_schema_version());
		return 0;
	}
	return usage();
}
