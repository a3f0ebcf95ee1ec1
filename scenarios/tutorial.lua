-- tutorial.lua — the irdrill tutorial (scenario API v1).
--
-- Bài hướng dẫn: làm quen với irdrill qua một máy trạm nhiễm mã độc.
-- The tutorial: learn irdrill with one infected workstation.
--
-- ─────────────────────────────────────────────────────────────────────────────
-- FOR TRAINERS: WHAT THIS SCENARIO IS FOR
-- ─────────────────────────────────────────────────────────────────────────────
-- A short, forgiving drill for a first session. One player holds every role.
-- Every turn starts with a note (w:note) that teaches one thing about the
-- interface, in order, and ends with the suggested next step for what the
-- player has done so far (so a player who falls behind is shown the way).
-- The notes teach the terminal interface's keys (nothing is typed there: keys
-- choose panes, signals, systems and actions), and give after each step the
-- matching inputs line, for those who play it headless with an inputs script
-- (irdrill run tutorial --inputs FILE):
--
--   turn 1  signals and triage (true / false), action points, ending the turn
--   turn 2  investigate: the team sees only what it has found (fog of war)
--   turn 3  isolate (not shut down): the network is cut, memory is kept
--   turn 4  action points per role; evidence before any change
--   turn 5  multi-turn actions: eradicate takes two turns; cancel
--   turn 6  reports count only with the right facts; the scenario's own actions
--   turn 7  hints and their cost
--   turn 8  back to service; how the drill ends
--   turns 9-10  wrap-up: objectives, the debrief
--
-- The plot (ground truth): at 07:52 an official of the Department of Home
-- Affairs opened 'Giay_moi_hop.pdf.exe' from an e-mail (T1566.001, T1204.002);
-- it set a Run key (T1547.001) and calls 203.0.113.25 every 5 minutes
-- (T1071.001). If the workstation is still connected at the start of turn 7
-- (09:30), the malware copies itself to the department's file server over SMB
-- (T1021.002) and the tutorial ends there ("spread") with a friendly lesson.
--
-- Endings (in this order): spread (the file server was reached); cleaned (the
-- workstation cleaned, back on the network, the owner told with the right facts:
-- success); timeout after turn 10.
--
-- Scoring (100): detect 15, false alarm 10, investigate 10, isolate by 09:15 15,
-- evidence 10, eradicate 15, report 15, back in service 10. Penalties are small
-- (5 each): powered off, cleaned before imaging, reconnected while infected.
-- Hints cost 1, 1, 2.
--
-- Self-tests: follow the notes (cleaned), never isolated (spread), isolated
-- then stopped (timeout), first-timer mistakes (cleaned, with every penalty).
-- ─────────────────────────────────────────────────────────────────────────────

scenario {
  id = "tutorial", version = 3, api = 1,
  title = {
    vi = "Hướng dẫn: làm quen với irdrill qua một máy trạm nhiễm mã độc",
    en = "Tutorial: learn irdrill with one infected workstation",
  },
  summary = {
    vi = "Bài tập ngắn (10 lượt, 15 phút mỗi lượt) cho lần chơi đầu tiên. Một máy trạm của Sở Nội vụ "
      .. "mở tệp đính kèm độc hại. Mỗi lượt có một ghi chú hướng dẫn một thao tác bằng phím trên giao diện: "
      .. "phân loại tín hiệu, điều tra, cô lập, điểm hành động, hành động nhiều lượt, báo cáo kèm thông tin, "
      .. "gợi ý, kết thúc lượt (kèm dòng lệnh tương ứng cho kịch bản đầu vào). Bạn giữ mọi vai trò; sai sót "
      .. "chỉ bị trừ ít điểm.",
    en = "A short drill (10 turns of 15 minutes) for a first session. A Department of Home Affairs "
      .. "workstation opens a malicious attachment. Each turn has a note that teaches one step with the "
      .. "interface's keys: triaging signals, investigating, isolating, action points, multi-turn actions, "
      .. "reporting with facts, hints, ending the turn (with the matching line for inputs scripts). You "
      .. "hold every role; mistakes cost only a few points.",
  },
  difficulty = "basic",
  turn_minutes = 15, max_turns = 10, action_points = 2, start_time = "08:00",
  attack = { "T1566.001", "T1204.002", "T1547.001", "T1071.001", "T1021.002" },
}

-- Tuning knobs.
local ISOLATE_BY  = 6     -- objective "isolate": by the end of turn 6 (09:30)
local SPREAD_TURN = 7     -- 09:30: the malware reaches the file server if the PC is connected

-- Indicators (documentation addresses and example domains only).
local C2_IP, SENDER = "203.0.113.25", "vanphong@hoinghi-tinh.example"

-- ───────────────────────────── roles ─────────────────────────────
role { id = "lead", name = { vi = "Trưởng nhóm", en = "Team lead" },
       desc = { vi = "Phân loại tín hiệu, báo cáo, xem gợi ý.", en = "Triages signals, reports, takes hints." } }
role { id = "soc",  name = { vi = "Giám sát (SOC)", en = "SOC analyst" },
       desc = { vi = "Phân loại tín hiệu, điều tra, thu thập chứng cứ.", en = "Triages, investigates, collects evidence." } }
role { id = "sys",  name = { vi = "Quản trị hệ thống", en = "System administrator" },
       desc = { vi = "Cô lập, thu chứng cứ, loại bỏ mã độc, kết nối lại.",
                en = "Isolates, collects evidence, eradicates, reconnects." } }

