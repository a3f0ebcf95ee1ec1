-- ransomware-datacenter.lua — ransomware on the provincial shared data centre
-- (scenario API v1).
--
-- Mã độc tống tiền tấn công Trung tâm dữ liệu dùng chung của tỉnh, làm tê liệt hệ
-- thống một cửa điện tử. Ransomware on the provincial shared data centre: the
-- one-stop public-service system goes down overnight.
--
-- ─────────────────────────────────────────────────────────────────────────────
-- FOR TRAINERS: THE PLOT (ground truth — players never see this part)
-- ─────────────────────────────────────────────────────────────────────────────
-- Based on outline 1 of the domain notes and on the public reports of 2024
-- (a securities broker, a fuel distributor, the national postal operator): the
-- attacker comes in through remote access, takes the directory, steals data,
-- disables recovery, then encrypts the virtual machines at night. The lessons
-- those cases taught: isolate at once without powering off, keep serving
-- citizens on paper, tell the truth, rebuild the directory before restoring.
--
-- One turn = 30 minutes; turn 1 starts at 23:00 on Sunday night. The one-stop
-- counters (Bộ phận một cửa) open at 07:30 on Monday (turn 18).
--
-- Before the drill: since Friday 23:10 the attacker has used the software
-- vendor's VPN maintenance account baotri.ncc (password from an infostealer
-- log, no MFA; the VPN profile reaches the whole management network) (T1133,
-- T1078). From the management jump server JMP-01 (RDP, T1021.001) it dumped the
-- credentials of an administrator who had logged in there (T1003.001), installed
-- a remote-desktop tool as a service calling relay.deskconnect.example /
-- 203.0.113.91 (T1219), and on Saturday night uploaded 41 GB of scanned citizen
-- dossiers (ID-card images included) from the file server FS-HOSO-01 to
-- files.megastore.example / 198.51.100.77 with rclone (T1567.002). The theft is
-- already done when the drill starts: the team can only find and scope it.
--
--   turn 1 23:00  VPN login of baotri.ncc from 203.0.113.58 (true). Same
--                 minute: an official's VPN login from a Hanoi hotel (false)
--                 and the Sunday full backup reading 2 TB (false).
--   turn 2 23:30  Weekly NetFlow report: 41 GB out from FS-HOSO-01 on Saturday
--                 (true, low severity — looks like an off-site backup).
--                 A new Domain Admin, svc_sqlbackup, created from JMP-01 (true).
--   turn 3 00:00  If the attacker is still in: NTDS.dit copied with ntdsutil
--                 (T1003.003). The monthly patch reboots take 3 EDR agents
--                 offline (false).
--   turn 4 00:30  If still in: a GPO disables the EDR on 14 servers (T1562.001,
--                 T1484.001).
--   turn 5 01:00  If the cluster is reachable by the attacker: SMB/WinRM storm
--                 from JMP-01 to the hypervisor hosts (T1021.002) — the cluster
--                 is compromised; failed logins on the backup console (the
--                 backup server is not domain-joined: it holds).
--   turn 6 01:30  If the attacker holds the cluster: shadow copies deleted on
--                 23 VMs (T1490).
--   turn 7 02:00  If the attacker can still reach the cluster: every VM is
--                 encrypted (T1486): the one-stop system, the document system,
--                 the file server. A ransom note follows, threatening to publish.
--                 (An attacker who finds the cluster cut off waits, and strikes
--                 the first turn the cluster is reachable again.)
--   turn 18 07:30 Counters open: if neither the one-stop system nor a paper
--                 workaround serves citizens, they are turned away; a queue is
--                 reported, then the press; after 4 such turns: counters_closed.
--   turn 22 09:30 The group lists the province on its leak site with sample ID
--                 cards (if the team never scoped the theft: penalty).
--
-- "The attacker is in" means one of its paths is open:
--   VPN path  the VPN gateway is up and not patched (patch = firmware + MFA),
--             unless the vendor account was reset AND the directory rebuilt
--             (with the old directory, svc_sqlbackup works on the VPN too);
--   RAT path  the remote-desktop service is on JMP-01, JMP-01 is up, and its
--             relay was not blocked.
-- The cluster is exposed when it is up (powered, not isolated) and the attacker
-- is in. Isolating the cluster at the switch is the fastest containment.
--
-- After an encryption, a restored VM the attacker can reach is encrypted again
-- two turns later (ending "reencrypted"). Rebuilding the directory while the
-- attacker is still in fails: a new admin account appears at once.
--
-- Endings (checked in this order at the end of every turn):
--   reencrypted      restored systems encrypted a second time;
--   counters_closed  citizens turned away for 4 turns (2 hours) from 07:30;
--   prevented        no encryption; the one-stop system serves, the directory is
--                    rebuilt and the attacker is out (success);
--   recovered        encrypted, then restored onto a rebuilt directory with the
--                    attacker out (success);
--   timeout          (automatic) after turn 34 (16:00 Monday).
--
-- Fog of war (on("investigate") below): vpn (the vendor account, the flaw),
-- jump (the remote-desktop tool, the dumping tool, rclone and its folder list),
-- dc (svc_sqlbackup, the NTDS copy, the EDR GPO), fw (NetFlow: the 41 GB and the
-- relay), fileshare (what was read, while not encrypted), backup (the immutable
-- copy holds), hyperv. The theft is scoped when the team knows both where the
-- data went (fw) and what it was (jump or fileshare). request_support vncert
-- gives the group's indicators (the relay, so the tool is found).
--
-- Scoring (100): detect 5, contain by 02:00 15, evidence 10, scope the theft 5,
-- eradicate 10, rebuild the directory 10, serve citizens at 07:30 10, one-stop
-- back by 14:00 10, escalate to owner and steering 5, VNCERT/CC 5, police with
-- evidence 5, A05 notice 5, honest statement 5. Penalties: powered off 10,
-- evidence destroyed 10 (twice at most), compromised channel 5, restored onto a
-- compromised directory 15, restored before eradicating 10, credentials not
-- rotated 5, theft ignored 10, understated statement 10, contacted the attacker
-- 15. Hints cost 3, 5, 5.
--
-- Self-tests (bottom): textbook night (prevented, 100), woke at 02:00
-- (recovered), restored onto the old directory (reencrypted), reopened the VPN
-- (reencrypted), idle team (counters_closed), paper only (timeout), sloppy night.
--
-- Tuning knobs: the turn constants below. Keep documentation addresses
-- (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24) and example domains.
-- ─────────────────────────────────────────────────────────────────────────────

scenario {
  id = "ransomware-datacenter", version = 2, api = 1,
  title = {
    vi = "Mã độc tống tiền tấn công Trung tâm dữ liệu dùng chung, tê liệt hệ thống một cửa điện tử",
    en = "Ransomware on the provincial shared data centre: the one-stop system goes down",
  },
  summary = {
    vi = "23:00 Chủ nhật, ca trực SOC thấy tài khoản bảo trì của nhà thầu đăng nhập VPN từ nước "
      .. "ngoài. Trung tâm dữ liệu dùng chung của tỉnh vận hành hệ thống một cửa điện tử, hệ thống "
      .. "quản lý văn bản và kho hồ sơ số hoá (hệ thống cấp độ 3). Đội ứng cứu sự cố phải ngăn chặn "
      .. "trước khi bị mã hoá, giữ chứng cứ, xác định dữ liệu bị lấy cắp, dựng lại hệ thống quản lý "
      .. "miền, khôi phục theo thứ tự ưu tiên, bảo đảm người dân vẫn nộp được hồ sơ lúc 07:30 và báo "
      .. "cáo đúng cơ quan, đúng hạn.",
    en = "23:00 on Sunday: the SOC night shift sees the vendor's maintenance account log in to the "
      .. "VPN from abroad. The province's shared data centre runs the one-stop public-service "
      .. "system, the document-management system and the scanned-dossier store (level-3 systems). "
      .. "The team must contain before encryption, keep evidence, scope the data theft, rebuild the "
      .. "directory, restore by priority, keep citizens served when the counters open at 07:30, and "
      .. "report to the right bodies on time.",
  },
  difficulty = "advanced",
  turn_minutes = 30, max_turns = 34, action_points = 2, start_time = "23:00",
  attack = { "T1133", "T1078", "T1021.001", "T1003.001", "T1219", "T1567.002", "T1136.002",
             "T1098", "T1003.003", "T1562.001", "T1484.001", "T1021.002", "T1490", "T1486" },
  deadlines = { owner = 240, steering = 300, vncert = 720, police = 720 },
}

-- Tuning knobs (turn numbers: turn t starts at 23:00 + (t-1) x 30 min).
local NTDS_TURN    = 3    -- 00:00 the directory database is copied
local EDR_TURN     = 4    -- 00:30 EDR disabled by GPO
local HV_TURN      = 5    -- 01:00 the attacker moves onto the hypervisor hosts
local VSS_TURN     = 6    -- 01:30 shadow copies deleted
local ENC_TURN     = 7    -- 02:00 encryption
local OPEN_TURN    = 18   -- 07:30 the one-stop counters open
local AWAY_LIMIT   = 4    -- turns of citizens turned away before counters_closed
local LEAK_TURN    = 22   -- 09:30 the leak-site post
local REENC_DELAY  = 2    -- reachable turns before a restored VM is encrypted again
local RESTORE_BY   = 30   -- 14:00 the one-stop system back in service

-- Indicators (documentation addresses and example domains only).
local VPN_IP, VPN_IP2 = "203.0.113.58", "198.51.100.140"
local RAT_IP, RAT_DOMAIN = "203.0.113.91", "relay.deskconnect.example"
local EXFIL_IP, EXFIL_DOMAIN = "198.51.100.77", "files.megastore.example"

-- The virtual machines on the cluster, in restore priority order.
local VMS = { "motcua", "qlvb", "fileshare" }

-- Short names used in notes.
local NAME = {
  motcua = { vi = "hệ thống một cửa", en = "the one-stop system" },
  qlvb = { vi = "hệ thống quản lý văn bản", en = "the document system" },
  fileshare = { vi = "kho hồ sơ FS-HOSO-01", en = "the dossier store FS-HOSO-01" },
  jump = { vi = "JMP-01", en = "JMP-01" },
  dc = { vi = "máy chủ miền DC-01", en = "domain controller DC-01" },
  hyperv = { vi = "các máy chủ ảo hoá", en = "the hypervisor hosts" },
}

-- ───────────────────────────── roles ─────────────────────────────
role { id = "lead",  name = { vi = "Trưởng nhóm ứng cứu", en = "Incident lead" },
       desc = { vi = "Điều phối đội, quyết định, báo cáo cơ quan chủ quản, Ban Chỉ đạo và cơ quan chức năng.",
                en = "Coordinates, decides, reports to the owner, the steering committee and the authorities." } }
role { id = "soc",   name = { vi = "Chuyên viên giám sát (SOC)", en = "SOC analyst" },
       desc = { vi = "Ca trực SOC: phân loại cảnh báo, điều tra, thu thập chứng cứ.",
                en = "The SOC shift: triage, investigation, evidence." } }
role { id = "sys",   name = { vi = "Quản trị hệ thống", en = "System administrator" },
       desc = { vi = "Máy chủ, hệ thống quản lý miền (AD), cụm ảo hoá, sao lưu và khôi phục.",
                en = "Servers, the directory (AD), the virtualisation cluster, backup and restore." } }
