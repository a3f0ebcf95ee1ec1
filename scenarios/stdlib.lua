-- stdlib.lua - the standard action library of irdrill (scenario API v1).
--
-- Loaded before every scenario, with the same declaration functions a
-- scenario uses. What it declares here is marked "standard": a scenario may
-- redeclare any of it once (action { id = "isolate", cost = 2 }) and the
-- fields it gives replace these, the others stay. See docs/scenario-api.md.
--
-- The engine itself records triage verdicts, reports, public statements and
-- hints, and remembers every completed action (w:did); the run functions
-- below only make the effects on assets, through the public w API.
--
-- The run functions are also kept in the global table `stdlib.run`, so a
-- scenario that replaces an action's run can still call the standard one.

local run = {}
stdlib = { run = run }

local function set(field, value)
  return function(w, a) w:set(a.target, field, value) end
end

-- Investigating reveals the foothold, and the damage the scenario has done.
function run.investigate(w, a)
  local id = a.target
  local s = w.asset[id]
  w:reveal(id, "compromised")
  if s.encrypted then w:reveal(id, "encrypted") end
  if s.defaced then w:reveal(id, "defaced") end
end

run.isolate = set("isolated", true)
run.reconnect = set("isolated", false)

-- Powering off a compromised host before imaging it loses memory evidence.
function run.shutdown(w, a)
  local id = a.target
  local s = w.asset[id]
  if s.online and s.compromised and not s.evidence then
    w:set(id, "memory_lost", true)
  end
  w:set(id, "online", false)
end

run.start = set("online", true)
run.reset_credentials = set("credentials_reset", true)
run.collect_evidence = set("evidence", true)
run.patch = set("patched", true)

-- Only what investigation revealed is sure to be removed.
-- A sweep of an asset that was never compromised finds it clean; a foothold
-- the team has found (w:knows) is removed for sure, an unknown one only with
-- probability 0.5 (the sweep may miss what nobody looked for).
-- When the team knew what it was removing, it knows the result too: the
-- board shows the asset clean, no longer compromised. After a sweep in the
-- dark it knows nothing more (telling it would give away whether there was
-- anything to find); an investigation tells.
function run.eradicate(w, a)
  local id = a.target
  local knew = w:knows(id, "compromised")
  if w.asset[id].compromised then
    if not (knew or w:chance(0.5)) then return end
    w:set(id, "compromised", false)
  end
  w:set(id, "clean", true)
  if knew then
    w:reveal(id, "compromised")
    w:reveal(id, "clean")
  end
end

-- Restoring brings data and service back; it does not remove a foothold.
-- The team sees its data and pages back (and nothing about the foothold).
function run.restore(w, a)
  local id = a.target
  if not w.asset[id].backup then return end
  w:set(id, "encrypted", false)
  w:set(id, "defaced", false)
  w:set(id, "online", true)
  w:set(id, "restored", true)
  w:reveal(id, "encrypted")
  w:reveal(id, "defaced")
end

-- Actions ------------------------------------------------------------------

action { id = "triage", roles = { "soc", "lead" }, cost = 1, turns = 1,
  target = "signal", verdict = true,
  label = { vi = "Phân loại cảnh báo", en = "Triage a signal" },
  help = { vi = "Đánh giá cảnh báo là thật (true) hay báo động giả (false).",
           en = "Mark a signal as a real attack (true) or a false positive (false)." } }

action { id = "investigate", roles = { "soc", "sys" }, cost = 1, turns = 1,
  target = "asset", run = run.investigate,
  label = { vi = "Điều tra hệ thống", en = "Investigate an asset" },
  help = { vi = "Tìm dấu hiệu xâm nhập, chỉ dấu và chứng cứ trên hệ thống.",
           en = "Look for compromise, indicators and evidence on the asset." } }

action { id = "isolate", roles = { "net", "sys" }, cost = 1, turns = 1,
  target = "asset", run = run.isolate,
  label = { vi = "Cô lập hệ thống", en = "Isolate an asset" },
  help = { vi = "Ngắt kết nối mạng; hệ thống vẫn bật.",
           en = "Cut the asset from the network; it stays powered." } }