-- ───────────────────────────── assets ────────────────────────────
asset { id = "pc", kind = "workstation", level = 2, zone = "office",
        name = { vi = "Máy trạm NV-PC-07 (Sở Nội vụ)", en = "Workstation NV-PC-07 (Department of Home Affairs)" },
        desc = { vi = "Máy của một chuyên viên phòng Tổ chức; dùng thư công vụ và máy chủ tệp của Sở.",
                 en = "A personnel officer's PC; uses official mail and the department's file server." } }
asset { id = "fs", kind = "file", level = 2, zone = "office",
        name = { vi = "Máy chủ tệp của Sở Nội vụ", en = "Department of Home Affairs file server" },
        desc = { vi = "Thư mục dùng chung của các phòng; cập nhật Windows tự động lúc 08:30.",
                 en = "The offices' shared folders; automatic Windows updates at 08:30." } }
asset { id = "mail", kind = "mail", level = 3, zone = "internal",
        name = { vi = "Thư điện tử công vụ", en = "Official e-mail" },
        desc = { vi = "Hệ thống thư của tỉnh; cổng lọc thư chặn thư rác hằng ngày.",
                 en = "The province's mail system; the gateway blocks spam every day." } }
link("pc", "fs")
link("pc", "mail")

-- ───────────────────────────── signals ───────────────────────────
signal { id = "s_edr", source = "edr", severity = "high", asset = "pc", truth = true,
         technique = "T1204.002",
         text = { vi = "EDR: trên NV-PC-07, tệp 'Giay_moi_hop.pdf.exe' (đính kèm thư từ " .. SENDER .. ") vừa chạy "
                    .. "và tạo mục khởi động cùng Windows.",
                  en = "EDR: on NV-PC-07, 'Giay_moi_hop.pdf.exe' (attached to a mail from " .. SENDER .. ") just ran "
                    .. "and added a startup entry." } }
signal { id = "s_spam", source = "mail-gateway", severity = "low", asset = "mail", truth = false,
         text = { vi = "Cổng thư: đã chặn 290 thư rác trong giờ qua — như mọi ngày.",
                  en = "Mail gateway: blocked 290 spam e-mails in the last hour — as every day." } }
signal { id = "s_beacon", source = "firewall", severity = "medium", asset = "pc", truth = true,
         technique = "T1071.001",
         text = { vi = "Tường lửa: NV-PC-07 gửi HTTPS tới " .. C2_IP .. " đều đặn 5 phút một lần từ 07:53.",
                  en = "Firewall: NV-PC-07 has sent HTTPS to " .. C2_IP .. " every 5 minutes since 07:53." } }
signal { id = "s_update", source = "monitoring", severity = "medium", asset = "fs", truth = false,
         text = { vi = "Giám sát: CPU máy chủ tệp 95% trong 10 phút, máy khởi động lại lúc 08:41.",
                  en = "Monitoring: file-server CPU at 95% for 10 minutes; it rebooted at 08:41." } }
signal { id = "s_spread", source = "edr", severity = "critical", asset = "fs", truth = true,
         technique = "T1021.002",
         text = { vi = "EDR: tệp 'Giay_moi_hop.pdf.exe' xuất hiện trong 14 thư mục dùng chung của máy chủ tệp, "
                    .. "được chép từ NV-PC-07 qua SMB.",
                  en = "EDR: 'Giay_moi_hop.pdf.exe' appeared in 14 shared folders of the file server, copied from "
                    .. "NV-PC-07 over SMB." } }
signal { id = "n_ssh", source = "firewall", severity = "low", truth = false,
         text = { vi = "Tường lửa: chặn 1.200 lần dò SSH từ Internet (như mọi ngày).",
                  en = "Firewall: blocked 1,200 SSH probes from the Internet (as every day)." } }
signal { id = "n_av", source = "endpoint", severity = "low", truth = false,
         text = { vi = "Phòng chống mã độc: cập nhật mẫu nhận diện thành công trên 412 máy trạm.",
                  en = "Anti-malware: signature update succeeded on 412 workstations." } }

-- ───────────────────────────── helpers ───────────────────────────
local function has(list, x)
  for _, v in ipairs(list or {}) do
    if v == x then return true end
  end
  return false
end

local function reported_ok(w)
  return w:reported { to = "owner", facts = { "asset", "impact", "actions" } }
end

