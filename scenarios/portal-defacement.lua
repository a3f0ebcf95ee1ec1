-- portal-defacement.lua — the reference scenario of irdrill (scenario API v1).
--
-- Cổng Thông tin điện tử tỉnh bị chèn web shell, nội dung cờ bạc ẩn và thay đổi
-- giao diện. Provincial web portal: web shell, hidden gambling pages, defacement.
--
-- ─────────────────────────────────────────────────────────────────────────────
-- FOR TRAINERS: THE PLOT (ground truth — players never see this part)
-- ─────────────────────────────────────────────────────────────────────────────
-- Based on outline 2 of the domain notes and on the public reports of 2023, when
-- dozens of .gov.vn sites carried injected gambling content through upload
-- features and were reinfected after incomplete clean-up.
--
-- One turn = 15 minutes; turn 1 starts at 08:00 (Monday morning).
--
--   turn 1 08:00  The attacker's scan of the portal is in the WAF log (T1595.002).
--                 At the same time the provincial SOC's own weekly scanner
--                 (192.0.2.10) runs — the first false positive.
--   turn 2 08:15  Upload exploit on /ajax/upload.php (T1190): the WAF is in
--                 detection-only mode and lets "anh_bia.php.jpg" through. In the
--                 same few minutes an automated kit
--                   - drops web shell #1 /uploads/images/tin-tuc/anh_bia.php,
--                   - hides web shell #2 /uploads/files/2019/bieu-mau/.cache/index.php
--                     with a forged 2019 timestamp (T1505.003, T1070.006),
--                   - reads config.php: database password and CMS admin
--                     accounts are stolen (T1552.001),
--                   - creates 300+ hidden gambling pages and pings search engines.
--                 (The exploit waits if the portal is closed at that moment.)
--   turn 3        File-integrity alert: a new .php file in uploads.
--   turn 4        Database audit: the CMS account dumped the admin table.
--                 CPU alert on the public-service portal (a backup job: false).
--   turn 5        The portal's editorial board finds gambling search results
--                 under the portal's domain.
--   turn 9 10:00  If a shell is still reachable: the home page is defaced
--                 (T1491.002): betting banner and redirect to nhacai-vip.example.
--                 A citizen calls the next turn; press after an hour; the
--                 Chairman's office asks for a report after 90 minutes.
--
-- "Reachable" means: portal online, not isolated, no maintenance page.
--
-- Once the portal is reachable again after the team's clean-up or restore,
-- the attacker tries to come back (T1078, T1190):
--   - a web shell left behind   -> defaced again 2 reachable turns after restore;
--   - shells gone, but the CMS admin password not rotated -> logs in, 2nd turn;
--   - shells gone, password rotated, upload flaw unpatched -> re-exploits, 3rd turn;
--   - nothing works for 4 reachable turns -> the attacker gives up.
--
-- Endings (checked in this order at the end of every turn):
--   reinfected      the attacker got back in after the clean-up (the key lesson);
--   defaced_long    the defacement was publicly visible for 12 turns (3 hours);
--   restored_clean  portal back online, clean, and the attacker gave up (success);
--   timeout         (automatic) after turn 32, e.g. the portal left closed.
--
-- What the team can learn (fog of war) — see on("investigate") below:
--   investigate portal   1st time: shell #1, the upload flaw, the spam pages;
--                        shell #2 and the stolen credentials only on a "deep"
--                        look: after a forensic image (collect_evidence), or
--                        on a second investigation;
--   investigate waf/db/siem/dichvucong: indicators and the false positives;
--   request_support vncert: VNCERT/CC's signatures also find shell #2;
--   request_support vendor: the CMS vendor confirms the flaw (enables patch).
--
-- Scoring (100 points): detect 10, contain by 09:45 15, evidence before any
-- change 10, remove every shell 15, patch 5, rotate passwords after eradication
-- 5, report owner 5 / VNCERT/CC 10 / police with evidence 10, honest statement 5,
-- de-index 5, back in service by 14:00 5. Penalties: restore before eradicate
-- (15), evidence destroyed (10), shutdown instead of isolate (10), understated
-- statement (10), reopened before rotating passwords (5), public-service portal
-- cut off over a false positive (5). Hints cost 3, 5, 5.
--
-- Self-tests (bottom of the file) reach every ending: textbook (100), sloppy
-- restore (reinfected), one shell missed (reinfected), shutdown (success, 77),
-- idle (defaced_long), contained-then-stalled (timeout).
--
-- To vary the drill: change DEFACE_TURN, VISIBLE_LIMIT or the return delays
-- below; move the hidden shell; make the deep look cost more (require evidence
-- only). Adapt names (who owns the portal in your province, domain names) — keep
-- documentation addresses (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24) and
-- example domains in shared scenarios. Times quoted in texts follow start_time (w:clock).
-- ─────────────────────────────────────────────────────────────────────────────

scenario {
  id = "portal-defacement", version = 2, api = 1,
  title = {
    vi = "Cổng TTĐT tỉnh bị chèn web shell, nội dung cờ bạc và thay đổi giao diện",
    en = "Provincial portal: web shell, hidden gambling pages and defacement",
  },
  summary = {
    vi = "Sáng thứ Hai, WAF ghi nhận dò quét và một tệp lạ được tải lên Cổng Thông tin "
      .. "điện tử tỉnh (hệ thống cấp độ 3). Đội ứng cứu sự cố phải phát hiện, ngăn chặn, "
      .. "thu thập chứng cứ, loại bỏ mọi web shell, vá lỗi, đổi mật khẩu, báo cáo đúng "
      .. "hạn, thông tin trung thực cho người dân và đưa Cổng hoạt động trở lại mà kẻ "
      .. "tấn công không thể quay lại.",
    en = "Monday morning: the WAF logs a scan and a strange upload on the provincial "
      .. "web portal (a level-3 system). The incident response team must detect, "
      .. "contain, preserve evidence, remove every web shell, patch, rotate passwords, "
      .. "report on time, tell citizens the truth and bring the portal back without "
      .. "letting the attacker return.",
  },
  difficulty = "basic",
  turn_minutes = 15, max_turns = 32, action_points = 2, start_time = "08:00",
  attack = { "T1595.002", "T1190", "T1505.003", "T1552.001", "T1078", "T1491.002" },
}

-- Tuning knobs (turn numbers and counts).
local DEFACE_TURN   = 9    -- first defacement, 10:00, if a shell is reachable
local VISIBLE_LIMIT = 12   -- turns of visible defacement before "defaced_long"
local BACK_IN_SHELL = 2    -- reachable turns after restore before a left shell is used
local BACK_IN_LOGIN = 2    -- ... before the stolen admin password is tried
local BACK_IN_EXPL  = 3    -- ... before the upload flaw is exploited again
local GIVE_UP       = 4    -- ... after which an attacker with no way in gives up

-- Indicators (documentation addresses and example domains only).
local SCAN_IP, SHELL_IP = "203.0.113.45", "198.51.100.23"

-- ───────────────────────────── roles ─────────────────────────────
role { id = "lead",  name = { vi = "Trưởng nhóm ứng cứu", en = "Incident lead" },
       desc = { vi = "Điều phối đội, quyết định, báo cáo cơ quan chủ quản và cơ quan chức năng.",
                en = "Coordinates the team, decides, reports to the owner and the authorities." } }
role { id = "soc",   name = { vi = "Chuyên viên giám sát (SOC)", en = "SOC analyst" },
       desc = { vi = "Phân loại cảnh báo, điều tra, thu thập chứng cứ.",
                en = "Triages alerts, investigates, collects evidence." } }
role { id = "sys",   name = { vi = "Quản trị hệ thống", en = "System administrator" },
       desc = { vi = "Quản trị máy chủ Cổng và CSDL: chứng cứ, loại bỏ, vá lỗi, đổi mật khẩu, khôi phục.",
                en = "Runs the portal and database servers: evidence, eradication, patching, passwords, restore." } }
role { id = "net",   name = { vi = "Quản trị mạng", en = "Network administrator" },
       desc = { vi = "Tường lửa, WAF, cô lập, chặn địa chỉ, trang bảo trì tại WAF.",
                en = "Firewall, WAF, isolation, blocking, the maintenance page at the WAF." } }
role { id = "comms", name = { vi = "Phụ trách truyền thông", en = "Communications officer" },
       desc = { vi = "Ban biên tập Cổng: thông tin cho người dân, báo chí; yêu cầu gỡ chỉ mục.",
                en = "The portal's editorial board: citizens, press; de-indexing requests." } }