role { id = "net",   name = { vi = "Quản trị mạng", en = "Network administrator" },
       desc = { vi = "Switch lõi, tường lửa, VPN: cô lập, chặn địa chỉ.",
                en = "Core switches, firewall, VPN: isolation and blocking." } }
role { id = "comms", name = { vi = "Phụ trách truyền thông và một cửa", en = "Communications and one-stop desk" },
       desc = { vi = "Văn phòng UBND tỉnh, Trung tâm Phục vụ hành chính công: người dân, báo chí, phương án hồ sơ giấy.",
                en = "The People's Committee office and the public-service centre: citizens, press, the paper workaround." } }

-- ───────────────────────────── assets ────────────────────────────
asset { id = "vpn", kind = "vpn", level = 3, zone = "perimeter",
        name = { vi = "Cổng VPN của Trung tâm dữ liệu", en = "Data-centre VPN gateway" },
        desc = { vi = "VPN SSL cho quản trị viên và nhà thầu bảo trì; xác thực bằng tài khoản miền hoặc tài "
                   .. "khoản cục bộ, chưa bắt buộc xác thực đa yếu tố.",
                 en = "SSL VPN for administrators and maintenance vendors; domain or local accounts, "
                   .. "multi-factor authentication not enforced." } }
asset { id = "jump", kind = "server", level = 3, zone = "management",
        name = { vi = "Máy chủ quản trị trung gian JMP-01", en = "Management jump server JMP-01" },
        desc = { vi = "Điểm vào vùng quản trị: quản trị viên và nhà thầu RDP vào đây rồi mới tới các máy chủ.",
                 en = "The way into the management zone: admins and vendors RDP here, then to the servers." } }
asset { id = "dc", kind = "directory", level = 3, zone = "internal",
        name = { vi = "Hệ thống quản lý miền (Active Directory) DC-01, DC-02",
                 en = "Directory (Active Directory) DC-01, DC-02" },
        desc = { vi = "Xác thực cho mọi máy chủ, thư điện tử công vụ và VPN.",
                 en = "Authentication for every server, official e-mail and the VPN." } }
asset { id = "hyperv", kind = "hypervisor", level = 3, zone = "datacenter",
        name = { vi = "Cụm máy chủ ảo hoá (3 máy chủ vật lý, khoảng 60 máy ảo)",
                 en = "Virtualisation cluster (3 hosts, about 60 VMs)" },
        desc = { vi = "Chạy máy ảo của hệ thống một cửa, quản lý văn bản, kho hồ sơ số hoá. Cô lập được "
                   .. "tại switch lõi mà máy vẫn chạy.",
                 en = "Runs the VMs of the one-stop system, the document system and the dossier store. Can be "
                   .. "isolated at the core switch while it keeps running." } }
asset { id = "motcua", kind = "application", level = 3, zone = "datacenter",
        name = { vi = "Hệ thống thông tin giải quyết thủ tục hành chính tỉnh (một cửa điện tử, Cổng Dịch vụ công)",
                 en = "Provincial administrative-procedure system (one-stop desk, public-service portal)" },
        desc = { vi = "Tiếp nhận, xử lý, trả kết quả hồ sơ của người dân và doanh nghiệp; ưu tiên khôi phục số 1.",
                 en = "Receives, processes and returns citizens' and businesses' applications; restore priority 1." } }
asset { id = "qlvb", kind = "application", level = 3, zone = "datacenter",
        name = { vi = "Hệ thống quản lý văn bản và điều hành", en = "Document-management system" },
        desc = { vi = "Văn bản đi, đến của các sở, ngành; ưu tiên khôi phục số 2.",
                 en = "Incoming and outgoing documents of the departments; restore priority 2." } }
asset { id = "fileshare", kind = "file", level = 3, zone = "datacenter",
        name = { vi = "Kho hồ sơ số hoá FS-HOSO-01", en = "Scanned-dossier store FS-HOSO-01" },
        desc = { vi = "Bản quét hồ sơ thủ tục hành chính 2023–2025, gồm ảnh căn cước công dân; ưu tiên khôi phục số 3.",
                 en = "Scans of administrative dossiers 2023–2025, ID-card images included; restore priority 3." } }
asset { id = "backup", kind = "backup", level = 3, zone = "backup",
        name = { vi = "Máy chủ sao lưu BK-01 và kho lưu trữ bất biến", en = "Backup server BK-01 and immutable store" },
        desc = { vi = "Không tham gia miền; sao lưu toàn bộ máy ảo lúc 21:00 hằng ngày, bản sao khoá không xoá được 14 ngày.",
                 en = "Not domain-joined; backs up every VM at 21:00 daily, copies locked against deletion for 14 days." } }
asset { id = "fw", kind = "firewall", level = 3, zone = "perimeter",
        name = { vi = "Tường lửa biên và nhật ký luồng (NetFlow)", en = "Perimeter firewall and flow logs (NetFlow)" },
        desc = { vi = "Ghi lại mọi luồng ra Internet; báo cáo lưu lượng hằng tuần gửi SOC tối Chủ nhật.",
                 en = "Records every flow to the Internet; the weekly traffic report reaches the SOC on Sunday night." } }
link("fw", "vpn")
link("vpn", "jump")
link("jump", "dc")
link("jump", "hyperv")
link("dc", "hyperv")
link("hyperv", "motcua")
link("hyperv", "qlvb")
link("hyperv", "fileshare")
link("hyperv", "backup")
link("fileshare", "fw")

-- ───────────────────────────── signals ───────────────────────────
-- The attack (truth = true).
signal { id = "s_vpn", source = "vpn", severity = "medium", asset = "vpn", truth = true,
         technique = "T1133",
         text = { vi = "VPN: tài khoản baotri.ncc (nhà thầu phần mềm một cửa) đăng nhập lúc 22:47 từ "
                    .. VPN_IP .. " — dải địa chỉ của một nhà cung cấp máy chủ ở nước ngoài; phiên đang mở, "
                    .. "đã RDP tới JMP-01.",
                  en = "VPN: the account baotri.ncc (the one-stop software vendor) logged in at 22:47 from "
                    .. VPN_IP .. " — a foreign hosting provider's range; the session is open and has "
                    .. "RDP'd to JMP-01." } }
signal { id = "s_flow", source = "netflow", severity = "low", asset = "fileshare", truth = true,
         technique = "T1567.002",
         text = { vi = "Báo cáo lưu lượng tuần (tự động): máy gửi nhiều nhất là FS-HOSO-01 — 41 GB tới "
                    .. EXFIL_IP .. ":443 từ 23:10 thứ Bảy đến 03:05 Chủ nhật.",
                  en = "Weekly traffic report (automatic): top sender FS-HOSO-01 — 41 GB to " .. EXFIL_IP
                    .. ":443 from 23:10 Saturday to 03:05 Sunday." } }
signal { id = "s_newadmin", source = "ad-audit", severity = "medium", asset = "dc", truth = true,
         technique = "T1136.002",
         text = { vi = "Nhật ký AD: tài khoản mới svc_sqlbackup được tạo lúc 23:14 và thêm vào nhóm Domain "
                    .. "Admins bởi admin.tt, từ máy JMP-01.",
                  en = "AD audit: new account svc_sqlbackup created at 23:14 and added to Domain Admins by "
                    .. "admin.tt, from JMP-01." } }
signal { id = "s_ntds", source = "edr", severity = "high", asset = "dc", truth = true,
         technique = "T1003.003",
         text = { vi = "EDR trên DC-01: lệnh 'ntdsutil \"ac i ntds\" \"ifm\" \"create full C:\\ProgramData\\t\"' "
                    .. "chạy bằng svc_sqlbackup — sao chép cơ sở dữ liệu mật khẩu của toàn miền.",
                  en = "EDR on DC-01: 'ntdsutil \"ac i ntds\" \"ifm\" \"create full C:\\ProgramData\\t\"' "
                    .. "run as svc_sqlbackup — a copy of the whole domain's password database." } }
signal { id = "s_edr", source = "edr", severity = "high", asset = "dc", truth = true,
         technique = "T1562.001",
         text = { vi = "Bảng điều khiển EDR: 14 máy chủ ngừng gửi dữ liệu trong 3 phút; chính sách chống "
                    .. "can thiệp bị tắt bởi GPO mới 'EDR-Maintenance' do svc_sqlbackup tạo.",
                  en = "EDR console: 14 servers stopped reporting within 3 minutes; tamper protection turned "
                    .. "off by a new GPO 'EDR-Maintenance' created by svc_sqlbackup." } }
signal { id = "s_smb", source = "ids", severity = "high", asset = "hyperv", truth = true,
         technique = "T1021.002",
         text = { vi = "IDS vùng quản trị: JMP-01 mở hơn 2.000 kết nối SMB/WinRM tới 3 máy chủ ảo hoá và 58 "
                    .. "máy ảo trong 10 phút; tệp svchost_upd.exe được chép vào ADMIN$.",
                  en = "Management-zone IDS: JMP-01 opened 2,000+ SMB/WinRM connections to the 3 hypervisor "
                    .. "hosts and 58 VMs in 10 minutes; svchost_upd.exe copied to ADMIN$." } }
signal { id = "s_bklogin", source = "backup", severity = "low", asset = "backup", truth = true,
         technique = "T1078",
         text = { vi = "Máy chủ sao lưu BK-01: 6 lần đăng nhập thất bại vào giao diện quản trị bằng "
                    .. "'TINH\\svc_sqlbackup' (BK-01 không tham gia miền).",
                  en = "Backup server BK-01: 6 failed console logins as 'TINH\\svc_sqlbackup' (BK-01 is "
                    .. "not domain-joined)." } }
signal { id = "s_vss", source = "edr", severity = "critical", asset = "hyperv", truth = true,
         technique = "T1490",
         text = { vi = "EDR (các máy còn gửi dữ liệu): 'vssadmin delete shadows /all /quiet' và 'wbadmin "
                    .. "delete catalog' chạy trên 23 máy ảo trong 2 phút.",
                  en = "EDR (the hosts still reporting): 'vssadmin delete shadows /all /quiet' and 'wbadmin "
                    .. "delete catalog' ran on 23 VMs within 2 minutes." } }
signal { id = "s_encrypt", source = "monitoring", severity = "critical", asset = "motcua", truth = true,
         technique = "T1486",
         text = { vi = "Giám sát hạ tầng: 58 máy ảo ngừng phản hồi; hàng nghìn tệp bị đổi đuôi thành "
                    .. ".lkd9 trên kho dữ liệu của cụm ảo hoá; hệ thống một cửa điện tử và Cổng Dịch vụ công báo lỗi 503.",
                  en = "Infrastructure monitoring: 58 VMs stopped answering; thousands of files renamed to "
                    .. ".lkd9 on the cluster's datastores; the one-stop system and the public-service portal "
                    .. "return 503." } }
signal { id = "s_note", source = "monitoring", severity = "high", asset = "motcua", truth = true,
         technique = "T1486",
         text = { vi = "Trên màn hình quản trị của cụm ảo hoá: tệp README-RESTORE.txt — 'Dữ liệu của các "
                    .. "bạn đã bị mã hoá và 41 GB hồ sơ đã được tải về. Liên hệ support@lockdown-help.example "
                    .. "trong 72 giờ, nếu không dữ liệu sẽ bị công bố.'",
                  en = "On the cluster's management console: README-RESTORE.txt — 'Your data is encrypted and "
                    .. "41 GB of files were downloaded. Contact support@lockdown-help.example within 72 hours "
                    .. "or the data will be published.'" } }