-- The suggested next step, from what the team has done so far: the keys of
-- the terminal interface, then the inputs line that does the same.
local function next_step(w)
  local V, P = w.vars, w.asset.pc
  if not w:flagged("s_edr") then
    return { vi = "phân loại s_edr là thật: chọn nó trong khung 'Cảnh báo và tin nhắn', nhấn t, chọn 'tấn công "
               .. "thật' (dòng lệnh: 'soc triage s_edr true').",
             en = "mark s_edr as real: select it in 'Signals and messages', press t, choose 'real attack' "
               .. "(inputs line: 'soc triage s_edr true')." }
  elseif not V.investigated then
    return { vi = "điều tra máy trạm: trong khung 'Hệ thống' chọn NV-PC-07, nhấn Enter, chọn 'Điều tra hệ thống' "
               .. "(dòng lệnh: 'soc investigate pc').",
             en = "investigate the workstation: in 'Systems' select NV-PC-07, press Enter, choose 'Investigate an "
               .. "asset' (inputs line: 'soc investigate pc')." }
  elseif P.compromised and not P.isolated and P.online then
    return { vi = "cô lập máy trạm: Enter trên NV-PC-07, chọn 'Cô lập hệ thống' (dòng lệnh: 'sys isolate pc').",
             en = "isolate the workstation: Enter on NV-PC-07, choose 'Isolate an asset' (inputs line: "
               .. "'sys isolate pc')." }
  elseif P.compromised and not P.evidence then
    return { vi = "thu chứng cứ: Enter trên NV-PC-07, chọn 'Thu thập chứng cứ' (dòng lệnh: 'sys collect_evidence pc').",
             en = "collect evidence: Enter on NV-PC-07, choose 'Collect evidence' (inputs line: "
               .. "'sys collect_evidence pc')." }
  elseif P.compromised then
    return { vi = "loại bỏ mã độc: Enter trên NV-PC-07, chọn 'Loại bỏ mã độc' (dòng lệnh: 'sys eradicate pc'); nếu "
               .. "khung 'Hàng đợi' đã có lệnh này, nó xong vào cuối lượt sau.",
             en = "eradicate: Enter on NV-PC-07, choose 'Eradicate' (inputs line: 'sys eradicate pc'); if the Queue "
               .. "already shows it, it completes at the end of the next turn." }
  elseif not reported_ok(w) then
    return { vi = "báo cáo chủ quản: trong khung 'Hành động' chọn 'Báo cáo sự cố', chọn nơi nhận chủ quản, Tab, đánh "
               .. "dấu hệ thống, ảnh hưởng, biện pháp bằng Space, Enter để gửi (dòng lệnh: 'lead report owner "
               .. "--facts asset,impact,actions').",
             en = "report to the owner: in 'Actions' choose 'Report the incident', pick the owner as recipient, Tab, "
               .. "tick the affected system, impact and actions taken with Space, Enter sends (inputs line: "
               .. "'lead report owner --facts asset,impact,actions')." }
  elseif P.isolated or not P.online then
    return { vi = "đưa máy trở lại mạng: Enter trên NV-PC-07, chọn 'Kết nối lại'" .. (P.online and "" or " (và "
               .. "'Bật hệ thống')") .. " (dòng lệnh: 'sys reconnect pc'" .. (P.online and "" or ", 'sys start pc'")
               .. ").",
             en = "put the PC back on the network: Enter on NV-PC-07, choose 'Reconnect an asset'"
               .. (P.online and "" or " (and 'Start an asset')") .. " (inputs line: 'sys reconnect pc'"
               .. (P.online and "" or ", 'sys start pc'") .. ")." }
  end
  return { vi = "kết thúc lượt: nhấn n (dòng lệnh: 'end').", en = "end the turn: press n (inputs line: 'end')." }
end