-- ───────────────────────────── assets ────────────────────────────
asset { id = "portal", kind = "web", level = 3, zone = "dmz",
        name = { vi = "Cổng Thông tin điện tử tỉnh (www.tinh.example)",
                 en = "Provincial web portal (www.tinh.example)" },
        desc = { vi = "Cổng TTĐT tỉnh, hệ thống cấp độ 3; cơ quan chủ quản: Văn phòng UBND tỉnh. "
                   .. "Chạy một CMS PHP; sao lưu mã nguồn và CSDL nội dung lúc 02:00 hằng đêm "
                   .. "(thư mục uploads không nằm trong phạm vi sao lưu này).",
                 en = "The provincial portal, a level-3 system owned by the Office of the "
                   .. "Provincial People's Committee. A PHP CMS; code and content database are "
                   .. "backed up nightly at 02:00 (the uploads folder is not in that backup)." },
        vars = { maintenance = false, restored = false } }
asset { id = "db", kind = "database", level = 3, zone = "internal",
        name = { vi = "CSDL nội dung Cổng TTĐT", en = "Portal content database" },
        desc = { vi = "Bài viết, tài khoản biên tập và quản trị CMS. CMS kết nối bằng tài khoản cms_app.",
                 en = "Articles, editor and CMS admin accounts. The CMS connects as cms_app." } }
asset { id = "waf", kind = "waf", level = 3, zone = "dmz",
        name = { vi = "Tường lửa ứng dụng web (WAF)", en = "Web application firewall (WAF)" },
        desc = { vi = "Bảo vệ Cổng TTĐT và Cổng Dịch vụ công; có thể hiển thị trang bảo trì thay cho Cổng.",
                 en = "Protects both portals; can serve a maintenance page instead of the portal." } }
asset { id = "siem", kind = "siem", level = 3, zone = "soc",
        name = { vi = "SIEM của SOC tỉnh", en = "Provincial SOC SIEM" },
        desc = { vi = "Thu thập nhật ký WAF, máy chủ, CSDL. Máy quét lỗ hổng của SOC (192.0.2.10) "
                   .. "quét định kỳ các cổng của tỉnh vào sáng thứ Hai, từ 07:30.",
                 en = "Collects WAF, server and database logs. The SOC's own vulnerability scanner "
                   .. "(192.0.2.10) scans the province's portals every Monday from 07:30." } }
asset { id = "dichvucong", kind = "web", level = 3, zone = "dmz",
        name = { vi = "Cổng Dịch vụ công tỉnh (dichvucong.tinh.example)",
                 en = "Provincial public-service portal (dichvucong.tinh.example)" },
        desc = { vi = "Tiếp nhận hồ sơ trực tuyến của người dân; không bị xâm nhập trong kịch bản này.",
                 en = "Citizens file applications here; not compromised in this scenario." } }
link("waf", "portal")
link("waf", "dichvucong")
link("portal", "db")
link("siem", "waf")
link("siem", "portal")
link("siem", "db")

-- ───────────────────────────── signals ───────────────────────────
-- Every signal the scenario can emit is declared here; simulate's coverage
-- report lists those never emitted. A signal id can be emitted only once.

-- The attack (truth = true).
signal { id = "s_scan", source = "waf", severity = "low", asset = "portal", truth = true,
         technique = "T1595.002",
         text = { vi = "WAF: 4.812 yêu cầu trong 10 phút từ " .. SCAN_IP .. " dò các đường dẫn "
                    .. "/admin, /uploads/, /plugins/, /ajax/upload.php trên www.tinh.example; "
                    .. "User-Agent của một công cụ quét lỗ hổng phổ biến.",
                  en = "WAF: 4,812 requests in 10 minutes from " .. SCAN_IP .. " probing /admin, "
                    .. "/uploads/, /plugins/ and /ajax/upload.php on www.tinh.example; the "
                    .. "User-Agent of a common vulnerability scanner." } }
signal { id = "s_upload", source = "waf", severity = "medium", asset = "portal", truth = true,
         technique = "T1190",
         text = { vi = "WAF (chế độ giám sát, không chặn): " .. SHELL_IP .. " gửi POST "
                    .. "/ajax/upload.php?type=image với tệp 'anh_bia.php.jpg' — khớp luật "
                    .. "'phần mở rộng kép / mã PHP trong tệp ảnh'. Máy chủ trả về 200 OK.",
                  en = "WAF (detection mode, not blocking): " .. SHELL_IP .. " sent POST "
                    .. "/ajax/upload.php?type=image with the file 'anh_bia.php.jpg' — rule "
                    .. "'double extension / PHP code in image' matched. The server answered 200 OK." } }
signal { id = "s_fim", source = "fim", severity = "high", asset = "portal", truth = true,
         technique = "T1505.003",
         text = { vi = "Giám sát toàn vẹn tệp (máy chủ Cổng): tệp thực thi mới "
                    .. "/var/www/portal/uploads/images/tin-tuc/anh_bia.php (2,3 KB, chủ sở hữu "
                    .. "www-data) vừa được tạo. Thư mục uploads lẽ ra chỉ chứa ảnh và tài liệu.",
                  en = "File integrity monitoring (portal server): new executable file "
                    .. "/var/www/portal/uploads/images/tin-tuc/anh_bia.php (2.3 KB, owner "
                    .. "www-data) has just been created. The uploads folder should hold only images and documents." } }
signal { id = "s_dbaudit", source = "db-audit", severity = "low", asset = "db", truth = true,
         technique = "T1552.001",
         text = { vi = "Nhật ký kiểm toán CSDL: tài khoản cms_app truy vấn toàn bộ bảng cms_users "
                    .. "(tài khoản quản trị CMS) từ máy chủ Cổng — truy vấn chưa từng có "
                    .. "trong hoạt động bình thường của CMS.",
                  en = "Database audit log: the cms_app account read the whole cms_users table "
                    .. "(CMS admin accounts) from the portal server — a query the CMS "
                    .. "never makes in normal operation." } }
signal { id = "s_search", source = "staff", severity = "medium", asset = "portal", truth = true,
         technique = "T1491.002",
         text = { vi = "Ban biên tập Cổng gọi điện: tìm 'site:www.tinh.example' trên công cụ tìm kiếm "
                    .. "cho ra hàng trăm kết quả 'nhà cái uy tín', 'soi kèo' dưới tên miền của Cổng; "
                    .. "bấm vào thì bị chuyển sang nhacai-vip.example.",
                  en = "The portal's editorial board calls: searching 'site:www.tinh.example' shows "
                    .. "hundreds of 'trusted bookmaker' and 'betting tips' pages under the portal's "
                    .. "domain; clicking one redirects to nhacai-vip.example." } }
signal { id = "s_deface", source = "web-monitor", severity = "critical", asset = "portal",
         truth = true, technique = "T1491.002",
         text = { vi = "Giám sát website: mã băm trang chủ www.tinh.example vừa thay đổi; nội dung "
                    .. "mới có banner cá cược và mã chuyển hướng sang nhacai-vip.example.",
                  en = "Website monitoring: the hash of the www.tinh.example home page has changed; "
                    .. "the new content has a betting banner and a redirect to nhacai-vip.example." } }
signal { id = "s_call", source = "phone", severity = "high", asset = "portal", truth = true,
         text = { vi = "Đường dây nóng: một người dân phản ánh trang chủ Cổng Thông tin điện tử tỉnh "
                    .. "đang hiện quảng cáo cá cược và hỏi đây có phải trang giả mạo không.",
                  en = "Hotline: a citizen reports that the provincial portal's home page shows "
                    .. "betting ads and asks whether it is a fake site." } }
signal { id = "s_press", source = "press", severity = "high", asset = "portal", truth = true,
         text = { vi = "Một phóng viên báo điện tử đề nghị cơ quan chủ quản cho ý kiến; ảnh chụp trang "
                    .. "chủ Cổng bị chèn quảng cáo cờ bạc đang lan truyền trên mạng xã hội.",
                  en = "An online newspaper asks the owner for comment; screenshots of the portal's "
                    .. "home page with gambling ads are spreading on social media." } }
signal { id = "s_steering", source = "authority", severity = "high", asset = "portal", truth = true,
         text = { vi = "Văn phòng UBND tỉnh: Chủ tịch UBND tỉnh yêu cầu báo cáo ngay tình hình Cổng TTĐT "
                    .. "bị chèn nội dung cờ bạc và thời điểm khắc phục; Ban Chỉ đạo theo dõi sự việc.",
                  en = "Office of the People's Committee: the Chairman wants an immediate report on the "
                    .. "gambling content on the portal and when it will be fixed; the steering "
                    .. "committee is following the incident." } }