signal { id = "s_vpn2", source = "vpn", severity = "medium", asset = "vpn", truth = true,
         technique = "T1078",
         text = { vi = "VPN: tài khoản miền svc_sqlbackup đăng nhập từ " .. VPN_IP2 .. " — vài phút sau khi "
                    .. "tài khoản baotri.ncc bị vô hiệu hoá.",
                  en = "VPN: the domain account svc_sqlbackup logged in from " .. VPN_IP2 .. " — minutes "
                    .. "after baotri.ncc was disabled." } }
signal { id = "s_newadmin2", source = "ad-audit", severity = "high", asset = "dc", truth = true,
         technique = "T1098",
         text = { vi = "Nhật ký AD (hệ thống vừa dựng lại): tài khoản sql_agent2 được thêm vào Domain Admins "
                    .. "từ JMP-01 chưa đầy một giờ sau khi dựng lại.",
                  en = "AD audit (the rebuilt directory): account sql_agent2 added to Domain Admins from "
                    .. "JMP-01 less than an hour after the rebuild." } }
signal { id = "s_reencrypt", source = "monitoring", severity = "critical", asset = "motcua", truth = true,
         technique = "T1486",
         text = { vi = "Giám sát hạ tầng: các máy ảo vừa khôi phục LẠI bị mã hoá; đuôi .lkd9 xuất hiện trở lại.",
                  en = "Infrastructure monitoring: the freshly restored VMs are encrypted AGAIN; the .lkd9 "
                    .. "extension is back." } }
signal { id = "s_queue", source = "phone", severity = "high", asset = "motcua", truth = true,
         text = { vi = "Trung tâm Phục vụ hành chính công: hơn 80 người dân xếp hàng, quầy không tiếp nhận được "
                    .. "hồ sơ vì hệ thống một cửa không truy cập được và không có hướng dẫn nào.",
                  en = "Public-service centre: 80+ citizens queuing; the counters cannot take applications "
                    .. "because the one-stop system is unreachable and nobody has said what to do." } }
signal { id = "s_press", source = "press", severity = "high", asset = "motcua", truth = true,
         text = { vi = "Báo điện tử đưa tin 'Dịch vụ công của tỉnh tê liệt từ sáng' kèm ảnh hàng người chờ; "
                    .. "phóng viên đề nghị Văn phòng UBND tỉnh trả lời.",
                  en = "An online newspaper runs 'Province's public services down since morning' with photos "
                    .. "of the queue; the reporter asks the People's Committee office for comment." } }
signal { id = "s_leak", source = "threat-intel", severity = "critical", asset = "fileshare", truth = true,
         technique = "T1567.002",
         text = { vi = "Tin báo từ mạng lưới ứng cứu: trang công bố dữ liệu của nhóm tống tiền đăng tên tỉnh, "
                    .. "kèm 20 ảnh căn cước công dân làm mẫu và đồng hồ đếm ngược.",
                  en = "Tip from the response network: the extortion group's leak site lists the province, "
                    .. "with 20 sample ID-card images and a countdown." } }

-- False positives (truth = false).
signal { id = "s_vpn_trip", source = "vpn", severity = "medium", asset = "vpn", truth = false,
         technique = "T1078",
         text = { vi = "VPN: tài khoản của một Phó Giám đốc Sở đăng nhập lúc 22:58 từ mạng Wi-Fi một khách sạn "
                    .. "ở Hà Nội — lần đầu từ địa điểm này.",
                  en = "VPN: a deputy director's account logged in at 22:58 from a Hanoi hotel's Wi-Fi — the "
                    .. "first time from this place." } }
signal { id = "s_backupjob", source = "ids", severity = "medium", asset = "fileshare", truth = false,
         technique = "T1005",
         text = { vi = "IDS nội bộ: BK-01 đọc 2,1 TB từ FS-HOSO-01 và 40 máy ảo từ 23:00, băng thông 9 Gbps "
                    .. "— vượt ngưỡng 'truy cập dữ liệu hàng loạt'.",
                  en = "Internal IDS: BK-01 reading 2.1 TB from FS-HOSO-01 and 40 VMs since 23:00 at 9 Gbps "
                    .. "— over the 'mass data access' threshold." } }
signal { id = "s_reboot", source = "edr", severity = "medium", asset = "qlvb", truth = false,
         text = { vi = "EDR: 3 máy chủ của hệ thống quản lý văn bản mất kết nối 6 phút rồi kết nối lại.",
                  en = "EDR: 3 document-system servers lost contact for 6 minutes, then came back." } }
signal { id = "s_ups", source = "facility", severity = "medium", asset = "hyperv", truth = false,
         text = { vi = "Hệ thống giám sát phòng máy: UPS số 2 chuyển sang chạy pin 40 giây rồi trở lại điện lưới.",
                  en = "Server-room monitoring: UPS 2 ran on battery for 40 seconds, then back on mains." } }

-- Everyday noise, at random moments (every(3) below).
signal { id = "n_ssh", source = "firewall", severity = "low", truth = false,
         text = { vi = "Tường lửa: chặn 3.100 lần dò SSH và RDP từ Internet trong giờ qua (như mọi đêm).",
                  en = "Firewall: blocked 3,100 SSH and RDP probes from the Internet in the last hour (as every night)." } }
signal { id = "n_spam", source = "mail-gateway", severity = "low", truth = false,
         text = { vi = "Cổng thư: chặn 520 thư rác và 4 thư đính kèm mã độc gửi tới hộp thư công vụ.",
                  en = "Mail gateway: blocked 520 spam and 4 malicious-attachment e-mails to official mailboxes." } }
signal { id = "n_ddos", source = "isp", severity = "low", truth = false,
         text = { vi = "ISP: một đợt UDP flood 0,8 Gbps trong 3 phút nhắm vào DNS của tỉnh đã được lọc ở thượng nguồn.",
                  en = "ISP: a 0.8 Gbps, 3-minute UDP flood against the province's DNS was filtered upstream." } }
signal { id = "n_cert", source = "monitoring", severity = "info", truth = false,
         text = { vi = "Chứng chỉ TLS của vpn.tinh.example hết hạn sau 25 ngày.",
                  en = "The TLS certificate of vpn.tinh.example expires in 25 days." } }
signal { id = "n_av", source = "endpoint", severity = "low", truth = false,
         text = { vi = "Phòng chống mã độc: cách ly phần mềm quảng cáo trên một máy trạm của Sở Tài chính; quét lại sạch.",
                  en = "Anti-malware: adware quarantined on a Department of Finance workstation; the rescan is clean." } }
signal { id = "n_dns", source = "dns", severity = "low", truth = false,
         text = { vi = "DNS nội bộ: một máy trạm phân giải 40 tên miền quảng cáo bị chặn theo danh sách đen.",
                  en = "Internal DNS: a workstation resolved 40 ad domains blocked by the blocklist." } }

-- ───────────────────────────── helpers ───────────────────────────
local function has(list, x)
  for _, v in ipairs(list or {}) do
    if v == x then return true end
  end
  return false
end

local function up(w, id)
  local A = w.asset[id]
  return A.online and not A.isolated
end

-- The attacker's ways in (see the plot above).
local function vpn_open(w)
  local V = w.vars
  return up(w, "vpn") and not w.asset.vpn.patched and not (V.vpn_reset and V.ad_clean)
end
local function rat_open(w)
  local V = w.vars
  return V.rat and up(w, "jump") and not V.rat_blocked
end
local function attacker_in(w) return vpn_open(w) or rat_open(w) end

-- The cluster can be hit: it runs, it is connected, and the attacker is in.
local function exposed(w) return up(w, "hyperv") and attacker_in(w) end

-- The one-stop system serves citizens.
local function serving(w)
  local M = w.asset.motcua
  return up(w, "hyperv") and M.online and not M.isolated and not M.encrypted
end

-- The attacker is evicted, not just kept out: the remote-desktop tool removed,
-- the VPN fixed (patched, or the vendor account gone), the directory rebuilt.
local function evicted(w)
  local V = w.vars
  return not V.rat and (w.asset.vpn.patched or V.vpn_reset) and V.ad_clean
end

-- Serving, evicted, and no way in left open.
local function service_ok(w)
  return serving(w) and evicted(w) and not attacker_in(w)
end

local function check_scope(w)
  local V = w.vars
  if V.theft_known and V.folders_known and not V.theft_scoped then
    V.theft_scoped = true
    w:note { vi = "Đã xác định phạm vi dữ liệu bị lấy: 41 GB, khoảng 18.400 bộ hồ sơ thủ tục hành chính "
               .. "2023–2025 (có ảnh căn cước công dân — dữ liệu cá nhân nhạy cảm), tải lên "
               .. EXFIL_DOMAIN .. " (" .. EXFIL_IP .. ") đêm thứ Bảy. Phải thông báo A05 trong 72 giờ.",
             en = "The theft is scoped: 41 GB, about 18,400 administrative dossiers 2023–2025 (with "
               .. "ID-card images — sensitive personal data), uploaded to " .. EXFIL_DOMAIN .. " ("
               .. EXFIL_IP .. ") on Saturday night. A05 must be notified within 72 hours." }
  end
end

-- T1486: every VM on the cluster is encrypted.
local function encrypt(w)
  local V = w.vars
  if not w.asset.hyperv.compromised then w:compromise("hyperv", { technique = "T1021.002" }) end
  for _, id in ipairs(VMS) do
    w:set(id, "encrypted", true)
    w:reveal(id, "encrypted")
  end
  V.enc_count = V.enc_count + 1
  if V.enc_count == 1 then
    V.note_at = w.turn + 1
    w:log { vi = "Lúc " .. w:clock() .. ", từ JMP-01, kẻ tấn công chạy mã độc mã hoá trên cả ba máy chủ "
              .. "ảo hoá: kho dữ liệu của 58 máy ảo bị mã hoá.",
            en = "At " .. w:clock() .. ", from JMP-01, the attacker runs the encryptor on all three "
              .. "hypervisor hosts: the datastores of 58 VMs are encrypted." }
    w:signal("s_encrypt")
  else
    V.reencrypted = true
    w:log { vi = "Kẻ tấn công vẫn còn đường vào và mã hoá lại các máy ảo vừa khôi phục.",
            en = "The attacker still has a way in and encrypts the freshly restored VMs again." }
    w:signal("s_reencrypt")
  end
end

