-- land-db-leak.lua — leak of the provincial land database through an API flaw, and the
-- 72-hour clock to A05 (scenario API v1).
--
-- Lộ lọt CSDL đất đai tỉnh qua lỗ hổng API tra cứu: dữ liệu cá nhân của hàng trăm nghìn
-- người bị rao bán; thời hạn 72 giờ thông báo A05 tính từ khi vi phạm xảy ra.
-- The provincial land database leaks through the lookup API's broken authorisation:
-- personal data of hundreds of thousands of people is offered for sale; the 72-hour
-- notice to A05 counts from when the breach happened, not from when the team noticed.
--
-- ─────────────────────────────────────────────────────────────────────────────
-- FOR TRAINERS: THE PLOT (ground truth — players never see this part)
-- ─────────────────────────────────────────────────────────────────────────────
-- Based on outline 4 of the domain notes and on the 2025 claimed leak of a national
-- credit database (the national coordinator warned the public to expect follow-on fraud).
-- One turn = 2 hours, so the 72-hour clock is playable: turn 1 starts Friday 20:00, and
-- 72 hours after the breach began is the end of turn 36 (Monday 20:00).
--
--   before       The attacker decompiles the "Đất đai tỉnh" mobile app and finds its
--                static API key (T1552.001); enumerates the lookup API (T1595.002) and
--                finds that /api/v2/hoso/{id} returns ANY land record — owner's name,
--                citizen ID number, date of birth, address, phone, parcel, certificate
--                number and a scan of the ID card — for any id (broken object-level
--                authorisation, T1190).
--   turn 1  Fri 20:04  Bulk extraction begins from three rented servers (T1119), about
--                260,000 records per 2 hours, pulled over HTTPS (T1567). The minute the
--                violation occurred is the start of the session.
--   turn 1-3     Signals: request rate x100, sequential ids, large outbound volume; a
--                false positive (the nightly sync to the national land database).
--   blocking an address stops it for one turn; the attacker moves to new addresses.
--   rate limiting slows it to 12,000 per turn; disabling the endpoint, isolating the API
--   or the database, or the fix stops it.
--   turn 7  Sat 08:00  The one-stop desk reports slow lookups (if it is still running).
--   turn 8       A false positive: lookups x6 after a TV report on the new land prices.
--   turn 9  Sat 12:00  VNCERT/CC: the data is offered for sale on a forum, with a sample.
--   turn 11      The press asks for comment.
--   turn 13 Sat 20:00  The API servers' local access logs roll over: unless preserved
--                (collect_evidence api), the first night's requests are gone; the
--                redeployment of a patch also wipes them.
--   turn 19 Sun 08:00  Fraud calls begin: "land officers" who know citizens' ID numbers
--                and parcels ask for fees. No public warning by then: a penalty.
--   turn 36 Mon 20:00  72 hours since the breach began.
--
-- Reopening the endpoint (or reconnecting the API) before the fix: the attacker, who
-- polls every few minutes, resumes at once — the "second_leak" ending.
--
-- The 72-hour clock (declare_breach): the breach record must count from when the
-- violation occurred. The team learns that minute from the API access logs
-- (investigate api, while they exist) or the database audit log (investigate landdb).
-- Declaring before establishing it counts from "now" — the clock starts late (penalty).
-- The A05 notice must include the number of records and people (size_leak first), else
-- the no_record_count penalty and a notice A05 sends back.
--
-- Endings (in this order):
--   second_leak      the endpoint reopened before the fix and the attacker resumed;
--   deadline_missed  72 hours passed with no breach notice (personal data) to A05;
--   closed           flaw fixed, service back, complete A05 notice, citizens warned (success);
--   timeout          (automatic) after turn 40 (Tuesday 04:00), e.g. service never back.
--
-- Scoring (100): detect 5, stop by 04:00 10, preserve logs 10, size 10, fix 10,
-- A05 complete within 72 h 20, clock declared right 5, owner 5, VNCERT/CC 5, police 5,
-- sector 5, citizen warning before the fraud starts 10. Penalties: clock started late 10,
-- no record count 10, no warning before the fraud 10, contacting the seller 10,
-- understated statement 5, evidence destroyed 5. Hints cost 3, 5, 5.
-- ─────────────────────────────────────────────────────────────────────────────

scenario {
  id = "land-db-leak", version = 2, api = 1,
  title = {
    vi = "Lộ lọt CSDL đất đai tỉnh qua lỗ hổng API: đồng hồ 72 giờ thông báo A05",
    en = "Provincial land database leak through an API flaw: the 72-hour clock to A05",
  },
  summary = {
    vi = "Tối thứ Sáu, API tra cứu đất đai của tỉnh nhận lượng truy vấn gấp trăm lần bình thường. Dữ liệu cá "
      .. "nhân của người sử dụng đất (kể cả ảnh CCCD) đang bị rút ra qua một lỗ hổng phân quyền. Đội ứng cứu "
      .. "phải ngăn chặn, bảo toàn nhật ký, xác định quy mô, vá lỗi, cảnh báo người dân trước khi kẻ lừa đảo "
      .. "ra tay — và thông báo A05 trong 72 giờ kể từ khi vi phạm xảy ra, không phải kể từ khi phát hiện.",
    en = "Friday night: the province's land lookup API gets a hundred times its normal traffic. Land "
      .. "users' personal data (ID card scans included) is being pulled out through an authorisation flaw. "
      .. "The team must stop it, preserve the logs, size the breach, fix the flaw, warn citizens before the "
      .. "fraudsters strike — and notify A05 within 72 hours of when the breach happened, not of when it was noticed.",
  },
  difficulty = "intermediate",
  turn_minutes = 120, max_turns = 40, action_points = 2, start_time = "20:00",
  attack = { "T1552.001", "T1595.002", "T1190", "T1119", "T1090", "T1567" },
}

-- Tuning knobs (turn numbers; one turn = 2 hours, turn 1 starts Friday 20:00).
local SALE_TURN      = 9      -- Sat 12:00 VNCERT/CC reports the sale
local PRESS_TURN     = 11     -- Sat 16:00 the press asks
local LOG_LOSS_TURN  = 13     -- Sat 20:00 the API servers' local logs roll over
local FRAUD_TURN     = 19     -- Sun 08:00 fraud calls begin
local DEADLINE_TURN  = 36     -- Mon 20:00 = 4320 minutes after the breach began
local FULL_RATE      = 260000 -- records per turn, unthrottled
local LIMITED_RATE   = 12000  -- records per turn, rate-limited
local TOTAL_RECORDS  = 2140000
local PEOPLE_PER_1000 = 710   -- distinct people per 1,000 records (co-owners, several parcels)

-- Indicators (documentation addresses and example domains only).
local IPS1 = { "203.0.113.21", "203.0.113.22", "203.0.113.23" }
local IPS2 = { "198.51.100.140", "198.51.100.141", "198.51.100.142" }
local API_HOST, FORUM = "api.datdai.tinh.example", "chodulieu.example"

-- ───────────────────────────── roles ─────────────────────────────
role { id = "lead",  name = { vi = "Trưởng nhóm ứng cứu", en = "Incident lead" },
       desc = { vi = "Điều phối, quyết định, báo cáo cơ quan chủ quản và cơ quan chức năng.",
                en = "Coordinates, decides, reports to the owner and the authorities." } }
role { id = "soc",   name = { vi = "Chuyên viên giám sát (SOC)", en = "SOC analyst" },
       desc = { vi = "Phân loại cảnh báo, điều tra nhật ký API và CSDL, bảo toàn chứng cứ.",
                en = "Triages alerts, investigates API and database logs, preserves evidence." } }
role { id = "sys",   name = { vi = "Quản trị hệ thống", en = "System administrator" },
       desc = { vi = "Quản trị máy chủ API và CSDL đất đai; tắt/bật chức năng, vá lỗi cùng đơn vị phát triển.",
                en = "Runs the API servers and the land database; switches features, fixes with the developer." } }
role { id = "net",   name = { vi = "Quản trị mạng", en = "Network administrator" },
       desc = { vi = "Tường lửa, cổng API: chặn địa chỉ, giới hạn tần suất, cô lập.",
                en = "Firewall and API gateway: blocking, rate limits, isolation." } }
role { id = "comms", name = { vi = "Phụ trách truyền thông", en = "Communications officer" },
       desc = { vi = "Thông báo cho người dân, báo chí; cảnh báo lừa đảo.",
                en = "Citizens and press; fraud warnings." } }
role { id = "dpo",   name = { vi = "Cán bộ bảo vệ dữ liệu cá nhân", en = "Data protection officer" },
       desc = { vi = "Xác định vi phạm dữ liệu cá nhân, quy mô, lập hồ sơ và thông báo A05 trong 72 giờ.",
                en = "Determines the personal-data breach and its size, keeps the record, notifies A05 within 72 hours." } }