signal { id = "s_redeface", source = "web-monitor", severity = "critical", asset = "portal",
         truth = true, technique = "T1491.002",
         text = { vi = "Giám sát website: trang chủ www.tinh.example LẠI bị thay đổi — banner cá cược "
                    .. "và mã chuyển hướng xuất hiện trở lại sau khi đã khôi phục.",
                  en = "Website monitoring: the www.tinh.example home page changed AGAIN — the betting "
                    .. "banner and redirect are back after the restore." } }

-- False positives (truth = false): they look alarming; investigation explains them.
signal { id = "s_vulnscan", source = "waf", severity = "medium", asset = "portal", truth = false,
         technique = "T1595.002",
         text = { vi = "WAF: 12.640 yêu cầu trong 20 phút từ 192.0.2.10 mang chữ ký công cụ quét lỗ "
                    .. "hổng, nhắm vào www.tinh.example và dichvucong.tinh.example.",
                  en = "WAF: 12,640 requests in 20 minutes from 192.0.2.10 with a vulnerability-"
                    .. "scanner signature, against www.tinh.example and dichvucong.tinh.example." } }
signal { id = "s_cpu", source = "monitoring", severity = "medium", asset = "dichvucong", truth = false,
         text = { vi = "Giám sát hạ tầng: CPU máy chủ Cổng Dịch vụ công ở mức 97% liên tục 20 phút; "
                    .. "thời gian phản hồi tăng lên 4 giây.",
                  en = "Infrastructure monitoring: CPU of the public-service portal server at 97% for "
                    .. "20 minutes; response time up to 4 seconds." } }

-- Everyday noise, emitted at random moments (see every(3) below).
signal { id = "n_ssh", source = "firewall", severity = "low", truth = false,
         text = { vi = "Tường lửa: 2.300 lần thử đăng nhập SSH từ 198.51.100.77 vào dải DMZ, tất cả bị "
                    .. "chặn theo chính sách (như mọi ngày).",
                  en = "Firewall: 2,300 SSH login attempts from 198.51.100.77 against the DMZ range, "
                    .. "all blocked by policy (as every day)." } }
signal { id = "n_mail", source = "mail-gateway", severity = "low", truth = false,
         text = { vi = "Cổng thư điện tử: chặn 412 thư rác và 3 thư đính kèm mã độc gửi tới hộp thư công "
                    .. "vụ trong 1 giờ qua — trong mức thường ngày.",
                  en = "Mail gateway: blocked 412 spam and 3 malicious-attachment e-mails to official "
                    .. "mailboxes in the last hour — the usual level." } }
signal { id = "n_av", source = "endpoint", severity = "low", truth = false,
         text = { vi = "Phòng chống mã độc: đã cách ly một phần mềm quảng cáo trên một máy trạm của Sở "
                    .. "Tài chính; quét lại sạch.",
                  en = "Anti-malware: quarantined adware on a Department of Finance workstation; the "
                    .. "rescan is clean." } }
signal { id = "n_cert", source = "monitoring", severity = "info", truth = false,
         text = { vi = "Chứng chỉ TLS của dichvucong.tinh.example hết hạn sau 20 ngày.",
                  en = "The TLS certificate of dichvucong.tinh.example expires in 20 days." } }
signal { id = "n_ddos", source = "isp", severity = "low", truth = false,
         text = { vi = "ISP: một đợt UDP flood nhỏ (1,2 Gbps, 4 phút) nhắm vào DNS của tỉnh đã được lọc "
                    .. "ở thượng nguồn; dịch vụ không bị ảnh hưởng.",
                  en = "ISP: a small UDP flood (1.2 Gbps, 4 minutes) against the province's DNS was "
                    .. "filtered upstream; no service impact." } }
signal { id = "n_vpn", source = "vpn", severity = "low", truth = false,
         text = { vi = "VPN: tài khoản của một cán bộ Sở Nông nghiệp và Môi trường đăng nhập từ tỉnh khác "
                    .. "— người này đang đi công tác theo lịch.",
                  en = "VPN: an official of the Department of Agriculture and Environment logged in "
                    .. "from another province — on a scheduled business trip." } }

-- ───────────────────────────── helpers ───────────────────────────
-- The public and the attacker reach the portal only when it is powered,
-- connected and not behind the maintenance page.
local function is_open(w)
  local P = w.asset.portal
  return P.online and not P.isolated and not P.vars.maintenance
end

local function has(list, x)
  for _, v in ipairs(list or {}) do
    if v == x then return true end
  end
  return false
end

-- The clock time (w:clock) `plus` minutes after the exploit turn began, for texts
-- that quote log times (08:15 + plus unless the portal was closed then).
local function logged_at(w, plus)
  return (w:clock((w.vars.exploit_turn - 1) * 15 + plus))
end

-- Does the attacker still hold a web shell on the portal?
local function foothold(w)
  return w.vars.shell_main or w.vars.shell_hidden or w.vars.shell_new
end

-- T1190 + T1505.003 + T1552.001: the automated kit does everything within minutes.
local function exploit(w)
  local V = w.vars
  V.exploited, V.exploit_turn = true, w.turn
  V.shell_main, V.shell_hidden, V.spam = true, true, true
  w:compromise("portal", { technique = "T1190" })
  w:log { vi = "Kẻ tấn công (" .. SHELL_IP .. ") khai thác lỗi tải tệp /ajax/upload.php: WAF ở chế độ "
            .. "giám sát nên không chặn; tệp anh_bia.php.jpg được lưu thành anh_bia.php và thực thi được.",
          en = "The attacker (" .. SHELL_IP .. ") exploits the upload flaw in /ajax/upload.php: the WAF "
            .. "is in detection mode and does not block; anh_bia.php.jpg is saved as anh_bia.php and runs." }
  w:log { vi = "Bộ công cụ tự động: web shell #1 /uploads/images/tin-tuc/anh_bia.php; web shell #2 "
            .. "ẩn tại /uploads/files/2019/bieu-mau/.cache/index.php (giả mạo thời gian về 2019); "
            .. "đọc config.php (mật khẩu CSDL cms_app, bảng tài khoản quản trị CMS); tạo hơn 300 trang "
            .. "cờ bạc ẩn và gửi sơ đồ trang cho công cụ tìm kiếm.",
          en = "The automated kit: web shell #1 /uploads/images/tin-tuc/anh_bia.php; web shell #2 "
            .. "hidden at /uploads/files/2019/bieu-mau/.cache/index.php (timestamp forged to 2019); "
            .. "reads config.php (cms_app database password, CMS admin table); creates 300+ hidden "
            .. "gambling pages and submits a sitemap to search engines." }
  w:signal("s_upload")
end

-- T1491.002. again = true: the attacker is back after the team's restore.
local function deface(w, again, how)
  local V = w.vars
  w:set("portal", "defaced", true)
  V.spam = true
  if again then
    V.reinfected = true
    w:log { vi = "Kẻ tấn công quay lại (" .. how.vi .. ") và thay đổi giao diện trang chủ lần nữa.",
            en = "The attacker is back (" .. how.en .. ") and defaces the home page again." }
    w:signal("s_redeface")
  else
    V.defaced_once, V.call_at = true, w.turn + 1
    w:log { vi = "Qua web shell, kẻ tấn công thay trang chủ bằng banner cá cược và mã chuyển hướng "
              .. "sang nhacai-vip.example.",
            en = "Through a web shell the attacker replaces the home page with a betting banner and "
              .. "a redirect to nhacai-vip.example." }
    w:signal("s_deface")
  end
end

-- ───────────────────────────── the attacker's script ─────────────
at(1, function(w)
  local V = w.vars
  -- Initial scenario state (w.vars starts empty).
  V.exploited, V.shell_main, V.shell_hidden, V.shell_new = false, false, false, false
  V.spam, V.defaced_once, V.reinfected, V.exploit_turn = false, false, false, 0
  V.main_found, V.hidden_found, V.flaw_known = false, false, false
  V.investigations, V.visible, V.back_in, V.knock = 0, 0, 0, 0
  V.evidence_ok, V.memory_lost, V.changed_before_evidence = false, false, false
  V.rotated_portal, V.rotated_db, V.eradicated, V.gave_up = false, false, false, false
  V.honest, V.police_evidence, V.deindexed = false, false, false
  V.noise_left = { "n_ssh", "n_mail", "n_av", "n_cert", "n_ddos", "n_vpn" }
  w:log { vi = "Từ cuối tuần, " .. SCAN_IP .. " dò quét Cổng TTĐT tìm chức năng tải tệp.",
          en = "Since the weekend " .. SCAN_IP .. " has been scanning the portal for upload features." }
  w:signal("s_scan")
  w:signal("s_vulnscan")
end)

at(4, function(w) w:signal("s_cpu") end)   -- the nightly backup job overran: a false positive

