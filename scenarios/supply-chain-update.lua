-- supply-chain-update.lua — a trojanised update from the document-management
-- vendor reaches 100 communes (scenario API v1).
--
-- Chuỗi cung ứng: máy chủ cập nhật của hãng phần mềm quản lý văn bản bị xâm nhập,
-- bản cập nhật chứa mã độc được cài tại 100 UBND xã. Supply chain: the
-- document-management vendor's update server ships a trojanised update.
--
-- ─────────────────────────────────────────────────────────────────────────────
-- FOR TRAINERS: THE PLOT (ground truth — players never see this part)
-- ─────────────────────────────────────────────────────────────────────────────
-- Based on outline 8 of the domain notes. The vendor "DocuSoft" (docusoft.example)
-- supplies the document-management (QLVB) client used by the province's 100
-- commune People's Committees. Its build server was breached a week ago.
--
-- One turn = 30 minutes; turn 1 starts at 08:00 (Monday).
--
-- Last night at 23:05 the province's internal update mirror pulled client 5.2.7
-- from update.docusoft.example and approved it automatically. 5.2.7 is signed
-- with DocuSoft's real certificate (T1553.002) but carries a modified
-- docusync.dll (T1195.002): it re-prompts for the QLVB password, captures it
-- (T1056.002) and sends it to telemetry-docusoft.example / 198.51.100.88 over
-- HTTPS (T1071.001, T1041). The attacker then signs in to the QLVB web
-- interface with the harvested commune accounts (T1078) and downloads documents
-- (T1213).
--
--   turn 1  08:00  23 communes already run 5.2.7; the malware-monitoring system
--                  sees them call a new "telemetry" domain (true). Windows update
--                  CPU spikes on 300 machines (false).
--                  Every turn the mirror is not frozen, 15 more communes update
--                  as their machines start and check in (until all 100).
--   turn 2         Commune clerks: the client asked them to log in again (true).
--   turn 3         DocuSoft's reassurance: "5.2.7 is a telemetry update, all is
--                  fine" (false claim — the vendor does not know it is breached).
--   turn 4  09:30  With valid harvested passwords the attacker starts downloading
--                  documents from the QLVB web; the first commune account signs
--                  in from abroad (true). Theft continues every turn while the
--                  attacker holds valid passwords (harvested again each turn while
--                  the backdoor can reach its C2) — 6 turns: "mass_theft".
--   turn 5         Anti-malware flags the e-signature plugin (false positive).
--   turn 7  11:00  DocuSoft publishes "fix" 5.2.8 — built on the same breached
--                  server, also trojanised. Installing it: ending "reinfected".
--
-- Traps: asking DocuSoft for remote support on the QLVB server before the team
-- has verified the vendor's claims gives the attacker (inside the vendor) a
-- session on the server (T1199) — penalty, and a compromised server to clean.
-- Blocking update.docusoft.example does NOT stop the spread: the mirror already
-- holds 5.2.7; only freezing the mirror does. Resetting QLVB passwords while the
-- backdoor can still reach its C2 just hands over the new ones.
--
-- Endings (checked in this order at the end of every turn):
--   reinfected  the team distributed the vendor's trojanised "fix" 5.2.8;
--   mass_theft  6 turns (3 hours) of document theft from the QLVB web;
--   contained   every commune rolled back, QLVB server clean, passwords reset with
--               the backdoor cut, QLVB in service (success);
--   timeout     (automatic) after turn 24 (20:00).
--
-- Fog of war: investigate communes/mirror/fw/docsys/malmon; inventory (4 turns:
-- agents at 62 communes, phone calls to 38) gives the true count only once the
-- mirror is frozen; verify_vendor (2 turns) proves the vendor's build is
-- trojanised; request_support vncert confirms other provinces see it.
--
-- Scoring (100): detect 10, freeze by 10:00 15, block C2 by 11:00 10, inventory
-- 10, independent verification 10, clean-up 15, VNCERT/CC with scope 15, warn
-- communes 10, police with evidence 5. Penalties: trusted the vendor's fix 15,
-- remote access for a breached vendor 10, rollback before samples 10,
-- understated statement 5. Hints cost 3, 5, 5.
--
-- Self-tests (bottom): textbook (contained, 100), idle (mass_theft), trusted the
-- fix (reinfected), vendor remote access then recovered (contained), frozen and
-- blocked then stalled (timeout).
--
-- Tuning knobs: START_INFECTED, SPREAD, THEFT_START, THEFT_LIMIT, FIX_TURN,
-- INVENTORY_TURNS, ROLLBACK_TURNS. Documentation addresses and example domains only.
-- ─────────────────────────────────────────────────────────────────────────────

scenario {
  id = "supply-chain-update", version = 2, api = 1,
  title = {
    vi = "Bản cập nhật phần mềm quản lý văn bản chứa mã độc tại 100 xã",
    en = "Trojanised document-management update at 100 communes",
  },
  summary = {
    vi = "Sáng thứ Hai, hệ thống giám sát mã độc thấy máy trạm của nhiều UBND xã gọi tới một tên miền "
      .. "'telemetry' lạ ngay sau bản cập nhật đêm qua của phần mềm quản lý văn bản. Bản cập nhật có chữ ký "
      .. "số hợp lệ của hãng, và hãng khẳng định mọi thứ bình thường. Đội ứng cứu phải chặn lây lan, kiểm kê "
      .. "phiên bản ở 100 xã, tự kiểm chứng lời hãng, cắt kênh đánh cắp mật khẩu, khôi phục sạch và đề nghị "
      .. "VNCERT/CC cảnh báo các tỉnh khác.",
    en = "Monday morning: the malware-monitoring system sees commune workstations call an unknown "
      .. "'telemetry' domain right after last night's document-management update. The update carries "
      .. "the vendor's valid signature, and the vendor says all is well. The team must stop the spread, "
      .. "inventory versions at 100 communes, verify the vendor's word independently, cut the "
      .. "password-stealing channel, recover cleanly and ask VNCERT/CC to warn other provinces.",
  },
  difficulty = "advanced",
  turn_minutes = 30, max_turns = 24, action_points = 2, start_time = "08:00",
  attack = { "T1195.002", "T1553.002", "T1056.002", "T1071.001", "T1041", "T1078", "T1213",
             "T1199" },
}

-- Tuning knobs.
local START_INFECTED  = 23   -- communes on 5.2.7 at 08:00
local SPREAD          = 15   -- more communes per turn while the mirror is not frozen
local THEFT_START     = 4    -- first download from the QLVB web (09:30)
local THEFT_LIMIT     = 6    -- turns of theft before "mass_theft"
local FIX_TURN        = 7    -- DocuSoft publishes the trojanised "fix" 5.2.8 (11:00)
local INVENTORY_TURNS = 4
local ROLLBACK_TURNS  = 3
local AGENT_SHARE     = 62   -- communes whose machines have a monitoring agent

-- Indicators (documentation addresses and example domains only).
local C2_DOMAIN, C2_IP = "telemetry-docusoft.example", "198.51.100.88"
local UPDATE_HOST = "update.docusoft.example"
local THIEF_IP = "203.0.113.120"

