-- fraud-impersonation.lua — a fraud campaign impersonating the public-service
-- portal and the eID app (scenario API v1).
--
-- Chiến dịch lừa đảo giả mạo Cổng Dịch vụ công và ứng dụng định danh điện tử:
-- tên miền giả, cuộc gọi tự xưng công an phường, ứng dụng độc hại đánh cắp OTP.
-- Look-alike domains, calls from fake ward police, a malicious app, OTP theft.
--
-- ─────────────────────────────────────────────────────────────────────────────
-- FOR TRAINERS: THE PLOT (ground truth — players never see this part)
-- ─────────────────────────────────────────────────────────────────────────────
-- Based on outline 10 of the domain notes and the 2024–2025 public reports of
-- fraud impersonating the police and the eID app (tens of thousands of reports
-- in weeks; fake ward police asking citizens to install an app that steals OTPs).
--
-- Nothing of the province's is hacked here: the real portal is fine. The harm is
-- to citizens, and the response is mostly takedown, warning and police work.
-- A team that only "does the technical part" loses. One turn = 1 hour; turn 1
-- starts at 08:00; turn 12 ends at 20:00.
--
--   turn 1  08:00  Hotline: a citizen got a call from a "ward police officer" who
--                  told her to "update her eID account" by installing an app from
--                  dichvucong-tinh.example (a look-alike of dichvucong.tinh.example);
--                  her bank then sent OTPs she never asked for (T1656, T1660).
--                  8 people have already lost money.
--   turn 2         Domain monitoring: the look-alike was registered 3 days ago
--                  (T1583.001). Citizens forward the portal's real status SMS
--                  (false positive).
--   turn 3         Spoofed SMS wave: "your eID account will be locked" (T1660).
--                  Citizens say the real portal "looks different" (false: the new
--                  interface launched last week).
--   turn 4         A bank's fraud team: dozens of customers lost money after their
--                  SMS OTPs were read by the app (T1636.004).
--   turn 5         A journalist asks for comment if no press statement yet.
--   Two turns after the first domain is taken down, the crew moves to a second
--   look-alike, vneid-capnhat.example: it must be taken down too.
--
-- Victims (start of every turn from turn 2): while a fake site is up, 12 a turn
-- with the calls going on, 6 once they stop (the SMS still work); with no site
-- up, 4 through direct links in calls, 0 once the calls stop:
--   base = site up ? (calls ? 12 : 6) : (calls ? 4 : 0)
--   rate = base × (4 − warnings) ÷ 4, warnings = public notice, the communes'
--   warning, a press statement (each cuts the rate by a quarter).
-- The calls stop two turns after the police receive the case WITH evidence
-- (they have the carriers block the numbers and the spoofed sender name).
--
-- Endings (checked in this order at the end of every turn):
--   fraud_wave  100 victims: the campaign ran away from the team;
--   disrupted   both fake domains down, the calls stopped, citizens and communes
--               warned (success);
--   timeout     (automatic) after turn 12 (20:00).
--
-- Scoring (100): detect 10, public warning by 10:00 15, communes warned by
-- 14:00 15, press 10, first takedown by 14:00 15, second takedown 10, police
-- with evidence 15, VNCERT/CC 10. Penalties: technical-only response 15, the
-- real portal's domain targeted 10, understated statement 5. Hints cost 2, 3, 5.
--
-- The look-alike trap: blocking the real portal's domain (a dot, not a hyphen)
-- by mistake is a penalty.
--
-- Self-tests (bottom): textbook (disrupted, 100), idle (fraud_wave),
-- technical only (fraud_wave), warned but no second takedown (timeout),
-- look-alike confusion (disrupted with penalties).
--
-- Tuning knobs: VICTIM_LIMIT, START_VICTIMS, TAKEDOWN_TURNS, MOVE_DELAY.
-- Documentation addresses and example domains only.
-- ─────────────────────────────────────────────────────────────────────────────

scenario {
  id = "fraud-impersonation", version = 2, api = 1,
  title = {
    vi = "Lừa đảo giả mạo Cổng Dịch vụ công và ứng dụng định danh điện tử",
    en = "Fraud impersonating the public-service portal and the eID app",
  },
  summary = {
    vi = "Đường dây nóng nhận cuộc gọi đầu tiên: một người dân được 'công an phường' hướng dẫn cài ứng dụng từ "
      .. "một trang giả mạo Cổng Dịch vụ công, rồi tài khoản ngân hàng bị rút tiền. Hệ thống của tỉnh không bị "
      .. "xâm nhập — người dân mới là nạn nhân. Đội ứng cứu phải gỡ các trang giả qua VNCERT/CC và nhà đăng ký "
      .. "tên miền, cảnh báo người dân, các xã và báo chí, và chuyển hồ sơ cho Công an.",
    en = "The hotline takes the first call: a 'ward police officer' told a citizen to install an app from a "
      .. "fake copy of the public-service portal, then her bank account was emptied. No provincial system "
      .. "is hacked — citizens are the victims. The team must take the fake sites down through VNCERT/CC and "
      .. "the registrar, warn citizens, communes and the press, and hand the case to the police.",
  },
  difficulty = "basic",
  turn_minutes = 60, max_turns = 12, action_points = 2, start_time = "08:00",
  attack = { "T1583.001", "T1656", "T1660", "T1636.004" },
}

