-- The demo department's year: dossiers, apology letters, citizen feedback,
-- evidence records, report notes, criteria scores and index history.
-- Run by src/core/demo.c inside the demo's one transaction, after the plans,
-- units, tasks and criteria are in; temp.demo_ctx holds today (CCHC_TODAY in
-- tests) and its year, so every date here is relative to them and the demo
-- always looks current. No randomness: the mixtures come from the row number.

-- ---- Dossiers: 500 over the last 330 days, ~8% late, the newest pending ----
CREATE TEMP TABLE demo_proc(k INTEGER PRIMARY KEY, procedure TEXT, field TEXT, unit TEXT,
			    days INTEGER);
INSERT INTO demo_proc VALUES
 (0, 'Cấp Giấy phép bán lẻ rượu', 'Lưu thông hàng hóa trong nước', 'QLTM', 10),
 (1, 'Cấp Giấy phép bán lẻ sản phẩm thuốc lá', 'Lưu thông hàng hóa trong nước', 'QLTM', 15),
 (2, 'Cấp Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu', 'Kinh doanh khí và xăng dầu', 'QLTM', 15),
 (3, 'Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm', 'An toàn thực phẩm', 'QLCN', 20),
 (4, 'Cấp Giấy chứng nhận huấn luyện kỹ thuật an toàn vật liệu nổ công nghiệp', 'Vật liệu nổ công nghiệp', 'QLCN', 7),
 (5, 'Cấp Giấy phép hoạt động điện lực', 'Điện', 'QLNL', 10),
 (6, 'Cấp thẻ kiểm tra viên điện lực', 'Điện', 'QLNL', 7),
 (7, 'Xác nhận đăng ký thực hiện khuyến mại', 'Xúc tiến thương mại', 'TTKC', 5),
 (8, 'Cấp Giấy chứng nhận đủ điều kiện sản xuất, kinh doanh hóa chất', 'Hóa chất', 'QLCN', 12),
 (9, 'Cấp Giấy phép sản xuất rượu thủ công nhằm mục đích kinh doanh', 'Công nghiệp tiêu dùng', 'QLCN', 10);

CREATE TEMP TABLE demo_name(k INTEGER PRIMARY KEY, family TEXT, middle TEXT, given TEXT,
			    firm TEXT, place TEXT);
INSERT INTO demo_name VALUES
 (0, 'Nguyễn', 'Văn', 'An', 'Công ty TNHH Thương mại Hoàng Long', 'phường Vĩnh Trại, thành phố Lạng Sơn'),
 (1, 'Hoàng', 'Thị', 'Bích', 'Công ty Cổ phần Xăng dầu Đồng Đăng', 'thị trấn Đồng Đăng, huyện Cao Lộc'),
 (2, 'Lương', 'Đức', 'Cường', 'Hợp tác xã Rượu men lá Mẫu Sơn', 'xã Mẫu Sơn, huyện Lộc Bình'),
 (3, 'Vi', 'Thị', 'Dung', 'Công ty TNHH Điện lực Bắc Sơn', 'thị trấn Bắc Sơn, huyện Bắc Sơn'),
 (4, 'Nông', 'Minh', 'Đức', 'Công ty TNHH Khai khoáng Hữu Lũng', 'xã Hồ Sơn, huyện Hữu Lũng'),
 (5, 'Lý', 'Thị', 'Hạnh', 'Công ty Cổ phần Thực phẩm Xứ Lạng', 'phường Hoàng Văn Thụ, thành phố Lạng Sơn'),
 (6, 'Đinh', 'Quang', 'Huy', 'Doanh nghiệp tư nhân Tân Thanh', 'xã Tân Thanh, huyện Văn Lãng'),
 (7, 'Trần', 'Thị', 'Lan', 'Công ty TNHH Hóa chất Kỳ Lừa', 'phường Chi Lăng, thành phố Lạng Sơn'),
 (8, 'Hà', 'Văn', 'Long', 'Công ty TNHH Siêu thị Lạng Sơn', 'phường Tam Thanh, thành phố Lạng Sơn'),
 (9, 'Chu', 'Thị', 'Mai', 'Hợp tác xã Hồi Văn Quan', 'thị trấn Văn Quan, huyện Văn Quan'),
 (10, 'Phùng', 'Văn', 'Nam', 'Công ty TNHH Vật liệu nổ Đình Lập', 'thị trấn Đình Lập, huyện Đình Lập'),
 (11, 'Mông', 'Thị', 'Phương', 'Công ty Cổ phần Thương mại Chi Lăng', 'thị trấn Đồng Mỏ, huyện Chi Lăng');