-- ───────────────────────────── roles ─────────────────────────────
role { id = "lead", name = { vi = "Trưởng nhóm ứng cứu", en = "Incident lead" },
       desc = { vi = "Điều phối, làm việc với hãng, báo cáo VNCERT/CC và Công an tỉnh.",
                en = "Coordinates, deals with the vendor, reports to VNCERT/CC and the police." } }
role { id = "soc", name = { vi = "Chuyên viên giám sát (SOC)", en = "SOC analyst" },
       desc = { vi = "Phân loại cảnh báo, điều tra, kiểm kê phiên bản, kiểm chứng bản cập nhật.",
                en = "Triages alerts, investigates, inventories versions, verifies the update." } }
role { id = "sys", name = { vi = "Quản trị hệ thống", en = "System administrator" },
       desc = { vi = "Máy chủ cập nhật nội bộ, máy chủ QLVB, gỡ cài đặt và khôi phục phiên bản sạch tại xã.",
                en = "The internal update mirror, the QLVB server, rolling communes back to a clean version." } }
role { id = "net", name = { vi = "Quản trị mạng", en = "Network administrator" },
       desc = { vi = "Tường lửa, DNS của mạng truyền số liệu chuyên dùng tới các xã.",
                en = "Firewall and DNS of the government WAN that reaches the communes." } }
role { id = "comms", name = { vi = "Phụ trách truyền thông", en = "Communications officer" },
       desc = { vi = "Hướng dẫn cán bộ các xã qua điện thoại và nhóm điều hành; thông tin công khai khi cần.",
                en = "Guides commune staff by phone and the operations group; public statements if needed." } }

-- ───────────────────────────── assets ────────────────────────────
asset { id = "communes", kind = "workstation", level = 2, zone = "wan",
        name = { vi = "Máy trạm văn thư tại 100 UBND xã", en = "Clerks' workstations at 100 commune offices" },
        desc = { vi = "Chạy phần mềm QLVB của DocuSoft, tự cập nhật từ máy chủ cập nhật nội bộ 2 giờ một lần. "
                   .. AGENT_SHARE .. " xã có tác tử giám sát mã độc; các xã còn lại chỉ liên lạc được qua điện thoại.",
                 en = "Run DocuSoft's QLVB client, which updates from the internal mirror every 2 hours. "
                   .. AGENT_SHARE .. " communes have a monitoring agent; the others are reachable by phone only." },
        vars = { infected = 0 } }
asset { id = "mirror", kind = "server", level = 3, zone = "datacenter",
        name = { vi = "Máy chủ cập nhật nội bộ phần mềm QLVB", en = "Internal QLVB update mirror" },
        desc = { vi = "Tải bản cập nhật từ " .. UPDATE_HOST .. " và tự phê duyệt; lưu sẵn bộ cài 5.2.6 cũ.",
                 en = "Pulls updates from " .. UPDATE_HOST .. " and approves them automatically; keeps the "
                   .. "old 5.2.6 installer." } }
asset { id = "docsys", kind = "application", level = 3, zone = "datacenter",
        name = { vi = "Máy chủ QLVB của tỉnh (qlvb.tinh.example)", en = "Provincial QLVB server (qlvb.tinh.example)" },
        desc = { vi = "Hệ thống dùng chung cấp độ 3; giao diện web mở ra Internet cho cán bộ làm việc từ xa. DocuSoft "
                   .. "có công cụ hỗ trợ từ xa để bảo trì máy chủ.",
                 en = "A shared level-3 system; the web interface is open to the Internet for remote work. "
                   .. "DocuSoft has a remote-support tool to maintain the server." } }
asset { id = "fw", kind = "firewall", level = 3, zone = "perimeter",
        name = { vi = "Tường lửa và DNS mạng chuyên dùng", en = "Government WAN firewall and DNS" },
        desc = { vi = "Mọi xã ra Internet qua tường lửa và DNS của tỉnh.",
                 en = "Every commune reaches the Internet through the province's firewall and DNS." } }
asset { id = "malmon", kind = "siem", level = 3, zone = "soc",
        name = { vi = "Hệ thống giám sát mã độc tập trung", en = "Central malware-monitoring system" },
        desc = { vi = "Tác tử tại các sở và " .. AGENT_SHARE .. "/100 xã; truy vấn được phiên bản phần mềm từ xa.",
                 en = "Agents at the departments and " .. AGENT_SHARE .. "/100 communes; can query software "
                   .. "versions remotely." } }
link("mirror", "communes")
link("fw", "communes")
link("fw", "docsys")
link("communes", "docsys")
link("malmon", "communes")
link("malmon", "docsys")

-- ───────────────────────────── signals ───────────────────────────
-- The attack (truth = true).
signal { id = "s_c2", source = "malware-monitor", severity = "medium", asset = "communes", truth = true,
         technique = "T1071.001",
         text = { vi = "Giám sát mã độc tập trung: phần mềm QLVB 5.2.7 (chữ ký số DocuSoft hợp lệ) trên máy trạm của "
                    .. START_INFECTED .. " xã kết nối HTTPS tới " .. C2_DOMAIN .. " (" .. C2_IP .. "), tên miền "
                    .. "chưa từng xuất hiện; bản 5.2.6 trước đây không có kết nối này.",
                  en = "Central malware monitoring: QLVB client 5.2.7 (valid DocuSoft signature) on clerks' PCs in "
                    .. START_INFECTED .. " communes makes HTTPS connections to " .. C2_DOMAIN .. " (" .. C2_IP
                    .. "), a domain never seen before; version 5.2.6 made no such connection." } }
signal { id = "s_relogin", source = "helpdesk", severity = "low", asset = "communes", truth = true,
         technique = "T1056.002",
         text = { vi = "Tổng đài hỗ trợ: văn thư nhiều xã hỏi vì sao phần mềm QLVB bắt đăng nhập lại sau bản cập nhật "
                    .. "đêm qua; vài người thấy cửa sổ đăng nhập 'hơi khác'.",
                  en = "Helpdesk: clerks in many communes ask why the QLVB client made them sign in again after "
                    .. "last night's update; some say the sign-in window looked 'a bit different'." } }
signal { id = "s_theft", source = "application", severity = "medium", asset = "docsys", truth = true,
         technique = "T1078",
         text = { vi = "Nhật ký QLVB: tài khoản của Chủ tịch UBND một xã đăng nhập giao diện web từ " .. THIEF_IP
                    .. " (nước ngoài) lúc 09:34 và tải về 64 văn bản; ông đang chủ trì họp tại xã.",
                  en = "QLVB log: a commune chairman's account signed in to the web interface from " .. THIEF_IP
                    .. " (abroad) at 09:34 and downloaded 64 documents; he is chairing a meeting at the commune." } }
signal { id = "s_fix", source = "vendor", severity = "high", asset = "mirror", truth = true,
         technique = "T1195.002",
         text = { vi = "DocuSoft thông báo: 'Bản 5.2.8 khắc phục lỗi kết nối telemetry của 5.2.7. Đề nghị các đơn vị "
                    .. "mở lại cập nhật và cài đặt ngay.' Bộ cài có chữ ký số hợp lệ.",
                  en = "DocuSoft announces: 'Version 5.2.8 fixes 5.2.7's telemetry connection issue. Please "
                    .. "re-enable updates and install it now.' The installer has a valid signature." } }