-- ───────────────────────────── the attacker's script ─────────────
at(1, function(w)
  local V = w.vars
  V.rat, V.rat_blocked, V.rat_known, V.vpn_reset, V.ad_clean = true, false, false, false, false
  V.vpn_known, V.dc_known, V.backup_known, V.ntds, V.edr_off, V.vss = false, false, false, false, false, false
  V.enc_count, V.reencrypted, V.back_in, V.note_at = 0, false, 0, 0
  V.theft_known, V.folders_known, V.theft_scoped = false, false, false
  V.ev, V.ev_bad, V.memory_lost = { jump = false, dc = false, hyperv = false }, false, false
  V.paper, V.oob, V.honest, V.away = false, false, false, 0
  V.police_evidence, V.a05_ok, V.vpn2_sent, V.rebuild_failed = false, false, false, false
  V.noise_left = { "n_ssh", "n_spam", "n_ddos", "n_cert", "n_av", "n_dns" }
  w:compromise("vpn", { technique = "T1133" })
  w:compromise("jump", { technique = "T1021.001" })
  w:compromise("dc", { technique = "T1078" })
  w:compromise("fileshare", { technique = "T1567.002" })
  w:log { vi = "Từ tối thứ Sáu, kẻ tấn công dùng tài khoản VPN baotri.ncc (mật khẩu lộ qua mã độc đánh cắp "
            .. "thông tin, không có MFA), RDP vào JMP-01, lấy mật khẩu quản trị viên admin.tt, cài dịch vụ "
            .. "điều khiển từ xa gọi về " .. RAT_DOMAIN .. ", và đêm thứ Bảy đã tải 41 GB hồ sơ số hoá ra "
            .. EXFIL_DOMAIN .. ".",
          en = "Since Friday night the attacker has used the VPN account baotri.ncc (password leaked by an "
            .. "infostealer, no MFA), RDP'd to JMP-01, taken the admin.tt password, installed a "
            .. "remote-desktop service calling " .. RAT_DOMAIN .. ", and on Saturday night uploaded 41 GB "
            .. "of scanned dossiers to " .. EXFIL_DOMAIN .. "." }
  w:signal("s_vpn")
  w:signal("s_vpn_trip")
  w:signal("s_backupjob")
end)

at(2, function(w)
  w:signal("s_flow")
  w:signal("s_newadmin")
end)

at(3, function(w) w:signal("s_reboot") end)      -- patch reboots: a false positive
at(9, function(w) w:signal("s_ups") end)         -- a UPS self-test: a false positive

-- Every turn, at its start: what the attacker does, and what the world notices.
every(1, function(w)
  local V, t = w.vars, w.turn

  -- The vendor account is gone but the old directory still works on the VPN.
  if V.vpn_reset and not V.vpn2_sent and not V.ad_clean and up(w, "vpn") and not w.asset.vpn.patched then
    V.vpn2_sent = true
    w:signal("s_vpn2")
  end

  if t == NTDS_TURN and attacker_in(w) then
    V.ntds = true
    w:log { vi = "svc_sqlbackup sao chép NTDS.dit bằng ntdsutil: kẻ tấn công có mã băm mật khẩu của mọi "
              .. "tài khoản miền, kể cả krbtgt.",
            en = "svc_sqlbackup copies NTDS.dit with ntdsutil: the attacker has every domain password hash, "
              .. "krbtgt included." }
    w:signal("s_ntds")
  end
  if t == EDR_TURN and attacker_in(w) then
    V.edr_off = true
    w:signal("s_edr")
  end
  if t == HV_TURN then
    if attacker_in(w) then w:signal("s_bklogin") end
    if exposed(w) then
      w:compromise("hyperv", { technique = "T1021.002" })
      w:signal("s_smb")
    end
  end
  if t == VSS_TURN and exposed(w) and w.asset.hyperv.compromised then
    V.vss = true
    w:signal("s_vss")
  end

  -- Encryption: at 02:00, or the first turn after it that the cluster is exposed.
  if t >= ENC_TURN and exposed(w) then
    if V.enc_count == 0 then
      encrypt(w)
    else
      local target = false
      for _, id in ipairs(VMS) do
        local A = w.asset[id]
        if A.vars.restored and not A.encrypted then target = true end
      end
      if target and not V.reencrypted then
        V.back_in = V.back_in + 1
        if V.back_in >= REENC_DELAY then
          if V.ad_clean then w:penalize("restore_before_eradicate") end
          encrypt(w)
        end
      end
    end
  end
  if V.note_at == t then w:signal("s_note") end

  -- From 07:30 citizens come to the counters.
  if t >= OPEN_TURN and not (V.paper or serving(w)) then
    V.away = V.away + 1
    if V.away == 1 then w:signal("s_queue") end
    if V.away == 2 then w:signal("s_press") end
  end
  if t == OPEN_TURN and V.paper and not serving(w) then
    w:note { vi = "07:30: các quầy một cửa tiếp nhận hồ sơ giấy theo phương án dự phòng; người dân được hẹn "
               .. "ngày trả kết quả.",
             en = "07:30: the one-stop counters take paper applications under the workaround; citizens get "
               .. "a date for their results." }
  end

  if t == LEAK_TURN then
    w:signal("s_leak")
    if not V.theft_scoped then w:penalize("ignored_theft") end
  end
end)

