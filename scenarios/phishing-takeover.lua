-- phishing-takeover.lua — spear-phishing of department officials with a fake official
-- document, then account takeover (scenario API v1).
--
-- Thư giả mạo công văn UBND tỉnh gửi cán bộ các sở: mã độc đánh cắp thông tin, chiếm
-- hộp thư công vụ và tài khoản hệ thống quản lý văn bản, phát tán thư độc nội bộ.
-- A fake official letter to department officials: an infostealer, a taken-over official
-- mailbox and document-system account, and internal phishing from a trusted sender.
--
-- ─────────────────────────────────────────────────────────────────────────────
-- FOR TRAINERS: THE PLOT (ground truth — players never see this part)
-- ─────────────────────────────────────────────────────────────────────────────
-- Based on outline 3 of the domain notes (and the 2019 APT campaign spread through
-- malicious attachments posing as official documents). One turn = 15 minutes; turn 1
-- starts at 08:30 on a Tuesday.
--
--   before   07:41  A look-alike sender (vanphong@vpubnd-tinh.example) mails "letter
--                   2035/UBND-TH on reviewing job positions and staffing for 2026 (URGENT)"
--                   to 14 officials of three departments. The attachment is a
--                   password-protected .rar (the gateway cannot scan it) holding
--                   CV_2035_UBND-TH.pdf.lnk (T1566.001).
--            08:05  The head of the civil-servants division of the Department of Home
--                   Affairs (ntha.snv) opens it on SNV-TCCB-07 (T1204.002): a PowerShell
--                   loader fetches an infostealer from cdn-vanban.example, which grabs the
--                   browser's saved passwords AND session cookies for webmail and the
--                   document-management system (QLVB) (T1555.003, T1539), sends them out,
--                   and stays as a scheduled task with a keylogger (T1053.005, T1056.001).
--   turn 1   08:30  Gateway verdict on the lure; a macro false positive (Education dept).
--   turn 2   08:45  The firewall's "newly seen domains" report: the workstation beacons.
--   turn 3   09:00  The attacker reuses the stolen webmail session from 203.0.113.88
--                   (T1078, T1550.004) — unless the team already ended the sessions.
--   turn 4   09:15  A forwarding rule to an outside address (T1114.003).
--   turn 5   09:30  The attacker enters QLVB with the stolen session and starts bulk
--                   downloading documents (T1213). A second recipient, back from a
--                   meeting, opens the lure if it is still in her mailbox.
--   turn 6   09:45  Internal phishing (T1534): the same lure, sent from the real
--                   ntha.snv mailbox to ~60 officials. Two turns later one of them opens
--                   it, unless the mail was purged.
--   second victim   Two turns after infection, her webmail password goes out too —
--                   unless the C2 domain is blocked (then the firewall shows her machine
--                   trying to reach it: a strong clue).
--
-- Every turn the attacker holds a session, a rule or the QLVB account adds to the
-- "exposure" count (QLVB 2, each mailbox 1). At LEAK_LIMIT the draft restructuring
-- plan and personnel lists appear on a social-media page: the "leaked" ending.
--
-- The traps (penalties):
--   change_password (the user changes her password) does not end the stolen
--     sessions; reset_credentials does (and revokes the session cookies);
--   resetting while the infected workstation is still on the network and the C2
--     domain is open: the keylogger sends the new password (unless MFA is on);
--   warning staff by e-mail while the attacker reads mailboxes (tips them off: they
--     download everything at once) — warn out of band instead;
--   shutting the workstation down (memory lost) / reimaging it before an image;
--   blocking the Education department's legitimate sender (the false positive).
--
-- Endings (checked in this order at the end of every turn):
--   leaked    exposure reached LEAK_LIMIT: documents published;
--   evicted   lure purged, province-wide hunt done, no attacker session, rule or
--             active infected workstation left (success);
--   timeout   (automatic) after turn 24 (14:30), e.g. never hunting for other victims.
--
-- Fog of war — see on("investigate") and the hunt action:
--   investigate pc_noivu: the lure chain, the C2 domain, that cookies were stolen;
--   investigate mail: foreign sessions, the rule, the internal wave, a 2nd account;
--   investigate docs: the bulk download; investigate fw: who talks to the C2 domain;
--   investigate siem: explains the false positives;
--   hunt (needs indicators): sweeps every endpoint and mailbox in the province and
--     finds the second victim; request_support vncert: the campaign's indicators.
--
-- Scoring (100): detect 10, purge by 09:30 10, contain the workstation 10, evidence 5,
-- block C2 5, evict by 11:30 15, MFA 5, hunt 5, personal data (theft stopped before QLVB
-- is entered, or A05 notified of the personnel lists) 5, warn staff safely 10, report
-- owner 5 / VNCERT/CC 10 / police 5. Penalties: password-only reset 10, warning through the
-- compromised mail 10, shutdown 5, evidence destroyed 5, legitimate sender blocked 5.
-- Hints cost 3, 5, 5.
--
-- Tuning knobs below: the turns of each attacker step and LEAK_LIMIT. Keep
-- documentation addresses and example domains in shared scenarios.
-- ─────────────────────────────────────────────────────────────────────────────

scenario {
  id = "phishing-takeover", version = 2, api = 1,
  title = {
    vi = "Thư giả mạo công văn: chiếm đoạt hộp thư và tài khoản quản lý văn bản của cán bộ",
    en = "Fake official letter: officials' mailboxes and document-system accounts taken over",
  },
  summary = {
    vi = "Sáng thứ Ba, 14 cán bộ của ba cơ quan nhận được 'công văn khẩn' của UBND tỉnh về rà soát "
      .. "biên chế, kèm tệp nén có mật khẩu. Một người đã mở. Đội ứng cứu sự cố phải tìm ra máy bị "
      .. "nhiễm, gỡ thư độc khỏi mọi hộp thư, đẩy kẻ tấn công khỏi hộp thư và hệ thống quản lý văn "
      .. "bản, săn tìm nạn nhân khác trên toàn tỉnh, cảnh báo cán bộ qua kênh an toàn và báo cáo đúng hạn.",
    en = "Tuesday morning: 14 officials in three agencies received an 'urgent letter' from the "
      .. "Provincial People's Committee about staffing, with a password-protected archive. One "
      .. "opened it. The incident response team must find the infected machine, purge the lure "
      .. "from every mailbox, evict the attacker from mail and the document-management system, "
      .. "hunt for other victims province-wide, warn staff over a safe channel and report on time.",
  },
  difficulty = "basic",
  turn_minutes = 15, max_turns = 24, action_points = 2, start_time = "08:30",
  attack = { "T1566.001", "T1204.002", "T1555.003", "T1539", "T1071.001", "T1078",
             "T1550.004", "T1114.003", "T1213", "T1534", "T1056.001" },
}