CREATE TEMP TABLE demo_dossier AS
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500),
raw AS (
	SELECT i, date((SELECT today FROM demo_ctx), '-' || ((500 - i) * 330 / 500) || ' days') AS r
	FROM n),
rec AS (
	SELECT i, date(r, CASE strftime('%w', r) WHEN '6' THEN '-1 days' WHEN '0' THEN '-2 days'
			  ELSE '+0 days' END) AS received
	FROM raw),
due AS (
	SELECT i, received, p.*, date(received, '+' || (p.days * 7 / 5) || ' days') AS d
	FROM rec JOIN demo_proc p ON p.k = (i * 7) % 10)
SELECT i, received, procedure, field, unit,
	date(d, CASE strftime('%w', d) WHEN '6' THEN '+2 days' WHEN '0' THEN '+1 days'
		ELSE '+0 days' END) AS due_on
FROM due;

CREATE TEMP TABLE demo_dossier2 AS
SELECT d.*, CASE
	WHEN i % 29 = 0 AND received >= date((SELECT today FROM demo_ctx), '-60 days') THEN NULL
	WHEN received >= date((SELECT today FROM demo_ctx), '-12 days') AND i % 3 <> 0 THEN NULL
	WHEN i % 13 = 0 THEN min(date(due_on, '+' || (i % 4 + 1) || ' days'),
				 (SELECT today FROM demo_ctx))
	ELSE min(date(received, '+' || ((julianday(due_on) - julianday(received)) * (i % 5 + 1) / 6)
		      || ' days'), (SELECT today FROM demo_ctx))
	END AS resolved_on
FROM demo_dossier d;

INSERT INTO dossier(code, procedure, field, holder, address, contact, received_on, due_on,
		    resolved_on, status, channel, unit_id, source, updated_at)
SELECT '000.00.27.H36-' || substr(received, 3, 2) || substr(received, 6, 2) || substr(received, 9, 2) || '-' || printf('%04d', i),
	procedure, field,
	CASE WHEN i % 4 = 0 THEN nm.firm ELSE nm.family || ' ' || gv.middle || ' ' || gv.given END,
	nm.place, '0' || (912000000 + (i * 7919) % 87000000),
	received, due_on, resolved_on,
	CASE WHEN i = 137 OR i = 311 THEN 'Công dân rút hồ sơ'
	     WHEN resolved_on IS NULL THEN 'Đang giải quyết' ELSE 'Đã trả kết quả' END,
	CASE i % 5 WHEN 3 THEN 'truc-tiep' WHEN 4 THEN CASE WHEN i % 10 = 4 THEN 'buu-chinh'
		ELSE 'truc-tuyen' END ELSE 'truc-tuyen' END,
	(SELECT id FROM unit WHERE code = d.unit), 'import',
	coalesce(resolved_on, received) || ' 16:30:00'
FROM demo_dossier2 d
JOIN demo_name nm ON nm.k = (i * 5) % 12
JOIN demo_name gv ON gv.k = (i * 7 + 3) % 12;

-- ---- Apology letters: most late dossiers have one, some sent late ----
CREATE TEMP TABLE demo_late AS
SELECT x.id, x.code, x.holder, x.address, x.contact, x.received_on, x.due_on, x.unit_id,
	CAST(substr(x.code, -4) AS INTEGER) AS i,
	CASE WHEN CAST(substr(x.code, -4) AS INTEGER) % 3 = 0 THEN date(x.due_on, '+1 days')
	     ELSE date(x.due_on, '-1 days') END AS letter_on