-- ───────────────────────────── assets ────────────────────────────
asset { id = "api", kind = "api", level = 3, zone = "dmz",
        name = { vi = "API tra cứu thông tin đất đai (" .. API_HOST .. ")",
                 en = "Land information lookup API (" .. API_HOST .. ")" },
        desc = { vi = "Phục vụ ứng dụng di động 'Đất đai tỉnh' và tra cứu trên Cổng Dịch vụ công. Nhật ký truy cập "
                   .. "chi tiết chỉ lưu cục bộ trên các máy chủ API, xoay vòng sau 24 giờ; SIEM chỉ nhận số liệu tổng hợp. "
                   .. "Triển khai lại (khi vá) tạo máy chủ mới từ ảnh chuẩn.",
                 en = "Serves the 'Land of the province' mobile app and lookups on the public-service portal. Detailed "
                   .. "access logs live only on the API servers and roll over after 24 hours; the SIEM gets only "
                   .. "aggregates. A redeployment (for a fix) builds fresh servers from a base image." },
        vars = { endpoint_off = false, rate_limited = false } }
asset { id = "landdb", kind = "database", level = 4, zone = "internal",
        name = { vi = "CSDL đất đai tỉnh", en = "Provincial land database" },
        desc = { vi = "Khoảng 2,14 triệu hồ sơ đăng ký đất đai, thành phần của CSDL đất đai quốc gia. Nhật ký kiểm "
                   .. "toán truy vấn lưu 90 ngày.",
                 en = "About 2.14 million land registration records, part of the national land database. Query "
                   .. "audit logs are kept 90 days." } }
asset { id = "siem", kind = "siem", level = 3, zone = "soc",
        name = { vi = "SIEM của SOC tỉnh", en = "Provincial SOC SIEM" },
        desc = { vi = "Số liệu tổng hợp của cổng API, tường lửa, CSDL; lịch các tác vụ định kỳ.",
                 en = "Aggregates from the API gateway, firewall and database; the schedule of recurring jobs." } }
link("api", "landdb")
link("siem", "api")
link("siem", "landdb")

-- ───────────────────────────── reports ───────────────────────────
recipient { id = "owner", name = { vi = "Sở Nông nghiệp và Môi trường (chủ quản hệ thống)",
                                   en = "Department of Agriculture and Environment (system owner)" } }
recipient { id = "sector", name = { vi = "Bộ Nông nghiệp và Môi trường (quản lý ngành đất đai)",
                                    en = "Ministry of Agriculture and Environment (land sector)" } }
fact { id = "records", name = { vi = "Số bản ghi và số người bị ảnh hưởng",
                                en = "Number of records and of people affected" } }

-- ───────────────────────────── signals ───────────────────────────
-- The attack (truth = true).
signal { id = "s_rate", source = "api-gateway", severity = "medium", asset = "api", truth = true,
         technique = "T1190",
         text = { vi = "Cổng API: /api/v2/hoso nhận 2.150 yêu cầu/phút (bình thường ban đêm ~20) từ " .. IPS1[1] .. ", "
                    .. IPS1[2] .. ", " .. IPS1[3] .. ", đều dùng khoá API của ứng dụng di động; mọi yêu cầu trả 200 OK.",
                  en = "API gateway: /api/v2/hoso is getting 2,150 requests/minute (normally ~20 at night) from "
                    .. IPS1[1] .. ", " .. IPS1[2] .. ", " .. IPS1[3] .. ", all with the mobile app's API key; every "
                    .. "request answers 200 OK." } }
signal { id = "s_seq", source = "api-gateway", severity = "medium", asset = "api", truth = true,
         technique = "T1119",
         text = { vi = "Phân tích truy vấn: mã hồ sơ được yêu cầu tăng dần liên tục (…1048211, 1048212, 1048213…), "
                    .. "không qua bước tìm kiếm nào — kiểu duyệt tuần tự của công cụ tự động.",
                  en = "Query analysis: record ids requested in a steady ascending run (…1048211, 1048212, 1048213…) "
                    .. "with no search step before — the sequential walk of an automated tool." } }
signal { id = "s_egress", source = "firewall", severity = "medium", asset = "api", truth = true,
         technique = "T1567",
         text = { vi = "Tường lửa: dữ liệu trả ra từ các máy chủ API tới 3 địa chỉ nước ngoài đạt 41 GB trong 4 giờ "
                    .. "qua HTTPS — gấp 60 lần lưu lượng tra cứu cả ngày thường.",
                  en = "Firewall: 41 GB returned from the API servers to 3 foreign addresses over HTTPS in 4 hours — "
                    .. "60 times a normal day's lookup traffic." } }
signal { id = "s_rotate", source = "api-gateway", severity = "medium", asset = "api", truth = true,
         technique = "T1090",
         text = { vi = "Cổng API: sau khi các địa chỉ cũ bị chặn, truy vấn tuần tự tiếp tục từ " .. IPS2[1] .. ", "
                    .. IPS2[2] .. ", " .. IPS2[3] .. " — cùng khoá API, cùng nhịp độ, tiếp tục từ mã hồ sơ đã dừng.",
                  en = "API gateway: with the old addresses blocked, the sequential queries go on from " .. IPS2[1]
                    .. ", " .. IPS2[2] .. ", " .. IPS2[3] .. " — same key, same pace, resuming at the id where they stopped." } }
signal { id = "s_slow", source = "phone", severity = "low", asset = "api", truth = true,
         text = { vi = "Bộ phận Một cửa của Văn phòng đăng ký đất đai: tra cứu hồ sơ trên Cổng Dịch vụ công chậm "
                    .. "bất thường từ sáng, có lúc báo lỗi quá thời gian.",
                  en = "The land registration office's one-stop desk: record lookups on the public-service portal "
                    .. "have been unusually slow since the morning, sometimes timing out." } }
signal { id = "s_sale", source = "vncert", severity = "critical", asset = "landdb", truth = true,
         text = { vi = "VNCERT/CC: diễn đàn " .. FORUM .. " rao bán 'dữ liệu đất đai tỉnh', kèm 1.000 bản ghi mẫu (họ "
                    .. "tên, số CCCD, địa chỉ, số thửa, ảnh CCCD). Đề nghị tỉnh xác minh và xử lý.",
                  en = "VNCERT/CC: the forum " .. FORUM .. " offers 'the province's land data' for sale with a "
                    .. "1,000-record sample (names, ID numbers, addresses, parcels, ID card scans). Please verify and act." } }
signal { id = "s_press", source = "press", severity = "high", asset = "landdb", truth = true,
         text = { vi = "Một báo điện tử đề nghị Sở Nông nghiệp và Môi trường xác nhận thông tin dữ liệu đất đai của "
                    .. "tỉnh bị rao bán trên mạng.",
                  en = "An online newspaper asks the Department of Agriculture and Environment to confirm that the "
                    .. "province's land data is being sold online." } }
signal { id = "s_fraud", source = "hotline", severity = "high", asset = "landdb", truth = true,
         technique = "T1566.004",
         text = { vi = "Đường dây nóng: 37 cuộc gọi từ sáng — người dân bị gọi bởi 'cán bộ địa chính' đọc đúng số CCCD, "
                    .. "số thửa đất, yêu cầu chuyển 'phí cập nhật sổ đỏ điện tử' hoặc cài ứng dụng để 'xác thực'.",
                  en = "Hotline: 37 calls since the morning — citizens phoned by 'land officers' who read out their ID "
                    .. "number and parcel, asking for an 'electronic land certificate update fee' or to install an "
                    .. "app to 'verify'." } }
signal { id = "s_resume", source = "api-gateway", severity = "critical", asset = "api", truth = true,
         technique = "T1190",
         text = { vi = "Cổng API: vài phút sau khi chức năng tra cứu mở lại, truy vấn tuần tự tiếp tục với tốc độ tối "
                    .. "đa, từ mã hồ sơ đã dừng lần trước.",
                  en = "API gateway: minutes after the lookup feature reopened, the sequential queries are back at "
                    .. "full speed, from the id where they stopped last time." } }
signal { id = "s_steering", source = "authority", severity = "high", asset = "landdb", truth = true,
         text = { vi = "Văn phòng UBND tỉnh: Chủ tịch UBND tỉnh yêu cầu báo cáo trước 10:00 về vụ lộ dữ liệu đất đai: "
                    .. "quy mô, đã thông báo cơ quan chức năng chưa, biện pháp bảo vệ người dân.",
                  en = "People's Committee Office: the Chairman wants a report by 10:00 on the land data leak: its "
                    .. "size, whether the authorities were notified, how citizens are protected." } }

