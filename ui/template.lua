-- my-scenario.lua — a new irdrill scenario (scenario API v1), written by
-- `irdrill new-scenario`. It already works: check it, test it, play it.
--
--   irdrill check my-scenario.lua        problems and warnings, file:line
--   irdrill test my-scenario.lua         the self-tests at the bottom, each run twice
--   irdrill simulate my-scenario.lua --runs 1000
--                                        bots play it: is every branch reachable?
--   irdrill run my-scenario.lua --inputs moves.txt --seed 1
--
-- Then make it yours: change the plot below, one declaration at a time, and run
-- `check` and `test` after each change. The tutorial is docs/scenario-guide.md,
-- the reference docs/scenario-api.md; scenarios/portal-defacement.lua is a full
-- example.
--
-- THE PLOT (ground truth: players never see this part; keep it up to date)
--   turn 1  08:00  Noise: a locked-out account (a false positive).
--   turn 2  08:15  The attacker exploits the web server (T1190) and drops a web
--                  shell (T1505.003), if the server is reachable; the WAF alerts.
--   every turn     While the server is compromised and reachable, the attacker
--                  takes data: "exposure" grows by one. At exposure 2 the data-
--                  base audit alerts; at 4 the data is out: ending "breached".
--   The right response: triage, investigate, isolate, image the disk and memory,
--   report to the owner, warn the users, eradicate, patch, reconnect.
--
-- Endings (checked in declaration order at the end of every turn):
--   breached   exposure reached 4;
--   recovered  the server is clean, patched and back on the network (success);
--   timeout    (automatic) after max_turns.
--
-- Every text is { vi = ..., en = ... }: a plain string would serve both
-- languages untranslated (check warns of it).

scenario {
  id = "my-scenario", version = 1, api = 1,
  title = { vi = "Máy chủ web bị chèn web shell (kịch bản mẫu)",
            en = "Web shell on the web server (template scenario)" },
  summary = { vi = "WAF cảnh báo một tệp lạ được tải lên máy chủ web. Đội phải phát hiện, ngăn chặn, "
                .. "thu thập chứng cứ, loại bỏ, vá lỗi và báo cáo chủ quản.",
              en = "The WAF alerts on a strange upload to the web server. The team must detect, "
                .. "contain, preserve evidence, eradicate, patch and report to the owner." },
  difficulty = "basic",
  turn_minutes = 15, max_turns = 16, action_points = 2, start_time = "08:00",
  attack = { "T1190", "T1505.003" },
}

-- Tuning knobs: change the drill here rather than in the hooks.
local EXPLOIT_TURN = 2   -- the attack, if the server is reachable then
local LEAK_AT      = 4   -- exposure at which the data is out

-- ───────────────────────────── roles and assets ──────────────────
-- Declare only the roles you use; the standard actions fall to them.
role { id = "lead", name = { vi = "Trưởng nhóm", en = "Team lead" } }
role { id = "soc",  name = { vi = "Giám sát (SOC)", en = "SOC analyst" } }
role { id = "sys",  name = { vi = "Quản trị hệ thống", en = "System administrator" } }
role { id = "net",  name = { vi = "Quản trị mạng", en = "Network administrator" } }

-- level: the security level (Decree 85/2016). State fields (online, backup, ...)
-- may be given here to set the initial state.
asset { id = "web", kind = "web", level = 2, zone = "dmz",
        name = { vi = "Máy chủ web", en = "Web server" } }
asset { id = "db", kind = "database", level = 2, zone = "internal",
        name = { vi = "Cơ sở dữ liệu", en = "Database" } }
link("web", "db")

-- ───────────────────────────── signals ───────────────────────────
-- Declared signals are emitted with w:signal("id") and counted by simulate's
-- coverage. truth is hidden from the players until the debrief.
signal { id = "s_upload", source = "waf", severity = "medium", asset = "web", truth = true,
         technique = "T1190",
         text = { vi = "WAF (chế độ giám sát): tệp avatar.php.jpg được tải lên /upload.",
                  en = "WAF (detection mode): avatar.php.jpg uploaded to /upload." } }
signal { id = "s_audit", source = "db-audit", severity = "high", asset = "db", truth = true,
         text = { vi = "Kiểm toán CSDL: tài khoản ứng dụng đọc toàn bộ bảng người dùng.",
                  en = "Database audit: the application account read the whole users table." } }