FROM dossier x
WHERE x.status NOT LIKE '%rút%'
  AND (x.resolved_on > x.due_on
       OR (x.resolved_on IS NULL AND x.due_on < (SELECT today FROM demo_ctx)))
  AND CAST(substr(x.code, -4) AS INTEGER) % 7 <> 3;

INSERT INTO letter(dossier_id, year, seq, number, letter_on, addressee, address, contact,
		   reason, unit_id, original_due, new_due, authority, signer_title, signer,
		   channel, sent_on, late, template, created_at)
SELECT id, CAST(strftime('%Y', letter_on) AS INTEGER),
	row_number() OVER (PARTITION BY strftime('%Y', letter_on) ORDER BY letter_on, id),
	printf('%02d/PXL', row_number() OVER (PARTITION BY strftime('%Y', letter_on)
					      ORDER BY letter_on, id)),
	letter_on, holder, address, contact,
	CASE i % 4
	WHEN 0 THEN 'Hồ sơ cần xác minh thực tế tại cơ sở, thời gian thẩm định kéo dài'
	WHEN 1 THEN 'Cần lấy ý kiến của cơ quan có liên quan, chưa nhận được văn bản trả lời'
	WHEN 2 THEN 'Công chức thụ lý hồ sơ chuyển tiếp chậm giữa các bước xử lý'
	ELSE 'Hệ thống thông tin giải quyết thủ tục hành chính gặp sự cố' END,
	unit_id, due_on, date(due_on, '+' || (5 + i % 3) || ' days'),
	'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Liễu Anh Minh',
	CASE i % 3 WHEN 0 THEN 'giay' WHEN 1 THEN 'email' ELSE 'zalo' END, letter_on,
	CASE WHEN i % 3 = 0 THEN 1 ELSE 0 END,
	CASE WHEN letter_on < '2025-09-15' THEN 'data/templates/letter-2018.txt'
	     ELSE 'data/templates/letter-2025.txt' END,
	letter_on || ' 15:00:00'
FROM demo_late
WHERE letter_on <= (SELECT today FROM demo_ctx) AND letter_on >= received_on;

-- ---- Citizen feedback (PAKN): every step of the workflow ----
CREATE TEMP TABLE demo_fb(i INTEGER PRIMARY KEY, ago INTEGER, channel TEXT, sender TEXT,
			  contact TEXT, content TEXT, kind TEXT, topic TEXT, related TEXT,
			  final TEXT, unit TEXT);