-- Tuning knobs.
local START_VICTIMS  = 8     -- people who have already lost money at 08:00
local VICTIM_LIMIT   = 100   -- "fraud_wave"
local TAKEDOWN_TURNS = 3     -- VNCERT/CC and the registrar act
local MOVE_DELAY     = 2     -- turns after the first takedown: a second domain
local CALLS_DELAY    = 2     -- turns after the police case: numbers blocked

-- Indicators (documentation addresses and example domains only).
local REAL   = "dichvucong.tinh.example"
local FAKE1  = "dichvucong-tinh.example"
local FAKE2  = "vneid-capnhat.example"
local HOST_IP, APK_C2 = "203.0.113.200", "198.51.100.150"

-- ───────────────────────────── roles ─────────────────────────────
role { id = "lead", name = { vi = "Trưởng nhóm ứng cứu", en = "Incident lead" },
       desc = { vi = "Điều phối, đề nghị gỡ tên miền, báo cáo VNCERT/CC và Công an tỉnh.",
                en = "Coordinates, requests takedowns, reports to VNCERT/CC and the police." } }
role { id = "soc", name = { vi = "Chuyên viên giám sát (SOC)", en = "SOC analyst" },
       desc = { vi = "Phân loại phản ánh, phân tích trang giả và ứng dụng, lưu chứng cứ.",
                en = "Triages reports, analyses the fake site and the app, keeps evidence." } }
role { id = "net", name = { vi = "Quản trị mạng", en = "Network administrator" },
       desc = { vi = "Chặn tên miền, địa chỉ tại mạng của tỉnh; theo dõi tên miền giả mạo mới.",
                en = "Blocks domains and addresses on the province's network; watches for new look-alikes." } }
role { id = "comms", name = { vi = "Phụ trách truyền thông", en = "Communications officer" },
       desc = { vi = "Cảnh báo trên Cổng, trang mạng xã hội chính thức, các xã, báo chí.",
                en = "Warnings on the portal, the official social pages, the communes, the press." } }

-- ───────────────────────────── assets ────────────────────────────
asset { id = "dvc", kind = "web", level = 3, zone = "dmz",
        name = { vi = "Cổng Dịch vụ công tỉnh (" .. REAL .. ")", en = "Provincial public-service portal (" .. REAL .. ")" },
        desc = { vi = "Cổng thật; không bị xâm nhập. Giao diện mới ra mắt tuần trước. Gửi tin nhắn trạng thái hồ sơ "
                   .. "với tên người gửi DVCTINH.",
                 en = "The real portal; not compromised. A new interface launched last week. Sends application "
                   .. "status SMS as sender DVCTINH." } }
asset { id = "fake_site", kind = "web", level = 1, zone = "internet",
        name = { vi = "Trang giả mạo (" .. FAKE1 .. ")", en = "The fake site (" .. FAKE1 .. ")" },
        desc = { vi = "Không thuộc tỉnh; sao chép giao diện Cổng Dịch vụ công và phát tán tệp cài đặt ứng dụng.",
                 en = "Not the province's; copies the portal's look and hands out an app installer." } }
asset { id = "hotline", kind = "contact-centre", level = 2, zone = "internal",
        name = { vi = "Tổng đài hỗ trợ người dân", en = "Citizens' hotline" },
        desc = { vi = "Ghi âm cuộc gọi và lưu phiếu phản ánh.", en = "Records calls and keeps report tickets." } }
link("dvc", "hotline")

-- ───────────────────────────── signals ───────────────────────────
-- The campaign (truth = true).
signal { id = "s_call", source = "phone", severity = "medium", truth = true,
         technique = "T1656",
         text = { vi = "Tổng đài: bà N. (phường Đông) kể một người tự xưng 'cán bộ công an phường' gọi điện, yêu cầu "
                    .. "'cập nhật tài khoản định danh mức 2' bằng cách tải ứng dụng tại " .. FAKE1 .. ". Cài xong, "
                    .. "ngân hàng gửi mã OTP bà không yêu cầu; tài khoản bị chuyển đi 48 triệu đồng.",
                  en = "Hotline: Mrs N. (Dong ward) says a man calling himself 'a ward police officer' told her to "
                    .. "'update her level-2 eID account' by downloading an app from " .. FAKE1 .. ". After she "
                    .. "installed it, her bank sent OTPs she never asked for; 48 million VND was transferred out." } }
signal { id = "s_lookalike", source = "domain-monitor", severity = "medium", asset = "fake_site", truth = true,
         technique = "T1583.001",
         text = { vi = "Giám sát tên miền: " .. FAKE1 .. " đăng ký 3 ngày trước, giao diện sao chép Cổng Dịch vụ công, "
                    .. "nút 'Tải ứng dụng định danh' trỏ tới tệp VNeID_CapNhat.apk.",
                  en = "Domain monitoring: " .. FAKE1 .. " was registered 3 days ago, copies the public-service "
                    .. "portal's look; its 'Download the eID app' button points to VNeID_CapNhat.apk." } }