action { id = "reconnect", roles = { "net", "sys" }, cost = 1, turns = 1,
  target = "asset", run = run.reconnect,
  label = { vi = "Kết nối lại", en = "Reconnect an asset" },
  help = { vi = "Đưa hệ thống đã cô lập trở lại mạng.",
           en = "Put an isolated asset back on the network." } }

action { id = "shutdown", roles = { "sys" }, cost = 1, turns = 1,
  target = "asset", run = run.shutdown,
  label = { vi = "Tắt hệ thống", en = "Shut down an asset" },
  help = { vi = "Tắt nguồn; chứng cứ trong bộ nhớ chưa thu thập sẽ mất.",
           en = "Power off; memory evidence not yet collected is lost." } }

action { id = "start", roles = { "sys" }, cost = 1, turns = 1,
  target = "asset", run = run.start,
  label = { vi = "Bật hệ thống", en = "Start an asset" },
  help = { vi = "Bật lại hệ thống đã tắt.", en = "Power an asset back on." } }

action { id = "block", roles = { "net" }, cost = 1, turns = 1,
  target = "indicator",
  label = { vi = "Chặn chỉ dấu", en = "Block an indicator" },
  help = { vi = "Chặn địa chỉ, tên miền hoặc mã băm tại biên mạng.",
           en = "Block an address, domain or file hash at the perimeter." } }

action { id = "reset_credentials", roles = { "sys" }, cost = 1, turns = 1,
  target = "asset", run = run.reset_credentials,
  label = { vi = "Đổi mật khẩu", en = "Reset credentials" },
  help = { vi = "Đổi mật khẩu và kết thúc các phiên đăng nhập trên hệ thống.",
           en = "Rotate passwords and end sessions on the asset." } }

action { id = "collect_evidence", roles = { "soc", "sys" }, cost = 1, turns = 1,
  target = "asset", run = run.collect_evidence,
  label = { vi = "Thu thập chứng cứ", en = "Collect evidence" },
  help = { vi = "Sao chụp ổ đĩa và bộ nhớ, lập biên bản giao nhận chứng cứ.",
           en = "Image disk and memory with a chain-of-custody record." } }

action { id = "eradicate", roles = { "sys" }, cost = 2, turns = 2,
  target = "asset", run = run.eradicate,
  label = { vi = "Loại bỏ mã độc", en = "Eradicate" },
  help = { vi = "Gỡ bỏ chỗ đứng của kẻ tấn công; chỉ chắc chắn với những gì đã điều tra ra.",
           en = "Remove the attacker's foothold; only what investigation revealed is sure to go." } }

action { id = "patch", roles = { "sys" }, cost = 1, turns = 1,
  target = "asset", run = run.patch,
  label = { vi = "Vá lỗ hổng", en = "Patch" },
  help = { vi = "Khắc phục điểm yếu bị khai thác.", en = "Fix the exploited weakness." } }

action { id = "restore", roles = { "sys" }, cost = 2, turns = 2,
  target = "asset", run = run.restore,
  label = { vi = "Khôi phục từ bản sao lưu", en = "Restore from backup" },
  help = { vi = "Khôi phục dữ liệu và dịch vụ; khôi phục trước khi loại bỏ mã độc dễ bị tái nhiễm.",
           en = "Bring data and service back; restoring before eradication invites reinfection." } }

action { id = "report", roles = { "lead" }, cost = 1, turns = 1,
  target = "recipient", facts = true,
  label = { vi = "Báo cáo sự cố", en = "Report the incident" },
  help = { vi = "Gửi báo cáo đến cơ quan có thẩm quyền, kèm các thông tin đã chọn.",
           en = "Send a report to an authority, with the facts chosen." } }

action { id = "communicate", roles = { "lead", "comms" }, cost = 1, turns = 1,
  target = "audience", facts = true,
  label = { vi = "Thông tin công khai", en = "Communicate" },
  help = { vi = "Thông báo đến cán bộ, người dân hoặc báo chí.",
           en = "A statement to staff, citizens or the press." } }