INSERT INTO demo_fb VALUES
 (1, 2, 'cong-dvc', 'Nguyễn Văn Hải', '0915 234 567', 'Hồ sơ cấp giấy phép bán lẻ rượu nộp trực tuyến đã quá hẹn nhưng chưa nhận được kết quả.', 'phan-anh', '', 'Cấp Giấy phép bán lẻ rượu', 'da-vao-so', NULL),
 (2, 1, 'dien-thoai', 'Hoàng Thị Thu', '0987 112 233', 'Đề nghị hướng dẫn rõ thành phần hồ sơ cấp giấy chứng nhận an toàn thực phẩm.', 'kien-nghi', '', 'Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm', 'da-vao-so', NULL),
 (3, 4, 'email', 'Công ty TNHH Thương mại Hoàng Long', 'hoanglong@example.vn', 'Phản ánh việc yêu cầu nộp thêm bản sao giấy tờ đã có trong cơ sở dữ liệu.', 'phan-anh', 'khong-phu-hop', 'Cấp Giấy phép bán lẻ sản phẩm thuốc lá', 'phan-loai', NULL),
 (4, 40, 'van-ban', 'Ông Lý Văn Sáng', 'xã Hồng Phong, huyện Bình Gia', 'Phản ánh tranh chấp đất đai với hộ liền kề.', 'phan-anh', 'khac', '', 'khong-du-dk', NULL),
 (5, 25, 'truc-tiep', 'Bà Vi Thị Hoa', '0203 3870 111', 'Kiến nghị về giá điện sinh hoạt tăng cao tại thôn.', 'kien-nghi', 'khac', '', 'chuyen', NULL),
 (6, 6, 'phieu', 'Trần Minh Tuấn', '', 'Công chức tiếp nhận hồ sơ hướng dẫn chưa tận tình, phải đi lại nhiều lần.', 'phan-anh', 'hanh-vi', 'Cấp thẻ kiểm tra viên điện lực', 'giao', 'BPMC'),
 (7, 35, 'cong-dvc', 'Công ty Cổ phần Xăng dầu Đồng Đăng', 'xangdaudongdang@example.vn', 'Thời gian giải quyết thủ tục cấp giấy chứng nhận cửa hàng xăng dầu dài hơn quy định.', 'phan-anh', 'khong-phu-hop', 'Cấp Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu', 'dang-xu-ly', 'QLTM'),
 (8, 12, 'email', 'Hợp tác xã Rượu men lá Mẫu Sơn', 'mauson@example.vn', 'Kiến nghị cho phép nộp hồ sơ giấy phép sản xuất rượu thủ công qua bưu chính.', 'kien-nghi', 'khong-dong-bo', 'Cấp Giấy phép sản xuất rượu thủ công nhằm mục đích kinh doanh', 'dang-xu-ly', 'QLCN'),
 (9, 60, 'dien-thoai', 'Lương Thị Nga', '0912 888 999', 'Không tra cứu được tình trạng hồ sơ trên Cổng dịch vụ công.', 'phan-anh', 'khong-dong-bo', 'Xác nhận đăng ký thực hiện khuyến mại', 'da-tra-loi', 'VP'),
 (10, 90, 'van-ban', 'Công ty TNHH Hóa chất Kỳ Lừa', 'phường Chi Lăng, thành phố Lạng Sơn', 'Kiến nghị rút ngắn thời gian thẩm định điều kiện kinh doanh hóa chất.', 'kien-nghi', 'khong-phu-hop', 'Cấp Giấy chứng nhận đủ điều kiện sản xuất, kinh doanh hóa chất', 'da-cong-khai', 'QLCN'),
 (11, 150, 'truc-tiep', 'Nông Văn Thắng', '0976 543 210', 'Phản ánh phí cấp giấy phép hoạt động điện lực thu chưa đúng biểu phí.', 'phan-anh', 'khong-hop-phap', 'Cấp Giấy phép hoạt động điện lực', 'luu', 'QLNL'),
 (12, 200, 'cong-dvc', 'Đinh Thị Ngọc', 'ngocdt@example.vn', 'Biểu mẫu tờ khai trên Cổng dịch vụ công khác với biểu mẫu tại quầy.', 'phan-anh', 'khong-dong-bo', 'Cấp Giấy phép bán lẻ rượu', 'luu', 'VP'),
 (13, 45, 'email', 'Công ty TNHH Siêu thị Lạng Sơn', 'sieuthi@example.vn', 'Đề nghị công khai danh sách thủ tục được thanh toán phí trực tuyến.', 'kien-nghi', 'khac', '', 'da-tra-loi', 'VP'),
 (14, 70, 'phieu', 'Hà Thị Yến', '', 'Khu vực chờ tại quầy của Sở thiếu ghế ngồi.', 'kien-nghi', 'khac', '', 'da-cong-khai', 'BPMC');