-- One lesson per turn (the texts are long on purpose: this is the tutorial).
-- The keys come first: on the play screen nothing is typed. The inputs line
-- in brackets is for a session played from a script (irdrill run).
local LESSON = {
  { vi = "Bước 1/8 — Tín hiệu và phân loại. Chào mừng đến với irdrill! Bạn giữ mọi vai trò: Trưởng nhóm, Giám sát "
      .. "(SOC), Quản trị hệ thống. Mỗi lượt là 15 phút. Khung 'Hệ thống' cho thấy các máy; khung 'Cảnh báo và tin "
      .. "nhắn' là những gì đội nhìn thấy: cảnh báo, cuộc gọi, thư. Có tín hiệu thật, có báo động giả. Trên giao "
      .. "diện không cần gõ lệnh: Tab chuyển khung, mũi tên (hoặc j k) chọn, Enter thực hiện, Esc quay lại. Việc đầu "
      .. "tiên là phân loại: vào khung 'Cảnh báo và tin nhắn', chọn s_edr, nhấn t, chọn 'tấn công thật'; rồi chọn "
      .. "s_spam, nhấn t, chọn 'báo động giả'. Mỗi vai có 2 điểm hành động mỗi lượt; phân loại tốn 1 điểm. Xong thì "
      .. "nhấn n để kết thúc lượt. Phím ? mở trợ giúp. (Chơi bằng kịch bản đầu vào với irdrill run, mỗi thao tác là "
      .. "một dòng: 'soc triage s_edr true', 'soc triage s_spam false', 'end'.)",
    en = "Step 1/8 — Signals and triage. Welcome to irdrill! You hold every role: Team lead, SOC analyst, System "
      .. "administrator. Each turn is 15 minutes. The Systems pane shows the machines; 'Signals and messages' is "
      .. "what the team perceives: alerts, calls, mails. Some are real, some are false alarms. On screen nothing "
      .. "is typed: Tab moves between panes, the arrows (or j k) select, Enter acts, Esc goes back. First, triage: "
      .. "in 'Signals and messages' select s_edr, press t, choose 'real attack'; then select s_spam, press t, "
      .. "choose 'false positive'. Each role has 2 action points per turn; a triage costs 1. When done, press n to "
      .. "end the turn. Key ? opens the help. (Playing from an inputs script with irdrill run, each step is a "
      .. "line: 'soc triage s_edr true', 'soc triage s_spam false', 'end'.)" },
  { vi = "Bước 2/8 — Điều tra. Bạn chỉ thấy những gì đội đã tìm ra: trạng thái 'bị xâm nhập' của một máy chỉ hiện "
      .. "khi có người điều tra. Trong khung 'Hệ thống', chọn NV-PC-07, nhấn Enter và chọn 'Điều tra hệ thống'; kết "
      .. "quả đến vào cuối lượt. Tín hiệu mới s_beacon cũng đáng phân loại (chọn nó, nhấn t). (Dòng lệnh: 'soc "
      .. "investigate pc', 'soc triage s_beacon true'.)",
    en = "Step 2/8 — Investigate. You see only what the team has found: whether a machine is compromised shows only "
      .. "once someone investigates. In Systems, select NV-PC-07, press Enter and choose 'Investigate an asset'; "
      .. "the result comes at the end of the turn. The new signal s_beacon deserves a triage too (select it, press "
      .. "t). (Inputs lines: 'soc investigate pc', 'soc triage s_beacon true'.)" },
  { vi = "Bước 3/8 — Cô lập, đừng tắt máy. Máy đang liên lạc với máy chủ điều khiển. Enter trên NV-PC-07, chọn 'Cô "
      .. "lập hệ thống': mạng bị ngắt nhưng máy vẫn chạy, giữ bộ nhớ làm chứng cứ. 'Tắt hệ thống' làm mất dấu vết "
      .. "trong bộ nhớ. Nếu máy còn nối mạng lúc 09:30, mã độc sẽ lan sang máy chủ tệp. (Dòng lệnh: 'sys isolate pc'.)",
    en = "Step 3/8 — Isolate, do not power off. The PC talks to a command server. Enter on NV-PC-07, choose 'Isolate "
      .. "an asset': the network is cut but the PC keeps running, so memory stays as evidence. 'Shut down an asset' "
      .. "loses what is in memory. If the PC is still connected at 09:30, the malware spreads to the file server. "
      .. "(Inputs line: 'sys isolate pc'.)" },
  { vi = "Bước 4/8 — Điểm hành động và chứng cứ. Điểm tính riêng cho từng vai, mỗi lượt 2 điểm: khung 'Hành động' "
      .. "ghi số điểm còn lại của vai đang hành động, phím r đổi vai (chọn một hành động trên máy thì vai tự đổi "
      .. "theo). Trước khi làm sạch, hãy thu chứng cứ: Enter trên NV-PC-07, chọn 'Thu thập chứng cứ' (sao chụp ổ "
      .. "đĩa, bộ nhớ, lập biên bản giao nhận). Lệnh bị từ chối vì hết điểm thì để lượt sau hoặc giao cho vai khác. "
      .. "(Dòng lệnh: 'sys collect_evidence pc'.)",
    en = "Step 4/8 — Action points and evidence. Points are per role, 2 per turn: the Actions pane shows the acting "
      .. "role's points left, and r switches the acting role (choosing an action on a system switches it for you). "
      .. "Before cleaning, collect evidence: Enter on NV-PC-07, choose 'Collect evidence' (disk and memory images, "
      .. "a custody record). An action refused for lack of points waits for the next turn or goes to another role. "
      .. "(Inputs line: 'sys collect_evidence pc'.)" },
  { vi = "Bước 5/8 — Hành động nhiều lượt. Việc thật cần thời gian: 'Loại bỏ mã độc' (Enter trên NV-PC-07) tốn 2 "
      .. "điểm và kéo dài 2 lượt — đặt ở lượt này thì xong vào cuối lượt sau; khung 'Hàng đợi' cho thấy nó đang "
      .. "chạy. Trong lúc chờ, các vai khác vẫn làm việc. Đặt nhầm? Trong khung 'Hàng đợi' chọn lệnh đó và nhấn x: "
      .. "lệnh bị huỷ và điểm được trả lại (chỉ trong lượt đã đặt). (Dòng lệnh: 'sys eradicate pc'; 'cancel N' huỷ "
      .. "lệnh số N.)",
    en = "Step 5/8 — Multi-turn actions. Real work takes time: 'Eradicate' (Enter on NV-PC-07) costs 2 points and "
      .. "takes 2 turns — queued now, it completes at the end of the next turn; the Queue pane shows it running. "
      .. "Meanwhile the other roles keep working. Queued the wrong thing? In the Queue pane select it and press x: "
      .. "it is cancelled and the points come back (only in the turn it was queued). (Inputs lines: 'sys "
      .. "eradicate pc'; 'cancel N' cancels action number N.)" },
  { vi = "Bước 6/8 — Báo cáo kèm thông tin. Báo cáo chỉ được tính khi có đủ thông tin cần thiết. Trong khung 'Hành "
      .. "động' (vai Trưởng nhóm: nhấn r tới khi thấy), chọn 'Báo cáo sự cố': bên trái chọn nơi nhận là chủ quản, "
      .. "Tab sang danh sách thông tin, nhấn Space để đánh dấu hệ thống bị ảnh hưởng, mức độ ảnh hưởng và biện pháp "
      .. "đã thực hiện, Enter để gửi. Mỗi kịch bản có người nhận và hạn riêng — phím o mở danh sách mục tiêu. Kịch "
      .. "bản cũng có thể có hành động riêng, ví dụ 'Quét mọi máy trạm của Sở bằng EDR' của vai Giám sát (2 lượt). "
      .. "(Dòng lệnh: 'lead report owner --facts asset,impact,actions', 'soc sweep'.)",
    en = "Step 6/8 — Reports with facts. A report counts only with the facts it needs. In the Actions pane (role Team "
      .. "lead: press r until it shows), choose 'Report the incident': on the left pick the owner as recipient, Tab "
      .. "to the facts, tick the affected system, the impact and the actions taken with Space, Enter sends. Each "
      .. "scenario has its own recipients and deadlines — key o opens the objectives. Scenarios may add their own "
      .. "actions too, such as the SOC analyst's 'Sweep every PC of the department with EDR' (2 turns). (Inputs "
      .. "lines: 'lead report owner --facts asset,impact,actions', 'soc sweep'.)" },
  { vi = "Bước 7/8 — Gợi ý. Bí? Nhấn h: giao diện cho biết giá của gợi ý tiếp theo và hỏi lại; mỗi gợi ý trừ vài "
      .. "điểm (ở đây chỉ 1–2 điểm). Trong diễn tập chính thức, người điều hành quyết định có cho xem gợi ý hay "
      .. "không. (Dòng lệnh: 'lead hint'.)",
    en = "Step 7/8 — Hints. Stuck? Press h: the screen tells the next hint's cost and asks; each costs a few points "
      .. "(here only 1–2). In an official exercise the facilitator decides whether hints are allowed. (Inputs line: "
      .. "'lead hint'.)" },
  { vi = "Bước 8/8 — Trở lại hoạt động và kết thúc. Khi máy đã sạch (bảng 'Hệ thống' không còn ghi bị xâm nhập): "
      .. "Enter trên NV-PC-07, chọn 'Kết nối lại'. Bài tập kết thúc khi máy sạch, đã nối mạng lại và chủ quản đã "
      .. "nhận báo cáo đủ thông tin; nếu chưa, hết giờ sau lượt 10. (Dòng lệnh: 'sys reconnect pc'.)",
    en = "Step 8/8 — Back to service, and the end. Once the PC is clean (the Systems pane no longer shows it "
      .. "compromised): Enter on NV-PC-07, choose 'Reconnect an asset'. The drill ends when the PC is clean, back "
      .. "on the network and the owner has a complete report; otherwise time runs out after turn 10. (Inputs line: "
      .. "'sys reconnect pc'.)" },
  { vi = "Sắp hết giờ. Khi kết thúc, bản tổng kết liệt kê mục tiêu đạt, mục tiêu bỏ lỡ kèm lời giải thích, và các "
      .. "lỗi bị trừ điểm — đó là phần quan trọng nhất của buổi diễn tập.",
    en = "Time is nearly up. At the end, the summary lists the objectives met, the ones missed with an explanation, "
      .. "and the mistakes that cost points — the most important part of a drill." },
  { vi = "Lượt cuối. Dù kết quả ra sao, hãy đọc phần tổng kết rồi thử một kịch bản thật, ví dụ portal-defacement.",
    en = "Last turn. Whatever the outcome, read the summary, then try a real scenario, such as portal-defacement." },
}

