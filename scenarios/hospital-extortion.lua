-- hospital-extortion.lua — double-extortion ransomware on the provincial general hospital,
-- through the HIS vendor's remote access (scenario API v1).
--
-- Mã độc tống tiền "tống tiền kép" tại Bệnh viện Đa khoa tỉnh: kẻ tấn công vào qua kênh
-- truy cập từ xa của hãng phần mềm HIS, đánh cắp dữ liệu người bệnh rồi mã hoá HIS, LIS, PACS.
-- Double-extortion ransomware at the provincial general hospital: in through the HIS
-- vendor's remote access, patient data stolen, then HIS, LIS and PACS encrypted.
--
-- ─────────────────────────────────────────────────────────────────────────────
-- FOR TRAINERS: THE PLOT (ground truth — players never see this part)
-- ─────────────────────────────────────────────────────────────────────────────
-- Based on outline 5 of the domain notes, with the lessons of the 2024 Vietnamese
-- ransomware cases (isolate, keep hosts on, out-of-band coordination, continuity on paper,
-- honest communication). One turn = 30 minutes; turn 1 starts Sunday 00:00, when the
-- on-call analyst opens the queue. The attack has been under way for over two hours:
--
--   21:47  The HIS vendor's shared support account 'hisvendor' (no MFA; its password leaked
--          from the vendor's side) logs in through the remote-access portal from
--          203.0.113.140 (T1133, T1078) and RDPs to HIS-APP01.
--   22:05  LSASS dump on HIS-APP01: the cached credentials of the hospital IT admin, a
--          domain admin (T1003.001).
--   22:28  RDP with that account to DC01, LIS01, PACS01 and the backup server BK01
--          (T1021.001); a beacon on HIS-APP01 to cdn-update.example (198.51.100.201), and on
--          the other servers to a second C2, api-telemetry.example (198.51.100.202) (T1071.001).
--   22:50  rclone on HIS-DB01 starts uploading a patient-data export to files.example
--          (198.51.100.150) (T1567.002): 148,000 patients, about 26,000 per turn (60,000 by
--          00:00), until done, blocked, or the HIS is cut off. It needs no attacker action.
--   turn 4 (01:30)  If the attacker still has a way in: EDR disabled by a GPO (T1562.001),
--          shadow copies and the online backup repository deleted (T1490).
--   turn 5 (02:00)  Encryption (T1486) of every server it can still reach — HIS, LIS, PACS,
--          BK01, DC01 — and a ransom note threatening to publish the data (T1657).
--   turn 14 (06:30)  The group lists the hospital on its leak site (earlier if the team
--          negotiates); the press follows an hour later.
--
-- "A way in" = the vendor portal (until the vendor account is disabled, reset or the
-- portal isolated), or a beacon on a compromised, connected server whose C2 is not
-- blocked. Cut every way in for 2 turns from 02:00 on and the attack is foiled: nothing is
-- encrypted. The domain is safe again after rebuild_ad, or after DC01 is rebuilt and its
-- credentials reset (krbtgt twice) — done while a way in remains, the attacker dumps
-- domain-admin credentials again two turns later. A restored server the attacker can reach
-- with domain admin is encrypted again two turns after it is back: "reencrypted".
--
-- Clinical systems (HIS, LIS, PACS) that are encrypted, powered off or isolated while the
-- clinical downtime procedures are not active strain care; after CARE_LIMIT such turns
-- the Department of Health diverts emergencies to other hospitals: "care_disrupted".
--
-- Endings (in this order): reencrypted, care_disrupted, prevented (success: foiled, the
-- clinical systems clean and running), recovered (success: restored from the offline
-- tapes, clean, the directory secured, no way in), timeout (after turn 40, Sunday 20:00).
--
-- Fog of war: investigate vpn (the two vendor logins), his (its beacon, rclone, the dump
-- tool), dc (the attacker's admin account and GPO, the second C2), lis/pacs, backup (the
-- false positive, the deleted repository and the untouched tapes), fw (egress, both C2s);
-- request_support vncert (the group's indicators), vendor (the leaked vendor password).
--
-- Scoring (100): detect 5, cut vendor access 10, downtime procedures 10, contain 10,
-- evidence 5, rebuild the directory 5, clinical systems back 10, assess the theft 10,
-- A05 10, police 5, VNCERT/CC 5, Ministry of Health 5, owner 5, honest statement 5.
-- Penalties: negotiating 15, restoring onto a compromised server or domain 15,
-- understated statement 10, shutdown instead of isolation 5, evidence destroyed 5.
-- Hints cost 3, 5, 8.
--
-- To vary the drill: STAGE_TURN / ENCRYPT_TURN give the team more or less time before the
-- encryption; CARE_LIMIT how long the wards last without paper procedures.
-- ─────────────────────────────────────────────────────────────────────────────

scenario {
  id = "hospital-extortion", version = 2, api = 1,
  title = {
    vi = "Mã độc tống tiền kép tại Bệnh viện Đa khoa tỉnh qua kênh truy cập của hãng phần mềm",
    en = "Double-extortion ransomware at the provincial general hospital, through the vendor's remote access",
  },
  summary = {
    vi = "Rạng sáng Chủ Nhật, trong hàng đợi của SOC có một lượt đăng nhập ngoài lịch của hãng phần mềm HIS và một "
      .. "cảnh báo EDR chưa ai xem trên máy chủ HIS của Bệnh viện Đa khoa tỉnh (800 giường). Kẻ tấn công đã ở "
      .. "bên trong. Đội ứng cứu phải giữ cho việc khám chữa bệnh không gián đoạn, cắt mọi đường vào trước khi "
      .. "dữ liệu bị mã hoá — hoặc khôi phục từ bản sao lưu ngoại tuyến mà không bị mã hoá lại — xác định dữ liệu "
      .. "người bệnh bị đánh cắp, báo cáo A05 và không thương lượng với kẻ tống tiền.",
    en = "Small hours of Sunday: the SOC queue holds an unscheduled login by the HIS vendor and an unread EDR alert on "
      .. "the HIS server of the provincial general hospital (800 beds). The attacker is already inside. The "
      .. "team must keep patient care going, cut every way in before the encryption — or restore from the "
      .. "offline backup without being encrypted again — establish what patient data was stolen, notify A05 "
      .. "and not negotiate with the extortionists.",
  },
  difficulty = "advanced",
  turn_minutes = 30, max_turns = 40, action_points = 3, start_time = "00:00",
  attack = { "T1133", "T1078", "T1003.001", "T1021.001", "T1071.001", "T1567.002", "T1562.001",
             "T1490", "T1486", "T1657" },
}

-- Tuning knobs (one turn = 30 minutes; turn 1 starts Sunday 00:00).
local STAGE_TURN     = 4        -- 01:30 EDR tampering, shadow copies and backups deleted
local ENCRYPT_TURN   = 5        -- 02:00 encryption of every reachable server
local FOIL_TURNS     = 2        -- turns without any way in, from 02:00, that foil the attack
local LEAK_TURN      = 14       -- 06:30 the leak-site post
local CARE_LIMIT     = 4        -- turns of clinical systems down without downtime procedures
local REENC_DELAY    = 2        -- turns a restored server is reachable before re-encryption
local REGAIN_DELAY   = 2        -- turns before the attacker dumps domain admin again
local TOTAL_PATIENTS = 148000
local EXFIL_RATE     = 26000    -- patients' records uploaded per turn
local PRE_DRILL      = 60000    -- uploaded between 22:50 and 00:00

-- Indicators (documentation addresses and example domains only).
local VENDOR_IP, PACS_VENDOR_IP = "203.0.113.140", "198.51.100.20"
local C2, C2_IP = "cdn-update.example", "198.51.100.201"           -- HIS-APP01's beacon
local C2B, C2B_IP = "api-telemetry.example", "198.51.100.202"    -- the other servers' beacons
local EXFIL, EXFIL_IP = "files.example", "198.51.100.150"

local SERVERS = { "his", "lis", "pacs", "dc", "backup" }
local CLINICAL = { "his", "lis", "pacs" }
local HOST = { his = "HIS-APP01/HIS-DB01", lis = "LIS01", pacs = "PACS01", dc = "DC01", backup = "BK01" }

-- ───────────────────────────── roles ─────────────────────────────
role { id = "lead",  name = { vi = "Trưởng nhóm ứng cứu", en = "Incident lead" },
       desc = { vi = "Điều phối, quyết định, báo cáo Giám đốc bệnh viện, Sở Y tế và cơ quan chức năng.",
                en = "Coordinates, decides, reports to the hospital director, the Department of Health and the authorities." } }
role { id = "soc",   name = { vi = "Chuyên viên giám sát (SOC)", en = "SOC analyst" },
       desc = { vi = "Phân loại cảnh báo, điều tra, thu thập chứng cứ, đánh giá dữ liệu bị đánh cắp.",
                en = "Triages alerts, investigates, collects evidence, assesses the stolen data." } }
role { id = "sys",   name = { vi = "Quản trị hệ thống (tổ CNTT bệnh viện)", en = "System administrators (hospital IT)" },
       desc = { vi = "Máy chủ HIS, LIS, PACS, AD, sao lưu: chứng cứ, dựng lại, khôi phục từ băng từ.",
                en = "HIS, LIS, PACS, AD and backup servers: evidence, rebuilds, restores from tape." } }
role { id = "net",   name = { vi = "Quản trị mạng", en = "Network administrator" },
       desc = { vi = "Tường lửa, cổng truy cập từ xa, cô lập tại switch, chặn chỉ dấu.",
                en = "Firewall, remote-access portal, isolation at the switch, blocking indicators." } }
role { id = "comms", name = { vi = "Phụ trách truyền thông", en = "Communications officer" },
       desc = { vi = "Thông tin cho người bệnh, người dân và báo chí.", en = "Patients, citizens and the press." } }
role { id = "clin",  name = { vi = "Đầu mối chuyên môn (Phòng Kế hoạch tổng hợp)", en = "Clinical liaison (medical planning office)" },
       desc = { vi = "Kích hoạt quy trình khám chữa bệnh khi hệ thống ngừng (bệnh án giấy, phiếu chỉ định giấy, "
                  .. "người chạy kết quả xét nghiệm), điều phối các khoa.",
                en = "Activates the clinical downtime procedures (paper records and orders, runners for lab results) "
                  .. "and coordinates the wards." } }

-- ───────────────────────────── assets ────────────────────────────
asset { id = "vpn", kind = "remote-access", level = 3, zone = "dmz",
        name = { vi = "Cổng truy cập từ xa cho các hãng phần mềm", en = "Vendors' remote-access portal" },
        desc = { vi = "Các hãng HIS và PACS hỗ trợ từ xa qua đây; tài khoản hỗ trợ dùng chung 'hisvendor' không có "
                   .. "MFA, luôn bật. Lịch hỗ trợ đã đăng ký nằm trong sổ thay đổi của tổ CNTT.",
                 en = "The HIS and PACS vendors support the hospital through it; the shared support account "
                   .. "'hisvendor' has no MFA and is always on. Scheduled support is in IT's change log." } }
asset { id = "his", kind = "application", level = 3, zone = "servers",
        name = { vi = "Hệ thống thông tin bệnh viện (HIS) — HIS-APP01, HIS-DB01", en = "Hospital information system (HIS)" },
        desc = { vi = "Bệnh án, chỉ định, đơn thuốc, viện phí, giám định BHYT. Chạy 24/7; khoa Cấp cứu và các khoa "
                   .. "nội trú dùng liên tục.",
                 en = "Records, orders, prescriptions, billing, health-insurance claims. 24/7; the emergency "
                   .. "department and the wards use it constantly." } }
asset { id = "lis", kind = "application", level = 3, zone = "servers",
        name = { vi = "Hệ thống xét nghiệm (LIS) — LIS01", en = "Laboratory information system (LIS)" } }
asset { id = "pacs", kind = "application", level = 3, zone = "servers",
        name = { vi = "Hệ thống lưu trữ và truyền hình ảnh (PACS) — PACS01", en = "Imaging archive (PACS)" } }
asset { id = "dc", kind = "directory", level = 3, zone = "servers",
        name = { vi = "Máy chủ quản lý miền (AD) — DC01", en = "Domain controller (AD) — DC01" } }
asset { id = "backup", kind = "backup", level = 3, zone = "servers",
        name = { vi = "Máy chủ sao lưu BK01 (kho sao lưu trực tuyến)", en = "Backup server BK01 (online repository)" },
        desc = { vi = "Gia nhập miền. Ngoài kho trực tuyến, bản sao lưu đầy đủ tối thứ Sáu được ghi ra băng từ LTO "
                   .. "cất trong két (ngoại tuyến).",
                 en = "Domain-joined. Besides the online repository, Friday night's full backup is written to LTO "
                   .. "tapes kept in a safe (offline)." } }
asset { id = "fw", kind = "firewall", level = 3, zone = "perimeter",
        name = { vi = "Tường lửa biên của bệnh viện", en = "Hospital perimeter firewall" },
        desc = { vi = "Nhật ký kết nối ra Internet 30 ngày; gửi cảnh báo tổng hợp về SOC tỉnh.",
                 en = "30 days of outbound connection logs; sends aggregated alerts to the provincial SOC." } }
link("fw", "vpn")
link("vpn", "his")
link("his", "lis")
link("his", "pacs")
link("his", "dc")
link("dc", "lis")
link("dc", "pacs")
link("dc", "backup")
link("fw", "his")

-- ───────────────────────────── reports ───────────────────────────
recipient { id = "owner", name = { vi = "Giám đốc Bệnh viện và Sở Y tế (chủ quản)",
                                   en = "Hospital director and the Department of Health (owner)" } }
recipient { id = "sector", name = { vi = "Bộ Y tế", en = "Ministry of Health" } }
audience { id = "patients", name = { vi = "Người bệnh và người nhà", en = "Patients and their families" } }

-- ───────────────────────────── signals ───────────────────────────
-- The attack (truth = true).
signal { id = "s_vendor", source = "vpn", severity = "low", asset = "vpn", truth = true,
         technique = "T1133",
         text = { vi = "Bản tin truy cập từ xa: tài khoản 'hisvendor' (hãng HIS) đăng nhập lúc 21:47 từ " .. VENDOR_IP
                    .. ", mở RDP tới HIS-APP01, phiên vẫn đang mở. Không có lịch hỗ trợ nào của hãng HIS tối nay.",
                  en = "Remote-access digest: account 'hisvendor' (HIS vendor) logged in at 21:47 from " .. VENDOR_IP
                    .. " and opened RDP to HIS-APP01; the session is still open. No HIS vendor support is scheduled tonight." } }
signal { id = "s_lsass", source = "edr", severity = "medium", asset = "his", truth = true,
         technique = "T1003.001",
         text = { vi = "EDR (cảnh báo lúc 22:05, chưa xử lý): tiến trình lạ đọc bộ nhớ LSASS trên HIS-APP01 — dấu hiệu "
                    .. "đánh cắp thông tin đăng nhập.",
                  en = "EDR (alert from 22:05, not handled): an unknown process read LSASS memory on HIS-APP01 — a "
                    .. "sign of credential theft." } }
signal { id = "s_rdp", source = "siem", severity = "high", asset = "dc", truth = true,
         technique = "T1021.001",
         text = { vi = "SIEM: tài khoản quản trị miền 'it.admin' đăng nhập RDP từ HIS-APP01 tới DC01, LIS01, PACS01 và "
                    .. "BK01 trong khoảng 22:28–22:41 — người quản trị này đang nghỉ phép.",
                  en = "SIEM: domain admin account 'it.admin' made RDP logins from HIS-APP01 to DC01, LIS01, PACS01 "
                    .. "and BK01 between 22:28 and 22:41 — that administrator is on leave." } }
signal { id = "s_egress", source = "firewall", severity = "high", asset = "his", truth = true,
         technique = "T1567.002",
         text = { vi = "Tường lửa: HIS-DB01 tải lên " .. EXFIL .. " (" .. EXFIL_IP .. ") khối lượng lớn qua HTTPS từ 22:50.",
                  en = "Firewall: HIS-DB01 has uploaded a large volume to " .. EXFIL .. " (" .. EXFIL_IP .. ") over "
                    .. "HTTPS since 22:50." } }
signal { id = "s_tamper", source = "edr", severity = "critical", asset = "dc", truth = true,
         technique = "T1562.001",
         text = { vi = "EDR: tác tử trên 5 máy chủ ngừng báo cáo cùng lúc sau khi chính sách nhóm mới 'EDR_Update' được "
                    .. "áp dụng từ DC01; trước đó có lệnh 'vssadmin delete shadows /all /quiet'.",
                  en = "EDR: the agents on 5 servers stopped reporting at once after a new group policy 'EDR_Update' "
                    .. "was pushed from DC01; 'vssadmin delete shadows /all /quiet' ran just before." } }
signal { id = "s_backup_del", source = "backup", severity = "critical", asset = "backup", truth = true,
         technique = "T1490",
         text = { vi = "Phần mềm sao lưu: toàn bộ kho sao lưu trực tuyến trên BK01 bị xoá bởi tài khoản 'svc_backup2'.",
                  en = "Backup software: the whole online repository on BK01 was deleted by the account 'svc_backup2'." } }
signal { id = "s_ransom", source = "edr", severity = "critical", asset = "his", truth = true,
         technique = "T1486",
         text = { vi = "Các tệp trên máy chủ bị đổi đuôi hàng loạt; tệp README_RESTORE.txt: 'Dữ liệu người bệnh của quý "
                    .. "vị đã ở chỗ chúng tôi. Liên hệ trong 72 giờ, nếu không chúng tôi công bố toàn bộ.' kèm một "
                    .. "địa chỉ liên lạc ẩn danh.",
                  en = "Files on the servers renamed en masse; README_RESTORE.txt: 'Your patients' data is with us. "
                    .. "Contact us within 72 hours or we publish everything.' with an anonymous contact address." } }
signal { id = "s_clinical", source = "phone", severity = "critical", asset = "his", truth = true,
         text = { vi = "Khoa Cấp cứu gọi: HIS báo lỗi, không xem được bệnh án, không gửi được chỉ định xét nghiệm, không "
                    .. "mở được phim chụp. Hai ca cấp cứu đang chờ.",
                  en = "The emergency department calls: the HIS shows errors, no records, lab orders cannot be sent, "
                    .. "images will not open. Two emergency cases are waiting." } }
signal { id = "s_diversion", source = "authority", severity = "critical", asset = "his", truth = true,
         text = { vi = "Sở Y tế: các khoa không có quy trình thay thế, chỉ định và kết quả bị thất lạc; yêu cầu chuyển "
                    .. "bệnh nhân cấp cứu sang các bệnh viện khác.",
                  en = "Department of Health: the wards have no fallback, orders and results are lost; emergency "
                    .. "patients are to be diverted to other hospitals." } }
signal { id = "s_knock", source = "vpn", severity = "medium", asset = "vpn", truth = true,
         technique = "T1133",
         text = { vi = "Cổng truy cập từ xa và tường lửa: các lần đăng nhập 'hisvendor' từ " .. VENDOR_IP .. " và kết "
                    .. "nối tới " .. C2 .. " liên tục bị từ chối.",
                  en = "Remote-access portal and firewall: logins as 'hisvendor' from " .. VENDOR_IP .. " and "
                    .. "connections to " .. C2 .. " keep being refused." } }
signal { id = "s_regain", source = "edr", severity = "high", asset = "dc", truth = true,
         technique = "T1003.001",
         text = { vi = "EDR: lại có tiến trình đọc bộ nhớ LSASS trên một máy chủ chưa được dựng lại, ngay sau khi các "
                    .. "tài khoản quản trị miền được đổi mật khẩu.",
                  en = "EDR: LSASS memory read again on a server not yet rebuilt, right after the domain admin "
                    .. "passwords were changed." } }
signal { id = "s_reenc", source = "edr", severity = "critical", asset = "his", truth = true,
         technique = "T1486",
         text = { vi = "Hệ thống vừa khôi phục lại bị mã hoá; tệp README_RESTORE.txt xuất hiện lần nữa.",
                  en = "The freshly restored system is encrypted again; README_RESTORE.txt is back." } }
signal { id = "s_leaksite", source = "vncert", severity = "critical", truth = true,
         technique = "T1657",
         text = { vi = "VNCERT/CC: nhóm tống tiền đưa Bệnh viện Đa khoa tỉnh lên trang công bố dữ liệu, tuyên bố giữ hồ "
                    .. "sơ người bệnh, kèm ảnh chụp vài bệnh án và đồng hồ đếm ngược.",
                  en = "VNCERT/CC: the extortion group has listed the provincial general hospital on its leak site, "
                    .. "claiming patient records, with screenshots of a few records and a countdown." } }
signal { id = "s_press", source = "press", severity = "high", truth = true,
         text = { vi = "Báo chí hỏi bệnh viện: có đúng dữ liệu người bệnh bị đánh cắp và hệ thống bị tê liệt không?",
                  en = "The press asks the hospital: is it true that patient data was stolen and the systems are down?" } }

-- False positives (truth = false).
signal { id = "s_fp_pacs", source = "vpn", severity = "low", asset = "vpn", truth = false,
         technique = "T1133",
         text = { vi = "Bản tin truy cập từ xa: tài khoản của hãng PACS đăng nhập lúc 21:30 từ " .. PACS_VENDOR_IP
                    .. " và khởi động lại dịch vụ lưu trữ ảnh.",
                  en = "Remote-access digest: the PACS vendor's account logged in at 21:30 from " .. PACS_VENDOR_IP
                    .. " and restarted the image archive service." } }
signal { id = "s_fp_backup", source = "monitoring", severity = "medium", asset = "backup", truth = false,
         technique = "T1074",
         text = { vi = "Giám sát hạ tầng: BK01 đọc 1,2 TB từ các máy chủ trong 1 giờ, I/O đĩa 98%.",
                  en = "Infrastructure monitoring: BK01 read 1.2 TB from the servers in an hour, disk I/O at 98%." } }
signal { id = "s_fp_lab", source = "lis", severity = "medium", asset = "lis", truth = false,
         text = { vi = "LIS: dịch vụ giao tiếp máy xét nghiệm sinh hoá khởi động lại 9 lần trong 30 phút.",
                  en = "LIS: the chemistry analyser interface service restarted 9 times in 30 minutes." } }

-- Everyday noise (every(3) below).
signal { id = "n_av", source = "endpoint", severity = "low", truth = false,
         text = { vi = "Phòng chống mã độc: chặn một USB chứa tệp autorun trên máy trạm khoa Dược.",
                  en = "Anti-malware: an autorun USB stick blocked on a pharmacy workstation." } }
signal { id = "n_ssh", source = "firewall", severity = "low", truth = false,
         text = { vi = "Tường lửa: 3.100 lần thử đăng nhập SSH từ 198.51.100.77, đều bị chặn.",
                  en = "Firewall: 3,100 SSH login attempts from 198.51.100.77, all blocked." } }
signal { id = "n_wifi", source = "network", severity = "low", truth = false,
         text = { vi = "Wi-Fi khách của bệnh viện: 412 thiết bị kết nối, gần ngưỡng của bộ điều khiển.",
                  en = "Hospital guest Wi-Fi: 412 devices connected, near the controller's limit." } }
signal { id = "n_ups", source = "monitoring", severity = "info", truth = false,
         text = { vi = "UPS phòng máy chủ tự kiểm tra pin định kỳ: đạt.", en = "Server room UPS scheduled battery self-test: passed." } }
signal { id = "n_mail", source = "mail-gateway", severity = "low", truth = false,
         text = { vi = "Cổng thư: chặn 210 thư rác trong 1 giờ.", en = "Mail gateway: 210 spam e-mails blocked in an hour." } }

-- ───────────────────────────── helpers ───────────────────────────
local function has(list, x)
  for _, v in ipairs(list or {}) do
    if v == x then return true end
  end
  return false
end

local function reachable(w, id)
  local A = w.asset[id]
  return A.online and not A.isolated
end

local function vpn_open(w)
  return not w.vars.vendor_cut and reachable(w, "vpn")
end

-- A beacon the attacker can still use: a compromised, connected server whose C2 is open
-- (HIS-APP01 calls the first C2, the servers reached later the second).
local function c2_open(w)
  local V = w.vars
  for _, s in ipairs(SERVERS) do
    local blocked = (s == "his") and V.c2_blocked or (s ~= "his" and V.c2b_blocked)
    if w.asset[s].compromised and reachable(w, s) and not blocked then return true end
  end
  return false
end

-- The vendor path is closed for good (account disabled or reset, portal rebuilt).
local function close_vendor(w, how)
  if w.vars.vendor_cut then return end
  w.vars.vendor_cut = true
  w:set("vpn", "compromised", false)
  w:set("vpn", "clean", true)
  w:reveal("vpn", "compromised")
  w:reveal("vpn", "clean", how)
end

-- Domain admin is safe again once the credentials are reset on a clean DC.
local function secure_domain(w)
  local V = w.vars
  V.da, V.ad_secured, V.da_regain_at = false, true, 0
end

local function access(w) return vpn_open(w) or c2_open(w) end

local function clinical_down(w)
  for _, s in ipairs(CLINICAL) do
    local A = w.asset[s]
    if A.encrypted or not A.online or A.isolated then return true end
  end
  return false
end

-- The clinical systems are running, clean, unencrypted and connected.
local function clinical_ok(w)
  for _, s in ipairs(CLINICAL) do
    local A = w.asset[s]
    if A.encrypted or A.compromised or not A.online or A.isolated then return false end
  end
  return true
end

-- "12.345" / "12,345".
local function nums(n)
  local s = tostring(math.floor(n))
  local function sep(c)
    local out = s:reverse():gsub("(%d%d%d)", "%1" .. c):reverse()
    if out:sub(1, 1) == c then out = out:sub(2) end
    return out
  end
  return { vi = sep("."), en = sep(",") }
end

local function gb(patients) return patients * 62 // TOTAL_PATIENTS end

local function post_leak(w)
  local V = w.vars
  if V.leak_posted or V.stolen == 0 then return end
  V.leak_posted, V.press_at = true, w.turn + 2
  w:log { vi = "Nhóm tống tiền công bố tên bệnh viện và mẫu dữ liệu trên trang rò rỉ.",
          en = "The extortion group posts the hospital's name and a data sample on its leak site." }
  w:signal("s_leaksite")
end

-- T1486: every server the attacker can reach with domain admin.
local function encrypt(w, list)
  local hit = {}
  for _, s in ipairs(list) do
    if reachable(w, s) and not w.asset[s].encrypted then
      w:set(s, "encrypted", true)
      hit[#hit + 1] = HOST[s]
    end
  end
  return hit
end

-- ───────────────────────────── the attacker's script ─────────────
at(1, function(w)
  local V = w.vars
  V.vendor_cut, V.c2_blocked, V.c2b_blocked, V.exfil_blocked, V.da, V.da_regain_at = false, false, false, false, true, 0
  V.stolen, V.staged, V.encrypted_any, V.foiled, V.no_access = PRE_DRILL, false, false, false, 0
  V.downtime, V.strain, V.care_failed, V.reenc_wait, V.reencrypted = false, 0, false, 0, false
  V.negotiated, V.neg_turn, V.leak_posted, V.press_at, V.regain_sent = false, 0, false, 0, false
  V.egress_known, V.assessed, V.assessed_count = false, false, 0
  V.a05_ok, V.police_ok, V.honest, V.ad_secured, V.changed_before_evidence = false, false, false, false, false
  V.repo_wiped, V.empty_try = false, false
  V.noise_left = { "n_av", "n_ssh", "n_wifi", "n_ups", "n_mail" }
  w:compromise("vpn", { technique = "T1133" })
  for _, s in ipairs(SERVERS) do
    w:compromise(s, { technique = s == "his" and "T1078" or "T1021.001" })
  end
  w:log { vi = "21:47 'hisvendor' vào qua cổng truy cập từ xa từ " .. VENDOR_IP .. "; 22:05 lấy thông tin đăng nhập "
            .. "quản trị miền trên HIS-APP01 (beacon tới " .. C2 .. "); 22:28 RDP tới DC01, LIS01, PACS01, BK01 và "
            .. "cài beacon tới " .. C2B .. "; 22:50 rclone trên HIS-DB01 bắt đầu tải dữ liệu người bệnh lên " .. EXFIL .. ".",
          en = "21:47 'hisvendor' comes in through the remote-access portal from " .. VENDOR_IP .. "; 22:05 domain "
            .. "admin credentials taken on HIS-APP01 (a beacon to " .. C2 .. "); 22:28 RDP to DC01, LIS01, PACS01, BK01 "
            .. "and beacons to " .. C2B .. "; 22:50 rclone on HIS-DB01 starts uploading patient data to " .. EXFIL .. "." }
  w:signal("s_vendor")
  w:signal("s_lsass")
  w:signal("s_fp_pacs")
end)

at(2, function(w)
  local g = gb(w.vars.stolen)
  w:signal("s_egress", { text = {
    vi = "Tường lửa: HIS-DB01 đã tải lên " .. EXFIL .. " (" .. EXFIL_IP .. ") khoảng " .. g .. " GB qua HTTPS từ 22:50 "
      .. "— gấp hàng trăm lần lưu lượng ra ngoài bình thường của máy chủ CSDL.",
    en = "Firewall: HIS-DB01 has uploaded about " .. g .. " GB to " .. EXFIL .. " (" .. EXFIL_IP .. ") over HTTPS since "
      .. "22:50 — hundreds of times the database server's normal outbound traffic." } })
  w:signal("s_rdp")
  w:signal("s_fp_backup")
end)
at(4, function(w) w:signal("s_fp_lab") end)

-- Every turn, at its start: the attacker, the upload, the wards.
every(1, function(w)
  local V, t = w.vars, w.turn
  local acc = access(w)
  if acc then V.no_access = 0 else V.no_access = V.no_access + 1 end

  -- Domain admin again from a server still under the attacker's control.
  if acc and not V.da then
    if V.da_regain_at == 0 then
      V.da_regain_at = t + REGAIN_DELAY
    elseif t >= V.da_regain_at then
      V.da, V.da_regain_at = true, 0
      w:log { vi = "Còn đường vào: kẻ tấn công lấy lại thông tin đăng nhập quản trị miền mới.",
              en = "A way in remains: the attacker dumps the new domain admin credentials." }
      if not V.regain_sent then V.regain_sent = true; w:signal("s_regain") end
    end
  elseif not acc then
    V.da_regain_at = 0
  end

  -- rclone keeps uploading on its own while HIS-DB01 can reach the Internet.
  if V.stolen < TOTAL_PATIENTS and w.asset.his.compromised and reachable(w, "his") and not V.exfil_blocked
     and not w.asset.his.encrypted then
    V.stolen = math.min(TOTAL_PATIENTS, V.stolen + EXFIL_RATE)
  end

  -- 01:30: blind the defenders, destroy the recovery options.
  if not V.staged and t >= STAGE_TURN and acc and V.da then
    V.staged = true
    w:log { vi = "Kẻ tấn công đẩy GPO 'EDR_Update' tắt EDR, xoá shadow copy trên mọi máy chủ.",
            en = "The attacker pushes the GPO 'EDR_Update' disabling EDR and deletes the shadow copies everywhere." }
    w:signal("s_tamper")
    if reachable(w, "backup") then
      V.repo_wiped = true
      w:log { vi = "Kho sao lưu trực tuyến trên BK01 bị xoá. Băng từ thứ Sáu trong két không bị ảnh hưởng.",
              en = "The online repository on BK01 is deleted. Friday's tapes in the safe are untouched." }
      w:signal("s_backup_del")
    end
  end

  -- 02:00: encryption, or a foiled attacker.
  if V.staged and not V.encrypted_any and not V.foiled and t >= ENCRYPT_TURN and acc and V.da then
    local hit = encrypt(w, SERVERS)
    if #hit > 0 then
      V.encrypted_any = true
      w:log { vi = "Mã hoá: " .. table.concat(hit, ", ") .. ". Thư đòi tiền chuộc đe doạ công bố dữ liệu người bệnh.",
              en = "Encryption: " .. table.concat(hit, ", ") .. ". The ransom note threatens to publish patient data." }
      w:signal("s_ransom")
      if clinical_down(w) then w:signal("s_clinical") end
    elseif not V.empty_try then
      V.empty_try = true
      w:log { vi = "Trình mã hoá chạy nhưng không với tới máy chủ nào (tất cả đã bị cô lập hoặc tắt); kẻ tấn công chờ.",
              en = "The encryptor runs but reaches no server (all isolated or off); the attacker waits." }
    end
  end
  if not V.encrypted_any and not V.foiled and t >= ENCRYPT_TURN and V.no_access >= FOIL_TURNS then
    V.foiled = true
    w:log { vi = "Mọi đường vào đã bị cắt: kẻ tấn công không chạy được trình mã hoá và bỏ cuộc — nhưng dữ liệu đã tải "
              .. "lên vẫn trong tay chúng.",
            en = "Every way in is cut: the attacker cannot launch the encryptor and gives up — but the uploaded data "
              .. "is still in its hands." }
    w:signal("s_knock")
  end

  -- A restored server the attacker can reach with domain admin is encrypted again.
  if V.encrypted_any and not V.reencrypted and acc and V.da then
    local back = {}
    for _, s in ipairs(CLINICAL) do
      local A = w.asset[s]
      if A.vars.restored and reachable(w, s) and not A.encrypted then back[#back + 1] = s end
    end
    if #back > 0 then
      V.reenc_wait = V.reenc_wait + 1
      if V.reenc_wait >= REENC_DELAY then
        encrypt(w, back)
        V.reencrypted = true
        w:log { vi = "Kẻ tấn công vẫn còn đường vào và quyền quản trị miền: hệ thống vừa khôi phục bị mã hoá lại.",
                en = "The attacker still has a way in and domain admin: the restored systems are encrypted again." }
        w:signal("s_reenc")
      end
    end
  end

  -- The wards: clinical systems down without downtime procedures.
  if clinical_down(w) and not V.downtime and not V.care_failed then
    V.strain = V.strain + 1
    if V.strain >= CARE_LIMIT then
      V.care_failed = true
      w:log { vi = "Không có quy trình thay thế: chỉ định, kết quả và bệnh án thất lạc; cấp cứu phải chuyển viện.",
              en = "No fallback: orders, results and records are lost; emergencies are diverted." }
      w:signal("s_diversion")
    end
  end

  -- Extortion: the leak-site post, earlier after a negotiation; the press follows.
  if t == LEAK_TURN or (V.negotiated and t > V.neg_turn) then post_leak(w) end
  if V.press_at > 0 and t == V.press_at then w:signal("s_press") end
end)

every(3, function(w)
  local left = w.vars.noise_left
  if #left > 0 and w:chance(0.6) then
    w:signal(table.remove(left, w:random(1, #left)))
  end
end)

-- ───────────────────────────── actions ───────────────────────────
-- Scenario verbs: "clin downtime", "net cut_vendor", "sys rebuild_ad", "soc assess_theft",
-- "lead negotiate".
action { id = "downtime", roles = { "clin", "lead" }, cost = 1, turns = 1, target = "none",
  label = { vi = "Kích hoạt quy trình khám chữa bệnh khi hệ thống ngừng", en = "Activate the clinical downtime procedures" },
  help = { vi = "Bệnh án và phiếu chỉ định giấy, người chạy kết quả xét nghiệm, đọc phim tại máy chụp, danh sách thuốc "
             .. "in sẵn; thông báo cho mọi khoa qua điện thoại nội bộ.",
           en = "Paper records and order forms, runners for lab results, images read at the modality, printed drug "
             .. "lists; every ward told by internal phone." },
  run = function(w, a)
    w.vars.downtime = true
    w:note { vi = "Các khoa chuyển sang quy trình giấy; Cấp cứu tiếp tục nhận bệnh. Kết quả xét nghiệm được chuyển tay.",
             en = "The wards switch to paper; the emergency department keeps admitting. Lab results go by hand." }
  end }

action { id = "cut_vendor", roles = { "net", "sys" }, cost = 1, turns = 1, target = "none",
  label = { vi = "Khoá tài khoản hãng và đóng cổng truy cập từ xa", en = "Disable the vendor account and close remote access" },
  help = { vi = "Vô hiệu hoá 'hisvendor', ngắt phiên đang mở, đóng cổng; các hãng chỉ hỗ trợ qua phiên có giám sát.",
           en = "Disable 'hisvendor', kill its open session, close the portal; vendors only work in supervised sessions." },
  run = function(w, a)
    close_vendor(w, { vi = "Tài khoản 'hisvendor' bị vô hiệu hoá, phiên RDP đang mở bị ngắt.",
                      en = "'hisvendor' disabled, its open RDP session killed." })
    w:note { vi = "Tài khoản 'hisvendor' bị vô hiệu hoá, phiên RDP đang mở bị ngắt, cổng truy cập từ xa đóng với mọi "
               .. "tài khoản hãng không có giám sát.",
             en = "'hisvendor' disabled, its open RDP session killed, the remote-access portal closed to every "
               .. "unsupervised vendor account." }
  end }

action { id = "rebuild_ad", roles = { "sys" }, cost = 2, turns = 4, target = "none",
  label = { vi = "Dựng lại dịch vụ miền (AD)", en = "Rebuild the directory (AD)" },
  help = { vi = "Đổi mật khẩu krbtgt hai lần, mọi tài khoản quản trị và dịch vụ; xoá tài khoản và GPO lạ; dựng lại "
             .. "DC01 từ bộ cài sạch (khoảng 2 giờ). Chỉ có tác dụng khi kẻ tấn công không còn đường vào.",
           en = "Reset krbtgt twice, every admin and service account; remove odd accounts and GPOs; rebuild DC01 "
             .. "from clean media (about 2 hours). Only works once the attacker has no way in." },
  run = function(w, a)
    local V = w.vars
    if w.asset.dc.compromised and not w.asset.dc.evidence then
      V.changed_before_evidence = true
      w:penalize("evidence_destroyed")
    end
    secure_domain(w)
    w:set("dc", "compromised", false)
    w:set("dc", "clean", true)
    w:set("dc", "encrypted", false)
    w:reveal("dc", "compromised")
    w:reveal("dc", "clean", { vi = "DC01 dựng lại sạch; mọi mật khẩu quản trị và krbtgt đã đổi.",
                              en = "DC01 rebuilt clean; every admin password and krbtgt reset." })
    w:reveal("dc", "encrypted")
  end }

action { id = "assess_theft", roles = { "soc" }, cost = 2, turns = 3, target = "none",
  label = { vi = "Đánh giá dữ liệu người bệnh bị đánh cắp", en = "Assess the stolen patient data" },
  help = { vi = "Đối chiếu nhật ký tường lửa, cấu hình rclone và bản xuất CSDL để biết bao nhiêu người bệnh và những "
             .. "loại dữ liệu nào đã ra ngoài (khoảng 1,5 giờ). Cần biết đích tải lên.",
           en = "Match firewall logs, the rclone configuration and the database export to learn how many patients "
             .. "and which data types left (about 1.5 hours). Needs the upload destination." },
  run = function(w, a)
    local V = w.vars
    if not V.egress_known then
      w:note { vi = "Chưa biết dữ liệu đi đâu: cần nhật ký tường lửa hoặc điều tra máy chủ HIS trước.",
               en = "Nobody knows where the data went: the firewall logs or an investigation of the HIS come first." }
      return
    end
    V.assessed, V.assessed_count = true, V.stolen
    local n = nums(V.stolen)
    w:note { vi = "Dữ liệu bị đánh cắp: khoảng " .. gb(V.stolen) .. " GB, hồ sơ của " .. n.vi .. " người bệnh — họ tên, "
               .. "số CCCD, số thẻ BHYT, địa chỉ, chẩn đoán, kết quả xét nghiệm (kể cả HIV, lao). Dữ liệu sức khoẻ là "
               .. "dữ liệu cá nhân nhạy cảm.",
             en = "Stolen: about " .. gb(V.stolen) .. " GB, the records of " .. n.en .. " patients — names, ID numbers, "
               .. "health-insurance numbers, addresses, diagnoses, lab results (HIV and TB included). Health data is "
               .. "sensitive personal data." }
  end }

action { id = "negotiate", roles = { "lead" }, cost = 1, turns = 1, target = "none",
  label = { vi = "Liên hệ nhóm tống tiền", en = "Contact the extortion group" },
  help = { vi = "Viết cho địa chỉ trong thư đòi tiền chuộc.", en = "Write to the address in the ransom note." },
  run = function(w, a)
    local V = w.vars
    V.negotiated, V.neg_turn = true, w.turn
    w:penalize("negotiated")
    w:note { vi = "Nhóm tống tiền đòi 40 BTC trong 48 giờ, gửi danh sách tệp làm 'bằng chứng' và tăng sức ép: chúng sẽ "
               .. "đăng mẫu dữ liệu ngay để 'chứng minh thiện chí'.",
             en = "The group asks 40 BTC within 48 hours, sends a file list as 'proof' and turns up the pressure: "
               .. "they will post a sample at once to 'show good faith'." }
  end }

-- Standard actions replaced for this scenario.
action { id = "restore", roles = { "sys" }, cost = 2, turns = 3,
  help = { vi = "Khôi phục từ băng từ ngoại tuyến (bản đầy đủ tối thứ Sáu), khoảng 1,5 giờ. Chỉ khôi phục lên máy chủ "
             .. "đã dựng lại sạch, khi miền đã an toàn.",
           en = "Restore from the offline tapes (Friday night's full backup), about 1.5 hours. Only onto a server "
             .. "rebuilt clean, once the domain is safe." },
  run = function(w, a)
    local V, A = w.vars, w.asset[a.target]
    if not has(SERVERS, a.target) then
      w:note { vi = "Không có dữ liệu nào của hệ thống này cần khôi phục từ băng từ.",
               en = "This system has no data to restore from tape." }
      return
    end
    if A.compromised or V.da then
      w:penalize("restore_before_eradicate")
      w:log { vi = "Khôi phục " .. HOST[a.target] .. " khi " .. (A.compromised and "máy chủ vẫn còn beacon"
                .. " của kẻ tấn công" or "kẻ tấn công vẫn giữ quyền quản trị miền") .. ".",
              en = "Restored " .. HOST[a.target] .. " while " .. (A.compromised and "the attacker's beacon is still on it"
                .. "" or "the attacker still holds domain admin") .. "." }
    end
    stdlib.run.restore(w, a)   -- (which shows the team its data back)
    w:note { vi = "Đã khôi phục " .. HOST[a.target] .. " từ băng từ tối thứ Sáu. Dữ liệu nhập từ thứ Bảy "
               .. "phải nhập lại từ hồ sơ giấy.",
             en = "Restored " .. HOST[a.target] .. " from Friday night's tapes. Data entered since Saturday "
               .. "must be re-entered from paper." }
  end }

action { id = "eradicate", roles = { "sys" }, cost = 2, turns = 2,
  help = { vi = "Dựng lại máy chủ từ bộ cài sạch, gỡ mọi beacon và công cụ của kẻ tấn công; dữ liệu đã mã hoá vẫn "
             .. "cần khôi phục.",
           en = "Rebuild the server from clean media, removing every beacon and tool; encrypted data still has to "
             .. "be restored." },
  run = function(w, a)
    local V, A = w.vars, w.asset[a.target]
    if (a.target == "his" or a.target == "dc") and A.compromised and not A.evidence then
      V.changed_before_evidence = true
      w:penalize("evidence_destroyed")
    end
    if a.target == "vpn" then
      close_vendor(w, { vi = "Cổng truy cập từ xa dựng lại; tài khoản hãng dùng chung bị xoá.",
                        en = "Remote-access portal rebuilt; the shared vendor account removed." })
      w:note { vi = "Cổng truy cập từ xa đã dựng lại; tài khoản 'hisvendor' bị xoá, hãng sẽ dùng tài khoản riêng có MFA.",
               en = "The remote-access portal is rebuilt; 'hisvendor' is gone, the vendor gets named accounts with MFA." }
      return
    end
    stdlib.run.eradicate(w, a)
    if has(SERVERS, a.target) then
      if w.asset[a.target].compromised then
        w:note { vi = "Đã dựng lại " .. HOST[a.target] .. " nhưng chưa ai xác định được beacon trên máy này; cần điều "
                   .. "tra lại.",
                 en = HOST[a.target] .. " rebuilt, but nobody identified the beacon on it; investigate again." }
      else
        if not w:knows(a.target, "compromised") then   -- (the standard sweep told of a known one)
          w:reveal(a.target, "compromised")
          w:reveal(a.target, "clean")
        end
        w:note { vi = HOST[a.target] .. " đã được dựng lại sạch." .. (A.encrypted and " Dữ liệu vẫn cần khôi phục từ băng từ."
                   or ""),
                 en = HOST[a.target] .. " rebuilt clean." .. (A.encrypted and " Its data still has to come back from tape."
                   or "") }
      end
    end
  end }

-- ───────────────────────────── consequences of standard actions ───
on("triage", function(w, a)
  if a.verdict and a.target == "s_egress" then w.vars.egress_known = true end
end)

-- Fog of war: what an investigation finds.
on("investigate", function(w, a)
  local V, t = w.vars, a.target
  if t == "vpn" then
    w:note { vi = "Cổng truy cập từ xa: hãng PACS đăng nhập 21:30 từ " .. PACS_VENDOR_IP .. " (có trong sổ thay đổi: "
               .. "khởi động lại dịch vụ). 'hisvendor' đăng nhập 21:47 từ " .. VENDOR_IP .. " — không có lịch, địa chỉ "
               .. "chưa từng dùng; phiên RDP tới HIS-APP01 kéo dài hơn 1 giờ.",
             en = "Remote-access portal: the PACS vendor logged in at 21:30 from " .. PACS_VENDOR_IP .. " (in the change "
               .. "log: a service restart). 'hisvendor' logged in at 21:47 from " .. VENDOR_IP .. " — unscheduled, an "
               .. "address never seen before; its RDP session to HIS-APP01 lasted over an hour." }
  elseif t == "his" then
    V.egress_known = true
    w:note { vi = "HIS: công cụ đọc LSASS trong C:\\ProgramData\\; beacon gọi " .. C2 .. " (" .. C2_IP .. ") mỗi 45 giây; "
               .. "rclone.exe với cấu hình tải lên " .. EXFIL .. " (" .. EXFIL_IP .. ") bản xuất CSDL người bệnh từ 22:50."
               .. (w.asset.his.encrypted and " Tệp dữ liệu bị mã hoá, có README_RESTORE.txt." or ""),
             en = "HIS: an LSASS dumping tool in C:\\ProgramData\\; a beacon calling " .. C2 .. " (" .. C2_IP .. ") every "
               .. "45 seconds; rclone.exe configured to upload a patient database export to " .. EXFIL .. " (" .. EXFIL_IP
               .. ") since 22:50." .. (w.asset.his.encrypted and " Data files encrypted, README_RESTORE.txt present." or "") }
  elseif t == "dc" then
    w:note { vi = "DC01: tài khoản mới 'svc_backup2' trong nhóm Domain Admins (tạo 22:31 bởi it.admin từ HIS-APP01); "
               .. "beacon tới " .. C2B .. " (" .. C2B_IP .. ")" .. (V.staged and "; GPO 'EDR_Update' tắt EDR trên toàn miền" or "")
               .. ". Miền đã bị chiếm: phải dựng lại (krbtgt hai lần) sau khi cắt mọi đường vào.",
             en = "DC01: a new account 'svc_backup2' in Domain Admins (created 22:31 by it.admin from HIS-APP01); a beacon "
               .. "to " .. C2B .. " (" .. C2B_IP .. ")" .. (V.staged and "; the GPO 'EDR_Update' disabling EDR domain-wide" or "") .. ". The domain "
               .. "is compromised: rebuild it (krbtgt twice) once every way in is cut." }
  elseif t == "lis" or t == "pacs" then
    if w.asset[t].compromised then
      w:note { vi = HOST[t] .. ": đăng nhập RDP của it.admin lúc 22:3x và beacon tới " .. C2B .. " (" .. C2B_IP .. ").",
               en = HOST[t] .. ": it.admin RDP login at 22:3x and a beacon to " .. C2B .. " (" .. C2B_IP .. ")." }
    end
    if t == "lis" then
      w:note { vi = "LIS: dịch vụ giao tiếp máy sinh hoá khởi động lại do lỗi trình điều khiển đã biết sau bản cập nhật "
                 .. "thứ Sáu — không liên quan đến kẻ tấn công.",
               en = "LIS: the chemistry interface restarts because of a known driver bug since Friday's update — not "
                 .. "the attacker." }
    end
  elseif t == "backup" then
    w:note { vi = "BK01: I/O cao lúc 23:30 là tác vụ sao lưu đầy đủ tổng hợp hằng tuần (đúng lịch) — cảnh báo sai."
               .. (w.asset.backup.compromised and " Nhưng máy có đăng nhập RDP của it.admin và beacon tới " .. C2B .. "." or "")
               .. (V.repo_wiped and " Kho sao lưu trực tuyến bị 'svc_backup2' xoá lúc 01:35; băng từ thứ Sáu trong két "
               .. "còn nguyên." or " Băng từ LTO tối thứ Sáu được cất trong két, ngoại tuyến."),
             en = "BK01: the 23:30 I/O is the weekly synthetic full backup (on schedule) — a false positive."
               .. (w.asset.backup.compromised and " But it has an it.admin RDP login and a beacon to " .. C2B .. "." or "")
               .. (V.repo_wiped and " The online repository was deleted by 'svc_backup2' at 01:35; Friday's tapes in "
               .. "the safe are intact." or " Friday night's LTO tapes are in the safe, offline.") }
  elseif t == "fw" then
    V.egress_known = true
    w:note { vi = "Tường lửa: " .. gb(V.stolen) .. " GB từ HIS-DB01 tới " .. EXFIL_IP .. " (" .. EXFIL .. ") từ 22:50"
               .. (V.exfil_blocked and " (đã bị chặn)" or "") .. "; kết nối đều đặn tới " .. C2_IP .. " (" .. C2
               .. ") từ HIS-APP01 và tới " .. C2B_IP .. " (" .. C2B .. ") từ DC01, LIS01, PACS01, BK01.",
             en = "Firewall: " .. gb(V.stolen) .. " GB from HIS-DB01 to " .. EXFIL_IP .. " (" .. EXFIL .. ") since 22:50"
               .. (V.exfil_blocked and " (now blocked)" or "") .. "; regular connections to " .. C2_IP .. " (" .. C2
               .. ") from HIS-APP01 and to " .. C2B_IP .. " (" .. C2B .. ") from DC01, LIS01, PACS01, BK01." }
  end
end)

on("block", function(w, a)
  local V = w.vars
  if a.target == C2 or a.target == C2_IP then
    V.c2_blocked = true
    w:log { vi = "Beacon tới " .. C2 .. " bị chặn tại biên.", en = "Beacons to " .. C2 .. " blocked at the perimeter." }
  elseif a.target == C2B or a.target == C2B_IP then
    V.c2b_blocked = true
    w:log { vi = "Beacon tới " .. C2B .. " bị chặn tại biên.", en = "Beacons to " .. C2B .. " blocked at the perimeter." }
  elseif a.target == EXFIL or a.target == EXFIL_IP then
    V.exfil_blocked = true
    w:log { vi = "Tải lên " .. EXFIL .. " bị chặn: rclone dừng với " .. nums(V.stolen).vi .. " hồ sơ đã ra ngoài.",
            en = "Uploads to " .. EXFIL .. " blocked: rclone stops with " .. nums(V.stolen).en .. " records out." }
  elseif a.target == VENDOR_IP then
    w:log { vi = "Chặn " .. VENDOR_IP .. ": kẻ tấn công có thể đăng nhập 'hisvendor' từ địa chỉ khác.",
            en = VENDOR_IP .. " blocked: the attacker can log in as 'hisvendor' from another address." }
  elseif a.target == PACS_VENDOR_IP then
    w:note { vi = "Đã chặn địa chỉ của hãng PACS — lượt đăng nhập của họ là hỗ trợ theo lịch.",
             en = "The PACS vendor's address is blocked — their login was scheduled support." }
  end
end)

on("collect_evidence", function(w, a)
  if not has(SERVERS, a.target) then return end
  local A = w.asset[a.target]
  w:note { vi = "Đã tạo bản sao bộ nhớ" .. (A.vars.memory_lost and " (đã mất do tắt máy)" or "") .. " và ổ đĩa của "
             .. HOST[a.target] .. ", tính mã băm, lập biên bản chuỗi lưu giữ chứng cứ (người thực hiện, giờ UTC+7, nơi cất).",
           en = "Memory" .. (A.vars.memory_lost and " (lost to the shutdown)" or "") .. " and disk images of "
             .. HOST[a.target] .. " taken, hashed, chain-of-custody record written (handler, time in UTC+7, place)." }
end)

on("shutdown", function(w, a)
  if has(SERVERS, a.target) and w.asset[a.target].vars.memory_lost then
    w:penalize("shutdown_instead_of_isolate")
    w:log { vi = "Tắt " .. HOST[a.target] .. ": khoá mã hoá, beacon và dấu vết trong bộ nhớ bị mất.",
            en = "Powered off " .. HOST[a.target] .. ": keys, beacons and traces in memory are lost." }
  end
end)

-- Resetting the vendor account closes that door; resetting the domain's privileged
-- credentials (krbtgt twice) takes the domain back — if DC01 itself is clean.
on("reset_credentials", function(w, a)
  if a.target == "vpn" then
    close_vendor(w, { vi = "Mật khẩu 'hisvendor' đã đổi, mọi phiên bị ngắt.",
                      en = "'hisvendor' password reset, every session ended." })
    w:note { vi = "Đã đổi mật khẩu và ngắt mọi phiên của tài khoản hãng 'hisvendor'.",
             en = "The vendor account 'hisvendor' has a new password and no session left." }
  elseif a.target == "dc" then
    if w.asset.dc.compromised then
      w:log { vi = "Đổi mật khẩu quản trị trong khi DC01 vẫn còn beacon: kẻ tấn công đọc được mật khẩu mới.",
              en = "Admin passwords reset while DC01 still has a beacon: the attacker reads the new ones." }
      w:note { vi = "Đã đổi mật khẩu các tài khoản quản trị miền.", en = "Domain admin passwords reset." }
    else
      secure_domain(w)
      w:note { vi = "Trên DC01 sạch: đổi krbtgt hai lần, mọi tài khoản quản trị và dịch vụ; xoá 'svc_backup2'.",
               en = "On the clean DC01: krbtgt reset twice, every admin and service account; 'svc_backup2' removed." }
    end
  end
end)

on("report", function(w, a)
  local V = w.vars
  if a.target == "a05" then
    if has(a.facts, "personal_data") and has(a.facts, "scope") and has(a.facts, "asset") and V.assessed then
      V.a05_ok = true
    else
      w:note { vi = "A05 đề nghị bổ sung: hệ thống, dữ liệu cá nhân (sức khoẻ) bị lộ và phạm vi — bao nhiêu người bệnh, "
                 .. "những loại dữ liệu nào (cần đánh giá dữ liệu bị đánh cắp).",
               en = "A05 asks for more: the system, the (health) personal data exposed and the scope — how many "
                 .. "patients, which data types (assess the stolen data)." }
    end
  elseif a.target == "police" and has(a.facts, "evidence") then
    if w.asset.his.evidence then
      V.police_ok = true
    else
      w:note { vi = "PA05 hỏi: bản sao bộ nhớ và ổ đĩa của máy chủ HIS, kèm biên bản, ở đâu?",
               en = "PA05 asks: where are the HIS server's memory and disk images, with the custody record?" }
    end
  end
end)

-- Statements to patients, citizens or press must say what happened; the
-- patients, whose records were taken, must also hear which data.
on("communicate", function(w, a)
  if a.target == "staff" then return end
  if has(a.facts, "impact") then
    w.vars.honest = true
    if a.target == "patients" and has(a.facts, "personal_data") then w.vars.patients_told = true end
  else
    w:penalize("understated_statement")
  end
end)

on("request_support", function(w, a)
  local V = w.vars
  if a.target == "vncert" then
    V.egress_known = true
    w:note { vi = "VNCERT/CC: nhóm tống tiền này đã tấn công hai bệnh viện trong khu vực, luôn vào qua tài khoản hãng. "
               .. "Chỉ dấu: " .. C2 .. ", " .. C2_IP .. ", " .. C2B .. ", " .. C2B_IP .. ", " .. EXFIL .. ", " .. EXFIL_IP .. ", tài khoản 'svc_backup2'. "
               .. "Khuyến nghị: cắt mọi đường vào trước khi dựng lại, khôi phục từ bản ngoại tuyến, không liên hệ nhóm.",
             en = "VNCERT/CC: this group hit two hospitals in the region, always through a vendor account. "
               .. "Indicators: " .. C2 .. ", " .. C2_IP .. ", " .. C2B .. ", " .. C2B_IP .. ", " .. EXFIL .. ", " .. EXFIL_IP .. ", account 'svc_backup2'. "
               .. "Advice: cut every way in before rebuilding, restore from offline copies, do not contact the group." }
  elseif a.target == "vendor" then
    w:note { vi = "Hãng HIS: không kỹ sư nào của hãng làm việc tối nay; mật khẩu tài khoản hỗ trợ dùng chung có thể đã "
               .. "lộ từ hệ thống của hãng. Hãng cử kỹ sư hỗ trợ khôi phục HIS từ băng từ.",
             en = "HIS vendor: none of its engineers worked tonight; the shared support password may have leaked from "
               .. "the vendor's own systems. It sends an engineer to help restore the HIS from tape." }
  end
end)

-- ───────────────────────────── scoring ───────────────────────────
-- Objectives: 100 points in all.
objective { id = "detect", capability = "detection", points = 5, by_turn = ENCRYPT_TURN - 1,
  label = { vi = "Xác nhận đúng dấu hiệu xâm nhập trước 02:00", en = "Confirm a real sign of the intrusion by 02:00" },
  explain = { vi = "Lượt đăng nhập ngoài lịch của 'hisvendor', cảnh báo LSASS chưa xử lý, RDP bằng tài khoản quản trị "
                .. "đang nghỉ phép và lưu lượng lớn ra ngoài là dấu hiệu thật; lượt của hãng PACS có trong lịch.",
              en = "The unscheduled 'hisvendor' login, the unhandled LSASS alert, RDP by an admin on leave and the large "
                .. "upload were real; the PACS vendor's login was scheduled." },
  met = function(w)
    return w:flagged("s_vendor") or w:flagged("s_lsass") or w:flagged("s_rdp") or w:flagged("s_egress")
  end }

objective { id = "cut_vendor", capability = "containment", points = 10, by_turn = ENCRYPT_TURN - 1,
  label = { vi = "Cắt kênh truy cập của hãng trước 02:00", en = "Cut the vendor's remote access by 02:00" },
  explain = { vi = "Tài khoản hỗ trợ dùng chung, không MFA, luôn bật là cửa vào. Cắt nó là bước đầu, nhưng chưa đủ: "
                .. "beacon trên các máy chủ vẫn là đường vào thứ hai.",
              en = "A shared, always-on support account without MFA was the door. Cutting it is the first step, not "
                .. "the last: the beacons on the servers are a second way in." },
  met = function(w) return not vpn_open(w) end }

objective { id = "downtime", capability = "recovery", points = 10, by_turn = ENCRYPT_TURN + 1,
  label = { vi = "Kích hoạt quy trình khám chữa bệnh khi hệ thống ngừng (trước 03:00)",
            en = "Activate the clinical downtime procedures (by 03:00)" },
  explain = { vi = "Người bệnh trước, máy chủ sau: bệnh án giấy, phiếu chỉ định giấy, người chạy kết quả giữ cho Cấp cứu "
                .. "hoạt động trong khi đội xử lý — như công ty xăng dầu năm 2024 bán hàng bằng phiếu giấy.",
              en = "Patients first, servers second: paper records, paper orders and runners keep the emergency "
                .. "department working while the team responds — as the fuel distributor sold on paper slips in 2024." },
  met = function(w) return w.vars.downtime or w.vars.foiled end }

objective { id = "contain", capability = "containment", points = 10, by_turn = ENCRYPT_TURN + 2,
  label = { vi = "Cắt mọi đường vào của kẻ tấn công trước 03:30", en = "Cut every way in by 03:30" },
  explain = { vi = "Đường vào gồm cổng của hãng và beacon trên mọi máy chủ bị chiếm — HIS gọi một máy chủ điều khiển, "
                .. "các máy chủ khác gọi một máy chủ thứ hai: khoá tài khoản hãng, chặn cả hai, hoặc cô lập tại switch "
                .. "(giữ máy chạy).",
              en = "The ways in were the vendor portal and the beacons on every compromised server — the HIS called one "
                .. "C2, the other servers a second one: disable the vendor account, block both, or isolate at the "
                .. "switch (keep hosts running)." },
  met = function(w) return not access(w) end }

objective { id = "evidence", capability = "evidence", points = 5,
  label = { vi = "Bản sao bộ nhớ và ổ đĩa của HIS và DC01 trước khi dựng lại", en = "Memory and disk images of the HIS and DC01 before rebuilding" },
  explain = { vi = "Bộ nhớ chứa beacon, khoá và lệnh của kẻ tấn công; tắt máy hay dựng lại trước khi sao chụp làm mất "
                .. "chúng và vụ tống tiền không có chứng cứ.",
              en = "Memory holds the beacon, keys and the attacker's commands; a shutdown or rebuild before imaging "
                .. "loses them and leaves the extortion case without evidence." },
  met = function(w)
    local H, D = w.asset.his, w.asset.dc
    return H.evidence and D.evidence and not H.vars.memory_lost and not D.vars.memory_lost
      and not w.vars.changed_before_evidence
  end }

objective { id = "rebuild", capability = "eradication", points = 5,
  label = { vi = "Giành lại dịch vụ miền: dựng lại AD, hoặc dựng lại DC01 rồi đổi mọi mật khẩu quản trị (krbtgt hai lần)",
            en = "Take the directory back: rebuild AD, or rebuild DC01 then reset every privileged credential (krbtgt twice)" },
  explain = { vi = "Kẻ tấn công giữ quyền quản trị miền: không giành lại AD thì mọi máy khôi phục đều có thể bị mã hoá "
                .. "lại. Đổi mật khẩu khi DC01 còn bị chiếm, hoặc khi còn đường vào, thì chúng lấy lại quyền ngay.",
              en = "The attacker held domain admin: without taking AD back every restored server can be encrypted "
                .. "again. Resetting while DC01 is still compromised, or while a way in remains, hands the rights "
                .. "straight back." },
  met = function(w) return w.vars.ad_secured and not w.vars.da end }

objective { id = "restore", capability = "recovery", points = 10, by_turn = 30,
  label = { vi = "HIS, LIS, PACS hoạt động lại, sạch, trước 15:00 Chủ Nhật", en = "HIS, LIS and PACS back, clean, by Sunday 15:00" },
  explain = { vi = "Thứ tự đúng: cắt đường vào → chứng cứ → dựng lại AD → dựng lại máy chủ → khôi phục từ băng từ ngoại "
                .. "tuyến theo ưu tiên lâm sàng (HIS, LIS, PACS) → kết nối lại.",
              en = "The right order: cut the ways in → evidence → rebuild AD → rebuild servers → restore from the offline "
                .. "tapes by clinical priority (HIS, LIS, PACS) → reconnect." },
  met = function(w) return (w.vars.encrypted_any or w.vars.foiled) and clinical_ok(w) end }

objective { id = "assess", capability = "analysis", points = 10,
  label = { vi = "Xác định dữ liệu người bệnh bị đánh cắp (số người, loại dữ liệu)", en = "Establish the stolen patient data (how many, which types)" },
  explain = { vi = "Tống tiền kép: kể cả khi không bị mã hoá hay đã khôi phục xong, dữ liệu đã ra ngoài. Quy mô quyết định "
                .. "thông báo A05, Bộ Y tế và người bệnh.",
              en = "Double extortion: even without encryption, or after a full recovery, the data is out. Its size "
                .. "drives the notices to A05, the Ministry of Health and the patients." },
  met = function(w) return w.vars.assessed end }

objective { id = "a05", capability = "reporting", points = 10, within_minutes = 4320,
  label = { vi = "Thông báo A05 (hệ thống, dữ liệu sức khoẻ, phạm vi) trong 72 giờ", en = "Notify A05 (asset, health data, scope) within 72 hours" },
  explain = { vi = "Dữ liệu sức khoẻ là dữ liệu cá nhân nhạy cảm; vi phạm phải thông báo A05 trong 72 giờ, với phạm vi "
                .. "đã đánh giá.",
              en = "Health data is sensitive personal data; the breach must be notified to A05 within 72 hours, with the "
                .. "assessed scope." },
  met = function(w) return w.vars.a05_ok end }

objective { id = "report_police", capability = "reporting", points = 5, within_minutes = 1440,
  label = { vi = "Chuyển Công an tỉnh (PA05) vụ tống tiền kèm chứng cứ", en = "Hand the extortion case, with evidence, to PA05" },
  explain = { vi = "Tống tiền và xâm nhập trái phép là tội phạm; giữ nguyên thư đòi tiền chuộc, bản sao máy chủ và biên bản.",
              en = "Extortion and intrusion are crimes; keep the ransom note, the server images and the custody record." },
  met = function(w) return w.vars.police_ok and w:reported { to = "police", facts = { "asset", "evidence" } } end }

objective { id = "report_vncert", capability = "reporting", points = 5, within_minutes = 600,
  label = { vi = "Báo cáo VNCERT/CC kèm chỉ dấu trước 10:00", en = "Report to VNCERT/CC, with indicators, by 10:00" },
  explain = { vi = "Nhóm này nhắm vào bệnh viện qua tài khoản hãng; chỉ dấu chia sẻ sớm giúp các bệnh viện khác dùng "
                .. "cùng hãng kịp khoá.",
              en = "This group targets hospitals through vendor accounts; indicators shared early let other hospitals "
                .. "with the same vendor lock down in time." },
  met = function(w) return w:reported { to = "vncert", facts = { "asset", "impact", "indicators" } } end }

objective { id = "report_sector", capability = "reporting", points = 5, within_minutes = 1440,
  label = { vi = "Báo cáo Bộ Y tế trong 24 giờ", en = "Report to the Ministry of Health within 24 hours" },
  explain = { vi = "Bộ Y tế cần biết về gián đoạn khám chữa bệnh và dữ liệu người bệnh bị lộ để chỉ đạo và cảnh báo ngành.",
              en = "The Ministry needs to know of the disruption to care and the patient data exposed, to direct and "
                .. "warn the sector." },
  met = function(w) return w:reported { to = "sector", facts = { "asset", "impact", "personal_data" } } end }

objective { id = "report_owner", capability = "reporting", points = 5, within_minutes = 120,
  label = { vi = "Báo cáo Giám đốc bệnh viện và Sở Y tế trước 02:00", en = "Report to the hospital director and the Department of Health by 02:00" },
  explain = { vi = "Giám đốc quyết định kích hoạt quy trình thay thế và chuyển viện; Sở Y tế là Ban Chỉ đạo của ngành ở tỉnh.",
              en = "The director decides on downtime procedures and diversion; the Department of Health leads the "
                .. "sector in the province." },
  met = function(w) return w:reported { to = "owner", facts = { "asset", "impact" } } end }

objective { id = "inform", capability = "communication", points = 5,
  label = { vi = "Thông tin trung thực cho người bệnh, nói rõ dữ liệu nào bị lộ", en = "Tell patients honestly, with the data exposed" },
  explain = { vi = "Người bệnh thấy quy trình giấy và nghe tin trên báo; nói rõ điều gì xảy ra, dữ liệu nào có thể bị lộ, "
                .. "và cảnh giác với lừa đảo — bài học của vụ công ty chứng khoán năm 2024.",
              en = "Patients see the paper forms and read the news; say what happened, what data may be exposed and "
                .. "to beware of fraud — the lesson of the 2024 securities-broker case." },
  met = function(w) return w.vars.honest and w.vars.patients_told end }

-- ───────────────────────────── metrics ───────────────────────────
-- What the review's times mean in this incident (the default rule would wait for every
-- compromised server to be cut off, and for servers rebuilt or kept apart to come back):
--   contained  the attacker has no way in left: the vendor portal closed and no
--              beacon on a connected server with its C2 open;
--   recovered  still no way in, the directory secured (no domain admin for the
--              attacker), and HIS, LIS and PACS clean, unencrypted and running.
metrics {
  contained = function(w) return not access(w) end,
  recovered = function(w) return not access(w) and not w.vars.da and clinical_ok(w) end,
}

-- Penalties (w:penalize is called from the hooks above).
penalty { id = "negotiated", capability = "coordination", points = 15,
  label = { vi = "Liên hệ, thương lượng với nhóm tống tiền", en = "Contacted, negotiated with the extortion group" },
  explain = { vi = "Cơ quan nhà nước không trả tiền chuộc; liên hệ chỉ giúp nhóm tăng sức ép (chúng đăng mẫu dữ liệu "
                .. "sớm hơn). Thư đòi tiền chuộc là chứng cứ cho Công an.",
              en = "A state body does not pay ransoms; contact only gave the group leverage (they posted a sample "
                .. "earlier). The ransom note is evidence for the police." } }
penalty { id = "restore_before_eradicate", capability = "recovery", points = 15,
  label = { vi = "Khôi phục khi máy chủ hoặc miền vẫn trong tay kẻ tấn công", en = "Restored onto a compromised server or domain" },
  explain = { vi = "Khôi phục lên máy chủ còn beacon, hoặc khi kẻ tấn công vẫn giữ quyền quản trị miền, là trao lại dữ "
                .. "liệu để chúng mã hoá lần nữa. Dựng lại AD và máy chủ trước.",
              en = "Restoring onto a server with a beacon, or while the attacker holds domain admin, hands the data "
                .. "back to be encrypted again. Rebuild AD and the servers first." } }
penalty { id = "understated_statement", capability = "communication", points = 10,
  label = { vi = "Thông báo công khai giảm nhẹ sự cố", en = "A public statement that understated the incident" },
  explain = { vi = "'Bảo trì hệ thống' khi dữ liệu người bệnh đã bị đánh cắp sẽ bị trang rò rỉ và báo chí bác bỏ.",
              en = "'System maintenance' while patient data has been stolen is refuted by the leak site and the press." } }
penalty { id = "shutdown_instead_of_isolate", capability = "containment", points = 5,
  label = { vi = "Tắt máy chủ bị chiếm thay vì cô lập", en = "Powered a compromised server off instead of isolating it" },
  explain = { vi = "Cô lập tại switch giữ máy chạy để lấy bộ nhớ; chỉ tắt khi không thể ngắt mạng.",
              en = "Isolation at the switch keeps the host running for the memory image; power off only when you "
                .. "cannot disconnect." } }
penalty { id = "evidence_destroyed", capability = "evidence", points = 5,
  label = { vi = "Dựng lại HIS hoặc DC01 trước khi sao chụp chứng cứ", en = "Rebuilt the HIS or DC01 before imaging it" },
  explain = { vi = "Sao chụp bộ nhớ và ổ đĩa, lập biên bản, rồi mới dựng lại.",
              en = "Image memory and disk, write the custody record, then rebuild." } }

-- Hints, taken in order with the `hint` action.
hint { from_turn = 1, cost = 3,
  text = { vi = "Có hai lượt đăng nhập của hãng: xem sổ thay đổi. Một cảnh báo LSASS chưa xử lý trên máy chủ HIS nghĩa "
             .. "là kẻ tấn công có thể đã có quyền quản trị miền. Kích hoạt ngay quy trình giấy cho các khoa.",
           en = "Two vendor logins: check the change log. An unhandled LSASS alert on the HIS server means the attacker "
             .. "may already hold domain admin. Activate the paper procedures for the wards now." } }
hint { from_turn = 2, cost = 5,
  text = { vi = "Khoá tài khoản hãng là chưa đủ, và thời gian không còn nhiều: nhật ký tường lửa cho thấy mọi máy chủ "
             .. "điều khiển và đích tải dữ liệu — chặn hết, hoặc cô lập các máy chủ tại switch (giữ máy chạy).",
           en = "Disabling the vendor account is not enough, and time is short: the firewall logs show every C2 and "
             .. "the upload destination — block them all, or isolate the servers at the switch (keep them running)." } }
hint { from_turn = 6, cost = 8,
  text = { vi = "Trước khi khôi phục: chứng cứ → dựng lại AD (khi không còn đường vào) → dựng lại từng máy chủ → khôi "
             .. "phục từ băng từ → kết nối lại. Đánh giá dữ liệu bị đánh cắp rồi thông báo A05 và Bộ Y tế. Không liên hệ "
             .. "nhóm tống tiền.",
           en = "Before restoring: evidence → rebuild AD (with no way in left) → rebuild each server → restore from "
             .. "tape → reconnect. Assess the stolen data, then notify A05 and the Ministry of Health. Do not contact "
             .. "the group." } }

-- ───────────────────────────── endings (order matters) ───────────
ending { id = "reencrypted",
  text = { vi = "Hệ thống vừa khôi phục bị mã hoá lần nữa: kẻ tấn công vẫn còn đường vào và quyền quản trị miền. Băng từ "
             .. "vẫn còn, nhưng thêm nhiều giờ gián đoạn. Cắt mọi đường vào và dựng lại AD trước khi khôi phục.",
           en = "The restored systems were encrypted again: the attacker still had a way in and domain admin. The "
             .. "tapes remain, but hours more of disruption lie ahead. Cut every way in and rebuild AD before restoring." },
  when = function(w) return w.vars.reencrypted end }

ending { id = "care_disrupted",
  text = { vi = "Hệ thống lâm sàng ngừng mà các khoa không có quy trình thay thế: Sở Y tế yêu cầu chuyển bệnh nhân cấp "
             .. "cứu sang bệnh viện khác. Trong sự cố ở bệnh viện, quy trình khám chữa bệnh khi hệ thống ngừng là việc đầu tiên.",
           en = "The clinical systems went down with no fallback in the wards: the Department of Health diverted "
             .. "emergencies to other hospitals. In a hospital incident, the clinical downtime procedures come first." },
  when = function(w) return w.vars.care_failed end }

ending { id = "prevented", success = true,
  text = { vi = "Mọi đường vào bị cắt trước khi kẻ tấn công kịp mã hoá; AD và các máy chủ lâm sàng đã sạch và hoạt động. "
             .. "Dữ liệu người bệnh đã ra ngoài vẫn là vi phạm phải thông báo: hoàn tất báo cáo, theo dõi trang rò rỉ "
             .. "cùng Công an, và bỏ tài khoản hãng dùng chung không MFA.",
           en = "Every way in was cut before the attacker could encrypt; AD and the clinical servers are clean and "
             .. "running. The patient data that left is still a breach to notify: finish the reports, watch the leak "
             .. "site with the police, and retire the shared vendor account without MFA." },
  when = function(w) return w.vars.foiled and not access(w) and not w.vars.da and clinical_ok(w) end }

ending { id = "recovered", success = true,
  text = { vi = "HIS, LIS và PACS đã được khôi phục từ băng từ ngoại tuyến lên máy chủ sạch, AD đã dựng lại, kẻ tấn công "
             .. "không còn đường vào. Nhập lại dữ liệu từ hồ sơ giấy, hoàn tất các báo cáo trong thời hạn và đưa bài học "
             .. "(MFA cho hãng, sao lưu ngoại tuyến, diễn tập quy trình giấy) vào kế hoạch cải tiến.",
           en = "HIS, LIS and PACS are restored from the offline tapes onto clean servers, AD is rebuilt and the attacker "
             .. "has no way in. Re-enter data from paper, finish the reports on time and put the lessons (vendor MFA, "
             .. "offline backups, downtime drills) into the improvement plan." },
  when = function(w) return w.vars.encrypted_any and not access(w) and not w.vars.da and clinical_ok(w) end }

-- ───────────────────────────── self-tests ────────────────────────
-- Turn arithmetic: 30-minute turns; an action queued in turn t with turns = k completes
-- at the end of turn t+k-1; each role has 3 action points per turn; one `end` ends a turn.

test { name = "textbook: cut every way in before 02:00", seed = 1, inputs = [[
# turn 1 (00:00): the vendor login, the LSASS alert and the PACS vendor's scheduled login
soc triage s_vendor true
soc triage s_lsass true
soc investigate fw
sys investigate his
sys collect_evidence his
sys collect_evidence dc
net cut_vendor
clin downtime
lead report owner --facts asset,impact
end
# turn 2 (00:30): both C2s and the upload blocked: no way in is left; take AD back
net block cdn-update.example
net block api-telemetry.example
net block 198.51.100.150
soc triage s_rdp true
soc triage s_fp_backup false
soc investigate lis
sys rebuild_ad
sys investigate pacs
lead report vncert --facts asset,impact,indicators
end
# turn 3 (01:00): how much left; rebuild the HIS server
soc assess_theft
soc triage s_egress true
sys eradicate his
lead report police --facts asset,impact,evidence,indicators
end
# turn 4 (01:30): the attacker cannot stage anything
sys eradicate lis
end
# turn 5 (02:00): no encryption — foiled
sys eradicate pacs
end
# turn 6 (02:30): the assessment is in: A05, the ministry, the patients
lead report a05 --facts asset,personal_data,scope,actions
lead report sector --facts asset,impact,personal_data
comms communicate patients --facts asset,impact,personal_data,actions
end
]], expect = { outcome = "prevented", score = 100,
               metrics = { detected_by = 30, contained_by = 60, recovered_by = 180 },
               objectives = { detect = true, cut_vendor = true, downtime = true, contain = true, evidence = true,
                              rebuild = true, restore = true, assess = true, a05 = true, report_police = true,
                              report_vncert = true, report_sector = true, report_owner = true, inform = true } } }

test { name = "encrypted, then recovered in the right order", seed = 2, inputs = [[
soc triage s_fp_pacs false
end
end
end
# turn 4 (01:30): EDR goes blind — too late to stop it
soc triage s_tamper true
end
# turn 5 (02:00): encrypted; paper procedures, cut the vendor, isolate at the switch
clin downtime
net cut_vendor
net isolate his
net isolate dc
sys isolate lis
sys isolate pacs
sys isolate backup
soc investigate his
lead report owner --facts asset,impact
end
# turn 6: images before anything changes
soc collect_evidence his
soc collect_evidence dc
soc investigate lis
sys investigate pacs
lead report vncert --facts asset,impact,indicators
end
# turn 7: rebuild AD (4 turns) and assess the theft (3 turns)
sys rebuild_ad
soc assess_theft
lead report police --facts asset,impact,evidence
end
sys eradicate his
end
sys eradicate lis
end
sys eradicate pacs
lead report a05 --facts asset,personal_data,scope
end
# turn 11: AD rebuilt (end of turn 10); restore by clinical priority
sys restore his
comms communicate patients --facts asset,impact,personal_data
lead report sector --facts asset,impact,personal_data
end
sys restore lis
end
sys restore pacs
end
end
end
# turn 16: reconnect
net reconnect his
net reconnect lis
net reconnect pacs
end
]], expect = { outcome = "recovered", score = 80,
               objectives = { detect = false, cut_vendor = false, downtime = true, contain = true, evidence = true,
                              rebuild = true, restore = true, assess = true, a05 = true, report_owner = false } } }

test { name = "restored with the vendor door open", seed = 3, inputs = [[
end
end
end
end
# turn 5 (02:00): encrypted; paper procedures at once, then a quick rebuild and restore
clin downtime
sys eradicate his
end
end
# turn 7: restore while the domain is still the attacker's
sys restore his
end
end
end
# turn 10: the HIS is back; two turns later it is encrypted again
end
end
]], expect = { outcome = "reencrypted", objectives = { downtime = true, evidence = false, rebuild = false },
               penalties = { "restore_before_eradicate", "evidence_destroyed" } } }

test { name = "eradicate DC01, then reset: the other way to take AD back", seed = 6, inputs = [[
soc triage s_lsass true
soc investigate fw
soc investigate dc
sys collect_evidence his
sys collect_evidence dc
net isolate vpn
clin downtime
end
# turn 2: both C2s blocked; rebuild DC01 first
net block cdn-update.example
net block api-telemetry.example
net block files.example
sys eradicate dc
sys investigate his
end
end
# turn 4 (01:30): DC01 is clean: now the privileged credentials (krbtgt twice)
sys reset_credentials dc
sys investigate lis
sys investigate pacs
end
sys eradicate his
end
sys eradicate lis
end
sys eradicate pacs
end
# turn 8: the portal stays isolated; the clinical servers are clean and running (foiled at 02:00)
end
]], expect = { outcome = "prevented", score = 55,
               objectives = { contain = true, rebuild = true, restore = true, cut_vendor = true, assess = false } } }

test { name = "idle team", seed = 4, inputs = string.rep("end\n", 12),
       expect = { outcome = "care_disrupted", score = 0, objectives = { downtime = false, contain = false },
                  metrics = { detected_by = false, contained_by = false, recovered_by = false } } }

test { name = "negotiating and playing it down", seed = 5, inputs = [[
end
end
end
end
# turn 5 (02:00): encrypted
clin downtime
sys shutdown his
net cut_vendor
end
# turn 6: the lead writes to the group; a 'maintenance' notice
lead negotiate
comms communicate press --facts asset
end
]] .. string.rep("end\n", 34),
       expect = { outcome = "timeout", max_score = 0, objectives = { downtime = true, restore = false },
                  penalties = { "negotiated", "understated_statement", "shutdown_instead_of_isolate" } } }
