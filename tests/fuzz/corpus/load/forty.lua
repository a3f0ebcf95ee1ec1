-- A 40-turn scenario of ordinary size for the start-up bench: signals every
-- turn, a when() trigger, objectives and endings that never end it early.
scenario { id = "bench-forty", title = { vi = "Bốn mươi lượt", en = "Forty turns" },
           difficulty = "basic", turn_minutes = 15, max_turns = 40, action_points = 2 }
role  { id = "lead", name = { vi = "Trưởng nhóm", en = "Team lead" } }
role  { id = "soc",  name = { vi = "Giám sát", en = "SOC analyst" } }
role  { id = "sys",  name = { vi = "Quản trị", en = "Administrator" } }
asset { id = "web", kind = "web", level = 3, zone = "dmz", name = "Web" }
asset { id = "db", kind = "database", level = 3, zone = "internal", name = "DB" }
asset { id = "mail", kind = "mail", level = 2, zone = "internal", name = "Mail" }
link("web", "db")
every(1, function(w)
  w:signal { source = "ids", severity = "low", asset = "web", truth = w:chance(0.2),
             text = { vi = "Cảnh báo IDS", en = "IDS alert" } }
end)
at(3, function(w) w:compromise("db", { technique = "T1190" }) end)
when(function(w) return w.turn > 20 end, function(w) w:note("halfway") end)
objective { id = "isolate_db", points = 50, label = "Isolate the database",
            met = function(w) return w.asset.db.isolated end }
objective { id = "report", points = 50, label = "Report", within_minutes = 600,
            met = function(w) return w:reported { to = "owner" } end }
ending { id = "never", text = "never", when = function(w) return w.vars.never end }
