-- A 1,000-turn scenario for the saving bench (bench/run.sh, bench_saves):
-- ordinary work every turn — a signal and its truth, a note, an attacker
-- move in the log, a change on the mail server — so that a turn records
-- about ten events, and a session of 1,000 turns about 10,000 (the size
-- the report target names). The inputs (bench/run.sh): each turn one
-- action and "end".
scenario { id = "bench-long", title = { vi = "Một nghìn lượt", en = "A thousand turns" },
           difficulty = "basic", turn_minutes = 15, max_turns = 1000, action_points = 2 }
role  { id = "lead", name = { vi = "Trưởng nhóm", en = "Team lead" } }
role  { id = "soc",  name = { vi = "Giám sát", en = "SOC analyst" } }
role  { id = "sys",  name = { vi = "Quản trị", en = "Administrator" } }
asset { id = "web", kind = "web", level = 3, zone = "dmz", name = "Web" }
asset { id = "db", kind = "database", level = 3, zone = "internal", name = "DB" }
asset { id = "mail", kind = "mail", level = 2, zone = "internal", name = "Mail" }
link("web", "db")
every(1, function(w)
  w:signal { source = "ids", severity = "low", asset = "web", truth = w:chance(0.2),
             text = { vi = "Cảnh báo IDS: quét cổng từ 203.0.113.7",
                      en = "IDS alert: port scan from 203.0.113.7" } }
  w:note { vi = "Ca trực báo cáo tình hình", en = "The shift reports in" }
  w:log { vi = "Kẻ tấn công dò quét thêm", en = "The attacker probes further" }
  w:set("mail", "patched", w.turn % 2 == 0)
end)
at(3, function(w) w:compromise("db", { technique = "T1190" }) end)
objective { id = "isolate_db", points = 50, label = "Isolate the database",
            met = function(w) return w.asset.db.isolated end }
objective { id = "report", points = 50, label = "Report", within_minutes = 600,
            met = function(w) return w:reported { to = "owner" } end }
ending { id = "never", text = "never", when = function(w) return w.vars.never end }