-- ───────────────────────────── the plot ──────────────────────────
at(1, function(w)
  local V = w.vars
  V.investigated, V.eradicated, V.spread, V.spam_ok, V.swept = false, false, false, false, false
  w:compromise("pc", { technique = "T1204.002" })
  w:log { vi = "07:52: chuyên viên mở 'Giay_moi_hop.pdf.exe' từ thư giả mạo " .. SENDER .. "; mã độc tạo khoá Run "
            .. "và gọi về " .. C2_IP .. ".",
          en = "07:52: the officer opens 'Giay_moi_hop.pdf.exe' from a forged mail by " .. SENDER .. "; the malware "
            .. "sets a Run key and calls " .. C2_IP .. "." }
  w:signal("s_edr")
  w:signal("s_spam")
end)

at(2, function(w)
  local P = w.asset.pc
  if P.compromised and P.online and not P.isolated then w:signal("s_beacon") end
end)

at(3, function(w) w:signal("s_update") end)   -- Windows Update on the file server: a false alarm

at(SPREAD_TURN, function(w)
  local P = w.asset.pc
  if P.compromised and P.online and not P.isolated then
    w.vars.spread = true
    w:compromise("fs", { technique = "T1021.002" })
    w:signal("s_spread")
  end
end)

-- The lesson of the turn, then the suggested next step.
every(1, function(w)
  local lesson, step = LESSON[w.turn], next_step(w)
  if lesson then
    w:note { vi = lesson.vi .. " — Việc nên làm tiếp: " .. step.vi, en = lesson.en .. " — Next: " .. step.en }
  end
end)

every(4, function(w)                    -- a little everyday noise
  if w:chance(0.5) then w:signal(w:chance(0.5) and "n_ssh" or "n_av", { id = "n_t" .. w.turn }) end
end)

-- ───────────────────────────── actions ───────────────────────────
action { id = "sweep", roles = { "soc" }, cost = 1, turns = 2, target = "none",
         label = { vi = "Quét mọi máy trạm của Sở bằng EDR", en = "Sweep every PC of the department with EDR" },
         help = { vi = "Tìm tệp và kết nối giống NV-PC-07 trên các máy khác. Hai lượt.",
                  en = "Look for NV-PC-07's file and connections on the other machines. Two turns." },
         run = function(w, a)
           w.vars.swept = true
           if w.asset.fs.compromised then
             w:reveal("fs", "compromised", { vi = "Quét xong: mã độc đã có trên máy chủ tệp.",
                                             en = "Sweep done: the malware is on the file server." })
           else
             w:note { vi = "Quét xong 38 máy trạm và máy chủ tệp: chỉ NV-PC-07 nhiễm. Máy chủ tệp khởi động lại lúc 08:41 "
                        .. "là do cập nhật Windows.",
                      en = "Sweep of 38 PCs and the file server done: only NV-PC-07 is infected. The file server's "
                        .. "08:41 reboot was Windows Update." }
           end
         end }