-- Tuning knobs (turn numbers at which each attacker step happens, at the turn's start).
local MAIL_TURN    = 3    -- 09:00 the stolen webmail session is used
local RULE_DELAY   = 1    -- turns after the first mail login before the forwarding rule
local DOCS_TURN    = 5    -- 09:30 the stolen QLVB session is used
local LATE_OPEN    = 5    -- 09:30 a second recipient opens the lure if it was not purged
local WAVE_TURN    = 6    -- 09:45 internal phishing from the taken-over mailbox
local WAVE_OPEN    = 2    -- turns after the wave before someone opens it
local STEAL_DELAY  = 2    -- turns after infection before a victim's password goes out
local LEAK_LIMIT   = 24   -- exposure at which the documents are published
local TIPOFF_RUSH  = 6    -- exposure added when the attacker reads the team's warning

-- Indicators (documentation addresses and example domains only).
local SENDER, C2, C2_IP = "vpubnd-tinh.example", "cdn-vanban.example", "198.51.100.66"
local ATK_IP, ATK_IP2 = "203.0.113.88", "203.0.113.90"
local LEGIT_SENDER = "so-gddt.tinh.example"

-- ───────────────────────────── roles ─────────────────────────────
role { id = "lead",  name = { vi = "Trưởng nhóm ứng cứu", en = "Incident lead" },
       desc = { vi = "Điều phối, quyết định, báo cáo cơ quan chủ quản và cơ quan chức năng.",
                en = "Coordinates, decides, reports to the owner and the authorities." } }
role { id = "soc",   name = { vi = "Chuyên viên giám sát (SOC)", en = "SOC analyst" },
       desc = { vi = "Phân loại cảnh báo, điều tra, thu thập chứng cứ, săn tìm mối đe dọa.",
                en = "Triages alerts, investigates, collects evidence, hunts." } }
role { id = "sys",   name = { vi = "Quản trị hệ thống", en = "System administrator" },
       desc = { vi = "Quản trị thư điện tử công vụ, hệ thống QLVB và máy trạm.",
                en = "Runs official e-mail, the document-management system and workstations." } }
role { id = "net",   name = { vi = "Quản trị mạng", en = "Network administrator" },
       desc = { vi = "Tường lửa, DNS, cô lập máy trạm, chặn chỉ dấu.",
                en = "Firewall, DNS, workstation isolation, blocking indicators." } }
role { id = "comms", name = { vi = "Phụ trách truyền thông", en = "Communications officer" },
       desc = { vi = "Thông tin tới cán bộ các cơ quan, người dân và báo chí.",
                en = "Messages to staff of the agencies, citizens and the press." } }

-- ───────────────────────────── assets ────────────────────────────
asset { id = "mail", kind = "mail", level = 3, zone = "internal",
        name = { vi = "Hệ thống thư điện tử công vụ tỉnh (mail.tinh.example)",
                 en = "Provincial official e-mail (mail.tinh.example)" },
        desc = { vi = "Khoảng 6.000 hộp thư của các sở, ngành; webmail truy cập được từ Internet. "
                   .. "Đổi mật khẩu không tự động kết thúc các phiên webmail đang mở.",
                 en = "About 6,000 mailboxes of the departments; webmail reachable from the Internet. "
                   .. "A password change does not by itself end open webmail sessions." } }
asset { id = "docs", kind = "application", level = 3, zone = "internal",
        name = { vi = "Hệ thống quản lý văn bản và điều hành (QLVB)",
                 en = "Document and workflow management system (QLVB)" },
        desc = { vi = "Văn bản đi, đến, dự thảo của các sở; truy cập qua trình duyệt, đăng nhập bằng tài khoản riêng.",
                 en = "Incoming, outgoing and draft documents of the departments; browser access, its own accounts." } }
asset { id = "pc_noivu", kind = "workstation", level = 2, zone = "internal",
        name = { vi = "Máy trạm SNV-TCCB-07 (Trưởng phòng Công chức – Viên chức, Sở Nội vụ)",
                 en = "Workstation SNV-TCCB-07 (head of the civil-servants division, Home Affairs)" },
        desc = { vi = "Máy của bà N.T.H. (ntha.snv@tinh.example), 192.0.2.57; có EDR.",
                 en = "Used by Ms N.T.H. (ntha.snv@tinh.example), 192.0.2.57; has EDR." } }
asset { id = "recipients", kind = "workstation", level = 2, zone = "internal",
        name = { vi = "Máy trạm của 13 người nhận thư còn lại", en = "Workstations of the other 13 recipients" },
        desc = { vi = "Sở Nội vụ, Sở Tài chính, Văn phòng UBND tỉnh; có EDR.",
                 en = "Home Affairs, Finance, the People's Committee Office; all have EDR." } }
asset { id = "fw", kind = "firewall", level = 3, zone = "perimeter",
        name = { vi = "Tường lửa và DNS của mạng tỉnh", en = "Provincial firewall and DNS" },
        desc = { vi = "Nhật ký kết nối và truy vấn DNS của toàn mạng các sở, giữ 30 ngày.",
                 en = "Connection and DNS logs for every department network, kept 30 days." } }
asset { id = "siem", kind = "siem", level = 3, zone = "soc",
        name = { vi = "SIEM của SOC tỉnh", en = "Provincial SOC SIEM" },
        desc = { vi = "Thu thập nhật ký cổng thư, thư điện tử, QLVB, EDR, VPN; có lịch thay đổi của các sở.",
                 en = "Collects gateway, mail, QLVB, EDR and VPN logs; holds the departments' change calendar." } }
link("fw", "mail")
link("fw", "docs")
link("fw", "pc_noivu")
link("fw", "recipients")
link("mail", "pc_noivu")
link("mail", "recipients")
link("docs", "pc_noivu")
link("siem", "fw")
link("siem", "mail")

-- ───────────────────────────── signals ───────────────────────────
-- The attack (truth = true).
signal { id = "s_gw", source = "mail-gateway", severity = "medium", truth = true,
         technique = "T1566.001",
         text = { vi = "Cổng thư: thư từ vanphong@" .. SENDER .. ", tiêu đề 'V/v rà soát, sắp xếp vị trí việc "
                    .. "làm và biên chế năm 2026 (KHẨN)', đính kèm CV_2035_UBND-TH.rar có mật khẩu (ghi trong "
                    .. "thân thư) — không quét được nội dung. Đã chuyển lúc 07:41 tới 14 hộp thư của Sở Nội vụ, "
                    .. "Sở Tài chính và Văn phòng UBND tỉnh, kèm nhãn '[CẢNH BÁO: TỆP KHÔNG QUÉT ĐƯỢC]'.",
                  en = "Mail gateway: an e-mail from vanphong@" .. SENDER .. ", subject 'Re: review of job "
                    .. "positions and staffing for 2026 (URGENT)', attachment CV_2035_UBND-TH.rar, password-"
                    .. "protected (password in the body) — content not scanned. Delivered at 07:41 to 14 "
                    .. "mailboxes in Home Affairs, Finance and the People's Committee Office, tagged "
                    .. "'[WARNING: ATTACHMENT NOT SCANNED]'." } }
signal { id = "s_beacon", source = "firewall", severity = "medium", asset = "pc_noivu", truth = true,
         technique = "T1071.001",
         text = { vi = "Báo cáo tên miền mới của DNS: " .. C2 .. " (" .. C2_IP .. ") xuất hiện lần đầu hôm nay; "
                    .. "máy trạm SNV-TCCB-07 (192.0.2.57, Sở Nội vụ) kết nối HTTPS tới đó đều đặn mỗi 60 giây từ 08:06.",
                  en = "DNS newly-seen-domains report: " .. C2 .. " (" .. C2_IP .. ") first seen today; workstation "
                    .. "SNV-TCCB-07 (192.0.2.57, Home Affairs) has connected to it over HTTPS every 60 seconds since 08:06." } }
signal { id = "s_geo", source = "mail", severity = "high", asset = "mail", truth = true,
         technique = "T1550.004",
         text = { vi = "Thư điện tử công vụ: tài khoản ntha.snv@tinh.example có hai phiên webmail cùng lúc — một từ "
                    .. "mạng Sở Nội vụ, một từ " .. ATK_IP .. " (máy chủ thuê ở nước ngoài, trình duyệt khác). Phiên "
                    .. "nước ngoài không có bước đăng nhập: nó dùng lại một phiên đã có.",
                  en = "Official e-mail: the account ntha.snv@tinh.example has two webmail sessions at once — one "
                    .. "from the Home Affairs network, one from " .. ATK_IP .. " (a rented server abroad, another "
                    .. "browser). The foreign session never logged in: it reuses an existing session." } }
signal { id = "s_rule", source = "mail", severity = "high", asset = "mail", truth = true,
         technique = "T1114.003",
         text = { vi = "Nhật ký kiểm toán thư: tài khoản ntha.snv tạo quy tắc 'Đồng bộ' — chuyển bản sao mọi thư có "
                    .. "chữ 'công văn', 'biên chế', 'nhân sự' tới luutru.snv@mail.example rồi đánh dấu đã đọc; tạo từ "
                    .. ATK_IP .. ".",
                  en = "Mail audit log: the ntha.snv account created a rule 'Sync' — forward a copy of every e-mail "
                    .. "containing 'official letter', 'staffing' or 'personnel' to luutru.snv@mail.example and mark "
                    .. "it read; created from " .. ATK_IP .. "." } }
signal { id = "s_docs", source = "qlvb", severity = "high", asset = "docs", truth = true,
         technique = "T1213",
         text = { vi = "Hệ thống QLVB: tài khoản ntha.snv tải xuống 214 văn bản (dự thảo đề án sắp xếp bộ máy, danh "
                    .. "sách nhân sự dự kiến) trong 15 phút, từ " .. ATK_IP .. ". Bình thường tài khoản này mở 10–20 "
                    .. "văn bản mỗi ngày.",
                  en = "QLVB: the ntha.snv account downloaded 214 documents (the draft reorganisation plan, proposed "
                    .. "personnel lists) in 15 minutes from " .. ATK_IP .. ". It normally opens 10–20 documents a day." } }
signal { id = "s_wave", source = "phone", severity = "medium", truth = true,
         technique = "T1534",
         text = { vi = "Một chuyên viên Sở Tài chính gọi đường dây hỗ trợ: vừa nhận thư từ chính hộp thư của Trưởng "
                    .. "phòng Sở Nội vụ (ntha.snv@tinh.example) 'Gửi lại CV 2035 bản đã ký số, đề nghị mở gấp', kèm "
                    .. "tệp nén có mật khẩu. Chị hỏi thư có thật không; nghe nói khoảng 60 người ở nhiều sở cùng nhận.",
                  en = "A Department of Finance officer calls the helpdesk: she just got a mail from the Home Affairs "
                    .. "division head's own mailbox (ntha.snv@tinh.example), 'Resending letter 2035, digitally signed, "
                    .. "please open urgently', with a password-protected archive. Is it genuine? About 60 people in "
                    .. "several departments seem to have received it." } }
signal { id = "s_c2blocked", source = "firewall", severity = "high", asset = "recipients", truth = true,
         technique = "T1071.001",
         text = { vi = "Tường lửa: máy trạm STC-NS-12 (192.0.2.83, Sở Tài chính) liên tục cố kết nối tới " .. C2
                    .. " — bị chặn theo chỉ dấu đội đã thêm.",
                  en = "Firewall: workstation STC-NS-12 (192.0.2.83, Department of Finance) keeps trying to reach "
                    .. C2 .. " — blocked by the indicator the team added." } }
signal { id = "s_login2", source = "mail", severity = "high", asset = "mail", truth = true,
         technique = "T1078",
         text = { vi = "Thư điện tử công vụ: tài khoản lvminh.stc@tinh.example (Sở Tài chính) đăng nhập webmail từ "
                    .. ATK_IP .. " — địa chỉ này chưa từng đăng nhập tài khoản nào của tỉnh trước hôm nay.",
                  en = "Official e-mail: the account lvminh.stc@tinh.example (Department of Finance) signed in to "
                    .. "webmail from " .. ATK_IP .. " — an address that had never signed in to any account of the "
                    .. "province before today." } }
signal { id = "s_relogin", source = "mail", severity = "high", asset = "mail", truth = true,
         technique = "T1056.001",
         text = { vi = "Một tài khoản vừa được đặt lại mật khẩu lại đăng nhập thành công từ " .. ATK_IP2
                    .. " bằng mật khẩu MỚI.",
                  en = "An account whose password was just reset signed in again from " .. ATK_IP2
                    .. " with the NEW password." } }
signal { id = "s_leak", source = "press", severity = "critical", truth = true,
         text = { vi = "Một trang mạng xã hội tự xưng 'tin nội bộ' đăng toàn văn dự thảo đề án sắp xếp bộ máy và danh "
                    .. "sách nhân sự dự kiến của tỉnh, kèm ảnh chụp màn hình hộp thư công vụ. Báo chí đề nghị UBND "
                    .. "tỉnh cho ý kiến.",
                  en = "A social-media page calling itself 'inside news' posts the province's draft reorganisation "
                    .. "plan and proposed personnel lists in full, with screenshots of an official mailbox. The "
                    .. "press asks the People's Committee for comment." } }

-- False positives (truth = false).
signal { id = "s_fp_edu", source = "mail-gateway", severity = "medium", truth = false,
         technique = "T1566.001",
         text = { vi = "Cổng thư: thư từ khaothi@" .. LEGIT_SENDER .. " gửi 120 trường THPT, đính kèm "
                    .. "'Mau_ke_hoach_thi_2026.docm' có macro — gắn cờ 'tài liệu chứa macro'.",
                  en = "Mail gateway: a mail from khaothi@" .. LEGIT_SENDER .. " to 120 high schools with "
                    .. "'Mau_ke_hoach_thi_2026.docm', which contains macros — flagged 'document with macros'." } }
signal { id = "s_fp_travel", source = "vpn", severity = "low", truth = false,
         technique = "T1078",
         text = { vi = "VPN: tài khoản Phó Giám đốc Sở Tài chính đăng nhập từ Nhật Bản lúc 09:05.",
                  en = "VPN: the Deputy Director of Finance's account signed in from Japan at 09:05." } }
signal { id = "s_fp_ps", source = "endpoint", severity = "medium", truth = false,
         technique = "T1059.001",
         text = { vi = "EDR: PowerShell có tham số mã hoá base64 chạy trên 40 máy trạm Sở Tư pháp lúc 10:00.",
                  en = "EDR: PowerShell with a base64-encoded argument ran on 40 Department of Justice "
                    .. "workstations at 10:00." } }

-- Everyday noise, emitted at random moments (see every(3) below).
signal { id = "n_spam", source = "mail-gateway", severity = "low", truth = false,
         text = { vi = "Cổng thư: chặn 530 thư rác và 4 thư đính kèm mã độc đã biết trong 1 giờ qua — mức thường ngày.",
                  en = "Mail gateway: 530 spam and 4 known-malware e-mails blocked in the last hour — a normal level." } }
signal { id = "n_ssh", source = "firewall", severity = "low", truth = false,
         text = { vi = "Tường lửa: 1.900 lần thử đăng nhập SSH từ 198.51.100.77 vào dải DMZ, đều bị chặn.",
                  en = "Firewall: 1,900 SSH login attempts from 198.51.100.77 against the DMZ, all blocked." } }
signal { id = "n_av", source = "endpoint", severity = "low", truth = false,
         text = { vi = "Phòng chống mã độc: cách ly một tiện ích trình duyệt quảng cáo trên máy Sở Xây dựng; quét lại sạch.",
                  en = "Anti-malware: an adware browser extension quarantined on a Construction dept machine; rescan clean." } }
signal { id = "n_cert", source = "monitoring", severity = "info", truth = false,
         text = { vi = "Chứng chỉ TLS của webmail.tinh.example hết hạn sau 25 ngày.",
                  en = "The TLS certificate of webmail.tinh.example expires in 25 days." } }
signal { id = "n_lock", source = "mail", severity = "low", truth = false,
         text = { vi = "Thư điện tử: 3 tài khoản bị khoá tạm do nhập sai mật khẩu nhiều lần từ mạng nội bộ (người dùng quên mật khẩu).",
                  en = "E-mail: 3 accounts temporarily locked after repeated wrong passwords from the internal "
                    .. "network (users who forgot them)." } }
signal { id = "n_disk", source = "monitoring", severity = "low", truth = false,
         text = { vi = "Giám sát hạ tầng: ổ lưu trữ hộp thư đạt 81% dung lượng.",
                  en = "Infrastructure monitoring: the mailbox store is 81% full." } }

-- ───────────────────────────── helpers ───────────────────────────
-- Accounts the attacker can steal: its system and the workstation it was stolen from.
local ACCOUNTS = { "mail1", "docs1", "mail2" }
local ACC_SYS = { mail1 = "mail", docs1 = "docs", mail2 = "mail" }
local ACC_PC = { mail1 = "pc_noivu", docs1 = "pc_noivu", mail2 = "recipients" }
local ACC_NAME = {
  mail1 = { vi = "hộp thư ntha.snv", en = "the ntha.snv mailbox" },
  docs1 = { vi = "tài khoản QLVB ntha.snv", en = "the ntha.snv QLVB account" },
  mail2 = { vi = "hộp thư lvminh.stc", en = "the lvminh.stc mailbox" },
}

local function has(list, x)
  for _, v in ipairs(list or {}) do
    if v == x then return true end
  end
  return false
end

-- "HH:MM" at the start of turn t.
-- An infected workstation whose malware can still talk: powered, connected.
local function stealer_active(w, id)
  local A = w.asset[id]
  return A.compromised and A.online and not A.isolated
end

-- Can the attacker use account k now? A stolen session, or the current password without MFA.
local function access(w, k)
  local V = w.vars
  return V.sess[k] or (V.pw[k] and not V.mfa)
end

local function mailbox_exposed(w)
  local U = w.vars.using
  return U.mail1 or U.mail2 or w.vars.rule
end

-- Keep the assets' true state in line with the attacker's accounts.
local function sync(w)
  local V = w.vars
  local mail_c = V.using.mail1 or V.using.mail2 or V.rule
  if mail_c and not w.asset.mail.compromised then
    w:compromise("mail", { technique = "T1078" })
  elseif not mail_c and w.asset.mail.compromised then
    w:set("mail", "compromised", false)
  end
  local docs_c = V.using.docs1
  if docs_c and not w.asset.docs.compromised then
    w:compromise("docs", { technique = "T1078" })
  elseif not docs_c and w.asset.docs.compromised then
    w:set("docs", "compromised", false)
  end
end

-- Nothing the attacker holds is left: no usable account, no rule, no talking malware.
local function attacker_out(w)
  for _, k in ipairs(ACCOUNTS) do
    if access(w, k) or w.vars.using[k] then return false end
  end
  return not w.vars.rule and not stealer_active(w, "pc_noivu") and not stealer_active(w, "recipients")
end

local function infect_second(w, how)
  local V = w.vars
  V.victim2, V.victim2_turn = true, w.turn
  w:compromise("recipients", { technique = "T1204.002" })
  w:log { vi = "Chuyên viên L.V.M. (Sở Tài chính, máy STC-NS-12) mở " .. how.vi .. ": máy bị nhiễm cùng mã độc.",
          en = "Officer L.V.M. (Finance, STC-NS-12) opens " .. how.en .. ": the machine gets the same malware." }
end

-- ───────────────────────────── the attacker's script ─────────────
at(1, function(w)
  local V = w.vars
  V.sess = { mail1 = true, docs1 = true, mail2 = false }       -- stolen session cookies
  V.pw = { mail1 = true, docs1 = true, mail2 = false }         -- stolen passwords
  V.using = { mail1 = false, docs1 = false, mail2 = false }    -- attacker actively inside
  V.reset_seen = { mail1 = false, docs1 = false, mail2 = false }
  V.relogged = false
  V.mfa, V.rule, V.rule_made, V.rule_known, V.c2_blocked = false, false, false, false, false
  V.purged, V.wave, V.wave_turn, V.victim2, V.victim2_turn = false, false, 0, false, 0
  V.acct2_known, V.ioc_known, V.theft_known, V.hunted = false, false, false, false
  V.docs_taken = false
  V.exposure, V.leaked, V.warned, V.tipped_off = 0, false, false, false
  V.evidence_ok, V.changed_before_evidence, V.memory_lost = false, false, false
  V.police_evidence, V.c2blocked_sent = false, false
  V.noise_left = { "n_spam", "n_ssh", "n_av", "n_cert", "n_lock", "n_disk" }
  w:compromise("pc_noivu", { technique = "T1204.002" })
  w:log { vi = "08:05: bà N.T.H. mở CV_2035_UBND-TH.pdf.lnk trên SNV-TCCB-07; PowerShell tải mã độc từ " .. C2
            .. ", lấy mật khẩu đã lưu và cookie phiên của webmail và QLVB trong trình duyệt, gửi ra ngoài, cài "
            .. "tác vụ định kỳ 'OneDriveSync' kèm bộ ghi phím.",
          en = "08:05: Ms N.T.H. opens CV_2035_UBND-TH.pdf.lnk on SNV-TCCB-07; PowerShell fetches malware from "
            .. C2 .. ", which takes the browser's saved passwords and session cookies for webmail and QLVB, sends "
            .. "them out, and installs a scheduled task 'OneDriveSync' with a keylogger." }
  w:signal("s_gw")
  w:signal("s_fp_edu")
end)

at(2, function(w) w:signal("s_beacon") end)
at(4, function(w) w:signal("s_fp_travel") end)
at(7, function(w) w:signal("s_fp_ps") end)

-- Every turn, at its start: what the attacker does with what it holds.
every(1, function(w)
  local V, t = w.vars, w.turn

  -- The keylogger sends a password typed after a reset, if the malware can still talk.
  for _, k in ipairs(ACCOUNTS) do
    if V.reset_seen[k] and not V.pw[k] and stealer_active(w, ACC_PC[k]) and not V.c2_blocked then
      V.pw[k] = true
      w:log { vi = "Bộ ghi phím trên máy còn nhiễm gửi mật khẩu mới của " .. ACC_NAME[k].vi .. " cho kẻ tấn công.",
              en = "The keylogger on the still-infected machine sends the new password of " .. ACC_NAME[k].en
                .. " to the attacker." }
    end
  end

  -- The second victim's webmail password goes out, unless the C2 domain is blocked.
  if V.victim2 and not V.sess.mail2 and not V.pw.mail2 and t >= V.victim2_turn + STEAL_DELAY
     and stealer_active(w, "recipients") and not V.c2_blocked and not V.reset_seen.mail2 then
    V.sess.mail2, V.pw.mail2 = true, true
    w:log { vi = "Mã độc trên STC-NS-12 gửi cookie và mật khẩu webmail của lvminh.stc ra ngoài.",
            en = "The malware on STC-NS-12 sends lvminh.stc's webmail cookie and password out." }
  end
  if V.victim2 and V.c2_blocked and not V.c2blocked_sent and t > V.victim2_turn
     and stealer_active(w, "recipients") then
    V.c2blocked_sent = true
    w:signal("s_c2blocked")
  end

  -- Sessions: thrown out when no longer usable; back in when a way in works again.
  local start = { mail1 = MAIL_TURN, docs1 = DOCS_TURN, mail2 = V.victim2_turn + STEAL_DELAY }
  for _, k in ipairs(ACCOUNTS) do
    local can = access(w, k)
    if V.using[k] and not can then
      V.using[k] = false
      w:log { vi = "Kẻ tấn công mất quyền truy cập " .. ACC_NAME[k].vi .. ".",
              en = "The attacker loses access to " .. ACC_NAME[k].en .. "." }
    elseif not V.using[k] and can and (k ~= "mail2" or V.victim2) and t >= start[k] then
      V.using[k] = true
      if k == "docs1" then V.docs_taken = true end        -- personnel lists start to leave
      if V.reset_seen[k] then
        w:log { vi = "Kẻ tấn công đăng nhập lại " .. ACC_NAME[k].vi .. " bằng mật khẩu mới từ " .. ATK_IP2 .. ".",
                en = "The attacker signs in to " .. ACC_NAME[k].en .. " again with the new password from " .. ATK_IP2 .. "." }
        if not V.relogged then
          V.relogged = true
          w:signal("s_relogin", { asset = ACC_SYS[k], text = {
            vi = ACC_NAME[k].vi:gsub("^%l", string.upper) .. " vừa được đặt lại mật khẩu nhưng lại đăng nhập thành "
              .. "công từ " .. ATK_IP2 .. " bằng mật khẩu MỚI.",
            en = ACC_NAME[k].en:gsub("^%l", string.upper) .. " had its password reset, yet it signed in again from "
              .. ATK_IP2 .. " with the NEW password." } })
        end
      elseif k == "mail1" then
        w:log { vi = "09:00: kẻ tấn công dùng cookie phiên đánh cắp để vào webmail của ntha.snv từ " .. ATK_IP .. ".",
                en = "09:00: the attacker uses the stolen session cookie to enter ntha.snv's webmail from " .. ATK_IP .. "." }
        w:signal("s_geo")
      elseif k == "docs1" then
        w:log { vi = "Kẻ tấn công vào QLVB bằng phiên đánh cắp và bắt đầu tải hàng loạt văn bản.",
                en = "The attacker enters QLVB with the stolen session and starts bulk-downloading documents." }
      else
        w:log { vi = "Kẻ tấn công vào hộp thư lvminh.stc (Sở Tài chính).",
                en = "The attacker enters the lvminh.stc mailbox (Finance)." }
        w:signal("s_login2")
      end
    end
  end
  if t == MAIL_TURN and not V.using.mail1 then
    w:log { vi = "Cookie phiên đánh cắp bị từ chối: các phiên đã bị kết thúc trước khi kẻ tấn công dùng đến.",
            en = "The stolen session cookie is refused: the sessions were ended before the attacker used them." }
  end

  -- The forwarding rule (and its re-creation after a clean-up, while the attacker is still in).
  if V.using.mail1 and not V.rule and t >= MAIL_TURN + RULE_DELAY then
    V.rule = true
    if not V.rule_made then
      V.rule_made, V.rule_turn = true, t
      w:log { vi = "Kẻ tấn công tạo quy tắc chuyển tiếp 'Đồng bộ' tới luutru.snv@mail.example.",
              en = "The attacker creates the forwarding rule 'Sync' to luutru.snv@mail.example." }
    else
      w:log { vi = "Kẻ tấn công vẫn còn phiên trong hộp thư và tạo lại quy tắc chuyển tiếp.",
              en = "The attacker still has a session in the mailbox and re-creates the forwarding rule." }
    end
  end
  if V.rule_made and t == V.rule_turn + 1 then w:signal("s_rule") end
  if V.using.docs1 and t == DOCS_TURN + 1 then w:signal("s_docs") end

  -- A second recipient opens the lure if it is still in her mailbox.
  if t == LATE_OPEN and not V.purged and not V.victim2 then
    infect_second(w, { vi = "thư giả mạo gốc (vừa họp về)", en = "the original lure (back from a meeting)" })
  end
  -- Internal phishing from the real mailbox.
  if t >= WAVE_TURN and V.using.mail1 and not V.wave then
    V.wave, V.wave_turn = true, t
    if V.purged then
      w:log { vi = "Kẻ tấn công gửi lại thư độc từ hộp thư thật của ntha.snv tới 60 cán bộ, nhưng luật chặn mã băm "
                .. "tệp đính kèm (thêm khi gỡ thư) giữ lại toàn bộ.",
              en = "The attacker resends the lure from ntha.snv's real mailbox to 60 officials, but the attachment-"
                .. "hash rule added with the purge quarantines every copy." }
    else
      w:log { vi = "Kẻ tấn công gửi lại thư độc từ hộp thư thật của ntha.snv tới 60 cán bộ nhiều sở (thư nội bộ "
                .. "không qua cổng thư).",
              en = "The attacker resends the lure from ntha.snv's real mailbox to 60 officials of several "
                .. "departments (internal mail does not pass the gateway)." }
    end
  end
  if V.wave and t == V.wave_turn + 1 and not V.purged then w:signal("s_wave") end
  if V.wave and t == V.wave_turn + WAVE_OPEN and not V.purged and not V.victim2 then
    infect_second(w, { vi = "thư độc gửi từ hộp thư nội bộ", en = "the lure sent from the internal mailbox" })
  end

  -- Exposure: what the attacker takes this turn.
  if V.using.docs1 then V.exposure = V.exposure + 2 end
  if V.using.mail1 or V.rule then V.exposure = V.exposure + 1 end
  if V.using.mail2 then V.exposure = V.exposure + 1 end
  if V.exposure >= LEAK_LIMIT and not V.leaked then
    V.leaked = true
    w:log { vi = "Kẻ tấn công đăng tài liệu đã lấy lên mạng xã hội.", en = "The attacker posts the stolen documents." }
    w:signal("s_leak")
  end
  sync(w)
end)

-- Everyday noise: every third turn, maybe one of the remaining noise signals.
every(3, function(w)
  local left = w.vars.noise_left
  if #left > 0 and w:chance(0.6) then
    w:signal(table.remove(left, w:random(1, #left)))
  end
end)

-- ───────────────────────────── actions ───────────────────────────
-- Scenario verbs: "sys purge_mail", "sys change_password mail", "sys review_rules",
-- "sys enable_mfa", "soc hunt", "comms warn_oob".
action { id = "purge_mail", roles = { "sys" }, cost = 1, turns = 1, target = "none",
  label = { vi = "Gỡ thư giả mạo khỏi mọi hộp thư", en = "Purge the lure from every mailbox" },
  help = { vi = "Tìm theo tiêu đề và mã băm tệp đính kèm, xoá khỏi mọi hộp thư (kể cả thư đã chuyển nội bộ) và "
             .. "thêm luật chặn mã băm đó trên máy chủ thư.",
           en = "Search by subject and attachment hash, delete from every mailbox (internal copies too) and add "
             .. "a rule blocking that hash on the mail server." },
  run = function(w, a)
    local V = w.vars
    V.purged = true
    local n = 14 + (V.wave and 60 or 0)
    w:note { vi = "Đã gỡ " .. n .. " bản thư giả mạo khỏi các hộp thư và thêm luật chặn mã băm tệp đính kèm. Nhật "
               .. "ký cho thấy 3 người đã mở thư, " .. (V.victim2 and "2" or "1") .. " người đã mở tệp đính kèm.",
             en = "Purged " .. n .. " copies of the lure and added a rule blocking the attachment hash. The logs "
               .. "show 3 people opened the mail and " .. (V.victim2 and "2" or "1") .. " opened the attachment." }
  end }

action { id = "change_password", roles = { "sys", "lead" }, cost = 1, turns = 1, target = "asset",
  label = { vi = "Yêu cầu người dùng tự đổi mật khẩu", en = "Have the user change her password" },
  help = { vi = "Cách xử lý quen thuộc của bộ phận hỗ trợ: người dùng đổi mật khẩu; các phiên đăng nhập đang mở "
             .. "vẫn còn hiệu lực.",
           en = "The helpdesk's usual answer: the user changes her password; sessions already open stay valid." },
  run = function(w, a)
    local V = w.vars
    if a.target ~= "mail" and a.target ~= "docs" then
      w:note { vi = "Không có tài khoản người dùng nào cần đổi trên hệ thống này.",
               en = "No user account to change on this asset." }
      return
    end
    local k = a.target == "mail" and "mail1" or "docs1"
    local stale = V.sess[k]
    V.pw[k], V.reset_seen[k] = false, true
    if stale then
      w:penalize("reset_without_sessions")
      w:log { vi = "Mật khẩu của " .. ACC_NAME[k].vi .. " đã đổi nhưng cookie phiên đánh cắp vẫn dùng được.",
              en = "The password of " .. ACC_NAME[k].en .. " changed, but the stolen session cookie still works." }
    end
    w:note { vi = "Người dùng đã đổi mật khẩu " .. ACC_NAME[k].vi .. ".",
             en = "The user changed the password of " .. ACC_NAME[k].en .. "." }
  end }

action { id = "review_rules", roles = { "sys" }, cost = 1, turns = 1, target = "none",
  label = { vi = "Rà soát và xoá quy tắc chuyển tiếp ra ngoài", en = "Review and delete outside forwarding rules" },
  help = { vi = "Liệt kê mọi quy tắc chuyển tiếp tới địa chỉ ngoài tỉnh trên máy chủ thư, xoá quy tắc lạ.",
           en = "List every rule forwarding to outside addresses on the mail server, delete the odd ones." },
  run = function(w, a)
    local V = w.vars
    if V.rule then
      V.rule, V.rule_known = false, true
      w:note { vi = "Đã xoá quy tắc 'Đồng bộ' của ntha.snv (chuyển tới luutru.snv@mail.example). Từ 09:15 đã có "
                 .. "khoảng " .. (40 * (w.turn - V.rule_turn + 1)) .. " thư bị chuyển ra ngoài.",
               en = "Deleted ntha.snv's rule 'Sync' (forwarding to luutru.snv@mail.example). Some "
                 .. (40 * (w.turn - V.rule_turn + 1)) .. " e-mails have gone out since 09:15." }
    else
      w:note { vi = "Không có quy tắc chuyển tiếp lạ nào; 212 quy tắc hợp lệ (cán bộ chuyển thư sang hộp thư khác "
                 .. "của tỉnh).",
               en = "No odd forwarding rule; 212 legitimate ones (officials forwarding to other provincial mailboxes)." }
    end
    sync(w)
  end }

action { id = "enable_mfa", roles = { "sys" }, cost = 1, turns = 2, target = "none",
  label = { vi = "Bật xác thực đa yếu tố cho webmail và QLVB", en = "Enforce MFA on webmail and QLVB" },
  help = { vi = "Bắt buộc mã OTP khi đăng nhập mới từ ngoài mạng tỉnh; triển khai mất khoảng 30 phút. Không chặn được "
             .. "phiên đã bị đánh cắp.",
           en = "Require an OTP for new logins from outside the provincial network; about 30 minutes to roll out. "
             .. "It does not stop a session already stolen." },
  run = function(w, a)
    w.vars.mfa = true
    w:note { vi = "Đã bắt buộc xác thực đa yếu tố cho webmail và QLVB; mật khẩu bị lộ không còn đủ để đăng nhập mới.",
             en = "MFA enforced on webmail and QLVB; a stolen password alone no longer opens a new session." }
  end }

action { id = "hunt", roles = { "soc" }, cost = 2, turns = 2, target = "none",
  label = { vi = "Săn tìm mối đe dọa trên toàn tỉnh", en = "Province-wide threat hunt" },
  help = { vi = "Tìm chỉ dấu (tên miền, địa chỉ, mã băm, tác vụ định kỳ) trên mọi máy có EDR, nhật ký DNS và đăng "
             .. "nhập thư; cần biết chỉ dấu trước.",
           en = "Search every EDR endpoint, DNS and mail sign-in logs for the indicators (domain, address, hash, "
             .. "scheduled task); needs the indicators first." },
  run = function(w, a)
    local V = w.vars
    if not V.ioc_known then
      w:note { vi = "Quét chung chung khi chưa có chỉ dấu cụ thể: không kết luận được gì. Hãy điều tra máy bị nhiễm, "
                 .. "nhật ký DNS, hoặc nhờ VNCERT/CC cung cấp chỉ dấu.",
               en = "A generic sweep without specific indicators proves nothing. Investigate the infected machine "
                 .. "or the DNS logs, or ask VNCERT/CC for indicators." }
      return
    end
    V.hunted = true
    if V.victim2 and w.asset.recipients.compromised then
      w:reveal("recipients", "compromised",
        { vi = "Săn tìm: STC-NS-12 (Sở Tài chính) có cùng tác vụ 'OneDriveSync' và kết nối tới " .. C2 .. ".",
          en = "Hunt: STC-NS-12 (Finance) has the same 'OneDriveSync' task and connects to " .. C2 .. "." })
      if V.sess.mail2 then V.acct2_known = true end
      w:note { vi = "Săn tìm toàn tỉnh (5.800 máy có EDR): thêm một máy nhiễm — STC-NS-12 của chuyên viên L.V.M., "
                 .. "Sở Tài chính." .. (V.sess.mail2 and " Hộp thư lvminh.stc đã đăng nhập từ " .. ATK_IP
                 .. ": tài khoản này cũng bị chiếm." or " Chưa thấy tài khoản của chị bị dùng từ ngoài."),
               en = "Province-wide hunt (5,800 EDR endpoints): one more infected machine — STC-NS-12 of officer "
                 .. "L.V.M., Finance." .. (V.sess.mail2 and " The lvminh.stc mailbox signed in from " .. ATK_IP
                 .. ": that account is taken over too." or " Her account has not been used from outside yet.") }
    else
      w:note { vi = "Săn tìm toàn tỉnh (5.800 máy có EDR, nhật ký DNS và đăng nhập thư): ngoài SNV-TCCB-07 không máy "
                 .. "nào khác có chỉ dấu.",
               en = "Province-wide hunt (5,800 EDR endpoints, DNS and mail sign-in logs): no machine other than "
                 .. "SNV-TCCB-07 shows the indicators." }
    end
  end }

action { id = "warn_oob", roles = { "comms", "lead" }, cost = 1, turns = 1, target = "none",
  label = { vi = "Cảnh báo cán bộ qua kênh dự phòng", en = "Warn staff out of band" },
  help = { vi = "Gọi điện, nhắn nhóm điều hành của chánh văn phòng các sở và thông báo trên QLVB bằng tài khoản "
             .. "quản trị: không mở thư 'CV 2035', báo ngay nếu đã mở.",
           en = "Phone calls, the office chiefs' messaging group and a QLVB notice from an admin account: do not "
             .. "open 'letter 2035', report at once if you did." },
  run = function(w, a)
    w.vars.warned = true
    w:note { vi = "Chánh văn phòng các sở đã nhận cảnh báo và phổ biến trong cơ quan.",
             en = "The departments' office chiefs got the warning and pass it on." }
  end }

-- ───────────────────────────── consequences of standard actions ───
on("triage", function(w, a)
  if a.verdict and (a.target == "s_beacon" or a.target == "s_c2blocked") then w.vars.ioc_known = true end
  if a.verdict and a.target == "s_login2" then w.vars.acct2_known = true end
end)

-- Fog of war: what an investigation finds.
on("investigate", function(w, a)
  local V = w.vars
  if a.target == "pc_noivu" then
    V.ioc_known, V.theft_known = true, true
    if w.asset.pc_noivu.compromised then
      w:note { vi = "SNV-TCCB-07: 08:05 mở CV_2035_UBND-TH.pdf.lnk từ tệp nén → PowerShell tải update.dat từ " .. C2
                 .. " (" .. C2_IP .. ") → mã độc đánh cắp thông tin; tác vụ định kỳ 'OneDriveSync' và bộ ghi phím. "
                 .. "Mã độc đã đọc mật khẩu đã lưu VÀ cookie phiên của webmail và QLVB trong trình duyệt: đổi mật "
                 .. "khẩu thôi là chưa đủ, phải kết thúc mọi phiên.",
               en = "SNV-TCCB-07: at 08:05 CV_2035_UBND-TH.pdf.lnk opened from the archive → PowerShell fetched "
                 .. "update.dat from " .. C2 .. " (" .. C2_IP .. ") → an infostealer; scheduled task 'OneDriveSync' "
                 .. "and a keylogger. It read the browser's saved passwords AND session cookies for webmail and "
                 .. "QLVB: a password change is not enough, every session must be ended." }
    else
      w:note { vi = "SNV-TCCB-07: mã độc đã được gỡ; vẫn còn dấu vết tệp .lnk và kết nối cũ tới " .. C2 .. ".",
               en = "SNV-TCCB-07: the malware is gone; traces of the .lnk and old connections to " .. C2 .. " remain." }
    end
  elseif a.target == "mail" then
    local found_vi, found_en = {}, {}
    if V.using.mail1 then
      found_vi[#found_vi + 1] = "ntha.snv có phiên webmail từ " .. ATK_IP .. " dùng lại cookie (không đăng nhập)"
      found_en[#found_en + 1] = "ntha.snv has a webmail session from " .. ATK_IP .. " reusing a cookie (no login)"
    end
    if V.rule then
      V.rule_known = true
      found_vi[#found_vi + 1] = "quy tắc 'Đồng bộ' chuyển thư tới luutru.snv@mail.example"
      found_en[#found_en + 1] = "a rule 'Sync' forwarding mail to luutru.snv@mail.example"
    end
    if V.wave then
      found_vi[#found_vi + 1] = "lúc " .. w:clock((V.wave_turn - 1) * 15) .. " hộp thư ntha.snv gửi thư độc tới 60 cán bộ"
      found_en[#found_en + 1] = "at " .. w:clock((V.wave_turn - 1) * 15) .. " the ntha.snv mailbox sent the lure to 60 officials"
    end
    if V.sess.mail2 and V.using.mail2 then
      V.acct2_known = true
      found_vi[#found_vi + 1] = "lvminh.stc (Sở Tài chính) đăng nhập từ " .. ATK_IP
      found_en[#found_en + 1] = "lvminh.stc (Finance) signed in from " .. ATK_IP
    end
    if #found_vi == 0 then
      w:note { vi = "Thư điện tử: thư giả mạo đã tới 14 hộp thư; chưa thấy đăng nhập hay quy tắc bất thường.",
               en = "E-mail: the lure reached 14 mailboxes; no odd sign-in or rule so far." }
    else
      w:note { vi = "Thư điện tử: " .. table.concat(found_vi, "; ") .. ".",
               en = "E-mail: " .. table.concat(found_en, "; ") .. "." }
    end
  elseif a.target == "docs" then
    if V.using.docs1 then
      w:note { vi = "QLVB: phiên của ntha.snv từ " .. ATK_IP .. " (dùng lại cookie) đang tải hàng loạt văn bản; "
                 .. "đã tải khoảng " .. (V.exposure * 60) .. " văn bản, chủ yếu dự thảo đề án và danh sách nhân sự.",
               en = "QLVB: ntha.snv's session from " .. ATK_IP .. " (a reused cookie) is bulk-downloading; about "
                 .. (V.exposure * 60) .. " documents so far, mostly the draft plan and personnel lists." }
    elseif w.asset.docs.compromised == false and V.sess.docs1 == false then
      w:note { vi = "QLVB: không còn phiên lạ; tài khoản ntha.snv đã được đặt lại.",
               en = "QLVB: no odd session left; the ntha.snv account has been reset." }
    else
      w:note { vi = "QLVB: chưa thấy truy cập bất thường.", en = "QLVB: no unusual access so far." }
    end
  elseif a.target == "fw" then
    V.ioc_known = true
    local who_vi = "SNV-TCCB-07 (192.0.2.57)"
    local who_en = who_vi
    if V.victim2 then
      who_vi = who_vi .. " và STC-NS-12 (192.0.2.83, Sở Tài chính)"
      who_en = who_en .. " and STC-NS-12 (192.0.2.83, Finance)"
      if w.asset.recipients.compromised then
        w:reveal("recipients", "compromised",
          { vi = "STC-NS-12 cũng kết nối tới " .. C2 .. ".", en = "STC-NS-12 also talks to " .. C2 .. "." })
      end
    end
    w:note { vi = "Nhật ký DNS/tường lửa: " .. C2 .. " (" .. C2_IP .. ") đăng ký 5 ngày trước; máy truy vấn: " .. who_vi
               .. ". Người gửi thư giả " .. SENDER .. " là tên miền nhái, không thuộc tỉnh.",
             en = "DNS/firewall logs: " .. C2 .. " (" .. C2_IP .. ") registered 5 days ago; machines querying it: "
               .. who_en .. ". The lure's sender " .. SENDER .. " is a look-alike, not the province's." }
  elseif a.target == "siem" then
    w:note { vi = "SIEM: thư của " .. LEGIT_SENDER .. " là mẫu kế hoạch thi gửi hằng năm, macro ký bằng chứng thư số "
               .. "của Sở Giáo dục và Đào tạo; chuyến công tác Nhật Bản của Phó Giám đốc Sở Tài chính có trong lịch; "
               .. "PowerShell ở Sở Tư pháp là đợt cài phần mềm đã đăng ký trong lịch thay đổi. Cả ba là cảnh báo sai.",
             en = "SIEM: the " .. LEGIT_SENDER .. " mail is the yearly exam template, its macro signed with the "
               .. "Education department's certificate; the Finance deputy director's trip to Japan is in the "
               .. "calendar; the Justice PowerShell is a registered software roll-out. All three are false positives." }
  elseif a.target == "recipients" then
    if V.victim2 then V.ioc_known = true end
  end
end)

-- Resetting ends the sessions and rotates the password of the accounts known to be at risk.
on("reset_credentials", function(w, a)
  local V = w.vars
  local keys
  if a.target == "mail" then
    keys = { "mail1" }
    if V.acct2_known then keys[2] = "mail2" end
  elseif a.target == "docs" then
    keys = { "docs1" }
  else
    return
  end
  for _, k in ipairs(keys) do
    V.sess[k], V.pw[k], V.reset_seen[k], V.using[k] = false, false, true, false
  end
  if a.target == "mail" and V.victim2 and V.sess.mail2 and not V.acct2_known then
    w:log { vi = "Chỉ tài khoản đã biết được đặt lại; hộp thư lvminh.stc vẫn trong tay kẻ tấn công.",
            en = "Only the known account was reset; the lvminh.stc mailbox is still in the attacker's hands." }
  end
  sync(w)
  w:note { vi = "Đã đặt lại mật khẩu, kết thúc mọi phiên và thu hồi cookie đăng nhập của "
             .. (a.target == "mail" and ((V.acct2_known and "ntha.snv và lvminh.stc") or "ntha.snv") or "ntha.snv trên QLVB") .. ".",
           en = "Password reset, every session ended and login cookies revoked for "
             .. (a.target == "mail" and ((V.acct2_known and "ntha.snv and lvminh.stc") or "ntha.snv") or "ntha.snv on QLVB") .. "." }
end)

on("block", function(w, a)
  local V = w.vars
  if a.target == C2 or a.target == C2_IP then
    V.c2_blocked = true
    w:log { vi = "Kênh điều khiển " .. C2 .. " bị chặn: mã độc không gửi được gì ra ngoài.",
            en = "The C2 channel " .. C2 .. " is blocked: the malware can send nothing out." }
  elseif a.target == LEGIT_SENDER or a.target == "khaothi@" .. LEGIT_SENDER then
    w:penalize("blocked_legit_sender")
    w:note { vi = "Thư của Sở Giáo dục và Đào tạo gửi các trường bị chặn; kế hoạch thi không tới được các trường.",
             en = "The Education department's mail to schools is now blocked; the exam plan no longer reaches them." }
  elseif a.target == SENDER or a.target == "vanphong@" .. SENDER then
    w:log { vi = "Tên miền nhái bị chặn ở cổng thư: đợt thư mới từ bên ngoài sẽ bị giữ lại.",
            en = "The look-alike domain is blocked at the gateway: new lures from outside will be held." }
  elseif a.target == ATK_IP or a.target == ATK_IP2 then
    w:log { vi = "Địa chỉ " .. a.target .. " bị chặn; kẻ tấn công có thể dùng địa chỉ khác với cùng cookie.",
            en = a.target .. " blocked; the attacker can use another address with the same cookie." }
  end
end)

on("isolate", function(w, a)
  if a.target == "recipients" then
    w:note { vi = "13 máy trạm của người nhận bị ngắt mạng; cán bộ ba cơ quan tạm làm việc trên máy dự phòng.",
             en = "The 13 recipients' workstations are off the network; staff of three agencies use spare machines." }
  end
  sync(w)
end)

on("collect_evidence", function(w, a)
  local V = w.vars
  if a.target ~= "pc_noivu" and a.target ~= "recipients" then return end
  local A = w.asset[a.target]
  local mem_lost = A.vars.memory_lost
  if a.target == "pc_noivu" and not V.changed_before_evidence then V.evidence_ok = true end
  w:note { vi = "Đã sao chụp ổ đĩa" .. (mem_lost and " (bộ nhớ đã mất do tắt máy)" or " và bộ nhớ") .. " của máy, "
             .. "tính mã băm SHA-256, lập biên bản chuỗi lưu giữ chứng cứ (người thực hiện, giờ UTC+7, nơi cất giữ).",
           en = "Disk" .. (mem_lost and " (memory lost to the shutdown)" or " and memory") .. " image of the machine "
             .. "taken, SHA-256 hashed, chain-of-custody record written (handler, time in UTC+7, storage place)." }
end)

on("shutdown", function(w, a)
  local V = w.vars
  if (a.target == "pc_noivu" or a.target == "recipients") and w.asset[a.target].vars.memory_lost then
    if a.target == "pc_noivu" then V.memory_lost = true end
    w:penalize("shutdown_instead_of_isolate")
    w:log { vi = "Tắt máy: tiến trình mã độc, khoá giải mã và kết nối trong bộ nhớ bị mất.",
            en = "Shutdown: the malware process, its keys and connections in memory are lost." }
  end
  sync(w)
end)

on("eradicate", function(w, a)
  local V = w.vars
  if (a.target == "pc_noivu" or a.target == "recipients") and not w.asset[a.target].evidence then
    if a.target == "pc_noivu" then V.changed_before_evidence = true end
    w:penalize("evidence_destroyed")
  end
  if a.target == "pc_noivu" or a.target == "recipients" then
    if w.asset[a.target].compromised then
      w:note { vi = "Chưa gỡ sạch: mã độc chưa được xác định rõ trên máy này. Hãy điều tra trước.",
               en = "Not fully removed: the malware was not identified on this machine. Investigate first." }
    else
      if not w:knows(a.target, "compromised") then   -- (the standard sweep told of a known one)
        w:reveal(a.target, "compromised")
        w:reveal(a.target, "clean")
      end
      w:note { vi = "Máy đã được cài lại từ ảnh chuẩn, sạch mã độc.", en = "The machine was reimaged; clean." }
    end
  end
  sync(w)
end)

on("report", function(w, a)
  if a.target == "police" and has(a.facts, "evidence") then
    if w.vars.evidence_ok then
      w.vars.police_evidence = true
    else
      w:note { vi = "PA05 hỏi: bản sao ổ đĩa và bộ nhớ của máy bị nhiễm, kèm biên bản, ở đâu?",
               en = "PA05 asks: where are the infected machine's disk and memory images, with the custody record?" }
    end
  end
end)

-- A warning mailed to staff through a mail system the attacker is reading tips them off.
on("communicate", function(w, a)
  local V = w.vars
  if a.target ~= "staff" then return end
  if mailbox_exposed(w) then
    w:penalize("warned_through_compromised_mail")
    if not V.tipped_off then
      V.tipped_off = true
      V.exposure = V.exposure + TIPOFF_RUSH
      w:log { vi = "Kẻ tấn công đọc được thư cảnh báo trong hộp thư đã chiếm, xoá nó khỏi hộp thư nạn nhân và tải "
                .. "vội mọi văn bản còn lại.",
              en = "The attacker reads the warning in the taken-over mailbox, deletes it from the victim's inbox "
                .. "and rushes to download every remaining document." }
    end
    w:note { vi = "Thư cảnh báo đã gửi tới mọi hộp thư công vụ.", en = "The warning was mailed to every official mailbox." }
  else
    V.warned = true
  end
end)

on("request_support", function(w, a)
  local V = w.vars
  if a.target == "vncert" then
    V.ioc_known = true
    w:note { vi = "VNCERT/CC: cùng chiến dịch đã nhắm 3 tỉnh khác tuần này. Chỉ dấu: " .. C2 .. ", " .. C2_IP
               .. ", " .. SENDER .. ", mã băm tệp .lnk và update.dat, tác vụ 'OneDriveSync'; mã độc lấy cả cookie "
               .. "phiên nên phải thu hồi phiên, không chỉ đổi mật khẩu.",
             en = "VNCERT/CC: the same campaign hit 3 other provinces this week. Indicators: " .. C2 .. ", " .. C2_IP
               .. ", " .. SENDER .. ", hashes of the .lnk and update.dat, the 'OneDriveSync' task; it steals session "
               .. "cookies, so revoke sessions, not just passwords." }
  elseif a.target == "vendor" then
    w:note { vi = "Hãng cung cấp hệ thống thư: có thể thu hồi toàn bộ phiên của một tài khoản bằng chức năng đặt lại "
               .. "của quản trị; người dùng tự đổi mật khẩu thì phiên cũ vẫn còn.",
             en = "The mail-system vendor: an admin reset revokes every session of an account; a user's own "
               .. "password change leaves old sessions alive." }
  end
end)

-- ───────────────────────────── scoring ───────────────────────────
-- Objectives: 100 points in all.
objective { id = "detect", capability = "detection", points = 10, by_turn = 4,
  label = { vi = "Xác nhận đúng dấu hiệu thật (thư giả mạo, máy kết nối lạ, phiên lạ) trước 09:30",
            en = "Confirm a real sign (the lure, the odd beacon, the odd session) by 09:30" },
  explain = { vi = "Tệp nén có mật khẩu là cách quen thuộc để qua mặt cổng thư; nhãn 'không quét được' là lúc phải "
                .. "kiểm tra ai đã mở. Một tên miền mới được gọi mỗi 60 giây là dấu hiệu mã độc liên lạc về máy chủ điều khiển.",
              en = "A password-protected archive is the usual way past a gateway; 'not scanned' is the moment to "
                .. "check who opened it. A new domain called every 60 seconds is malware calling home." },
  met = function(w) return w:flagged("s_gw") or w:flagged("s_beacon") or w:flagged("s_geo") end }

objective { id = "purge", capability = "containment", points = 10, by_turn = LATE_OPEN - 1,
  label = { vi = "Gỡ thư giả mạo khỏi mọi hộp thư trước 09:30", en = "Purge the lure from every mailbox by 09:30" },
  explain = { vi = "13 người khác cũng nhận thư; người đi họp về lúc 09:30 đã mở nó. Gỡ thư theo mã băm và thêm luật chặn "
                .. "còn chặn luôn đợt thư độc gửi từ hộp thư nội bộ bị chiếm.",
              en = "13 others received it too; the one back from a meeting at 09:30 opened it. A purge by hash with a "
                .. "blocking rule also stops the wave later sent from the taken-over internal mailbox." },
  met = function(w) return w.vars.purged end }

objective { id = "contain", capability = "containment", points = 10, by_turn = 6,
  label = { vi = "Cô lập máy trạm bị nhiễm trước 10:00", en = "Isolate the infected workstation by 10:00" },
  explain = { vi = "Còn nối mạng thì mã độc còn gửi dữ liệu, bộ ghi phím còn lấy mật khẩu mới. Cô lập qua EDR/switch, "
                .. "giữ máy chạy để lấy bộ nhớ.",
              en = "While connected, the malware keeps sending data and the keylogger takes new passwords. Isolate "
                .. "through EDR or the switch and keep it running for the memory image." },
  met = function(w) local P = w.asset.pc_noivu; return P.isolated or not P.online end }

objective { id = "evidence", capability = "evidence", points = 5,
  label = { vi = "Sao chụp ổ đĩa và bộ nhớ máy bị nhiễm, có biên bản, trước khi cài lại",
            en = "Image the infected machine's disk and memory, with a custody record, before reimaging" },
  explain = { vi = "Bộ nhớ chứa cấu hình mã độc và các địa chỉ điều khiển; tắt máy hay cài lại trước khi sao chụp làm mất "
                .. "chúng, và vụ việc không thể chuyển cho Công an.",
              en = "Memory holds the malware's configuration and C2 addresses; a shutdown or reimage before imaging "
                .. "loses them, and the case cannot go to the police." },
  met = function(w) local V = w.vars; return V.evidence_ok and not V.changed_before_evidence and not V.memory_lost end }

objective { id = "block", capability = "containment", points = 5, by_turn = 8,
  label = { vi = "Chặn tên miền điều khiển của mã độc trước 10:30", en = "Block the malware's C2 domain by 10:30" },
  explain = { vi = "Chặn " .. C2 .. " cắt đường gửi mật khẩu mới ra ngoài từ mọi máy còn nhiễm — kể cả máy chưa ai biết — "
                .. "và làm lộ diện chúng trong nhật ký tường lửa.",
              en = "Blocking " .. C2 .. " stops every still-infected machine — even unknown ones — from sending new "
                .. "passwords out, and makes them show up in the firewall logs." },
  met = function(w) return w.vars.c2_blocked end }

objective { id = "evict", capability = "eradication", points = 15, by_turn = 12,
  label = { vi = "Chấm dứt mọi quyền truy cập của kẻ tấn công trước 11:30",
            en = "End every access the attacker has by 11:30" },
  explain = { vi = "Thứ tự đúng: cô lập máy nhiễm → đặt lại mật khẩu VÀ kết thúc mọi phiên (webmail, QLVB) → xoá quy tắc "
                .. "chuyển tiếp → bật MFA. Người dùng tự đổi mật khẩu không huỷ được cookie đã bị đánh cắp.",
              en = "The right order: isolate the infected machine → reset passwords AND end every session (webmail, "
                .. "QLVB) → delete the forwarding rule → MFA. A user's own password change does not kill a stolen cookie." },
  met = function(w) return attacker_out(w) end }

objective { id = "mfa", capability = "eradication", points = 5,
  label = { vi = "Bật xác thực đa yếu tố cho webmail và QLVB", en = "Enforce MFA on webmail and QLVB" },
  explain = { vi = "MFA khiến mật khẩu bị lộ (kể cả qua bộ ghi phím) không đủ để đăng nhập; nhưng không cứu được phiên đã "
                .. "bị đánh cắp — phải kết hợp với thu hồi phiên.",
              en = "MFA makes a stolen password (even a keylogged one) useless for a new login; it does not save a "
                .. "stolen session — combine it with revoking sessions." },
  met = function(w) return w.vars.mfa end }

objective { id = "hunt", capability = "analysis", points = 5, by_turn = 12,
  label = { vi = "Săn tìm theo chỉ dấu trên toàn tỉnh trước 11:30", en = "Hunt province-wide with the indicators by 11:30" },
  explain = { vi = "Thư gửi 14 người và sau đó 60 người; một nạn nhân là chưa phải tất cả. Săn tìm cần chỉ dấu cụ thể: "
                .. "điều tra máy nhiễm, nhật ký DNS hoặc nhờ VNCERT/CC.",
              en = "The lure went to 14, then 60 people; one victim is not all of them. A hunt needs specific "
                .. "indicators: investigate the infected machine, the DNS logs, or ask VNCERT/CC." },
  met = function(w) return w.vars.hunted end }

-- Personnel lists are the officials' personal data: a team that stops the theft before
-- QLVB is entered has nothing to notify; once they were taken, A05 must hear of it.
objective { id = "personal_data", capability = "reporting", points = 5,
  label = { vi = "Dữ liệu cá nhân: chặn kẻ tấn công trước khi QLVB bị tải, hoặc thông báo A05 khi danh sách nhân sự đã bị lấy",
            en = "Personal data: stop the attacker before QLVB is pillaged, or notify A05 once personnel lists were taken" },
  explain = { vi = "Danh sách nhân sự là dữ liệu cá nhân của cán bộ. Khi đã bị tải về, phải thông báo A05 trong 72 giờ, "
                .. "nêu hệ thống và dữ liệu cá nhân bị lộ — làm ngay trong ca, không đợi biết hết phạm vi.",
              en = "Personnel lists are the officials' personal data. Once they were downloaded, A05 must be notified "
                .. "within 72 hours, with the system and the personal data exposed — within the shift, without waiting "
                .. "for the full scope." },
  met = function(w)
    if w.vars.docs_taken then return w:reported { to = "a05", facts = { "asset", "personal_data" } } end
    return attacker_out(w)
  end }

objective { id = "warn", capability = "coordination", points = 10, by_turn = 8,
  label = { vi = "Cảnh báo cán bộ qua kênh an toàn trước 10:30", en = "Warn staff over a safe channel by 10:30" },
  explain = { vi = "Khi hộp thư còn bị chiếm, cảnh báo gửi qua thư điện tử là báo cho chính kẻ tấn công. Dùng điện "
                .. "thoại, nhóm điều hành, thông báo trên QLVB — hoặc thư điện tử sau khi đã đẩy kẻ tấn công ra.",
              en = "While mailboxes are taken over, an e-mailed warning tells the attacker first. Use phones, the "
                .. "office chiefs' group, a QLVB notice — or e-mail once the attacker is out." },
  met = function(w) return w.vars.warned end }

objective { id = "report_owner", capability = "reporting", points = 5, within_minutes = 120,
  label = { vi = "Báo cáo cơ quan chủ quản (hệ thống, ảnh hưởng) trước 10:30",
            en = "Report to the system owner (asset, impact) by 10:30" },
  explain = { vi = "Văn phòng UBND tỉnh quản lý thư công vụ và QLVB; lãnh đạo cần biết sớm vì tài liệu về sắp xếp nhân "
                .. "sự đang bị lấy.",
              en = "The People's Committee Office runs official mail and QLVB; the leadership needs to know early: "
                .. "personnel documents are being taken." },
  met = function(w) return w:reported { to = "owner", facts = { "asset", "impact" } } end }

objective { id = "report_vncert", capability = "reporting", points = 10, within_minutes = 240,
  label = { vi = "Báo cáo VNCERT/CC kèm chỉ dấu trong buổi sáng",
            en = "Report to VNCERT/CC, with the indicators, within the morning" },
  explain = { vi = "Thời hạn pháp lý tối đa là 5 ngày (QĐ 05/2017/QĐ-TTg, TT 20/2017/TT-BTTTT), nhưng chia sẻ chỉ dấu "
                .. "ngay trong ca giúp các tỉnh đang nhận cùng thư giả mạo kịp chặn.",
              en = "The legal ceiling is 5 days (Decision 05/2017, Circular 20/2017), but sharing indicators within the "
                .. "shift lets other provinces receiving the same lure block it in time." },
  met = function(w) return w:reported { to = "vncert", facts = { "asset", "impact", "indicators" } } end }

objective { id = "report_police", capability = "reporting", points = 5, within_minutes = 480,
  label = { vi = "Chuyển Công an tỉnh (PA05) vụ việc, kèm chứng cứ", en = "Hand the case, with evidence, to PA05" },
  explain = { vi = "Giả mạo văn bản nhà nước, xâm nhập trái phép và chiếm đoạt tài liệu là dấu hiệu tội phạm; chuyển kèm "
                .. "bản sao máy nhiễm, nhật ký và biên bản.",
              en = "Forging a state document, intrusion and document theft are signs of a crime; hand over the "
                .. "infected machine's images, logs and the custody record." },
  met = function(w) return w.vars.police_evidence and w:reported { to = "police", facts = { "asset", "evidence" } } end }

-- ───────────────────────────── metrics ───────────────────────────
-- What the review's times mean in this incident. An account takeover is contained by
-- resetting credentials and ending sessions, not by isolation, and the infected
-- workstation stays off the network until it is reimaged, so the default rule would
-- never see a recovery:
--   contained  the attacker is out everywhere: no stolen session or usable password
--              (reset, or MFA), no forwarding rule, no infected workstation talking;
--   recovered  still out, the mail and document systems in service, the lure purged
--              from every mailbox and the province swept for other victims.
metrics {
  contained = function(w) return attacker_out(w) end,
  recovered = function(w)
    local V, M, D = w.vars, w.asset.mail, w.asset.docs
    return attacker_out(w) and V.purged and V.hunted
      and M.online and not M.isolated and D.online and not D.isolated
  end,
}

-- Penalties (w:penalize is called from the hooks above).
penalty { id = "reset_without_sessions", capability = "eradication", points = 10,
  label = { vi = "Chỉ đổi mật khẩu, không kết thúc các phiên bị đánh cắp",
            en = "Changed the password without ending the stolen sessions" },
  explain = { vi = "Mã độc lấy cookie phiên: kẻ tấn công không cần mật khẩu. Phải đặt lại bởi quản trị kèm thu hồi mọi phiên.",
              en = "The malware took session cookies: the attacker needs no password. An admin reset that revokes "
                .. "every session is required." } }
penalty { id = "warned_through_compromised_mail", capability = "coordination", points = 10,
  label = { vi = "Cảnh báo cán bộ qua hệ thống thư đang bị chiếm",
            en = "Warned staff through the compromised mail system" },
  explain = { vi = "Kẻ tấn công đọc được cảnh báo, xoá nó khỏi hộp thư nạn nhân và tải vội mọi tài liệu. Liên lạc ngoài "
                .. "kênh (điện thoại, nhóm điều hành) khi kênh thường đã bị chiếm.",
              en = "The attacker read the warning, deleted it from the victim's inbox and rushed the downloads. Go out "
                .. "of band (phone, the office chiefs' group) when the usual channel is compromised." } }
penalty { id = "shutdown_instead_of_isolate", capability = "containment", points = 5,
  label = { vi = "Tắt máy bị nhiễm thay vì cô lập", en = "Powered the infected machine off instead of isolating it" },
  explain = { vi = "Cô lập qua EDR đã đủ ngăn chặn; tắt máy làm mất cấu hình mã độc và kết nối trong bộ nhớ.",
              en = "EDR isolation was enough to contain; powering off lost the malware's configuration and "
                .. "connections in memory." } }
penalty { id = "evidence_destroyed", capability = "evidence", points = 5,
  label = { vi = "Cài lại máy trước khi sao chụp chứng cứ", en = "Reimaged a machine before imaging it" },
  explain = { vi = "Sao chụp ổ đĩa và bộ nhớ, lập biên bản, rồi mới cài lại.",
              en = "Take disk and memory images with a custody record, then reimage." } }
penalty { id = "blocked_legit_sender", capability = "analysis", points = 5,
  label = { vi = "Chặn nhầm người gửi hợp lệ (cảnh báo sai)", en = "Blocked a legitimate sender (a false positive)" },
  explain = { vi = "Thư có macro của Sở Giáo dục và Đào tạo là mẫu kế hoạch thi gửi hằng năm, có chữ ký số; SIEM và lịch "
                .. "thay đổi giải thích được. Điều tra trước khi chặn một cơ quan của tỉnh.",
              en = "The Education department's macro document is the yearly exam template, digitally signed; the SIEM "
                .. "and change calendar explain it. Investigate before blocking a provincial agency." } }

-- Hints, taken in order with the `hint` action.
hint { from_turn = 2, cost = 3,
  text = { vi = "Tệp nén có mật khẩu thì cổng thư không quét được — coi như đáng ngờ. Ai đã mở? Tìm máy kết nối đều đặn "
             .. "tới một tên miền mới. Hai cảnh báo khác (thư có macro, VPN từ Nhật) hãy kiểm tra trên SIEM trước khi chặn.",
           en = "A password-protected archive cannot be scanned — treat it as suspect. Who opened it? Look for a machine "
             .. "calling a new domain at regular intervals. Check the other alerts (macro mail, VPN from Japan) on the "
             .. "SIEM before blocking anything." } }
hint { from_turn = 4, cost = 5,
  text = { vi = "Mã độc đánh cắp thông tin lấy cả cookie phiên: cô lập máy trước, rồi đặt lại mật khẩu có kết thúc phiên "
             .. "(reset_credentials) cho webmail VÀ QLVB, xoá quy tắc chuyển tiếp, bật MFA. Đừng cảnh báo qua thư khi "
             .. "hộp thư còn bị chiếm.",
           en = "Infostealers take session cookies too: isolate the machine first, then reset with session revocation "
             .. "(reset_credentials) on webmail AND QLVB, delete forwarding rules, enforce MFA. Do not warn by e-mail "
             .. "while mailboxes are taken over." } }
hint { from_turn = 6, cost = 5,
  text = { vi = "14 người nhận thư, rồi 60 người nhận thư nội bộ: gỡ thư khỏi mọi hộp thư, chặn tên miền điều khiển và "
             .. "săn tìm toàn tỉnh theo chỉ dấu. Máy thứ hai nhiễm sẽ lộ ra khi nó cố gọi tên miền đã bị chặn.",
           en = "14 recipients, then 60 internal ones: purge every mailbox, block the C2 domain and hunt province-wide "
             .. "with the indicators. A second infected machine shows up when it tries to reach the blocked domain." } }

-- ───────────────────────────── endings (order matters) ───────────
ending { id = "leaked",
  text = { vi = "Dự thảo đề án sắp xếp bộ máy và danh sách nhân sự dự kiến bị đăng lên mạng xã hội. Kẻ tấn công đã ở "
             .. "trong hộp thư và QLVB quá lâu: mỗi 15 phút chậm trễ là thêm hàng trăm văn bản bị lấy.",
           en = "The draft reorganisation plan and proposed personnel lists were posted on social media. The attacker "
             .. "stayed in mail and QLVB too long: every 15 minutes of delay meant hundreds more documents taken." },
  when = function(w) return w.vars.leaked end }

ending { id = "evicted", success = true,
  text = { vi = "Thư giả mạo đã bị gỡ, máy nhiễm đã được cô lập, mọi phiên bị đánh cắp đã bị thu hồi và cuộc săn tìm "
             .. "toàn tỉnh không còn để sót nạn nhân nào. Hoàn tất báo cáo cuối cùng trong 5 ngày và đưa bài học (MFA, "
             .. "thu hồi phiên, kênh liên lạc dự phòng) vào kế hoạch cải tiến.",
           en = "The lure is purged, the infected machines are isolated, every stolen session is revoked and the "
             .. "province-wide hunt left no victim behind. Finish the final report within 5 days and put the lessons "
             .. "(MFA, session revocation, a fallback channel) into the improvement plan." },
  when = function(w) local V = w.vars; return V.purged and V.hunted and attacker_out(w) end }

-- ───────────────────────────── self-tests ────────────────────────
-- Turn arithmetic: an action queued in turn t with turns = k completes at the end of
-- turn t+k-1; each role has 2 action points per turn; one `end` line ends a turn.

test { name = "textbook response", seed = 1, inputs = [[
# turn 1 (08:30): the lure and a false positive; purge at once, warn out of band
soc triage s_gw true
soc triage s_fp_edu false
sys purge_mail
comms warn_oob
lead report owner --facts asset,impact
end
# turn 2 (08:45): the beacon names the machine; isolate it, image it, block the C2
soc triage s_beacon true
soc collect_evidence pc_noivu
net isolate pc_noivu
net block cdn-vanban.example
sys enable_mfa
lead report vncert --facts asset,impact,indicators
end
# turn 3 (09:00): the attacker walks in with the stolen cookie; sessions ended within
# the turn; the hunt starts (the indicators came with the beacon)
sys reset_credentials mail
sys reset_credentials docs
soc hunt
lead report police --facts asset,impact,evidence,indicators
end
# turn 4 (09:15): the hunt completes — evicted
end
]], expect = { outcome = "evicted", score = 100,
               metrics = { detected_by = 15, contained_by = 45, recovered_by = 60 },
               objectives = { detect = true, purge = true, contain = true, evidence = true, block = true,
                              evict = true, mfa = true, hunt = true, warn = true, report_owner = true,
                              report_vncert = true, report_police = true, personal_data = true } } }

test { name = "password only, warned by e-mail", seed = 2, inputs = [[
soc triage s_gw true
end
soc triage s_beacon true
end
# turn 3 (09:00): the odd session; the helpdesk has the user change her password
soc triage s_geo true
sys change_password mail
end
# turn 4: the session lives on; a warning goes out through the compromised mail
lead communicate staff --facts impact,actions
end
end
end
end
end
end
end
end
end
]], expect = { outcome = "leaked", max_score = 0,
               objectives = { detect = true, purge = false, evict = false, warn = false },
               penalties = { "reset_without_sessions", "warned_through_compromised_mail" } } }

test { name = "reset before isolating: the keylogger wins", seed = 3, inputs = [[
soc triage s_gw true
sys purge_mail
end
# turn 2: the machine is known but left on the network, the C2 open
soc triage s_beacon true
soc investigate pc_noivu
comms warn_oob
end
# turn 3: a proper reset, but the keylogger sends the new passwords out
sys reset_credentials mail
sys reset_credentials docs
end
# turn 4: the attacker is back in with the new password (s_relogin)
end
# turn 5: now isolate and block; reset again
soc triage s_relogin true
net isolate pc_noivu
net block cdn-vanban.example
end
# turn 6: QLVB was entered with the new password — personnel lists are gone: A05
sys reset_credentials mail
sys reset_credentials docs
soc hunt
lead report a05 --facts asset,personal_data
end
sys review_rules
end
]], expect = { outcome = "evicted", score = 70,
               objectives = { detect = true, purge = true, contain = true, evidence = false, evict = true,
                              hunt = true, warn = true, mfa = false, personal_data = true } } }

test { name = "second victim found by the blocked C2", seed = 4, inputs = [[
soc triage s_gw true
soc triage s_fp_edu false
lead report owner --facts asset,impact
end
soc triage s_beacon true
net isolate pc_noivu
net block cdn-vanban.example
soc collect_evidence pc_noivu
end
# turn 3: the session was used at 09:00; end it
soc triage s_geo true
sys reset_credentials mail
sys reset_credentials docs
end
# turn 4 (09:15): no rule was made; warn out of band
sys review_rules
comms warn_oob
end
# turn 5 (09:30): the purge comes too late: the second recipient opened the lure at 09:30
sys purge_mail
sys enable_mfa
soc investigate pc_noivu
end
# turn 6: the firewall shows STC-NS-12 calling the blocked domain
soc triage s_c2blocked true
net isolate recipients
end
# turn 7: the hunt (2 turns) confirms it and finds nothing else
soc hunt
end
end
]], expect = { outcome = "evicted", score = 75,
               objectives = { purge = false, contain = true, block = true, evict = true, hunt = true,
                              report_vncert = false } } }

test { name = "shutdown and reimage: evidence lost", seed = 5, inputs = [[
soc triage s_gw true
sys purge_mail
soc triage s_fp_edu true
net block so-gddt.tinh.example
end
# turn 2: power off, then reimage without an image
soc triage s_beacon true
sys shutdown pc_noivu
end
sys eradicate pc_noivu
end
]] .. string.rep("end\n", 21), expect = { outcome = "leaked", objectives = { contain = true, evidence = false },
               penalties = { "shutdown_instead_of_isolate", "evidence_destroyed", "blocked_legit_sender" } } }

test { name = "idle team", seed = 6, inputs = string.rep("end\n", 24),
       expect = { outcome = "leaked", score = 0, objectives = { detect = false, evict = false },
                  metrics = { detected_by = false, contained_by = false, recovered_by = false } } }

test { name = "contained but never hunted", seed = 7, inputs = [[
soc triage s_gw true
sys purge_mail
comms warn_oob
end
soc triage s_beacon true
net isolate pc_noivu
sys reset_credentials mail
sys reset_credentials docs
end
]] .. string.rep("end\n", 22),
       expect = { outcome = "timeout", min_score = 50, max_score = 60,
                  objectives = { detect = true, purge = true, contain = true, evict = true, hunt = false } } }