signal { id = "s_sms", source = "telco", severity = "high", truth = true,
         technique = "T1660",
         text = { vi = "Nhiều người dân chuyển tiếp tin nhắn: 'DVC-TINH: Tai khoan dinh danh cua ban se bi khoa trong "
                    .. "24h. Cap nhat tai " .. FAKE1 .. "' — gửi từ số điện thoại thường, không phải tên DVCTINH.",
                  en = "Many citizens forward an SMS: 'DVC-TINH: your eID account will be locked within 24h. "
                    .. "Update at " .. FAKE1 .. "' — sent from an ordinary phone number, not the DVCTINH sender." } }
signal { id = "s_bank", source = "bank", severity = "high", truth = true,
         technique = "T1636.004",
         text = { vi = "Bộ phận chống gian lận của một ngân hàng: từ hôm qua, nhiều khách hàng trong tỉnh bị chuyển tiền "
                    .. "trái phép; máy của họ đều có ứng dụng lạ có quyền đọc tin nhắn.",
                  en = "A bank's fraud team: since yesterday many customers in the province lost money in "
                    .. "unauthorised transfers; every phone had a strange app allowed to read SMS." } }
signal { id = "s_newdomain", source = "domain-monitor", severity = "high", asset = "fake_site", truth = true,
         technique = "T1583.001",
         text = { vi = "Giám sát tên miền: trang giả mới " .. FAKE2 .. " với cùng giao diện và tệp cài đặt; các tin nhắn "
                    .. "lừa đảo đã đổi sang địa chỉ này.",
                  en = "Domain monitoring: a new fake site " .. FAKE2 .. " with the same look and installer; the "
                    .. "scam SMS now point there." } }
signal { id = "s_press", source = "press", severity = "medium", asset = "dvc", truth = true,
         text = { vi = "Phóng viên báo tỉnh hỏi: có phải Cổng Dịch vụ công bị lộ dữ liệu nên người dân bị lừa? Khi nào "
                    .. "có thông cáo?",
                  en = "A provincial newspaper asks: did the public-service portal leak data, and is that why "
                    .. "people are being defrauded? When is there a statement?" } }

-- False positives (truth = false).
signal { id = "s_realsms", source = "phone", severity = "low", asset = "dvc", truth = false,
         text = { vi = "Người dân chuyển tiếp tin nhắn từ tên người gửi DVCTINH: 'Ho so so 2026-0412 da duoc tiep nhan', "
                    .. "hỏi có phải lừa đảo không.",
                  en = "A citizen forwards an SMS from sender DVCTINH: 'Application 2026-0412 received', asking if "
                    .. "it is a scam." } }
signal { id = "s_newlook", source = "phone", severity = "low", asset = "dvc", truth = false,
         text = { vi = "Vài người dân gọi: Cổng Dịch vụ công 'trông khác hẳn', sợ đó là trang giả.",
                  en = "A few citizens call: the public-service portal 'looks completely different'; they fear it is "
                    .. "a fake." } }

-- Everyday noise.
signal { id = "n_spam", source = "mail-gateway", severity = "low", truth = false,
         text = { vi = "Cổng thư: chặn 460 thư rác trong 1 giờ — mức bình thường.",
                  en = "Mail gateway: 460 spam e-mails blocked in an hour — the usual level." } }
signal { id = "n_ssh", source = "firewall", severity = "low", truth = false,
         text = { vi = "Tường lửa: 2.000 lần dò SSH từ 198.51.100.240, đều bị chặn.",
                  en = "Firewall: 2,000 SSH probes from 198.51.100.240, all blocked." } }
signal { id = "n_cert", source = "monitoring", severity = "info", truth = false,
         text = { vi = "Chứng chỉ TLS của " .. REAL .. " hết hạn sau 50 ngày.",
                  en = "The TLS certificate of " .. REAL .. " expires in 50 days." } }
signal { id = "n_vpn", source = "vpn", severity = "low", truth = false,
         text = { vi = "VPN: một cán bộ Sở Tư pháp đăng nhập từ tỉnh bạn — đi công tác theo lịch.",
                  en = "VPN: a Department of Justice officer signed in from another province — on a scheduled trip." } }

-- ───────────────────────────── helpers ───────────────────────────
local function has(list, x)
  for _, v in ipairs(list or {}) do
    if v == x then return true end
  end
  return false
end

local function site_up(w)
  local V = w.vars
  return (not V.down1) or (V.moved and not V.down2)
end

local function warnings(w)
  local V = w.vars
  return (V.public and 1 or 0) + (V.communes and 1 or 0) + (V.press and 1 or 0)
end