CREATE TEMP TABLE demo_fb_path(final TEXT, seq INTEGER, step TEXT, off INTEGER);
INSERT INTO demo_fb_path VALUES
 ('da-vao-so', 1, 'tiep-nhan', 0), ('da-vao-so', 2, 'da-vao-so', 0),
 ('phan-loai', 1, 'tiep-nhan', 0), ('phan-loai', 2, 'da-vao-so', 0), ('phan-loai', 3, 'phan-loai', 2),
 ('khong-du-dk', 1, 'tiep-nhan', 0), ('khong-du-dk', 2, 'da-vao-so', 0), ('khong-du-dk', 3, 'khong-du-dk', 3),
 ('chuyen', 1, 'tiep-nhan', 0), ('chuyen', 2, 'da-vao-so', 0), ('chuyen', 3, 'chuyen', 4),
 ('giao', 1, 'tiep-nhan', 0), ('giao', 2, 'da-vao-so', 0), ('giao', 3, 'phan-loai', 1), ('giao', 4, 'giao', 2),
 ('dang-xu-ly', 1, 'tiep-nhan', 0), ('dang-xu-ly', 2, 'da-vao-so', 0), ('dang-xu-ly', 3, 'phan-loai', 1),
 ('dang-xu-ly', 4, 'giao', 2), ('dang-xu-ly', 5, 'dang-xu-ly', 7),
 ('da-tra-loi', 1, 'tiep-nhan', 0), ('da-tra-loi', 2, 'da-vao-so', 0), ('da-tra-loi', 3, 'phan-loai', 1),
 ('da-tra-loi', 4, 'giao', 2), ('da-tra-loi', 5, 'dang-xu-ly', 6), ('da-tra-loi', 6, 'da-tra-loi', 12),
 ('da-cong-khai', 1, 'tiep-nhan', 0), ('da-cong-khai', 2, 'da-vao-so', 0), ('da-cong-khai', 3, 'phan-loai', 1),
 ('da-cong-khai', 4, 'giao', 2), ('da-cong-khai', 5, 'da-tra-loi', 14), ('da-cong-khai', 6, 'da-cong-khai', 16),
 ('luu', 1, 'tiep-nhan', 0), ('luu', 2, 'da-vao-so', 0), ('luu', 3, 'phan-loai', 1), ('luu', 4, 'giao', 2),
 ('luu', 5, 'dang-xu-ly', 8), ('luu', 6, 'da-tra-loi', 15), ('luu', 7, 'da-cong-khai', 18), ('luu', 8, 'luu', 25);

CREATE TEMP TABLE demo_fb2 AS
SELECT f.*, date((SELECT today FROM demo_ctx), '-' || f.ago || ' days') AS received,
	(SELECT max(off) FROM demo_fb_path p WHERE p.final = f.final) AS last_off,
	(SELECT coalesce(max(id), 0) FROM feedback) + f.i AS fid
FROM demo_fb f;

INSERT INTO feedback(id, received_on, channel, sender, contact, content, kind, topic, related,
		     status, unit_id, due_on, forward_to, forward_no, answer_text, answer_signer,
		     answer_channel, published_where, closed_on, published_on, updated_at)
SELECT fid, received, channel, sender, contact,
	content, kind, topic, related, final, (SELECT id FROM unit WHERE code = f.unit),
	CASE WHEN final IN ('da-vao-so', 'phan-loai') THEN date(received, '+7 days')
	     WHEN final IN ('giao', 'dang-xu-ly') THEN date(received, '+21 days') END,
	CASE final WHEN 'chuyen' THEN 'Công ty Điện lực Lạng Sơn' ELSE '' END,
	CASE final WHEN 'chuyen' THEN '215/SCT-VP' ELSE '' END,
	CASE WHEN final IN ('da-tra-loi', 'da-cong-khai', 'luu')
	     THEN 'Sở Công Thương đã xem xét và trả lời: nội dung phản ánh, kiến nghị đã được '
		  || 'tiếp thu; quy trình đã được điều chỉnh và công khai tại Bộ phận Một cửa.'
	     ELSE '' END,
	CASE WHEN final IN ('da-tra-loi', 'da-cong-khai', 'luu') THEN 'Liễu Anh Minh' ELSE '' END,
	CASE WHEN final IN ('da-tra-loi', 'da-cong-khai', 'luu') THEN channel ELSE '' END,
	CASE WHEN final IN ('da-cong-khai', 'luu') THEN 'Cổng thông tin điện tử của Sở' ELSE '' END,
	CASE WHEN final IN ('khong-du-dk', 'chuyen', 'da-tra-loi', 'da-cong-khai', 'luu')
	     THEN date(received, '+' || (SELECT max(off) FROM demo_fb_path p WHERE p.final = f.final
					  AND p.step IN ('khong-du-dk', 'chuyen', 'da-tra-loi'))
		       || ' days') END,
	CASE WHEN final IN ('da-cong-khai', 'luu')
	     THEN date(received, '+' || (SELECT off FROM demo_fb_path p WHERE p.final = f.final
					 AND p.step = 'da-cong-khai') || ' days') END,
	date(received, '+' || last_off || ' days') || 'T09:00:00Z'