action { id = "request_support", roles = { "lead" }, cost = 1, turns = 1,
  target = "support",
  label = { vi = "Yêu cầu hỗ trợ", en = "Request support" },
  help = { vi = "Đề nghị hỗ trợ: mạng lưới ứng cứu quốc gia qua cơ quan điều phối VNCERT/CC, nhà cung cấp dịch vụ hoặc hãng.",
           en = "Ask for help: the national response network through its coordinator VNCERT/CC, the ISP or a vendor." } }

action { id = "hint", roles = "any", cost = 0, turns = 1, immediate = true,
  target = "none",
  label = { vi = "Xem gợi ý", en = "Take a hint" },
  help = { vi = "Xem gợi ý tiếp theo; bị trừ điểm theo giá của gợi ý.",
           en = "Show the next hint; its cost is deducted from the score." } }

action { id = "wait", roles = "any", cost = 0, turns = 1, target = "none",
  label = { vi = "Chờ", en = "Wait" },
  help = { vi = "Không làm gì trong lượt này.", en = "Do nothing this turn." } }

-- Report recipients (deadlines in minutes from detection) -------------------

recipient { id = "owner", deadline = 7200,
  name = { vi = "Chủ quản hệ thống thông tin", en = "System owner (agency head)" } }
recipient { id = "steering", deadline = 7200,
  name = { vi = "Ban Chỉ đạo ứng cứu sự cố của tỉnh", en = "Provincial steering committee" } }
recipient { id = "vncert", deadline = 7200,
  name = { vi = "Cơ quan điều phối ứng cứu sự cố quốc gia (VNCERT/CC)",
           en = "National incident response coordinator (VNCERT/CC)" } }
recipient { id = "police", deadline = 7200,
  name = { vi = "Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao, Công an tỉnh (PA05)",
           en = "Provincial police cyber unit (PA05)" } }
recipient { id = "a05", deadline = 4320,
  name = { vi = "Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao (A05)",
           en = "Department of Cybersecurity and High-tech Crime Prevention (A05)" } }
recipient { id = "sector", deadline = 7200,
  name = { vi = "Bộ, ngành quản lý chuyên ngành", en = "Line ministry or regulator" } }
recipient { id = "public", deadline = 7200,
  name = { vi = "Người dân và báo chí", en = "Citizens and press" } }

-- Facts a report may include ----------------------------------------------

fact { id = "asset", name = { vi = "Hệ thống bị ảnh hưởng", en = "Affected system" } }
fact { id = "level", name = { vi = "Cấp độ an toàn hệ thống", en = "Security level" } }
fact { id = "impact", name = { vi = "Mức độ ảnh hưởng", en = "Impact" } }
fact { id = "scope", name = { vi = "Phạm vi sự cố", en = "Scope" } }
fact { id = "actions", name = { vi = "Biện pháp đã thực hiện", en = "Actions taken" } }
fact { id = "evidence", name = { vi = "Chứng cứ đã thu thập", en = "Evidence collected" } }
fact { id = "indicators", name = { vi = "Chỉ dấu tấn công", en = "Indicators of compromise" } }
fact { id = "personal_data", name = { vi = "Dữ liệu cá nhân bị lộ", en = "Personal data involved" } }
fact { id = "contact", name = { vi = "Đầu mối liên hệ", en = "Point of contact" } }

-- Audiences of public communication ----------------------------------------

audience { id = "staff", name = { vi = "Cán bộ, công chức", en = "Staff" } }
audience { id = "citizens", name = { vi = "Người dân", en = "Citizens" } }
audience { id = "press", name = { vi = "Báo chí", en = "Press" } }

-- External support ----------------------------------------------------------

-- VNCERT/CC is not the national network itself: it coordinates it (under A05).
support { id = "vncert",
  name = { vi = "VNCERT/CC, cơ quan điều phối mạng lưới ứng cứu sự cố quốc gia",
           en = "VNCERT/CC, coordinator of the national incident response network" } }
support { id = "isp", name = { vi = "Nhà cung cấp dịch vụ Internet", en = "Internet service provider" } }
support { id = "vendor", name = { vi = "Hãng cung cấp sản phẩm", en = "Product vendor" } }