-- False positives (truth = false).
signal { id = "s_fp_sync", source = "database", severity = "medium", asset = "landdb", truth = false,
         technique = "T1119",
         text = { vi = "CSDL: một phiên đọc 480.000 bản ghi trong 25 phút, kết quả truy vấn rất lớn, từ máy chủ "
                    .. "192.0.2.30 (vùng máy chủ nội bộ).",
                  en = "Database: one session read 480,000 records in 25 minutes, very large result sets, from "
                    .. "server 192.0.2.30 (internal server zone)." } }
signal { id = "s_fp_spike", source = "api-gateway", severity = "medium", asset = "api", truth = false,
         text = { vi = "Cổng API: tra cứu bảng giá đất tăng gấp 6 lần từ 09:00, từ hàng chục nghìn địa chỉ trong nước.",
                  en = "API gateway: land-price lookups up sixfold since 09:00, from tens of thousands of Vietnamese "
                    .. "addresses." } }
signal { id = "s_fp_scan", source = "ids", severity = "low", asset = "api", truth = false,
         technique = "T1595.002",
         text = { vi = "IDS: 192.0.2.10 quét cổng và thư mục trên " .. API_HOST .. ".",
                  en = "IDS: 192.0.2.10 is scanning ports and paths on " .. API_HOST .. "." } }

-- Everyday noise (every(4) below).
signal { id = "n_ssh", source = "firewall", severity = "low", truth = false,
         text = { vi = "Tường lửa: 2.100 lần thử đăng nhập SSH từ 198.51.100.77, đều bị chặn.",
                  en = "Firewall: 2,100 SSH login attempts from 198.51.100.77, all blocked." } }
signal { id = "n_backup", source = "backup", severity = "info", truth = false,
         text = { vi = "Sao lưu: bản sao lưu đêm của CSDL đất đai hoàn tất, kiểm tra toàn vẹn đạt.",
                  en = "Backup: the nightly land database backup finished; integrity check passed." } }
signal { id = "n_cert", source = "monitoring", severity = "info", truth = false,
         text = { vi = "Chứng chỉ TLS của " .. API_HOST .. " hết hạn sau 40 ngày.",
                  en = "The TLS certificate of " .. API_HOST .. " expires in 40 days." } }
signal { id = "n_disk", source = "monitoring", severity = "low", truth = false,
         text = { vi = "Giám sát hạ tầng: phân vùng nhật ký máy chủ API đạt 78%.",
                  en = "Infrastructure monitoring: the API servers' log partition is 78% full." } }
signal { id = "n_mail", source = "mail-gateway", severity = "low", truth = false,
         text = { vi = "Cổng thư: chặn 380 thư rác trong 2 giờ — mức thường ngày.",
                  en = "Mail gateway: 380 spam e-mails blocked in 2 hours — a normal level." } }
signal { id = "n_vpn", source = "vpn", severity = "low", truth = false,
         text = { vi = "VPN: kỹ sư trực của đơn vị phát triển đăng nhập kiểm tra định kỳ cuối tuần (có trong lịch).",
                  en = "VPN: the developer's on-call engineer signed in for the scheduled weekend check." } }