FROM demo_fb2 f;

INSERT INTO feedback_step(feedback_id, seq, step, on_date, note, recorded_at)
SELECT f.fid, p.seq, p.step,
	date(f.received, '+' || p.off || ' days'),
	CASE p.step
	WHEN 'tiep-nhan' THEN 'Qua ' || CASE f.channel WHEN 'van-ban' THEN 'văn bản'
		WHEN 'truc-tiep' THEN 'trực tiếp' WHEN 'dien-thoai' THEN 'điện thoại'
		WHEN 'email' THEN 'thư điện tử' WHEN 'cong-dvc' THEN 'Cổng DVC quốc gia'
		ELSE 'phiếu lấy ý kiến' END
	WHEN 'da-vao-so' THEN 'Hạn chuyển hoặc phân loại: ' || strftime('%d/%m/%Y', f.received, '+7 days')
	WHEN 'phan-loai' THEN 'Thuộc thẩm quyền của Sở'
	WHEN 'khong-du-dk' THEN 'Không thuộc phạm vi phản ánh về quy định hành chính'
	WHEN 'chuyen' THEN 'Chuyển Công ty Điện lực Lạng Sơn, văn bản số 215/SCT-VP'
	WHEN 'giao' THEN 'Giao ' || coalesce((SELECT name FROM unit WHERE code = f.unit), '')
		|| '; hạn xử lý: ' || strftime('%d/%m/%Y', f.received, '+21 days')
	WHEN 'dang-xu-ly' THEN 'Đã làm việc với công chức thụ lý, đang xác minh'
	WHEN 'da-tra-loi' THEN 'Đã gửi văn bản trả lời người phản ánh'
	WHEN 'da-cong-khai' THEN 'Cổng thông tin điện tử của Sở'
	ELSE 'Lưu hồ sơ' END,
	date(f.received, '+' || p.off || ' days') || 'T09:00:00Z'
FROM demo_fb2 f JOIN demo_fb_path p ON p.final = f.final;

-- ---- Evidence records (files are added by demo.c by their number) ----
CREATE TEMP TABLE demo_ev(doc_no TEXT, kind TEXT, ago INTEGER, issuer TEXT, summary TEXT,
			  task TEXT, criterion TEXT);