-- ───────────────────────────── what the team's actions teach ─────
on("triage", function(w, a)
  if a.target == "s_spam" then
    if a.verdict then
      w:note { vi = "Gần đúng rồi: chặn thư rác là việc thường ngày của cổng thư, không phải sự cố. Đánh dấu lại: "
                 .. "chọn s_spam, nhấn t, chọn 'báo động giả' (dòng lệnh: 'soc triage s_spam false').",
               en = "Nearly: blocking spam is the gateway's daily job, not an incident. Mark it again: select "
                 .. "s_spam, press t, choose 'false positive' (inputs line: 'soc triage s_spam false')." }
    else
      w.vars.spam_ok = true
    end
  elseif a.target == "s_edr" and not a.verdict then
    w:note { vi = "Một tệp '.pdf.exe' chạy từ thư đính kèm là dấu hiệu thật. Đánh dấu lại: chọn s_edr, nhấn t, chọn "
               .. "'tấn công thật' (dòng lệnh: 'soc triage s_edr true').",
             en = "A '.pdf.exe' run from an attachment is the real thing. Mark it again: select s_edr, press t, choose "
               .. "'real attack' (inputs line: 'soc triage s_edr true')." }
  elseif a.target == "s_update" and a.verdict then
    w:note { vi = "Hãy điều tra trước khi kết luận: Enter trên máy chủ tệp, chọn 'Điều tra hệ thống' (dòng lệnh: "
               .. "'soc investigate fs').",
             en = "Investigate before concluding: Enter on the file server, choose 'Investigate an asset' (inputs "
               .. "line: 'soc investigate fs')." }
  end
end)

on("investigate", function(w, a)
  if a.target == "pc" then
    w.vars.investigated = true
    if w.asset.pc.compromised then
      w:note { vi = "NV-PC-07: tiến trình 'Giay_moi_hop.pdf.exe' đang chạy, khoá Run 'OfficeUpdater', kết nối tới "
                 .. C2_IP .. ". Biểu tượng 'bị xâm nhập' giờ đã hiện trên bảng hệ thống.",
               en = "NV-PC-07: the process 'Giay_moi_hop.pdf.exe' is running, Run key 'OfficeUpdater', connections to "
                 .. C2_IP .. ". The board now shows the PC as compromised." }
    else
      w:note { vi = "NV-PC-07: không còn dấu vết mã độc.", en = "NV-PC-07: no trace of the malware left." }
    end
  elseif a.target == "fs" and not w.asset.fs.compromised then
    w:note { vi = "Máy chủ tệp: CPU cao và khởi động lại là do cập nhật Windows theo lịch — báo động giả.",
             en = "File server: the high CPU and the reboot were scheduled Windows updates — a false alarm." }
  end
end)

on("shutdown", function(w, a)
  if a.target == "pc" and w.asset.pc.vars.memory_lost then
    w:penalize("powered_off")
    w:note { vi = "Máy đã tắt: tiến trình và kết nối trong bộ nhớ đã mất. Lần sau hãy dùng 'Cô lập hệ thống'. Bật "
               .. "lại: Enter trên NV-PC-07, chọn 'Bật hệ thống' (dòng lệnh: 'sys start pc').",
             en = "The PC is off: the processes and connections in memory are gone. Next time use 'Isolate an "
               .. "asset'. Power it back on: Enter on NV-PC-07, choose 'Start an asset' (inputs line: 'sys start pc')." }
  end
end)

on("eradicate", function(w, a)
  if a.target ~= "pc" then return end
  if not w.asset.pc.evidence then w:penalize("evidence_destroyed") end
  if w.asset.pc.compromised then
    w:note { vi = "Chưa sạch hẳn: lượt quét không biết phải tìm gì. Điều tra (Enter trên NV-PC-07, 'Điều tra hệ "
               .. "thống'; dòng lệnh: 'soc investigate pc') rồi loại bỏ lại.",
             en = "Not fully clean: the sweep did not know what to look for. Investigate (Enter on NV-PC-07, "
               .. "'Investigate an asset'; inputs line: 'soc investigate pc'), then eradicate again." }
  else
    w.vars.eradicated = true
    -- The board shows it: the standard eradicate tells a team that knew of
    -- the malware; a lucky sweep in the dark is told here.
    if not w:knows("pc", "compromised") then
      w:reveal("pc", "compromised")
      w:reveal("pc", "clean")
    end
    w:note { vi = "NV-PC-07 đã sạch: xoá tệp, khoá Run và tác vụ lạ; đổi mật khẩu của người dùng. Bảng 'Hệ thống' "
               .. "không còn ghi máy bị xâm nhập.",
             en = "NV-PC-07 is clean: file, Run key and task removed; the user's password changed. The Systems "
               .. "pane no longer shows it compromised." }
  end
end)

on("reconnect", function(w, a)
  if a.target == "pc" and w.asset.pc.compromised then
    w:penalize("reconnected_infected")
    w:note { vi = "Máy vẫn còn mã độc mà đã nối mạng lại. Cô lập lại ('Cô lập hệ thống') rồi loại bỏ trước.",
             en = "The PC went back on the network still infected. Isolate it again ('Isolate an asset') and "
               .. "eradicate first." }
  end
end)