-- Every turn, at its start: what the attacker does, and what the world notices.
every(1, function(w)
  local V, P, t = w.vars, w.asset.portal, w.turn
  local open = is_open(w)

  if not V.exploited then
    if t >= 2 and open then exploit(w) end
    return
  end

  -- Delayed consequences of the exploit, relative to when it happened.
  if t == V.exploit_turn + 1 then w:signal("s_fim") end
  if t == V.exploit_turn + 2 then w:signal("s_dbaudit") end
  if t == V.exploit_turn + 3 and V.spam then w:signal("s_search") end
  if V.call_at == t then w:signal("s_call") end

  -- Reopening before the passwords were rotated (after an eradication).
  if open and V.eradicated and not (V.rotated_portal and V.rotated_db) then
    w:penalize("reopened_without_rotation")
  end

  if open and not V.reinfected then
    if foothold(w) then
      if P.vars.restored then
        -- The team restored the page but a shell is still there.
        if not P.defaced then
          V.back_in = V.back_in + 1
          if V.back_in >= BACK_IN_SHELL then
            deface(w, true, { vi = "web shell còn sót", en = "a web shell left behind" })
          end
        end
      elseif not V.defaced_once and t >= DEFACE_TURN then
        deface(w, false)
      end
    elseif not V.gave_up then
      -- No shell left: the attacker knocks on the doors it knows.
      V.knock = V.knock + 1
      if not V.rotated_portal and V.knock >= BACK_IN_LOGIN then
        V.shell_new = true
        w:compromise("portal", { technique = "T1078" })
        deface(w, true, { vi = "đăng nhập quản trị CMS bằng mật khẩu đã đánh cắp",
                          en = "CMS admin login with the stolen password" })
      elseif not P.patched and V.knock >= BACK_IN_EXPL then
        V.shell_new = true
        w:compromise("portal", { technique = "T1190" })
        deface(w, true, { vi = "khai thác lại lỗi tải tệp chưa được vá",
                          en = "the unpatched upload flaw, exploited again" })
      elseif V.knock >= GIVE_UP then
        V.gave_up = true
        w:log { vi = "Mọi cách quay lại đều thất bại (shell cũ trả về 404, mật khẩu cũ bị từ chối, "
                  .. "tải tệp bị chặn): kẻ tấn công bỏ cuộc.",
                en = "Every way back fails (old shells return 404, the old password is refused, "
                  .. "uploads are blocked): the attacker gives up." }
      end
    end
  end

  -- What the public sees: a defaced home page, turn after turn.
  if P.defaced and open then
    V.visible = V.visible + 1
    if V.visible == 4 then w:signal("s_press") end
  end
end)