-- ───────────────────────────── helpers ───────────────────────────
local DAYS_VI = { "Thứ Sáu", "Thứ Bảy", "Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm" }
local DAYS_EN = { "Friday", "Saturday", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday" }

-- Weekday and time of a session minute (minute 0 = Friday 20:00, start_time):
-- w:clock gives the time and the day (0 the first); the weekday names are ours.
local function when_at(w, minute)
  local t, day = w:clock(minute)
  t = t:sub(1, 5)                          -- "HH:MM" without the "(+N)" day marker
  local d = day % 7 + 1
  return { vi = DAYS_VI[d] .. " " .. t, en = DAYS_EN[d] .. " " .. t }
end

-- 1234567 -> "1.234.567" (vi) / "1,234,567" (en).
local function num(n, sep)
  local s = tostring(math.floor(n))
  local out = s:reverse():gsub("(%d%d%d)", "%1" .. sep):reverse()
  if out:sub(1, 1) == sep then out = out:sub(2) end
  return out
end
local function nums(n) return { vi = num(n, "."), en = num(n, ",") } end

local function has(list, x)
  for _, v in ipairs(list or {}) do
    if v == x then return true end
  end
  return false
end

local function has_all(list, xs)
  for _, x in ipairs(xs) do
    if not has(list, x) then return false end
  end
  return true
end

-- Can the attacker pull records right now?
local function reachable(w)
  local A, D = w.asset.api, w.asset.landdb
  return A.online and not A.isolated and not A.vars.endpoint_off and not A.patched
    and D.online and not D.isolated
end

local function people(records) return records * PEOPLE_PER_1000 // 1000 end

-- The API servers' local logs are gone (rolled over or wiped by a redeployment).
local function lose_logs(w, why)
  local V = w.vars
  if V.logs_saved or V.logs_lost then return end
  V.logs_lost = true
  w:log(why)
end

-- ───────────────────────────── the attacker's script ─────────────
at(1, function(w)
  local V = w.vars
  V.records, V.block_hold, V.rotations, V.closed_once, V.resumed = 0, 0, 0, false, false
  V.logs_saved, V.logs_lost, V.flaw_known, V.start_known, V.pd_known = false, false, false, false, false
  V.sized, V.sized_records, V.sized_exact = false, 0, false
  V.declared, V.clock_ok, V.a05_ok, V.notice_ready, V.honest = false, false, false, false, false
  V.police_ok, V.contacted, V.warned_by_fraud = false, false, false
  V.noise_left = { "n_ssh", "n_backup", "n_cert", "n_disk", "n_mail", "n_vpn" }
  w:compromise("api", { technique = "T1190" })
  w:log { vi = "Thứ Sáu 20:04: từ " .. IPS1[1] .. "–23, kẻ tấn công dùng khoá API tĩnh lấy từ ứng dụng di động, "
            .. "duyệt tuần tự /api/v2/hoso/{id}: API trả về đầy đủ hồ sơ bất kể người gọi là ai (lỗi phân quyền "
            .. "theo đối tượng). Đây là thời điểm vi phạm xảy ra — mốc của thời hạn 72 giờ.",
          en = "Friday 20:04: from " .. IPS1[1] .. "–23 the attacker uses the static API key taken from the mobile "
            .. "app and walks /api/v2/hoso/{id}: the API returns the full record whoever asks (broken object-level "
            .. "authorisation). This is when the breach occurred — the start of the 72-hour clock." }
  w:signal("s_rate")
  w:signal("s_fp_sync")
end)

at(2, function(w) w:signal("s_seq") end)
at(3, function(w) if w.vars.records > 2 * FULL_RATE - 1 then w:signal("s_egress") end end)
at(8, function(w) w:signal("s_fp_spike") end)
at(14, function(w) w:signal("s_fp_scan") end)
at(25, function(w) w:signal("s_steering") end)

-- Every turn, at its start: the extraction, and what follows from it.
every(1, function(w)
  local V, t = w.vars, w.turn

  if reachable(w) and V.records < TOTAL_RECORDS then
    if V.closed_once and not V.resumed then
      V.resumed = true
      w:log { vi = "Chức năng tra cứu mở lại khi lỗ hổng chưa được vá: kẻ tấn công, vẫn thăm dò vài phút một lần, "
                .. "tiếp tục rút dữ liệu.",
              en = "The lookup reopened before the fix: the attacker, still polling every few minutes, resumes "
                .. "the extraction." }
      w:signal("s_resume")
    end
    local rate = w.asset.api.vars.rate_limited and LIMITED_RATE or FULL_RATE
    if V.block_hold > 0 then
      V.block_hold, rate = 0, 0
      V.rotations = V.rotations + 1
      w:log { vi = "Các địa chỉ của kẻ tấn công bị chặn; sau vài giờ dò, chúng chuyển sang dải máy chủ thuê khác.",
              en = "The attacker's addresses are blocked; after a few hours' probing they move to other rented servers." }
      if V.rotations == 1 then w:signal("s_rotate") end
    end
    rate = math.min(rate, TOTAL_RECORDS - V.records)
    V.records = V.records + rate
  elseif not reachable(w) and V.records > 0 and not V.closed_once then
    V.closed_once = true
    w:log { vi = "Truy vấn của kẻ tấn công trả về lỗi: đường rút dữ liệu đã bị đóng. Kẻ tấn công tiếp tục thăm dò "
              .. "vài phút một lần.",
            en = "The attacker's queries fail: the extraction path is closed. The attacker keeps polling every few minutes." }
  end

  if t == 7 and reachable(w) then w:signal("s_slow") end

  if t == SALE_TURN then
    local n = nums(V.records)
    w:signal("s_sale", { text = {
      vi = "VNCERT/CC: diễn đàn " .. FORUM .. " rao bán 'dữ liệu đất đai tỉnh — " .. n.vi .. " hồ sơ', kèm 1.000 bản ghi "
        .. "mẫu (họ tên, số CCCD, ngày sinh, địa chỉ, số thửa, ảnh CCCD). Đề nghị tỉnh xác minh và xử lý.",
      en = "VNCERT/CC: the forum " .. FORUM .. " offers 'the province's land data — " .. n.en .. " records' for sale, with "
        .. "a 1,000-record sample (names, ID numbers, dates of birth, addresses, parcels, ID card scans). Please "
        .. "verify and act." } })
    w:log { vi = "Kẻ tấn công rao bán " .. n.vi .. " hồ sơ trên " .. FORUM .. ".",
            en = "The attacker offers " .. n.en .. " records on " .. FORUM .. "." }
  end
  if t == PRESS_TURN then w:signal("s_press") end

  if t == LOG_LOSS_TURN then
    lose_logs(w, { vi = "Nhật ký truy cập cục bộ trên máy chủ API xoay vòng: các yêu cầu đêm thứ Sáu bị ghi đè.",
                   en = "The API servers' local access logs roll over: Friday night's requests are overwritten." })
  end

  if t == FRAUD_TURN then
    w:signal("s_fraud")
    if not V.honest then
      V.warned_by_fraud = true
      w:penalize("no_warning")
      w:log { vi = "Kẻ lừa đảo dùng dữ liệu bị lộ gọi cho người dân trước khi tỉnh có bất kỳ cảnh báo nào.",
              en = "Fraudsters call citizens with the leaked data before the province has warned anyone." }
    end
  end
end)

every(4, function(w)
  local left = w.vars.noise_left
  if #left > 0 and w:chance(0.6) then
    w:signal(table.remove(left, w:random(1, #left)))
  end
end)

-- ───────────────────────────── actions ───────────────────────────
-- Scenario verbs: "net rate_limit", "sys disable_endpoint", "sys enable_endpoint",
-- "dpo size_leak", "dpo declare_breach", "comms prepare_notice", "lead contact_seller".
action { id = "rate_limit", roles = { "net", "sys" }, cost = 1, turns = 1, target = "none",
  label = { vi = "Giới hạn tần suất truy vấn tại cổng API", en = "Rate-limit the API at the gateway" },
  help = { vi = "Giới hạn số truy vấn mỗi phút cho mỗi địa chỉ và mỗi khoá API; dịch vụ vẫn chạy.",
           en = "Cap requests per minute for each address and each API key; the service keeps running." },
  run = function(w, a)
    w:set("api", "rate_limited", true)
    w:note { vi = "Đã giới hạn 30 truy vấn/phút cho mỗi địa chỉ và mỗi khoá. Kẻ tấn công dùng nhiều địa chỉ nên "
               .. "vẫn rút được dữ liệu, nhưng chậm hơn nhiều.",
             en = "Capped at 30 requests/minute per address and per key. With many addresses the attacker still "
               .. "pulls data, much more slowly." }
  end }

action { id = "disable_endpoint", roles = { "sys", "net" }, cost = 1, turns = 1, target = "none",
  label = { vi = "Tạm dừng chức năng tra cứu hồ sơ (/api/v2/hoso)", en = "Suspend the record lookup (/api/v2/hoso)" },
  help = { vi = "Chặn đường dẫn bị khai thác tại cổng API; các chức năng khác (bảng giá đất, thủ tục) vẫn chạy, "
             .. "người dân tạm không tra cứu được hồ sơ của mình.",
           en = "Block the exploited path at the gateway; other features (land prices, procedures) keep running, "
             .. "citizens cannot look up their records for now." },
  run = function(w, a)
    w:set("api", "endpoint_off", true)
    w:note { vi = "Chức năng tra cứu hồ sơ đã tạm dừng; ứng dụng hiển thị thông báo bảo trì cho mục này.",
             en = "The record lookup is suspended; the app shows a maintenance notice for it." }
  end }

action { id = "enable_endpoint", roles = { "sys", "net" }, cost = 1, turns = 1, target = "none",
  label = { vi = "Mở lại chức năng tra cứu hồ sơ", en = "Reopen the record lookup" },
  run = function(w, a)
    w:set("api", "endpoint_off", false)
    w:note { vi = "Chức năng tra cứu hồ sơ đã mở lại cho người dân.", en = "The record lookup is open to citizens again." }
  end }

action { id = "size_leak", roles = { "dpo", "soc" }, cost = 2, turns = 2, target = "none",
  label = { vi = "Xác định quy mô: số bản ghi, số người, loại dữ liệu", en = "Size the breach: records, people, data types" },
  help = { vi = "Đối chiếu nhật ký truy cập API với CSDL để đếm chính xác hồ sơ đã bị lấy và số người liên quan; "
             .. "mất khoảng 4 giờ.",
           en = "Match the API access logs against the database to count exactly the records taken and the people "
             .. "involved; about 4 hours." },
  run = function(w, a)
    local V = w.vars
    V.sized, V.sized_records, V.pd_known = true, V.records, true
    V.sized_exact = not V.logs_lost
    local n, p = nums(V.records), nums(people(V.records))
    local going = reachable(w)
    if V.sized_exact then
      w:note { vi = "Quy mô (từ nhật ký API, chính xác): " .. n.vi .. " hồ sơ của khoảng " .. p.vi .. " người — họ tên, "
                 .. "số CCCD, ngày sinh, địa chỉ, số điện thoại, thông tin thửa đất, số giấy chứng nhận và ảnh chụp "
                 .. "CCCD (dữ liệu cá nhân nhạy cảm)." .. (going and " Việc rút dữ liệu VẪN đang diễn ra." or ""),
               en = "Size (from the API logs, exact): " .. n.en .. " records of about " .. p.en .. " people — names, "
                 .. "ID numbers, dates of birth, addresses, phone numbers, parcel data, certificate numbers and ID "
                 .. "card scans (sensitive personal data)." .. (going and " The extraction is STILL going on." or "") }
    else
      w:note { vi = "Quy mô (ước tính từ nhật ký kiểm toán CSDL, vì nhật ký API đêm đầu đã mất): khoảng " .. n.vi
                 .. " hồ sơ của khoảng " .. p.vi .. " người, sai số ±10%; cùng các loại dữ liệu như bản mẫu rao bán.",
               en = "Size (estimated from the database audit log, the first night's API logs being gone): about "
                 .. n.en .. " records of about " .. p.en .. " people, ±10%; the same data types as the sale sample." }
    end
  end }

action { id = "declare_breach", roles = { "dpo", "lead" }, cost = 1, turns = 1, target = "none",
  label = { vi = "Xác định vi phạm dữ liệu cá nhân và bắt đầu tính thời hạn 72 giờ",
            en = "Declare the personal-data breach and start the 72-hour clock" },
  help = { vi = "Lập hồ sơ vi phạm: thời điểm xảy ra, dữ liệu liên quan; thời hạn thông báo A05 tính từ thời điểm "
             .. "vi phạm xảy ra.",
           en = "Open the breach record: when it occurred, which data; the A05 deadline counts from when the "
             .. "breach occurred." },
  run = function(w, a)
    local V = w.vars
    if V.declared then
      w:note { vi = "Hồ sơ vi phạm đã được lập trước đó.", en = "The breach record already exists." }
      return
    end
    V.declared = true
    if V.start_known then
      V.clock_ok = true
      local d = when_at(w, 4 + 4320)
      w:note { vi = "Hồ sơ vi phạm: bắt đầu Thứ Sáu 20:04 (theo nhật ký). Hạn thông báo A05: " .. d.vi .. ".",
               en = "Breach record: began Friday 20:04 (per the logs). A05 notice due: " .. d.en .. "." }
    else
      local d = when_at(w, w.minutes + 4320)
      w:penalize("clock_started_late")
      w:note { vi = "Hồ sơ vi phạm ghi mốc là lúc này, vì chưa xác định được vi phạm bắt đầu khi nào. Hạn A05 theo "
                 .. "hồ sơ: " .. d.vi .. ".",
               en = "The breach record counts from now, since nobody has established when the breach began. A05 "
                 .. "due, per the record: " .. d.en .. "." }
      w:log { vi = "Mốc 72 giờ bị tính muộn: vi phạm thực tế bắt đầu Thứ Sáu 20:04.",
              en = "The 72-hour clock starts late: the breach really began Friday 20:04." }
    end
  end }

action { id = "prepare_notice", roles = { "comms", "dpo" }, cost = 1, turns = 2, target = "none",
  label = { vi = "Soạn thông báo cho người dân và cảnh báo lừa đảo", en = "Draft the citizen notice and fraud warning" },
  help = { vi = "Nội dung: dữ liệu nào bị lộ, rủi ro, cách nhận biết cuộc gọi lừa đảo, đường dây nóng; rà soát pháp "
             .. "lý. Mất khoảng 4 giờ; cần biết những loại dữ liệu nào bị lộ.",
           en = "What leaked, the risks, how to spot fraud calls, a hotline; legal review. About 4 hours; needs to "
             .. "know which data types leaked." },
  run = function(w, a)
    local V = w.vars
    if not V.pd_known then
      w:note { vi = "Chưa soạn được: chưa xác định những loại dữ liệu nào bị lộ. Hãy kiểm tra CSDL hoặc bản mẫu rao bán.",
               en = "Cannot draft it yet: nobody has established which data types leaked. Check the database or the "
                 .. "sale sample." }
      return
    end
    V.notice_ready = true
    w:note { vi = "Thông báo đã sẵn sàng: dữ liệu bị lộ (gồm ảnh CCCD), không cơ quan nào thu phí cập nhật sổ qua điện "
               .. "thoại, không cài ứng dụng theo hướng dẫn qua điện thoại, đường dây nóng 1900 0000.",
             en = "The notice is ready: what leaked (ID card scans included), no agency charges fees to update a "
               .. "certificate by phone, never install an app because a caller says so, hotline 1900 0000." }
  end }

action { id = "contact_seller", roles = { "lead" }, cost = 1, turns = 1, target = "none",
  label = { vi = "Liên hệ người rao bán dữ liệu", en = "Contact the data seller" },
  help = { vi = "Nhắn cho tài khoản rao bán trên diễn đàn.", en = "Message the seller's account on the forum." },
  run = function(w, a)
    local V = w.vars
    V.contacted = true
    w:penalize("contacted_seller")
    w:note { vi = "Người bán trả lời đòi 2 BTC để 'xoá dữ liệu', rồi đăng ảnh chụp tin nhắn lên diễn đàn: 'chính quyền "
               .. "tỉnh đang muốn mua lại'. Không có gì bảo đảm dữ liệu sẽ bị xoá.",
             en = "The seller asks 2 BTC to 'delete the data', then posts a screenshot of the messages: 'the province "
               .. "wants to buy it back'. Nothing guarantees any deletion." }
  end }

-- Standard actions replaced for this scenario.
action { id = "patch", roles = { "sys" }, cost = 1, turns = 3,
  help = { vi = "Sửa phân quyền theo đối tượng, thu hồi khoá API tĩnh, cấp token theo người dùng, kiểm thử và triển "
             .. "khai lại (khoảng 6 giờ). Triển khai lại tạo máy chủ mới: nhật ký cục bộ mất nếu chưa sao lưu.",
           en = "Fix object-level authorisation, revoke the static key, issue per-user tokens, test and redeploy "
             .. "(about 6 hours). Redeployment builds fresh servers: local logs are lost unless preserved." },
  run = function(w, a)
    local V = w.vars
    if a.target ~= "api" then return stdlib.run.patch(w, a) end
    if not V.logs_saved and not V.logs_lost then
      w:penalize("evidence_destroyed")
      lose_logs(w, { vi = "Triển khai lại máy chủ API: nhật ký truy cập cục bộ chưa sao lưu bị xoá.",
                     en = "API servers redeployed: the unpreserved local access logs are gone." })
    end
    if not V.flaw_known then
      w:note { vi = "Đã cập nhật và triển khai lại, nhưng chưa xác định được lỗ hổng bị khai thác: lỗi phân quyền vẫn còn.",
               en = "Updated and redeployed, but the exploited flaw is not identified: the authorisation bug remains." }
      return
    end
    w:set("api", "patched", true)
    w:set("api", "compromised", false)
    w:set("api", "clean", true)
    w:reveal("api", "compromised")
    w:reveal("api", "clean")
    w:note { vi = "Đã vá: API chỉ trả hồ sơ của chính người dùng đã xác thực (VNeID), khoá API tĩnh bị thu hồi, có "
               .. "giới hạn tần suất theo người dùng. Ứng dụng di động phát hành bản cập nhật.",
             en = "Fixed: the API returns only the authenticated user's own records (VNeID), the static key is "
               .. "revoked, per-user rate limits apply. The mobile app ships an update." }
  end }

-- ───────────────────────────── consequences of standard actions ───
on("triage", function(w, a)
  if a.target == "s_sale" and a.verdict then w.vars.pd_known = true end
end)

-- Fog of war: what an investigation finds.
on("investigate", function(w, a)
  local V = w.vars
  if a.target == "api" then
    V.flaw_known = true
    if not V.logs_lost then
      V.start_known = true
      w:note { vi = "Nhật ký API: từ Thứ Sáu 20:04, " .. IPS1[1] .. "–23 dùng khoá API tĩnh của ứng dụng di động (lộ "
                 .. "khi dịch ngược ứng dụng) duyệt tuần tự /api/v2/hoso/{id}. API không kiểm tra hồ sơ có thuộc người "
                 .. "gọi hay không: lỗi phân quyền theo đối tượng. Đã có " .. nums(V.records).vi .. " yêu cầu thành công.",
               en = "API logs: since Friday 20:04, " .. IPS1[1] .. "–23 have used the mobile app's static API key "
                 .. "(exposed by decompiling the app) to walk /api/v2/hoso/{id}. The API never checks that the "
                 .. "record belongs to the caller: broken object-level authorisation. " .. nums(V.records).en
                 .. " successful requests so far." }
    else
      w:note { vi = "Mã nguồn và cấu hình API: /api/v2/hoso/{id} không kiểm tra quyền theo đối tượng, chỉ cần khoá API "
                 .. "tĩnh của ứng dụng. Nhật ký truy cập đêm thứ Sáu đã bị xoay vòng; không xác định được thời điểm "
                 .. "bắt đầu từ đây.",
               en = "API code and configuration: /api/v2/hoso/{id} has no object-level check, only the app's static "
                 .. "key. Friday night's access logs have rolled over; the start cannot be established here." }
    end
  elseif a.target == "landdb" then
    V.pd_known, V.start_known = true, true
    w:note { vi = "Nhật ký kiểm toán CSDL: tài khoản dịch vụ của API đọc hồ sơ tăng vọt từ Thứ Sáu 20:04. Mỗi hồ sơ trả "
               .. "về gồm họ tên, số CCCD, ngày sinh, địa chỉ, số điện thoại, thửa đất, số giấy chứng nhận và ảnh chụp "
               .. "CCCD — dữ liệu cá nhân nhạy cảm theo Nghị định 356/2025/NĐ-CP. 192.0.2.30 là máy chủ đồng bộ với CSDL "
               .. "đất đai quốc gia (lịch 20:00 hằng ngày).",
             en = "Database audit log: the API's service account reads records at a soaring rate since Friday 20:04. "
               .. "Each record carries name, ID number, date of birth, address, phone, parcel, certificate number and "
               .. "an ID card scan — sensitive personal data under Decree 356/2025. 192.0.2.30 is the sync server for "
               .. "the national land database (daily at 20:00)." }
  elseif a.target == "siem" then
    w:note { vi = "SIEM: 192.0.2.30 đồng bộ với CSDL đất đai quốc gia lúc 20:00 hằng ngày; 192.0.2.10 là máy quét lỗ hổng "
               .. "của SOC; lượt tra cứu bảng giá đất tăng sau bản tin truyền hình về bảng giá mới. Cả ba là hoạt động "
               .. "bình thường.",
             en = "SIEM: 192.0.2.30 syncs with the national land database daily at 20:00; 192.0.2.10 is the SOC's own "
               .. "scanner; the land-price lookups rose after a TV report on the new price table. All three are normal." }
  end
end)

on("collect_evidence", function(w, a)
  local V = w.vars
  if a.target ~= "api" then return end
  if V.logs_lost then
    w:note { vi = "Đã sao chụp máy chủ API, nhưng nhật ký đêm thứ Sáu đã mất; chỉ còn nhật ký từ Thứ Bảy 20:00.",
             en = "API servers imaged, but Friday night's logs are gone; only logs since Saturday 20:00 remain." }
    return
  end
  V.logs_saved = true
  w:note { vi = "Đã xuất toàn bộ nhật ký truy cập API và ảnh máy chủ, tính mã băm SHA-256, lập biên bản chuỗi lưu giữ "
             .. "chứng cứ (người thực hiện, giờ UTC+7, nơi cất giữ).",
           en = "Full API access logs and server images exported, SHA-256 hashed, chain-of-custody record written "
             .. "(handler, time in UTC+7, storage place)." }
end)

on("shutdown", function(w, a)
  if a.target == "api" and not w.vars.logs_saved and not w.vars.logs_lost then
    w:note { vi = "Máy chủ API đã tắt; nhật ký cục bộ vẫn còn trên đĩa nhưng sẽ mất nếu triển khai lại trước khi sao lưu.",
             en = "The API servers are off; their local logs are still on disk, but a redeployment before "
               .. "preserving them will wipe them." }
  end
end)

on("block", function(w, a)
  local V = w.vars
  if has(IPS1, a.target) or has(IPS2, a.target) then
    if reachable(w) then V.block_hold = 1 end
  elseif a.target == "192.0.2.30" then
    w:note { vi = "192.0.2.30 là máy chủ đồng bộ với CSDL đất đai quốc gia; chặn nó làm gián đoạn đồng bộ đêm nay.",
             en = "192.0.2.30 is the national land database sync server; blocking it breaks tonight's sync." }
  end
end)

on("report", function(w, a)
  local V = w.vars
  if a.target == "a05" then
    if not has(a.facts, "personal_data") then
      w:note { vi = "A05: báo cáo không nêu dữ liệu cá nhân bị ảnh hưởng — chưa phải thông báo vi phạm dữ liệu cá nhân.",
               en = "A05: the report names no personal data — it is not a personal-data breach notice." }
      return
    end
    if not has(a.facts, "records") or not V.sized then
      w:penalize("no_record_count")
      w:note { vi = "A05 yêu cầu bổ sung: số bản ghi và số người bị ảnh hưởng, xác định từ nhật ký hoặc CSDL — không "
                 .. "phải con số phỏng đoán.",
               en = "A05 asks for more: the number of records and of people affected, established from logs or the "
                 .. "database — not a guess." }
      return
    end
    if has_all(a.facts, { "asset", "scope" }) then
      V.a05_ok = true
    else
      w:note { vi = "A05 đề nghị bổ sung hệ thống bị ảnh hưởng và phạm vi sự cố.",
               en = "A05 asks to add the affected system and the scope." }
    end
  elseif a.target == "police" and has(a.facts, "evidence") then
    if V.logs_saved then
      V.police_ok = true
    else
      w:note { vi = "PA05 hỏi: nhật ký truy cập API (địa chỉ, thời gian, mã hồ sơ) đã được bảo toàn chưa?",
               en = "PA05 asks: were the API access logs (addresses, times, record ids) preserved?" }
    end
  end
end)

-- A statement to citizens or press: it must say personal data leaked, and come with the prepared notice.
on("communicate", function(w, a)
  local V = w.vars
  if a.target == "staff" then return end
  if not has(a.facts, "personal_data") then
    w:penalize("understated_statement")
    return
  end
  if not V.notice_ready then
    w:note { vi = "Thông báo đã đưa ra nhưng thiếu nội dung cảnh báo lừa đảo và đường dây nóng; hãy soạn thông báo đầy đủ.",
             en = "The statement went out without the fraud advice and the hotline; draft the full notice." }
    return
  end
  V.honest = true
end)

on("request_support", function(w, a)
  local V = w.vars
  if a.target == "vncert" then
    if w.turn >= SALE_TURN then V.pd_known = true end
    w:note { vi = "VNCERT/CC: " .. (w.turn >= SALE_TURN and "bản mẫu rao bán khớp cấu trúc CSDL đất đai tỉnh (có ảnh "
               .. "CCCD). " or "") .. "Khuyến nghị: bảo toàn nhật ký trước khi thay đổi máy chủ, xác định quy mô, thông "
               .. "báo A05 trong 72 giờ kể từ khi vi phạm xảy ra, không liên hệ người bán.",
             en = "VNCERT/CC: " .. (w.turn >= SALE_TURN and "the sale sample matches the provincial land database "
               .. "(ID card scans included). " or "") .. "Advice: preserve logs before changing servers, size the "
               .. "breach, notify A05 within 72 hours of when it occurred, do not contact the seller." }
  elseif a.target == "vendor" then
    V.flaw_known = true
    w:note { vi = "Đơn vị phát triển xác nhận /api/v2/hoso không kiểm tra quyền theo đối tượng và khoá API tĩnh được nhúng "
               .. "trong ứng dụng; cử kỹ sư sửa ngay.",
             en = "The developer confirms /api/v2/hoso has no object-level check and the static key is embedded in "
               .. "the app; an engineer starts on the fix." }
  end
end)

-- ───────────────────────────── scoring ───────────────────────────
-- Objectives: 100 points in all.
objective { id = "detect", capability = "detection", points = 5, by_turn = 4,
  label = { vi = "Xác nhận đúng dấu hiệu rút dữ liệu trong đêm (trước 04:00 Thứ Bảy)",
            en = "Confirm the extraction signs during the night (by Saturday 04:00)" },
  explain = { vi = "Tần suất gấp trăm lần, mã hồ sơ tăng tuần tự và lưu lượng ra nước ngoài là dấu hiệu thật; phiên đọc "
                .. "lớn từ 192.0.2.30 là tác vụ đồng bộ hằng đêm.",
              en = "A hundredfold rate, sequential ids and outbound volume were real; the large read from 192.0.2.30 "
                .. "was the nightly sync." },
  met = function(w) return w:flagged("s_rate") or w:flagged("s_seq") or w:flagged("s_egress") end }

objective { id = "stop", capability = "containment", points = 10, by_turn = 4,
  label = { vi = "Chặn hẳn đường rút dữ liệu trước 04:00 Thứ Bảy", en = "Close the extraction path by Saturday 04:00" },
  explain = { vi = "Chặn địa chỉ chỉ có tác dụng vài giờ (kẻ tấn công đổi địa chỉ); giới hạn tần suất chỉ làm chậm. Tạm "
                .. "dừng đường dẫn bị khai thác mới chặn hẳn — mỗi 2 giờ chậm trễ là thêm khoảng 260.000 hồ sơ.",
              en = "Blocking addresses works for hours (the attacker moves); rate limiting only slows. Suspending the "
                .. "exploited path stops it — every 2 hours of delay is some 260,000 more records." },
  met = function(w) return w.vars.records > 0 and not reachable(w) end }

objective { id = "evidence", capability = "evidence", points = 10,
  label = { vi = "Bảo toàn nhật ký truy cập API trước khi mất", en = "Preserve the API access logs before they are lost" },
  explain = { vi = "Nhật ký cục bộ xoay vòng sau 24 giờ và mất khi triển khai lại. Không có nó thì không đếm chính xác "
                .. "được hồ sơ bị lấy và không có chứng cứ cho Công an.",
              en = "Local logs roll over after 24 hours and vanish with a redeployment. Without them there is no exact "
                .. "count and no evidence for the police." },
  met = function(w) return w.vars.logs_saved end }

objective { id = "size", capability = "analysis", points = 10,
  label = { vi = "Xác định số bản ghi, số người và loại dữ liệu bị lộ", en = "Establish the records, people and data types exposed" },
  explain = { vi = "Thông báo A05, thông báo người dân và mức độ nghiêm trọng đều phụ thuộc vào quy mô; ảnh CCCD là dữ "
                .. "liệu nhạy cảm.",
              en = "The A05 notice, the citizen notice and the severity all depend on the size; ID card scans are "
                .. "sensitive data." },
  met = function(w) return w.vars.sized end }

objective { id = "fix", capability = "eradication", points = 10, by_turn = 24,
  label = { vi = "Vá lỗi phân quyền và thu hồi khoá API tĩnh trước 18:00 Chủ Nhật",
            en = "Fix the authorisation flaw and revoke the static key by Sunday 18:00" },
  explain = { vi = "Lỗi phải được xác định (điều tra API hoặc hỏi đơn vị phát triển) rồi mới vá được; khoá nhúng trong "
                .. "ứng dụng là bí mật của mọi người.",
              en = "The flaw must be identified (investigate the API or ask the developer) before it can be fixed; a "
                .. "key embedded in an app is everybody's secret." },
  met = function(w) return w.asset.api.patched end }

objective { id = "a05", capability = "reporting", points = 20, within_minutes = 4320,
  label = { vi = "Thông báo A05 đầy đủ (hệ thống, dữ liệu cá nhân, phạm vi, số bản ghi) trong 72 giờ kể từ khi vi phạm xảy ra",
            en = "A complete notice to A05 (asset, personal data, scope, record count) within 72 hours of the breach" },
  explain = { vi = "Vi phạm dữ liệu cá nhân phải thông báo A05 trong 72 giờ. Nghị định 13/2023/NĐ-CP (áp dụng đến hết "
                .. "năm 2025) tính thời hạn từ khi vi phạm xảy ra, không phải từ khi phát hiện; bài diễn tập tính theo "
                .. "mốc đó (Thứ Sáu 20:04) — cách an toàn cả khi áp dụng Luật Bảo vệ dữ liệu cá nhân từ năm 2026. Thông "
                .. "báo cần số bản ghi và số người xác định được.",
              en = "A personal-data breach must be notified to A05 within 72 hours. Decree 13/2023 (in force until the "
                .. "end of 2025) counts from when the breach occurred, not from discovery; the drill counts from that "
                .. "moment (Friday 20:04) — the safe reading under the 2026 Personal Data Protection Law too. The "
                .. "notice needs an established count of records and people." },
  met = function(w) return w.vars.a05_ok end }

objective { id = "declare", capability = "analysis", points = 5,
  label = { vi = "Lập hồ sơ vi phạm với mốc thời gian đúng", en = "Open the breach record with the right start time" },
  explain = { vi = "Xác định vi phạm bắt đầu khi nào (nhật ký API hoặc nhật ký kiểm toán CSDL) trước khi lập hồ sơ; tính "
                .. "từ lúc phát hiện là bắt đầu đồng hồ muộn.",
              en = "Establish when the breach began (API or database audit logs) before opening the record; counting "
                .. "from discovery starts the clock late." },
  met = function(w) return w.vars.clock_ok end }

objective { id = "report_owner", capability = "reporting", points = 5, within_minutes = 480,
  label = { vi = "Báo cáo chủ quản (Sở Nông nghiệp và Môi trường) trong đêm", en = "Report to the owner during the night" },
  explain = { vi = "Chủ quản quyết định tạm dừng dịch vụ và chịu trách nhiệm thông báo; gọi cho lãnh đạo Sở ngay trong đêm.",
              en = "The owner decides on suspending the service and is responsible for the notices; call the director "
                .. "during the night." },
  met = function(w) return w:reported { to = "owner", facts = { "asset", "impact" } } end }

objective { id = "report_vncert", capability = "reporting", points = 5, within_minutes = 1440,
  label = { vi = "Báo cáo VNCERT/CC kèm chỉ dấu trong 24 giờ", en = "Report to VNCERT/CC, with indicators, within 24 hours" },
  explain = { vi = "5 ngày là thời hạn tối đa; báo sớm kèm địa chỉ và mẫu truy vấn giúp các tỉnh dùng cùng nền tảng kiểm tra.",
              en = "5 days is the ceiling; an early report with the addresses and query pattern lets provinces on the "
                .. "same platform check theirs." },
  met = function(w) return w:reported { to = "vncert", facts = { "asset", "impact", "indicators" } } end }

objective { id = "report_police", capability = "reporting", points = 5, within_minutes = 2880,
  label = { vi = "Chuyển Công an tỉnh (PA05) vụ việc kèm nhật ký đã bảo toàn", en = "Hand the case, with the preserved logs, to PA05" },
  explain = { vi = "Xâm nhập và mua bán trái phép dữ liệu cá nhân là tội phạm; Công an cần nhật ký gốc có mã băm và biên bản.",
              en = "Intrusion and trading personal data are crimes; the police need the original logs, hashed, with "
                .. "the custody record." },
  met = function(w) return w.vars.police_ok and w:reported { to = "police", facts = { "asset", "evidence" } } end }

objective { id = "report_sector", capability = "reporting", points = 5, within_minutes = 4320,
  label = { vi = "Báo cáo Bộ Nông nghiệp và Môi trường (dữ liệu cá nhân, phạm vi)", en = "Report to the land ministry (personal data, scope)" },
  explain = { vi = "CSDL đất đai tỉnh là thành phần của CSDL quốc gia; bộ quản lý ngành cần biết để kiểm tra các tỉnh khác.",
              en = "The provincial land database is part of the national one; the ministry needs to know to check "
                .. "other provinces." },
  met = function(w) return w:reported { to = "sector", facts = { "asset", "personal_data", "scope" } } end }

objective { id = "warn", capability = "communication", points = 10, by_turn = FRAUD_TURN - 1,
  label = { vi = "Cảnh báo người dân (dữ liệu bị lộ, cách nhận biết lừa đảo) trước 08:00 Chủ Nhật",
            en = "Warn citizens (what leaked, how to spot fraud) by Sunday 08:00" },
  explain = { vi = "Dữ liệu đã bị rao bán thì lừa đảo sẽ đến (bài học vụ rao bán dữ liệu tín dụng năm 2025). Thông báo "
                .. "trung thực, nêu rõ dữ liệu bị lộ và cách nhận biết cuộc gọi giả mạo, trước khi kẻ lừa đảo gọi.",
              en = "Once data is on sale, fraud follows (the lesson of the 2025 credit-data sale). An honest notice "
                .. "saying what leaked and how to spot fake calls, before the fraudsters phone." },
  met = function(w) return w.vars.honest end }

-- ───────────────────────────── metrics ───────────────────────────
-- What the review's times mean in this incident. The leak goes through the API and is
-- stopped without isolating anything; the lookup counts as back only when it serves
-- again; and the first confirmed report may be about the database offered for sale
-- rather than a compromised server:
--   detected   the team confirmed any real sign of the leak (w:flagged);
--   contained  records were pulled and the attacker can pull no more (blocked off,
--              endpoint suspended, isolated, or fixed);
--   recovered  the fixed lookup serves again: API patched, running, connected, the
--              endpoint on, the database online.
local LEAK_SIGNALS = { "s_rate", "s_seq", "s_egress", "s_rotate", "s_slow", "s_sale", "s_press",
                       "s_fraud", "s_resume" }
metrics {
  detected = function(w)
    for _, s in ipairs(LEAK_SIGNALS) do
      if w:flagged(s) then return true end
    end
    return false
  end,
  contained = function(w) return w.vars.records > 0 and not reachable(w) end,
  recovered = function(w)
    local A, D = w.asset.api, w.asset.landdb
    return A.patched and A.online and not A.isolated and not A.vars.endpoint_off and D.online and not D.isolated
  end,
}

-- Penalties (w:penalize is called from the hooks above).
penalty { id = "clock_started_late", capability = "analysis", points = 10,
  label = { vi = "Tính thời hạn 72 giờ từ lúc phát hiện thay vì lúc vi phạm xảy ra", en = "Started the 72-hour clock late" },
  explain = { vi = "Hồ sơ vi phạm được lập khi chưa xác định thời điểm bắt đầu, nên tính từ lúc phát hiện. Vi phạm thực tế "
                .. "bắt đầu Thứ Sáu 20:04: hạn A05 sớm hơn nhiều giờ so với hạn đội đang theo.",
              en = "The breach record was opened before anyone established when it began, so it counted from "
                .. "discovery. It began Friday 20:04: the real A05 deadline is hours earlier than the one the team "
                .. "was working to." } }
penalty { id = "no_record_count", capability = "analysis", points = 10,
  label = { vi = "Thông báo A05 không có số bản ghi xác định được", en = "A05 notice without an established record count" },
  explain = { vi = "Xác định quy mô (đối chiếu nhật ký với CSDL) trước khi gửi; A05 trả lại thông báo thiếu số liệu.",
              en = "Size the breach (logs against the database) before sending; A05 sends back a notice without figures." } }
penalty { id = "no_warning", capability = "communication", points = 10,
  label = { vi = "Không cảnh báo người dân trước khi lừa đảo bắt đầu", en = "No citizen warning before the fraud began" },
  explain = { vi = "Kẻ lừa đảo gọi người dân với số CCCD và số thửa đúng; người dân chưa được báo nên dễ tin.",
              en = "Fraudsters phoned citizens with the right ID numbers and parcels; nobody had warned them, so "
                .. "they believed it." } }
penalty { id = "contacted_seller", capability = "coordination", points = 10,
  label = { vi = "Liên hệ, thương lượng với người rao bán dữ liệu", en = "Contacted, negotiated with the data seller" },
  explain = { vi = "Không có gì bảo đảm dữ liệu bị xoá; người bán dùng cuộc liên hệ để quảng cáo và tăng giá. Việc này "
                .. "thuộc Công an.",
              en = "Nothing guarantees deletion; the seller used the contact as advertising and raised the price. "
                .. "This is a matter for the police." } }
penalty { id = "understated_statement", capability = "communication", points = 5,
  label = { vi = "Thông báo công khai không nêu dữ liệu cá nhân bị lộ", en = "A public statement that left out the personal-data leak" },
  explain = { vi = "'Sự cố kỹ thuật, đang khắc phục' khi dữ liệu của hàng trăm nghìn người đang bị rao bán làm mất lòng "
                .. "tin và khiến người dân không đề phòng lừa đảo.",
              en = "'A technical incident being fixed' while hundreds of thousands of people's data is on sale costs "
                .. "trust and leaves citizens unguarded against fraud." } }
penalty { id = "evidence_destroyed", capability = "evidence", points = 5,
  label = { vi = "Triển khai lại máy chủ API trước khi bảo toàn nhật ký", en = "Redeployed the API before preserving its logs" },
  explain = { vi = "Xuất nhật ký và ảnh máy chủ, tính mã băm, lập biên bản — rồi mới vá và triển khai lại.",
              en = "Export logs and server images, hash them, write the custody record — then patch and redeploy." } }

-- Hints, taken in order with the `hint` action.
hint { from_turn = 2, cost = 3,
  text = { vi = "Mã hồ sơ tăng tuần tự với khoá của ứng dụng = ai đó đang tải cả CSDL. Chặn địa chỉ chỉ được vài giờ; tạm "
             .. "dừng đường dẫn /api/v2/hoso. Và xuất nhật ký API ngay: chúng chỉ được giữ 24 giờ.",
           en = "Sequential ids with the app's key = someone is downloading the whole database. Blocking addresses buys "
             .. "hours; suspend /api/v2/hoso. And export the API logs now: they are kept only 24 hours." } }
hint { from_turn = 6, cost = 5,
  text = { vi = "Đồng hồ 72 giờ tính từ khi vi phạm xảy ra: xác định thời điểm đó trong nhật ký API hoặc nhật ký kiểm "
             .. "toán CSDL trước khi lập hồ sơ. Thông báo A05 cần số bản ghi và số người: xác định quy mô trước.",
           en = "The 72-hour clock runs from when the breach occurred: find that moment in the API or database audit "
             .. "logs before opening the record. The A05 notice needs records and people: size the breach first." } }
hint { from_turn = 10, cost = 5,
  text = { vi = "Dữ liệu đang bị rao bán: lừa đảo sẽ đến trong vài ngày. Soạn thông báo (mất 4 giờ) và cảnh báo người dân "
             .. "trung thực. Đừng mở lại tra cứu trước khi vá, và đừng liên hệ người bán.",
           en = "The data is on sale: fraud will come within days. Draft the notice (4 hours) and warn citizens "
             .. "honestly. Do not reopen the lookup before the fix, and do not contact the seller." } }

-- ───────────────────────────── endings (order matters) ───────────
ending { id = "second_leak",
  text = { vi = "Chức năng tra cứu được mở lại khi lỗ hổng chưa vá; kẻ tấn công, vẫn đang thăm dò, tiếp tục rút phần dữ "
             .. "liệu còn lại. Chỉ mở lại sau khi đã vá và kiểm thử.",
           en = "The lookup reopened before the fix; the attacker, still polling, took the rest of the data. Reopen "
             .. "only after the fix is deployed and tested." },
  when = function(w) return w.vars.resumed end }

ending { id = "deadline_missed",
  text = { vi = "72 giờ kể từ khi vi phạm xảy ra đã trôi qua mà A05 chưa nhận được thông báo vi phạm dữ liệu cá nhân. Đây "
             .. "là vi phạm nghĩa vụ pháp lý, bất kể việc xử lý kỹ thuật tốt đến đâu.",
           en = "72 hours since the breach began have passed and A05 has no personal-data breach notice. That is a "
             .. "breach of a legal duty, however good the technical response was." },
  when = function(w)
    return w.turn >= DEADLINE_TURN and not w:reported { to = "a05", facts = { "personal_data" } }
  end }

ending { id = "closed", success = true,
  text = { vi = "Lỗ hổng đã vá, tra cứu hoạt động trở lại an toàn, A05 đã nhận thông báo đầy đủ và người dân đã được cảnh "
             .. "báo. Tiếp tục theo dõi lừa đảo cùng Công an, gửi báo cáo cuối cùng và đưa kiểm thử phân quyền API vào "
             .. "quy trình phát hành.",
           en = "The flaw is fixed, the lookup is back safely, A05 has a complete notice and citizens have been "
             .. "warned. Keep watching for fraud with the police, send the final report and put API authorisation "
             .. "tests into the release process." },
  when = function(w)
    local V = w.vars
    local A, D = w.asset.api, w.asset.landdb
    return A.patched and A.online and not A.isolated and not A.vars.endpoint_off and D.online and not D.isolated
      and V.a05_ok and V.honest
  end }

-- ───────────────────────────── self-tests ────────────────────────
-- Turn arithmetic: 2-hour turns; an action queued in turn t with turns = k completes at
-- the end of turn t+k-1; each role has 2 action points per turn; one `end` ends a turn.

test { name = "textbook response", seed = 1, inputs = [[
# turn 1 (Fri 20:00): the rate alert and the nightly sync; slow it down, save the logs
soc triage s_rate true
soc triage s_fp_sync false
net rate_limit
sys collect_evidence api
end
# turn 2 (22:00): sequential ids; find the flaw and the start; suspend the endpoint
soc triage s_seq true
soc investigate api
sys disable_endpoint
lead report owner --facts asset,impact
end
# turn 3 (Sat 00:00): the fix (6 h), the data types, sizing (4 h), the clock
sys patch api
soc investigate landdb
dpo size_leak
lead declare_breach
lead report vncert --facts asset,impact,indicators
end
# turn 4 (02:00): the notice is drafted (4 h); police get the logs
comms prepare_notice
lead report police --facts asset,impact,evidence,indicators
end
# turn 5 (04:00): the complete A05 notice, the ministry
lead report a05 --facts asset,personal_data,scope,records,actions
lead report sector --facts asset,personal_data,scope
end
# turn 6 (06:00): warn citizens, reopen the fixed lookup
comms communicate citizens --facts personal_data,impact,actions
sys enable_endpoint
end
]], expect = { outcome = "closed", score = 100,
               metrics = { detected_by = 120, contained_by = 240, recovered_by = 720 },
               objectives = { detect = true, stop = true, evidence = true, size = true, fix = true, a05 = true,
                              declare = true, report_owner = true, report_vncert = true, report_police = true,
                              report_sector = true, warn = true } } }

test { name = "slow night, clock counted from the alert", seed = 2, inputs = [[
end
end
end
end
end
end
end
end
# turn 9 (Sat 12:00): VNCERT/CC reports the sale; declare at once, notify without a count
soc triage s_sale true
sys disable_endpoint
lead declare_breach
dpo size_leak
end
lead report a05 --facts asset,personal_data,scope
comms prepare_notice
soc investigate api
sys patch api
end
# turn 11: the sizing is done (exact: the logs still exist); the patch (6 h) will wipe them
lead report a05 --facts asset,personal_data,scope,records
comms communicate press --facts asset,impact
end
end
end
# turn 14: the statement with the facts
comms communicate citizens --facts personal_data,impact,actions
sys enable_endpoint
end
]], expect = { outcome = "closed", min_score = 5, max_score = 25,
               metrics = { detected_by = 1080, contained_by = 1080, recovered_by = 1680 },
               objectives = { detect = false, stop = false, evidence = false, a05 = true, declare = false,
                              fix = true, warn = true },
               penalties = { "clock_started_late", "no_record_count", "understated_statement",
                             "evidence_destroyed" } } }

test { name = "reopened before the fix", seed = 3, inputs = [[
soc triage s_rate true
net block 203.0.113.21
end
# turn 2: the block held for a turn; the attacker will move
soc triage s_seq true
sys disable_endpoint
end
# turn 3: quiet; the one-stop desk wants the lookup back — reopened unpatched
sys enable_endpoint
end
end
]], expect = { outcome = "second_leak", objectives = { detect = true, stop = true } } }

test { name = "idle team", seed = 4, inputs = string.rep("end\n", 36),
       expect = { outcome = "deadline_missed", max_score = -10, objectives = { a05 = false, warn = false },
                  metrics = { detected_by = false, contained_by = false, recovered_by = false },
                  penalties = { "no_warning" } } }

test { name = "notified but never reopened", seed = 5, inputs = [[
soc triage s_rate true
sys disable_endpoint
soc investigate landdb
end
dpo size_leak
lead declare_breach
end
end
lead report a05 --facts asset,personal_data,scope,records
comms prepare_notice
end
end
comms communicate citizens --facts personal_data,impact,actions
end
]] .. string.rep("end\n", 34),
       expect = { outcome = "timeout", score = 60,
                  objectives = { detect = true, stop = true, size = true, a05 = true, declare = true,
                                 warn = true, fix = false, evidence = false } } }

test { name = "buying it back", seed = 6, inputs = string.rep("end\n", 8) .. [[
soc triage s_sale true
lead contact_seller
sys disable_endpoint
soc investigate landdb
end
]] .. string.rep("end\n", 27),
       expect = { outcome = "deadline_missed", penalties = { "contacted_seller", "no_warning" },
                  objectives = { stop = false, a05 = false } } }