on("report", function(w, a)
  if a.target == "owner" and not reported_ok(w) then
    w:note { vi = "Sở Nội vụ hỏi lại: máy nào, ảnh hưởng gì, đã làm gì? Gửi lại, đánh dấu đủ hệ thống bị ảnh hưởng, "
               .. "mức độ ảnh hưởng và biện pháp đã thực hiện (dòng lệnh: '--facts asset,impact,actions').",
             en = "The department asks back: which machine, what impact, what was done? Send it again with the "
               .. "affected system, the impact and the actions taken ticked (inputs line: '--facts "
               .. "asset,impact,actions')." }
  elseif a.target ~= "owner" and not has(a.facts, "asset") then
    w:note { vi = "Đã gửi. Với sự cố nhỏ này, người cần biết trước hết là cơ quan chủ quản (owner).",
             en = "Sent. For a small incident like this one, the first to know is the owner." }
  end
end)

-- ───────────────────────────── scoring ───────────────────────────
objective { id = "detect", capability = "detection", points = 15,
  label = { vi = "Phân loại đúng cảnh báo EDR là thật", en = "Triage the EDR alert as real" },
  explain = { vi = "Tệp '.pdf.exe' chạy từ thư đính kèm và tự khởi động cùng Windows là mã độc: đánh dấu 'true'.",
              en = "A '.pdf.exe' run from an attachment that starts with Windows is malware: mark it 'true'." },
  met = function(w) return w:flagged("s_edr") end }

objective { id = "false_alarm", capability = "detection", points = 10,
  label = { vi = "Nhận ra báo động giả (thư rác bị chặn)", en = "Spot the false alarm (blocked spam)" },
  explain = { vi = "Không phải cảnh báo nào cũng là sự cố; đánh dấu 'false' để đội tập trung vào việc thật.",
              en = "Not every alert is an incident; marking it 'false' keeps the team on the real one." },
  met = function(w) return w.vars.spam_ok and not w:flagged("s_spam") end }

objective { id = "investigate", capability = "analysis", points = 10,
  label = { vi = "Điều tra máy trạm", en = "Investigate the workstation" },
  explain = { vi = "Điều tra cho biết máy có bị xâm nhập không, tiến trình nào, liên lạc với đâu.",
              en = "Investigation tells whether the machine is compromised, which process, talking to where." },
  met = function(w) return w.vars.investigated end }

objective { id = "isolate", capability = "containment", points = 15, by_turn = ISOLATE_BY,
  label = { vi = "Cô lập máy trạm trước 09:30", en = "Isolate the workstation before 09:30" },
  explain = { vi = "Cô lập ngắt liên lạc với máy chủ điều khiển và chặn lây lan, mà máy vẫn chạy để giữ chứng cứ.",
              en = "Isolation cuts the command server off and stops the spread, while the PC keeps running for evidence." },
  met = function(w) return w.asset.pc.isolated end }

objective { id = "evidence", capability = "evidence", points = 10,
  label = { vi = "Thu chứng cứ trước khi làm sạch", en = "Collect evidence before cleaning" },
  explain = { vi = "Sao chụp ổ đĩa và bộ nhớ, lập biên bản, trước mọi thay đổi trên máy bị xâm nhập.",
              en = "Image disk and memory, with a custody record, before changing a compromised machine." },
  met = function(w) return w.asset.pc.evidence and not w.asset.pc.vars.memory_lost and w.vars.eradicated end }

objective { id = "eradicate", capability = "eradication", points = 15,
  label = { vi = "Loại bỏ mã độc khỏi máy trạm", en = "Remove the malware from the workstation" },
  explain = { vi = "Điều tra trước để biết phải xoá gì; 'eradicate' kéo dài hai lượt.",
              en = "Investigate first to know what to remove; 'eradicate' takes two turns." },
  met = function(w) return w.vars.eradicated and not w.asset.pc.compromised end }

objective { id = "report", capability = "reporting", points = 15,
  label = { vi = "Báo cáo cơ quan chủ quản kèm hệ thống, ảnh hưởng, biện pháp",
            en = "Report to the owner with the asset, impact and actions" },
  explain = { vi = "Một báo cáo chỉ có giá trị khi trả lời được: hệ thống nào, ảnh hưởng gì, đã làm gì.",
              en = "A report is worth something only when it says which system, what impact, what was done." },
  met = function(w) return reported_ok(w) end }

objective { id = "service", capability = "recovery", points = 10,
  label = { vi = "Đưa máy trạm sạch trở lại mạng", en = "Put the clean workstation back on the network" },
  explain = { vi = "Ứng cứu chỉ xong khi người dùng làm việc lại được trên một máy đã sạch.",
              en = "The response is done only when the user can work again on a clean machine." },
  met = function(w)
    local P = w.asset.pc
    return w.vars.eradicated and not P.compromised and not P.isolated and P.online
  end }

penalty { id = "powered_off", capability = "containment", points = 5,
  label = { vi = "Tắt máy thay vì cô lập", en = "Powered off instead of isolating" },
  explain = { vi = "Tắt máy làm mất tiến trình và kết nối trong bộ nhớ; cô lập là đủ để ngăn chặn.",
              en = "Powering off loses the processes and connections in memory; isolation was enough to contain." } }
penalty { id = "evidence_destroyed", capability = "evidence", points = 5,
  label = { vi = "Làm sạch trước khi thu chứng cứ", en = "Cleaned before collecting evidence" },
  explain = { vi = "Sau khi xoá mã độc thì không còn gì để phân tích hay chuyển cơ quan chức năng.",
              en = "Once the malware is deleted there is nothing left to analyse or hand to the authorities." } }
