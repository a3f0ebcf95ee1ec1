-- apt-coordination-order.lua — APT implant and a national coordination order
-- (scenario API v1).
--
-- Mã độc APT bị hệ thống giám sát mã độc tập trung phát hiện; VNCERT/CC ban hành
-- lệnh điều phối có thời hạn báo cáo. APT implant flagged by the central
-- malware-monitoring system; a coordination order with a deadline.
--
-- ─────────────────────────────────────────────────────────────────────────────
-- FOR TRAINERS: THE PLOT (ground truth — players never see this part)
-- ─────────────────────────────────────────────────────────────────────────────
-- Based on outline 6 of the domain notes and on the public reports of 2019, when
-- an APT campaign spread through malicious Word attachments and the national
-- coordinator issued a coordination order (lệnh điều phối) with a removal tool
-- and a deadline to report infections.
--
-- One turn = 30 minutes; turn 1 starts at 08:00 (Tuesday).
--
-- Nineteen days ago a spear-phishing archive (T1566.001) reached two offices.
-- Opening it (T1204.002) dropped a signed Office component plus a malicious
-- wwlib.dll beside it: DLL side-loading (T1574.002), Run-key persistence
-- (T1547.001), HTTPS C2 to cdn-office-update.example / 203.0.113.66
-- (T1071.001) with a fallback C2 198.51.100.45 that is written only in the
-- implant's memory (the config on disk is encrypted, T1027).
--   - ws_vp: VP-PC-023, Office of the Provincial People's Committee;
--   - ws_tc: TC-KT-07, the Department of Finance IT officer's PC. Its agent
--     has four-month-old signatures, so the central system never flagged it.
--     The implant harvested the domain account tc.admin there (T1056.001),
--     the account that also administers the document-management system.
--
--   turn 1 08:00  The central malware-monitoring system flags side-loading on
--                 VP-PC-023 (true). Same minute: PsExec alerts from the IT
--                 deployment server's weekly push (false).
--   turn 2 08:30  Proxy: regular HTTPS beacons from VP-PC-023 (true).
--   turn 3 09:00  VNCERT/CC's coordination order: acknowledge within 1 hour;
--                 scan everything with the attached tool; report infected
--                 machines, measures and extra indicators by 16:00.
--   turn 4        LDAP enumeration of the directory from VP-PC-023 (T1087.002).
--   turn 5        VPN login from abroad by the Finance director (approved trip:
--                 false positive).
--   turn 7 11:00  If the attacker still has a working channel, tc.admin is used
--                 to RDP into the document-management system (T1021.001, T1078);
--                 from turn 8, slow exfiltration of documents (T1041, T1030).
--   After 4 turns of exfiltration (2 hours) the ending "exfiltrated".
--
-- The key mechanic — TIPPING OFF. The attacker watches its implants. At the start
-- of every turn, if some channel it had was cut (a host isolated, shut down or
-- reimaged) while another still works, or if the primary C2 was blocked while
-- the fallback was not (the implants fall back and the operator notices), or if
-- the team warned staff over the official mail the attacker reads, or spoke
-- publicly: the attacker is tipped off (penalty). It then clears logs on the
-- hosts it still holds (T1070.001), swaps the DLL for a new variant that the
-- order's indicators no longer match, and moves to the document system at once.
-- Hosts running the variant are found only with the fallback C2 and the
-- implant's configuration from a MEMORY image (analyse_memory, or VNCERT/CC
-- analysing the image), or by looking where the logs were cleared.
--
-- The right response: triage; capture memory BEFORE any change; analyse it;
-- set up an out-of-band channel; acknowledge the order; hunt with the order's
-- tool (3 turns, ~1,200 machines); then cut every channel IN ONE TURN (isolate
-- every known host, block primary and fallback C2); answer the order with scope,
-- indicators and actions; report police and the steering committee; reimage;
-- reset tc.admin (once no implant can watch it). Two turns after the last implant
-- is gone the attacker tries the stolen tc.admin on the VPN: a reset means it
-- gives up (success), no reset means it is back in (ending "reentered").
--
-- Endings (checked in this order at the end of every turn):
--   reentered    stolen credentials used after the clean-up (the team never reset);
--   exfiltrated  4 turns of document exfiltration from the document system;
--   evicted      every implant gone and the stolen account useless (success);
--   timeout      (automatic) after turn 20 (17:30), e.g. contained but never cleaned.
--
-- Fog of war: investigate ws_vp/ws_tc/docsys (a variant hides unless the fallback
-- C2 is known or the team flagged the log-clearing alert), hunt (the order's
-- tool), investigate fw (beacons; a clue to Finance; the fallback C2 once the
-- primary is blocked), dc (enumeration, tc.admin's logons), malmon (agent gaps),
-- deploy and vpn (explain the false positives), analyse_memory, request_support
-- vncert (analyses a memory image the team has taken).
--
-- Scoring (100): detect 10, acknowledge the order 10, scope 15, memory 10,
-- contain by 13:00 15, answer the order by 16:00 15, police with evidence 10,
-- steering committee 5, eradicate and reset 10. Penalties: order unanswered at
-- the deadline 15, tipped off 10, reimaged before memory 10, shutdown 10,
-- compromised channel 5, credentials not rotated 10. Hints cost 3, 5, 5.
--
-- Self-tests (bottom): textbook (evicted, 100), blocked the C2 too early
-- (exfiltrated), tipped off then recovered (evicted), no reset (reentered),
-- contained then stalled (timeout), idle (exfiltrated), sloppy mistakes.
--
-- Tuning knobs below: ORDER_DEADLINE, LATERAL_TURN, EXFIL_LIMIT, REENTRY_DELAY,
-- HUNT_TURNS. Keep documentation addresses and example domains.
-- ─────────────────────────────────────────────────────────────────────────────

scenario {
  id = "apt-coordination-order", version = 2, api = 1,
  title = {
    vi = "Mã độc APT và lệnh điều phối của VNCERT/CC",
    en = "APT implant and a national coordination order",
  },
  summary = {
    vi = "Hệ thống giám sát mã độc tập trung cảnh báo một máy trạm của Văn phòng UBND tỉnh nạp "
      .. "DLL lạ và liên lạc đều đặn ra nước ngoài. Một giờ sau, VNCERT/CC ban hành lệnh điều phối "
      .. "về một chiến dịch APT nhắm vào cơ quan nhà nước, yêu cầu báo cáo trước 16:00. Đội ứng cứu "
      .. "phải xác định phạm vi, thu bộ nhớ, ngăn chặn đồng loạt mà không để kẻ tấn công phát hiện, "
      .. "trả lời lệnh điều phối đúng hạn và loại bỏ hoàn toàn mã độc.",
    en = "The central malware-monitoring system flags a workstation of the Office of the "
      .. "People's Committee loading a strange DLL and calling abroad at regular intervals. An "
      .. "hour later VNCERT/CC issues a coordination order about an APT campaign against state "
      .. "agencies, with a report due by 16:00. The team must scope, capture memory, contain "
      .. "everything at once without tipping the attacker off, answer the order on time and "
      .. "remove the implant for good.",
  },
  difficulty = "advanced",
  turn_minutes = 30, max_turns = 20, action_points = 2, start_time = "08:00",
  attack = { "T1566.001", "T1204.002", "T1574.002", "T1547.001", "T1027", "T1071.001",
             "T1056.001", "T1087.002", "T1021.001", "T1078", "T1030", "T1041",
             "T1070.001", "T1133" },
}

-- Tuning knobs.
local ORDER_TURN     = 3     -- the coordination order arrives (09:00)
local ACK_WITHIN     = 120   -- minutes: acknowledge by 10:00
local ORDER_DEADLINE = 480   -- minutes: answer by 16:00 (end of turn 16)
local REMIND_TURN    = 13    -- VNCERT/CC reminds (14:00) if no answer yet
local LATERAL_TURN   = 7     -- tc.admin used on the document system (11:00)
local EXFIL_LIMIT    = 4     -- turns of exfiltration before "exfiltrated"
local REENTRY_DELAY  = 2     -- turns after the last implant is gone: VPN attempt
local HUNT_TURNS     = 3     -- the order's tool over ~1,200 machines
local CONTAIN_BY     = 10    -- objective "contain" by the end of turn 10 (13:00)

-- Indicators (documentation addresses and example domains only).
local C2_DOMAIN, C2_IP, C2_BACKUP = "cdn-office-update.example", "203.0.113.66", "198.51.100.45"
local DLL_HASH = "4e1f9a07c2d35b8e"          -- shortened SHA-256 prefix, as in the order
local VPN_IP = "203.0.113.80"

-- The attacker's footholds, in a fixed order.
local FOOT = { "ws_vp", "ws_tc", "docsys" }
local HOST = { ws_vp = "VP-PC-023", ws_tc = "TC-KT-07", docsys = "QLVB-APP-01" }

-- ───────────────────────────── roles ─────────────────────────────
role { id = "lead", name = { vi = "Trưởng nhóm ứng cứu", en = "Incident lead" },
       desc = { vi = "Điều phối đội, làm đầu mối với VNCERT/CC, báo cáo Ban Chỉ đạo và Công an tỉnh.",
                en = "Coordinates the team, is the focal point for VNCERT/CC, reports to the steering "
                  .. "committee and the police." } }
role { id = "soc", name = { vi = "Chuyên viên giám sát (SOC)", en = "SOC analyst" },
       desc = { vi = "Phân loại cảnh báo, điều tra, rà quét diện rộng, phân tích bộ nhớ.",
                en = "Triages alerts, investigates, hunts across the province, analyses memory." } }
role { id = "sys", name = { vi = "Quản trị hệ thống", en = "System administrator" },
       desc = { vi = "Máy trạm, máy chủ và AD: thu bộ nhớ, cô lập, cài lại, đổi mật khẩu.",
                en = "Workstations, servers and the directory: memory capture, isolation, reimaging, "
                  .. "password resets." } }
role { id = "net", name = { vi = "Quản trị mạng", en = "Network administrator" },
       desc = { vi = "Tường lửa, proxy, DNS: chặn máy chủ điều khiển, cô lập phân đoạn mạng.",
                en = "Firewall, proxy, DNS: blocks the C2, isolates network segments." } }

-- ───────────────────────────── assets ────────────────────────────
asset { id = "ws_vp", kind = "workstation", level = 2, zone = "office",
        name = { vi = "Máy trạm Văn phòng UBND tỉnh (VP-PC-023)",
                 en = "Office of the People's Committee workstation (VP-PC-023)" },
        desc = { vi = "Máy của chuyên viên tổng hợp; dùng thư công vụ và Hệ thống QLVB hằng ngày.",
                 en = "A policy officer's PC; uses official mail and the document system every day." } }
asset { id = "ws_tc", kind = "workstation", level = 2, zone = "office",
        name = { vi = "Máy trạm Sở Tài chính (TC-KT-07)",
                 en = "Department of Finance workstation (TC-KT-07)" },
        desc = { vi = "Máy của cán bộ CNTT Sở Tài chính, người quản trị Hệ thống QLVB bằng tài khoản tc.admin.",
                 en = "The Finance IT officer's PC; he administers the document system as tc.admin." } }
asset { id = "docsys", kind = "application", level = 3, zone = "datacenter",
        name = { vi = "Hệ thống quản lý văn bản và điều hành (QLVB)",
                 en = "Document-management system (QLVB)" },
        desc = { vi = "Hệ thống dùng chung cấp độ 3 tại Trung tâm dữ liệu tỉnh; văn bản của mọi sở, ngành.",
                 en = "A shared level-3 system in the provincial data centre; every department's documents." } }
asset { id = "dc", kind = "directory", level = 3, zone = "datacenter",
        name = { vi = "Máy chủ quản lý tài khoản (AD) của tỉnh", en = "Provincial directory (AD)" },
        desc = { vi = "Tài khoản đăng nhập của cán bộ các sở; tài khoản tc.admin có quyền quản trị QLVB.",
                 en = "Sign-in accounts of the departments' staff; tc.admin administers the document system." } }
asset { id = "vpn", kind = "vpn", level = 3, zone = "dmz",
        name = { vi = "Cổng VPN truy cập từ xa", en = "Remote-access VPN gateway" },
        desc = { vi = "Cán bộ đăng nhập bằng tài khoản AD; chưa bật xác thực đa yếu tố cho mọi tài khoản.",
                 en = "Staff sign in with their AD account; multi-factor sign-in is not on for every account." } }
asset { id = "fw", kind = "firewall", level = 3, zone = "perimeter",
        name = { vi = "Tường lửa, proxy và DNS biên", en = "Perimeter firewall, proxy and DNS" },
        desc = { vi = "Lưu nhật ký proxy và truy vấn DNS 30 ngày; chặn được tên miền và địa chỉ IP.",
                 en = "Keeps 30 days of proxy and DNS logs; can block domains and addresses." } }
asset { id = "malmon", kind = "siem", level = 3, zone = "soc",
        name = { vi = "Hệ thống giám sát mã độc tập trung", en = "Central malware-monitoring system" },
        desc = { vi = "Tác tử trên khoảng 1.200 máy trạm và máy chủ của các sở; có thể chạy công cụ rà quét, "
                   .. "thu bộ nhớ từ xa và cô lập máy.",
                 en = "Agents on about 1,200 workstations and servers of the departments; can run a "
                   .. "scanning tool, capture memory remotely and isolate machines." } }
asset { id = "deploy", kind = "server", level = 2, zone = "datacenter",
        name = { vi = "Máy chủ triển khai phần mềm", en = "Software deployment server" },
        desc = { vi = "Đẩy bản cập nhật phần mềm tới máy trạm bằng PsExec vào sáng thứ Ba hằng tuần.",
                 en = "Pushes software updates to workstations with PsExec every Tuesday morning." } }
link("fw", "ws_vp")
link("fw", "ws_tc")
link("fw", "docsys")
link("fw", "vpn")
link("vpn", "docsys")
link("dc", "ws_vp")
link("dc", "ws_tc")
link("dc", "docsys")
link("malmon", "ws_vp")
link("malmon", "ws_tc")
link("malmon", "docsys")
link("deploy", "ws_vp")
link("deploy", "ws_tc")

-- ───────────────────────────── signals ───────────────────────────
-- The attack (truth = true).
signal { id = "s_sideload", source = "malware-monitor", severity = "medium", asset = "ws_vp",
         truth = true, technique = "T1574.002",
         text = { vi = "Giám sát mã độc tập trung: trên VP-PC-023, tiến trình WinwordUpdate.exe (có chữ ký "
                    .. "số) trong %APPDATA%\\Microsoft\\Office\\ nạp wwlib.dll KHÔNG có chữ ký (SHA-256 "
                    .. DLL_HASH .. "…), tệp không có trong cơ sở dữ liệu mẫu. Mức tin cậy: trung bình.",
                  en = "Central malware monitoring: on VP-PC-023, WinwordUpdate.exe (signed) in "
                    .. "%APPDATA%\\Microsoft\\Office\\ loads an UNSIGNED wwlib.dll (SHA-256 " .. DLL_HASH
                    .. "…), unknown to the sample database. Confidence: medium." } }
signal { id = "s_beacon", source = "proxy", severity = "medium", asset = "ws_vp", truth = true,
         technique = "T1071.001",
         text = { vi = "Proxy: VP-PC-023 kết nối HTTPS tới " .. C2_DOMAIN .. " (" .. C2_IP .. ") đều đặn "
                    .. "khoảng 5 phút một lần, mỗi lần dưới 2 KB, kể cả ngoài giờ làm việc. Tên miền mới "
                    .. "đăng ký 40 ngày trước.",
                  en = "Proxy: VP-PC-023 makes HTTPS connections to " .. C2_DOMAIN .. " (" .. C2_IP
                    .. ") about every 5 minutes, under 2 KB each, also out of hours. The domain was "
                    .. "registered 40 days ago." } }
signal { id = "s_order", source = "authority", severity = "high", truth = true,
         text = { vi = "LỆNH ĐIỀU PHỐI của VNCERT/CC: một nhóm APT đang tấn công cơ quan nhà nước bằng tệp "
                    .. "đính kèm giả công văn; mã độc nạp wwlib.dll (SHA-256 " .. DLL_HASH .. "…), máy "
                    .. "chủ điều khiển " .. C2_DOMAIN .. ", " .. C2_IP .. ". Kèm công cụ rà quét. Yêu cầu: "
                    .. "(1) xác nhận đã nhận lệnh trong 1 giờ; (2) rà quét toàn bộ hệ thống; (3) báo cáo "
                    .. "danh sách máy nhiễm, biện pháp đã xử lý và chỉ dấu bổ sung trước 16:00 hôm nay.",
                  en = "COORDINATION ORDER from VNCERT/CC: an APT group is attacking state agencies with "
                    .. "fake official-document attachments; the malware loads wwlib.dll (SHA-256 "
                    .. DLL_HASH .. "…), C2 " .. C2_DOMAIN .. ", " .. C2_IP .. ". A scanning tool is "
                    .. "attached. Required: (1) acknowledge within 1 hour; (2) scan every system; "
                    .. "(3) report the infected machines, the measures taken and any extra indicators "
                    .. "by 16:00 today." } }
signal { id = "s_ldap", source = "directory", severity = "low", asset = "ws_vp", truth = true,
         technique = "T1087.002",
         text = { vi = "Nhật ký AD: tài khoản của chuyên viên dùng VP-PC-023 truy vấn LDAP toàn bộ danh sách "
                    .. "người dùng, nhóm quản trị và máy chủ (hơn 3.000 đối tượng) trong 2 phút.",
                  en = "Directory log: the account of VP-PC-023's user ran LDAP queries for every user, "
                    .. "admin group and server (over 3,000 objects) in 2 minutes." } }
signal { id = "s_docsys_login", source = "application", severity = "low", asset = "docsys", truth = true,
         technique = "T1021.001",
         text = { vi = "Nhật ký QLVB: tài khoản tc.admin đăng nhập quản trị qua RDP từ TC-KT-07, sau đó xuất "
                    .. "danh sách văn bản 'Mật' và 'Tối mật' của 6 tháng gần nhất. Cán bộ CNTT Sở Tài chính "
                    .. "đang họp và không nhận là mình thao tác.",
                  en = "Document-system log: tc.admin signed in as administrator over RDP from TC-KT-07, "
                    .. "then exported the list of 'Confidential' and 'Secret' documents of the last 6 "
                    .. "months. The Finance IT officer is in a meeting and says it was not him." } }
signal { id = "s_exfil", source = "proxy", severity = "high", asset = "docsys", truth = true,
         technique = "T1041",
         text = { vi = "Proxy: máy chủ QLVB-APP-01 gửi HTTPS ra nước ngoài khoảng 40 MB mỗi giờ, chia thành "
                    .. "các gói nhỏ 2 MB mỗi 3 phút — máy chủ này bình thường không tự gửi dữ liệu ra Internet.",
                  en = "Proxy: server QLVB-APP-01 sends about 40 MB an hour over HTTPS abroad, in 2 MB "
                    .. "chunks every 3 minutes — this server never sends data to the Internet on its own." } }
signal { id = "s_logclear", source = "malware-monitor", severity = "high", asset = "ws_tc", truth = true,
         technique = "T1070.001",
         text = { vi = "Giám sát mã độc tập trung: nhật ký sự kiện Security bị xoá (sự kiện 1102) trên TC-KT-07; "
                    .. "ngay sau đó một DLL mới được ghi vào thư mục Office của người dùng.",
                  en = "Central malware monitoring: the Security event log was cleared (event 1102) on "
                    .. "TC-KT-07; right after, a new DLL was written to the user's Office folder." } }
signal { id = "s_reminder", source = "authority", severity = "medium", truth = true,
         text = { vi = "VNCERT/CC nhắc: tỉnh chưa gửi báo cáo theo lệnh điều phối; hạn chót 16:00 hôm nay.",
                  en = "VNCERT/CC reminds: the province has not answered the coordination order; the "
                    .. "deadline is 16:00 today." } }
signal { id = "s_reentry", source = "vpn", severity = "high", asset = "vpn", truth = true,
         technique = "T1133",
         text = { vi = "VPN: tài khoản tc.admin đăng nhập từ " .. VPN_IP .. " (nước ngoài) lúc cán bộ đang "
                    .. "ở cơ quan, rồi mở phiên RDP tới QLVB-APP-01.",
                  en = "VPN: tc.admin signed in from " .. VPN_IP .. " (abroad) while its owner is at the "
                    .. "office, then opened an RDP session to QLVB-APP-01." } }

-- False positives (truth = false).
signal { id = "s_psexec", source = "malware-monitor", severity = "medium", asset = "deploy", truth = false,
         technique = "T1569.002",
         text = { vi = "Giám sát mã độc tập trung: PsExec tạo dịch vụ từ xa trên 214 máy trạm trong 15 phút, "
                    .. "xuất phát từ máy chủ triển khai phần mềm.",
                  en = "Central malware monitoring: PsExec created remote services on 214 workstations in "
                    .. "15 minutes, from the software deployment server." } }
signal { id = "s_geo", source = "vpn", severity = "medium", asset = "vpn", truth = false,
         technique = "T1078",
         text = { vi = "VPN: tài khoản của Giám đốc Sở Tài chính đăng nhập từ Hàn Quốc lúc 10:12.",
                  en = "VPN: the Director of Finance's account signed in from South Korea at 10:12." } }
signal { id = "s_toolfp", source = "malware-monitor", severity = "high", asset = "ws_tc", truth = false,
         text = { vi = "Công cụ rà quét của lệnh điều phối: cảnh báo 'nghi ngờ' với KeToanPlus_Update.exe "
                    .. "trên 14 máy của Sở Tài chính (tệp thực thi tự cập nhật, nạp DLL từ thư mục người dùng).",
                  en = "The order's scanning tool: a 'suspicious' verdict on KeToanPlus_Update.exe on 14 "
                    .. "Finance machines (a self-updating program loading a DLL from the user folder)." } }

-- Everyday noise.
signal { id = "n_spam", source = "mail-gateway", severity = "low", truth = false,
         text = { vi = "Cổng thư: chặn 530 thư rác và 2 thư lừa đảo trong 1 giờ — mức bình thường.",
                  en = "Mail gateway: 530 spam and 2 phishing e-mails blocked in an hour — the usual level." } }
signal { id = "n_ssh", source = "firewall", severity = "low", truth = false,
         text = { vi = "Tường lửa: 1.900 lần dò mật khẩu SSH từ 198.51.100.201 vào DMZ, đều bị chặn.",
                  en = "Firewall: 1,900 SSH password guesses from 198.51.100.201 at the DMZ, all blocked." } }
signal { id = "n_cert", source = "monitoring", severity = "info", truth = false,
         text = { vi = "Chứng chỉ TLS của qlvb.tinh.example hết hạn sau 25 ngày.",
                  en = "The TLS certificate of qlvb.tinh.example expires in 25 days." } }
signal { id = "n_av", source = "endpoint", severity = "low", truth = false,
         text = { vi = "Phòng chống mã độc: USB chứa tệp autorun.inf bị chặn trên một máy của Sở Y tế.",
                  en = "Anti-malware: a USB stick with an autorun.inf blocked on a Department of Health PC." } }
signal { id = "n_disk", source = "monitoring", severity = "low", truth = false,
         text = { vi = "Máy chủ tệp của Sở Xây dựng: ổ dữ liệu đầy 91%.",
                  en = "Department of Construction file server: data disk 91% full." } }

-- ───────────────────────────── helpers ───────────────────────────
local function has(list, x)
  for _, v in ipairs(list or {}) do
    if v == x then return true end
  end
  return false
end

local function is_foot(id) return HOST[id] ~= nil end

-- Both C2 addresses blocked: every implant is cut, known to the team or not.
local function c2_cut(w) return w.vars.primary_blocked and w.vars.backup_blocked end

-- Does the attacker have a working channel to this host?
local function open(w, h)
  local A = w.asset[h]
  return A.compromised and A.online and not A.isolated and not c2_cut(w)
end

local function any_open(w)
  for _, h in ipairs(FOOT) do
    if open(w, h) then return true end
  end
  return false
end

local function any_compromised(w)
  for _, h in ipairs(FOOT) do
    if w.asset[h].compromised then return true end
  end
  return false
end

-- The team learns a host is infected (and remembers it for "scope").
local function found(w, h, text)
  w.vars.found[h] = true
  w:reveal(h, "compromised", text)
end

-- Can the team recognise the new variant on host h?
local function recognisable(w, h)
  return not w.vars.variant[h] or w.vars.backup_known
end

local function tip_off(w, why)
  local V = w.vars
  if V.tipped then return end
  V.tipped = true
  w:penalize("tipped_off")
  w:log { vi = "Kẻ tấn công phát hiện đội ứng cứu đang xử lý (" .. why.vi .. "): xoá nhật ký trên các máy "
            .. "còn kiểm soát, thay DLL bằng biến thể mới không khớp chỉ dấu của lệnh điều phối và "
            .. "chuyển ngay sang Hệ thống QLVB.",
          en = "The attacker sees the team at work (" .. why.en .. "): it clears logs on the hosts it "
            .. "still holds, swaps the DLL for a new variant the order's indicators do not match, and "
            .. "moves to the document system at once." }
  local first = nil
  for _, h in ipairs(FOOT) do
    if open(w, h) then
      V.variant[h] = true
      first = first or h
    end
  end
  if first and first ~= "docsys" then
    w:signal("s_logclear", { asset = first,
      text = { vi = "Giám sát mã độc tập trung: nhật ký sự kiện Security bị xoá (sự kiện 1102) trên "
                 .. HOST[first] .. "; ngay sau đó một DLL mới được ghi vào thư mục Office của người dùng.",
               en = "Central malware monitoring: the Security event log was cleared (event 1102) on "
                 .. HOST[first] .. "; right after, a new DLL was written to the user's Office folder." } })
  end
  -- Smash and grab: with a channel left, go for the documents now.
  if first and not w.asset.docsys.compromised then
    w:compromise("docsys", { technique = "T1078" })
    V.variant.docsys = true
    V.exfil_from = w.turn + 1
    w:log { vi = "Dùng tài khoản tc.admin đã đánh cắp, kẻ tấn công RDP vào QLVB-APP-01 và cài biến thể mới.",
            en = "With the stolen tc.admin account the attacker RDPs into QLVB-APP-01 and plants the variant." }
  end
end

-- ───────────────────────────── the attacker's script ─────────────
at(1, function(w)
  local V = w.vars
  V.found, V.variant, V.prev, V.mem = {}, {}, {}, {}
  V.primary_blocked, V.backup_blocked, V.backup_known = false, false, false
  V.tipped, V.leak, V.oob, V.order_received, V.acked = false, false, false, false, false
  V.hunted, V.hunt_fp, V.order_answered, V.late = false, false, false, false
  V.exfil, V.exfil_from, V.exfil_seen = 0, nil, false
  V.mem_ok, V.police_ev, V.creds_rotated, V.ldap = false, false, false, false
  V.cleared_turn, V.reentered, V.gave_up = nil, false, false
  V.noise_left = { "n_spam", "n_ssh", "n_cert", "n_av", "n_disk" }
  w:compromise("ws_vp", { technique = "T1574.002" })
  w:compromise("ws_tc", { technique = "T1574.002" })
  w:log { vi = "19 ngày trước, tệp nén giả công văn được mở trên VP-PC-023 và TC-KT-07: WinwordUpdate.exe "
            .. "nạp wwlib.dll độc hại; khoá Run giữ tồn tại; C2 chính " .. C2_DOMAIN .. ", C2 dự phòng "
            .. C2_BACKUP .. " (chỉ có trong bộ nhớ). Trên TC-KT-07, trình ghi phím lấy mật khẩu tc.admin.",
          en = "19 days ago the fake-document archive was opened on VP-PC-023 and TC-KT-07: "
            .. "WinwordUpdate.exe loads a malicious wwlib.dll; a Run key persists; primary C2 "
            .. C2_DOMAIN .. ", fallback C2 " .. C2_BACKUP .. " (in memory only). On TC-KT-07 a "
            .. "keylogger captured the tc.admin password." }
  w:signal("s_sideload")
  w:signal("s_psexec")
end)

at(2, function(w) if open(w, "ws_vp") then w:signal("s_beacon") end end)

at(ORDER_TURN, function(w)
  w.vars.order_received = true
  w:signal("s_order")
end)

at(4, function(w)
  if open(w, "ws_vp") then
    w.vars.ldap = true
    w:signal("s_ldap")
  end
end)
at(5, function(w) w:signal("s_geo") end)

at(REMIND_TURN, function(w)
  if not w.vars.order_answered then w:signal("s_reminder") end
end)

-- Every turn, at its start: is the attacker tipped off? what does it do next?
every(1, function(w)
  local V, t = w.vars, w.turn

  -- 1. Tipping off (what the team did up to the end of the last turn).
  if not V.tipped and any_open(w) then
    local lost = false
    for _, h in ipairs(FOOT) do
      if V.prev[h] and not open(w, h) then lost = true end
    end
    if lost then
      tip_off(w, { vi = "mất liên lạc với một máy trong khi máy khác vẫn hoạt động",
                   en = "one implant went silent while another still answers" })
    elseif V.primary_blocked and not V.backup_blocked then
      tip_off(w, { vi = "các máy chuyển sang C2 dự phòng sau khi C2 chính bị chặn",
                   en = "the implants fell back to the spare C2 after the primary was blocked" })
    elseif V.leak then
      tip_off(w, { vi = "đọc được thông tin ứng cứu qua kênh bị lộ",
                   en = "it read about the response through an exposed channel" })
    end
  end

  -- 2. Lateral movement to the document system with the stolen tc.admin.
  if t == LATERAL_TURN and not w.asset.docsys.compromised and any_open(w) then
    w:compromise("docsys", { technique = "T1021.001" })
    V.exfil_from = t + 1
    w:log { vi = "Kẻ tấn công dùng tc.admin RDP từ TC-KT-07 vào QLVB-APP-01 và cài DLL vào dịch vụ đồng bộ.",
            en = "The attacker uses tc.admin to RDP from TC-KT-07 into QLVB-APP-01 and plants the DLL "
              .. "in the sync service." }
    w:signal("s_docsys_login")
  end

  -- 3. Slow exfiltration while the document system has a channel.
  if V.exfil_from and t >= V.exfil_from and open(w, "docsys") then
    V.exfil = V.exfil + 1
    w:log { vi = "Tuồn khoảng 20 MB văn bản từ QLVB-APP-01 ra ngoài (lần " .. V.exfil .. ").",
            en = "About 20 MB of documents leave QLVB-APP-01 (" .. V.exfil .. ")." }
    if not V.exfil_seen then
      V.exfil_seen = true
      w:signal("s_exfil")
    end
  end

  -- 4. After the clean-up: the stolen account, tried on the VPN.
  if not V.cleared_turn and not any_compromised(w) then
    V.cleared_turn = t
  end
  if V.cleared_turn and not V.reentered and not V.gave_up and t >= V.cleared_turn + REENTRY_DELAY then
    if V.creds_rotated then
      V.gave_up = true
      w:log { vi = "Kẻ tấn công thử tc.admin qua VPN: mật khẩu đã bị đổi. Không còn máy nào trả lời: bỏ cuộc.",
              en = "The attacker tries tc.admin on the VPN: the password has changed. No implant "
                .. "answers: it gives up." }
      w:note { vi = "VPN ghi nhận 3 lần đăng nhập sai của tc.admin từ " .. VPN_IP .. " rồi dừng hẳn.",
               en = "The VPN logs 3 failed tc.admin sign-ins from " .. VPN_IP .. ", then nothing more." }
    else
      V.reentered = true
      w:compromise("docsys", { technique = "T1133" })
      w:penalize("credentials_not_rotated")
      w:log { vi = "Kẻ tấn công đăng nhập VPN bằng tc.admin (mật khẩu cũ vẫn đúng) và quay lại QLVB.",
              en = "The attacker signs in to the VPN as tc.admin (the old password still works) and is "
                .. "back on the document system." }
      w:signal("s_reentry")
    end
  end

  for _, h in ipairs(FOOT) do V.prev[h] = open(w, h) end
end)

-- Everyday noise: every third turn, maybe one of the remaining noise signals.
every(3, function(w)
  local left = w.vars.noise_left
  if #left > 0 and w:chance(0.6) then
    w:signal(table.remove(left, w:random(1, #left)))
  end
end)

-- The order's deadline passes without a complete answer.
when(function(w) return w.minutes >= ORDER_DEADLINE and not w.vars.order_answered end,
     function(w)
       w.vars.late = true
       w:penalize("order_late")
       w:note { vi = "16:00: VNCERT/CC ghi nhận tỉnh không báo cáo đúng hạn theo lệnh điều phối và báo cáo "
                  .. "Cục A05; tỉnh sẽ phải giải trình.",
                en = "16:00: VNCERT/CC records that the province missed the order's deadline and informs "
                  .. "A05; the province will have to explain." }
     end)

-- ───────────────────────────── actions ───────────────────────────
action { id = "ack_order", roles = { "lead" }, cost = 1, turns = 1, target = "none",
  label = { vi = "Xác nhận đã nhận lệnh điều phối", en = "Acknowledge the coordination order" },
  help = { vi = "Gửi VNCERT/CC xác nhận đã nhận lệnh và đầu mối liên hệ 24/7 của tỉnh.",
           en = "Tell VNCERT/CC the order was received and name the province's 24/7 focal point." },
  run = function(w, a)
    if not w.vars.order_received then
      w:note { vi = "Chưa nhận được lệnh điều phối nào.", en = "No coordination order has been received yet." }
      return
    end
    w.vars.acked = true
    w:note { vi = "VNCERT/CC ghi nhận xác nhận và đầu mối 24/7 của tỉnh.",
             en = "VNCERT/CC records the acknowledgement and the province's 24/7 focal point." }
  end }

action { id = "oob_channel", roles = { "lead" }, cost = 1, turns = 1, target = "none",
  label = { vi = "Lập kênh phối hợp ngoài băng", en = "Set up an out-of-band channel" },
  help = { vi = "Điện thoại và nhóm nhắn tin riêng trên thiết bị sạch; không bàn việc ứng cứu qua thư công vụ.",
           en = "Phones and a separate chat group on clean devices; no response talk over official mail." },
  run = function(w, a)
    w.vars.oob = true
    w:note { vi = "Đội và các sở liên quan phối hợp qua điện thoại và nhóm nhắn tin riêng trên thiết bị sạch.",
             en = "The team and the departments involved coordinate by phone and a separate chat group "
               .. "on clean devices." }
  end }

action { id = "hunt", roles = { "soc" }, cost = 2, turns = HUNT_TURNS, target = "none",
  label = { vi = "Rà quét diện rộng bằng công cụ của lệnh điều phối",
            en = "Hunt across the province with the order's tool" },
  help = { vi = "Chạy công cụ trên khoảng 1.200 máy qua tác tử giám sát, tra 30 ngày nhật ký proxy và DNS "
             .. "theo các chỉ dấu đã biết. Mất " .. HUNT_TURNS .. " lượt.",
           en = "Run the tool on about 1,200 machines through the monitoring agents and search 30 days "
             .. "of proxy and DNS logs for the known indicators. Takes " .. HUNT_TURNS .. " turns." },
  run = function(w, a)
    local V = w.vars
    if not (V.order_received or V.found.ws_vp) then
      w:note { vi = "Chưa có chỉ dấu nào để rà quét: cần điều tra máy bị cảnh báo hoặc chờ chỉ dấu từ VNCERT/CC.",
               en = "No indicators to hunt for yet: investigate the flagged machine or wait for "
                 .. "VNCERT/CC's indicators." }
      return
    end
    V.hunted = true
    local names_vi, names_en = {}, {}
    for _, h in ipairs(FOOT) do
      if w.asset[h].compromised and recognisable(w, h) then
        found(w, h)
        names_vi[#names_vi + 1] = HOST[h]
        names_en[#names_en + 1] = HOST[h]
      end
    end
    local hit = #names_en > 0 and table.concat(names_en, ", ") or "none"
    local hit_vi = #names_vi > 0 and table.concat(names_vi, ", ") or "không có"
    local gap_vi, gap_en = "", ""
    if V.tipped and not V.backup_known then
      gap_vi = " Lưu ý: một số máy có nhật ký bị xoá gần đây; công cụ chỉ tìm được mẫu đã biết."
      gap_en = " Note: some machines had their logs cleared recently; the tool only finds known samples."
    end
    w:note { vi = "Kết quả rà quét 1.187/1.203 máy: nhiễm mã độc theo chỉ dấu: " .. hit_vi .. "."
               .. " 16 máy tắt hoặc mất kết nối tác tử." .. gap_vi,
             en = "Hunt over 1,187 of 1,203 machines: infected by the indicators: " .. hit .. "."
               .. " 16 machines were off or their agent unreachable." .. gap_en }
    if not V.hunt_fp then
      V.hunt_fp = true
      w:signal("s_toolfp")
    end
  end }

action { id = "analyse_memory", roles = { "soc" }, cost = 1, turns = 2, target = "asset",
  label = { vi = "Phân tích ảnh bộ nhớ", en = "Analyse a memory image" },
  help = { vi = "Trích cấu hình mã độc từ ảnh bộ nhớ đã thu (cần ảnh bộ nhớ của máy nhiễm). Mất 2 lượt.",
           en = "Extract the implant's configuration from a captured memory image (needs one from an "
             .. "infected machine). Takes 2 turns." },
  run = function(w, a)
    local V = w.vars
    if V.mem[a.target] then
      V.backup_known = true
      w:note { vi = "Cấu hình giải mã từ bộ nhớ " .. HOST[a.target] .. ": C2 chính " .. C2_DOMAIN
                 .. "; C2 DỰ PHÒNG " .. C2_BACKUP .. " (dùng khi C2 chính không phản hồi); mutex "
                 .. "'Global\\OfcSyncM'; chu kỳ 5 phút. Mẫu hành vi này nhận ra cả biến thể mới.",
               en = "Configuration decoded from " .. HOST[a.target] .. "'s memory: primary C2 "
                 .. C2_DOMAIN .. "; FALLBACK C2 " .. C2_BACKUP .. " (used when the primary does not "
                 .. "answer); mutex 'Global\\OfcSyncM'; 5-minute period. This behaviour pattern "
                 .. "also catches new variants." }
    else
      w:note { vi = "Không có ảnh bộ nhớ nào của máy đang nhiễm để phân tích (hoặc bộ nhớ đã mất khi tắt máy).",
               en = "There is no memory image of an infected, running machine to analyse (or it was "
                 .. "lost when the machine was powered off)." }
    end
  end }

-- Memory was captured from h while it was infected and running.
local function mem_taken(w, h) return w.vars.mem[h] or w.asset[h].evidence end

-- Reimaging is this scenario's eradication of a workstation or server.
action { id = "eradicate", roles = { "sys" }, cost = 2, turns = 2,
  label = { vi = "Cài lại sạch (reimage)", en = "Reimage (clean rebuild)" },
  run = function(w, a)
    local h = a.target
    if not is_foot(h) then return stdlib.run.eradicate(w, a) end
    local A = w.asset[h]
    if A.compromised and not mem_taken(w, h) then
      w:penalize("reimage_before_memory")
    end
    if A.compromised then
      w:set(h, "compromised", false)
    end
    w:set(h, "clean", true)
    w:reveal(h, "compromised")
    w:reveal(h, "clean", { vi = HOST[h] .. " đã được cài lại từ bản chuẩn; không còn DLL và khoá Run lạ.",
                           en = HOST[h] .. " rebuilt from the standard image; no strange DLL or Run key left." })
  end }

-- Investigation: what the team can find, and when.
action { id = "investigate",
  run = function(w, a)
    local V, h = w.vars, a.target
    if not is_foot(h) then return stdlib.run.investigate(w, a) end
    local A = w.asset[h]
    if not A.compromised then
      w:reveal(h, "compromised")
      w:note { vi = HOST[h] .. ": không thấy DLL lạ, khoá Run lạ hay kết nối tới C2.",
               en = HOST[h] .. ": no strange DLL, Run key or C2 connection." }
      return
    end
    if not (recognisable(w, h) or w:flagged("s_logclear")) then
      w:note { vi = HOST[h] .. ": không khớp chỉ dấu của lệnh điều phối; nhật ký sự kiện mới bị xoá vài giờ "
                 .. "trước nên không dựng lại được dòng thời gian.",
               en = HOST[h] .. ": nothing matches the order's indicators; the event logs were cleared a "
                 .. "few hours ago, so no timeline can be rebuilt." }
      return
    end
    if h == "ws_vp" then
      found(w, h, { vi = "VP-PC-023 bị nhiễm mã độc APT.", en = "VP-PC-023 carries the APT implant." })
      w:note { vi = "VP-PC-023: WinwordUpdate.exe nạp wwlib.dll độc hại (DLL side-loading); khoá Run giữ "
                 .. "tồn tại; kết nối HTTPS tới " .. C2_DOMAIN .. ". Xuất hiện từ 19 ngày trước, sau khi "
                 .. "mở tệp 'Cong_van_trien_khai_2026.rar' từ vanthu@congvan-tw.example. Cấu hình "
                 .. "mã độc trên đĩa đã mã hoá: chỉ ảnh bộ nhớ mới cho thấy đầy đủ.",
               en = "VP-PC-023: WinwordUpdate.exe loads a malicious wwlib.dll (DLL side-loading); a "
                 .. "Run key persists; HTTPS to " .. C2_DOMAIN .. ". Present for 19 days, since "
                 .. "'Cong_van_trien_khai_2026.rar' from vanthu@congvan-tw.example was opened. The "
                 .. "config on disk is encrypted: only a memory image shows all of it." }
    elseif h == "ws_tc" then
      found(w, h, { vi = "TC-KT-07 bị nhiễm mã độc APT.", en = "TC-KT-07 carries the APT implant." })
      w:note { vi = "TC-KT-07: cùng bộ WinwordUpdate.exe + wwlib.dll, thêm một trình ghi phím; tác tử giám "
                 .. "sát có mẫu nhận diện cũ 4 tháng nên không cảnh báo. Đây là máy dùng tài khoản "
                 .. "tc.admin quản trị QLVB: coi như mật khẩu tc.admin đã lộ.",
               en = "TC-KT-07: the same WinwordUpdate.exe + wwlib.dll, plus a keylogger; the agent's "
                 .. "signatures are 4 months old, so it never alerted. This is where tc.admin "
                 .. "administers the document system: treat the tc.admin password as stolen." }
    else
      found(w, h, { vi = "QLVB-APP-01 bị cài mã độc.", en = "QLVB-APP-01 carries the implant." })
      w:note { vi = "QLVB-APP-01: DLL độc hại trong dịch vụ đồng bộ, cài qua phiên RDP của tc.admin từ "
                 .. "TC-KT-07; đang nén và gửi văn bản ra ngoài theo từng gói nhỏ.",
               en = "QLVB-APP-01: a malicious DLL in the sync service, planted over tc.admin's RDP "
                 .. "session from TC-KT-07; it compresses documents and sends them out in small chunks." }
    end
  end }

on("investigate", function(w, a)
  local V = w.vars
  if a.target == "fw" then
    local more_vi, more_en = "", ""
    if V.primary_blocked and w.asset.ws_vp.compromised or V.primary_blocked and w.asset.ws_tc.compromised then
      V.backup_known = true
      more_vi = " Sau khi chặn C2 chính, các máy đó chuyển sang kết nối " .. C2_BACKUP .. " (C2 dự phòng)."
      more_en = " Since the primary C2 was blocked, those machines connect to " .. C2_BACKUP
        .. " (a fallback C2)."
    end
    w:note { vi = "Nhật ký proxy/DNS 30 ngày: VP-PC-023 gọi " .. C2_DOMAIN .. " đều đặn từ 19 ngày trước; "
               .. "thêm vài truy vấn DNS thưa (6 giờ một lần) tới cùng tên miền từ dải mạng Sở Tài chính, "
               .. "qua máy chủ DNS chung nên không rõ máy nào." .. more_vi,
             en = "30 days of proxy/DNS logs: VP-PC-023 has called " .. C2_DOMAIN .. " regularly for 19 "
               .. "days; also a few sparse DNS lookups (every 6 hours) of the same domain from the "
               .. "Finance network, through the shared resolver, so the machine is unknown." .. more_en }
  elseif a.target == "dc" then
    local rdp_vi, rdp_en = "", ""
    if w.asset.docsys.compromised then
      rdp_vi = " tc.admin mở phiên RDP tới QLVB-APP-01 từ TC-KT-07 ngoài thao tác thường ngày."
      rdp_en = " tc.admin opened an RDP session to QLVB-APP-01 from TC-KT-07, unlike its usual pattern."
    end
    local enum_vi, enum_en = "", ""
    if V.ldap then
      enum_vi = "tài khoản người dùng VP-PC-023 đã liệt kê toàn bộ thư mục lúc 09:41; "
      enum_en = "the VP-PC-023 user's account enumerated the whole directory at 09:41; "
    end
    w:note { vi = "AD: " .. enum_vi .. "tài khoản tc.admin (quản trị QLVB) thường đăng nhập từ TC-KT-07." .. rdp_vi,
             en = "Directory: " .. enum_en .. "tc.admin (document-system admin) usually signs in from "
               .. "TC-KT-07." .. rdp_en }
  elseif a.target == "malmon" then
    w:note { vi = "Giám sát mã độc: 94% máy có tác tử; 120 máy Sở Tài chính dùng mẫu nhận diện cũ 4 tháng do "
               .. "lỗi máy chủ cập nhật. Cảnh báo PsExec đến từ lịch cập nhật phần mềm sáng thứ Ba.",
             en = "Malware monitoring: 94% of machines have an agent; 120 Finance machines have "
               .. "4-month-old signatures because of an update-server fault. The PsExec alerts come "
               .. "from the Tuesday-morning software push." }
  elseif a.target == "deploy" then
    w:note { vi = "Máy chủ triển khai: lịch đẩy bản cập nhật trình duyệt và bộ gõ lúc 07:45 thứ Ba, do cán bộ "
               .. "CNTT của Sở KH&CN duyệt. PsExec là công cụ của lịch này: cảnh báo sai.",
             en = "Deployment server: a browser and input-method update pushed at 07:45 on Tuesday, "
               .. "approved by the Department of Science and Technology's IT staff. PsExec is that "
               .. "job's tool: a false positive." }
  elseif a.target == "vpn" then
    local re_vi, re_en = "", ""
    if V.reentered then
      re_vi = " tc.admin đăng nhập từ " .. VPN_IP .. " bằng mật khẩu cũ rồi RDP tới QLVB-APP-01."
      re_en = " tc.admin signed in from " .. VPN_IP .. " with the old password, then RDP'd to QLVB-APP-01."
    end
    w:note { vi = "VPN: Giám đốc Sở Tài chính đang dự hội nghị tại Hàn Quốc theo quyết định cử đi công tác; "
               .. "đăng nhập từ khách sạn là hợp lệ." .. re_vi,
             en = "VPN: the Director of Finance is at a conference in South Korea on an approved trip; "
               .. "the hotel sign-in is legitimate." .. re_en }
  end
end)

on("collect_evidence", function(w, a)
  local V, h = w.vars, a.target
  if not is_foot(h) then return end
  local A = w.asset[h]
  if A.compromised and A.online and not A.vars.memory_lost then
    V.mem[h], V.mem_ok = true, true
    w:note { vi = "Đã thu ảnh bộ nhớ và ổ đĩa " .. HOST[h] .. " qua tác tử (không làm gián đoạn người dùng), "
               .. "tính SHA-256, lập biên bản chuỗi lưu giữ (người thực hiện, thời điểm " .. w:clock()
               .. " UTC+7, nơi cất giữ).",
             en = "Memory and disk of " .. HOST[h] .. " captured through the agent (the user notices "
               .. "nothing), SHA-256 hashed, chain-of-custody record written (handler, time " .. w:clock()
               .. " UTC+7, storage place)." }
  elseif A.compromised then
    w:note { vi = "Chỉ thu được ảnh ổ đĩa " .. HOST[h] .. ": bộ nhớ đã mất khi tắt máy.",
             en = "Only a disk image of " .. HOST[h] .. ": memory was lost when it was powered off." }
  else
    w:note { vi = "Ảnh của " .. HOST[h] .. " khi không có mã độc: chỉ dùng làm mốc so sánh.",
             en = "An image of " .. HOST[h] .. " with no implant on it: a baseline only." }
  end
end)

on("shutdown", function(w, a)
  local h = a.target
  if is_foot(h) and w.asset[h].compromised and not w.vars.mem[h] then
    w:penalize("shutdown_instead_of_isolate")
    w:log { vi = "Tắt " .. HOST[h] .. ": cấu hình mã độc và C2 dự phòng trong bộ nhớ bị mất.",
            en = "Powering off " .. HOST[h] .. " loses the implant's configuration and fallback C2 in memory." }
  end
end)

on("block", function(w, a)
  local V, t = w.vars, a.target
  if t == C2_DOMAIN or t == C2_IP then
    V.primary_blocked = true
    w:note { vi = "Đã chặn " .. t .. " tại DNS và proxy.", en = t .. " blocked at the DNS and proxy." }
  elseif t == C2_BACKUP then
    V.backup_blocked = true
    w:note { vi = "Đã chặn " .. t .. " tại tường lửa.", en = t .. " blocked at the firewall." }
  elseif t:sub(1, #DLL_HASH) == DLL_HASH then
    w:note { vi = "Mã băm đã vào danh sách chặn của hệ thống giám sát; mã độc đang chạy trong bộ nhớ không bị ảnh hưởng.",
             en = "The hash is on the monitoring system's blocklist; the implant already running in "
               .. "memory is unaffected." }
  end
end)

-- Credentials count only once no implant can watch them being changed.
on("reset_credentials", function(w, a)
  if a.target ~= "dc" then return end
  if any_open(w) then
    w:log { vi = "Đổi mật khẩu tc.admin khi trình ghi phím vẫn liên lạc được: kẻ tấn công có mật khẩu mới.",
            en = "tc.admin reset while the keylogger still reports: the attacker has the new password." }
    return
  end
  w.vars.creds_rotated = true
  w:note { vi = "Đã đổi mật khẩu tc.admin và các tài khoản quản trị liên quan, thu hồi mọi phiên đăng nhập và VPN.",
           en = "tc.admin and the related admin accounts reset; every session and VPN session revoked." }
end)

on("report", function(w, a)
  local V = w.vars
  if a.target == "vncert" and has(a.facts, "scope") and has(a.facts, "indicators") and has(a.facts, "actions") then
    if not V.order_received then
      return
    elseif V.hunted then
      if not V.late then V.order_answered = true end
      w:note { vi = "VNCERT/CC tiếp nhận báo cáo theo lệnh điều phối: danh sách máy nhiễm, biện pháp, chỉ dấu.",
               en = "VNCERT/CC accepts the order's report: infected machines, measures, indicators." }
    else
      w:note { vi = "VNCERT/CC: báo cáo chưa đạt — lệnh yêu cầu kết quả rà quét toàn bộ hệ thống bằng công cụ "
                 .. "đính kèm; dữ liệu của chúng tôi cho thấy tỉnh có thể còn máy nhiễm khác.",
               en = "VNCERT/CC: not accepted — the order asks for the result of scanning every system "
                 .. "with the attached tool; our data suggests the province has more infected machines." }
    end
  elseif a.target == "police" and has(a.facts, "evidence") then
    if V.mem_ok then
      V.police_ev = true
    else
      w:note { vi = "PA05: cần ảnh bộ nhớ và ổ đĩa có biên bản lưu giữ để điều tra; chưa có bản nào.",
               en = "PA05: an investigation needs memory and disk images with a custody record; there are none." }
    end
  end
end)

-- Talking about the response where the attacker can read it.
on("communicate", function(w, a)
  local V = w.vars
  if not any_open(w) then return end
  if a.target == "staff" then
    if V.oob then return end
    w:penalize("compromised_channel")
    V.leak = true
  else
    V.leak = true
  end
end)

on("request_support", function(w, a)
  local V = w.vars
  if a.target == "vncert" then
    if V.mem_ok then
      V.backup_known = true
      w:note { vi = "VNCERT/CC phân tích ảnh bộ nhớ tỉnh gửi: xác nhận C2 dự phòng " .. C2_BACKUP
                 .. " và mẫu hành vi nhận ra các biến thể mới; đã bổ sung vào lệnh điều phối cho các tỉnh.",
               en = "VNCERT/CC analyses the province's memory image: it confirms the fallback C2 "
                 .. C2_BACKUP .. " and a behaviour pattern that catches new variants; added to the order "
                 .. "for every province." }
    else
      w:note { vi = "VNCERT/CC: cấu hình mã độc chỉ nằm trong bộ nhớ; hãy gửi ảnh bộ nhớ của một máy đang nhiễm.",
               en = "VNCERT/CC: the implant's configuration lives only in memory; send a memory image "
                 .. "of an infected, running machine." }
    end
  end
end)

-- ───────────────────────────── scoring ───────────────────────────
objective { id = "detect", capability = "detection", points = 10, by_turn = 3,
  label = { vi = "Xác nhận cảnh báo nạp DLL hoặc kết nối C2 trước 09:30",
            en = "Confirm the side-loading or beacon alert by 09:30" },
  explain = { vi = "Một tệp có chữ ký nạp DLL không chữ ký từ thư mục người dùng, cộng với kết nối đều đặn 5 phút "
                .. "tới tên miền mới, là dấu hiệu kinh điển của mã độc APT — dù mức cảnh báo chỉ là 'trung bình'.",
              en = "A signed program loading an unsigned DLL from a user folder, plus a 5-minute beacon to a "
                .. "new domain, is the classic APT pattern — even when the alert says 'medium'." },
  met = function(w) return w:flagged("s_sideload") or w:flagged("s_beacon") end }

objective { id = "acknowledge", capability = "coordination", points = 10, within_minutes = ACK_WITHIN,
  label = { vi = "Xác nhận đã nhận lệnh điều phối trong 1 giờ (trước 10:00)",
            en = "Acknowledge the coordination order within an hour (by 10:00)" },
  explain = { vi = "Lệnh điều phối yêu cầu xác nhận và đầu mối 24/7 ngay; im lặng khiến VNCERT/CC không biết "
                .. "tỉnh đã vào cuộc hay chưa (QĐ 05/2017/QĐ-TTg, TT 20/2017/TT-BTTTT).",
              en = "The order asks for an acknowledgement and a 24/7 focal point at once; silence leaves "
                .. "VNCERT/CC unsure whether the province is acting (Decision 05/2017, Circular 20/2017)." },
  met = function(w) return w.vars.acked end }

objective { id = "scope", capability = "analysis", points = 15,
  label = { vi = "Xác định đủ các máy bị nhiễm (cả máy không có cảnh báo)",
            en = "Find every infected machine (including the one with no alert)" },
  explain = { vi = "TC-KT-07 không hề cảnh báo vì tác tử dùng mẫu cũ. Chỉ rà quét diện rộng bằng công cụ của "
                .. "lệnh điều phối (hoặc điều tra dải mạng Sở Tài chính) mới tìm ra; không có phạm vi thì "
                .. "ngăn chặn chỉ là một nửa.",
              en = "TC-KT-07 never alerted: its agent had old signatures. Only the order's hunt (or a look "
                .. "at the Finance network) found it; without the scope, containment is half done." },
  met = function(w)
    local V = w.vars
    if not V.found.ws_tc then return false end
    for _, h in ipairs(FOOT) do
      if w.asset[h].compromised and not V.found[h] then return false end
    end
    return true
  end }

objective { id = "memory", capability = "evidence", points = 10,
  label = { vi = "Thu ảnh bộ nhớ của máy nhiễm khi máy còn chạy, có biên bản",
            en = "Capture memory of an infected machine while it runs, with a custody record" },
  explain = { vi = "Cấu hình trên đĩa đã mã hoá: C2 dự phòng và mẫu hành vi chỉ có trong bộ nhớ. Cài lại hay "
                .. "tắt máy trước khi thu bộ nhớ là mất chúng.",
              en = "The config on disk was encrypted: the fallback C2 and the behaviour pattern lived only "
                .. "in memory. Reimaging or powering off first loses them." },
  met = function(w) return w.vars.mem_ok end }

objective { id = "contain", capability = "containment", points = 15, by_turn = CONTAIN_BY,
  label = { vi = "Cắt mọi kênh liên lạc của kẻ tấn công trước 13:00",
            en = "Cut every attacker channel by 13:00" },
  explain = { vi = "Ngăn chặn APT phải đồng loạt: cô lập mọi máy đã biết và chặn cả C2 chính lẫn dự phòng trong "
                .. "cùng một lượt. Cắt từng máy một hay chỉ chặn C2 chính là báo cho kẻ tấn công biết.",
              en = "APT containment must be simultaneous: isolate every known machine and block both the "
                .. "primary and fallback C2 in the same turn. Cutting one machine at a time, or the primary "
                .. "C2 alone, tells the attacker." },
  met = function(w) return not any_open(w) end }

objective { id = "answer_order", capability = "reporting", points = 15, within_minutes = ORDER_DEADLINE,
  label = { vi = "Trả lời lệnh điều phối trước 16:00: phạm vi, chỉ dấu, biện pháp (sau khi rà quét)",
            en = "Answer the order by 16:00: scope, indicators, measures (after the hunt)" },
  explain = { vi = "Báo cáo theo lệnh điều phối phải dựa trên kết quả rà quét toàn bộ; VNCERT/CC dùng nó để cảnh "
                .. "báo các tỉnh khác. Báo cáo muộn hay thiếu là vi phạm lệnh.",
              en = "The order's report must rest on a full scan; VNCERT/CC uses it to warn other provinces. "
                .. "A late or incomplete report breaks the order." },
  met = function(w) return w.vars.order_answered end }

objective { id = "report_police", capability = "reporting", points = 10, within_minutes = ORDER_DEADLINE,
  label = { vi = "Chuyển Công an tỉnh (PA05) vụ việc kèm chứng cứ trong ngày",
            en = "Hand the case to the police cyber unit (PA05), with evidence, the same day" },
  explain = { vi = "Gián điệp mạng nhắm vào văn bản nhà nước là dấu hiệu tội phạm; Công an cần ảnh bộ nhớ và ổ "
                .. "đĩa có biên bản lưu giữ.",
              en = "Cyber-espionage against state documents is a sign of a crime; the police need memory and "
                .. "disk images with a custody record." },
  met = function(w)
    return w.vars.police_ev and w:reported { to = "police", facts = { "asset", "impact", "evidence" } }
  end }

objective { id = "report_steering", capability = "reporting", points = 5, within_minutes = 240,
  label = { vi = "Báo cáo Ban Chỉ đạo tỉnh (hệ thống, phạm vi, ảnh hưởng) trước 12:00",
            en = "Report to the provincial steering committee (asset, scope, impact) by 12:00" },
  explain = { vi = "Một chiến dịch APT trên nhiều sở là sự cố nghiêm trọng: Ban Chỉ đạo phải biết để quyết "
                .. "định ngừng tạm thời hệ thống dùng chung nếu cần.",
              en = "An APT campaign across departments is a serious incident: the steering committee must "
                .. "know, to decide on pausing shared systems if needed." },
  met = function(w) return w:reported { to = "steering", facts = { "asset", "scope", "impact" } } end }

objective { id = "eradicate", capability = "eradication", points = 10,
  label = { vi = "Cài lại mọi máy nhiễm và đổi mật khẩu tc.admin khi mã độc đã bị cắt",
            en = "Reimage every infected machine and reset tc.admin once the implants are cut" },
  explain = { vi = "Mật khẩu tc.admin đã bị ghi phím. Đổi khi mã độc còn liên lạc là trao mật khẩu mới; không "
                .. "đổi là kẻ tấn công quay lại qua VPN.",
              en = "The tc.admin password was keylogged. Resetting it while an implant still reports hands "
                .. "over the new one; not resetting lets the attacker back in through the VPN." },
  met = function(w) return w.vars.cleared_turn ~= nil and w.vars.creds_rotated end }

-- ───────────────────────────── metrics ───────────────────────────
-- What the review's times mean in this incident (reimaged workstations stay off the
-- network until their users get them back, so the default rule would never see a
-- recovery):
--   contained  no implant has a working channel: every known host isolated, or both
--              C2 addresses blocked;
--   recovered  no implant left anywhere, tc.admin rotated (the stolen account is
--              useless), and the document-management system in service.
metrics {
  contained = function(w) return not any_open(w) end,
  recovered = function(w)
    local D = w.asset.docsys
    return not any_compromised(w) and w.vars.creds_rotated and D.online and not D.isolated
  end,
}

penalty { id = "order_late", capability = "reporting", points = 15,
  label = { vi = "Không trả lời lệnh điều phối đúng hạn", en = "Missed the coordination order's deadline" },
  explain = { vi = "Lệnh điều phối của cơ quan điều phối quốc gia có tính bắt buộc; quá hạn 16:00 mà không có báo "
                .. "cáo đầy đủ thì tỉnh phải giải trình, và các tỉnh khác mất thông tin cảnh báo.",
              en = "A coordination order from the national coordinator is binding; no complete report by "
                .. "16:00 means the province must explain itself, and other provinces lose the warning." } }
penalty { id = "tipped_off", capability = "containment", points = 10,
  label = { vi = "Để kẻ tấn công phát hiện việc ứng cứu", en = "Tipped the attacker off" },
  explain = { vi = "Cắt từng máy, chỉ chặn C2 chính, bàn việc qua thư công vụ hay thông tin công khai khi kẻ tấn "
                .. "công còn kênh liên lạc: họ xoá dấu vết, đổi mã độc và tăng tốc lấy dữ liệu.",
              en = "Cutting one machine at a time, blocking only the primary C2, discussing the response "
                .. "over official mail or going public while the attacker still had a channel: it wiped "
                .. "traces, changed the implant and hurried to take the data." } }
penalty { id = "reimage_before_memory", capability = "evidence", points = 10,
  label = { vi = "Cài lại máy nhiễm trước khi thu bộ nhớ", en = "Reimaged an infected machine before capturing memory" },
  explain = { vi = "Cài lại xoá sạch chứng cứ và cấu hình mã độc; thu ảnh bộ nhớ và ổ đĩa trước, có biên bản.",
              en = "A reimage wipes the evidence and the implant's configuration; capture memory and disk "
                .. "first, with a custody record." } }
penalty { id = "shutdown_instead_of_isolate", capability = "containment", points = 10,
  label = { vi = "Tắt máy nhiễm thay vì cô lập", en = "Powered an infected machine off instead of isolating it" },
  explain = { vi = "Cô lập qua tác tử hoặc tại switch giữ máy chạy để thu bộ nhớ; tắt máy làm mất C2 dự phòng.",
              en = "Isolating through the agent or at the switch keeps the machine running for a memory "
                .. "capture; powering off loses the fallback C2." } }
penalty { id = "compromised_channel", capability = "coordination", points = 5,
  label = { vi = "Cảnh báo cán bộ qua thư công vụ mà kẻ tấn công đang đọc",
            en = "Warned staff over the official mail the attacker reads" },
  explain = { vi = "Mã độc trên VP-PC-023 đọc được hộp thư công vụ. Phối hợp qua kênh ngoài băng (điện thoại, "
                .. "nhóm nhắn tin trên thiết bị sạch) cho tới khi ngăn chặn xong.",
              en = "The implant on VP-PC-023 could read the official mailbox. Coordinate out of band "
                .. "(phones, a chat group on clean devices) until containment is done." } }
penalty { id = "credentials_not_rotated", capability = "eradication", points = 10,
  label = { vi = "Không đổi mật khẩu tài khoản đã bị đánh cắp", en = "Did not rotate the stolen credentials" },
  explain = { vi = "Cài lại máy không thu hồi mật khẩu đã lộ: tc.admin vẫn đăng nhập được qua VPN.",
              en = "Reimaging does not revoke a stolen password: tc.admin still worked on the VPN." } }

hint { from_turn = 2, cost = 3,
  text = { vi = "Cảnh báo PsExec trùng lịch cập nhật phần mềm sáng thứ Ba (xem máy chủ triển khai). Với mã độc "
             .. "nạp DLL: thu ảnh bộ nhớ trước mọi thay đổi — cấu hình trên đĩa đã mã hoá.",
           en = "The PsExec alert matches the Tuesday-morning software push (see the deployment server). "
             .. "For the side-loaded DLL: capture memory before changing anything — the config on disk is "
             .. "encrypted." } }
hint { from_turn = 4, cost = 5,
  text = { vi = "Đừng cô lập từng máy hay chặn riêng C2 chính: kẻ tấn công sẽ biết. Rà quét toàn tỉnh bằng công "
             .. "cụ của lệnh điều phối, phân tích bộ nhớ để biết C2 dự phòng, rồi cắt tất cả trong cùng một lượt. "
             .. "Phối hợp qua kênh ngoài băng.",
           en = "Do not isolate machines one by one or block only the primary C2: the attacker will know. "
             .. "Hunt with the order's tool, analyse memory for the fallback C2, then cut everything in the "
             .. "same turn. Coordinate out of band." } }
hint { from_turn = 8, cost = 5,
  text = { vi = "Trả lời lệnh điều phối (phạm vi, chỉ dấu, biện pháp) trước 16:00. Sau khi cắt mọi kênh: cài lại "
             .. "các máy nhiễm, rồi đổi mật khẩu tc.admin trên AD.",
           en = "Answer the order (scope, indicators, actions) by 16:00. Once every channel is cut: reimage "
             .. "the infected machines, then reset tc.admin on the directory." } }

-- ───────────────────────────── endings (order matters) ───────────
ending { id = "reentered",
  text = { vi = "Kẻ tấn công quay lại qua VPN bằng tài khoản tc.admin chưa đổi mật khẩu. Cài lại máy chưa phải "
             .. "là xong: mọi thông tin đăng nhập đã lộ phải bị thu hồi.",
           en = "The attacker came back through the VPN with the never-reset tc.admin account. Reimaging is "
             .. "not the end: every exposed credential must be revoked." },
  when = function(w) return w.vars.reentered end }

ending { id = "exfiltrated",
  text = { vi = "Trong hai giờ, hàng trăm văn bản mật của Hệ thống QLVB đã bị chuyển ra ngoài. Ban Chỉ đạo và "
             .. "Công an tiếp quản; tỉnh phải báo cáo giải trình với cơ quan cấp trên.",
           en = "Over two hours, hundreds of confidential documents left the document system. The steering "
             .. "committee and the police take over; the province must account to higher authorities." },
  when = function(w) return w.vars.exfil >= EXFIL_LIMIT end }

ending { id = "evicted", success = true,
  text = { vi = "Mọi máy nhiễm đã được cài lại, tài khoản bị lộ đã đổi; kẻ tấn công thử quay lại và thất bại. "
             .. "Hoàn tất báo cáo cuối cùng cho VNCERT/CC trong 5 ngày và cập nhật mẫu nhận diện cho mọi tác tử.",
           en = "Every infected machine has been rebuilt and the exposed account reset; the attacker tried to "
             .. "return and failed. Send VNCERT/CC the final report within 5 days and update every agent's "
             .. "signatures." },
  when = function(w) return w.vars.gave_up end }

-- ───────────────────────────── self-tests ────────────────────────
-- One turn = 30 minutes; 2 action points per role; an action queued in turn t
-- with turns = k completes at the end of turn t+k-1.

test { name = "textbook response", seed = 1, inputs = [[
# turn 1 (08:00): the side-loading alert is real, PsExec is the weekly push
soc triage s_sideload true
soc investigate ws_vp
sys collect_evidence ws_vp
lead triage s_psexec false
end
# turn 2 (08:30): analyse memory quietly; out-of-band channel
soc triage s_beacon true
soc analyse_memory ws_vp
lead oob_channel
end
# turn 3 (09:00): the order arrives: acknowledge, hunt (3 turns)
lead ack_order
soc hunt
end
# turn 4 (09:30)
soc triage s_ldap true
lead report steering --facts asset,scope,impact
end
# turn 5 (10:00): the hunt completes at the end of this turn
soc triage s_geo false
end
# turn 6 (10:30): cut everything in one turn; memory of the second host too
soc triage s_toolfp false
net block cdn-office-update.example
net block 198.51.100.45
sys isolate ws_vp
sys isolate ws_tc
lead report vncert --facts scope,indicators,actions,evidence
end
# turn 7 (11:00): memory of TC-KT-07 (isolated, still running), police
soc collect_evidence ws_tc
sys eradicate ws_vp
lead report police --facts asset,impact,evidence
end
# turn 8
sys eradicate ws_tc
end
# turn 9: the last implant is gone at the end of turn 9
end
# turn 10: rotate tc.admin with no implant left to watch
sys reset_credentials dc
end
# turn 11
end
# turn 12: the attacker tries tc.admin on the VPN at the start of this turn
end
]], expect = { outcome = "evicted", score = 100,
               metrics = { detected_by = 30, contained_by = 180, recovered_by = 300 },
               objectives = { detect = true, acknowledge = true, scope = true, memory = true,
                              contain = true, answer_order = true, report_police = true,
                              report_steering = true, eradicate = true } } }

test { name = "blocked the C2 at once", seed = 2, inputs = [[
soc triage s_sideload true
end
# turn 2: the natural reflex — block the domain — tips the attacker off
soc triage s_beacon true
net block cdn-office-update.example
end
# turn 3: the implants fall back; logs cleared; the attacker goes for the documents
lead ack_order
sys isolate ws_vp
end
end
end
end
end
]], expect = { outcome = "exfiltrated", max_score = 25,
               objectives = { detect = true, acknowledge = true, contain = false, memory = false },
               penalties = { "tipped_off" } } }

test { name = "tipped off, then recovered through memory", seed = 3, inputs = [[
soc triage s_sideload true
sys collect_evidence ws_vp
end
# turn 2: block the domain too early (tipped at the start of turn 3)
net block cdn-office-update.example
soc analyse_memory ws_vp
end
# turn 3: the memory analysis finishes at the end of this turn
lead ack_order
lead oob_channel
soc triage s_logclear true
end
# turn 4: block the fallback: every channel is cut, the document system included
net block 198.51.100.45
soc hunt
end
end
# turn 6: the hunt (done end of turn 6) recognises the variants
end
# turn 7
lead report vncert --facts scope,indicators,actions
sys eradicate ws_vp
end
end
# turn 9
sys eradicate ws_tc
end
end
# turn 11
sys eradicate docsys
end
end
# turn 13: all clean at the end of turn 12; reset now
sys reset_credentials dc
end
end
end
]], expect = { outcome = "evicted", score = 65,
               objectives = { memory = true, scope = true, contain = true, answer_order = true,
                              eradicate = true, detect = true, report_steering = false },
               penalties = { "tipped_off", "reimage_before_memory" } } }

test { name = "reimaged, never reset the account", seed = 4, inputs = [[
soc triage s_sideload true
soc investigate ws_vp
sys collect_evidence ws_vp
end
soc analyse_memory ws_vp
end
lead ack_order
soc hunt
end
end
end
# turn 6: cut everything at once
net block cdn-office-update.example
net block 198.51.100.45
sys isolate ws_vp
sys isolate ws_tc
end
# turn 7: reimage TC-KT-07 without a memory image
sys eradicate ws_tc
lead report vncert --facts scope,indicators,actions
end
sys eradicate ws_vp
end
end
end
end
end
]], expect = { outcome = "reentered",
               objectives = { contain = true, scope = true, answer_order = true, eradicate = false },
               penalties = { "reimage_before_memory", "credentials_not_rotated" } } }

test { name = "contained, then stalled past the deadline", seed = 5, inputs = [[
soc triage s_sideload true
sys collect_evidence ws_vp
end
soc analyse_memory ws_vp
end
end
# turn 4: the fallback is known: block both at once — every implant is cut
net block 203.0.113.66
net block 198.51.100.45
end
]] .. string.rep("end\n", 16),
  expect = { outcome = "timeout", score = 20,
             objectives = { detect = true, memory = true, contain = true, scope = false,
                            answer_order = false },
             penalties = { "order_late" } } }

test { name = "idle team", seed = 6, inputs = string.rep("end\n", 20),
  expect = { outcome = "exfiltrated", score = 0,
             metrics = { detected_by = false, contained_by = false, recovered_by = false },
             objectives = { detect = false, contain = false, acknowledge = false } } }

test { name = "sloppy: shutdown, e-mail warning", seed = 7, inputs = [[
soc triage s_sideload true
sys shutdown ws_vp
lead communicate staff --facts impact
end
# turn 2: the attacker is tipped off at the start of turn 2
lead ack_order
end
end
end
end
end
end
end
]], expect = { outcome = "exfiltrated",
               objectives = { detect = true, memory = false },
               penalties = { "shutdown_instead_of_isolate", "compromised_channel", "tipped_off" } } }