INSERT INTO demo_ev VALUES
 ('12/KH-SCT', 'ke-hoach', 300, 'Sở Công Thương', 'Kế hoạch cải cách hành chính năm của Sở', 'Ban hành Kế hoạch cải cách hành chính năm % của Sở', '1.1'),
 ('35/QĐ-SCT', 'quyet-dinh', 280, 'Sở Công Thương', 'Quyết định kiện toàn Tổ công tác cải cách hành chính', 'Kiện toàn Tổ công tác cải cách hành chính của Sở', '1.1'),
 ('88/BC-SCT', 'bao-cao', 150, 'Sở Công Thương', 'Báo cáo sơ kết 6 tháng thực hiện Kế hoạch cải cách hành chính', 'Sơ kết 6 tháng thực hiện Kế hoạch cải cách hành chính', '1.2'),
 ('102/KL-SCT', 'bien-ban', 90, 'Thanh tra Sở', 'Kết luận kiểm tra công tác cải cách hành chính tại các phòng', 'Kiểm tra công tác cải cách hành chính tại các phòng thuộc Sở', '1.3'),
 ('45/BC-SCT', 'bao-cao', 200, 'Thanh tra Sở', 'Báo cáo rà soát văn bản quy phạm pháp luật lĩnh vực công thương', 'Rà soát, hệ thống hóa văn bản quy phạm pháp luật lĩnh vực công thương', NULL),
 ('60/TTr-SCT', 'cong-van', 190, 'Sở Công Thương', 'Tờ trình phương án đơn giản hóa thủ tục lĩnh vực lưu thông hàng hóa', 'Rà soát, đơn giản hóa thủ tục hành chính lĩnh vực lưu thông hàng hóa', NULL),
 ('Ảnh HN-01', 'hinh-anh', 140, 'Văn phòng Sở', 'Ảnh hội nghị sơ kết cải cách hành chính 6 tháng', 'Sơ kết 6 tháng thực hiện Kế hoạch cải cách hành chính', NULL),
 ('120/BC-SCT', 'bao-cao', 70, 'Văn phòng Sở', 'Báo cáo kết quả cuộc thi tìm hiểu về cải cách hành chính', 'Tổ chức cuộc thi tìm hiểu về cải cách hành chính', NULL),
 ('75/QĐ-SCT', 'quyet-dinh', 160, 'Sở Công Thương', 'Quyết định phê duyệt vị trí việc làm của Sở', 'Xây dựng vị trí việc làm và cơ cấu ngạch công chức', NULL),
 ('18/TB-SCT', 'thong-bao', 230, 'Sở Công Thương', 'Thông báo công khai dự toán ngân sách của Sở', NULL, NULL);

INSERT INTO evidence(kind, doc_no, issued_on, issuer, summary, notes, created_at)
SELECT kind, doc_no, date((SELECT today FROM demo_ctx), '-' || ago || ' days'), issuer, summary,
	'Tài liệu mẫu', date((SELECT today FROM demo_ctx), '-' || ago || ' days') || 'T10:00:00Z'
FROM demo_ev ORDER BY ago DESC;

INSERT OR IGNORE INTO evidence_task(evidence_id, task_id)
SELECT e.id, (SELECT min(t.id) FROM task t WHERE t.title LIKE v.task)
FROM demo_ev v JOIN evidence e ON e.doc_no = v.doc_no
WHERE v.task IS NOT NULL AND EXISTS (SELECT 1 FROM task t WHERE t.title LIKE v.task);

INSERT OR IGNORE INTO evidence_criterion(evidence_id, criterion_id)
SELECT e.id, c.id
FROM demo_ev v JOIN evidence e ON e.doc_no = v.doc_no
JOIN criterion c ON c.code = v.criterion
JOIN criteria_catalogue k ON k.id = c.catalogue_id AND k.year = (SELECT y FROM demo_ctx)
WHERE v.criterion IS NOT NULL;

-- ---- Criteria scores of this year's department set (a few left to score) ----
INSERT INTO criterion_score(criterion_id, year, points, note)
SELECT c.id, (SELECT y FROM demo_ctx),
	round(c.max_points * (70 + (c.id * 37) % 31) / 100.0 * 4) / 4, 'Tự chấm'
FROM criterion c JOIN criteria_catalogue k ON k.id = c.catalogue_id
WHERE k.year = (SELECT y FROM demo_ctx) AND c.max_points IS NOT NULL AND c.id % 6 <> 0
  AND NOT EXISTS (SELECT 1 FROM criterion ch WHERE ch.catalogue_id = c.catalogue_id
		  AND ch.parent_code = c.code);