signal { id = "s_newadmin", source = "application", severity = "high", asset = "docsys", truth = true,
         technique = "T1199",
         text = { vi = "Nhật ký máy chủ QLVB: trong phiên hỗ trợ từ xa của DocuSoft, một tài khoản quản trị mới "
                    .. "'ds_support2' được tạo; kỹ sư của hãng nói không tạo tài khoản này.",
                  en = "QLVB server log: during DocuSoft's remote-support session, a new admin account "
                    .. "'ds_support2' was created; the vendor's engineer says he did not create it." } }

-- False positives (truth = false).
signal { id = "s_claim", source = "vendor", severity = "info", asset = "communes", truth = false,
         text = { vi = "Thư của DocuSoft: '5.2.7 bổ sung dịch vụ thu thập thông tin kỹ thuật (telemetry) tại "
                    .. C2_DOMAIN .. ". Hệ thống của chúng tôi an toàn, đề nghị không gỡ bản cập nhật.'",
                  en = "DocuSoft's e-mail: '5.2.7 adds a telemetry service at " .. C2_DOMAIN .. ". Our systems "
                    .. "are safe; please do not remove the update.'" } }
signal { id = "s_winupdate", source = "monitoring", severity = "medium", asset = "communes", truth = false,
         text = { vi = "Giám sát: CPU 100% trên khoảng 300 máy trạm các sở và xã từ 07:50.",
                  en = "Monitoring: 100% CPU on about 300 department and commune workstations since 07:50." } }
signal { id = "s_plugin", source = "endpoint", severity = "medium", asset = "communes", truth = false,
         text = { vi = "Phòng chống mã độc: cảnh báo heuristic 'Generic.Suspicious' với ky-so-plugin.exe trên 4 máy xã.",
                  en = "Anti-malware: heuristic 'Generic.Suspicious' verdict on ky-so-plugin.exe on 4 commune PCs." } }

-- Everyday noise.
signal { id = "n_spam", source = "mail-gateway", severity = "low", truth = false,
         text = { vi = "Cổng thư: chặn 510 thư rác trong 1 giờ — mức bình thường.",
                  en = "Mail gateway: 510 spam e-mails blocked in an hour — the usual level." } }
signal { id = "n_ssh", source = "firewall", severity = "low", truth = false,
         text = { vi = "Tường lửa: 1.700 lần dò SSH từ 198.51.100.230, đều bị chặn.",
                  en = "Firewall: 1,700 SSH probes from 198.51.100.230, all blocked." } }
signal { id = "n_cert", source = "monitoring", severity = "info", truth = false,
         text = { vi = "Chứng chỉ TLS của qlvb.tinh.example hết hạn sau 40 ngày.",
                  en = "The TLS certificate of qlvb.tinh.example expires in 40 days." } }
signal { id = "n_link", source = "network", severity = "low", truth = false,
         text = { vi = "Mạng chuyên dùng: đường truyền tới 2 xã vùng núi chập chờn do mưa lớn.",
                  en = "Government WAN: the link to 2 mountain communes is flapping in heavy rain." } }
signal { id = "n_disk", source = "monitoring", severity = "low", truth = false,
         text = { vi = "Máy chủ cập nhật nội bộ: ổ đĩa đầy 81%.", en = "Internal update mirror: disk 81% full." } }

-- ───────────────────────────── helpers ───────────────────────────
local function has(list, x)
  for _, v in ipairs(list or {}) do
    if v == x then return true end
  end
  return false
end

-- Can the backdoor on the communes reach its C2?
local function backdoor_live(w)
  local C = w.asset.communes
  return C.compromised and not C.isolated and not w.vars.c2_blocked
end

local function docsys_reachable(w)
  local D = w.asset.docsys
  return D.online and not D.isolated
end

local function set_infected(w, n)
  local C = w.asset.communes
  C.vars.infected = n
  if n > 0 and not C.compromised then
    w:compromise("communes", { technique = "T1195.002" })
  elseif n == 0 and C.compromised then
    w:set("communes", "compromised", false)
  end
end

-- ───────────────────────────── the attacker's script ─────────────
at(1, function(w)
  local V = w.vars
  V.frozen, V.c2_blocked, V.inventoried, V.inventory_ok, V.count = false, false, false, false, nil
  V.verified, V.vendor_told, V.vendor_access, V.samples = false, false, false, false
  V.creds_valid, V.creds_rotated, V.theft, V.theft_seen = true, false, 0, false
  V.fix_out, V.fix_installed, V.vncert_ok, V.police_ev, V.warned = false, false, false, false, false
  V.c2_seen = true   -- s_c2 names the C2 domain and address from turn 1
  V.noise_left = { "n_spam", "n_ssh", "n_cert", "n_link", "n_disk" }
  set_infected(w, START_INFECTED)
  w:log { vi = "Máy chủ build của DocuSoft bị xâm nhập từ tuần trước. 23:05 đêm qua, máy chủ cập nhật nội bộ tải "
            .. "và tự phê duyệt 5.2.7 (docusync.dll bị sửa, ký bằng chứng thư thật của hãng). Sáng nay văn thư "
            .. START_INFECTED .. " xã đã nhập lại mật khẩu QLVB vào cửa sổ giả.",
          en = "DocuSoft's build server has been breached since last week. At 23:05 last night the internal "
            .. "mirror pulled and auto-approved 5.2.7 (modified docusync.dll, signed with the vendor's real "
            .. "certificate). This morning clerks in " .. START_INFECTED .. " communes typed their QLVB "
            .. "password into the fake prompt." }
  w:signal("s_c2")
  w:signal("s_winupdate")
end)

at(2, function(w) w:signal("s_relogin") end)
at(3, function(w) w:signal("s_claim") end)
at(5, function(w) w:signal("s_plugin") end)
at(FIX_TURN, function(w)
  w.vars.fix_out = true
  w:log { vi = "DocuSoft phát hành 5.2.8 từ cùng máy chủ build bị xâm nhập: vẫn chứa docusync.dll độc hại, C2 mới.",
          en = "DocuSoft ships 5.2.8 from the same breached build server: the malicious docusync.dll again, "
            .. "with a new C2." }
  w:signal("s_fix")
end)

-- Every turn, at its start: the spread, the harvest, the theft.
every(1, function(w)
  local V, t, C = w.vars, w.turn, w.asset.communes

  -- The mirror hands 5.2.7 to every commune machine that checks in.
  if t > 1 and not V.frozen and C.vars.infected < 100 then
    set_infected(w, math.min(100, C.vars.infected + SPREAD))
    w:log { vi = "Thêm xã cài 5.2.7 từ máy chủ cập nhật nội bộ: nay " .. C.vars.infected .. "/100.",
            en = "More communes install 5.2.7 from the internal mirror: now " .. C.vars.infected .. "/100." }
  end

  -- Passwords typed into the fake prompt reach the attacker while the C2 is reachable.
  if backdoor_live(w) and not V.creds_valid then
    V.creds_valid = true
    w:log { vi = "Cửa sổ đăng nhập giả thu được mật khẩu mới và gửi về C2.",
            en = "The fake prompt captures the new passwords and sends them to the C2." }
  end

  -- Theft through the QLVB web with valid commune accounts (or a planted admin).
  local D = w.asset.docsys
  if t >= THEFT_START and docsys_reachable(w) and (V.creds_valid or D.compromised) then
    V.theft = V.theft + 1
    w:log { vi = "Kẻ tấn công tải văn bản từ QLVB bằng tài khoản đã đánh cắp (lần " .. V.theft .. ").",
            en = "The attacker downloads documents from QLVB with stolen accounts (" .. V.theft .. ")." }
    if not V.theft_seen then
      V.theft_seen = true
      w:signal("s_theft")
    end
  end
end)