signal { id = "s_lockout", source = "directory", severity = "low", truth = false,
         text = { vi = "Một cán bộ bị khoá tài khoản sau 5 lần nhập sai mật khẩu.",
                  en = "An official's account locked after 5 wrong passwords." } }

-- ───────────────────────────── the attacker's script ─────────────
local function reachable(w)
  local W = w.asset.web
  return W.online and not W.isolated
end

at(1, function(w)
  -- w.vars starts empty: set the initial values first.
  local V = w.vars
  V.exploited, V.exposure, V.evidence_ok, V.evidence_lost, V.warned = false, 0, false, false, false
  w:signal("s_lockout")
end)

every(1, function(w)
  local V = w.vars
  if not V.exploited then
    if w.turn >= EXPLOIT_TURN and reachable(w) then
      V.exploited = true
      w:compromise("web", { technique = "T1190" })
      w:log { vi = "Kẻ tấn công tải web shell lên qua chức năng /upload.",
              en = "The attacker uploads a web shell through /upload." }
      w:signal("s_upload")
    end
    return
  end
  if w.asset.web.compromised and reachable(w) then
    V.exposure = V.exposure + 1
    if V.exposure == 2 then w:signal("s_audit") end
  end
end)

-- when(): fires once, the first end of turn its predicate holds.
when(function(w) return w.vars.exposure >= LEAK_AT - 1 end, function(w)
  w:note { vi = "Lưu lượng ra ngoài từ máy chủ web tăng bất thường.",
           en = "Outbound traffic from the web server is unusually high." }
end)

-- ───────────────────────────── actions ───────────────────────────
-- A scenario action; the standard ones (triage, investigate, isolate, ...) come
-- from the standard library and can be replaced the same way.
action { id = "warn_users", roles = { "lead" }, cost = 1, turns = 1, target = "none",
  label = { vi = "Cảnh báo người dùng", en = "Warn the users" },
  help = { vi = "Báo người dùng đổi mật khẩu đã dùng trên trang web.",
           en = "Tell users to change passwords they used on the site." },
  run = function(w, a)
    w.vars.warned = true
    w:note { vi = "Đã gửi cảnh báo cho người dùng.", en = "Users have been warned." }
  end }

-- Fog of war: what the team learns, and when. The standard investigate has
-- already revealed "compromised" to the team.
on("investigate", function(w, a)
  if a.target == "web" and w.vars.exploited then
    w:note { vi = "Tìm thấy web shell /upload/avatar.php, gọi từ 203.0.113.9.",
             en = "Found web shell /upload/avatar.php, called from 203.0.113.9." }
  end
end)

on("collect_evidence", function(w, a)
  if a.target == "web" and w.vars.exploited and not w.vars.evidence_lost then
    w.vars.evidence_ok = true
  end
end)

on("shutdown", function(w, a)
  if a.target == "web" and w.asset.web.compromised and not w.vars.evidence_ok then
    w.vars.evidence_lost = true
    w:penalize("shutdown_before_evidence")
  end
end)

-- ───────────────────────────── scoring ───────────────────────────
-- 100 points; no objective above half of them (check warns of that).
-- capability files each objective and penalty under a row of the after-action
-- report's improvement plan: detection, analysis, containment, eradication,
-- recovery, evidence, reporting, communication or coordination.
objective { id = "detect", capability = "detection", points = 15, by_turn = 4,
  label = { vi = "Xác nhận đúng cảnh báo tải tệp trong 1 giờ", en = "Confirm the upload alert within an hour" },
  explain = { vi = "Tệp .php đội lốt ảnh lọt qua WAF ở chế độ giám sát là dấu hiệu xâm nhập.",
              en = "A .php file posing as an image past a detection-mode WAF means a breach." },
  met = function(w) return w:flagged("s_upload") end }

objective { id = "contain", capability = "containment", points = 25, by_turn = 6,
  label = { vi = "Cô lập máy chủ web trước 09:30", en = "Isolate the web server by 09:30" },
  explain = { vi = "Cô lập cắt đường lấy dữ liệu mà vẫn giữ máy chạy để lấy chứng cứ.",
              en = "Isolation stops the data theft and keeps the server running for evidence." },
  met = function(w) return w.vars.exploited and w.asset.web.isolated end }

