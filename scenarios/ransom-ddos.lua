-- ransom-ddos.lua — ransom-DDoS on the provincial portals on a filing deadline
-- (scenario API v1).
--
-- Tống tiền bằng tấn công từ chối dịch vụ (DDoS) vào Cổng TTĐT và Cổng Dịch vụ
-- công tỉnh đúng ngày hạn chót nộp hồ sơ. Ransom-DDoS on the web portal and the
-- public-service portal on a filing deadline.
--
-- ─────────────────────────────────────────────────────────────────────────────
-- FOR TRAINERS: THE PLOT (ground truth — players never see this part)
-- ─────────────────────────────────────────────────────────────────────────────
-- Based on outline 7 of the domain notes (ransom-DDoS waves of hundreds of Gbps,
-- over a million DDoS attacks recorded in one quarter of 2025).
--
-- Today is the last day to file school-enrolment applications online on the
-- public-service portal (Cổng Dịch vụ công, "dvc"); thousands of parents file
-- before 17:00. One turn = 20 minutes; turn 1 starts at 08:00; turn 27 ends 17:00.
--
--   turn 1  08:00  Extortion e-mail to the portal's contact box: 2 BTC by 10:00,
--                  a "demonstration" at 08:20. Same minute: traffic on dvc is 3×
--                  normal — the filing rush (false positive).
--   turns 2–3      Demonstration: 42 Gbps UDP/DNS reflection (T1498.002) fills
--                  the 10 Gbps link: both portals unreachable. A parent calls.
--   turn 5         An uptime probe abroad says the portal is down (false: probe).
--   turn 6  09:40  Reminder e-mail: 20 minutes left to pay.
--   turns 7–12     Main wave: 280 Gbps multi-vector flood (T1498.001/.002);
--                  from turn 9 an HTTP GET flood on dvc from 14,000 addresses,
--                  92 % abroad (T1499.002).
--   turn 8  10:20  HIDDEN BEHIND THE FLOOD: credential stuffing on dvc's admin
--                  page /quantri (T1110.004), one low WAF line among thousands.
--   turn 10        A channel on social media claims it "hacked the portal and
--                  stole citizens' data" (false: only the DDoS is real).
--   turn 11 11:20  If /quantri is still open and the admin password not reset:
--                  the attacker signs in as qtv_dvc (T1078) — penalty.
--   turn 13 12:00  If still in: 38,214 applications exported in bulk
--                  through the admin UI (T1213, data from an information
--                  repository: the portal's own export) — ending "smokescreen".
--   turns 14–17    Third wave: 120 Gbps plus an HTTP flood from 9,000 domestic
--                  home routers: a geo-limit no longer helps, a rate limit does.
--   turn 18 13:40  The attacker gives up.
--
-- Availability (start of every turn): the link is saturated while a volumetric
-- wave runs and the ISP's scrubbing is not active; dvc is also down while an
-- HTTP flood runs unmitigated (rate limit; or geo-limit for the foreign wave),
-- or when the team isolated or shut it down itself.
--
-- Endings (checked in this order at the end of every turn):
--   smokescreen  the applications were exported behind the flood;
--   portal_down  dvc was unreachable for 10 turns (3 h 20 min) in all;
--   weathered    the attacker gave up, dvc is safe, citizens were told, and the
--                filing deadline was extended if dvc was down for 4+ turns (success);
--   timeout      (automatic) after turn 27 (17:00), e.g. never told citizens.
--
-- Scoring (100): detect 10, scrubbing before the main wave 15, layer-7 limit 15,
-- status notice by 10:00 10, deadline extension announced 10, the hidden
-- intrusion found and stopped 15, VNCERT/CC 10, police with the ransom e-mail
-- 10, owner 5. Penalties: paid 20, silence towards citizens 10, intrusion missed
-- 10, understated statement 5. Hints cost 3, 5, 5.
--
-- Self-tests (bottom): textbook (weathered, 100), idle (smokescreen), flood
-- ignored (portal_down), paid and silent (timeout), intrusion caught late
-- (weathered with penalties), geo-limit only (weathered after a third-wave hit).
--
-- Tuning knobs: the wave tables, BREACH_TURN, EXPORT_TURN, DOWN_LIMIT,
-- EXT_NEEDED, SCRUB_TURNS. Documentation addresses and example domains only.
-- ─────────────────────────────────────────────────────────────────────────────

scenario {
  id = "ransom-ddos", version = 2, api = 1,
  title = {
    vi = "Tống tiền bằng DDoS vào Cổng Dịch vụ công đúng ngày hạn chót nộp hồ sơ",
    en = "Ransom-DDoS on the public-service portal on a filing deadline",
  },
  summary = {
    vi = "Hôm nay là hạn chót nộp hồ sơ tuyển sinh trực tuyến trên Cổng Dịch vụ công tỉnh. Một thư tống "
      .. "tiền đòi 2 BTC trước 10:00, nếu không sẽ đánh sập các cổng. Đội ứng cứu phải giữ dịch vụ cho người "
      .. "dân với nhà cung cấp dịch vụ Internet, thông tin kịp thời, đề xuất gia hạn, giữ chứng cứ, báo cáo "
      .. "đúng nơi — và không bỏ sót điều đang diễn ra phía sau cơn lũ truy cập.",
    en = "Today is the last day to file school-enrolment applications on the provincial public-service "
      .. "portal. An extortion e-mail demands 2 BTC by 10:00 or the portals go down. The team must keep "
      .. "the service up for citizens with the ISP, inform them in time, propose an extension, keep the "
      .. "evidence, report to the right bodies — and not miss what happens behind the flood.",
  },
  difficulty = "intermediate",
  turn_minutes = 20, max_turns = 27, action_points = 2, start_time = "08:00",
  attack = { "T1498.001", "T1498.002", "T1499.002", "T1110.004", "T1078", "T1213" },
}

-- Tuning knobs (turn numbers).
local VOLUMETRIC = { [2] = "demo", [3] = "demo", [7] = "main", [8] = "main", [9] = "main",
                     [10] = "main", [11] = "main", [12] = "main", [14] = "w3", [15] = "w3",
                     [16] = "w3" }
local HTTP_FLOOD = { [9] = "foreign", [10] = "foreign", [11] = "foreign", [12] = "foreign",
                     [14] = "domestic", [15] = "domestic", [16] = "domestic", [17] = "domestic" }
local BRUTE_TURN  = 8    -- credential stuffing on /quantri (10:20)
local BREACH_TURN = 11   -- admin sign-in if /quantri is still exposed (11:20)
local EXPORT_TURN = 13   -- bulk export if the attacker is still in (12:00)
local GIVE_UP     = 18   -- the attacker stops (13:40)
local DOWN_LIMIT  = 10   -- turns of dvc downtime before "portal_down"
local EXT_NEEDED  = 4    -- turns of downtime after which an extension is owed
local SCRUB_TURNS = 3    -- contract check, prefix authorisation, BGP diversion

-- Indicators (documentation addresses and example domains only).
local MAIL_FROM, MAIL_RELAY = "support@anon-mail.example", "198.51.100.60"
local BTC = "bc1q-example-7f3k9"
local STUFF_IP = "203.0.113.150"

-- ───────────────────────────── roles ─────────────────────────────
role { id = "lead", name = { vi = "Trưởng nhóm ứng cứu", en = "Incident lead" },
       desc = { vi = "Điều phối, quyết định, báo cáo; đề xuất UBND tỉnh gia hạn nộp hồ sơ.",
                en = "Coordinates, decides, reports; proposes the filing extension to the People's Committee." } }
role { id = "soc", name = { vi = "Chuyên viên giám sát (SOC)", en = "SOC analyst" },
       desc = { vi = "Phân loại cảnh báo, điều tra nhật ký WAF, đường truyền, Cổng Dịch vụ công.",
                en = "Triages alerts, investigates WAF, link and public-service portal logs." } }
role { id = "net", name = { vi = "Quản trị mạng", en = "Network administrator" },
       desc = { vi = "Đường truyền, WAF, làm việc với nhà cung cấp dịch vụ Internet (ISP).",
                en = "The link, the WAF, the work with the Internet service provider (ISP)." } }
role { id = "sys", name = { vi = "Quản trị hệ thống", en = "System administrator" },
       desc = { vi = "Máy chủ Cổng Dịch vụ công, tài khoản quản trị, thư điện tử.",
                en = "The public-service portal's servers, admin accounts, mail." } }
role { id = "comms", name = { vi = "Phụ trách truyền thông", en = "Communications officer" },
       desc = { vi = "Thông báo cho người dân, báo chí, UBND xã/phường và các trường.",
                en = "Notices to citizens, the press, communes and schools." } }

-- ───────────────────────────── assets ────────────────────────────
asset { id = "dvc", kind = "web", level = 3, zone = "dmz",
        name = { vi = "Cổng Dịch vụ công tỉnh (dichvucong.tinh.example)",
                 en = "Provincial public-service portal (dichvucong.tinh.example)" },
        desc = { vi = "Tiếp nhận hồ sơ trực tuyến; hôm nay là hạn chót nộp hồ sơ tuyển sinh đầu cấp. Trang quản "
                   .. "trị /quantri mở ra Internet để nhà thầu hỗ trợ từ xa.",
                 en = "Takes online applications; today is the school-enrolment filing deadline. The admin "
                   .. "page /quantri is open to the Internet so the contractor can help remotely." } }
asset { id = "portal", kind = "web", level = 3, zone = "dmz",
        name = { vi = "Cổng Thông tin điện tử tỉnh (www.tinh.example)",
                 en = "Provincial web portal (www.tinh.example)" },
        desc = { vi = "Nơi đăng thông báo chính thức của tỉnh; cùng đường truyền với Cổng Dịch vụ công.",
                 en = "Where the province posts official notices; shares the link with the public-service portal." } }
asset { id = "link", kind = "network", level = 3, zone = "perimeter",
        name = { vi = "Đường truyền Internet của Trung tâm dữ liệu (10 Gbps)",
                 en = "Data-centre Internet link (10 Gbps)" },
        desc = { vi = "Dải địa chỉ 203.0.113.0/24; hợp đồng với ISP có gói lọc DDoS theo yêu cầu (chưa từng kích hoạt).",
                 en = "Prefix 203.0.113.0/24; the ISP contract includes on-demand DDoS scrubbing (never activated)." } }
asset { id = "waf", kind = "waf", level = 3, zone = "dmz",
        name = { vi = "Tường lửa ứng dụng web (WAF)", en = "Web application firewall (WAF)" },
        desc = { vi = "Trước cả hai cổng; có thể giới hạn tốc độ, thử thách trình duyệt và giới hạn theo quốc gia.",
                 en = "In front of both portals; can rate-limit, challenge browsers and limit by country." } }
asset { id = "mail", kind = "mail", level = 2, zone = "internal",
        name = { vi = "Hộp thư liên hệ của Cổng (lienhe@tinh.example)",
                 en = "The portal's contact mailbox (lienhe@tinh.example)" },
        desc = { vi = "Hộp thư chung của Ban biên tập; thư cũ hơn 7 ngày tự chuyển vào lưu trữ.",
                 en = "The editorial board's shared mailbox; mail older than 7 days is archived automatically." } }
link("link", "waf")
link("waf", "dvc")
link("waf", "portal")
link("portal", "mail")

-- ───────────────────────────── signals ───────────────────────────
-- The attack (truth = true).
signal { id = "s_email", source = "mail", severity = "high", truth = true,
         text = { vi = "Thư tới lienhe@tinh.example từ " .. MAIL_FROM .. ": 'Chúng tôi sẽ đánh sập Cổng Thông tin "
                    .. "và Cổng Dịch vụ công của các ông đúng ngày hạn chót. Chuyển 2 BTC vào " .. BTC
                    .. " trước 10:00. Lúc 08:20 sẽ có một màn trình diễn nhỏ.'",
                  en = "Mail to lienhe@tinh.example from " .. MAIL_FROM .. ": 'We will take down your web "
                    .. "portal and public-service portal on the deadline day. Send 2 BTC to " .. BTC
                    .. " before 10:00. At 08:20 you get a small demonstration.'" } }
signal { id = "s_demo", source = "isp", severity = "critical", asset = "link", truth = true,
         technique = "T1498.002",
         text = { vi = "ISP: 42 Gbps lưu lượng UDP phản xạ DNS/NTP nhắm vào 203.0.113.0/24 từ 08:21; đường truyền "
                    .. "10 Gbps của tỉnh bão hoà, mất gói 85%.",
                  en = "ISP: 42 Gbps of DNS/NTP reflection traffic against 203.0.113.0/24 since 08:21; the "
                    .. "province's 10 Gbps link is saturated, 85% packet loss." } }
signal { id = "s_down", source = "monitoring", severity = "high", asset = "dvc", truth = true,
         technique = "T1498.002",
         text = { vi = "Giám sát dịch vụ: Cổng Dịch vụ công và Cổng TTĐT không truy cập được từ Internet.",
                  en = "Service monitoring: the public-service portal and the web portal are unreachable "
                    .. "from the Internet." } }
signal { id = "s_call", source = "phone", severity = "medium", asset = "dvc", truth = true,
         text = { vi = "Đường dây nóng: nhiều phụ huynh gọi hỏi vì không nộp được hồ sơ tuyển sinh, lo quá hạn.",
                  en = "Hotline: many parents call: they cannot file the enrolment application and fear "
                    .. "missing the deadline." } }
signal { id = "s_reminder", source = "mail", severity = "medium", asset = "mail", truth = true,
         text = { vi = "Thư thứ hai từ " .. MAIL_FROM .. ": 'Còn 20 phút. Màn trình diễn chỉ là 1% sức mạnh.'",
                  en = "Second mail from " .. MAIL_FROM .. ": '20 minutes left. The demonstration was 1% of "
                    .. "our power.'" } }
signal { id = "s_main", source = "isp", severity = "critical", asset = "link", truth = true,
         technique = "T1498.001",
         text = { vi = "ISP: đợt tấn công lớn 280 Gbps đa hướng (UDP, SYN, khuếch đại DNS) vào 203.0.113.0/24; "
                    .. "đường truyền của tỉnh mất kết nối hoàn toàn.",
                  en = "ISP: a 280 Gbps multi-vector flood (UDP, SYN, DNS amplification) against "
                    .. "203.0.113.0/24; the province's link is cut off completely." } }
signal { id = "s_main_scrubbed", source = "isp", severity = "high", asset = "link", truth = true,
         technique = "T1498.001",
         text = { vi = "ISP: trung tâm lọc đang hấp thụ 280 Gbps đa hướng nhắm vào 203.0.113.0/24; lưu lượng sạch "
                    .. "vẫn tới được tỉnh, độ trễ tăng nhẹ.",
                  en = "ISP: the scrubbing centre is absorbing a 280 Gbps multi-vector flood against "
                    .. "203.0.113.0/24; clean traffic still reaches the province, slightly slower." } }
signal { id = "s_http", source = "waf", severity = "high", asset = "dvc", truth = true,
         technique = "T1499.002",
         text = { vi = "WAF: 85.000 yêu cầu/giây HTTPS GET /tra-cuu-ho-so?ma=<ngẫu nhiên> vào Cổng Dịch vụ công "
                    .. "từ khoảng 14.000 địa chỉ, 92% ở nước ngoài.",
                  en = "WAF: 85,000 HTTPS GET /tra-cuu-ho-so?ma=<random> requests per second against the "
                    .. "public-service portal from about 14,000 addresses, 92% abroad." } }
signal { id = "s_wave3", source = "waf", severity = "critical", asset = "dvc", truth = true,
         technique = "T1499.002",
         text = { vi = "Đợt mới: 120 Gbps vào đường truyền và HTTP flood từ khoảng 9.000 modem gia đình TRONG NƯỚC; "
                    .. "mỗi địa chỉ gửi vài trăm yêu cầu mỗi phút.",
                  en = "New wave: 120 Gbps at the link and an HTTP flood from about 9,000 DOMESTIC home "
                    .. "routers; each address sends a few hundred requests a minute." } }
signal { id = "s_bruteforce", source = "waf", severity = "low", asset = "dvc", truth = true,
         technique = "T1110.004",
         text = { vi = "WAF: 1.240 lần đăng nhập thất bại vào /quantri của Cổng Dịch vụ công trong 20 phút từ 37 "
                    .. "địa chỉ (nhiều nhất " .. STUFF_IP .. "), thử các cặp tài khoản/mật khẩu khác nhau.",
                  en = "WAF: 1,240 failed sign-ins to the public-service portal's /quantri in 20 minutes "
                    .. "from 37 addresses (most from " .. STUFF_IP .. "), trying different user/password pairs." } }
signal { id = "s_adminlogin", source = "application", severity = "low", asset = "dvc", truth = true,
         technique = "T1078",
         text = { vi = "Nhật ký Cổng Dịch vụ công: tài khoản quản trị qtv_dvc đăng nhập thành công từ " .. STUFF_IP
                    .. " (nước ngoài); nhà thầu nói không ai của họ đang làm việc.",
                  en = "Public-service portal log: admin account qtv_dvc signed in from " .. STUFF_IP
                    .. " (abroad); the contractor says none of its staff is working on it." } }
signal { id = "s_export", source = "db-audit", severity = "critical", asset = "dvc", truth = true,
         technique = "T1213",
         text = { vi = "Kiểm toán CSDL: qtv_dvc xuất 38.214 hồ sơ tuyển sinh (họ tên, ngày sinh, số định danh, "
                    .. "địa chỉ của trẻ và phụ huynh) ra tệp và tải xuống.",
                  en = "Database audit: qtv_dvc exported 38,214 enrolment applications (names, birth dates, "
                    .. "ID numbers, addresses of children and parents) to a file and downloaded it." } }
signal { id = "s_demand2", source = "mail", severity = "medium", asset = "mail", truth = true,
         text = { vi = "Thư mới từ " .. MAIL_FROM .. ": 'Đã nhận. Giá đã tăng: thêm 4 BTC nếu muốn yên ổn đến cuối tuần.'",
                  en = "New mail from " .. MAIL_FROM .. ": 'Received. The price went up: 4 BTC more if you want "
                    .. "peace until the weekend.'" } }

-- False positives (truth = false).
signal { id = "s_rush", source = "monitoring", severity = "medium", asset = "dvc", truth = false,
         text = { vi = "Giám sát: lưu lượng vào Cổng Dịch vụ công gấp 3 lần bình thường từ 07:45.",
                  en = "Monitoring: traffic to the public-service portal has been 3× normal since 07:45." } }
signal { id = "s_probe", source = "uptime-probe", severity = "medium", asset = "portal", truth = false,
         text = { vi = "Dịch vụ đo kiểm từ nước ngoài: Cổng TTĐT không phản hồi từ 09:22 (điểm đo Singapore).",
                  en = "External uptime service: the web portal has not answered since 09:22 (Singapore probe)." } }
signal { id = "s_claim", source = "social-media", severity = "high", asset = "portal", truth = false,
         text = { vi = "Một kênh trên mạng xã hội tuyên bố 'đã hack Cổng TTĐT tỉnh và lấy toàn bộ dữ liệu công dân', "
                    .. "kèm ảnh chụp một trang danh bạ cán bộ.",
                  en = "A social-media channel claims it 'hacked the provincial portal and took all citizens' "
                    .. "data', with a screenshot of a staff directory page." } }

-- Everyday noise.
signal { id = "n_spam", source = "mail-gateway", severity = "low", truth = false,
         text = { vi = "Cổng thư: chặn 480 thư rác trong 1 giờ — mức bình thường.",
                  en = "Mail gateway: 480 spam e-mails blocked in an hour — the usual level." } }
signal { id = "n_ssh", source = "firewall", severity = "low", truth = false,
         text = { vi = "Tường lửa: 2.100 lần dò SSH từ 198.51.100.210, đều bị chặn.",
                  en = "Firewall: 2,100 SSH probes from 198.51.100.210, all blocked." } }
signal { id = "n_cert", source = "monitoring", severity = "info", truth = false,
         text = { vi = "Chứng chỉ TLS của www.tinh.example hết hạn sau 30 ngày.",
                  en = "The TLS certificate of www.tinh.example expires in 30 days." } }
signal { id = "n_vpn", source = "vpn", severity = "low", truth = false,
         text = { vi = "VPN: một cán bộ Sở Giáo dục đăng nhập từ tỉnh bạn — đang tập huấn theo lịch.",
                  en = "VPN: a Department of Education officer signed in from another province — at a "
                    .. "scheduled training." } }
signal { id = "n_disk", source = "monitoring", severity = "low", truth = false,
         text = { vi = "Máy chủ nhật ký: ổ lưu trữ đầy 88% do lượng nhật ký WAF tăng.",
                  en = "Log server: storage 88% full because of the extra WAF logs." } }

-- ───────────────────────────── helpers ───────────────────────────
local function has(list, x)
  for _, v in ipairs(list or {}) do
    if v == x then return true end
  end
  return false
end

local function link_down(w)
  return VOLUMETRIC[w.turn] ~= nil and not w.vars.scrub
end

local function http_down(w)
  local kind = HTTP_FLOOD[w.turn]
  if not kind or w.vars.rate then return false end
  return not (kind == "foreign" and w.vars.geo)
end

local function dvc_down(w)
  local D = w.asset.dvc
  return link_down(w) or http_down(w) or D.isolated or not D.online
end

-- Is the attacker inside the admin page right now?
local function intruder_in(w)
  local D = w.asset.dvc
  return w.vars.breached and D.compromised and D.online and not D.isolated
end

-- ───────────────────────────── the attacker's script ─────────────
at(1, function(w)
  local V = w.vars
  V.scrub, V.rate, V.geo, V.admin_safe, V.bf_known = false, false, false, false, false
  V.breached, V.stolen, V.paid, V.notice, V.extended, V.ext_announced = false, false, false, false, false, false
  V.email_kept, V.police_ev, V.gave_up, V.was_down = false, false, false, false
  V.down = 0
  V.noise_left = { "n_spam", "n_ssh", "n_cert", "n_vpn", "n_disk" }
  w:log { vi = "Một nhóm tống tiền DDoS thuê mạng botnet gửi thư đe doạ tới hộp thư liên hệ của Cổng.",
          en = "A ransom-DDoS crew renting a botnet sends its threat to the portal's contact mailbox." }
  w:signal("s_email")
  w:signal("s_rush")
end)

at(3, function(w) if w.vars.was_down then w:signal("s_call") end end)
at(5, function(w) w:signal("s_probe") end)
at(6, function(w) if not w.vars.paid then w:signal("s_reminder") end end)
at(10, function(w) w:signal("s_claim") end)
at(13, function(w) if w.vars.paid then w:signal("s_demand2") end end)

-- Every turn, at its start: the floods, the intruder, the availability.
every(1, function(w)
  local V, t = w.vars, w.turn

  -- The volumetric waves and what the team sees of them.
  if t == 2 then
    w:log { vi = "Màn trình diễn: 42 Gbps phản xạ DNS/NTP trong 40 phút.",
            en = "The demonstration: 42 Gbps of DNS/NTP reflection for 40 minutes." }
    w:signal("s_demo")
  elseif t == 7 then
    w:log { vi = "Đợt chính 280 Gbps bắt đầu (kẻ tấn công không nhận được tiền hoặc vẫn muốn thêm).",
            en = "The 280 Gbps main wave begins (no payment, or the crew wants more anyway)." }
    w:signal(V.scrub and "s_main_scrubbed" or "s_main")
  elseif t == 9 then
    w:signal("s_http")
  elseif t == 14 then
    w:log { vi = "Đợt ba: botnet modem gia đình trong nước để vượt giới hạn theo quốc gia.",
            en = "Third wave: a botnet of domestic home routers, to get past country limits." }
    w:signal("s_wave3")
  elseif t == GIVE_UP then
    V.gave_up = true
    w:log { vi = "Không ai trả tiền thêm và các đợt tấn công không còn hiệu quả: nhóm tống tiền bỏ đi.",
            en = "No more money and the waves no longer work: the crew moves on." }
  end

  -- Behind the flood: credential stuffing on the admin page.
  if t == BRUTE_TURN then
    w:log { vi = "Trong lúc mọi người nhìn vào DDoS, " .. STUFF_IP .. " và 36 địa chỉ khác dò mật khẩu /quantri "
              .. "bằng danh sách tài khoản bị lộ.",
            en = "While everyone watches the DDoS, " .. STUFF_IP .. " and 36 other addresses try leaked "
              .. "passwords on /quantri." }
    w:signal("s_bruteforce")
  elseif t == BREACH_TURN and not V.admin_safe then
    V.breached = true
    w:compromise("dvc", { technique = "T1078" })
    w:penalize("missed_intrusion")
    w:log { vi = "Mật khẩu qtv_dvc (dùng lại từ một vụ lộ lọt cũ) khớp: kẻ tấn công vào trang quản trị.",
            en = "qtv_dvc's password (reused from an old leak) matches: the attacker is in the admin page." }
    w:signal("s_adminlogin")
  elseif t == EXPORT_TURN and intruder_in(w) then
    V.stolen = true
    w:log { vi = "Kẻ tấn công xuất và tải về 38.214 hồ sơ tuyển sinh.",
            en = "The attacker exports and downloads 38,214 enrolment applications." }
    w:signal("s_export")
  end

  -- Availability of the public-service portal this turn.
  local down = dvc_down(w)
  if down then
    V.down = V.down + 1
    if not V.was_down then
      V.was_down = true
      if t == 2 then
        w:signal("s_down")
      elseif link_down(w) then
        w:signal("s_down", { id = "s_down_" .. t })
      else
        w:signal("s_down", { id = "s_down_" .. t, technique = "T1499.002",
          text = { vi = "Giám sát dịch vụ: Cổng Dịch vụ công quá tải, 94% yêu cầu hết thời gian chờ; Cổng TTĐT "
                     .. "và đường truyền vẫn bình thường.",
                   en = "Service monitoring: the public-service portal is overloaded, 94% of requests time "
                     .. "out; the web portal and the link are fine." } })
      end
    end
  elseif V.was_down then
    V.was_down = false
    w:note { vi = "Cổng Dịch vụ công truy cập lại được từ Internet.",
             en = "The public-service portal is reachable from the Internet again." }
  end
end)

-- Everyday noise.
every(3, function(w)
  local left = w.vars.noise_left
  if #left > 0 and w:chance(0.6) then
    w:signal(table.remove(left, w:random(1, #left)))
  end
end)

-- Silence towards citizens: two hours after the first outage, nothing said.
when(function(w) return w.turn >= 9 and not w.vars.notice end,
     function(w)
       w:penalize("silence")
       w:note { vi = "Báo điện tử đưa tin 'Cổng Dịch vụ công tê liệt ngày hạn chót, chính quyền im lặng'.",
                en = "An online paper runs 'Public-service portal down on deadline day, authorities silent'." }
     end)

-- ───────────────────────────── actions ───────────────────────────
action { id = "scrubbing", roles = { "net", "lead" }, cost = 1, turns = SCRUB_TURNS, target = "none",
  label = { vi = "Kích hoạt dịch vụ lọc DDoS của ISP", en = "Activate the ISP's DDoS scrubbing" },
  help = { vi = "Công văn đề nghị, xác nhận dải 203.0.113.0/24, ISP chuyển hướng BGP qua trung tâm lọc. Mất "
             .. SCRUB_TURNS .. " lượt.",
           en = "A formal request, confirming 203.0.113.0/24, the ISP diverts BGP through its scrubbing "
             .. "centre. Takes " .. SCRUB_TURNS .. " turns." },
  run = function(w, a)
    w.vars.scrub = true
    w:note { vi = "ISP xác nhận: lưu lượng tới 203.0.113.0/24 đi qua trung tâm lọc; tấn công khối lượng bị hấp thụ "
               .. "ở thượng nguồn.",
             en = "The ISP confirms: traffic to 203.0.113.0/24 now goes through its scrubbing centre; "
               .. "volumetric floods are absorbed upstream." }
  end }

action { id = "rate_limit", roles = { "net" }, cost = 1, turns = 1, target = "none",
  label = { vi = "Giới hạn tốc độ và thử thách trình duyệt tại WAF", en = "Rate limits and browser challenge at the WAF" },
  help = { vi = "Giới hạn số yêu cầu mỗi địa chỉ, thử thách JavaScript cho trang tra cứu, bộ nhớ đệm trang tĩnh.",
           en = "Per-address request limits, a JavaScript challenge on the lookup page, caching of static pages." },
  run = function(w, a)
    w.vars.rate = true
    w:note { vi = "WAF: giới hạn 60 yêu cầu/phút mỗi địa chỉ cho /tra-cuu-ho-so, thử thách trình duyệt bật; người "
               .. "nộp hồ sơ thật vẫn qua được.",
             en = "WAF: 60 requests a minute per address on /tra-cuu-ho-so, browser challenge on; real "
               .. "applicants still get through." }
  end }

action { id = "geo_limit", roles = { "net" }, cost = 1, turns = 1, target = "none",
  label = { vi = "Tạm giới hạn truy cập từ nước ngoài", en = "Temporarily limit foreign traffic" },
  help = { vi = "Chỉ cho phép địa chỉ trong nước vào hai cổng (người dân ở nước ngoài sẽ tạm không truy cập được).",
           en = "Only domestic addresses may reach the portals (citizens abroad lose access for now)." },
  run = function(w, a)
    w.vars.geo = true
    w:note { vi = "WAF chặn tạm thời địa chỉ nước ngoài vào hai cổng; cần thông báo cho người dân đang ở nước ngoài.",
             en = "The WAF blocks foreign addresses to both portals for now; citizens abroad need to be told." }
  end }

action { id = "restrict_admin", roles = { "net", "sys" }, cost = 1, turns = 1, target = "none",
  label = { vi = "Đóng trang quản trị /quantri khỏi Internet", en = "Take /quantri off the Internet" },
  help = { vi = "Chỉ cho vào /quantri từ mạng nội bộ hoặc VPN; nhà thầu hỗ trợ qua VPN.",
           en = "/quantri only from the internal network or VPN; the contractor works through the VPN." },
  run = function(w, a)
    local V = w.vars
    V.admin_safe = true
    if V.breached and w.asset.dvc.compromised then
      w:set("dvc", "compromised", false)
      w:reveal("dvc", "compromised")
      w:note { vi = "/quantri chỉ còn truy cập từ nội bộ; phiên của kẻ tấn công bị cắt.",
               en = "/quantri is internal-only now; the attacker's session is cut." }
    else
      w:note { vi = "/quantri chỉ còn truy cập từ mạng nội bộ và VPN.",
               en = "/quantri is reachable only from the internal network and the VPN." }
    end
  end }

action { id = "extend_deadline", roles = { "lead" }, cost = 1, turns = 2, target = "none",
  label = { vi = "Đề xuất UBND tỉnh gia hạn nộp hồ sơ", en = "Ask the People's Committee to extend the filing deadline" },
  help = { vi = "Tờ trình gia hạn 3 ngày; chờ Chủ tịch UBND tỉnh ký (2 lượt). Sau đó phải thông báo cho người dân.",
           en = "A proposal for a 3-day extension; waits for the Chairman's signature (2 turns). Then "
             .. "citizens must be told." },
  run = function(w, a)
    w.vars.extended = true
    w:note { vi = "Chủ tịch UBND tỉnh đã ký quyết định gia hạn nộp hồ sơ tuyển sinh thêm 3 ngày. Hãy thông báo.",
             en = "The Chairman signed a 3-day extension of the enrolment filing deadline. Announce it." }
  end }

action { id = "pay_ransom", roles = { "lead" }, cost = 1, turns = 1, target = "none",
  label = { vi = "Trả tiền chuộc", en = "Pay the ransom" },
  help = { vi = "Chuyển 2 BTC theo yêu cầu của kẻ tống tiền.", en = "Send the 2 BTC the extortionists demand." },
  run = function(w, a)
    w.vars.paid = true
    w:penalize("paid_ransom")
    w:log { vi = "Tiền đã chuyển. Nhóm tống tiền ghi nhận tỉnh này là 'khách hàng trả tiền' và vẫn tiếp tục.",
            en = "The money is sent. The crew marks the province as 'one that pays' and carries on." }
  end }

-- ───────────────────────────── consequences of standard actions ───
on("investigate", function(w, a)
  local V, t = w.vars, a.target
  if t == "mail" then
    w:note { vi = "Thư tống tiền: gửi qua " .. MAIL_RELAY .. " (dịch vụ thư ẩn danh), địa chỉ ví " .. BTC
               .. ". Nội dung giống các thư đã được cảnh báo ở nhiều nước; nhiều nhóm chỉ đe doạ mà không tấn "
               .. "công. Không trả lời, giữ nguyên thư gốc kèm tiêu đề đầy đủ.",
             en = "The extortion mail: sent through " .. MAIL_RELAY .. " (an anonymous mail service), "
               .. "wallet " .. BTC .. ". The wording matches mails reported in many countries; many crews "
               .. "only threaten. Do not reply; keep the original with full headers." }
  elseif t == "dvc" or t == "waf" then
    if t == "dvc" then w:reveal("dvc", "compromised") end
    if w.turn >= BRUTE_TURN then
      V.bf_known = true
      local extra_vi, extra_en = "", ""
      if V.breached and w.asset.dvc.compromised then
        extra_vi = " qtv_dvc ĐANG đăng nhập từ " .. STUFF_IP .. " và mở chức năng xuất hồ sơ."
        extra_en = " qtv_dvc IS signed in from " .. STUFF_IP .. " and has opened the export function."
      end
      w:note { vi = "Lẫn trong nhật ký tấn công: dò mật khẩu /quantri từ 37 địa chỉ; tài khoản qtv_dvc dùng mật "
                 .. "khẩu trùng với một vụ lộ lọt cũ; /quantri mở ra Internet." .. extra_vi,
               en = "Buried in the flood logs: password guessing on /quantri from 37 addresses; qtv_dvc's "
                 .. "password matches an old leak; /quantri is open to the Internet." .. extra_en }
    else
      w:note { vi = "Lưu lượng vào Cổng Dịch vụ công cao do phụ huynh nộp hồ sơ ngày cuối: người dùng thật, "
                 .. "phiên hợp lệ. /quantri đang mở ra Internet cho nhà thầu.",
               en = "High traffic on the public-service portal: parents filing on the last day — real "
                 .. "users, valid sessions. /quantri is open to the Internet for the contractor." }
    end
  elseif t == "link" then
    w:note { vi = "Dữ liệu netflow: các đợt lũ là UDP phản xạ (DNS, NTP) và SYN; đường truyền 10 Gbps không thể tự "
               .. "chống đỡ — cần lọc ở thượng nguồn (ISP).",
             en = "Netflow: the floods are UDP reflection (DNS, NTP) and SYN; a 10 Gbps link cannot absorb "
               .. "them — it takes upstream scrubbing (the ISP)." }
  elseif t == "portal" then
    w:note { vi = "Cổng TTĐT: không có dấu hiệu xâm nhập; ảnh 'danh bạ cán bộ' trên mạng xã hội là trang công khai. "
               .. "Điểm đo Singapore bị mất kết nối do sự cố của chính nhà cung cấp dịch vụ đo.",
             en = "Web portal: no sign of intrusion; the 'staff directory' screenshot is a public page. The "
               .. "Singapore probe lost connectivity through its own provider's fault." }
  end
end)

on("collect_evidence", function(w, a)
  if a.target == "mail" then
    w.vars.email_kept = true
    w:note { vi = "Đã xuất thư tống tiền gốc (.eml, đủ tiêu đề), tính SHA-256, lập biên bản lưu giữ; lưu kèm nhật ký "
               .. "WAF và netflow.",
             en = "The original extortion mails exported (.eml, full headers), SHA-256 hashed, custody record "
               .. "written; WAF and netflow logs kept with them." }
  end
end)

on("reset_credentials", function(w, a)
  local V = w.vars
  if a.target ~= "dvc" then return end
  V.admin_safe = true
  if V.breached and w.asset.dvc.compromised then
    w:set("dvc", "compromised", false)
    w:reveal("dvc", "compromised")
    w:note { vi = "Đổi mật khẩu qtv_dvc, bật xác thực hai lớp, huỷ mọi phiên: kẻ tấn công bị đẩy ra.",
             en = "qtv_dvc reset, two-factor sign-in on, every session ended: the attacker is out." }
  else
    w:note { vi = "Đổi mật khẩu các tài khoản quản trị Cổng Dịch vụ công và bật xác thực hai lớp.",
             en = "The public-service portal's admin passwords reset and two-factor sign-in turned on." }
  end
end)

on("isolate", function(w, a)
  if a.target == "dvc" then
    w:note { vi = "Cổng Dịch vụ công bị ngắt khỏi mạng: người dân không nộp được hồ sơ cho tới khi kết nối lại.",
             en = "The public-service portal is cut off: nobody can file until it is reconnected." }
  end
end)

on("communicate", function(w, a)
  local V = w.vars
  if a.target == "staff" then return end
  if has(a.facts, "impact") then
    V.notice = true
    if V.extended then V.ext_announced = true end
  else
    w:penalize("understated_statement")
  end
end)

on("report", function(w, a)
  if a.target == "police" and has(a.facts, "evidence") then
    if w.vars.email_kept then
      w.vars.police_ev = true
    else
      w:note { vi = "PA05: cần thư tống tiền gốc có đủ tiêu đề và nhật ký tấn công; chưa có bản lưu nào.",
               en = "PA05: we need the original extortion mail with full headers and the attack logs; "
                 .. "nothing has been preserved." }
    end
  end
end)

on("request_support", function(w, a)
  if a.target == "isp" then
    w:note { vi = "NOC của ISP: thấy rõ các đợt lũ ở biên mạng; để lọc cần công văn kích hoạt gói lọc DDoS "
               .. "(hành động 'Kích hoạt dịch vụ lọc'), mất khoảng một giờ.",
             en = "The ISP's NOC sees the floods at its edge; scrubbing needs a formal activation request "
               .. "(the 'activate scrubbing' action), about an hour of work." }
  elseif a.target == "vncert" then
    w:note { vi = "VNCERT/CC: thư này khớp mẫu tống tiền DDoS đang nhắm vào nhiều cơ quan; khuyến nghị không trả "
               .. "tiền, lọc ở ISP, giới hạn tốc độ, và rà soát xâm nhập trong lúc bị DDoS.",
             en = "VNCERT/CC: the mail matches a ransom-DDoS campaign against many agencies; advice: do not "
               .. "pay, scrub at the ISP, rate-limit, and look for intrusions during the DDoS." }
  elseif a.target == "vendor" then
    w:note { vi = "Nhà thầu Cổng Dịch vụ công: nhân viên của họ không làm việc trên /quantri hôm nay; đồng ý chỉ "
               .. "truy cập qua VPN.",
             en = "The portal's contractor: none of its staff is working on /quantri today; it agrees to "
               .. "use the VPN only." }
  end
end)

-- ───────────────────────────── scoring ───────────────────────────
objective { id = "detect", capability = "detection", points = 10, by_turn = 3,
  label = { vi = "Xác nhận thư tống tiền hoặc đợt tấn công thử là thật trước 09:00",
            en = "Confirm the extortion mail or the demonstration flood by 09:00" },
  explain = { vi = "Thư tống tiền báo trước giờ 'trình diễn'; khi đường truyền bão hoà đúng giờ đó, mối đe doạ là thật.",
              en = "The mail announced the demonstration's time; when the link filled up at that time, the "
                .. "threat was real." },
  met = function(w) return w:flagged("s_email") or w:flagged("s_demo") end }

objective { id = "scrubbing", capability = "containment", points = 15, by_turn = 8,
  label = { vi = "Dịch vụ lọc DDoS của ISP hoạt động trước đợt tấn công chính (trước 10:40)",
            en = "The ISP's scrubbing is active before the main wave (by 10:40)" },
  explain = { vi = "Không thiết bị nào của tỉnh chịu nổi hàng trăm Gbps; chỉ lọc ở thượng nguồn mới giữ được đường "
                .. "truyền. Kích hoạt mất khoảng một giờ: phải làm ngay khi có thư đe doạ.",
              en = "Nothing the province owns survives hundreds of Gbps; only upstream scrubbing keeps the link. "
                .. "Activation takes about an hour: start as soon as the threat arrives." },
  met = function(w) return w.vars.scrub end }

objective { id = "layer7", capability = "containment", points = 15, by_turn = 10,
  label = { vi = "Giới hạn tốc độ và thử thách trình duyệt cho tấn công tầng ứng dụng",
            en = "Rate limits and browser challenges against the application-layer flood" },
  explain = { vi = "Lọc của ISP không phân biệt được yêu cầu HTTPS hợp lệ; WAF phải giới hạn tốc độ. Giới hạn theo "
                .. "quốc gia chỉ chặn được đợt từ nước ngoài, không chặn được botnet trong nước.",
              en = "ISP scrubbing cannot tell valid HTTPS requests apart; the WAF must rate-limit. A country "
                .. "limit stops the foreign wave only, not a domestic botnet." },
  met = function(w) return w.vars.rate end }

objective { id = "notice", capability = "communication", points = 10, by_turn = 6,
  label = { vi = "Thông báo tình trạng cho người dân (nêu rõ ảnh hưởng, biện pháp) trước 10:00",
            en = "Tell citizens the status (impact, measures) by 10:00" },
  explain = { vi = "Phụ huynh cần biết vì sao không nộp được và phải làm gì; thông báo trên Cổng TTĐT, mạng xã hội "
                .. "chính thức, qua UBND xã và các trường.",
              en = "Parents need to know why filing fails and what to do; post it on the portal, the "
                .. "official social pages, through communes and schools." },
  met = function(w) return w.vars.notice end }

objective { id = "extension", capability = "recovery", points = 10,
  label = { vi = "Gia hạn nộp hồ sơ và thông báo cho người dân", en = "Extend the filing deadline and announce it" },
  explain = { vi = "Người dân không được chịu thiệt vì sự cố của hệ thống: đề xuất gia hạn sớm, và thông báo sau khi "
                .. "có quyết định.",
              en = "Citizens must not lose out because of the system's outage: propose the extension early, "
                .. "and announce it once signed." },
  met = function(w) return w.vars.ext_announced end }

objective { id = "intrusion", capability = "detection", points = 15, by_turn = BREACH_TURN - 1,
  label = { vi = "Phát hiện và chặn việc dò mật khẩu quản trị ẩn sau DDoS trước 11:20",
            en = "Find and stop the admin password guessing hidden behind the DDoS by 11:20" },
  explain = { vi = "DDoS thường là màn khói: một dòng cảnh báo mức thấp về /quantri bị lấn át bởi hàng nghìn cảnh báo "
                .. "lũ truy cập. Đóng trang quản trị khỏi Internet hoặc đổi mật khẩu và bật xác thực hai lớp.",
              en = "A DDoS is often a smokescreen: one low alert on /quantri drowned among thousands of flood "
                .. "alerts. Take the admin page off the Internet, or reset the password with two-factor sign-in." },
  met = function(w)
    local V = w.vars
    return (V.bf_known or w:flagged("s_bruteforce")) and V.admin_safe and not V.breached
  end }

objective { id = "report_vncert", capability = "reporting", points = 10, within_minutes = 240,
  label = { vi = "Báo cáo VNCERT/CC (hệ thống, ảnh hưởng, chỉ dấu) trước 12:00",
            en = "Report to VNCERT/CC (asset, impact, indicators) by 12:00" },
  explain = { vi = "Thư, ví tiền và các hướng tấn công giúp VNCERT/CC cảnh báo các tỉnh khác đang nhận cùng loại thư.",
              en = "The mail, the wallet and the attack vectors let VNCERT/CC warn other provinces receiving "
                .. "the same mail." },
  met = function(w) return w:reported { to = "vncert", facts = { "asset", "impact", "indicators" } } end }

objective { id = "report_police", capability = "reporting", points = 10, within_minutes = 480,
  label = { vi = "Chuyển Công an tỉnh (PA05) vụ tống tiền kèm thư gốc", en = "Hand the extortion to PA05 with the original mail" },
  explain = { vi = "Cưỡng đoạt tài sản qua mạng là tội phạm: giữ nguyên thư gốc có đủ tiêu đề, nhật ký WAF và netflow.",
              en = "Extortion over the network is a crime: keep the original mail with full headers, WAF and "
                .. "netflow logs." },
  met = function(w)
    return w.vars.police_ev and w:reported { to = "police", facts = { "asset", "impact", "evidence" } }
  end }

objective { id = "report_owner", capability = "reporting", points = 5, within_minutes = 100,
  label = { vi = "Báo cáo cơ quan chủ quản (hệ thống, ảnh hưởng) trước 09:40",
            en = "Report to the system owner (asset, impact) by 09:40" },
  explain = { vi = "Lãnh đạo cần biết sớm để quyết định gia hạn và trả lời báo chí.",
              en = "Leadership needs to know early to decide on an extension and answer the press." },
  met = function(w) return w:reported { to = "owner", facts = { "asset", "impact" } } end }

-- ───────────────────────────── metrics ───────────────────────────
-- What the review's times mean in this incident. The flood compromises no host, so the
-- default rule (which watches compromised hosts) would say "never":
--   contained  the floods no longer take the portal down: the ISP scrubs upstream, the
--              WAF limits the application-layer flood, and no intruder is inside;
--   recovered  the public-service portal serves citizens, and the way in hidden behind
--              the flood is closed (/quantri off the Internet or its password reset).
metrics {
  contained = function(w) return w.vars.scrub and w.vars.rate and not intruder_in(w) end,
  recovered = function(w) return not dvc_down(w) and w.vars.admin_safe and not intruder_in(w) end,
}

penalty { id = "paid_ransom", capability = "coordination", points = 20,
  label = { vi = "Trả tiền cho kẻ tống tiền", en = "Paid the extortionists" },
  explain = { vi = "Trả tiền không dừng được tấn công: nhóm tống tiền đòi thêm và ghi tên tỉnh vào danh sách 'chịu "
                .. "trả'. Cơ quan nhà nước không được trả tiền chuộc.",
              en = "Paying did not stop the attack: the crew asked for more and listed the province as 'one "
                .. "that pays'. A state body must not pay a ransom." } }
penalty { id = "silence", capability = "communication", points = 10,
  label = { vi = "Im lặng với người dân khi dịch vụ bị gián đoạn", en = "Silence towards citizens during the outage" },
  explain = { vi = "Ngày hạn chót, im lặng khiến phụ huynh hoang mang và báo chí đưa tin trước chính quyền.",
              en = "On deadline day, silence left parents confused and the press told the story first." } }
penalty { id = "missed_intrusion", capability = "detection", points = 10,
  label = { vi = "Bỏ sót xâm nhập ẩn sau DDoS", en = "Missed the intrusion hidden behind the DDoS" },
  explain = { vi = "Khi bị DDoS, vẫn phải có người xem các cảnh báo khác: kẻ tấn công đã đăng nhập trang quản trị.",
              en = "During a DDoS someone must still watch the other alerts: the attacker signed in to the "
                .. "admin page." } }
penalty { id = "understated_statement", capability = "communication", points = 5,
  label = { vi = "Thông báo công khai không nêu ảnh hưởng", en = "A public statement without the impact" },
  explain = { vi = "'Hệ thống đang bảo trì' không giúp phụ huynh; hãy nói rõ cổng bị tấn công, ảnh hưởng và cách xử lý.",
              en = "'The system is under maintenance' does not help parents; say it is under attack, the "
                .. "impact and what to do." } }

hint { from_turn = 2, cost = 3,
  text = { vi = "Lưu lượng gấp 3 lúc 07:45 là phụ huynh nộp hồ sơ ngày cuối. Thư tống tiền là thật khi đường truyền "
             .. "bão hoà đúng giờ báo trước: kích hoạt ngay gói lọc của ISP (mất khoảng một giờ).",
           en = "The 3× traffic at 07:45 is parents filing on the last day. The mail is real once the link "
             .. "fills at the announced time: activate the ISP's scrubbing now (about an hour)." } }
hint { from_turn = 6, cost = 5,
  text = { vi = "Không trả tiền. Thông báo cho người dân (ảnh hưởng, biện pháp), đề xuất gia hạn, giữ thư gốc để "
             .. "chuyển Công an. Chuẩn bị giới hạn tốc độ trên WAF cho đợt tấn công tầng ứng dụng.",
           en = "Do not pay. Tell citizens (impact, measures), propose an extension, keep the original mail "
             .. "for the police. Prepare WAF rate limits for an application-layer wave." } }
hint { from_turn = 8, cost = 5,
  text = { vi = "Giữa hàng nghìn cảnh báo lũ, có một cảnh báo mức thấp về trang quản trị /quantri. Đừng để DDoS "
             .. "che mắt.",
           en = "Among thousands of flood alerts there is one low alert about the /quantri admin page. Do "
             .. "not let the DDoS blind you." } }

-- ───────────────────────────── endings (order matters) ───────────
ending { id = "smokescreen",
  text = { vi = "Trong lúc cả đội chống DDoS, kẻ tấn công đã đăng nhập trang quản trị và lấy 38.214 hồ sơ tuyển sinh "
             .. "của trẻ em. Đây là vi phạm dữ liệu cá nhân phải thông báo A05 trong 72 giờ.",
           en = "While the whole team fought the DDoS, the attacker signed in to the admin page and took "
             .. "38,214 children's enrolment applications — a personal-data breach to notify A05 within 72 hours." },
  when = function(w) return w.vars.stolen end }

ending { id = "portal_down",
  text = { vi = "Cổng Dịch vụ công không truy cập được hơn ba giờ trong ngày hạn chót; hàng nghìn phụ huynh không nộp "
             .. "được hồ sơ. Lọc ở ISP và giới hạn tốc độ phải được chuẩn bị từ lúc nhận thư đe doạ.",
           en = "The public-service portal was unreachable for over three hours on deadline day; thousands "
             .. "of parents could not file. Scrubbing and rate limits had to be prepared when the threat arrived." },
  when = function(w) return w.vars.down >= DOWN_LIMIT end }

ending { id = "weathered", success = true,
  text = { vi = "Nhóm tống tiền bỏ cuộc; Cổng Dịch vụ công vẫn phục vụ, người dân được thông tin và không ai mất quyền "
             .. "nộp hồ sơ. Hoàn tất báo cáo cuối cùng và giữ gói lọc của ISP ở chế độ sẵn sàng.",
           en = "The crew gave up; the public-service portal kept serving, citizens were informed and nobody "
             .. "lost the right to file. Finish the final report and keep the ISP's scrubbing on standby." },
  when = function(w)
    local V = w.vars
    return V.gave_up and not V.stolen and not intruder_in(w) and V.notice
      and (V.down < EXT_NEEDED or V.ext_announced) and not dvc_down(w)
  end }

-- ───────────────────────────── self-tests ────────────────────────
-- One turn = 20 minutes; 2 action points per role; an action queued in turn t
-- with turns = k completes at the end of turn t+k-1.

test { name = "textbook response", seed = 1, inputs = [[
# turn 1 (08:00): the mail; the traffic spike is the filing rush
soc triage s_email true
soc triage s_rush false
sys collect_evidence mail
net scrubbing
lead report owner --facts asset,impact
end
# turn 2 (08:20): the demonstration hits before scrubbing is active
soc triage s_demo true
comms communicate citizens --facts impact,actions
net rate_limit
lead report vncert --facts asset,impact,indicators
end
# turn 3 (08:40)
lead extend_deadline
lead report police --facts asset,impact,evidence
end
# turn 4 (09:00): scrubbing became active at the end of turn 3
end
# turn 5: the extension is signed at the end of turn 4 — announce it
comms communicate citizens --facts impact,actions
soc triage s_probe false
end
end
end
# turn 8 (10:20): one low alert behind the flood
soc triage s_bruteforce true
net restrict_admin
sys reset_credentials dvc
end
end
end
end
end
end
end
end
end
end
# turn 18: the crew gives up
end
]], expect = { outcome = "weathered", score = 100,
               metrics = { detected_by = 20, contained_by = 60, recovered_by = 160 },
               objectives = { detect = true, scrubbing = true, layer7 = true, notice = true,
                              extension = true, intrusion = true, report_vncert = true,
                              report_police = true, report_owner = true } } }

test { name = "idle team", seed = 2, inputs = string.rep("end\n", 27),
  expect = { outcome = "smokescreen", score = -20,
             metrics = { detected_by = false, contained_by = false, recovered_by = false },
             objectives = { detect = false, scrubbing = false, intrusion = false },
             penalties = { "silence", "missed_intrusion" } } }

test { name = "flood ignored, admin page closed", seed = 3, inputs = [[
soc triage s_email true
end
end
comms communicate citizens --facts impact
end
end
end
end
end
soc triage s_bruteforce true
net restrict_admin
end
end
end
end
end
end
end
end
end
]], expect = { outcome = "portal_down", score = 35,
               objectives = { detect = true, notice = true, intrusion = true, scrubbing = false } } }

test { name = "paid and silent", seed = 4, inputs = [[
soc triage s_email true
net scrubbing
lead pay_ransom
end
net rate_limit
end
end
end
end
end
end
sys reset_credentials dvc
soc investigate waf
end
]] .. string.rep("end\n", 19),
  expect = { outcome = "timeout", score = 25,
             objectives = { scrubbing = true, layer7 = true, intrusion = true, notice = false },
             penalties = { "paid_ransom", "silence" } } }

test { name = "intrusion caught late", seed = 5, inputs = [[
soc triage s_email true
net scrubbing
end
net rate_limit
comms communicate citizens
end
end
lead report vncert --facts asset,impact,indicators
end
end
end
# turn 7: the honest notice comes too late for the objective
comms communicate citizens --facts impact,actions
end
end
end
end
# turn 11: the admin sign-in appears; throw the attacker out before the export
soc triage s_adminlogin true
soc investigate dvc
sys reset_credentials dvc
end
end
end
end
end
end
end
end
end
]], expect = { outcome = "weathered",
               objectives = { intrusion = false, scrubbing = true, notice = false },
               penalties = { "missed_intrusion", "understated_statement" } } }

test { name = "geo-limit only", seed = 6, inputs = [[
soc triage s_email true
net scrubbing
comms communicate citizens --facts impact,actions
end
net geo_limit
net restrict_admin
end
lead extend_deadline
end
end
comms communicate citizens --facts impact,actions
end
end
end
soc investigate waf
end
end
end
end
end
end
# turns 14-17: the domestic botnet gets through a country limit
end
end
end
end
end
]], expect = { outcome = "weathered",
               metrics = { contained_by = false, recovered_by = false },
               objectives = { layer7 = false, scrubbing = true, extension = true, intrusion = true } } }