penalty { id = "reconnected_infected", capability = "recovery", points = 5,
  label = { vi = "Nối mạng lại khi máy còn mã độc", en = "Reconnected while still infected" },
  explain = { vi = "Loại bỏ trước, kết nối lại sau.", en = "Eradicate first, reconnect after." } }

hint { from_turn = 1, cost = 1,
  text = { vi = "s_edr là thật (tệp .pdf.exe chạy từ thư đính kèm); s_spam là việc thường ngày của cổng thư.",
           en = "s_edr is real (a .pdf.exe run from an attachment); s_spam is the mail gateway's daily work." } }
hint { from_turn = 3, cost = 1,
  text = { vi = "Thứ tự an toàn: cô lập → thu chứng cứ → loại bỏ → báo cáo → kết nối lại.",
           en = "The safe order: isolate → collect evidence → eradicate → report → reconnect." } }
hint { from_turn = 5, cost = 2,
  text = { vi = "Báo cáo: 'Báo cáo sự cố' tới chủ quản, đánh dấu hệ thống, ảnh hưởng, biện pháp ('lead report owner "
             .. "--facts asset,impact,actions'). Kết nối lại: 'Kết nối lại' trên NV-PC-07 ('sys reconnect pc').",
           en = "Report: 'Report the incident' to the owner, with the system, impact and actions ticked ('lead report "
             .. "owner --facts asset,impact,actions'). Reconnect: 'Reconnect an asset' on NV-PC-07 ('sys reconnect "
             .. "pc')." } }

ending { id = "spread",
  text = { vi = "Mã độc đã lan sang máy chủ tệp của Sở lúc 09:30 — bài hướng dẫn dừng ở đây. Không sao cả: chơi lại "
             .. "và cô lập máy trạm trước 09:30 (Enter trên NV-PC-07, 'Cô lập hệ thống'; dòng lệnh: 'sys isolate pc').",
           en = "The malware reached the department's file server at 09:30 — the tutorial stops here. No harm done: "
             .. "play again and isolate the workstation before 09:30 (Enter on NV-PC-07, 'Isolate an asset'; inputs "
             .. "line: 'sys isolate pc')." },
  when = function(w) return w.vars.spread end }

ending { id = "cleaned", success = true,
  text = { vi = "Hoàn thành! Máy trạm đã sạch, trở lại mạng, cơ quan chủ quản đã nhận báo cáo đủ thông tin. Bạn đã "
             .. "dùng mọi thao tác chính của irdrill; hãy thử kịch bản portal-defacement.",
           en = "Well done! The workstation is clean and back on the network, and the owner has a complete report. "
             .. "You have used every main feature of irdrill; try the portal-defacement scenario next." },
  when = function(w)
    local P = w.asset.pc
    return w.vars.eradicated and not P.compromised and not P.isolated and P.online and reported_ok(w)
  end }

-- ───────────────────────────── self-tests ────────────────────────
test { name = "follow the notes", seed = 1, inputs = [[
# turn 1 (08:00): triage
soc triage s_edr true
soc triage s_spam false
end
# turn 2: investigate
soc investigate pc
soc triage s_beacon true
end
# turn 3: isolate
sys isolate pc
soc triage s_update false
end
# turn 4: evidence
sys collect_evidence pc
end
# turn 5: eradicate (two turns)
sys eradicate pc
end
# turn 6: report with facts; a sweep of the department (two turns)
lead report owner --facts asset,impact,actions
soc sweep
end
# turn 7: a hint
lead hint
end
# turn 8: back on the network
sys reconnect pc
end
]], expect = { outcome = "cleaned", score = 99,
               metrics = { detected_by = 15, contained_by = 45, recovered_by = 120 },
               objectives = { detect = true, false_alarm = true, investigate = true, isolate = true,
                              evidence = true, eradicate = true, report = true, service = true } } }

test { name = "never isolated", seed = 2, inputs = [[
soc triage s_edr true
end
end
end
end
end
end
end
]], expect = { outcome = "spread", score = 15, objectives = { detect = true, isolate = false },
               metrics = { contained_by = false, recovered_by = false } } }

test { name = "isolated, then stopped", seed = 3,
       inputs = "end\nend\nsys isolate pc\n" .. string.rep("end\n", 8),
       expect = { outcome = "timeout", score = 15, objectives = { isolate = true, eradicate = false } } }

test { name = "first-timer mistakes", seed = 4, inputs = [[
soc triage s_spam true
soc triage s_edr false
end
# turn 2: corrected; the PC is powered off
soc triage s_spam false
soc triage s_edr true
sys shutdown pc
end
# turn 3: back on, investigated, then cleaned without an image
sys start pc
soc investigate pc
end
sys eradicate pc
lead report owner --facts asset
end
end
# turn 6: the report again, with the facts (the PC was never isolated)
lead report owner --facts asset,impact,actions
end
]], expect = { outcome = "cleaned", score = 65,
               objectives = { detect = true, false_alarm = true, isolate = false, evidence = false,
                              eradicate = true, service = true },
               penalties = { "powered_off", "evidence_destroyed" } } }

test { name = "reconnected too soon", seed = 5, inputs = [[
soc triage s_edr true
soc investigate pc
sys isolate pc
sys collect_evidence pc
end
sys reconnect pc
end
sys isolate pc
end
sys eradicate pc
lead report owner --facts asset,impact,actions
end
end
sys reconnect pc
end
]], expect = { outcome = "cleaned", score = 85,
               objectives = { false_alarm = false, isolate = true, service = true },
               penalties = { "reconnected_infected" } } }