-- ---- Published index results of the past years ----
INSERT INTO index_result(year, idx, value, rank, rank_of, target)
SELECT (SELECT y FROM demo_ctx) - column1, column2, column3, column4, 63, column5 FROM (VALUES
	(5, 'par', 81.92, 41, ''), (4, 'par', 83.10, 35, ''), (3, 'par', 84.56, 30, ''),
	(2, 'par', 86.02, 27, ''), (1, 'par', 87.45, 22, 'Top 20'),
	(5, 'sipas', 80.10, 48, ''), (4, 'sipas', 82.35, 40, ''), (3, 'sipas', 83.90, 36, ''),
	(2, 'sipas', 85.20, 29, ''), (1, 'sipas', 86.75, 25, '88%'),
	(5, 'papi', 41.12, 45, ''), (4, 'papi', 41.85, 39, ''), (3, 'papi', 42.30, 33, ''),
	(2, 'papi', 42.96, 30, ''), (1, 'papi', 43.40, 26, ''));

-- ---- Report notes of this year's periods (one section left for the clerk) ----
INSERT INTO report_note(period, section, text, updated_at)
SELECT (SELECT y FROM demo_ctx) || pp.column1, n.column1, n.column2,
	(SELECT today FROM demo_ctx) || 'T08:00:00Z'
FROM (VALUES
	('chi-dao', 'Sở ban hành đầy đủ kế hoạch CCHC, kế hoạch tuyên truyền, kế hoạch kiểm tra; Lãnh đạo Sở chủ trì giao ban CCHC hằng tháng, kiểm tra 4 phòng.'),
	('the-che', 'Rà soát 42 văn bản quy phạm pháp luật lĩnh vực công thương; đề nghị sửa đổi 3 văn bản không còn phù hợp.'),
	('tthc', 'Công khai đầy đủ thủ tục trên Cổng dịch vụ công; hồ sơ trễ hạn đều có văn bản xin lỗi; trình phương án đơn giản hóa 4 thủ tục.'),
	('bo-may', 'Rà soát chức năng, nhiệm vụ các phòng, không có chồng chéo; xây dựng đề án sắp xếp các phòng theo quy định mới.'),
	('cong-vu', 'Đánh giá, xếp loại công chức theo hiệu quả công việc; kiểm tra đột xuất kỷ luật, kỷ cương hành chính 2 lần.'),
	('tai-chinh', 'Giao tự chủ chi thường xuyên cho Trung tâm Khuyến công và Xúc tiến thương mại; sửa đổi quy chế chi tiêu nội bộ.'),
	('so', 'Tích hợp 38 dịch vụ công trực tuyến toàn trình; tỷ lệ hồ sơ trực tuyến đạt 81%; số hóa 12.000 trang tài liệu lưu trữ.'),
	('uu-diem', 'Lãnh đạo Sở quan tâm chỉ đạo; các phòng phối hợp chặt chẽ; tỷ lệ hồ sơ đúng hạn cao.'),
	('han-che', 'Một số hồ sơ còn trễ hạn do phải xác minh thực tế tại cơ sở; tỷ lệ thanh toán trực tuyến chưa cao.'),
	('kien-nghi', 'Đề nghị Sở Nội vụ tổ chức tập huấn nghiệp vụ tự đánh giá, chấm điểm Chỉ số CCHC.')) AS n,
	(VALUES ('-Q1'), ('-H1'), ('-9M'), ('')) AS pp;

-- ---- The department's particulars for reports and letters ----
INSERT OR REPLACE INTO setting(key, value) VALUES
	('org.name', 'Sở Công Thương'), ('org.parent', 'UBND TỈNH LẠNG SƠN'),
	('org.place', 'Lạng Sơn'), ('report.to', 'Sở Nội vụ tỉnh Lạng Sơn'),
	('report.number', '{n}/BC-SCT'), ('report.authority', 'KT. GIÁM ĐỐC'),
	('report.signer_title', 'PHÓ GIÁM ĐỐC'), ('report.signer', 'Liễu Anh Minh'),
	('letter.signer', 'Liễu Anh Minh');

DROP TABLE demo_proc; DROP TABLE demo_name; DROP TABLE demo_dossier; DROP TABLE demo_dossier2;
DROP TABLE demo_late; DROP TABLE demo_fb; DROP TABLE demo_fb_path; DROP TABLE demo_fb2;
DROP TABLE demo_ev;