-- ───────────────────────────── the crew's script ─────────────────
at(1, function(w)
  local V = w.vars
  V.victims, V.down1, V.down2, V.moved, V.down1_turn = START_VICTIMS, false, false, false, nil
  V.public, V.communes, V.press, V.evidence, V.analysed = false, false, false, false, false
  V.police_case, V.calls_stop_at, V.calls_stopped, V.vncert_ok = false, nil, false, false
  V.evidence_turn, V.moved_turn = nil, nil
  V.noise_left = { "n_spam", "n_ssh", "n_cert", "n_vpn" }
  w:log { vi = "Một đường dây lừa đảo thuê máy chủ ở nước ngoài (" .. HOST_IP .. "), đăng ký " .. FAKE1 .. ", gọi điện "
            .. "tự xưng công an phường và gửi tin nhắn hàng loạt. Ứng dụng giả đọc tin nhắn OTP và gửi về " .. APK_C2 .. ".",
          en = "A fraud ring rents a server abroad (" .. HOST_IP .. "), registers " .. FAKE1 .. ", calls people "
            .. "posing as ward police and sends bulk SMS. The fake app reads OTP messages and sends them to " .. APK_C2 .. "." }
  w:signal("s_call")
end)

at(2, function(w)
  w:signal("s_lookalike")
  w:signal("s_realsms")
end)
at(3, function(w)
  w:signal("s_sms")
  w:signal("s_newlook")
end)
at(4, function(w) w:signal("s_bank") end)
at(5, function(w) if not w.vars.press then w:signal("s_press") end end)

-- Every turn, at its start: the crew adapts; victims pile up.
every(1, function(w)
  local V, t = w.vars, w.turn
  if t == 1 then return end

  if V.down1 and not V.moved and t >= V.down1_turn + MOVE_DELAY then
    V.moved, V.moved_turn = true, t
    w:log { vi = "Trang đầu tiên bị gỡ: đường dây chuyển sang tên miền dự phòng " .. FAKE2 .. ".",
            en = "The first site is gone: the ring moves to its spare domain " .. FAKE2 .. "." }
    w:signal("s_newdomain")
  end

  if V.calls_stop_at and not V.calls_stopped and t >= V.calls_stop_at then
    V.calls_stopped = true
    w:log { vi = "Nhà mạng khoá các số điện thoại và chặn tên người gửi giả theo đề nghị của Công an.",
            en = "At the police's request the carriers block the numbers and the spoofed sender name." }
    w:note { vi = "Công an tỉnh: các nhà mạng đã khoá 14 số điện thoại của đường dây và chặn tin nhắn giả mạo.",
             en = "Provincial police: the carriers blocked the ring's 14 phone numbers and the spoofed messages." }
  end

  local base
  if site_up(w) then
    base = V.calls_stopped and 6 or 12
  else
    base = V.calls_stopped and 0 or 4
  end
  local n = base * (4 - warnings(w)) // 4
  if n > 0 then
    V.victims = V.victims + n
    w:log { vi = "Thêm " .. n .. " người bị lừa (tổng " .. V.victims .. ").",
            en = n .. " more people defrauded (" .. V.victims .. " in all)." }
  end
end)