every(3, function(w)
  local left = w.vars.noise_left
  if #left > 0 and w:chance(0.6) then
    w:signal(table.remove(left, w:random(1, #left)))
  end
end)

-- ───────────────────────────── actions ───────────────────────────
action { id = "freeze_updates", roles = { "sys", "net" }, cost = 1, turns = 1, target = "none",
  label = { vi = "Đóng băng máy chủ cập nhật nội bộ", en = "Freeze the internal update mirror" },
  help = { vi = "Ngừng phân phối mọi bản cập nhật QLVB tới máy trạm và bỏ tự phê duyệt.",
           en = "Stop distributing any QLVB update to workstations and turn off automatic approval." },
  run = function(w, a)
    w.vars.frozen = true
    w:note { vi = "Máy chủ cập nhật nội bộ đã ngừng phân phối; 5.2.7 bị rút khỏi danh sách phê duyệt. Số xã đã cài "
               .. "không tăng thêm.",
             en = "The internal mirror has stopped distributing; 5.2.7 is withdrawn from approval. No more "
               .. "communes will install it." }
  end }

action { id = "block_iocs", roles = { "net" }, cost = 1, turns = 1, target = "none",
  label = { vi = "Đưa các chỉ dấu đã biết vào DNS sinkhole và tường lửa",
            en = "Push the known indicators to the DNS sinkhole and firewall" },
  help = { vi = "Chặn đồng loạt mọi tên miền và địa chỉ độc hại đã thấy trong cảnh báo và điều tra.",
           en = "Block at once every malicious domain and address seen in alerts and investigations." },
  run = function(w, a)
    local V = w.vars
    if not V.c2_seen then
      w:note { vi = "Chưa có chỉ dấu nào để chặn.", en = "No indicator to block yet." }
      return
    end
    V.c2_blocked = true
    w:note { vi = C2_DOMAIN .. " và " .. C2_IP .. " đã vào DNS sinkhole và danh sách chặn của tường lửa; cửa sổ giả không "
               .. "gửi được mật khẩu ra ngoài nữa.",
             en = C2_DOMAIN .. " and " .. C2_IP .. " are in the DNS sinkhole and the firewall block list; the fake "
               .. "prompt can no longer send passwords out." }
  end }

action { id = "inventory", roles = { "soc", "sys" }, cost = 2, turns = INVENTORY_TURNS, target = "none",
  label = { vi = "Kiểm kê phiên bản QLVB tại 100 xã", en = "Inventory QLVB versions at the 100 communes" },
  help = { vi = "Truy vấn từ xa qua tác tử ở " .. AGENT_SHARE .. " xã, gọi điện hướng dẫn văn thư " .. (100 - AGENT_SHARE)
             .. " xã còn lại kiểm tra. Mất " .. INVENTORY_TURNS .. " lượt.",
           en = "Query through the agents at " .. AGENT_SHARE .. " communes, phone the clerks of the other "
             .. (100 - AGENT_SHARE) .. " to check. Takes " .. INVENTORY_TURNS .. " turns." },
  run = function(w, a)
    local V, n = w.vars, w.asset.communes.vars.infected
    V.inventoried, V.count = true, n
    if n > 0 then w:reveal("communes", "compromised") end
    if V.frozen then
      V.inventory_ok = true
      w:note { vi = "Kiểm kê xong: " .. n .. "/100 xã đang chạy 5.2.7, " .. (100 - n) .. " xã còn 5.2.6. Danh sách "
                 .. "từng xã, từng máy đã lập; máy chủ cập nhật đã đóng băng nên con số này ổn định.",
               en = "Inventory done: " .. n .. "/100 communes run 5.2.7, " .. (100 - n) .. " still run 5.2.6. "
                 .. "A list per commune and machine is ready; the mirror is frozen, so the number holds." }
    else
      w:note { vi = "Kiểm kê xong nhưng con số đã lỗi thời: trong lúc đếm, thêm xã tự cập nhật (nay ít nhất " .. n
                 .. "/100). Đóng băng máy chủ cập nhật rồi kiểm kê lại.",
               en = "Inventory done but already out of date: more communes updated while we counted (now at "
                 .. "least " .. n .. "/100). Freeze the mirror, then count again." }
    end
  end }

action { id = "verify_vendor", roles = { "soc" }, cost = 1, turns = 2, target = "none",
  label = { vi = "Tự kiểm chứng bản cập nhật của hãng", en = "Verify the vendor's update independently" },
  help = { vi = "So sánh 5.2.7 với 5.2.6 và danh sách mã băm, chạy trong môi trường cách ly, tra tên miền. Mất 2 lượt.",
           en = "Diff 5.2.7 against 5.2.6 and the hash list, detonate it in a sandbox, look up the domain. "
             .. "Takes 2 turns." },
  run = function(w, a)
    local V = w.vars
    V.verified = true
    local fix_vi, fix_en = "", ""
    if V.fix_out then
      fix_vi = " Bộ cài 5.2.8 'sửa lỗi' chứa cùng docusync.dll độc hại, chỉ đổi C2: KHÔNG cài."
      fix_en = " The 'fix' 5.2.8 carries the same malicious docusync.dll with a new C2: do NOT install it."
    end
    w:note { vi = "Kiểm chứng độc lập: docusync.dll của 5.2.7 khác 5.2.6, chèn cửa sổ đăng nhập giả và gửi mật "
               .. "khẩu tới " .. C2_DOMAIN .. ". Tên miền đăng ký 6 ngày trước qua dịch vụ ẩn danh, trỏ về " .. C2_IP
               .. ", không thuộc mạng của DocuSoft. Chữ ký số hợp lệ: máy chủ build của hãng đã bị xâm nhập."
               .. fix_vi,
             en = "Independent check: 5.2.7's docusync.dll differs from 5.2.6's; it injects a fake sign-in "
               .. "window and sends passwords to " .. C2_DOMAIN .. ". The domain was registered 6 days ago "
               .. "through a privacy service and points to " .. C2_IP .. ", outside DocuSoft's network. The "
               .. "signature is valid: the vendor's build server has been breached." .. fix_en }
  end }

action { id = "install_fix", roles = { "sys" }, cost = 1, turns = 1, target = "none",
  label = { vi = "Mở lại cập nhật và cài bản 5.2.8 của hãng", en = "Re-enable updates and install the vendor's 5.2.8" },
  help = { vi = "Phê duyệt bản 5.2.8 trên máy chủ cập nhật nội bộ và đẩy xuống mọi xã.",
           en = "Approve 5.2.8 on the internal mirror and push it to every commune." },
  run = function(w, a)
    local V = w.vars
    if not V.fix_out then
      w:note { vi = "Hãng chưa phát hành bản mới nào.", en = "The vendor has not released a new version." }
      return
    end
    V.fix_installed, V.frozen = true, false
    w:penalize("trusted_vendor")
    set_infected(w, 100)
    w:log { vi = "Đội tự đẩy bản 5.2.8 bị cài mã độc tới cả 100 xã.",
            en = "The team itself pushes the trojanised 5.2.8 to all 100 communes." }
  end }

-- Rolling back is this scenario's eradication at the communes.
action { id = "eradicate", roles = { "sys" }, cost = 2, turns = ROLLBACK_TURNS,
  label = { vi = "Gỡ mã độc / khôi phục bản sạch", en = "Eradicate / roll back to a clean version" },
  help = { vi = "Tại các xã: gỡ 5.2.7 và cài lại 5.2.6 đã đối chiếu mã băm (cần đóng băng và kiểm kê trước). Mất "
             .. ROLLBACK_TURNS .. " lượt.",
           en = "At the communes: remove 5.2.7 and reinstall the hash-checked 5.2.6 (freeze and inventory "
             .. "first). Takes " .. ROLLBACK_TURNS .. " turns." },
  run = function(w, a)
    local V = w.vars
    if a.target ~= "communes" then return stdlib.run.eradicate(w, a) end
    local C = w.asset.communes
    if C.compromised and not V.samples then w:penalize("evidence_destroyed") end
    if not V.frozen then
      w:note { vi = "Đã gỡ 5.2.7 ở các máy liên lạc được, nhưng máy chủ cập nhật nội bộ chưa đóng băng nên các máy tự "
                 .. "cài lại 5.2.7 ở lần kiểm tra kế tiếp.",
               en = "5.2.7 removed where reachable, but the mirror is not frozen: the machines reinstall 5.2.7 at "
                 .. "their next check." }
      return
    end
    if not V.inventoried then
      local left = math.max(1, (C.vars.infected * (100 - AGENT_SHARE)) // 100)
      set_infected(w, left)
      w:note { vi = "Đã khôi phục 5.2.6 qua tác tử ở các xã có tác tử; chưa kiểm kê nên không biết xã nào không có tác "
                 .. "tử vẫn chạy 5.2.7.",
               en = "5.2.6 restored through the agents where there is one; with no inventory nobody knows which "
                 .. "communes without an agent still run 5.2.7." }
      return
    end
    set_infected(w, 0)
    w:set("communes", "clean", true)
    w:reveal("communes", "compromised")
    w:reveal("communes", "clean", { vi = "Cả 100 xã đã về bản 5.2.6 sạch; docusync.dll độc hại đã bị gỡ.",
                                    en = "All 100 communes are back on the clean 5.2.6; the malicious docusync.dll is gone." })
  end }

-- ───────────────────────────── consequences of standard actions ───
on("investigate", function(w, a)
  local V, t = w.vars, a.target
  if t == "communes" then
    if w.asset.communes.compromised then
      w:note { vi = "Máy trạm xã: 5.2.7 cài lúc 23:10–07:55 từ máy chủ cập nhật nội bộ; docusync.dll mới lớn hơn 4 KB, "
                 .. "hiện cửa sổ đăng nhập giả rồi gửi mật khẩu tới " .. C2_DOMAIN .. ". Số xã bị ảnh hưởng tăng mỗi "
                 .. "khi máy khởi động và kiểm tra cập nhật.",
               en = "Commune PCs: 5.2.7 installed between 23:10 and 07:55 from the internal mirror; the new "
                 .. "docusync.dll is 4 KB larger, shows a fake sign-in window and sends passwords to " .. C2_DOMAIN
                 .. ". More communes are affected each time a machine starts and checks for updates." }
    end
  elseif t == "mirror" then
    w:note { vi = "Máy chủ cập nhật nội bộ: tải 5.2.7 từ " .. UPDATE_HOST .. " lúc 23:05, chính sách tự phê duyệt; "
               .. "chặn " .. UPDATE_HOST .. " không ngăn được lây lan vì bộ cài đã nằm trên máy chủ này. Bộ cài 5.2.6 "
               .. "cũ (mã băm khớp danh sách lưu trữ của tỉnh) vẫn còn.",
             en = "Internal mirror: pulled 5.2.7 from " .. UPDATE_HOST .. " at 23:05 under an auto-approve "
               .. "policy; blocking " .. UPDATE_HOST .. " will not stop the spread, the installer is already "
               .. "here. The old 5.2.6 installer (hash matches the province's archive) is still there." }
  elseif t == "fw" then
    w:note { vi = "Tường lửa/DNS: các dải mạng xã gọi " .. C2_DOMAIN .. " (" .. C2_IP .. ") từ 23:20; tên miền không "
               .. "thuộc hạ tầng của DocuSoft (khác " .. UPDATE_HOST .. ").",
             en = "Firewall/DNS: commune ranges have called " .. C2_DOMAIN .. " (" .. C2_IP .. ") since 23:20; "
               .. "the domain is not part of DocuSoft's infrastructure (unlike " .. UPDATE_HOST .. ")." }
  elseif t == "docsys" then
    local more_vi, more_en = "", ""
    if w.asset.docsys.compromised then
      more_vi = " Tài khoản quản trị lạ 'ds_support2' tạo trong phiên hỗ trợ từ xa của hãng: xoá và gỡ công cụ hỗ trợ."
      more_en = " A strange admin 'ds_support2' was created during the vendor's remote session: remove it "
        .. "and the support tool."
    end
    if V.theft > 0 then
      more_vi = more_vi .. " Nhiều tài khoản xã đăng nhập web từ nước ngoài và tải văn bản hàng loạt."
      more_en = more_en .. " Many commune accounts signed in to the web from abroad and bulk-downloaded documents."
    end
    w:note { vi = "Máy chủ QLVB: không có tệp lạ trên máy chủ." .. more_vi,
             en = "QLVB server: no foreign file on the server itself." .. more_en }
  elseif t == "malmon" then
    w:note { vi = "Giám sát: tác tử có ở " .. AGENT_SHARE .. "/100 xã. CPU cao lúc 07:50 là bản cập nhật tích luỹ của "
               .. "Windows. ky-so-plugin.exe là trình cắm ký số của Ban Cơ yếu, đúng mã băm: cảnh báo sai.",
             en = "Monitoring: agents at " .. AGENT_SHARE .. "/100 communes. The 07:50 CPU spike is the Windows "
               .. "cumulative update. ky-so-plugin.exe is the official e-signature plug-in with the right hash: "
               .. "a false positive." }
  end
end)

on("collect_evidence", function(w, a)
  if a.target == "communes" or a.target == "mirror" then
    w.vars.samples = true
    w:note { vi = "Đã lưu bộ cài 5.2.7, docusync.dll, ảnh bộ nhớ một máy xã và nhật ký máy chủ cập nhật; tính SHA-256, "
               .. "lập biên bản lưu giữ.",
             en = "The 5.2.7 installer, docusync.dll, a commune PC's memory image and the mirror's logs saved; "
               .. "SHA-256 hashed, custody record written." }
  end
end)

on("block", function(w, a)
  local t = a.target
  if t == C2_DOMAIN or t == C2_IP then
    w.vars.c2_blocked = true
    w:note { vi = "Đã chặn " .. t .. " tại tường lửa và DNS; cửa sổ giả không gửi được mật khẩu ra ngoài nữa.",
             en = t .. " blocked at the firewall and DNS; the fake prompt can no longer send passwords out." }
  elseif t == UPDATE_HOST then
    w:note { vi = "Đã chặn " .. UPDATE_HOST .. ": máy chủ nội bộ không tải thêm bản mới, nhưng vẫn phân phối 5.2.7 "
               .. "đang có.",
             en = UPDATE_HOST .. " blocked: the mirror fetches nothing new, but still hands out the 5.2.7 it holds." }
  end
end)

-- A password reset only helps once the fake prompt cannot phone home.
on("reset_credentials", function(w, a)
  local V = w.vars
  if a.target ~= "docsys" and a.target ~= "communes" then return end
  V.creds_valid = false
  if backdoor_live(w) then
    w:note { vi = "Đã buộc đổi mật khẩu QLVB, nhưng văn thư nhập mật khẩu mới vào chính cửa sổ giả còn liên lạc ra ngoài.",
             en = "QLVB passwords reset, but clerks type the new ones into the same fake prompt, which still "
               .. "reaches its C2." }
  else
    V.creds_rotated = true
    w:note { vi = "Đã buộc đổi mật khẩu mọi tài khoản QLVB của xã, huỷ phiên, bật xác thực hai lớp cho giao diện web.",
             en = "Every commune QLVB password reset, sessions ended, two-factor sign-in on for the web interface." }
  end
end)

on("request_support", function(w, a)
  local V = w.vars
  if a.target == "vendor" then
    if V.verified then
      V.vendor_told = true
      w:note { vi = "Gửi DocuSoft kết quả kiểm chứng độc lập: bộ phận an ninh của hãng xác nhận máy chủ build bị xâm "
                 .. "nhập, thu hồi 5.2.7 và bắt đầu làm sạch quy trình build. Không mở phiên hỗ trợ từ xa nào.",
               en = "DocuSoft receives the independent findings: its security team confirms the build server was "
                 .. "breached, recalls 5.2.7 and starts cleaning the build pipeline. No remote session is opened." }
    elseif not V.vendor_access then
      V.vendor_access = true
      w:penalize("vendor_access")
      w:compromise("docsys", { technique = "T1199" })
      w:log { vi = "Kỹ sư DocuSoft mở phiên hỗ trợ từ xa vào máy chủ QLVB; kẻ tấn công trong mạng của hãng dùng phiên "
                .. "này tạo tài khoản quản trị ds_support2.",
              en = "A DocuSoft engineer opens a remote-support session on the QLVB server; the attacker inside "
                .. "the vendor's network uses it to create the admin account ds_support2." }
      w:note { vi = "DocuSoft: 'Mọi thứ bình thường; kỹ sư đã kiểm tra máy chủ QLVB qua công cụ hỗ trợ từ xa.'",
               en = "DocuSoft: 'All is normal; our engineer checked the QLVB server through the remote-support tool.'" }
      w:signal("s_newadmin")
    end
  elseif a.target == "vncert" then
    w:note { vi = "VNCERT/CC: hai tỉnh khác dùng DocuSoft cũng thấy kết nối tới " .. C2_DOMAIN .. "; đề nghị tỉnh gửi "
               .. "báo cáo có phạm vi và chỉ dấu để cảnh báo toàn quốc.",
             en = "VNCERT/CC: two other provinces using DocuSoft also see " .. C2_DOMAIN .. "; send a report with "
               .. "scope and indicators so a national warning can go out." }
  end
end)

on("report", function(w, a)
  local V = w.vars
  if a.target == "vncert" and has(a.facts, "scope") and has(a.facts, "indicators") then
    if V.inventory_ok then
      V.vncert_ok = true
      w:note { vi = "VNCERT/CC phát cảnh báo tới mọi tỉnh dùng DocuSoft: đóng băng cập nhật, chặn chỉ dấu, kiểm kê.",
               en = "VNCERT/CC warns every province using DocuSoft: freeze updates, block the indicators, inventory." }
    else
      w:note { vi = "VNCERT/CC: cần con số chính xác — bao nhiêu xã, máy nào đang chạy 5.2.7 — trước khi cảnh báo.",
               en = "VNCERT/CC: we need the exact figure — how many communes and which machines run 5.2.7 — "
                 .. "before warning others." }
    end
  elseif a.target == "police" and has(a.facts, "evidence") then
    if V.samples then
      V.police_ev = true
    else
      w:note { vi = "PA05: cần mẫu bộ cài, tệp DLL và nhật ký có biên bản; chưa có mẫu nào được lưu.",
               en = "PA05: we need the installer, the DLL and logs with a custody record; nothing has been kept." }
    end
  end
end)

on("communicate", function(w, a)
  local V = w.vars
  if a.target == "staff" then
    if has(a.facts, "actions") then V.warned = true end
  elseif not has(a.facts, "impact") then
    w:penalize("understated_statement")
  end
end)

-- ───────────────────────────── scoring ───────────────────────────
objective { id = "detect", capability = "detection", points = 10, by_turn = 3,
  label = { vi = "Xác nhận kết nối 'telemetry' lạ hoặc yêu cầu đăng nhập lại là dấu hiệu thật trước 09:30",
            en = "Confirm the odd 'telemetry' connections or the re-login prompts by 09:30" },
  explain = { vi = "Một bản cập nhật có chữ ký hợp lệ vẫn có thể chứa mã độc; kết nối mới tới tên miền lạ ngay sau cập "
                .. "nhật, cộng với việc bắt đăng nhập lại, là dấu hiệu của chuỗi cung ứng bị xâm nhập.",
              en = "A validly signed update can still carry malware; new connections to an unknown domain right "
                .. "after an update, plus a re-login prompt, are the signs of a compromised supply chain." },
  met = function(w) return w:flagged("s_c2") or w:flagged("s_relogin") end }

objective { id = "freeze", capability = "containment", points = 15, by_turn = 4,
  label = { vi = "Đóng băng máy chủ cập nhật nội bộ trước 10:00", en = "Freeze the internal update mirror by 10:00" },
  explain = { vi = "Mỗi nửa giờ máy chủ cập nhật còn mở là thêm khoảng 15 xã bị cài. Chặn máy chủ của hãng không đủ: "
                .. "bộ cài đã nằm trên máy chủ nội bộ.",
              en = "Every half hour the mirror stays open, about 15 more communes install it. Blocking the "
                .. "vendor's server is not enough: the installer is already on the internal mirror." },
  met = function(w) return w.vars.frozen end }

objective { id = "block_c2", capability = "containment", points = 10, by_turn = 6,
  label = { vi = "Chặn máy chủ điều khiển tại tường lửa và DNS trước 11:00", en = "Block the C2 at the firewall and DNS by 11:00" },
  explain = { vi = "Cắt đường gửi mật khẩu ra ngoài là việc phải làm trước khi đổi mật khẩu; nếu không, mật khẩu mới "
                .. "lại bị đánh cắp.",
              en = "Cutting the password channel must come before any reset; otherwise the new passwords are "
                .. "stolen too." },
  met = function(w) return w.vars.c2_blocked end }

objective { id = "inventory", capability = "analysis", points = 10,
  label = { vi = "Kiểm kê chính xác phiên bản tại 100 xã (sau khi đóng băng)",
            en = "An exact inventory of versions at the 100 communes (after freezing)" },
  explain = { vi = "38 xã không có tác tử: chỉ có gọi điện từng xã mới biết. Kiểm kê khi máy chủ cập nhật còn mở thì "
                .. "con số sai ngay khi vừa đếm xong.",
              en = "38 communes have no agent: only phoning each one tells. An inventory taken while the mirror "
                .. "is open is wrong the moment it is finished." },
  met = function(w) return w.vars.inventory_ok end }

objective { id = "verify", capability = "analysis", points = 10,
  label = { vi = "Tự kiểm chứng lời khẳng định của hãng", en = "Verify the vendor's claims independently" },
  explain = { vi = "Hãng nói 'mọi thứ bình thường' vì chính hãng chưa biết mình bị xâm nhập. Đối chiếu mã băm, phân tích "
                .. "trong môi trường cách ly và tra tên miền là cách duy nhất để biết.",
              en = "The vendor said 'all is normal' because it did not know it was breached. Comparing hashes, a "
                .. "sandbox run and a domain lookup are the only way to know." },
  met = function(w) return w.vars.verified end }

objective { id = "cleanup", capability = "eradication", points = 15,
  label = { vi = "Đưa 100 xã về bản sạch và đổi mật khẩu QLVB khi kênh đánh cắp đã bị cắt",
            en = "Bring all 100 communes back to a clean version and reset QLVB passwords once the channel is cut" },
  explain = { vi = "Thứ tự đúng: đóng băng → chặn C2 → kiểm kê → lưu mẫu → gỡ 5.2.7, cài lại 5.2.6 đã đối chiếu mã băm → "
                .. "đổi mật khẩu, bật xác thực hai lớp.",
              en = "The right order: freeze → block the C2 → inventory → keep samples → remove 5.2.7 and reinstall "
                .. "the hash-checked 5.2.6 → reset passwords, turn on two-factor sign-in." },
  met = function(w)
    return w.asset.communes.vars.infected == 0 and not w.asset.docsys.compromised and w.vars.creds_rotated
  end }

objective { id = "report_vncert", capability = "reporting", points = 15, within_minutes = 360,
  label = { vi = "Đề nghị VNCERT/CC cảnh báo các tỉnh khác (phạm vi, chỉ dấu) trước 14:00",
            en = "Ask VNCERT/CC to warn other provinces (scope, indicators) by 14:00" },
  explain = { vi = "DocuSoft phục vụ nhiều tỉnh; báo cáo có con số kiểm kê và chỉ dấu giúp VNCERT/CC cảnh báo toàn quốc "
                .. "trước khi các tỉnh khác cũng bị đánh cắp mật khẩu.",
              en = "DocuSoft serves many provinces; a report with the inventory figure and indicators lets "
                .. "VNCERT/CC warn the whole country before others lose passwords too." },
  met = function(w) return w.vars.vncert_ok end }

objective { id = "warn_communes", capability = "communication", points = 10, by_turn = 8,
  label = { vi = "Hướng dẫn cán bộ các xã trước 12:00 (không đăng nhập lại, không tự cập nhật)",
            en = "Guide commune staff by 12:00 (do not sign in again, do not update)" },
  explain = { vi = "Văn thư các xã cần biết ngay: không nhập mật khẩu vào cửa sổ lạ, không tự cài bản mới, báo khi "
                .. "thấy bất thường — qua điện thoại và nhóm điều hành, không qua phần mềm đang bị nhiễm.",
              en = "Commune clerks need to know at once: no password into strange windows, no new version on their "
                .. "own, report oddities — by phone and the operations group, not through the infected software." },
  met = function(w) return w.vars.warned end }

objective { id = "report_police", capability = "reporting", points = 5, within_minutes = 480,
  label = { vi = "Chuyển Công an tỉnh (PA05) vụ việc kèm mẫu mã độc", en = "Hand the case to PA05 with the malware samples" },
  explain = { vi = "Đánh cắp mật khẩu và văn bản của cơ quan nhà nước là dấu hiệu tội phạm; mẫu bộ cài và nhật ký có "
                .. "biên bản là chứng cứ.",
              en = "Stealing passwords and documents of state bodies is a sign of a crime; the installer and logs "
                .. "with a custody record are the evidence." },
  met = function(w)
    return w.vars.police_ev and w:reported { to = "police", facts = { "asset", "impact", "evidence" } }
  end }

-- ───────────────────────────── metrics ───────────────────────────
-- What the review's times mean in this incident. Freezing the updates and cutting the
-- C2 contain it long before the last commune is rolled back, which is when the default
-- rule would say "contained":
--   contained  no trojanised update can spread and no backdoor can call home:
--              updates frozen and the C2 blocked;
--   recovered  every commune rolled back, the document system clean and serving, and
--              the harvested credentials rotated.
metrics {
  contained = function(w) return w.vars.frozen and w.vars.c2_blocked end,
  recovered = function(w)
    local D = w.asset.docsys
    return w.asset.communes.vars.infected == 0 and w.vars.creds_rotated and not D.compromised
      and D.online and not D.isolated
  end,
}

penalty { id = "trusted_vendor", capability = "analysis", points = 15,
  label = { vi = "Cài bản 'sửa lỗi' của hãng khi chưa kiểm chứng", en = "Installed the vendor's 'fix' without verifying it" },
  explain = { vi = "Bản 5.2.8 được build trên cùng máy chủ bị xâm nhập. Khi nhà cung cấp bị xâm nhập, mọi bản mới của họ "
                .. "đều phải được kiểm chứng độc lập trước khi cài.",
              en = "5.2.8 was built on the same breached server. When a supplier is breached, every new release "
                .. "must be verified independently before it is installed." } }
penalty { id = "vendor_access", capability = "containment", points = 10,
  label = { vi = "Cho hãng đang bị xâm nhập truy cập từ xa vào máy chủ", en = "Gave a breached vendor remote access to the server" },
  explain = { vi = "Chưa kiểm chứng mà đã mở phiên hỗ trợ từ xa: kẻ tấn công trong mạng của hãng đi theo phiên đó vào "
                .. "máy chủ QLVB (quan hệ tin cậy, T1199).",
              en = "A remote-support session before any verification: the attacker inside the vendor's network "
                .. "rode it into the QLVB server (trusted relationship, T1199)." } }
penalty { id = "evidence_destroyed", capability = "evidence", points = 10,
  label = { vi = "Gỡ bản cập nhật trước khi lưu mẫu", en = "Removed the update before keeping samples" },
  explain = { vi = "Không còn bộ cài, DLL và ảnh bộ nhớ thì không chứng minh được gì với hãng, VNCERT/CC và Công an.",
              en = "Without the installer, the DLL and a memory image nothing can be proven to the vendor, "
                .. "VNCERT/CC or the police." } }
penalty { id = "understated_statement", capability = "communication", points = 5,
  label = { vi = "Thông báo công khai không nêu ảnh hưởng", en = "A public statement without the impact" },
  explain = { vi = "Nếu đã thông tin công khai thì phải nói rõ ảnh hưởng; 'lỗi kỹ thuật' làm mất lòng tin khi sự thật lộ ra.",
              en = "A public statement must say what the impact is; 'a technical fault' costs trust when the "
                .. "truth comes out." } }

hint { from_turn = 2, cost = 3,
  text = { vi = "CPU cao lúc 07:50 là bản cập nhật Windows. Điều đáng lo là bản QLVB 5.2.7: nó đến từ máy chủ cập nhật "
             .. "nội bộ — đóng băng máy chủ đó trước, rồi mới tính tiếp.",
           en = "The 07:50 CPU spike is the Windows update. The worry is QLVB 5.2.7: it comes from the internal "
             .. "mirror — freeze that first, then think." } }
hint { from_turn = 3, cost = 5,
  text = { vi = "Đừng tin ngay lời hãng, và đừng mở phiên hỗ trợ từ xa cho họ: hãy tự kiểm chứng bản cập nhật. Chặn C2 "
             .. "trước khi đổi mật khẩu; kiểm kê 100 xã cần thời gian — bắt đầu sớm.",
           en = "Do not take the vendor's word, and do not open a remote session for them: verify the update "
             .. "yourselves. Block the C2 before resetting passwords; inventorying 100 communes takes time — start early." } }
hint { from_turn = 7, cost = 5,
  text = { vi = "Bản 5.2.8 ra từ cùng một hãng đang bị xâm nhập. Lưu mẫu, gỡ 5.2.7 về 5.2.6 đã đối chiếu mã băm, đổi "
             .. "mật khẩu, báo VNCERT/CC kèm con số kiểm kê.",
           en = "5.2.8 comes from the same breached vendor. Keep samples, roll back to the hash-checked 5.2.6, "
             .. "reset passwords, report to VNCERT/CC with the inventory figure." } }

-- ───────────────────────────── endings (order matters) ───────────
ending { id = "reinfected",
  text = { vi = "Đội đã tự đẩy bản 5.2.8 chứa mã độc tới cả 100 xã. Khi nhà cung cấp bị xâm nhập, bản 'sửa lỗi' của họ "
             .. "cũng không đáng tin cho tới khi được kiểm chứng độc lập.",
           en = "The team itself pushed the trojanised 5.2.8 to all 100 communes. When a supplier is breached, its "
             .. "'fix' cannot be trusted until verified independently." },
  when = function(w) return w.vars.fix_installed end }

ending { id = "mass_theft",
  text = { vi = "Trong ba giờ, kẻ tấn công dùng mật khẩu đánh cắp để tải hàng nghìn văn bản từ QLVB. Cắt kênh đánh cắp "
             .. "mật khẩu và đổi mật khẩu là việc của giờ đầu tiên.",
           en = "Over three hours the attacker used stolen passwords to download thousands of documents from QLVB. "
             .. "Cutting the password channel and resetting passwords is first-hour work." },
  when = function(w) return w.vars.theft >= THEFT_LIMIT end }

ending { id = "contained", success = true,
  text = { vi = "Cả 100 xã chạy bản sạch, mật khẩu đã đổi, máy chủ QLVB sạch và hoạt động. Giữ máy chủ cập nhật ở chế độ "
             .. "phê duyệt thủ công, và chỉ nhận bản mới của hãng khi đã đối chiếu mã băm độc lập.",
           en = "All 100 communes run a clean version, passwords are reset, the QLVB server is clean and serving. "
             .. "Keep the mirror on manual approval and accept the vendor's next release only after an independent "
             .. "hash check." },
  when = function(w)
    local D = w.asset.docsys
    return w.asset.communes.vars.infected == 0 and w.vars.creds_rotated and not D.compromised
      and D.online and not D.isolated
  end }

-- ───────────────────────────── self-tests ────────────────────────
-- One turn = 30 minutes; 2 action points per role; an action queued in turn t
-- with turns = k completes at the end of turn t+k-1.

test { name = "textbook response", seed = 1, inputs = [[
# turn 1 (08:00): freeze first, keep samples, cut the C2
soc triage s_c2 true
soc triage s_winupdate false
sys freeze_updates
sys collect_evidence mirror
net block_iocs
end
# turn 2 (08:30): inventory (4 turns); passwords reset now that the C2 is cut
soc inventory
sys reset_credentials docsys
comms communicate staff --facts actions,indicators
end
# turn 3 (09:00): the vendor's reassurance is not evidence
lead triage s_claim false
end
# turn 4
soc verify_vendor
end
# turn 5 (10:00): inventory done at the end of this turn; verification too
lead report vncert --facts asset,scope,indicators
soc triage s_plugin false
end
# turn 6: with findings in hand, tell the vendor; roll back (3 turns)
lead request_support vendor
sys eradicate communes
lead report police --facts asset,impact,evidence
end
# turn 7 (11:00): the "fix" is part of the attack
soc triage s_fix true
end
# turn 8: the rollback completes at the end of this turn
end
]], expect = { outcome = "contained", score = 100,
               metrics = { detected_by = 30, contained_by = 30, recovered_by = 240 },
               objectives = { detect = true, freeze = true, block_c2 = true, inventory = true,
                              verify = true, cleanup = true, report_vncert = true,
                              warn_communes = true, report_police = true } } }

test { name = "idle team", seed = 2, inputs = string.rep("end\n", 24),
  expect = { outcome = "mass_theft", score = 0,
             metrics = { detected_by = false, contained_by = false, recovered_by = false },
             objectives = { detect = false, freeze = false, cleanup = false } } }

test { name = "trusted the vendor's fix", seed = 3, inputs = [[
soc triage s_c2 true
net block telemetry-docusoft.example
end
sys freeze_updates
end
lead triage s_claim true
end
sys reset_credentials docsys
end
end
end
# turn 7 (11:00): the vendor says 5.2.8 fixes everything
sys install_fix
end
]], expect = { outcome = "reinfected",
               objectives = { detect = true, freeze = true, block_c2 = true, verify = false },
               penalties = { "trusted_vendor" } } }

test { name = "remote access for the vendor, then recovered", seed = 4, inputs = [[
soc triage s_c2 true
sys freeze_updates
net block 198.51.100.88
end
# turn 2: asking the vendor to "check the server" before verifying anything
lead request_support vendor
soc inventory
end
# turn 3: the new admin account appears; passwords reset (the C2 is blocked)
soc triage s_newadmin true
soc investigate docsys
sys reset_credentials communes
lead hint
end
# turn 4: remove the planted admin (2 turns)
sys eradicate docsys
end
end
# turn 6: inventory done at the end of turn 5; roll back without samples
sys eradicate communes
end
end
end
]], expect = { outcome = "contained", score = 37,
               objectives = { freeze = true, block_c2 = true, inventory = true, cleanup = true,
                              verify = false, report_vncert = false },
               penalties = { "vendor_access", "evidence_destroyed" } } }

test { name = "frozen and blocked, then stalled", seed = 5, inputs = [[
sys freeze_updates
net block telemetry-docusoft.example
comms communicate citizens --facts actions
end
soc triage s_relogin true
sys reset_credentials docsys
end
]] .. string.rep("end\n", 22),
  expect = { outcome = "timeout", score = 30,
             objectives = { detect = true, freeze = true, block_c2 = true, cleanup = false },
             penalties = { "understated_statement" } } }