-- Everyday noise: every third turn, maybe one of the remaining noise signals.
every(3, function(w)
  local left = w.vars.noise_left
  if #left > 0 and w:chance(0.6) then
    w:signal(table.remove(left, w:random(1, #left)))
  end
end)

-- Escalation: 90 minutes of visible defacement and the Chairman's office calls.
when(function(w) return w.vars.visible >= 6 end,
     function(w) w:signal("s_steering") end)

-- ───────────────────────────── actions ───────────────────────────
-- Scenario actions. Verbs: "net maintenance_page", "net maintenance_off", "comms deindex".
action { id = "maintenance_page", roles = { "net", "sys" }, cost = 1, turns = 1, target = "none",
         label = { vi = "Bật trang bảo trì tại WAF", en = "Put up the maintenance page at the WAF" },
         help = { vi = "WAF trả trang thông báo bảo trì cho mọi yêu cầu tới Cổng; máy chủ vẫn chạy để điều tra.",
                  en = "The WAF answers every request to the portal with a maintenance notice; the "
                    .. "server keeps running for the investigation." },
         run = function(w, a)
           w:set("portal", "maintenance", true)
           w:note { vi = "Cổng TTĐT đang hiển thị trang bảo trì; không ai từ Internet truy cập được CMS.",
                    en = "The portal now shows the maintenance page; nobody on the Internet reaches the CMS." }
         end }
action { id = "maintenance_off", roles = { "net", "sys" }, cost = 1, turns = 1, target = "none",
         label = { vi = "Gỡ trang bảo trì", en = "Take down the maintenance page" },
         run = function(w, a)
           w:set("portal", "maintenance", false)
           w:note { vi = "Gỡ trang bảo trì: Cổng TTĐT lại phục vụ người dân.",
                    en = "Maintenance page removed: the portal serves citizens again." }
         end }
action { id = "deindex", roles = { "comms", "sys" }, cost = 1, turns = 2, target = "none",
         label = { vi = "Yêu cầu công cụ tìm kiếm gỡ các trang cờ bạc",
                   en = "Ask search engines to drop the gambling pages" },
         help = { vi = "Gửi danh sách URL cần gỡ và sơ đồ trang sạch; chỉ có hiệu quả khi các trang "
                    .. "đã bị xoá (404/410).",
                  en = "Submit the URLs to remove and a clean sitemap; it only works once the pages are "
                    .. "gone (404/410)." },
         run = function(w, a)
           if w.vars.spam then
             w:note { vi = "Công cụ tìm kiếm tạm ẩn các URL nhưng các trang cờ bạc vẫn tồn tại trên Cổng nên sẽ "
                        .. "được lập chỉ mục lại. Hãy gỡ nội dung trước.",
                      en = "The search engines hide the URLs for now, but the gambling pages still exist on "
                        .. "the portal and will be indexed again. Remove the content first." }
           else
             w.vars.deindexed = true
             w:note { vi = "Các trang cờ bạc (trả về 410) đã được gỡ khỏi kết quả tìm kiếm.",
                      en = "The gambling pages (now 410 Gone) have been dropped from search results." }
           end
         end }

-- Standard actions replaced for this scenario (fields not given come from
-- scenarios/stdlib.lua): eradicate, restore and patch decide here what
-- "removed", "restored" and "patched" mean for the portal. For other assets
-- they fall back to the standard effect, kept in stdlib.run.
action { id = "eradicate", roles = { "sys" }, cost = 2, turns = 2,
         run = function(w, a)
           local V = w.vars
           if a.target ~= "portal" then return stdlib.run.eradicate(w, a) end
           if V.exploited and not V.evidence_ok then
             V.changed_before_evidence = true
             w:penalize("evidence_destroyed")
           end
           -- Only what the team knows about is removed for sure.
           if V.shell_main and (V.main_found or w:flagged("s_fim")) then V.shell_main = false end
           if V.shell_hidden and V.hidden_found then V.shell_hidden = false end
           if V.exploited and not foothold(w) then
             V.eradicated = true
             w:set("portal", "compromised", false)
             w:set("portal", "clean", true)
             w:reveal("portal", "compromised")
             w:reveal("portal", "clean", { vi = "Đã xoá cả hai web shell; rà soát lại không còn tệp lạ.",
                                           en = "Both web shells deleted; a re-check finds no foreign file." })
           elseif V.exploited then
             w:log { vi = "Loại bỏ chưa hết: web shell chưa được phát hiện vẫn còn trên máy chủ.",
                     en = "Incomplete eradication: a web shell the team never found is still there." }
             w:note { vi = "Đã xoá các tệp độc hại đã biết. Nên kiểm tra lại trước khi kết luận máy chủ sạch.",
                      en = "Known malicious files deleted. Check again before declaring the server clean." }
           else
             w:note { vi = "Không tìm thấy tệp độc hại nào.", en = "No malicious file found." }
           end
         end }

action { id = "restore", roles = { "sys" }, cost = 2, turns = 2,
         run = function(w, a)
           local V, A = w.vars, w.asset[a.target]
           if not A.backup then
             w:note { vi = "Không có bản sao lưu dùng được.", en = "No usable backup." }
             return
           end
           if a.target == "portal" and V.exploited then
             if not V.evidence_ok then
               V.changed_before_evidence = true
               w:penalize("evidence_destroyed")
             end
             if A.compromised and not w:did("eradicate", "portal") then
               w:penalize("restore_before_eradicate")
             end
             V.spam = false   -- the gambling pages lived in the content database
           end
           -- The standard restore: defaced/encrypted false (and shown so), online,
           -- vars.restored.
           stdlib.run.restore(w, a)
           w:note { vi = "Đã khôi phục mã nguồn CMS và CSDL nội dung từ bản sao lưu 02:00; các trang cờ bạc "
                      .. "và trang chủ giả đã biến mất. Thư mục uploads giữ nguyên (không thuộc bản sao lưu).",
                    en = "CMS code and content database restored from the 02:00 backup; the gambling pages "
                      .. "and fake home page are gone. The uploads folder is unchanged (not in that backup)." }
         end }

action { id = "patch", roles = { "sys" }, cost = 1, turns = 1,
         run = function(w, a)
           if a.target ~= "portal" then return stdlib.run.patch(w, a) end
           if w.vars.flaw_known then
             w:set("portal", "patched", true)
             w:note { vi = "Đã vá chức năng tải tệp: chỉ nhận ảnh/tài liệu theo danh sách trắng, kiểm tra nội "
                        .. "dung tệp, cấm thực thi PHP trong uploads; WAF chuyển sang chế độ chặn.",
                      en = "Upload feature fixed: allow-list of image/document types, content checks, no PHP "
                        .. "execution in uploads; the WAF switched to blocking mode." }
           else
             w:note { vi = "Chưa xác định được lỗ hổng bị khai thác: mới cập nhật hệ điều hành, lỗi của CMS vẫn còn.",
                      en = "The exploited weakness is not identified yet: only OS updates applied; the CMS "
                        .. "flaw remains." }
           end
         end }

-- ───────────────────────────── consequences of standard actions ───
on("triage", function(w, a)
  if a.target == "s_upload" and a.verdict then w.vars.flaw_known = true end
end)

-- Fog of war: what an investigation can find, and when.
on("investigate", function(w, a)
  local V = w.vars
  if a.target == "portal" then
    -- (the standard investigate has already revealed `compromised`)
    if not V.exploited then
      w:note { vi = "Cổng TTĐT: chưa thấy dấu hiệu xâm nhập; nhật ký chỉ có các yêu cầu dò quét.",
               en = "Portal: no sign of compromise yet; the logs show only scanning requests." }
      return
    end
    if not foothold(w) then
      w:note { vi = "Cổng TTĐT: rà soát lại toàn bộ mã nguồn và uploads — không còn tệp lạ.",
               en = "Portal: a full re-check of code and uploads — no foreign file left." }
      return
    end
    V.investigations = V.investigations + 1
    local deep = V.evidence_ok or V.investigations >= 2
    if not V.main_found then
      V.main_found, V.flaw_known = true, true
      w:note {
        vi = "Tìm thấy web shell /uploads/images/tin-tuc/anh_bia.php, tải lên lúc " .. logged_at(w, 1)
          .. " qua /ajax/upload.php (không kiểm tra phần mở rộng, cho phép chạy PHP trong uploads). "
          .. "Shell được gọi từ " .. SHELL_IP .. "; trước đó " .. SCAN_IP .. " dò quét. Hơn 300 bài "
          .. "viết cờ bạc ẩn được tạo lúc " .. logged_at(w, 5) .. ".",
        en = "Found web shell /uploads/images/tin-tuc/anh_bia.php, uploaded at " .. logged_at(w, 1)
          .. " through /ajax/upload.php (no extension check, PHP runs in uploads). Called from "
          .. SHELL_IP .. "; " .. SCAN_IP .. " scanned before. 300+ hidden gambling articles "
          .. "created at " .. logged_at(w, 5) .. "." }
    end
    if V.shell_hidden and not V.hidden_found then
      if deep then
        V.hidden_found = true
        w:note {
          vi = "Phân tích dòng thời gian hệ thống tệp: web shell thứ hai ngụy trang tại "
            .. "/uploads/files/2019/bieu-mau/.cache/index.php (thời gian bị giả mạo về 2019, tạo thật "
            .. "lúc " .. logged_at(w, 2) .. "). Nhật ký cho thấy kẻ tấn công đã đọc config.php (mật khẩu "
            .. "CSDL cms_app) và bảng tài khoản quản trị CMS: phải đổi các mật khẩu này SAU khi loại "
            .. "bỏ hết shell.",
          en = "File-system timeline: a second, disguised web shell at "
            .. "/uploads/files/2019/bieu-mau/.cache/index.php (timestamp forged to 2019, really "
            .. "created at " .. logged_at(w, 2) .. "). The logs show the attacker read config.php "
            .. "(cms_app database password) and the CMS admin table: rotate these AFTER every "
            .. "shell is removed." }
      else
        w:note {
          vi = "Mới kiểm tra bề mặt (tệp mới theo thời gian tạo). Kẻ tấn công có thể đã giả mạo thời "
            .. "gian tệp: cần phân tích dòng thời gian trên bản sao ổ đĩa, hoặc điều tra sâu thêm.",
          en = "Only a surface check so far (new files by creation time). Timestamps may be forged: "
            .. "analyse a timeline on a disk image, or investigate further." }
      end
    end
  elseif a.target == "waf" then
    if V.exploited then
      V.flaw_known = true
      w:note {
        vi = "Nhật ký WAF: chính sách của Cổng TTĐT ở chế độ giám sát (không chặn) từ đợt nâng cấp "
          .. "tháng trước. " .. SCAN_IP .. " dò quét; " .. SHELL_IP .. " tải anh_bia.php.jpg lên "
          .. "/ajax/upload.php rồi gọi /uploads/images/tin-tuc/anh_bia.php hàng chục lần. "
          .. "192.0.2.10 là máy quét của SOC.",
        en = "WAF logs: the portal's policy has been in detection-only mode since last month's "
          .. "upgrade. " .. SCAN_IP .. " scanned; " .. SHELL_IP .. " uploaded anh_bia.php.jpg to "
          .. "/ajax/upload.php, then called /uploads/images/tin-tuc/anh_bia.php dozens of times. "
          .. "192.0.2.10 is the SOC's scanner." }
    else
      w:note { vi = "Nhật ký WAF: dò quét từ " .. SCAN_IP .. "; 192.0.2.10 là đợt quét định kỳ của SOC tỉnh.",
               en = "WAF logs: scanning from " .. SCAN_IP .. "; 192.0.2.10 is the provincial SOC's weekly scan." }
    end
  elseif a.target == "db" then
    if V.exploited then
      w:note {
        vi = "CSDL: cms_app đọc toàn bộ bảng cms_users lúc " .. logged_at(w, 4) .. " và chèn hơn 300 bài "
          .. "viết lúc " .. logged_at(w, 5) .. ", đều từ máy chủ Cổng — không phải thao tác của biên tập "
          .. "viên. Không có kết nối từ máy khác.",
        en = "Database: cms_app read the whole cms_users table at " .. logged_at(w, 4) .. " and inserted "
          .. "300+ articles at " .. logged_at(w, 5) .. ", both from the portal server — not an editor's "
          .. "work. No connection from elsewhere." }
    end
  elseif a.target == "dichvucong" then
    w:note {
      vi = "Cổng Dịch vụ công: tiến trình chiếm CPU là tác vụ sao lưu và nén dữ liệu ban đêm (bắt đầu "
        .. "02:00) chạy kéo dài; không có tệp lạ, không có kết nối bất thường. Cảnh báo sai.",
      en = "Public-service portal: the CPU goes to the nightly backup and compression job (started "
        .. "02:00) that overran; no foreign file, no unusual connection. A false positive." }
  elseif a.target == "siem" then
    local chain_vi, chain_en = "", ""
    if V.exploited then
      chain_vi = " Chuỗi sự kiện: " .. SCAN_IP .. " dò quét → " .. SHELL_IP .. " tải tệp qua "
        .. "/ajax/upload.php (" .. logged_at(w, 1) .. ") → tệp .php mới trong uploads → cms_app đọc "
        .. "bảng quản trị (" .. logged_at(w, 4) .. ")."
      chain_en = " Chain: " .. SCAN_IP .. " scans → " .. SHELL_IP .. " uploads through "
        .. "/ajax/upload.php (" .. logged_at(w, 1) .. ") → new .php file in uploads → cms_app reads "
        .. "the admin table (" .. logged_at(w, 4) .. ")."
    end
    w:note { vi = "SIEM: 192.0.2.10 là máy quét lỗ hổng của chính SOC (lịch sáng thứ Hai)." .. chain_vi,
             en = "SIEM: 192.0.2.10 is the SOC's own vulnerability scanner (Monday schedule)." .. chain_en }
  end
end)

on("collect_evidence", function(w, a)
  local V = w.vars
  if a.target ~= "portal" then return end
  if not V.exploited then
    w:note { vi = "Bản sao lúc chưa có sự cố: chỉ dùng làm mốc so sánh.",
             en = "An image taken before anything happened: a baseline only." }
    return
  end
  V.evidence_ok = true
  w:note { vi = "Đã tạo bản sao ổ đĩa" .. (V.memory_lost and " (bộ nhớ đã mất do tắt máy)" or " và bộ nhớ")
             .. " máy chủ Cổng, tính mã băm SHA-256, lập biên bản chuỗi lưu giữ chứng cứ (người thực hiện, "
             .. "thời điểm theo giờ Việt Nam UTC+7, nơi cất giữ).",
           en = "Disk" .. (V.memory_lost and " (memory lost to the shutdown)" or " and memory")
             .. " images of the portal server taken, SHA-256 hashed, chain-of-custody record written "
             .. "(handler, time in UTC+7, storage place)." }
end)

on("shutdown", function(w, a)
  local V = w.vars
  if a.target == "portal" and w.asset.portal.compromised and not V.evidence_ok then
    V.memory_lost = true
    w:penalize("shutdown_instead_of_isolate")
    w:log { vi = "Tắt máy: tiến trình shell đang chạy và phiên kết nối của kẻ tấn công trong bộ nhớ bị mất.",
            en = "Shutdown: the running shell process and the attacker's sessions in memory are lost." }
  elseif a.target == "dichvucong" then
    w:penalize("disrupted_public_service")
  end
end)

on("isolate", function(w, a)
  if a.target == "dichvucong" then w:penalize("disrupted_public_service") end
end)

-- Rotating passwords while a shell remains is wasted: the shell reads config.php again.
on("reset_credentials", function(w, a)
  local V = w.vars
  if a.target ~= "portal" and a.target ~= "db" then return end
  if foothold(w) then
    w:log { vi = "Đổi mật khẩu khi shell còn trên máy chủ: kẻ tấn công đọc lại config.php mới.",
            en = "Passwords changed while a shell remains: the attacker reads the new config.php." }
    return
  end
  if a.target == "portal" then V.rotated_portal = true else V.rotated_db = true end
end)

on("block", function(w, a)
  if a.target == "192.0.2.10" then
    w:note { vi = "Lưu ý: 192.0.2.10 là máy quét lỗ hổng của chính SOC tỉnh; chặn nó làm hỏng lịch quét định kỳ.",
             en = "Note: 192.0.2.10 is the provincial SOC's own scanner; blocking it breaks the scheduled scans." }
  elseif a.target == SCAN_IP or a.target == SHELL_IP then
    w:log { vi = "Địa chỉ " .. a.target .. " bị chặn; bộ công cụ của kẻ tấn công đổi sang proxy khác.",
            en = a.target .. " blocked; the attacker's kit moves to another proxy." }
  end
end)

on("report", function(w, a)
  if a.target == "police" and has(a.facts, "evidence") then
    if w.vars.evidence_ok then
      w.vars.police_evidence = true
    else
      w:note { vi = "PA05 hỏi: chứng cứ (bản sao ổ đĩa, nhật ký, biên bản) ở đâu? Chưa có bản sao nào được lập.",
               en = "PA05 asks: where is the evidence (images, logs, custody record)? None has been taken." }
    end
  end
end)

-- A public statement (citizens, press) must say what happened; "maintenance" is not enough.
on("communicate", function(w, a)
  if not w.vars.exploited or a.target == "staff" then return end
  if has(a.facts, "impact") then
    w.vars.honest = true
  else
    w:penalize("understated_statement")
  end
end)

on("request_support", function(w, a)
  local V = w.vars
  if a.target == "vncert" then
    if V.exploited and V.shell_hidden and not V.hidden_found then
      V.hidden_found = true
      w:note { vi = "VNCERT/CC gửi bộ mẫu nhận diện web shell: phát hiện thêm /uploads/files/2019/bieu-mau/"
                 .. ".cache/index.php (thời gian giả mạo). Khuyến nghị đổi mọi mật khẩu trong config.php.",
               en = "VNCERT/CC sends web-shell signatures: they also match /uploads/files/2019/bieu-mau/"
                 .. ".cache/index.php (forged timestamp). Advice: rotate every password in config.php." }
    else
      w:note { vi = "VNCERT/CC tiếp nhận yêu cầu hỗ trợ và sẵn sàng phối hợp.",
               en = "VNCERT/CC acknowledges the request and stands by." }
    end
  elseif a.target == "vendor" then
    V.flaw_known = true
    w:note { vi = "Nhà cung cấp CMS xác nhận lỗi tải tệp ở /ajax/upload.php và gửi bản vá.",
             en = "The CMS vendor confirms the upload flaw in /ajax/upload.php and sends a patch." }
  end
end)

-- ───────────────────────────── scoring ───────────────────────────
-- Objectives: 100 points in all.
objective { id = "detect", capability = "detection", points = 10, by_turn = 4,
  label = { vi = "Phát hiện xâm nhập: xác nhận đúng cảnh báo tải tệp hoặc tệp .php mới trong vòng 1 giờ",
            en = "Detect the intrusion: confirm the upload or new .php alert within an hour" },
  explain = { vi = "Cảnh báo WAF về tệp 'anh_bia.php.jpg' và cảnh báo toàn vẹn tệp là dấu hiệu thật. Khi WAF "
                .. "đang ở chế độ giám sát, một cảnh báo mức trung bình có thể là xâm nhập đã thành công.",
              en = "The WAF alert on 'anh_bia.php.jpg' and the file-integrity alert were real. With the WAF "
                .. "in detection mode, a medium alert can be a successful intrusion." },
  met = function(w) return w:flagged("s_upload") or w:flagged("s_fim") end }

objective { id = "contain", capability = "containment", points = 15, by_turn = DEFACE_TURN - 1,
  label = { vi = "Ngăn chặn trước 10:00: cô lập Cổng hoặc bật trang bảo trì",
            en = "Contain before 10:00: isolate the portal or put up the maintenance page" },
  explain = { vi = "Trang bảo trì tại WAF (hoặc cô lập) cắt đường vào web shell mà vẫn giữ máy chạy để lấy "
                .. "chứng cứ; làm vậy trước 10:00 thì kẻ tấn công không thay được trang chủ.",
              en = "A maintenance page at the WAF (or isolation) cuts the way to the web shell while the "
                .. "server keeps running for evidence; done before 10:00, the home page is never defaced." },
  met = function(w)
    local P = w.asset.portal
    return w.vars.exploited and (P.isolated or P.vars.maintenance or not P.online)
  end }

objective { id = "evidence", capability = "evidence", points = 10,
  label = { vi = "Thu thập chứng cứ (ổ đĩa và bộ nhớ, chuỗi lưu giữ) trước khi xoá hay khôi phục",
            en = "Collect evidence (disk, memory, chain of custody) before deleting or restoring" },
  explain = { vi = "Xoá shell hay khôi phục trước khi tạo bản sao làm mất dấu vết; tắt máy làm mất bộ nhớ. "
                .. "Không có chứng cứ thì không thể chuyển vụ việc cho Công an.",
              en = "Deleting shells or restoring before imaging destroys traces; a shutdown loses memory. "
                .. "Without evidence the case cannot go to the police." },
  met = function(w)
    local V = w.vars
    return V.evidence_ok and not V.changed_before_evidence and not V.memory_lost
  end }

objective { id = "eradicate", capability = "eradication", points = 15,
  label = { vi = "Loại bỏ mọi web shell", en = "Remove every web shell" },
  explain = { vi = "Có hai web shell; shell thứ hai giả mạo thời gian và chỉ lộ ra khi phân tích dòng thời gian "
                .. "trên bản sao ổ đĩa, điều tra lần hai, hoặc nhờ mẫu nhận diện của VNCERT/CC.",
              en = "There were two web shells; the second had a forged timestamp and showed only in a "
                .. "timeline of the disk image, a second investigation, or VNCERT/CC's signatures." },
  met = function(w) return w.vars.exploited and not foothold(w) end }

objective { id = "patch", capability = "eradication", points = 5,
  label = { vi = "Vá lỗi tải tệp bị khai thác", en = "Patch the exploited upload flaw" },
  explain = { vi = "Còn lỗi tải tệp thì kẻ tấn công chỉ việc tải shell lên lần nữa. Cũng cần đưa WAF về chế độ chặn.",
              en = "With the upload flaw open the attacker simply uploads a shell again. Put the WAF back "
                .. "in blocking mode too." },
  met = function(w) return w.asset.portal.patched end }

objective { id = "credentials", capability = "eradication", points = 5,
  label = { vi = "Đổi mật khẩu quản trị CMS và CSDL sau khi đã loại bỏ shell",
            en = "Rotate the CMS admin and database passwords after the shells are gone" },
  explain = { vi = "config.php và bảng quản trị đã bị đọc. Đổi mật khẩu khi shell còn thì kẻ tấn công đọc được "
                .. "mật khẩu mới; không đổi thì họ đăng nhập lại bằng tài khoản hợp lệ.",
              en = "config.php and the admin table were read. Rotating while a shell remains hands over the "
                .. "new passwords; not rotating lets the attacker log back in as a valid user." },
  met = function(w) return w.vars.rotated_portal and w.vars.rotated_db end }

objective { id = "report_owner", capability = "reporting", points = 5, within_minutes = 120,
  label = { vi = "Báo cáo cơ quan chủ quản (hệ thống, ảnh hưởng) trước 10:00",
            en = "Report to the system owner (asset, impact) by 10:00" },
  explain = { vi = "Văn phòng UBND tỉnh là chủ quản Cổng; họ cần biết sớm để quyết định và trả lời báo chí.",
              en = "The Office of the People's Committee owns the portal; it needs to know early to decide "
                .. "and to answer the press." },
  met = function(w) return w:reported { to = "owner", facts = { "asset", "impact" } } end }

objective { id = "report_vncert", capability = "reporting", points = 10, within_minutes = 240,
  label = { vi = "Báo cáo VNCERT/CC (hệ thống, cấp độ, ảnh hưởng, dấu hiệu nhận biết) trong buổi sáng",
            en = "Report to VNCERT/CC (asset, level, impact, indicators) within the morning" },
  explain = { vi = "Theo QĐ 05/2017/QĐ-TTg và Thông tư 20/2017/TT-BTTTT, 5 ngày là thời hạn tối đa; báo ngay "
                .. "trong ca kèm địa chỉ IP, đường dẫn shell và tên miền cờ bạc giúp cảnh báo các tỉnh khác.",
              en = "Under Decision 05/2017 and Circular 20/2017, 5 days is the legal ceiling; reporting within "
                .. "the shift, with IPs, shell paths and the gambling domain, lets other provinces be warned." },
  met = function(w)
    return w:reported { to = "vncert", facts = { "asset", "level", "impact", "indicators" } }
  end }

objective { id = "report_police", capability = "reporting", points = 10, within_minutes = 480,
  label = { vi = "Chuyển Công an tỉnh (PA05) vụ việc có dấu hiệu tội phạm, kèm chứng cứ",
            en = "Hand the case, with evidence, to the provincial police cyber unit (PA05)" },
  explain = { vi = "Xâm nhập trái phép và quảng cáo cờ bạc là dấu hiệu tội phạm; báo cáo phải kèm chứng cứ đã "
                .. "được bảo toàn (bản sao, mã băm, biên bản).",
              en = "Unauthorised intrusion and gambling ads are signs of a crime; the report needs preserved "
                .. "evidence (images, hashes, custody record)." },
  met = function(w)
    return w.vars.police_evidence
      and w:reported { to = "police", facts = { "asset", "impact", "evidence" } }
  end }

objective { id = "communicate", capability = "communication", points = 5, by_turn = 16,
  label = { vi = "Thông tin trung thực cho người dân (nêu rõ ảnh hưởng) trước 12:00",
            en = "Tell citizens honestly (including the impact) by 12:00" },
  explain = { vi = "Người dân cần biết Cổng bị tấn công, không truy cập các liên kết cá cược và khi nào Cổng "
                .. "hoạt động lại. Chỉ nói 'bảo trì kỹ thuật' là giảm nhẹ sự việc.",
              en = "Citizens need to know the portal was attacked, to avoid the betting links and when it "
                .. "will be back. 'Technical maintenance' alone understates it." },
  met = function(w) return w.vars.honest end }

objective { id = "deindex", capability = "recovery", points = 5,
  label = { vi = "Gỡ các trang cờ bạc khỏi kết quả tìm kiếm", en = "Get the gambling pages out of search results" },
  explain = { vi = "Hàng trăm trang cờ bạc đã được lập chỉ mục dưới tên miền của Cổng; xoá trên máy chủ chưa "
                .. "đủ, phải yêu cầu công cụ tìm kiếm gỡ — sau khi nội dung đã bị xoá.",
              en = "Hundreds of gambling pages were indexed under the portal's domain; deleting them is not "
                .. "enough: ask the search engines to drop them — after the content is gone." },
  met = function(w) return w.vars.deindexed end }

objective { id = "restore", capability = "recovery", points = 5, by_turn = 24,
  label = { vi = "Cổng hoạt động trở lại, sạch và đã vá, trước 14:00",
            en = "Portal back in service, clean and patched, by 14:00" },
  explain = { vi = "Thứ tự đúng: chứng cứ → loại bỏ hết shell → vá → đổi mật khẩu → khôi phục nội dung → "
                .. "mở lại → theo dõi kẻ tấn công quay lại.",
              en = "The right order: evidence → remove every shell → patch → rotate passwords → restore "
                .. "content → reopen → watch for the attacker's return." },
  met = function(w)
    local P = w.asset.portal
    return is_open(w) and P.vars.restored and not P.compromised and not P.defaced
      and P.patched and not w.vars.spam
  end }

-- ───────────────────────────── metrics ───────────────────────────
-- What the review's times mean in this incident (the same tests as the contain and
-- restore objectives, without their deadlines). A maintenance page cuts the attacker
-- off without isolating the server, and the portal counts as back only when it serves
-- citizens again, so the default rule would give both times too late or too early:
--   contained  after the exploit, the attacker cannot reach the portal (isolated,
--              powered off, or behind the maintenance page);
--   recovered  the portal serves again, restored, clean, patched, the gambling pages gone.
metrics {
  contained = function(w)
    local P = w.asset.portal
    return w.vars.exploited and (P.isolated or P.vars.maintenance or not P.online)
  end,
  recovered = function(w)
    local P = w.asset.portal
    return is_open(w) and P.vars.restored and not P.compromised and not P.defaced
      and P.patched and not w.vars.spam
  end,
}

-- Penalties (w:penalize is called from the hooks above).
penalty { id = "restore_before_eradicate", capability = "recovery", points = 15,
  label = { vi = "Khôi phục giao diện khi chưa loại bỏ web shell",
            en = "Restored the page before removing the web shell" },
  explain = { vi = "Trang chủ đẹp trở lại nhưng web shell vẫn nằm trong uploads: kẻ tấn công quay lại sau 30 phút. "
                .. "Đây đúng là điều đã xảy ra với nhiều cổng .gov.vn năm 2023.",
              en = "The home page looked fine again but the shell was still in uploads: the attacker came back "
                .. "30 minutes later — exactly what happened to many .gov.vn sites in 2023." } }
penalty { id = "evidence_destroyed", capability = "evidence", points = 10,
  label = { vi = "Xoá hoặc khôi phục trước khi thu thập chứng cứ",
            en = "Deleted or restored before collecting evidence" },
  explain = { vi = "Tạo bản sao ổ đĩa và bộ nhớ, kèm biên bản, trước mọi thay đổi trên máy bị xâm nhập.",
              en = "Image disk and memory, with a custody record, before changing a compromised system." } }
penalty { id = "shutdown_instead_of_isolate", capability = "containment", points = 10,
  label = { vi = "Tắt máy chủ thay vì cô lập", en = "Powered the server off instead of isolating it" },
  explain = { vi = "Trang bảo trì hoặc cô lập đã đủ ngăn chặn; tắt máy làm mất tiến trình shell và phiên của kẻ "
                .. "tấn công trong bộ nhớ.",
              en = "A maintenance page or isolation was enough to contain; powering off lost the shell "
                .. "process and the attacker's sessions in memory." } }
penalty { id = "understated_statement", capability = "communication", points = 10,
  label = { vi = "Thông báo công khai giảm nhẹ sự cố", en = "A public statement that understated the incident" },
  explain = { vi = "Người dân đã thấy quảng cáo cờ bạc; một thông báo không nêu ảnh hưởng làm mất lòng tin khi "
                .. "sự thật lộ ra (bài học từ sự cố ransomware một công ty chứng khoán năm 2024).",
              en = "Citizens had seen the gambling ads; a statement without the impact costs trust when the "
                .. "truth comes out (the lesson of the 2024 securities-broker ransomware case)." } }
penalty { id = "reopened_without_rotation", capability = "recovery", points = 5,
  label = { vi = "Mở lại Cổng khi chưa đổi mật khẩu bị lộ",
            en = "Reopened the portal before rotating stolen passwords" },
  explain = { vi = "Mật khẩu CSDL và tài khoản quản trị CMS đã bị đọc; phải đổi trước khi mở lại.",
              en = "The database and CMS admin passwords had been read; rotate them before reopening." } }
penalty { id = "disrupted_public_service", capability = "analysis", points = 5,
  label = { vi = "Ngắt Cổng Dịch vụ công vì một cảnh báo sai",
            en = "Cut off the public-service portal over a false positive" },
  explain = { vi = "CPU cao trên Cổng Dịch vụ công do tác vụ sao lưu; điều tra trước khi ngắt một dịch vụ "
                .. "người dân đang dùng.",
              en = "The public-service portal's CPU was a backup job; investigate before cutting a service "
                .. "citizens rely on." } }

-- Hints, taken in order with the `hint` action.
hint { from_turn = 2, cost = 3,
  text = { vi = "Hai đợt quét cùng lúc: một đợt là máy quét định kỳ của SOC (xem mô tả SIEM). WAF đang ở chế độ "
             .. "giám sát — một tệp .php 'đội lốt' ảnh đi qua được thì phải coi là xâm nhập đã xảy ra.",
           en = "Two scans at once: one is the SOC's scheduled scanner (see the SIEM's description). The WAF is "
             .. "in detection mode — a .php file posing as an image that got through means assume a breach." } }
hint { from_turn = 4, cost = 5,
  text = { vi = "Web shell hiếm khi đi một mình. Bật trang bảo trì thay vì tắt máy, tạo bản sao ổ đĩa và bộ nhớ "
             .. "rồi điều tra lại: dòng thời gian trên bản sao cho thấy mọi tệp kẻ tấn công đã chạm vào.",
           en = "A web shell rarely comes alone. Put up the maintenance page rather than powering off, take disk "
             .. "and memory images, then investigate again: a timeline of the image shows every file touched." } }
hint { from_turn = 8, cost = 5,
  text = { vi = "Trước khi mở lại: loại bỏ hết shell → vá lỗi tải tệp → đổi mật khẩu CMS và CSDL → khôi phục "
             .. "nội dung → gỡ trang bảo trì → yêu cầu gỡ chỉ mục. Sai thứ tự là kẻ tấn công quay lại.",
           en = "Before reopening: remove every shell → patch the upload flaw → rotate CMS and database "
             .. "passwords → restore content → remove the maintenance page → de-index. Any other order lets "
             .. "the attacker back in." } }

-- ───────────────────────────── endings (order matters) ───────────
ending { id = "reinfected",
  text = { vi = "Kẻ tấn công đã quay lại sau khi đội xử lý và thay đổi giao diện Cổng lần nữa. Khôi phục "
             .. "trang chủ chưa phải là ứng cứu xong: còn shell, còn lỗ hổng hay còn mật khẩu cũ là còn cửa vào.",
           en = "The attacker came back after the team's clean-up and defaced the portal again. Restoring the "
             .. "home page is not the end of the response: a shell, the open flaw or an old password is still "
             .. "a way in." },
  when = function(w) return w.vars.reinfected end }

ending { id = "defaced_long",
  text = { vi = "Trang chủ Cổng TTĐT hiển thị nội dung cờ bạc suốt 3 giờ; báo chí đưa tin, Ban Chỉ đạo tiếp "
             .. "quản việc xử lý. Ngăn chặn sớm (trang bảo trì) là việc đầu tiên khi thấy cảnh báo.",
           en = "The portal's home page showed gambling content for 3 hours; the press reported it and the "
             .. "steering committee took over. Early containment (a maintenance page) comes first." },
  when = function(w) return w.vars.visible >= VISIBLE_LIMIT end }

ending { id = "restored_clean", success = true,
  text = { vi = "Cổng TTĐT hoạt động trở lại, sạch, đã vá; kẻ tấn công thử quay lại và thất bại. Hãy hoàn tất "
             .. "báo cáo cuối cùng trong 5 ngày và đưa bài học vào kế hoạch cải tiến.",
           en = "The portal is back, clean and patched; the attacker tried to return and failed. Finish the "
             .. "final report within 5 days and put the lessons into the improvement plan." },
  when = function(w)
    local P = w.asset.portal
    return w.vars.gave_up and is_open(w) and not P.compromised and not P.defaced and not w.vars.spam
  end }

-- ───────────────────────────── self-tests ────────────────────────
-- Turn arithmetic: an action queued in turn t with turns = k completes at the end
-- of turn t+k-1; each role has 2 action points per turn; one `end` line ends a turn.

test { name = "textbook response", seed = 1, inputs = [[
# turn 1 (08:00): two scans — the attacker's and the SOC's own weekly scan
soc triage s_scan true
soc triage s_vulnscan false
net block 203.0.113.45
end
# turn 2 (08:15): the upload got through the WAF — assume a breach
soc triage s_upload true
soc investigate portal
net maintenance_page
sys collect_evidence portal
end
# turn 3 (08:30): the second, deep investigation finds the hidden shell
soc triage s_fim true
soc investigate portal
net block 198.51.100.23
lead report owner --facts asset,level,impact
lead report vncert --facts asset,level,impact,indicators
comms communicate citizens --facts asset,impact,actions
end
# turn 4 (08:45): eradication takes two turns
sys eradicate portal
lead report police --facts asset,impact,evidence,indicators
soc triage s_dbaudit true
end
# turn 5 (09:00): eradication completes, then the patch
sys patch portal
soc triage s_search true
end
# turn 6 (09:15): passwords rotated only now, with no shell left
sys reset_credentials portal
sys reset_credentials db
end
# turn 7 (09:30): restore takes two turns
sys restore portal
end
# turn 8 (09:45)
end
# turn 9 (10:00): reopen and de-index
net maintenance_off
comms deindex
end
# turns 10-13: the attacker knocks four times and gives up
end
end
end
end
]], expect = { outcome = "restored_clean", min_score = 95,
               metrics = { detected_by = 30, contained_by = 30, recovered_by = 135 },
               objectives = { detect = true, contain = true, evidence = true, eradicate = true,
                              patch = true, credentials = true, report_owner = true,
                              report_vncert = true, report_police = true, communicate = true,
                              deindex = true, restore = true } } }

test { name = "sloppy: restore before eradicating", seed = 2, inputs = [[
end
# turn 2
soc triage s_upload true
end
# turn 3
soc triage s_fim true
lead report owner --facts asset,impact
end
# turn 4
sys patch portal
end
# turns 5-8: nothing
end
end
end
end
# turn 9 (10:00): the home page is defaced; restore it and call it maintenance
sys restore portal
comms communicate citizens --facts asset
end
# turn 10: the restore completes — the shells are still in uploads
end
# turn 11: the attacker sees the clean page
end
# turn 12: defaced again
end
]], expect = { outcome = "reinfected", max_score = 0,
               objectives = { detect = true, eradicate = false, restore = false },
               penalties = { "restore_before_eradicate", "evidence_destroyed", "understated_statement" } } }

test { name = "one shell missed", seed = 3, inputs = [[
end
# turn 2: contained, but only a surface investigation
soc triage s_upload true
soc investigate portal
net maintenance_page
end
# turn 3
sys collect_evidence portal
end
# turn 4: eradicate without looking again (completes end of turn 5)
sys eradicate portal
end
end
# turn 6: these resets are wasted — shell #2 reads the new config.php
sys patch portal
sys reset_credentials portal
end
# turn 7
sys reset_credentials db
end
# turn 8: restore (completes end of turn 9)
sys restore portal
end
end
# turn 10: reopen
net maintenance_off
end
# turns 11-12: the hidden shell still works
end
end
]], expect = { outcome = "reinfected", min_score = 35, max_score = 45,
               objectives = { contain = true, evidence = true, eradicate = false, credentials = false } } }

test { name = "shutdown mistake", seed = 4, inputs = [[
soc triage s_scan true
soc triage s_vulnscan false
end
# turn 2: the server is powered off — memory evidence lost
soc triage s_upload true
sys shutdown portal
end
# turn 3: disk image, then a deep investigation finds both shells
sys collect_evidence portal
soc investigate portal
lead report owner --facts asset,impact
lead report vncert --facts asset,level,impact,indicators
end
# turn 4
sys eradicate portal
lead report police --facts asset,impact,evidence
hint
end
end
# turn 6
sys patch portal
sys reset_credentials portal
end
# turn 7
sys reset_credentials db
comms communicate citizens --facts asset,impact,actions
end
# turn 8: restore brings the server back online at the end of turn 9
sys restore portal
end
end
# turn 10
comms deindex
end
end
end
end
]], expect = { outcome = "restored_clean", min_score = 70, max_score = 80,
               objectives = { contain = true, evidence = false, eradicate = true, restore = true },
               penalties = { "shutdown_instead_of_isolate" } } }

test { name = "idle team", seed = 5, inputs = string.rep("end\n", 20),
       expect = { outcome = "defaced_long", max_score = 0,
                  metrics = { detected_by = false, contained_by = false, recovered_by = false },
                  objectives = { detect = false, contain = false } } }

test { name = "contained, then nothing", seed = 6,
       inputs = "end\nsys isolate portal\n" .. string.rep("end\n", 31),
       expect = { outcome = "timeout", score = 15,
                  objectives = { contain = true, detect = false, restore = false } } }