every(3, function(w)
  local left = w.vars.noise_left
  if #left > 0 and w:chance(0.6) then
    w:signal(table.remove(left, w:random(1, #left)))
  end
end)

-- A technical-only response: by 14:00 the team worked on domains and logs but
-- nobody told citizens anything.
when(function(w)
       return w.turn >= 6 and warnings(w) == 0
         and (w:did("takedown") or w:did("block") or w:did("investigate") or w:did("collect_evidence"))
     end,
     function(w)
       w:penalize("technical_only")
       w:note { vi = "Mạng xã hội: 'Cả ngày không có cảnh báo nào từ tỉnh, người dân vẫn bị lừa.'",
                en = "Social media: 'Not one warning from the province all day, and people are still being cheated.'" }
     end)

-- ───────────────────────────── actions ───────────────────────────
action { id = "takedown", roles = { "lead", "net" }, cost = 1, turns = TAKEDOWN_TURNS, target = "none",
  label = { vi = "Đề nghị gỡ các tên miền giả mạo (VNCERT/CC, nhà đăng ký)",
            en = "Request a takedown of the fake domains (VNCERT/CC, registrar)" },
  help = { vi = "Gửi hồ sơ (ảnh chụp, WHOIS, mẫu ứng dụng) về các trang giả đang hoạt động cho VNCERT/CC và bộ phận xử "
             .. "lý lạm dụng của nhà đăng ký. Cần chứng cứ có sẵn khi gửi. Mất " .. TAKEDOWN_TURNS .. " lượt.",
           en = "Send the file (screenshots, WHOIS, the app sample) on the live fake sites to VNCERT/CC and the "
             .. "registrar's abuse desk. The evidence must be ready when it is sent. Takes " .. TAKEDOWN_TURNS
             .. " turns." },
  run = function(w, a)
    local V = w.vars
    -- The file lists the fake sites live when it was sent (the second one only
    -- if it had appeared by then).
    local list = { FAKE1 }
    if V.moved_turn and V.moved_turn <= a.queued then list[2] = FAKE2 end
    if not (V.evidence_turn and V.evidence_turn <= a.queued) then
      w:note { vi = "Nhà đăng ký yêu cầu chứng cứ (ảnh chụp trang, WHOIS, mẫu ứng dụng) trước khi gỡ; hồ sơ bị trả lại.",
               en = "The registrar wants evidence (screenshots, WHOIS, the app sample) before acting; the request "
                 .. "is sent back." }
      return
    end
    local done = false
    for _, d in ipairs(list) do
      if d == FAKE1 and not V.down1 then
        done = true
        V.down1, V.down1_turn = true, w.turn
        w:note { vi = "Nhà đăng ký đã tạm ngưng " .. FAKE1 .. "; VNCERT/CC đưa tên miền vào danh sách chặn của các nhà mạng.",
                 en = "The registrar suspended " .. FAKE1 .. "; VNCERT/CC put it on the carriers' block list." }
      elseif d == FAKE2 and not V.down2 then
        done = true
        V.down2 = true
        w:note { vi = FAKE2 .. " đã bị tạm ngưng và đưa vào danh sách chặn.",
                 en = FAKE2 .. " is suspended and on the block list." }
      end
    end
    if not done then
      w:note { vi = "Các tên miền trong hồ sơ đã bị gỡ từ trước; không có trang giả mới nào trong hồ sơ này.",
               en = "The domains in this file were already down; it lists no new fake site." }
    end
  end }

action { id = "commune_warning", roles = { "comms", "lead" }, cost = 1, turns = 2, target = "none",
  label = { vi = "Cảnh báo qua 100 xã, phường (loa truyền thanh, nhóm Zalo, trưởng thôn)",
            en = "Warn through the 100 communes (loudspeakers, chat groups, village heads)" },
  help = { vi = "Gửi nội dung cảnh báo cho UBND và công an các xã, phường để đọc trên loa và chia sẻ trong nhóm "
             .. "của thôn, tổ dân phố. Mất 2 lượt.",
           en = "Send the warning to every commune's People's Committee and police to read on the loudspeakers "
             .. "and share in village chat groups. Takes 2 turns." },
  run = function(w, a)
    w.vars.communes = true
    w:note { vi = "Các xã, phường đã phát cảnh báo trên loa và trong các nhóm của thôn, tổ dân phố: công an không "
               .. "hướng dẫn cài ứng dụng qua điện thoại; chỉ dùng " .. REAL .. " và ứng dụng chính thức từ kho ứng dụng.",
             en = "Communes broadcast the warning on loudspeakers and village chat groups: the police never ask you "
               .. "to install apps by phone; use only " .. REAL .. " and the official app from the app store." }
  end }

-- ───────────────────────────── consequences of standard actions ───
on("investigate", function(w, a)
  local V, t = w.vars, a.target
  if t == "fake_site" then
    V.analysed = true
    local second_vi, second_en = "", ""
    if V.moved then
      second_vi = " Trang mới " .. FAKE2 .. " dùng cùng máy chủ và cùng ứng dụng."
      second_en = " The new site " .. FAKE2 .. " uses the same server and the same app."
    end
    w:note { vi = FAKE1 .. ": đăng ký 3 ngày trước qua một nhà đăng ký nước ngoài (Example Registrar), máy chủ " .. HOST_IP
               .. ". VNeID_CapNhat.apk xin quyền đọc tin nhắn và trợ năng, gửi mọi tin OTP về " .. APK_C2 .. ". Phiếu "
               .. "phản ánh ghi 14 số điện thoại gọi tự xưng công an." .. second_vi,
             en = FAKE1 .. ": registered 3 days ago through a foreign registrar (Example Registrar), server " .. HOST_IP
               .. ". VNeID_CapNhat.apk asks for SMS and accessibility permissions and sends every OTP message to "
               .. APK_C2 .. ". Hotline tickets list 14 phone numbers posing as police." .. second_en }
  elseif t == "dvc" then
    w:note { vi = "Cổng Dịch vụ công thật: không có dấu hiệu xâm nhập hay lộ dữ liệu. Giao diện mới ra mắt tuần trước; "
               .. "tin nhắn từ DVCTINH là thông báo hồ sơ thật.",
             en = "The real portal: no sign of intrusion or data leak. The new interface launched last week; SMS "
               .. "from DVCTINH are real application notices." }
  elseif t == "hotline" then
    w:note { vi = "Tổng đài: " .. V.victims .. " người đã báo bị mất tiền; ghi âm cuộc gọi và lời kể của nạn nhân được lưu.",
             en = "Hotline: " .. V.victims .. " people have reported losing money; call recordings and victims' "
               .. "statements are kept." }
  end
end)

on("collect_evidence", function(w, a)
  if a.target == "fake_site" or a.target == "hotline" then
    w.vars.evidence = true
    w.vars.evidence_turn = w.vars.evidence_turn or w.turn
    w:note { vi = "Đã lưu ảnh chụp trang giả, WHOIS, mẫu VNeID_CapNhat.apk (SHA-256), ghi âm và lời kể của nạn nhân, "
               .. "lập biên bản lưu giữ.",
             en = "Screenshots of the fake site, WHOIS, the VNeID_CapNhat.apk sample (SHA-256), recordings and "
               .. "victims' statements kept, with a custody record." }
  end
end)

on("block", function(w, a)
  local d = a.target
  if d == REAL then
    w:penalize("wrong_domain")
    w:note { vi = "Chặn nhầm " .. REAL .. ": cán bộ trong mạng của tỉnh không vào được Cổng Dịch vụ công thật.",
             en = REAL .. " blocked by mistake: staff on the province's network cannot reach the real portal." }
  elseif d == FAKE1 or d == FAKE2 or d == HOST_IP or d == APK_C2 then
    w:note { vi = "Đã chặn " .. d .. " trong mạng của tỉnh — chỉ bảo vệ máy của cơ quan; người dân dùng 4G và mạng gia đình "
               .. "vẫn vào được.",
             en = d .. " blocked on the province's network — that protects agency machines only; citizens on 4G and "
               .. "home networks still reach it." }
  end
end)

on("report", function(w, a)
  local V = w.vars
  if a.target == "police" and has(a.facts, "evidence") then
    if V.evidence then
      if not V.police_case then
        V.police_case, V.calls_stop_at = true, w.turn + CALLS_DELAY
        w:note { vi = "Công an tỉnh (PA05) tiếp nhận hồ sơ, lập chuyên án và đề nghị các nhà mạng khoá số điện thoại.",
                 en = "The provincial police (PA05) take the file, open a case and ask the carriers to block the numbers." }
      end
    else
      w:note { vi = "PA05: cần ghi âm, lời kể nạn nhân, ảnh chụp trang giả và mẫu ứng dụng có biên bản; chưa có gì.",
               en = "PA05: we need recordings, victims' statements, screenshots and the app sample with a custody "
                 .. "record; there is nothing yet." }
    end
  elseif a.target == "vncert" and has(a.facts, "indicators") then
    V.vncert_ok = true
    w:note { vi = "VNCERT/CC đưa " .. FAKE1 .. " và " .. APK_C2 .. " vào cảnh báo quốc gia về lừa đảo trực tuyến.",
             en = "VNCERT/CC adds " .. FAKE1 .. " and " .. APK_C2 .. " to its national online-fraud warning." }
  end
end)

on("communicate", function(w, a)
  local V = w.vars
  if a.target == "staff" then return end
  if not has(a.facts, "impact") then
    w:penalize("understated_statement")
    return
  end
  if a.target == "citizens" and has(a.facts, "actions") then V.public = true end
  if a.target == "press" then V.press = true end
end)

on("request_support", function(w, a)
  if a.target == "vncert" then
    w:note { vi = "VNCERT/CC: gửi hồ sơ gỡ tên miền kèm chứng cứ; chúng tôi làm việc với nhà đăng ký và các nhà mạng.",
             en = "VNCERT/CC: send the takedown file with evidence; we work with the registrar and the carriers." }
  elseif a.target == "isp" then
    w:note { vi = "ISP: có thể chặn tên miền khi có yêu cầu từ VNCERT/CC hoặc cơ quan công an.",
             en = "ISP: it can block the domain on a request from VNCERT/CC or the police." }
  end
end)

-- ───────────────────────────── scoring ───────────────────────────
objective { id = "detect", capability = "detection", points = 10, by_turn = 2,
  label = { vi = "Xác nhận phản ánh lừa đảo là thật trước 10:00", en = "Confirm the fraud report by 10:00" },
  explain = { vi = "Một cuộc gọi tới tổng đài là dấu hiệu sớm nhất; tên miền có dấu gạch ngang khác tên miền thật.",
              en = "A hotline call is the earliest sign; the hyphenated domain differs from the real one." },
  met = function(w) return w:flagged("s_call") or w:flagged("s_lookalike") end }

objective { id = "warn_public", capability = "communication", points = 15, by_turn = 2,
  label = { vi = "Cảnh báo người dân trên Cổng và trang chính thức (ảnh hưởng, cách phòng tránh) trước 10:00",
            en = "Warn citizens on the portal and official pages (impact, what to do) by 10:00" },
  explain = { vi = "Mỗi giờ không cảnh báo là thêm người mất tiền. Cảnh báo phải nói rõ: trang giả trông thế nào, công an "
                .. "không hướng dẫn cài ứng dụng qua điện thoại, nạn nhân gọi ngân hàng khoá tài khoản và báo công an.",
              en = "Every hour without a warning means more victims. Say clearly what the fake site looks like, that "
                .. "police never ask you to install apps by phone, and that victims should call their bank and the police." },
  met = function(w) return w.vars.public end }

objective { id = "warn_communes", capability = "communication", points = 15, by_turn = 6,
  label = { vi = "Cảnh báo tới 100 xã, phường trước 14:00", en = "Warn through the 100 communes by 14:00" },
  explain = { vi = "Người bị nhắm tới nhiều nhất (người cao tuổi, nông thôn) ít đọc Cổng; loa truyền thanh, trưởng thôn và "
                .. "công an xã mới đến được với họ.",
              en = "Those most targeted (older and rural people) rarely read the portal; loudspeakers, village heads "
                .. "and commune police reach them." },
  met = function(w) return w.vars.communes end }

objective { id = "press", capability = "communication", points = 10, by_turn = 8,
  label = { vi = "Thông cáo báo chí (ảnh hưởng, khuyến cáo) trước 16:00", en = "A press statement (impact, advice) by 16:00" },
  explain = { vi = "Báo chí nhân rộng cảnh báo và dập tin đồn 'Cổng Dịch vụ công bị lộ dữ liệu'.",
              en = "The press spreads the warning and quells the rumour that 'the portal leaked data'." },
  met = function(w) return w.vars.press end }

objective { id = "takedown", capability = "containment", points = 15, by_turn = 6,
  label = { vi = "Gỡ tên miền giả mạo đầu tiên trước 14:00", en = "The first fake domain taken down by 14:00" },
  explain = { vi = "Gỡ qua VNCERT/CC và nhà đăng ký cần hồ sơ chứng cứ và vài giờ: chuẩn bị chứng cứ ngay từ cuộc gọi đầu tiên.",
              en = "A takedown through VNCERT/CC and the registrar needs an evidence file and some hours: gather "
                .. "evidence from the first call." },
  met = function(w) return w.vars.down1 end }

objective { id = "second_takedown", capability = "containment", points = 10,
  label = { vi = "Gỡ cả tên miền giả mạo thứ hai", en = "Take the second fake domain down too" },
  explain = { vi = "Đường dây lừa đảo luôn có tên miền dự phòng; theo dõi tên miền mới và gỡ tiếp.",
              en = "Fraud rings always keep a spare domain; watch for new ones and take them down too." },
  met = function(w) return w.vars.down2 end }

objective { id = "report_police", capability = "reporting", points = 15, within_minutes = 360,
  label = { vi = "Chuyển hồ sơ cho Công an tỉnh (PA05) kèm chứng cứ trước 14:00",
            en = "Hand the case file to the provincial police (PA05) with evidence by 14:00" },
  explain = { vi = "Lừa đảo chiếm đoạt tài sản là tội phạm; chỉ công an mới yêu cầu được nhà mạng khoá số và truy vết dòng tiền.",
              en = "Fraud is a crime; only the police can have the carriers block numbers and trace the money." },
  met = function(w) return w.vars.police_case end }

objective { id = "report_vncert", capability = "reporting", points = 10, within_minutes = 240,
  label = { vi = "Báo VNCERT/CC các chỉ dấu (tên miền, máy chủ, ứng dụng) trước 12:00",
            en = "Send VNCERT/CC the indicators (domains, server, app) by 12:00" },
  explain = { vi = "Cùng chiến dịch thường nhắm nhiều tỉnh; VNCERT/CC cảnh báo toàn quốc và chặn qua các nhà mạng.",
              en = "The same campaign usually targets many provinces; VNCERT/CC warns nationally and blocks through "
                .. "the carriers." },
  met = function(w) return w.vars.vncert_ok end }

-- ───────────────────────────── metrics ───────────────────────────
-- What the review's times mean in this incident. Nothing of the province's is hacked,
-- so the default rule (which watches compromised hosts) would say "never":
--   contained  no look-alike site is up and citizens have been warned on the portal;
--   recovered  the campaign is disrupted: both look-alikes down, the calls stopped,
--              citizens and the communes warned (no new victims).
metrics {
  contained = function(w) return not site_up(w) and w.vars.public end,
  recovered = function(w)
    local V = w.vars
    return V.down1 and V.down2 and V.calls_stopped and V.public and V.communes
  end,
}

penalty { id = "technical_only", capability = "communication", points = 15,
  label = { vi = "Chỉ xử lý kỹ thuật, không cảnh báo người dân", en = "A technical-only response, no warning to citizens" },
  explain = { vi = "Chặn và gỡ tên miền là cần nhưng chưa đủ: nạn nhân là người dân, và chỉ cảnh báo mới bảo vệ họ "
                .. "khỏi cuộc gọi tiếp theo.",
              en = "Blocking and takedowns are needed but not enough: the victims are citizens, and only a warning "
                .. "protects them from the next call." } }
penalty { id = "wrong_domain", capability = "containment", points = 10,
  label = { vi = "Nhắm nhầm vào tên miền thật của Cổng", en = "Targeted the real portal's domain" },
  explain = { vi = REAL .. " (dấu chấm) là cổng thật; " .. FAKE1 .. " (dấu gạch ngang) là trang giả. Chính đội ứng cứu cũng "
                .. "có thể nhầm như người dân.",
              en = REAL .. " (a dot) is the real portal; " .. FAKE1 .. " (a hyphen) is the fake. Responders can be "
                .. "fooled just like citizens." } }
penalty { id = "understated_statement", capability = "communication", points = 5,
  label = { vi = "Thông báo công khai không nêu ảnh hưởng", en = "A public statement without the impact" },
  explain = { vi = "Một thông báo chung chung ('cảnh giác lừa đảo') không cho người dân biết trang giả nào, chiêu nào, "
                .. "bị lừa thì làm gì.",
              en = "A vague notice ('beware of scams') does not tell people which site, which trick, or what to do "
                .. "if they were caught." } }

hint { from_turn = 1, cost = 2,
  text = { vi = "Hệ thống của tỉnh không bị xâm nhập: nạn nhân là người dân. Việc đầu tiên là cảnh báo (kèm cách phòng "
             .. "tránh) và lưu chứng cứ từ cuộc gọi.",
           en = "No provincial system is hacked: citizens are the victims. First warn them (with what to do) and "
             .. "keep the evidence from the call." } }
hint { from_turn = 2, cost = 3,
  text = { vi = "Nhà đăng ký cần chứng cứ để gỡ tên miền, và mất vài giờ. Công an cần chứng cứ để khoá số điện thoại.",
           en = "The registrar needs evidence to take the domain down, and it takes hours. The police need "
             .. "evidence to block the phone numbers." } }
hint { from_turn = 5, cost = 5,
  text = { vi = "Gỡ một tên miền thì đường dây chuyển sang tên miền khác: theo dõi và gỡ tiếp. Đừng quên các xã và báo chí.",
           en = "Take one domain down and the ring moves to another: watch and take that one down too. Do not "
             .. "forget the communes and the press." } }

-- ───────────────────────────── endings (order matters) ───────────
ending { id = "fraud_wave",
  text = { vi = "Hơn 100 người dân đã bị lừa mất tiền trong một ngày. Gỡ tên miền thôi không đủ: cảnh báo sớm, rộng và "
             .. "rõ ràng mới chặn được cuộc gọi tiếp theo.",
           en = "Over 100 citizens lost money in one day. Takedowns alone are not enough: an early, wide and clear "
             .. "warning is what stops the next call." },
  when = function(w) return w.vars.victims >= VICTIM_LIMIT end }

ending { id = "disrupted", success = true,
  text = { vi = "Hai trang giả đã bị gỡ, các số điện thoại bị khoá, người dân và các xã đã được cảnh báo: chiến dịch bị "
             .. "chặn đứng. Tiếp tục theo dõi tên miền giả mạo mới và phối hợp với công an hỗ trợ nạn nhân.",
           en = "Both fake sites are down, the numbers blocked, citizens and communes warned: the campaign is "
             .. "stopped. Keep watching for new look-alikes and help the police support the victims." },
  when = function(w)
    local V = w.vars
    return V.down1 and V.down2 and V.calls_stopped and V.public and V.communes
  end }

-- ───────────────────────────── self-tests ────────────────────────
-- One turn = 1 hour; 2 action points per role; an action queued in turn t with
-- turns = k completes at the end of turn t+k-1.

test { name = "textbook response", seed = 1, inputs = [[
# turn 1 (08:00): evidence first, then the takedown file; warn at once
soc triage s_call true
soc collect_evidence fake_site
lead takedown
lead report police --facts impact,evidence,indicators
comms communicate citizens --facts impact,actions
comms commune_warning
end
# turn 2 (09:00): the real SMS is not the scam
soc triage s_lookalike true
soc triage s_realsms false
lead report vncert --facts asset,impact,indicators
end
# turn 3 (10:00): the press
comms communicate press --facts impact,actions
soc triage s_newlook false
end
# turn 4: the first takedown completed at the end of turn 3
end
# turn 5: the ring moves to a second domain
lead takedown
soc triage s_newdomain true
end
end
# turn 7: the second takedown completes
end
]], expect = { outcome = "disrupted", score = 100,
               metrics = { detected_by = 60, contained_by = 180, recovered_by = 420 },
               objectives = { detect = true, warn_public = true, warn_communes = true, press = true,
                              takedown = true, second_takedown = true, report_police = true,
                              report_vncert = true } } }

test { name = "idle team", seed = 2, inputs = string.rep("end\n", 12),
  expect = { outcome = "fraud_wave", score = 0,
             metrics = { detected_by = false, contained_by = false, recovered_by = false },
             objectives = { detect = false, warn_public = false, takedown = false } } }

test { name = "technical only", seed = 3, inputs = [[
# turn 1: block and file a takedown, with no evidence attached
soc triage s_call true
soc investigate fake_site
net block dichvucong-tinh.example
lead takedown
end
end
# turn 3: the registrar sends the file back at the end of this turn
end
# turn 4: evidence, then a second request (completes at the end of turn 7)
soc collect_evidence fake_site
end
lead takedown
end
end
end
end
end
end
end
end
]], expect = { outcome = "fraud_wave", score = -5,
               objectives = { detect = true, warn_public = false, takedown = false },
               penalties = { "technical_only" } } }

test { name = "warned, but the second domain left up", seed = 4, inputs = [[
soc triage s_call true
soc collect_evidence hotline
comms communicate citizens --facts impact,actions
lead takedown
end
comms commune_warning
lead report police --facts asset,evidence
end
]] .. string.rep("end\n", 10),
  expect = { outcome = "timeout", score = 70,
             objectives = { warn_public = true, warn_communes = true, takedown = true,
                            second_takedown = false, report_police = true } } }

test { name = "look-alike confusion", seed = 5, inputs = [[
soc triage s_call true
soc triage s_call true
net block dichvucong.tinh.example
comms communicate citizens --facts actions
end
soc collect_evidence fake_site
comms communicate citizens --facts impact,actions
lead hint
end
lead takedown
comms commune_warning
lead report police --facts evidence
end
end
# turn 5: the first takedown completes at the end of this turn
end
end
# turn 7: the ring moved to its spare domain at the start of this turn
soc triage s_newdomain true
lead takedown
end
end
end
]], expect = { outcome = "disrupted", score = 63,
               objectives = { warn_public = true, takedown = true, second_takedown = true, press = false },
               penalties = { "wrong_domain", "understated_statement" } } }
