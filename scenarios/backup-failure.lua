-- backup-failure.lua — backup and recovery failure after ransomware
-- (scenario API v1).
--
-- Sự cố sao lưu và khôi phục: kho sao lưu bị xoá trước khi mã hoá; đội phải tìm
-- bản sao sạch cuối cùng, thử khôi phục trong môi trường cách ly và khôi phục theo
-- giai đoạn. Backup and recovery failure: the backup repositories were deleted
-- before the encryption; find the last clean copy, test restores in isolation,
-- restore in phases.
--
-- ─────────────────────────────────────────────────────────────────────────────
-- FOR TRAINERS: THE PLOT (ground truth — players never see this part)
-- ─────────────────────────────────────────────────────────────────────────────
-- Based on outline 9 of the domain notes ("as 1, but the domain-joined backup
-- server's repositories are deleted first; backup job failures 48 hours earlier
-- are the early signal") and on the 2024 public cases where recovery took days
-- to weeks because backups had to be found, checked and restored in phases.
--
-- One turn = 30 minutes; turn 1 starts at 07:00 on Monday. The land registration
-- office and the one-stop counters open at 07:30.
--
-- What already happened (the team learns it by investigating):
--   Wednesday 21:12  The attacker, in through the VPN with a stolen account,
--                    creates the Domain Admin svc_sqlbackup (T1078.002, T1136.002)
--                    and plants a scheduled task 'MicrosoftEdgeUpdateCore2' on
--                    the land application server and the document server, calling
--                    203.0.113.120 (T1053.005, T1071.001). It stays quiet.
--   Friday 22:00     The weekly full backup goes to tape: the tapes hold the
--                    systems AS THEY WERE — with the implant.
--   Saturday 03:00   With svc_sqlbackup the attacker disables every backup job on
--                    the domain-joined backup server BK-01 (T1490). The "job
--                    failed" mails go to a shared mailbox nobody reads: the early
--                    signal, 48 hours before the encryption (the backup
--                    administrator opens that mailbox at 07:30, turn 2).
--   Monday 02:40     The attacker deletes every restore point on BK-01 and the
--                    snapshots of the domain-joined NAS copy (T1490).
--   Monday 03:00     About 40 VMs are encrypted (T1486), the NAS share too. At
--                    05:10 the night duty isolated the data-centre core from the
--                    Internet and the VPN: the attacker is cut off — for now.
--
-- The copies (each an asset the team can investigate or test-restore):
--   bk_srv  BK-01's repository: deleted. Investigation shows when and by whom.
--   nas     NAS-02 secondary copy: encrypted, unusable.
--   tape    offline tapes in the safe: Friday 22:00 full images — usable, but
--           carrying the implant; only a test restore in the isolated lab (or an
--           investigation of a restored server) finds it.
--   cloud   the land database's own dumps every 4 hours to immutable object
--           storage, independent of BK-01: last good dump Monday 02:00. The only
--           clue is a routine daily report mail at 07:30 (s_dumps).
-- test_restore tests every copy known so far (tape, cloud) in the lab.
-- The recovery plan (recovery_plan) decides the recovery point: with tape and
-- cloud known, land system images from tape plus data from the 02:00 dump (about
-- an hour lost); with tape alone, the land data of the weekend is lost (ending
-- recovered_data_loss). A restore with no plan takes the one copy the team
-- knows, the Friday tape. A production restore puts the system back in service.
--
-- The attacker comes back when a system is back in service while the old
-- directory is still in place (svc_sqlbackup works on the VPN again) or while the
-- server carries the implant: it is seen (a VPN login, or beacons), and on the
-- third such turn everything in service is encrypted again (ending
-- "reinfected"). Isolating the server (or rebuilding the domain) in between
-- stops the clock.
--
-- Endings (checked in this order at the end of every turn):
--   reinfected           the restored systems were encrypted again;
--   down_all_day         at 17:00 (end of turn 20) the land system is still not
--                        back, clean;
--   recovered_data_loss  both systems back, clean, but the land data since Friday
--                        22:00 was lost (the immutable dumps were never found);
--   recovered            both systems back, clean, on a rebuilt directory, with
--                        land data up to 02:00 Monday (success);
--   timeout              (automatic) after turn 24 (19:00).
--
-- Scoring (100): early signal 10, assess every copy 10, recovery plan agreed
-- with the owner 10, test restore before restoring 15, rebuild the directory 10,
-- restore in phases 10, land system back by 15:00 10, evidence 5, VNCERT/CC 5,
-- police with evidence 5, honest statement 5, backup hardened 5. Penalties:
-- infected image put back in service 15, restore without a test 10, restored
-- onto the compromised directory 10, evidence destroyed 10 (twice at most),
-- understated statement 5, contacted the attacker 15. Hints cost 3, 5, 5.
--
-- Self-tests (bottom): textbook (recovered, 100), untested restore
-- (reinfected), the old directory (reinfected), beacon caught in time
-- (recovered with penalties), no immutable copy found (recovered_data_loss),
-- idle (down_all_day), land only (timeout).
--
-- Tuning knobs below. Keep documentation addresses and example domains.
-- ─────────────────────────────────────────────────────────────────────────────

scenario {
  id = "backup-failure", version = 2, api = 1,
  title = {
    vi = "Sao lưu bị xoá trước khi mã hoá: tìm bản sao sạch và khôi phục theo giai đoạn",
    en = "Backups deleted before the encryption: find a clean copy, restore in phases",
  },
  summary = {
    vi = "07:00 thứ Hai. Rạng sáng, mã độc tống tiền đã mã hoá khoảng 40 máy ảo của Trung tâm dữ liệu "
      .. "tỉnh, trong đó có Hệ thống thông tin đất đai và hệ thống quản lý văn bản (cấp độ 3); ca trực "
      .. "đêm đã cô lập trung tâm dữ liệu khỏi Internet. Khi mở giao diện sao lưu, không còn điểm khôi "
      .. "phục nào. Đội ứng cứu phải tìm bản sao sạch cuối cùng, chốt điểm và thời gian khôi phục, thử "
      .. "khôi phục trong môi trường cách ly, dựng lại hệ thống miền và đưa từng hệ thống trở lại theo "
      .. "thứ tự ưu tiên.",
    en = "07:00 on Monday. Before dawn, ransomware encrypted about 40 VMs of the provincial data "
      .. "centre, including the land information system and the document-management system (level "
      .. "3); the night duty cut the data centre off the Internet. The backup console shows no restore "
      .. "point at all. The team must find the last clean copy, agree the recovery point and time, "
      .. "test restores in isolation, rebuild the directory and bring the systems back one by one, by "
      .. "priority.",
  },
  difficulty = "intermediate",
  turn_minutes = 30, max_turns = 24, action_points = 2, start_time = "07:00",
  attack = { "T1133", "T1078.002", "T1136.002", "T1053.005", "T1071.001", "T1490", "T1486" },
  deadlines = { owner = 120, vncert = 480, police = 480 },
}

-- Tuning knobs (turn t starts at 07:00 + (t-1) x 30 min).
local MAILBOX_TURN = 2    -- 07:30 the backup administrator opens the shared mailbox
local CITIZEN_TURN = 3    -- 08:00 the land office and the banks call
local PRESS_TURN   = 8    -- 10:30 the press, if the land system is still down
local RTO_TURN     = 16   -- 15:00 the land system should be back (end of turn 16)
local DAY_END      = 20   -- 17:00 end of the working day (end of turn 20)
local RETURN_DELAY = 3    -- exposed turns before the attacker encrypts again (1 hour after it is seen)
local ASSESS_BY    = 8    -- 11:00 every copy assessed
local EARLY_BY     = 4    -- 09:00 the early signal understood

-- Indicators (documentation addresses and example domains only).
local C2_IP, VPN_IP = "203.0.113.120", "198.51.100.61"
local TASK = "MicrosoftEdgeUpdateCore2"

-- The systems to bring back, in priority order, and the backup copies.
local SYSTEMS = { "datdai", "qlvb" }
local COPIES = { "bk_srv", "nas", "tape", "cloud" }

local NAME = {
  datdai = { vi = "Hệ thống thông tin đất đai", en = "the land information system" },
  qlvb = { vi = "hệ thống quản lý văn bản", en = "the document system" },
  dc = { vi = "máy chủ miền DC-01", en = "domain controller DC-01" },
  bk_srv = { vi = "máy chủ sao lưu BK-01", en = "backup server BK-01" },
}

-- ───────────────────────────── roles ─────────────────────────────
role { id = "lead",  name = { vi = "Trưởng nhóm ứng cứu", en = "Incident lead" },
       desc = { vi = "Chốt phương án khôi phục với cơ quan chủ quản, báo cáo cơ quan chức năng.",
                en = "Agrees the recovery plan with the owner, reports to the authorities." } }
role { id = "soc",   name = { vi = "Chuyên viên giám sát (SOC)", en = "SOC analyst" },
       desc = { vi = "Phân loại cảnh báo, điều tra, thu thập chứng cứ.",
                en = "Triage, investigation, evidence." } }
role { id = "sys",   name = { vi = "Quản trị hệ thống và sao lưu", en = "System and backup administrator" },
       desc = { vi = "Sao lưu, khôi phục thử và khôi phục thật, hệ thống miền, máy chủ.",
                en = "Backups, test and production restores, the directory, servers." } }
role { id = "net",   name = { vi = "Quản trị mạng", en = "Network administrator" },
       desc = { vi = "Cô lập và kết nối lại từng hệ thống.", en = "Isolates and reconnects each system." } }
role { id = "comms", name = { vi = "Phụ trách truyền thông", en = "Communications officer" },
       desc = { vi = "Thông tin cho người dân, ngân hàng, báo chí.", en = "Citizens, banks, the press." } }

-- ───────────────────────────── assets ────────────────────────────
asset { id = "datdai", kind = "application", level = 3, zone = "datacenter",
        name = { vi = "Hệ thống thông tin đất đai (CSDL đất đai, đăng ký biến động)",
                 en = "Land information system (land database, change registration)" },
        desc = { vi = "Cơ sở dữ liệu đất đai của tỉnh và phần mềm đăng ký biến động, đăng ký thế chấp; ưu tiên "
                   .. "khôi phục số 1. Máy chủ ứng dụng LAND-APP-01.",
                 en = "The province's land database and the software for change and mortgage registration; "
                   .. "restore priority 1. Application server LAND-APP-01." },
        encrypted = true, online = false }
asset { id = "qlvb", kind = "application", level = 3, zone = "datacenter",
        name = { vi = "Hệ thống quản lý văn bản và điều hành", en = "Document-management system" },
        desc = { vi = "Văn bản đi, đến của các sở, ngành; ưu tiên khôi phục số 2. Máy chủ QLVB-APP-01.",
                 en = "Incoming and outgoing documents of the departments; restore priority 2. Server QLVB-APP-01." },
        encrypted = true, online = false }
asset { id = "dc", kind = "directory", level = 3, zone = "internal",
        name = { vi = "Hệ thống quản lý miền (Active Directory)", en = "Directory (Active Directory)" },
        desc = { vi = "Xác thực cho máy chủ, VPN và máy chủ sao lưu BK-01.", en = "Authentication for servers, the VPN and backup server BK-01." },
        compromised = true }
asset { id = "bk_srv", kind = "backup", level = 3, zone = "datacenter",
        name = { vi = "Máy chủ sao lưu BK-01 (tham gia miền) và kho REPO-01", en = "Backup server BK-01 (domain-joined) and repository REPO-01" },
        desc = { vi = "Phần mềm sao lưu chạy hằng đêm lúc 03:00 cho mọi máy ảo; quản trị bằng tài khoản miền.",
                 en = "Backup software running nightly at 03:00 for every VM; administered with domain accounts." },
        compromised = true, backup = false }
asset { id = "nas", kind = "backup", level = 2, zone = "datacenter",
        name = { vi = "NAS-02: bản sao thứ hai (thư mục chia sẻ trong miền)", en = "NAS-02: the secondary copy (a domain share)" },
        desc = { vi = "Nhận bản sao của REPO-01; có ảnh chụp (snapshot) 7 ngày.",
                 en = "Receives copies of REPO-01; keeps 7 days of snapshots." },
        encrypted = true, backup = false }
asset { id = "tape", kind = "backup", level = 3, zone = "offline",
        name = { vi = "Băng từ ngoại tuyến trong két", en = "Offline tapes in the safe" },
        desc = { vi = "Bản sao lưu toàn bộ hằng tuần (tối thứ Sáu) và hằng tháng, cất trong két, không kết nối mạng.",
                 en = "Weekly (Friday night) and monthly full backups, kept in the safe, never on the network." } }
asset { id = "cloud", kind = "backup", level = 3, zone = "offsite",
        name = { vi = "Kho lưu trữ bất biến ngoài trung tâm (bản kết xuất CSDL đất đai)",
                 en = "Off-site immutable store (land database dumps)" },
        desc = { vi = "Máy chủ CSDL đất đai tự kết xuất dữ liệu 4 giờ một lần lên kho lưu trữ có khoá chống xoá; "
                   .. "không phụ thuộc BK-01.",
                 en = "The land database server dumps its data every 4 hours to object storage locked against "
                   .. "deletion; independent of BK-01." } }
link("dc", "bk_srv")
link("bk_srv", "nas")
link("bk_srv", "tape")
link("bk_srv", "datdai")
link("bk_srv", "qlvb")
link("dc", "datdai")
link("dc", "qlvb")
link("datdai", "cloud")

-- ───────────────────────────── signals ───────────────────────────
-- The attack and its consequences (truth = true).
signal { id = "s_down", source = "night-duty", severity = "critical", asset = "datdai", truth = true,
         technique = "T1486",
         text = { vi = "Báo cáo ca trực đêm: từ 03:00 khoảng 40 máy ảo ngừng hoạt động, tệp bị đổi đuôi .lkd9; "
                    .. "Hệ thống thông tin đất đai và quản lý văn bản không truy cập được. 05:10 đã cô lập vùng "
                    .. "trung tâm dữ liệu khỏi Internet và VPN.",
                  en = "Night-duty report: since 03:00 about 40 VMs are down, files renamed to .lkd9; the land "
                    .. "system and the document system are unreachable. At 05:10 the data-centre zone was cut "
                    .. "off the Internet and the VPN." } }
signal { id = "s_jobfail", source = "backup", severity = "medium", asset = "bk_srv", truth = true,
         technique = "T1490",
         text = { vi = "Quản trị sao lưu mở hộp thư chung 'saoluu@': 28 thư tự động 'Job failed — 14 jobs' lúc 03:00 "
                    .. "thứ Bảy và 03:00 Chủ nhật, chưa ai đọc.",
                  en = "The backup administrator opens the shared mailbox 'saoluu@': 28 automatic mails 'Job failed "
                    .. "— 14 jobs' at 03:00 Saturday and 03:00 Sunday, all unread." } }
signal { id = "s_ransom", source = "console", severity = "high", asset = "qlvb", truth = true,
         technique = "T1486",
         text = { vi = "Thư đòi tiền chuộc README-RESTORE.txt trên mọi máy ảo: 'Chúng tôi đã xoá bản sao lưu của "
                    .. "các bạn. Không có chúng tôi, các bạn không thể khôi phục. Liên hệ support@lockdown-help.example.'",
                  en = "Ransom note README-RESTORE.txt on every VM: 'We deleted your backups. Without us you cannot "
                    .. "recover. Contact support@lockdown-help.example.'" } }
signal { id = "s_repo", source = "backup", severity = "high", asset = "bk_srv", truth = true,
         technique = "T1490",
         text = { vi = "Ca trực đêm thử khôi phục lúc 05:30: giao diện BK-01 cho thấy kho REPO-01 có 0 điểm khôi "
                    .. "phục; 'Backup copy to NAS-02' báo lỗi đích không truy cập được.",
                  en = "The night duty tried a restore at 05:30: BK-01 shows repository REPO-01 holding 0 restore "
                    .. "points; 'Backup copy to NAS-02' reports its target unreachable." } }
signal { id = "s_citizens", source = "phone", severity = "medium", asset = "datdai", truth = true,
         text = { vi = "Văn phòng Đăng ký đất đai: 60 người dân và 3 ngân hàng đang chờ đăng ký thế chấp, chuyển "
                    .. "nhượng; hỏi khi nào hệ thống hoạt động lại.",
                  en = "Land registration office: 60 citizens and 3 banks waiting to register mortgages and "
                    .. "transfers; they ask when the system will be back." } }
signal { id = "s_press", source = "press", severity = "high", asset = "datdai", truth = true,
         text = { vi = "Phóng viên hỏi Sở Nông nghiệp và Môi trường: 'Có đúng dữ liệu đất đai của tỉnh bị mất không?'",
                  en = "A reporter asks the Department of Agriculture and Environment: 'Is it true the province's "
                    .. "land data is lost?'" } }
signal { id = "s_vpnlogin", source = "vpn", severity = "high", asset = "dc", truth = true,
         technique = "T1078.002",
         text = { vi = "VPN (vừa mở lại cùng hệ thống đầu tiên): tài khoản miền svc_sqlbackup đăng nhập từ " .. VPN_IP .. ".",
                  en = "VPN (reopened with the first system): the domain account svc_sqlbackup logged in from " .. VPN_IP .. "." } }
signal { id = "s_beacon", source = "ids", severity = "high", truth = true,
         technique = "T1071.001",
         text = { vi = "IDS: máy chủ vừa đưa vào hoạt động gửi HTTPS tới " .. C2_IP .. " mỗi 60 giây, do tác vụ "
                    .. "định kỳ '" .. TASK .. "' khởi chạy.",
                  en = "IDS: the server just put back in service sends HTTPS to " .. C2_IP .. " every 60 seconds, "
                    .. "started by the scheduled task '" .. TASK .. "'." } }
signal { id = "s_reencrypt", source = "monitoring", severity = "critical", truth = true,
         technique = "T1486",
         text = { vi = "Giám sát: các hệ thống vừa khôi phục LẠI bị mã hoá, đuôi .lkd9 xuất hiện trở lại.",
                  en = "Monitoring: the freshly restored systems are encrypted AGAIN; .lkd9 is back." } }

-- False positives (truth = false).
signal { id = "s_vpnfail", source = "vpn", severity = "medium", asset = "dc", truth = false,
         technique = "T1110",
         text = { vi = "VPN: 230 lần đăng nhập thất bại từ địa chỉ nhà riêng của cán bộ từ 06:30.",
                  en = "VPN: 230 failed logins from staff home addresses since 06:30." } }
signal { id = "s_tapeclean", source = "tape-library", severity = "medium", asset = "tape", truth = false,
         text = { vi = "Thư viện băng từ: ổ số 2 báo lỗi 'cleaning required'.",
                  en = "Tape library: drive 2 reports 'cleaning required'." } }
signal { id = "s_avscan", source = "edr", severity = "medium", asset = "qlvb", truth = false,
         technique = "T1005",
         text = { vi = "EDR: tiến trình MsMpEng.exe đọc hàng trăm nghìn tệp trên máy chủ tệp FS-02 trong 20 phút.",
                  en = "EDR: MsMpEng.exe read hundreds of thousands of files on file server FS-02 in 20 minutes." } }

-- A routine report that turns out to matter (not an attack: truth = false).
signal { id = "s_dumps", source = "object-storage", severity = "info", asset = "cloud", truth = false,
         text = { vi = "Thư báo cáo hằng ngày của kho lưu trữ ngoài trung tâm: 'Đã nhận 6 tệp land_db_*.dump trong "
                    .. "24 giờ qua; tệp mới nhất 02:00; dung lượng dùng 41 %.'",
                  en = "The off-site store's daily report mail: 'Received 6 land_db_*.dump files in the last 24 "
                    .. "hours; newest 02:00; 41 % of capacity used.'" } }

-- Everyday noise.
signal { id = "n_spam", source = "mail-gateway", severity = "low", truth = false,
         text = { vi = "Cổng thư: chặn 380 thư rác trong giờ qua.", en = "Mail gateway: 380 spam e-mails blocked in the last hour." } }
signal { id = "n_ssh", source = "firewall", severity = "low", truth = false,
         text = { vi = "Tường lửa: chặn 1.900 lần dò SSH từ Internet (như mọi ngày).",
                  en = "Firewall: 1,900 SSH probes from the Internet blocked (as every day)." } }
signal { id = "n_cert", source = "monitoring", severity = "info", truth = false,
         text = { vi = "Chứng chỉ TLS của dichvucong.tinh.example hết hạn sau 18 ngày.",
                  en = "The TLS certificate of dichvucong.tinh.example expires in 18 days." } }
signal { id = "n_av", source = "endpoint", severity = "low", truth = false,
         text = { vi = "Phòng chống mã độc: cách ly một tệp quảng cáo trên máy trạm của Sở Tư pháp; quét lại sạch.",
                  en = "Anti-malware: adware quarantined on a Department of Justice workstation; the rescan is clean." } }

-- ───────────────────────────── helpers ───────────────────────────
local function has(list, x)
  for _, v in ipairs(list or {}) do
    if v == x then return true end
  end
  return false
end

-- A system is in service: restored, not encrypted, running and connected
-- (a production restore puts it back in service).
local function in_service(w, id)
  local A = w.asset[id]
  return A.vars.restored and not A.encrypted and A.online and not A.isolated
end

-- Back in service and safe: no implant, on the rebuilt directory.
local function safe(w, id)
  return in_service(w, id) and not w.asset[id].compromised and w.vars.ad_clean
end

local function all_known(w)
  local K = w.vars.known
  return K.bk_srv and K.nas and K.tape and K.cloud
end

-- Record which system went back into service first (restore in phases).
local function note_live(w)
  local V = w.vars
  for _, id in ipairs(SYSTEMS) do
    if in_service(w, id) and not V.live[id] then
      V.live[id] = true
      if not V.first_live then V.first_live = id end
    end
  end
end

-- ───────────────────────────── the attacker's script ─────────────
at(1, function(w)
  local V = w.vars
  V.known = { bk_srv = false, nas = false, tape = false, cloud = false }
  V.tested = { bk_srv = false, nas = false, tape = false, cloud = false }
  V.plan, V.implant_known, V.ad_clean, V.data_loss = false, false, false, false
  V.ev = { dc = false, bk_srv = false }
  V.ev_bad, V.untested, V.honest, V.police_evidence, V.hardened = false, false, false, false, false
  V.live, V.first_live, V.back_in, V.reinfected = { datdai = false, qlvb = false }, false, 0, false
  V.seen_vpn, V.seen_beacon = false, false
  V.noise_left = { "n_spam", "n_ssh", "n_cert", "n_av" }
  w:reveal("datdai", "encrypted")
  w:reveal("qlvb", "encrypted")
  w:log { vi = "Kẻ tấn công ở trong hệ thống từ tối thứ Tư (svc_sqlbackup, tác vụ " .. TASK .. " trên LAND-APP-01 "
            .. "và QLVB-APP-01), tắt các tác vụ sao lưu lúc 03:00 thứ Bảy, xoá REPO-01 và snapshot NAS lúc 02:40, "
            .. "mã hoá lúc 03:00. Ca trực đêm đã cắt Internet và VPN lúc 05:10.",
          en = "The attacker has been in since Wednesday night (svc_sqlbackup, the task " .. TASK .. " on LAND-APP-01 "
            .. "and QLVB-APP-01), disabled the backup jobs at 03:00 Saturday, deleted REPO-01 and the NAS "
            .. "snapshots at 02:40, encrypted at 03:00. The night duty cut the Internet and VPN at 05:10." }
  w:signal("s_down")
  w:signal("s_repo")
  w:signal("s_ransom")
  w:signal("s_vpnfail")
end)

at(MAILBOX_TURN, function(w) w:signal("s_jobfail"); w:signal("s_dumps") end)
at(CITIZEN_TURN, function(w) w:signal("s_citizens"); w:signal("s_tapeclean") end)
at(5, function(w) w:signal("s_avscan") end)             -- the weekly antivirus scan
at(PRESS_TURN, function(w)
  if not safe(w, "datdai") then w:signal("s_press") end
end)

-- Every turn, at its start: does the attacker get back in?
every(1, function(w)
  local V = w.vars
  if V.reinfected then return end
  local live, via_ad, via_implant = {}, false, false
  for _, id in ipairs(SYSTEMS) do
    if in_service(w, id) then
      live[#live + 1] = id
      if w.asset[id].compromised and not via_implant then via_implant = id end
    end
  end
  if #live > 0 and not V.ad_clean then via_ad = true end
  if not (via_ad or via_implant) then return end

  if via_implant and not V.seen_beacon then
    V.seen_beacon = true
    w:penalize("restore_infected")
    w:log { vi = "Ảnh sao lưu thứ Sáu mang theo tác vụ " .. TASK .. ": máy chủ vừa đưa vào hoạt động gọi về " .. C2_IP .. ".",
            en = "The Friday image carried the task " .. TASK .. ": the server just put in service calls " .. C2_IP .. "." }
    w:signal("s_beacon", { asset = via_implant })
  end
  if via_ad and not V.seen_vpn then
    V.seen_vpn = true
    w:log { vi = "VPN mở lại, miền cũ vẫn chấp nhận svc_sqlbackup: kẻ tấn công đăng nhập lại.",
            en = "The VPN is back and the old domain still accepts svc_sqlbackup: the attacker logs back in." }
    w:signal("s_vpnlogin")
  end
  V.back_in = V.back_in + 1
  if V.back_in >= RETURN_DELAY then
    V.reinfected = true
    for _, id in ipairs(live) do w:set(id, "encrypted", true) end
    w:log { vi = "Kẻ tấn công mã hoá lại các hệ thống vừa khôi phục.",
            en = "The attacker encrypts the freshly restored systems again." }
    w:signal("s_reencrypt")
  end
end)

every(3, function(w)
  local left = w.vars.noise_left
  if #left > 0 and w:chance(0.6) then
    w:signal(table.remove(left, w:random(1, #left)))
  end
end)

-- ───────────────────────────── actions ───────────────────────────
action { id = "test_restore", roles = { "sys" }, cost = 2, turns = 2, target = "none",
         label = { vi = "Khôi phục thử trong môi trường cách ly", en = "Test restore in the isolated lab" },
         help = { vi = "Khôi phục các bản sao đã tìm thấy vào phòng thử nghiệm không nối mạng, kiểm tra khởi động, "
                    .. "toàn vẹn dữ liệu và quét mã độc. Hai lượt.",
                  en = "Restore the copies found so far into the lab with no network, check they boot, check data "
                    .. "integrity and scan for malware. Two turns." },
         run = function(w, a)
           local V, tested = w.vars, false
           if V.known.tape then
             V.tested.tape, V.implant_known, tested = true, true, true
             w:reveal("tape", "backup", { vi = "Khôi phục thử ảnh băng từ tối thứ Sáu: máy khởi động, dữ liệu nhất quán "
                                            .. "đến 22:00 thứ Sáu. Quét mã độc phát hiện tác vụ '" .. TASK .. "' trên "
                                            .. "LAND-APP-01 và QLVB-APP-01 gọi " .. C2_IP .. ": ảnh thứ Sáu đã nhiễm "
                                            .. "(kẻ tấn công có mặt từ thứ Tư). Đã lập quy trình gỡ bỏ trước khi dùng.",
                                          en = "Test restore of the Friday tape images: they boot, data consistent "
                                            .. "to 22:00 Friday. The malware scan finds the task '" .. TASK .. "' on "
                                            .. "LAND-APP-01 and QLVB-APP-01 calling " .. C2_IP .. ": the Friday "
                                            .. "images are infected (the attacker was in since Wednesday). A removal "
                                            .. "procedure is written before they are used." })
           end
           if V.known.cloud then
             V.tested.cloud, tested = true, true
             w:reveal("cloud", "backup", { vi = "Khôi phục thử bản kết xuất 02:00 thứ Hai vào CSDL cách ly: nhất quán, "
                                             .. "1.284.000 thửa đất, giao dịch cuối lúc 01:52. Chỉ có dữ liệu, không có "
                                             .. "tệp thực thi.",
                                           en = "Test restore of the 02:00 Monday dump into an isolated database: "
                                             .. "consistent, 1,284,000 parcels, last transaction 01:52. Data only, no "
                                             .. "executables." })
           end
           if not tested then
             w:note { vi = "Chưa biết bản sao nào còn dùng được để khôi phục thử. Tìm trước: BK-01, NAS-02, băng từ, "
                        .. "kho ngoài trung tâm.",
                      en = "No usable copy is known yet to test. Find one first: BK-01, NAS-02, the tapes, the "
                        .. "off-site store." }
           end
         end }

action { id = "recovery_plan", roles = { "lead" }, cost = 1, turns = 1, target = "none",
         label = { vi = "Chốt điểm khôi phục và thời gian khôi phục (RPO/RTO)", en = "Decide the recovery point and time (RPO/RTO)" },
         help = { vi = "Dựa trên những bản sao đã biết, quyết định khôi phục từ đâu, mất dữ liệu đến đâu, bao giờ xong.",
                  en = "From the copies known, decide what to restore from, how much data is lost, when it is done." },
         run = function(w, a)
           local V = w.vars
           if V.known.tape and V.known.cloud then
             V.plan = "best"
             w:note { vi = "Phương án: dựng lại miền; LAND-APP-01 từ băng thứ Sáu (đã gỡ mã độc) + dữ liệu đất đai từ "
                        .. "bản kết xuất 02:00 thứ Hai (mất khoảng 1 giờ dữ liệu); rồi quản lý văn bản từ băng thứ "
                        .. "Sáu (văn bản cuối tuần nhập lại từ thư và bản giấy). Dự kiến đất đai hoạt động trước 15:00.",
                      en = "Plan: rebuild the directory; LAND-APP-01 from the Friday tape (cleaned) + land data from "
                        .. "the 02:00 Monday dump (about 1 hour of data lost); then the document system from the "
                        .. "Friday tape (weekend documents re-entered from mail and paper). Land system expected back "
                        .. "before 15:00." }
           elseif V.known.tape then
             V.plan = "tape"
             w:note { vi = "Phương án: khôi phục mọi thứ từ băng thứ Sáu 22:00. Dữ liệu đất đai từ tối thứ Sáu đến "
                        .. "sáng thứ Hai (khoảng 640 giao dịch) sẽ mất và phải nhập lại.",
                      en = "Plan: restore everything from the Friday 22:00 tape. Land data from Friday night to Monday "
                        .. "morning (about 640 transactions) is lost and must be re-entered." }
           else
             w:note { vi = "Chưa biết bản sao nào dùng được: chưa thể chốt phương án. Kiểm tra BK-01, NAS-02, băng từ, "
                        .. "kho ngoài trung tâm trước.",
                      en = "No usable copy known yet: no plan can be made. Check BK-01, NAS-02, the tapes and the "
                        .. "off-site store first." }
           end
         end }

action { id = "rebuild_ad", roles = { "sys" }, cost = 2, turns = 3, target = "none",
         label = { vi = "Dựng lại hệ thống quản lý miền (AD)", en = "Rebuild the directory (AD)" },
         help = { vi = "Máy chủ miền mới, xoá svc_sqlbackup, đổi krbtgt hai lần và mọi mật khẩu quản trị. Ba lượt.",
                  en = "New domain controllers, svc_sqlbackup gone, krbtgt reset twice with every admin password. Three turns." },
         run = function(w, a)
           local V = w.vars
           if not V.ev.dc then
             V.ev_bad = true
             w:penalize("evidence_destroyed")
           end
           V.ad_clean = true
           w:set("dc", "compromised", false)
           w:set("dc", "clean", true)
           w:reveal("dc", "compromised")
           w:reveal("dc", "clean", { vi = "Hệ thống miền mới hoạt động: svc_sqlbackup không còn, mọi mật khẩu quản trị đã đổi.",
                                     en = "The new directory is up: svc_sqlbackup is gone, every admin password changed." })
         end }

action { id = "harden_backup", roles = { "sys" }, cost = 1, turns = 2, target = "none",
         label = { vi = "Gia cố hệ thống sao lưu", en = "Harden the backup system" },
         help = { vi = "Cài lại BK-01 ngoài miền, tài khoản quản trị riêng có MFA, kho bất biến, cảnh báo tác vụ lỗi "
                    .. "gửi thẳng SOC. Hai lượt.",
                  en = "Reinstall BK-01 outside the domain, separate admin accounts with MFA, an immutable "
                    .. "repository, job-failure alerts straight to the SOC. Two turns." },
         run = function(w, a)
           local V = w.vars
           if not V.ev.bk_srv then
             V.ev_bad = true
             w:penalize("evidence_destroyed")
           end
           V.hardened = true
           w:set("bk_srv", "compromised", false)
           w:set("bk_srv", "clean", true)
           w:set("bk_srv", "backup", true)
           w:reveal("bk_srv", "compromised")
           w:reveal("bk_srv", "clean")
           w:note { vi = "BK-01 cài lại ngoài miền, có MFA và kho bất biến; cảnh báo tác vụ lỗi gửi SOC. Sao lưu đầy "
                      .. "đủ đầu tiên chạy tối nay.",
                    en = "BK-01 reinstalled outside the domain, with MFA and an immutable repository; job failures "
                      .. "alert the SOC. The first full backup runs tonight." }
         end }

action { id = "contact_attacker", roles = { "lead" }, cost = 1, turns = 1, target = "none",
         label = { vi = "Liên hệ nhóm tống tiền", en = "Contact the extortion group" },
         run = function(w, a)
           w:penalize("contacted_attacker")
           w:note { vi = "Nhóm tống tiền đòi 18 BTC cho 'công cụ giải mã' và dọa công bố việc tỉnh mất dữ liệu.",
                    en = "The group asks 18 BTC for a 'decryptor' and threatens to publish that the province lost its data." }
         end }

-- Restoring in production: from the copy the plan chose.
action { id = "restore", roles = { "sys" }, cost = 2, turns = 2,
         help = { vi = "Khôi phục hệ thống theo phương án đã chốt và đưa trở lại phục vụ. Hai lượt.",
                  en = "Restore a system as the plan decided and put it back in service. Two turns." },
         run = function(w, a)
           local V, id = w.vars, a.target
           if id == "dc" then
             w:note { vi = "Không khôi phục AD từ bản sao của giai đoạn đã bị xâm nhập (svc_sqlbackup có từ thứ Tư): "
                        .. "dựng lại miền.",
                      en = "Do not restore AD from copies of the compromised period (svc_sqlbackup exists since "
                        .. "Wednesday): rebuild the directory." }
             return
           end
           if id ~= "datdai" and id ~= "qlvb" then
             w:note { vi = "Không có gì để khôi phục cho hệ thống này.", en = "Nothing to restore for this asset." }
             return
           end
           if not V.plan and not V.known.tape then
             w:note { vi = "Tác vụ khôi phục thất bại: danh mục trỏ tới REPO-01, nơi không còn điểm khôi phục. Hãy "
                        .. "tìm bản sao còn dùng được và chốt phương án khôi phục trước.",
                      en = "The restore job failed: the catalogue points to REPO-01, which holds no restore point. "
                        .. "Find a usable copy and decide a recovery plan first." }
             return
           end
           -- Without an agreed plan the administrator takes the one copy he knows: the Friday tape.
           if not V.tested.tape then
             V.untested = true
             w:penalize("no_restore_test")
           end
           if not V.ad_clean then w:penalize("restore_on_compromised_ad") end
           stdlib.run.restore(w, a)
           local src_vi, src_en = "băng từ thứ Sáu 22:00", "the Friday 22:00 tape"
           if id == "datdai" then
             V.data_loss = (V.plan ~= "best")
             if V.plan == "best" then
               src_vi = src_vi .. " và bản kết xuất dữ liệu 02:00 thứ Hai"
               src_en = src_en .. " and the 02:00 Monday data dump"
             end
           end
           if V.implant_known then
             w:set(id, "compromised", false)
             w:set(id, "clean", true)
             w:reveal(id, "compromised")
             w:reveal(id, "clean")
           else
             w:compromise(id, { technique = "T1053.005" })
           end
           w:note { vi = "Đã khôi phục " .. NAME[id].vi .. " từ " .. src_vi
                      .. (V.implant_known and ", gỡ tác vụ " .. TASK .. " theo quy trình" or "")
                      .. " và đưa trở lại phục vụ.",
                    en = "Restored " .. NAME[id].en .. " from " .. src_en
                      .. (V.implant_known and ", removed the task " .. TASK .. " by the procedure," or "")
                      .. " and put it back in service." }
           note_live(w)
         end }

-- ───────────────────────────── consequences of standard actions ───
on("reconnect", function(w, a) note_live(w) end)

-- Fog of war: what an investigation can find.
on("investigate", function(w, a)
  local V, id = w.vars, a.target
  if id == "bk_srv" then
    V.known.bk_srv = true
    w:reveal("bk_srv", "backup", { vi = "BK-01: lúc 03:00 thứ Bảy, TINH\\svc_sqlbackup tắt cả 14 tác vụ sao lưu (thư "
                                     .. "'Job failed' là hệ quả); lúc 02:40 thứ Hai, cùng tài khoản xoá mọi điểm "
                                     .. "khôi phục của REPO-01 và snapshot của NAS-02. BK-01 tham gia miền nên quyền "
                                     .. "Domain Admin là đủ.",
                                   en = "BK-01: at 03:00 Saturday TINH\\svc_sqlbackup disabled all 14 backup jobs (the "
                                     .. "'Job failed' mails followed); at 02:40 Monday the same account deleted every "
                                     .. "restore point of REPO-01 and the NAS-02 snapshots. BK-01 is domain-joined, "
                                     .. "so Domain Admin was enough." })
  elseif id == "nas" then
    V.known.nas = true
    w:reveal("nas", "backup", { vi = "NAS-02: snapshot bị xoá lúc 02:41, thư mục chia sẻ bị mã hoá lúc 03:04. Không dùng được.",
                                en = "NAS-02: snapshots deleted at 02:41, the share encrypted at 03:04. Unusable." })
  elseif id == "tape" then
    V.known.tape = true
    w:note { vi = "Két băng từ: bộ sao lưu toàn bộ tối thứ Sáu 22:00 (mọi máy ảo) và bộ hằng tháng ngày 1; không nối "
               .. "mạng nên không bị xoá. Nhưng nếu kẻ tấn công vào từ trước thứ Sáu, ảnh trên băng có thể mang theo "
               .. "công cụ của chúng: cần khôi phục thử và quét trước.",
             en = "Tape safe: the full set of Friday 22:00 (every VM) and the monthly set of the 1st; offline, so not "
               .. "deleted. But if the attacker was in before Friday, the images may carry its tools: test-restore "
               .. "and scan them first." }
  elseif id == "cloud" then
    V.known.cloud = true
    w:reveal("cloud", "backup", { vi = "Kho bất biến ngoài trung tâm: bản kết xuất CSDL đất đai 4 giờ một lần, mới nhất "
                                    .. "02:00 thứ Hai, khoá chống xoá 30 ngày — kẻ tấn công thử xoá lúc 02:44 và thất bại.",
                                  en = "Off-site immutable store: land database dumps every 4 hours, the latest at "
                                    .. "02:00 Monday, locked against deletion for 30 days — the attacker tried to "
                                    .. "delete them at 02:44 and failed." })
  elseif id == "dc" then
    if w.vars.ad_clean then
      w:note { vi = "Hệ thống miền mới: không có tài khoản lạ.", en = "The new directory: no rogue account." }
    else
      w:note { vi = "AD: svc_sqlbackup được tạo lúc 21:12 thứ Tư qua phiên VPN từ " .. VPN_IP .. ", thuộc Domain "
                 .. "Admins; NTDS.dit bị sao chép. Kẻ tấn công có mặt từ thứ Tư: phải dựng lại miền, và mọi bản sao "
                 .. "từ thứ Tư trở đi có thể đã nhiễm.",
               en = "AD: svc_sqlbackup created 21:12 Wednesday over a VPN session from " .. VPN_IP .. ", a Domain "
                 .. "Admin; NTDS.dit copied. The attacker has been in since Wednesday: rebuild the domain, and "
                 .. "treat every copy from Wednesday on as possibly infected." }
    end
  elseif id == "datdai" or id == "qlvb" then
    if w.asset[id].compromised then
      V.implant_known = true
      w:note { vi = "Trên máy chủ đã khôi phục: tác vụ định kỳ '" .. TASK .. "' chạy tệp lạ gọi " .. C2_IP
                 .. " — có từ thứ Tư, đi theo ảnh sao lưu thứ Sáu. Loại bỏ trước khi đưa vào phục vụ.",
               en = "On the restored server: the scheduled task '" .. TASK .. "' runs a foreign binary calling "
                 .. C2_IP .. " — there since Wednesday, carried by the Friday image. Remove it before service." }
    elseif w.asset[id].encrypted then
      w:note { vi = "Dữ liệu bị mã hoá (.lkd9), có thư đòi tiền chuộc; chưa có công cụ giải mã công khai cho biến thể này.",
               en = "Data encrypted (.lkd9), with a ransom note; no public decryptor exists for this variant." }
    end
  end
end)

on("collect_evidence", function(w, a)
  local V, id = w.vars, a.target
  if V.ev[id] == nil then return end
  if not w.asset[id].compromised then
    w:note { vi = "Máy đã được làm mới: bản sao chỉ dùng làm mốc.", en = "The host was already rebuilt: a baseline only." }
    return
  end
  V.ev[id] = true
  w:note { vi = "Đã sao chụp bộ nhớ, ổ đĩa và nhật ký của " .. NAME[id].vi .. ", tính SHA-256, lập biên bản chuỗi lưu giữ.",
           en = "Memory, disk and logs of " .. NAME[id].en .. " imaged, SHA-256 hashed, custody record written." }
end)

action { id = "eradicate", roles = { "sys" }, cost = 2, turns = 2,
         run = function(w, a)
           if a.target == "dc" and not w.vars.ad_clean then
             w:note { vi = "Không thể 'làm sạch' một miền mà kẻ tấn công đã có Domain Admin và bản sao NTDS.dit: "
                        .. "phải dựng lại (rebuild_ad).",
                      en = "A domain where the attacker holds Domain Admin and an NTDS.dit copy cannot be "
                        .. "'cleaned': rebuild it (rebuild_ad)." }
             return
           end
           stdlib.run.eradicate(w, a)
         end }

on("eradicate", function(w, a)
  if (a.target == "datdai" or a.target == "qlvb") and not w.asset[a.target].compromised then
    if not w:knows(a.target, "compromised") then   -- (the standard sweep told of a known one)
      w:reveal(a.target, "compromised")
      w:reveal(a.target, "clean")
    end
    w:note { vi = "Đã gỡ tác vụ " .. TASK .. " và tệp thực thi của nó; quét lại sạch.",
             en = "The task " .. TASK .. " and its binary removed; the rescan is clean." }
  end
end)

on("communicate", function(w, a)
  if a.target == "staff" then return end
  if has(a.facts, "impact") then
    w.vars.honest = true
  else
    w:penalize("understated_statement")
  end
end)

on("report", function(w, a)
  local V = w.vars
  if a.target == "police" and has(a.facts, "evidence") then
    if V.ev.dc or V.ev.bk_srv then
      V.police_evidence = true
    else
      w:note { vi = "PA05 hỏi: nhật ký BK-01 và bản sao máy chủ miền ở đâu? Chưa có chứng cứ nào được thu.",
               en = "PA05 asks: where are BK-01's logs and the domain controller images? None was taken." }
    end
  elseif a.target == "a05" then
    w:note { vi = "A05 ghi nhận. Chưa có dấu hiệu dữ liệu cá nhân bị đưa ra ngoài; thông báo 72 giờ chỉ bắt buộc khi dữ liệu bị lộ.",
             en = "A05 notes it. No sign of personal data leaving so far; the 72-hour notice is required only when data leaks." }
  end
end)

on("request_support", function(w, a)
  if a.target == "vncert" then
    w:note { vi = "VNCERT/CC: biến thể .lkd9 chưa có công cụ giải mã; chỉ dấu " .. C2_IP .. " và tác vụ " .. TASK
               .. " đã gặp ở tỉnh khác — hãy quét mọi bản sao trước khi khôi phục.",
             en = "VNCERT/CC: no decryptor for the .lkd9 variant; the indicator " .. C2_IP .. " and the task " .. TASK
               .. " were seen in another province — scan every copy before restoring." }
  elseif a.target == "vendor" then
    w:note { vi = "Hãng phần mềm sao lưu: điểm khôi phục đã xoá không lấy lại được; nên tách máy chủ sao lưu khỏi miền "
               .. "và bật kho bất biến.",
             en = "The backup vendor: deleted restore points cannot be recovered; take the backup server out of the "
               .. "domain and turn on an immutable repository." }
  end
end)

-- ───────────────────────────── scoring ───────────────────────────
fact { id = "recovery_point",
       name = { vi = "Điểm khôi phục và thời gian khôi phục dự kiến (RPO/RTO)",
                en = "Recovery point and expected recovery time (RPO/RTO)" } }

-- Objectives: 100 points in all.
objective { id = "early_signal", capability = "detection", points = 10, by_turn = EARLY_BY,
  label = { vi = "Nhận ra dấu hiệu sớm: các tác vụ sao lưu lỗi từ thứ Bảy (trước 09:00)",
            en = "Read the early signal: the backup jobs failing since Saturday (by 09:00)" },
  explain = { vi = "Sao lưu lỗi 48 giờ trước khi mã hoá là dấu hiệu kẻ tấn công chuẩn bị. Xác nhận cảnh báo và điều "
                .. "tra BK-01 cho biết ai, khi nào, và vì sao không còn điểm khôi phục.",
              en = "Backups failing 48 hours before the encryption were the attacker preparing. Confirming the alert "
                .. "and investigating BK-01 tells who, when, and why no restore point is left." },
  met = function(w) return w:flagged("s_jobfail") and w.vars.known.bk_srv end }

objective { id = "assess", capability = "analysis", points = 10, by_turn = ASSESS_BY,
  label = { vi = "Đánh giá mọi bản sao (BK-01, NAS-02, băng từ, kho ngoài trung tâm) trước 11:00",
            en = "Assess every copy (BK-01, NAS-02, tapes, off-site store) by 11:00" },
  explain = { vi = "Tìm bản sao ngoại tuyến hoặc bất biến cuối cùng còn sạch trước khi quyết định. Bản kết xuất CSDL "
                .. "đất đai trên kho bất biến không phụ thuộc BK-01 nên còn nguyên đến 02:00 thứ Hai.",
              en = "Find the last clean offline or immutable copy before deciding. The land database dumps on the "
                .. "immutable store do not depend on BK-01, so they survived up to 02:00 Monday." },
  met = function(w) return all_known(w) end }

objective { id = "plan", capability = "recovery", points = 10, within_minutes = 300,
  label = { vi = "Chốt điểm và thời gian khôi phục tốt nhất, báo cơ quan chủ quản trước 12:00",
            en = "Agree the best recovery point and time with the owner by 12:00" },
  explain = { vi = "Cơ quan chủ quản phải biết mất dữ liệu đến đâu và bao giờ hệ thống hoạt động lại để điều hành "
                .. "Văn phòng Đăng ký đất đai và trả lời ngân hàng, người dân.",
              en = "The owner must know how much data is lost and when systems return, to run the land "
                .. "registration office and answer banks and citizens." },
  met = function(w)
    return w.vars.plan == "best" and w:reported { to = "owner", facts = { "impact", "recovery_point" } }
  end }

objective { id = "test_restore", capability = "recovery", points = 15,
  label = { vi = "Khôi phục thử trong môi trường cách ly trước khi khôi phục thật",
            en = "Test the restore in isolation before restoring in production" },
  explain = { vi = "Một bản sao chưa thử là chưa phải bản sao. Ảnh thứ Sáu khởi động tốt nhưng mang tác vụ của kẻ "
                .. "tấn công; chỉ khôi phục thử và quét trong phòng cách ly mới thấy.",
              en = "An untested backup is not yet a backup. The Friday images boot fine but carry the attacker's "
                .. "task; only a test restore and scan in the isolated lab shows it." },
  met = function(w) return w.vars.tested.tape and w.asset.datdai.vars.restored and not w.vars.untested end }

objective { id = "rebuild_ad", capability = "eradication", points = 10,
  label = { vi = "Dựng lại hệ thống quản lý miền", en = "Rebuild the directory" },
  explain = { vi = "svc_sqlbackup và bản sao NTDS.dit cho kẻ tấn công quyền trên miền cũ; khôi phục hệ thống lên miền "
                .. "cũ là mở cửa cho chúng quay lại.",
              en = "svc_sqlbackup and the NTDS.dit copy give the attacker the old domain; restoring onto it opens the "
                .. "door for its return." },
  met = function(w) return w.vars.ad_clean end }

objective { id = "phased", capability = "recovery", points = 10,
  label = { vi = "Khôi phục theo giai đoạn: đất đai trước, quản lý văn bản sau", en = "Restore in phases: land first, documents next" },
  explain = { vi = "Khôi phục theo thứ tự ưu tiên đã thống nhất, kiểm tra từng giai đoạn trước khi sang giai đoạn sau.",
              en = "Restore by the agreed priority, checking each phase before the next." },
  met = function(w)
    return w.vars.first_live == "datdai" and safe(w, "datdai") and safe(w, "qlvb")
  end }

objective { id = "rto", capability = "recovery", points = 10, by_turn = RTO_TURN,
  label = { vi = "Hệ thống thông tin đất đai hoạt động trở lại, sạch, trước 15:00",
            en = "Land information system back, clean, by 15:00" },
  explain = { vi = "Đăng ký thế chấp, chuyển nhượng là việc của người dân và ngân hàng mỗi ngày; mục tiêu thời gian "
                .. "khôi phục phải đạt mà không đánh đổi an toàn.",
              en = "Mortgage and transfer registration is daily business for citizens and banks; the recovery time "
                .. "target must be met without trading away safety." },
  met = function(w) return safe(w, "datdai") end }

objective { id = "evidence", capability = "evidence", points = 5,
  label = { vi = "Thu chứng cứ máy chủ miền và BK-01 trước khi dựng lại", en = "Image the domain controller and BK-01 before rebuilding them" },
  explain = { vi = "Nhật ký BK-01 và máy chủ miền cho thấy ai xoá sao lưu, khi nào: chứng cứ cho PA05 và bài học "
                .. "cho kế hoạch cải tiến. Thu trước khi cài lại.",
              en = "BK-01's and the domain controller's logs show who deleted the backups and when: evidence for "
                .. "PA05 and lessons for the improvement plan. Take them before reinstalling." },
  met = function(w) return w.vars.ev.dc and w.vars.ev.bk_srv and not w.vars.ev_bad end }

objective { id = "report_vncert", capability = "reporting", points = 5, within_minutes = 480,
  label = { vi = "Báo cáo VNCERT/CC (hệ thống, cấp độ, ảnh hưởng, chỉ dấu) trong ngày",
            en = "Report to VNCERT/CC (asset, level, impact, indicators) within the day" },
  explain = { vi = "QĐ 05/2017/QĐ-TTg và Thông tư 20/2017/TT-BTTTT: 5 ngày là giới hạn; chỉ dấu (" .. C2_IP .. ", "
                .. TASK .. ") giúp các tỉnh khác kiểm tra bản sao của họ.",
              en = "Decision 05/2017 and Circular 20/2017: 5 days is the ceiling; the indicators (" .. C2_IP .. ", "
                .. TASK .. ") let other provinces check their own copies." },
  met = function(w) return w:reported { to = "vncert", facts = { "asset", "level", "impact", "indicators" } } end }

objective { id = "report_police", capability = "reporting", points = 5, within_minutes = 480,
  label = { vi = "Chuyển PA05 vụ việc kèm chứng cứ trong ngày", en = "Hand the case, with evidence, to PA05 within the day" },
  explain = { vi = "Phá huỷ sao lưu và mã hoá dữ liệu để tống tiền là dấu hiệu tội phạm.",
              en = "Destroying backups and encrypting data for extortion are signs of a crime." },
  met = function(w)
    return w.vars.police_evidence and w:reported { to = "police", facts = { "asset", "impact", "evidence" } }
  end }

objective { id = "communicate", capability = "communication", points = 5,
  label = { vi = "Thông tin trung thực cho người dân và ngân hàng (ảnh hưởng, thời gian dự kiến)",
            en = "Tell citizens and banks honestly (impact, expected time)" },
  explain = { vi = "Nói rõ dịch vụ nào ngừng, dữ liệu có mất không, bao giờ có lại: tin đồn 'mất dữ liệu đất đai' lan "
                .. "nhanh hơn thông báo chậm.",
              en = "Say which services are down, whether data is lost, when it returns: a rumour of 'land data lost' "
                .. "spreads faster than a late statement." },
  met = function(w) return w.vars.honest end }

objective { id = "harden", capability = "eradication", points = 5,
  label = { vi = "Gia cố sao lưu: BK-01 ra khỏi miền, MFA, kho bất biến, cảnh báo lỗi về SOC",
            en = "Harden backups: BK-01 out of the domain, MFA, immutable repository, failure alerts to the SOC" },
  explain = { vi = "Máy chủ sao lưu tham gia miền đã cho kẻ tấn công xoá mọi bản sao bằng một tài khoản Domain Admin; "
                .. "thư báo lỗi không ai đọc đã che dấu hiệu sớm.",
              en = "A domain-joined backup server let one Domain Admin account delete every copy; failure mails "
                .. "nobody read hid the early signal." },
  met = function(w) return w.vars.hardened end }

-- ───────────────────────────── metrics ───────────────────────────
-- What the review's times mean in this incident. The night duty cut the attacker off
-- before the drill; what keeps it out is the rebuilt directory, and a system counts as
-- recovered only when it is back in service (the default rule watches only the servers
-- the attacker held, not the encrypted ones):
--   contained  the attacker has no way back: the directory rebuilt and no system in
--              service that carries the implant;
--   recovered  the land system and the document system both back in service, clean,
--              on the rebuilt directory.
metrics {
  contained = function(w)
    if not w.vars.ad_clean then return false end
    for _, id in ipairs(SYSTEMS) do
      if in_service(w, id) and w.asset[id].compromised then return false end
    end
    return true
  end,
  recovered = function(w) return safe(w, "datdai") and safe(w, "qlvb") end,
}

-- Penalties.
penalty { id = "restore_infected", capability = "recovery", points = 15,
  label = { vi = "Đưa ảnh sao lưu nhiễm mã độc vào hoạt động", en = "Put an infected backup image back in service" },
  explain = { vi = "Ảnh thứ Sáu mang tác vụ của kẻ tấn công: máy vừa khôi phục gọi về máy chủ điều khiển. Khôi phục "
                .. "thử và quét trong phòng cách ly trước.",
              en = "The Friday image carried the attacker's task: the restored server called home. Test-restore and "
                .. "scan in the isolated lab first." } }
penalty { id = "no_restore_test", capability = "recovery", points = 10,
  label = { vi = "Khôi phục thật mà không khôi phục thử", en = "Restored in production without a test restore" },
  explain = { vi = "Chưa kiểm tra bản sao khởi động được, dữ liệu nhất quán và sạch mã độc thì chưa được khôi phục thật.",
              en = "Until a copy is shown to boot, be consistent and be free of malware, it must not go to production." } }
penalty { id = "restore_on_compromised_ad", capability = "recovery", points = 10,
  label = { vi = "Khôi phục lên hệ thống miền đang bị chiếm", en = "Restored onto the compromised directory" },
  explain = { vi = "Hệ thống khôi phục gia nhập miền cũ, nơi svc_sqlbackup vẫn là Domain Admin.",
              en = "The restored system joins the old domain, where svc_sqlbackup is still a Domain Admin." } }
penalty { id = "evidence_destroyed", capability = "evidence", points = 10, max = 2,
  label = { vi = "Cài lại trước khi thu chứng cứ", en = "Reinstalled before taking evidence" },
  explain = { vi = "Sao chụp và lập biên bản trước khi dựng lại máy chủ miền hay cài lại BK-01.",
              en = "Image and record custody before rebuilding the domain controller or reinstalling BK-01." } }
penalty { id = "understated_statement", capability = "communication", points = 5,
  label = { vi = "Thông báo công khai giảm nhẹ sự cố", en = "A public statement that understated the incident" },
  explain = { vi = "'Nâng cấp hệ thống' không giải thích được vì sao ngân hàng không đăng ký được thế chấp cả ngày.",
              en = "'A system upgrade' does not explain why banks could not register mortgages all day." } }
penalty { id = "contacted_attacker", capability = "coordination", points = 15,
  label = { vi = "Liên hệ hoặc thương lượng với kẻ tấn công", en = "Contacted or negotiated with the attacker" },
  explain = { vi = "Cơ quan nhà nước không liên hệ, không trả tiền chuộc; công cụ giải mã của kẻ tấn công không thay "
                .. "được một bản sao sạch.",
              en = "A state body neither contacts nor pays; the attacker's decryptor is no substitute for a clean copy." } }

-- Hints, in order.
hint { from_turn = 1, cost = 3,
  text = { vi = "Thư 'Job failed' từ thứ Bảy chính là lúc kẻ tấn công ra tay. Trước khi chọn bản sao, kiểm tra xem "
             .. "còn những bản sao nào: BK-01, NAS-02, băng từ, kho ngoài trung tâm.",
           en = "The 'Job failed' mails since Saturday are where the attacker began. Before picking a copy, find out "
             .. "what copies exist: BK-01, NAS-02, the tapes, the off-site store." } }
hint { from_turn = 3, cost = 5,
  text = { vi = "Kẻ tấn công có mặt từ thứ Tư: ảnh thứ Sáu có thể mang công cụ của chúng. Khôi phục thử băng từ trong "
             .. "phòng cách ly trước. Bản kết xuất CSDL đất đai không đi qua BK-01.",
           en = "The attacker was in since Wednesday: the Friday images may carry its tools. Test-restore the tape in "
             .. "the isolated lab first. The land database dumps do not go through BK-01." } }
hint { from_turn = 6, cost = 5,
  text = { vi = "Thứ tự: dựng lại AD → khôi phục thử → khôi phục đất đai (ảnh băng từ + dữ liệu 02:00) → rồi quản lý "
             .. "văn bản. Không đưa hệ thống nào trở lại phục vụ khi miền cũ còn đó.",
           en = "The order: rebuild AD → test restore → restore land (tape images + the 02:00 data) → then the "
             .. "document system. Put nothing back in service while the old domain is still there." } }

-- ───────────────────────────── endings (order matters) ───────────
ending { id = "reinfected",
  text = { vi = "Các hệ thống vừa khôi phục bị mã hoá lần nữa. Khôi phục từ bản sao chưa kiểm tra, hoặc lên miền cũ, "
             .. "là trả lại cho kẻ tấn công đúng chỗ đứng của chúng.",
           en = "The restored systems were encrypted again. Restoring an untested copy, or onto the old domain, gives "
             .. "the attacker its foothold back." },
  when = function(w) return w.vars.reinfected end }

ending { id = "down_all_day",
  text = { vi = "17:00: Hệ thống thông tin đất đai vẫn chưa hoạt động an toàn; ngân hàng và người dân chờ cả ngày, Ban "
             .. "Chỉ đạo tiếp quản. Tìm bản sao, chốt phương án và khôi phục thử phải bắt đầu ngay từ sáng.",
           en = "17:00: the land system is still not safely back; banks and citizens waited all day and the steering "
             .. "committee took over. Finding copies, deciding the plan and testing must start first thing." },
  when = function(w) return w.turn >= DAY_END and not safe(w, "datdai") end }

ending { id = "recovered_data_loss",
  text = { vi = "Hai hệ thống hoạt động trở lại, sạch — nhưng dữ liệu đất đai từ tối thứ Sáu đã mất vì không ai tìm tới "
             .. "bản kết xuất trên kho bất biến. Khoảng 640 giao dịch phải nhập lại từ hồ sơ giấy.",
           en = "Both systems are back and clean — but the land data since Friday night was lost because nobody found "
             .. "the dumps on the immutable store. About 640 transactions must be re-entered from paper." },
  when = function(w) return safe(w, "datdai") and safe(w, "qlvb") and w.vars.data_loss end }

ending { id = "recovered", success = true,
  text = { vi = "Hệ thống đất đai (dữ liệu đến 02:00 thứ Hai) và quản lý văn bản hoạt động trở lại, sạch, trên miền mới. "
             .. "Hoàn tất báo cáo cuối cùng trong 5 ngày và đưa việc gia cố sao lưu vào kế hoạch cải tiến.",
           en = "The land system (data to 02:00 Monday) and the document system are back, clean, on a new domain. "
             .. "Finish the final report within 5 days and put the backup hardening into the improvement plan." },
  when = function(w) return safe(w, "datdai") and safe(w, "qlvb") and not w.vars.data_loss end }

-- ───────────────────────────── self-tests ────────────────────────
-- Turn arithmetic: an action queued in turn t with turns = k completes at the end
-- of turn t+k-1; each role has 2 action points per turn; one `end` ends a turn.

test { name = "textbook recovery", seed = 1, inputs = [[
# turn 1 (07:00): no restore point left; where are the copies?
soc investigate bk_srv
soc investigate nas
sys investigate tape
sys collect_evidence bk_srv
lead triage s_vpnfail false
lead report owner --facts asset,level,impact
end
# turn 2 (07:30): the early signal; the storage report points to the off-site dumps; the plan
soc triage s_jobfail true
soc investigate cloud
sys collect_evidence dc
lead recovery_plan
lead report owner --facts impact,recovery_point
comms communicate citizens --facts asset,impact,actions
end
# turn 3 (08:00): rebuild the directory (turns 3-5)
sys rebuild_ad
lead report vncert --facts asset,level,impact,indicators
lead report police --facts asset,impact,evidence
end
# turn 4 (08:30): test-restore the copies in the lab (turns 4-5)
sys test_restore
end
end
# turn 6 (09:30): phase 1, the land system (turns 6-7)
sys restore datdai
end
# turn 7: harden the backup system (turns 7-8)
sys harden_backup
end
# turn 8 (10:30): phase 2, the document system (turns 8-9)
sys restore qlvb
end
end
]], expect = { outcome = "recovered", score = 100,
               metrics = { detected_by = 60, contained_by = 150, recovered_by = 270 },
               objectives = { early_signal = true, assess = true, plan = true, test_restore = true,
                              rebuild_ad = true, phased = true, rto = true, evidence = true,
                              report_vncert = true, report_police = true, communicate = true, harden = true } } }

test { name = "untested restore", seed = 2, inputs = [[
sys investigate tape
end
# turn 2: the tape alone; rebuild first (no image of the DC), but no test
lead recovery_plan
sys rebuild_ad
end
end
end
# turn 5: the land system straight from tape, back in service at the end of turn 6
sys restore datdai
end
end
# turn 7: the Friday implant calls home; the beacon is flagged, nobody isolates
soc triage s_beacon true
end
end
end
]], expect = { outcome = "reinfected",
               objectives = { test_restore = false, rebuild_ad = true, rto = false },
               penalties = { "no_restore_test", "restore_infected", "evidence_destroyed" } } }

test { name = "the old directory", seed = 3, inputs = [[
sys investigate tape
sys investigate cloud
end
# turn 2: plan and test, but no rebuild
lead recovery_plan
sys test_restore
end
end
# turn 4: restore onto the old domain (in service at the end of turn 5)
sys restore datdai
end
end
# turns 6-8: svc_sqlbackup on the VPN, then encrypted again
end
end
end
]], expect = { outcome = "reinfected",
               objectives = { test_restore = true, rebuild_ad = false, plan = false },
               penalties = { "restore_on_compromised_ad" } } }

test { name = "beacon caught in time", seed = 4, inputs = [[
sys investigate tape
soc investigate cloud
soc collect_evidence dc
end
lead recovery_plan
sys rebuild_ad
end
end
end
# turn 5: an untested restore (in service at the end of turn 6)
sys restore datdai
end
end
# turn 7: the beacon — isolate at once, find the task
soc triage s_beacon true
net isolate datdai
soc investigate datdai
end
# turn 8: eradicate (turns 8-9)
sys eradicate datdai
end
end
# turn 10: back in service; the documents, now that the implant is known
net reconnect datdai
sys restore qlvb
end
end
]], expect = { outcome = "recovered",
               objectives = { test_restore = false, rebuild_ad = true, phased = true, rto = true },
               penalties = { "no_restore_test", "restore_infected" } } }

test { name = "the immutable copy never found", seed = 5, inputs = [[
soc investigate tape
soc collect_evidence dc
end
lead recovery_plan
sys test_restore
end
end
sys rebuild_ad
end
end
end
# turn 7: the land system from the Friday tape alone
sys restore datdai
end
end
sys restore qlvb
end
end
]], expect = { outcome = "recovered_data_loss",
               objectives = { assess = false, plan = false, test_restore = true, phased = true, rto = true } } }

test { name = "idle team", seed = 6, inputs = string.rep("end\n", 20),
       expect = { outcome = "down_all_day", score = 0, objectives = { early_signal = false, rto = false },
                  metrics = { detected_by = false, contained_by = false, recovered_by = false } } }

test { name = "land only", seed = 7, inputs = [[
sys investigate tape
sys investigate cloud
soc investigate bk_srv
end
lead recovery_plan
sys test_restore
soc triage s_jobfail true
end
end
sys rebuild_ad
end
end
end
sys restore datdai
comms communicate citizens --facts asset
end
]] .. string.rep("end\n", 17),
       expect = { outcome = "timeout",
                  objectives = { early_signal = true, rto = true, phased = false },
                  penalties = { "understated_statement", "evidence_destroyed" } } }