-- Everyday noise: every third turn, maybe one of the remaining noise signals.
every(3, function(w)
  local left = w.vars.noise_left
  if #left > 0 and w:chance(0.6) then
    w:signal(table.remove(left, w:random(1, #left)))
  end
end)

-- Back in service with the vendor account never rotated.
when(function(w) return service_ok(w) and not w.vars.vpn_reset end,
     function(w) w:penalize("credentials_not_rotated") end)

-- ───────────────────────────── actions ───────────────────────────
action { id = "oob_channel", roles = { "lead" }, cost = 1, turns = 1, target = "none",
         label = { vi = "Lập kênh liên lạc dự phòng ngoài hệ thống bị xâm nhập",
                   en = "Set up an out-of-band channel" },
         help = { vi = "Điện thoại và nhóm nhắn tin lập riêng cho đội, không dùng thư công vụ hay tài khoản miền "
                    .. "mà kẻ tấn công đang kiểm soát.",
                  en = "Phones and a separate messaging group for the team, not the official mail or domain "
                    .. "accounts the attacker controls." },
         run = function(w, a)
           w.vars.oob = true
           w:note { vi = "Đội chuyển sang kênh dự phòng: điện thoại và nhóm nhắn tin riêng; thư công vụ chỉ dùng "
                      .. "lại khi hệ thống miền đã được dựng lại.",
                    en = "The team moves to the out-of-band channel: phones and a separate group; official mail "
                      .. "only once the directory is rebuilt." }
         end }

action { id = "paper_intake", roles = { "comms", "lead" }, cost = 1, turns = 2, target = "none",
         label = { vi = "Triển khai phương án tiếp nhận hồ sơ giấy", en = "Set up the paper workaround" },
         help = { vi = "Mẫu phiếu tiếp nhận, sổ theo dõi, hẹn trả kết quả; hướng dẫn Trung tâm Phục vụ hành chính "
                    .. "công và cấp xã. Cần hai lượt để chuẩn bị.",
                  en = "Receipt forms, a log book, result dates; instructions to the public-service centre "
                    .. "and the communes. Takes two turns to prepare." },
         run = function(w, a)
           w.vars.paper = true
           w:note { vi = "Phương án hồ sơ giấy sẵn sàng: quầy một cửa tiếp nhận bằng phiếu giấy, nhập lại vào hệ "
                      .. "thống khi khôi phục xong.",
                    en = "The paper workaround is ready: counters take paper receipts, re-entered once the "
                      .. "system is back." }
         end }

action { id = "rebuild_ad", roles = { "sys" }, cost = 2, turns = 4, target = "none",
         label = { vi = "Dựng lại hệ thống quản lý miền (AD)", en = "Rebuild the directory (AD)" },
         help = { vi = "Dựng máy chủ miền mới trong vùng cách ly, xoá tài khoản lạ, đổi mật khẩu krbtgt hai lần "
                    .. "và mọi tài khoản quản trị, đặt lại chính sách nhóm. Bốn lượt (2 giờ).",
                  en = "New domain controllers in an isolated segment, rogue accounts removed, krbtgt reset "
                    .. "twice with every admin account, group policy reviewed. Four turns (2 hours)." },
         run = function(w, a)
           local V = w.vars
           if not V.ev.dc then
             V.ev_bad = true
             w:penalize("evidence_destroyed")
           end
           -- The attacker still inside takes the new directory at once.
           if rat_open(w) or (up(w, "vpn") and not w.asset.vpn.patched and not V.vpn_reset) then
             w:compromise("dc", { technique = "T1098" })
             if V.rebuild_failed then        -- a second failed rebuild: same alert, new id
               w:signal("s_newadmin2", { id = "s_newadmin2_t" .. w.turn })
             else
               w:signal("s_newadmin2")
             end
             V.rebuild_failed = true
             w:note { vi = "Đã dựng lại hệ thống miền, nhưng chưa đầy một giờ đã có tài khoản quản trị lạ mới: "
                        .. "kẻ tấn công vẫn còn đường vào. Cắt mọi đường vào trước, rồi dựng lại.",
                      en = "The directory was rebuilt, but within the hour a new rogue admin appears: the "
                        .. "attacker still has a way in. Cut every way in first, then rebuild." }
             return
           end
           V.ad_clean = true
           local fs_known = w:knows("fileshare", "compromised")
           w:set("fileshare", "compromised", false)   -- only stolen admin sessions were used there
           if fs_known then w:reveal("fileshare", "compromised") end
           w:set("dc", "compromised", false)
           w:set("dc", "clean", true)
           w:set("dc", "isolated", false)
           w:reveal("dc", "compromised")
           w:reveal("dc", "clean", { vi = "Hệ thống miền mới đã hoạt động: không còn svc_sqlbackup, krbtgt và mọi "
                                       .. "mật khẩu quản trị đã đổi; máy chủ phải gia nhập lại miền mới.",
                                     en = "The new directory is up: svc_sqlbackup gone, krbtgt and every admin "
                                       .. "password changed; servers must rejoin the new domain." })
         end }

action { id = "contact_attacker", roles = { "lead" }, cost = 1, turns = 1, target = "none",
         label = { vi = "Liên hệ nhóm tống tiền", en = "Contact the extortion group" },
         help = { vi = "Gửi thư tới địa chỉ trong thư đòi tiền chuộc.", en = "Write to the address in the ransom note." },
         run = function(w, a)
           w:penalize("contacted_attacker")
           w:note { vi = "Nhóm tống tiền trả lời sau 10 phút: 'Giá là 25 BTC, giảm 20% nếu trả trong 48 giờ.' Họ "
                      .. "giờ biết có người đang đọc và sẽ gây sức ép.",
                    en = "The group answers in 10 minutes: '25 BTC, 20% off if paid within 48 hours.' They now "
                      .. "know someone is reading and will push." }
         end }

-- Standard actions replaced for this scenario.
action { id = "eradicate", roles = { "sys" }, cost = 2, turns = 2,
         run = function(w, a)
           local V, id = w.vars, a.target
           if (id == "jump" or id == "hyperv") and w.asset[id].compromised and not V.ev[id] then
             V.ev_bad = true
             w:penalize("evidence_destroyed")
           end
           if id == "jump" then
             if V.rat and not (V.rat_known or w:knows("jump", "compromised")) then
               -- Without an investigation the sweep removes the tools but not the disguised service.
               w:note { vi = "Đã xoá công cụ lấy mật khẩu và PsExec trên JMP-01. Không thấy gì thêm — nhưng "
                          .. "chưa ai điều tra kỹ máy này.",
                        en = "The credential-dumping tool and PsExec removed from JMP-01. Nothing else seen — "
                          .. "but nobody has investigated this host properly." }
               w:log { vi = "Dịch vụ điều khiển từ xa ngụy trang vẫn chạy trên JMP-01.",
                       en = "The disguised remote-desktop service still runs on JMP-01." }
               return
             end
             V.rat = false
             w:set("jump", "compromised", false)
             w:set("jump", "clean", true)
             w:reveal("jump", "compromised")
             w:reveal("jump", "clean", { vi = "JMP-01 sạch: đã gỡ dịch vụ điều khiển từ xa, công cụ lấy mật khẩu, "
                                           .. "rclone và PsExec.",
                                         en = "JMP-01 is clean: the remote-desktop service, the dumping tool, "
                                           .. "rclone and PsExec are gone." })
             return
           end
           if id == "dc" then
             w:note { vi = "Không thể 'làm sạch' một hệ thống miền có cơ sở dữ liệu mật khẩu đã bị sao chép: "
                        .. "phải dựng lại (rebuild_ad).",
                      en = "A directory whose password database was copied cannot be 'cleaned': it must be "
                        .. "rebuilt (rebuild_ad)." }
             return
           end
           stdlib.run.eradicate(w, a)
         end }

action { id = "restore", roles = { "sys" }, cost = 2, turns = 3,
         help = { vi = "Khôi phục máy ảo từ bản sao bất biến 21:00 Chủ nhật. Ba lượt.",
                  en = "Restore VMs from the immutable 21:00 Sunday copy. Three turns." },
         run = function(w, a)
           local V, id = w.vars, a.target
           if id == "motcua" or id == "qlvb" or id == "fileshare" then
             if not w.asset.hyperv.online then
               w:note { vi = "Cụm ảo hoá đang tắt: không có chỗ để khôi phục máy ảo. Bật lại cụm trước.",
                        en = "The cluster is powered off: nowhere to restore the VMs. Start it first." }
               return
             end
             if not V.ad_clean then w:penalize("restore_on_compromised_ad") end
             V.back_in = 0
             stdlib.run.restore(w, a)
             w:note { vi = "Đã khôi phục " .. NAME[id].vi .. " từ bản sao bất biến lúc 21:00 Chủ nhật (mất dữ liệu "
                        .. "nhập sau 21:00 — phải nhập lại từ hồ sơ giấy).",
                      en = "Restored " .. NAME[id].en .. " from the immutable 21:00 Sunday copy (data entered "
                        .. "after 21:00 is lost — re-enter it from paper)." }
             return
           end
           stdlib.run.restore(w, a)
         end }

-- ───────────────────────────── consequences of standard actions ───
-- Fog of war: what an investigation can find.
on("investigate", function(w, a)
  local V, id = w.vars, a.target
  if id == "vpn" then
    V.vpn_known = true
    w:note { vi = "Nhật ký VPN: baotri.ncc đăng nhập 23:10 thứ Sáu, 22:55 thứ Bảy, 22:47 Chủ nhật từ " .. VPN_IP
               .. " — nhà thầu xác nhận không ai của họ làm việc cuối tuần. Không có MFA; hồ sơ VPN của nhà "
               .. "thầu vào được toàn bộ vùng quản trị; firmware có lỗ hổng xác thực đã có bản vá từ quý trước."
               .. (V.vpn2_sent and (" Sau khi khoá baotri.ncc, svc_sqlbackup đăng nhập từ " .. VPN_IP2 .. ".") or ""),
             en = "VPN logs: baotri.ncc logged in 23:10 Friday, 22:55 Saturday, 22:47 Sunday from " .. VPN_IP
               .. " — the vendor confirms none of its staff worked this weekend. No MFA; the vendor profile "
               .. "reaches the whole management zone; the firmware has an authentication flaw patched last "
               .. "quarter."
               .. (V.vpn2_sent and (" After baotri.ncc was disabled, svc_sqlbackup logged in from " .. VPN_IP2 .. ".") or "") }
  elseif id == "jump" then
    if V.rat then
      V.rat_known, V.folders_known = true, true
      w:note { vi = "JMP-01: phiên RDP từ dải VPN; dịch vụ 'DeskConnect Helper' (phần mềm điều khiển từ xa) gọi "
                 .. RAT_DOMAIN .. " (" .. RAT_IP .. "); dấu vết công cụ lấy mật khẩu trong C:\\ProgramData\\tmp "
                 .. "(đã đọc mật khẩu admin.tt); rclone.exe với cấu hình sao chép \\\\FS-HOSO-01\\HoSo\\2023..2025 "
                 .. "lên " .. EXFIL_DOMAIN .. "; PsExec.",
               en = "JMP-01: RDP sessions from the VPN pool; a 'DeskConnect Helper' service (remote-desktop "
                 .. "software) calling " .. RAT_DOMAIN .. " (" .. RAT_IP .. "); a credential-dumping tool's "
                 .. "traces in C:\\ProgramData\\tmp (admin.tt's password read); rclone.exe configured to copy "
                 .. "\\\\FS-HOSO-01\\HoSo\\2023..2025 to " .. EXFIL_DOMAIN .. "; PsExec." }
      check_scope(w)
    else
      w:note { vi = "JMP-01: không còn dịch vụ hay công cụ lạ.", en = "JMP-01: no foreign service or tool left." }
    end
  elseif id == "dc" then
    V.dc_known = true
    local vi = "AD: svc_sqlbackup tạo lúc 23:14 Chủ nhật bởi admin.tt từ JMP-01, thuộc Domain Admins."
    local en = "AD: svc_sqlbackup created 23:14 Sunday by admin.tt from JMP-01, a Domain Admin."
    if V.ntds then
      vi = vi .. " NTDS.dit đã bị sao chép khoảng 00:05: mọi mã băm mật khẩu và krbtgt đã lộ — đổi mật khẩu "
        .. "không đủ, phải dựng lại hệ thống miền."
      en = en .. " NTDS.dit was copied at about 00:05: every password hash and krbtgt are out — resetting "
        .. "passwords is not enough, the directory must be rebuilt."
    else
      vi = vi .. " Mật khẩu admin.tt đã bị đánh cắp: coi như mất quyền kiểm soát miền — cần dựng lại."
      en = en .. " admin.tt's password was stolen: assume the domain is lost — it needs a rebuild."
    end
    if V.edr_off then
      vi = vi .. " GPO 'EDR-Maintenance' tắt EDR trên 14 máy chủ."
      en = en .. " The GPO 'EDR-Maintenance' turned off EDR on 14 servers."
    end
    if V.rebuild_failed and w.asset.dc.compromised then
      vi = vi .. " Hệ thống miền mới cũng đã có tài khoản quản trị lạ sql_agent2."
      en = en .. " The new directory already has a rogue admin, sql_agent2."
    end
    w:note { vi = vi, en = en }
  elseif id == "fw" then
    V.theft_known = true
    w:note { vi = "NetFlow: FS-HOSO-01 → " .. EXFIL_IP .. ":443 (" .. EXFIL_DOMAIN .. ", dịch vụ lưu trữ trực "
               .. "tuyến) 41 GB, 23:10 thứ Bảy – 03:05 Chủ nhật — không phải bản sao lưu (BK-01 không gửi ra "
               .. "Internet). JMP-01 giữ kết nối HTTPS liên tục tới " .. RAT_IP .. " (" .. RAT_DOMAIN .. ").",
             en = "NetFlow: FS-HOSO-01 → " .. EXFIL_IP .. ":443 (" .. EXFIL_DOMAIN .. ", an online storage "
               .. "service) 41 GB, 23:10 Saturday – 03:05 Sunday — not a backup (BK-01 never sends to the "
               .. "Internet). JMP-01 holds a constant HTTPS connection to " .. RAT_IP .. " (" .. RAT_DOMAIN .. ")." }
    check_scope(w)
  elseif id == "fileshare" then
    if w.asset.fileshare.encrypted then
      w:note { vi = "FS-HOSO-01 đã bị mã hoá, nhật ký trên máy không đọc được. Tìm dấu vết ở nơi khác: máy chủ "
                 .. "quản trị, tường lửa.",
               en = "FS-HOSO-01 is encrypted; its logs are unreadable. Look elsewhere: the jump server, the firewall." }
    else
      V.folders_known = true
      w:note { vi = "FS-HOSO-01: nhật ký truy cập cho thấy admin.tt đọc toàn bộ thư mục HoSo\\2023..2025 (khoảng "
                 .. "18.400 bộ hồ sơ, có ảnh căn cước công dân) đêm thứ Bảy, từ JMP-01. Tác vụ sao lưu 23:00 của "
                 .. "BK-01 là lịch định kỳ.",
               en = "FS-HOSO-01: access logs show admin.tt read all of HoSo\\2023..2025 (about 18,400 dossiers "
                 .. "with ID-card images) on Saturday night, from JMP-01. BK-01's 23:00 job is the scheduled backup." }
      check_scope(w)
    end
  elseif id == "backup" then
    V.backup_known = true
    w:reveal("backup", "backup", { vi = "BK-01 không tham gia miền; bản sao 21:00 Chủ nhật của mọi máy ảo nằm trong "
                                     .. "kho bất biến (khoá 14 ngày), kiểm tra toàn vẹn đạt. Đợt đọc 2 TB lúc 23:00 "
                                     .. "là sao lưu định kỳ.",
                                   en = "BK-01 is not domain-joined; the 21:00 Sunday copy of every VM is in the "
                                     .. "immutable store (locked 14 days), integrity check passed. The 2 TB read "
                                     .. "at 23:00 is the scheduled backup." })
  elseif id == "hyperv" then
    if w.asset.hyperv.compromised then
      w:note { vi = "Cụm ảo hoá: đăng nhập quản trị từ JMP-01 bằng svc_sqlbackup, SSH được bật trên cả ba máy chủ"
                 .. (V.vss and "; bản sao bóng (shadow copy) trên 23 máy ảo đã bị xoá" or "")
                 .. (w.asset.motcua.encrypted and "; kho dữ liệu bị mã hoá, có thư đòi tiền chuộc README-RESTORE.txt." or "."),
               en = "Cluster: management logins from JMP-01 as svc_sqlbackup, SSH enabled on all three hosts"
                 .. (V.vss and "; shadow copies on 23 VMs deleted" or "")
                 .. (w.asset.motcua.encrypted and "; datastores encrypted, ransom note README-RESTORE.txt." or ".") }
    else
      w:note { vi = "Cụm ảo hoá: không có đăng nhập bất thường.", en = "Cluster: no unusual login." }
    end
  elseif id == "qlvb" and not w.asset.qlvb.encrypted then
    w:note { vi = "Hệ thống quản lý văn bản: 3 máy chủ khởi động lại lúc 00:02 theo lịch vá tháng. Cảnh báo sai.",
             en = "Document system: 3 servers rebooted at 00:02 on the monthly patch schedule. A false positive." }
  end
end)

on("collect_evidence", function(w, a)
  local V, id = w.vars, a.target
  if V.ev[id] == nil then return end
  if not w.asset[id].compromised then
    w:note { vi = "Bản sao lúc máy chưa bị xâm nhập (hoặc đã sạch): chỉ dùng làm mốc so sánh.",
             en = "An image of a host not compromised (or already clean): a baseline only." }
    return
  end
  V.ev[id] = true
  w:note { vi = "Đã sao chụp bộ nhớ và ổ đĩa " .. NAME[id].vi .. " khi máy vẫn chạy, tính SHA-256, lập biên bản chuỗi lưu "
             .. "giữ chứng cứ (người thực hiện, giờ UTC+7, nơi cất giữ).",
           en = "Memory and disk of " .. NAME[id].en .. " imaged while running, SHA-256 hashed, chain-of-custody record "
             .. "written (handler, time in UTC+7, storage place)." }
end)

-- Powering off instead of isolating: memory lost, VMs crash.
on("shutdown", function(w, a)
  local V, id = w.vars, a.target
  if id == "hyperv" or id == "jump" or id == "dc" then
    if not V.ev[id] then V.memory_lost = true end
    w:penalize("powered_off")
    w:log { vi = "Tắt nguồn " .. NAME[id].vi .. ": bộ nhớ (khoá mã hoá, tiến trình, phiên của kẻ tấn công) bị mất.",
            en = "Powering off " .. NAME[id].en .. ": memory (keys, processes, the attacker's sessions) is lost." }
  end
end)

on("reset_credentials", function(w, a)
  local V = w.vars
  if a.target == "vpn" then
    V.vpn_reset = true
    w:note { vi = "Đã vô hiệu hoá baotri.ncc và đổi mật khẩu mọi tài khoản VPN cục bộ. VPN vẫn chấp nhận tài "
               .. "khoản miền.",
             en = "baotri.ncc disabled and every local VPN password changed. The VPN still accepts domain accounts." }
  elseif a.target == "dc" then
    w:note { vi = "Đã đổi mật khẩu các tài khoản quản trị miền và xoá svc_sqlbackup."
               .. (V.ntds and " Nhưng bản sao NTDS.dit (krbtgt) vẫn trong tay kẻ tấn công." or ""),
             en = "Domain admin passwords changed and svc_sqlbackup deleted."
               .. (V.ntds and " But the NTDS.dit copy (krbtgt) is still in the attacker's hands." or "") }
    w:log { vi = "Đổi mật khẩu không thay cho dựng lại: kẻ tấn công vẫn giữ quyền trên miền cũ.",
            en = "A reset is no rebuild: the attacker keeps its hold on the old domain." }
  end
end)

on("patch", function(w, a)
  if a.target == "vpn" then
    local knew = w:knows("vpn", "compromised")
    w:set("vpn", "compromised", false)
    w:set("vpn", "clean", true)
    if knew then   -- the way in the team found is closed, and it sees so
      w:reveal("vpn", "compromised")
      w:reveal("vpn", "clean")
    end
    w:note { vi = "VPN: cập nhật firmware, bắt buộc MFA cho mọi tài khoản, giới hạn hồ sơ nhà thầu vào đúng máy chủ cần bảo trì.",
             en = "VPN: firmware updated, MFA required for every account, the vendor profile limited to the "
               .. "servers it maintains." }
  end
end)

on("block", function(w, a)
  local V, x = w.vars, a.target
  if x == RAT_IP or x == RAT_DOMAIN then
    V.rat_blocked = true
    w:note { vi = "Đã chặn " .. x .. " tại tường lửa: dịch vụ điều khiển từ xa trên JMP-01 mất kết nối.",
             en = x .. " blocked at the firewall: the remote-desktop service on JMP-01 loses its relay." }
  elseif x == VPN_IP then
    w:log { vi = "Chặn " .. VPN_IP .. ": kẻ tấn công chuyển sang " .. VPN_IP2 .. " ở lần đăng nhập sau.",
            en = "Blocking " .. VPN_IP .. ": the attacker moves to " .. VPN_IP2 .. " for its next login." }
  elseif x == EXFIL_IP or x == EXFIL_DOMAIN then
    w:note { vi = "Đã chặn " .. x .. ". Không còn luồng nào tới đó — dữ liệu đã ra ngoài từ đêm thứ Bảy.",
             en = x .. " blocked. No flow goes there now — the data left on Saturday night." }
  end
end)

on("communicate", function(w, a)
  local V = w.vars
  if a.target == "staff" then
    if not V.oob and not V.ad_clean then
      w:penalize("compromised_channel")
      w:log { vi = "Thông báo nội bộ gửi qua thư công vụ (xác thực bằng miền bị chiếm): kẻ tấn công đọc được.",
              en = "The staff notice went by official mail (authenticated by the captured domain): the attacker reads it." }
    end
    return
  end
  if has(a.facts, "impact") then
    V.honest = true
  else
    w:penalize("understated_statement")
  end
end)

on("report", function(w, a)
  local V = w.vars
  if a.target == "police" and has(a.facts, "evidence") then
    if V.ev.jump or V.ev.dc or V.ev.hyperv then
      V.police_evidence = true
    else
      w:note { vi = "PA05 hỏi: bản sao bộ nhớ, ổ đĩa và biên bản giao nhận ở đâu? Chưa có chứng cứ nào được thu.",
               en = "PA05 asks: where are the memory and disk images and the custody record? None was taken." }
    end
  elseif a.target == "a05" then
    if V.theft_scoped and has(a.facts, "personal_data") and has(a.facts, "scope") then
      V.a05_ok = true
    elseif not V.theft_scoped then
      w:note { vi = "A05 tiếp nhận và hỏi: dữ liệu gì, của bao nhiêu người, ra ngoài khi nào? Hãy xác định phạm vi "
                 .. "rồi gửi thông báo đầy đủ.",
               en = "A05 acknowledges and asks: what data, how many people, when did it leave? Scope the theft "
                 .. "and send a complete notice." }
    end
  end
end)

on("request_support", function(w, a)
  local V = w.vars
  if a.target == "vncert" then
    V.rat_known = true
    w:note { vi = "VNCERT/CC gửi chỉ dấu của nhóm tống tiền: " .. RAT_DOMAIN .. " / " .. RAT_IP .. " (phần mềm điều "
               .. "khiển từ xa cài thành dịch vụ), " .. EXFIL_DOMAIN .. ", đuôi .lkd9. Khuyến nghị: dựng lại AD, "
               .. "không liên hệ hay trả tiền cho kẻ tấn công.",
             en = "VNCERT/CC sends the group's indicators: " .. RAT_DOMAIN .. " / " .. RAT_IP .. " (remote-desktop "
               .. "software installed as a service), " .. EXFIL_DOMAIN .. ", the .lkd9 extension. Advice: rebuild "
               .. "AD, never contact or pay the attacker." }
  elseif a.target == "vendor" then
    w:note { vi = "Nhà thầu phần mềm xác nhận: không ai của họ đăng nhập cuối tuần; mật khẩu baotri.ncc dùng chung "
               .. "cho nhiều khách hàng. Hãng VPN gửi bản vá firmware.",
             en = "The software vendor confirms: none of its staff logged in this weekend; the baotri.ncc password "
               .. "is shared across customers. The VPN maker sends the firmware patch." }
  elseif a.target == "isp" then
    w:note { vi = "ISP có thể chặn địa chỉ ở thượng nguồn theo yêu cầu; không thấy tấn công từ chối dịch vụ.",
             en = "The ISP can block addresses upstream on request; no denial-of-service seen." }
  end
end)

-- ───────────────────────────── scoring ───────────────────────────
-- Objectives: 100 points in all.
objective { id = "detect", capability = "detection", points = 5, by_turn = ENC_TURN - 1,
  label = { vi = "Phát hiện xâm nhập trước 02:00", en = "Detect the intrusion before 02:00" },
  explain = { vi = "Đăng nhập VPN của nhà thầu lúc nửa đêm Chủ nhật từ nước ngoài, một Domain Admin mới, lệnh sao "
                .. "chép NTDS.dit: mỗi dấu hiệu đều đủ để kích hoạt ứng cứu. Nhóm ransomware thường mã hoá lúc 1–3 giờ sáng.",
              en = "A vendor VPN login from abroad at midnight on Sunday, a new Domain Admin, an NTDS.dit copy: each "
                .. "alone was enough to start the response. Ransomware crews usually encrypt at 1–3 a.m." },
  met = function(w)
    for _, s in ipairs({ "s_vpn", "s_newadmin", "s_ntds", "s_edr", "s_smb", "s_vss", "s_flow", "s_bklogin" }) do
      if w:flagged(s) then return true end
    end
    return false
  end }

objective { id = "contain", capability = "containment", points = 15, by_turn = ENC_TURN - 1,
  label = { vi = "Ngăn chặn trước 02:00: cô lập cụm ảo hoá hoặc cắt mọi đường vào của kẻ tấn công",
            en = "Contain before 02:00: isolate the cluster or cut every way in" },
  explain = { vi = "Cô lập tại switch lõi (máy vẫn chạy) ngăn mã hoá mà giữ được bộ nhớ. Khoá một tài khoản VPN "
                .. "là chưa đủ: kẻ tấn công còn phần mềm điều khiển từ xa trên JMP-01 và tài khoản miền.",
              en = "Isolating at the core switch (hosts still running) stops the encryption and keeps memory. "
                .. "Disabling one VPN account is not enough: the attacker also has remote-desktop software on "
                .. "JMP-01 and domain accounts." },
  met = function(w) return not exposed(w) end }

objective { id = "evidence", capability = "evidence", points = 10,
  label = { vi = "Thu chứng cứ (bộ nhớ, ổ đĩa, biên bản) của JMP-01 và máy chủ miền trước khi thay đổi",
            en = "Image JMP-01 and the domain controller (memory, disk, custody) before changing them" },
  explain = { vi = "Với ransomware: cô lập, giữ máy chạy, sao chụp bộ nhớ và ổ đĩa các máy mẫu, lập biên bản "
                .. "chuỗi lưu giữ. Tắt nguồn hay dựng lại trước khi sao chụp làm mất khoá, tiến trình, dấu vết.",
              en = "With ransomware: isolate, keep hosts on, image memory and disks of sample hosts, keep a "
                .. "chain-of-custody record. Powering off or rebuilding first loses keys, processes, traces." },
  met = function(w)
    local V = w.vars
    return V.ev.jump and V.ev.dc and not V.ev_bad and not V.memory_lost
  end }

objective { id = "scope_theft", capability = "analysis", points = 5,
  label = { vi = "Xác định dữ liệu bị lấy cắp: bao nhiêu, dữ liệu gì, đi đâu",
            en = "Scope the data theft: how much, what, where to" },
  explain = { vi = "Nhóm ransomware lấy dữ liệu trước khi mã hoá để tống tiền kép. Nhật ký luồng ở tường lửa cho "
                .. "biết bao nhiêu và đi đâu; máy chủ quản trị hoặc kho hồ sơ cho biết là dữ liệu gì.",
              en = "Ransomware crews steal before they encrypt, for double extortion. Flow logs at the firewall "
                .. "tell how much and where to; the jump server or the dossier store tells what." },
  met = function(w) return w.vars.theft_scoped end }

objective { id = "eradicate", capability = "eradication", points = 10,
  label = { vi = "Loại bỏ chỗ đứng: JMP-01 sạch, cụm ảo hoá sạch, VPN vá và bắt buộc MFA",
            en = "Remove the footholds: JMP-01 clean, cluster clean, VPN patched with MFA" },
  explain = { vi = "Phần mềm điều khiển từ xa ngụy trang thành dịch vụ chỉ lộ ra khi điều tra JMP-01 (hoặc nhờ chỉ dấu "
                .. "của VNCERT/CC). VPN không MFA là cửa vào ban đầu.",
              en = "The remote-desktop software disguised as a service shows only when JMP-01 is investigated "
                .. "(or with VNCERT/CC's indicators). A VPN without MFA was the way in." },
  met = function(w)
    return not w.vars.rat and not w.asset.jump.compromised and not w.asset.hyperv.compromised
      and w.asset.vpn.patched
  end }

objective { id = "rebuild_ad", capability = "eradication", points = 10,
  label = { vi = "Dựng lại hệ thống quản lý miền sau khi đã cắt đường vào", en = "Rebuild the directory once the attacker is cut off" },
  explain = { vi = "Khi kẻ tấn công đã có Domain Admin và bản sao NTDS.dit, đổi mật khẩu không đủ: phải dựng lại "
                .. "miền (đổi krbtgt hai lần) — và chỉ sau khi đã cắt mọi đường vào.",
              en = "Once the attacker has Domain Admin and an NTDS.dit copy, a reset is not enough: rebuild the "
                .. "domain (krbtgt reset twice) — and only after every way in is cut." },
  met = function(w) return w.vars.ad_clean end }

objective { id = "continuity", capability = "recovery", points = 10, by_turn = OPEN_TURN - 1,
  label = { vi = "Người dân vẫn nộp được hồ sơ lúc 07:30 (hệ thống hoặc phương án giấy)",
            en = "Citizens can still file at 07:30 (the system, or the paper workaround)" },
  explain = { vi = "Như vụ một doanh nghiệp xăng dầu năm 2024 vẫn bán hàng bằng phiếu giấy: phương án liên tục "
                .. "nghiệp vụ đi trước khôi phục hoàn toàn. Chuẩn bị phiếu giấy mất hai lượt.",
              en = "Like the fuel distributor in 2024 that kept selling on paper slips: business continuity "
                .. "comes before full recovery. Preparing the paper workaround takes two turns." },
  met = function(w) return w.vars.paper or service_ok(w) end }

objective { id = "restore", capability = "recovery", points = 10, by_turn = RESTORE_BY,
  label = { vi = "Hệ thống một cửa hoạt động trở lại, an toàn, trước 14:00", en = "One-stop system back, safely, by 14:00" },
  explain = { vi = "Thứ tự: cắt đường vào → chứng cứ → loại bỏ → dựng lại miền → khôi phục theo ưu tiên (một cửa "
                .. "trước) → kết nối lại. Khôi phục lên miền cũ là mời kẻ tấn công mã hoá lần nữa.",
              en = "The order: cut the ways in → evidence → eradicate → rebuild the directory → restore by "
                .. "priority (one-stop first) → reconnect. Restoring onto the old domain invites a second encryption." },
  met = function(w) return service_ok(w) end }

objective { id = "escalate", capability = "reporting", points = 5, within_minutes = 300,
  label = { vi = "Báo cáo cơ quan chủ quản và Ban Chỉ đạo trước 04:00", en = "Report to the owner and the steering committee by 04:00" },
  explain = { vi = "Sự cố nghiêm trọng trên hệ thống cấp độ 3 dùng chung phải báo chủ quản (hệ thống, cấp độ, ảnh "
                .. "hưởng) và Ban Chỉ đạo ngay trong đêm để quyết định phương án cho buổi sáng.",
              en = "A serious incident on a shared level-3 system goes to the owner (asset, level, impact) and to "
                .. "the steering committee during the night, so the morning can be decided." },
  met = function(w)
    return w:reported { to = "owner", facts = { "asset", "level", "impact" } }
      and w:reported { to = "steering", facts = { "asset", "impact" } }
  end }

objective { id = "report_vncert", capability = "reporting", points = 5, within_minutes = 720,
  label = { vi = "Báo cáo VNCERT/CC (hệ thống, cấp độ, ảnh hưởng, chỉ dấu) trước 11:00",
            en = "Report to VNCERT/CC (asset, level, impact, indicators) by 11:00" },
  explain = { vi = "Theo QĐ 05/2017/QĐ-TTg và Thông tư 20/2017/TT-BTTTT, 5 ngày là giới hạn; báo trong ca kèm chỉ "
                .. "dấu giúp cảnh báo các tỉnh dùng cùng nhà thầu.",
              en = "Under Decision 05/2017 and Circular 20/2017, 5 days is the ceiling; reporting within the shift "
                .. "with indicators lets provinces using the same vendor be warned." },
  met = function(w) return w:reported { to = "vncert", facts = { "asset", "level", "impact", "indicators" } } end }

objective { id = "report_police", capability = "reporting", points = 5, within_minutes = 720,
  label = { vi = "Chuyển Công an tỉnh (PA05) vụ việc kèm chứng cứ trước 11:00",
            en = "Hand the case, with evidence, to the provincial police cyber unit (PA05) by 11:00" },
  explain = { vi = "Xâm nhập, đánh cắp dữ liệu và tống tiền là dấu hiệu tội phạm: chuyển PA05 kèm chứng cứ đã bảo toàn.",
              en = "Intrusion, data theft and extortion are signs of a crime: hand PA05 the case with preserved evidence." },
  met = function(w)
    return w.vars.police_evidence and w:reported { to = "police", facts = { "asset", "impact", "evidence" } }
  end }

objective { id = "report_a05", capability = "reporting", points = 5, within_minutes = 72 * 60,
  label = { vi = "Thông báo A05 vụ lộ dữ liệu cá nhân (phạm vi, dữ liệu) trong 72 giờ",
            en = "Notify A05 of the personal-data breach (scope, data) within 72 hours" },
  explain = { vi = "Hồ sơ có ảnh căn cước công dân đã ra ngoài: dữ liệu cá nhân nhạy cảm. Luật Bảo vệ dữ liệu cá nhân "
                .. "và Nghị định 356/2025 yêu cầu thông báo A05 trong 72 giờ; thông báo phải nêu dữ liệu gì, bao nhiêu người.",
              en = "Dossiers with ID-card images left: sensitive personal data. The Personal Data Protection Law "
                .. "and Decree 356/2025 require notice to A05 within 72 hours, saying what data and how many people." },
  met = function(w) return w.vars.a05_ok end }

objective { id = "communicate", capability = "communication", points = 5,
  label = { vi = "Thông tin trung thực cho người dân (ảnh hưởng, cách nộp hồ sơ)", en = "Tell citizens honestly (impact, how to file)" },
  explain = { vi = "Vụ ransomware một công ty chứng khoán năm 2024: thông báo đầu tiên giảm nhẹ sự việc làm mất lòng "
                .. "tin. Nói rõ dịch vụ nào ngừng, nộp hồ sơ thế nào, khi nào có thông tin tiếp.",
              en = "The 2024 securities-broker ransomware: a first statement that understated the impact cost "
                .. "trust. Say which services are down, how to file meanwhile, when the next update comes." },
  met = function(w) return w.vars.honest end }

-- ───────────────────────────── metrics ───────────────────────────
-- What the review's times mean in this incident. The jump server and the VPN stay
-- isolated or replaced after the clean-up, so the default rule would never see a
-- recovery; and the team's first confirmed alert may be about an encrypted system
-- rather than a compromised one:
--   detected   the team confirmed any real signal of the attack (w:flagged);
--   contained  the cluster cannot be hit: isolated or down, or the attacker is out;
--   recovered  the one-stop system serves citizens, the attacker is evicted (remote
--              tool gone, VPN fixed, directory rebuilt) and no way in is left.
local ATTACK_SIGNALS = { "s_vpn", "s_flow", "s_newadmin", "s_ntds", "s_edr", "s_smb", "s_bklogin",
                         "s_vss", "s_encrypt", "s_note", "s_vpn2", "s_newadmin2", "s_reencrypt",
                         "s_queue", "s_press", "s_leak" }
metrics {
  detected = function(w)
    for _, s in ipairs(ATTACK_SIGNALS) do
      if w:flagged(s) then return true end
    end
    return false
  end,
  contained = function(w) return not exposed(w) end,
  recovered = function(w) return service_ok(w) end,
}

-- Penalties (w:penalize is called from the hooks above).
penalty { id = "powered_off", capability = "containment", points = 10,
  label = { vi = "Tắt nguồn máy chủ thay vì cô lập", en = "Powered hosts off instead of isolating them" },
  explain = { vi = "Chỉ tắt nguồn khi không thể ngắt mạng. Cụm ảo hoá cô lập được tại switch: tắt nguồn làm mất bộ "
                .. "nhớ (có thể chứa khoá mã hoá) và làm máy ảo hỏng đột ngột.",
              en = "Power off only when you cannot disconnect. The cluster could be isolated at the switch: "
                .. "powering off lost memory (which may hold the keys) and crashed the VMs." } }
penalty { id = "evidence_destroyed", capability = "evidence", points = 10, max = 2,
  label = { vi = "Làm sạch hoặc dựng lại trước khi thu chứng cứ", en = "Cleaned or rebuilt before taking evidence" },
  explain = { vi = "Sao chụp bộ nhớ và ổ đĩa, lập biên bản, rồi mới gỡ bỏ hay dựng lại.",
              en = "Image memory and disk, write the custody record, then clean or rebuild." } }
penalty { id = "compromised_channel", capability = "coordination", points = 5,
  label = { vi = "Điều phối qua kênh đang bị xâm nhập", en = "Coordinated over a compromised channel" },
  explain = { vi = "Thư công vụ xác thực bằng miền mà kẻ tấn công đang nắm: họ đọc được kế hoạch ứng cứu. Dùng kênh "
                .. "dự phòng ngoài băng.",
              en = "Official mail authenticates against the domain the attacker holds: it reads the response "
                .. "plan. Use an out-of-band channel." } }
penalty { id = "restore_on_compromised_ad", capability = "recovery", points = 15,
  label = { vi = "Khôi phục lên hệ thống miền đang bị chiếm", en = "Restored onto a compromised directory" },
  explain = { vi = "Máy ảo khôi phục gia nhập lại miền mà kẻ tấn công còn quyền quản trị: chúng có thể bị mã hoá "
                .. "lần nữa. Dựng lại miền trước khi khôi phục.",
              en = "Restored VMs rejoin a domain the attacker still administers: they can be encrypted again. "
                .. "Rebuild the directory before restoring." } }
penalty { id = "restore_before_eradicate", capability = "recovery", points = 10,
  label = { vi = "Khôi phục khi kẻ tấn công còn đường vào", en = "Restored while the attacker still had a way in" },
  explain = { vi = "Miền mới sạch nhưng VPN chưa vá hoặc phần mềm điều khiển từ xa còn trên JMP-01: loại bỏ hết rồi mới khôi phục.",
              en = "The new domain was clean, but the VPN was unpatched or the remote-desktop software was still on "
                .. "JMP-01: eradicate everything before restoring." } }
penalty { id = "credentials_not_rotated", capability = "eradication", points = 5,
  label = { vi = "Không vô hiệu hoá tài khoản VPN của nhà thầu", en = "The vendor's VPN account never rotated" },
  explain = { vi = "Mật khẩu baotri.ncc đã lộ và dùng chung cho nhiều khách hàng; phải vô hiệu hoá, cấp lại có MFA.",
              en = "The baotri.ncc password had leaked and was shared across customers; disable it and reissue with MFA." } }
penalty { id = "ignored_theft", capability = "analysis", points = 10,
  label = { vi = "Bỏ qua việc dữ liệu bị lấy cắp", en = "Ignored the data theft" },
  explain = { vi = "Trang công bố dữ liệu đăng tên tỉnh trước khi đội biết dữ liệu nào đã mất: không thể trả lời báo "
                .. "chí, không thể thông báo A05 hay cảnh báo người dân về lừa đảo.",
              en = "The leak site named the province before the team knew what had been taken: no answer for the "
                .. "press, no A05 notice, no fraud warning to citizens." } }
penalty { id = "understated_statement", capability = "communication", points = 10,
  label = { vi = "Thông báo công khai giảm nhẹ sự cố", en = "A public statement that understated the incident" },
  explain = { vi = "Gọi là 'bảo trì hệ thống' khi dịch vụ công ngừng vì bị tấn công và dữ liệu đã bị lấy: sự thật "
                .. "lộ ra khi nhóm tống tiền công bố.",
              en = "'System maintenance' when public services are down from an attack and data was stolen: the "
                .. "truth comes out when the group publishes." } }
penalty { id = "contacted_attacker", capability = "coordination", points = 15,
  label = { vi = "Liên hệ hoặc thương lượng với kẻ tấn công", en = "Contacted or negotiated with the attacker" },
  explain = { vi = "Cơ quan nhà nước không liên hệ, không trả tiền chuộc; mọi liên lạc với nhóm tống tiền do cơ quan "
                .. "công an quyết định.",
              en = "A state body neither contacts nor pays; any contact with the group is for the police to decide." } }

-- Hints, taken in order with the `hint` action.
hint { from_turn = 1, cost = 3,
  text = { vi = "Nhà thầu nào bảo trì lúc 23 giờ Chủ nhật, từ máy chủ thuê ở nước ngoài? Điều tra VPN và JMP-01. "
             .. "Hai cảnh báo còn lại lúc 23:00 có lời giải thích bình thường.",
           en = "Which vendor does maintenance at 11 p.m. on Sunday from a foreign hosting provider? Investigate "
             .. "the VPN and JMP-01. The other two 23:00 alerts have ordinary explanations." } }
hint { from_turn = 3, cost = 5,
  text = { vi = "Domain Admin mới lúc nửa đêm = đã mất quyền kiểm soát miền. Cô lập cụm ảo hoá tại switch ngay, đừng "
             .. "tắt máy. Dữ liệu thường bị lấy trước khi mã hoá: đọc lại báo cáo lưu lượng tuần.",
           en = "A new Domain Admin at midnight = the domain is lost. Isolate the cluster at the switch now, do not "
             .. "power off. Data is usually stolen before encryption: reread the weekly traffic report." } }
hint { from_turn = 8, cost = 5,
  text = { vi = "Trước khi khôi phục: cắt mọi đường vào (VPN, JMP-01), thu chứng cứ, dựng lại AD, vá VPN có MFA. "
             .. "Khôi phục một cửa trước. Trong lúc chờ: phương án hồ sơ giấy trước 07:30.",
           en = "Before restoring: cut every way in (VPN, JMP-01), take evidence, rebuild AD, patch the VPN with "
             .. "MFA. Restore the one-stop system first. Meanwhile: the paper workaround before 07:30." } }

-- ───────────────────────────── endings (order matters) ───────────
ending { id = "reencrypted",
  text = { vi = "Các máy ảo vừa khôi phục bị mã hoá lần thứ hai: kẻ tấn công vẫn còn đường vào. Khôi phục không "
             .. "phải là ứng cứu xong — phải dựng lại miền và loại bỏ mọi chỗ đứng trước.",
           en = "The restored VMs were encrypted a second time: the attacker still had a way in. Restoring is not "
             .. "the end of the response — rebuild the domain and remove every foothold first." },
  when = function(w) return w.vars.reencrypted end }

ending { id = "counters_closed",
  text = { vi = "Hai giờ liền người dân bị trả về, báo chí đưa tin; Chủ tịch UBND tỉnh giao Ban Chỉ đạo trực tiếp "
             .. "xử lý. Phương án liên tục (hồ sơ giấy) phải sẵn sàng trước giờ mở cửa.",
           en = "Citizens were turned away for two hours and the press reported it; the Chairman handed the "
             .. "incident to the steering committee. A continuity workaround (paper) must be ready before opening time." },
  when = function(w) return w.vars.away >= AWAY_LIMIT end }

ending { id = "prevented", success = true,
  text = { vi = "Không máy ảo nào bị mã hoá: đội cắt đường vào trước 02:00, dựng lại miền, loại bỏ chỗ đứng và đưa "
             .. "hệ thống một cửa trở lại an toàn. Dữ liệu đã bị lấy vẫn cần thông báo và theo dõi.",
           en = "No VM was encrypted: the team cut the attacker off before 02:00, rebuilt the domain, removed the "
             .. "footholds and brought the one-stop system back safely. The stolen data still needs notice and follow-up." },
  when = function(w) return w.vars.enc_count == 0 and service_ok(w) end }

ending { id = "recovered", success = true,
  text = { vi = "Hệ thống một cửa hoạt động trở lại trên miền mới, kẻ tấn công không còn đường vào. Tiếp tục khôi "
             .. "phục quản lý văn bản và kho hồ sơ, hoàn tất báo cáo cuối cùng trong 5 ngày.",
           en = "The one-stop system is back on a new domain and the attacker has no way in. Go on restoring the "
             .. "document system and the dossier store; finish the final report within 5 days." },
  when = function(w) return w.vars.enc_count > 0 and service_ok(w) end }

-- ───────────────────────────── self-tests ────────────────────────
-- Turn arithmetic: an action queued in turn t with turns = k completes at the end
-- of turn t+k-1; each role has 2 action points per turn; one `end` ends a turn.

test { name = "textbook night", seed = 1, inputs = [[
# turn 1 (23:00): the vendor login is real; isolate the cluster at the switch
soc triage s_vpn true
soc investigate vpn
net isolate hyperv
net isolate vpn
sys collect_evidence jump
sys collect_evidence dc
lead oob_channel
lead report owner --facts asset,level,impact
comms paper_intake
end
# turn 2 (23:30): JMP-01 holds the rest; cut it too
soc triage s_newadmin true
soc investigate jump
net isolate jump
lead report steering --facts asset,impact,actions
lead request_support vncert
sys reset_credentials vpn
end
# turn 3 (00:00): the theft; eradicate JMP-01 (2 turns)
soc investigate fw
soc triage s_backupjob false
sys eradicate jump
lead report vncert --facts asset,level,impact,indicators
lead report police --facts asset,impact,evidence
comms communicate citizens --facts asset,impact,actions
end
# turn 4 (00:30): rebuild the directory (4 turns, done at the end of turn 7)
sys rebuild_ad
lead report a05 --facts asset,personal_data,scope,contact
end
end
end
end
# turn 8 (02:30): patch the VPN, reconnect the cluster
sys patch vpn
net reconnect hyperv
end
]], expect = { outcome = "prevented", score = 100,
               metrics = { detected_by = 30, contained_by = 30, recovered_by = 240 },
               objectives = { detect = true, contain = true, evidence = true, scope_theft = true,
                              eradicate = true, rebuild_ad = true, continuity = true, restore = true,
                              escalate = true, report_vncert = true, report_police = true,
                              report_a05 = true, communicate = true } } }

test { name = "woke at 02:00", seed = 2, inputs = [[
end
end
end
end
end
end
# turn 7 (02:00): everything is encrypted
soc triage s_encrypt true
soc investigate jump
net isolate hyperv
net isolate vpn
sys collect_evidence jump
sys collect_evidence dc
lead report owner --facts asset,level,impact
lead report steering --facts asset,impact
end
# turn 8: cut JMP-01, start the paper workaround, rebuild AD (turns 8-11)
net isolate jump
sys rebuild_ad
comms paper_intake
lead oob_channel
soc investigate fw
end
# turn 9: the ransom note; image the hypervisor hosts
soc triage s_note true
soc investigate hyperv
sys collect_evidence hyperv
lead report vncert --facts asset,level,impact,indicators
lead report police --facts asset,impact,evidence
end
# turn 10: clean the hypervisor hosts (turns 10-11)
sys eradicate hyperv
end
end
# turn 12 (04:30): rebuilt; eradicate JMP-01, then restore the one-stop system
sys eradicate jump
end
end
# turn 14: restore (3 turns: 14-16), patch VPN
sys restore motcua
sys wait
end
# (the vendor account is forgotten: MFA closes the VPN, but the account is never disabled)
sys patch vpn
end
end
# turn 17 (07:00): reconnect
net reconnect hyperv
comms communicate citizens --facts impact,actions
lead report a05 --facts personal_data,scope
end
]], expect = { outcome = "recovered", score = 75,
               metrics = { detected_by = 210, contained_by = 210, recovered_by = 510 },
               objectives = { detect = false, contain = false, evidence = true, rebuild_ad = true,
                              eradicate = true, continuity = true, restore = true, report_a05 = true },
               penalties = { "credentials_not_rotated" } } }

test { name = "restored onto the old directory", seed = 3, inputs = [[
end
end
end
end
end
end
# turn 7: encrypted; straight to restore
soc triage s_encrypt true
sys restore motcua
lead contact_attacker
end
end
end
# turn 10: restored at the end of turn 9; the attacker is still in
comms communicate citizens --facts asset
end
end
]], expect = { outcome = "reencrypted", max_score = 0,
               objectives = { contain = false, rebuild_ad = false, restore = false },
               penalties = { "restore_on_compromised_ad", "contacted_attacker", "understated_statement" } } }

test { name = "reopened the VPN", seed = 4, inputs = [[
soc triage s_vpn true
net isolate vpn
net isolate jump
sys collect_evidence jump
sys collect_evidence dc
end
# turn 2: rebuild with every way in cut (turns 2-5)
sys rebuild_ad
comms communicate staff --facts impact
end
end
end
end
# turn 6: the cluster was never hit; reopen the VPN for staff, unpatched, vendor account alive
net reconnect vpn
end
# turn 7 (02:00): the attacker comes back through the VPN and encrypts
sys restore motcua
end
end
end
# turn 10: restored; two exposed turns later, encrypted again
end
end
]], expect = { outcome = "reencrypted",
               objectives = { contain = true, rebuild_ad = true, restore = false },
               penalties = { "restore_before_eradicate", "compromised_channel" } } }

test { name = "idle team", seed = 5, inputs = string.rep("end\n", 25),
       expect = { outcome = "counters_closed", score = 0,
                  metrics = { detected_by = false, contained_by = false, recovered_by = false },
                  objectives = { detect = false, contain = false, continuity = false } } }

test { name = "paper only", seed = 6,
       inputs = "comms paper_intake\nend\n" .. string.rep("end\n", 33),
       expect = { outcome = "timeout", score = 0,
                  objectives = { continuity = true, restore = false, scope_theft = false },
                  penalties = { "ignored_theft" } } }

test { name = "sloppy night", seed = 7, inputs = [[
soc triage s_vpn true
soc triage s_backupjob true
sys shutdown hyperv
end
# turn 2
sys start hyperv
end
# turn 3: a sweep of JMP-01 with no image and no investigation
sys eradicate jump
end
# turn 4: a reset is not a rebuild; the vendor account is disabled
sys reset_credentials dc
sys reset_credentials vpn
lead hint
end
end
]], expect = { score = -3,
               objectives = { detect = true, contain = true, evidence = false, eradicate = false },
               penalties = { "powered_off", "evidence_destroyed" } } }
