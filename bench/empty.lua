-- The smallest scenario there is: one role, one asset, nothing happens.
-- bench_engine plays it to measure the engine's own cost per turn.
scenario { id = "bench-empty", title = "Empty", difficulty = "basic",
           turn_minutes = 15, max_turns = 10000, action_points = 2 }
role  { id = "lead", name = "Lead" }
asset { id = "host", kind = "server", level = 1, zone = "internal", name = "Host" }