objective { id = "evidence", capability = "evidence", points = 15,
  label = { vi = "Thu thập chứng cứ trước khi tắt máy hay xoá", en = "Collect evidence before powering off or wiping" },
  explain = { vi = "Tắt máy trước khi sao chụp làm mất dấu vết trong bộ nhớ.",
              en = "Powering off before imaging loses the traces in memory." },
  met = function(w) return w.vars.evidence_ok end }

objective { id = "eradicate", capability = "eradication", points = 20,
  label = { vi = "Loại bỏ web shell", en = "Remove the web shell" },
  explain = { vi = "Điều tra trước để biết web shell nằm đâu; khôi phục mà còn web shell thì kẻ tấn công quay lại.",
              en = "Investigate first to know where the web shell is; a restore that leaves it lets the attacker back." },
  met = function(w) return w.vars.exploited and w.asset.web.clean end }

objective { id = "report_owner", capability = "reporting", points = 15, within_minutes = 240,
  label = { vi = "Báo cáo chủ quản (hệ thống, ảnh hưởng) trong buổi sáng",
            en = "Report to the owner (asset, impact) within the morning" },
  explain = { vi = "Cơ quan chủ quản quyết định dừng dịch vụ và thông báo; báo ngay trong ca, nêu hệ thống và ảnh hưởng.",
              en = "The owner decides on stopping the service and on notices; report within the shift, with the system and the impact." },
  met = function(w) return w:reported { to = "owner", facts = { "asset", "impact" } } end }

objective { id = "warn", capability = "communication", points = 10, by_turn = 8,
  label = { vi = "Cảnh báo người dùng trước 10:00", en = "Warn the users by 10:00" },
  explain = { vi = "Người dùng cần biết để đổi mật khẩu và cảnh giác với thư, cuộc gọi lừa đảo.",
              en = "Users need to know, to change their passwords and beware of fraudulent mail and calls." },
  met = function(w) return w.vars.warned end }

penalty { id = "shutdown_before_evidence", capability = "evidence", points = 10,
  label = { vi = "Tắt máy trước khi thu thập chứng cứ", en = "Powered off before collecting evidence" },
  explain = { vi = "Cô lập thay vì tắt máy; sao chụp bộ nhớ trước.",
              en = "Isolate rather than power off; image the memory first." } }

hint { from_turn = 2, cost = 5,
  text = { vi = "Một tệp .php đội lốt ảnh: điều tra máy chủ web rồi cô lập nó.",
           en = "A .php file posing as an image: investigate the web server, then isolate it." } }

-- ───────────────────────────── endings (order matters) ───────────
ending { id = "breached",
  text = { vi = "Dữ liệu người dùng đã bị lấy ra ngoài.", en = "The users' data has been taken." },
  when = function(w) return w.vars.exposure >= LEAK_AT end }

ending { id = "recovered", success = true,
  text = { vi = "Máy chủ web sạch, đã vá và hoạt động trở lại.", en = "The web server is clean, patched and back." },
  when = function(w)
    local W = w.asset.web
    return w.vars.exploited and W.clean and W.patched and reachable(w)
  end }

-- ───────────────────────────── self-tests ────────────────────────
-- One test per ending at least. An action queued in turn t with turns = k
-- completes at the end of turn t+k-1; one `end` line ends a turn.

test { name = "textbook response", seed = 1, inputs = [[
# turn 1 (08:00): noise
soc triage s_lockout false
end
# turn 2 (08:15): the upload alert
soc triage s_upload true
soc investigate web
lead warn_users
end
# turn 3: contain, image, report
net isolate web
sys collect_evidence web
lead report owner --facts asset,impact
end
# turns 4-5: eradication takes two turns
sys eradicate web
end
end
# turn 6: patch and reconnect
sys patch web
net reconnect web
end
]], expect = { outcome = "recovered", score = 100 } }

test { name = "idle team", seed = 1, inputs = string.rep("end\n", 6),
       expect = { outcome = "breached", score = 0, objectives = { detect = false } } }

test { name = "shutdown mistake", seed = 2, inputs = [[
end
soc triage s_upload true
sys shutdown web
end
]], expect = { score = 5, objectives = { evidence = false },
               penalties = { "shutdown_before_evidence" } } }
