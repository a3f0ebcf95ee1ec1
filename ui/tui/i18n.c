/*
 * i18n.c - the interface strings in English and Vietnamese; see i18n.h.
 * Each entry is { English, Vietnamese }. Badges (B_*) are short, shown in
 * brackets, and carry the meaning colours only repeat.
 */
#include "ui/tui/i18n.h"

#include <stddef.h>

static const char *const strings[M_COUNT][2] = {
    [M_TURN] = { "Turn %d/%d", "Lượt %d/%d" },
    [M_SCORE] = { "Score %d/%d", "Điểm %d/%d" },
    [M_SCORE_HIDDEN] = { "score hidden", "ẩn điểm" },
    [M_PLAYER] = { "Player", "Người chơi" },
    [M_ROLE] = { "Role", "Vai trò" },
    [M_READY_N] = { "%d/%d ready", "%d/%d sẵn sàng" },
    [M_DAY] = { "day %d", "ngày %d" },
    [M_MODE_TRAINING] = { "training", "huấn luyện" },
    [M_MODE_EXERCISE] = { "exercise", "diễn tập" },
    [M_AP_LEFT] = { "%d of %d action points left", "còn %d/%d điểm hành động" },
    [M_OVER] = { "session over", "đã kết thúc" },

    [M_ASSETS] = { "Systems", "Hệ thống" },
    [M_FEED] = { "Signals and messages", "Cảnh báo và tin nhắn" },
    [M_FEED_NEW] = { "%d new", "%d mới" },
    [M_ACTIONS_OF] = { "Actions (%d AP left): %s", "Hành động (còn %d điểm): %s" },
    [M_QUEUE] = { "Queue", "Hàng đợi" },
    [M_DETAILS] = { "Details", "Chi tiết" },
    [M_FEED_EMPTY] = { "Nothing yet.", "Chưa có gì." },
    [M_QUEUE_EMPTY] = { "No action queued.", "Chưa có hành động nào." },
    [M_DETAILS_EMPTY] = { "Select a signal or a system to see its details.",
                          "Chọn một cảnh báo hoặc hệ thống để xem chi tiết." },

    [B_ON] = { "ON", "BẬT" },
    [B_OFF] = { "OFF", "TẮT" },
    [B_ISOLATED] = { "ISOLATED", "CÔ LẬP" },
    [B_COMPROMISED] = { "COMPROMISED", "BỊ XÂM NHẬP" },
    [B_CLEAN] = { "CLEAN", "SẠCH" },
    [B_DEFACED] = { "DEFACED", "BỊ THAY GIAO DIỆN" },
    [B_ENCRYPTED] = { "ENCRYPTED", "BỊ MÃ HÓA" },
    [B_PATCHED] = { "PATCHED", "ĐÃ VÁ" },
    [B_EVIDENCE] = { "EVIDENCE", "CÓ CHỨNG CỨ" },
    [B_BACKUP] = { "BACKUP", "CÓ SAO LƯU" },
    [B_UNCHECKED] = { "UNCHECKED", "CHƯA RÕ" },
    [B_NOT_COMPROMISED] = { "NO INTRUSION", "KHÔNG BỊ XÂM NHẬP" },
    [B_SIGNAL] = { "ALERT", "CẢNH BÁO" },
    [B_NOTE] = { "MSG", "TIN" },
    [B_REVEAL] = { "FOUND", "PHÁT HIỆN" },
    [B_DONE] = { "DONE", "XONG" },
    [B_HINT] = { "HINT", "GỢI Ý" },
    [B_MET] = { "MET", "ĐẠT" },
    [B_MISSED] = { "MISSED", "TRƯỢT" },
    [B_OPEN] = { "OPEN", "CHƯA XONG" },
    [B_SCORE] = { "SCORE", "ĐIỂM" },
    [B_END] = { "END", "KẾT THÚC" },
    [B_TRUTH] = { "TRUTH", "THỰC TẾ" },
    [B_ERROR] = { "ERROR", "LỖI" },
    [B_FACILITATOR] = { "FACILITATOR", "ĐIỀU HÀNH" },
    [B_REAL] = { "REAL", "THẬT" },
    [B_FALSE] = { "FALSE", "GIẢ" },
    [B_TP] = { "TRUE POSITIVE", "CẢNH BÁO ĐÚNG" },
    [B_FP] = { "FALSE POSITIVE", "BÁO ĐỘNG GIẢ" },
    [B_NEW] = { "NEW", "MỚI" },
    [B_SEV_LOW] = { "LOW", "THẤP" },
    [B_SEV_MEDIUM] = { "MEDIUM", "TRUNG BÌNH" },
    [B_SEV_HIGH] = { "HIGH", "CAO" },
    [B_SEV_CRITICAL] = { "CRITICAL", "NGHIÊM TRỌNG" },
    [B_QUEUED] = { "QUEUED", "CHỜ" },
    [B_RUNNING] = { "RUNNING", "ĐANG LÀM" },
    [B_CANCELLED] = { "CANCELLED", "ĐÃ HỦY" },

    [M_D_SIGNAL] = { "Signal %s", "Cảnh báo %s" },
    [M_D_SOURCE] = { "Source", "Nguồn" },
    [M_D_SEVERITY] = { "Severity", "Mức độ" },
    [M_D_ASSET] = { "System", "Hệ thống" },
    [M_D_TECHNIQUE] = { "ATT&CK", "Kỹ thuật ATT&CK" },
    [M_D_RECEIVED] = { "Received", "Nhận lúc" },
    [M_D_VERDICT] = { "Team's verdict", "Kết luận của đội" },
    [M_V_NONE] = { "not triaged yet", "chưa phân loại" },
    [M_V_TRUE] = { "real attack", "tấn công thật" },
    [M_V_FALSE] = { "false positive", "báo động giả" },
    [M_D_TRUTH] = { "Ground truth", "Thực tế" },
    [M_D_KIND] = { "Kind", "Loại" },
    [M_D_ZONE] = { "Zone", "Vùng mạng" },
    [M_D_LEVEL] = { "Security level", "Cấp độ an toàn" },
    [M_D_STATE] = { "State", "Trạng thái" },
    [M_D_LINKS] = { "Linked to", "Kết nối với" },
    [M_D_AT] = { "%s, turn %d", "%s, lượt %d" },
    [M_D_REVEALED] = { "(found by investigation)", "(phát hiện qua điều tra)" },
    [M_D_KEYS_SIGNAL] = { "t: triage   Enter: read in full", "t: phân loại   Enter: đọc toàn bộ" },
    [M_D_KEYS_ASSET] = { "Enter: act on this system", "Enter: hành động trên hệ thống này" },

    [M_COST] = { "%d AP", "%d điểm" },
    [M_TURNS] = { "%d turns", "%d lượt" },
    [M_ACTION_DONE_AT] = { "done at the end of turn %d", "xong cuối lượt %d" },
    [M_NO_ACTIONS] = { "This role has no actions.", "Vai trò này không có hành động nào." },
    [M_TARGET_NONE] = { "(no target)", "(không cần đối tượng)" },

    [M_KEYS_PLAY] = { "?:help Tab:pane ↑↓:move Enter:choose r:role o:objectives h:hint n:end turn q:quit",
                      "?:trợ giúp Tab:khung ↑↓:chọn Enter:thực hiện r:vai trò o:mục tiêu h:gợi ý n:hết lượt q:thoát" },
    [M_KEYS_LIST] = { "↑↓/jk: move  Enter: choose  Esc: back", "↑↓/jk: di chuyển  Enter: chọn  Esc: quay lại" },
    [M_KEYS_PICK] = { "↑↓/jk: move  Enter: choose  Esc: back", "↑↓/jk: di chuyển  Enter: chọn  Esc: quay lại" },
    [M_KEYS_CONFIRM] = { "Enter/y: confirm   Esc/n: back", "Enter/y: xác nhận   Esc/n: quay lại" },
    [M_KEYS_COMPOSE] = { "Tab: recipient/facts  ↑↓: move  Space: tick  Enter: send  Esc: back",
                         "Tab: nơi nhận/thông tin  ↑↓: di chuyển  Space: đánh dấu  Enter: gửi  Esc: quay lại" },
    [M_KEYS_SCROLL] = { "↑↓ PgUp PgDn: scroll   Esc/q: close", "↑↓ PgUp PgDn: cuộn   Esc/q: đóng" },
    [M_KEYS_TEXT] = { "Type, then Enter.  Esc: back", "Nhập rồi nhấn Enter.  Esc: quay lại" },
    [M_KEYS_CANCEL] = { "x: cancel this action", "x: hủy hành động này" },
    [M_KEYS_REPLAY] = { "←→/h l: turn  Home/End: first/last  Tab: side  ↑↓: scroll  q: back",
                        "←→/h l: lượt  Home/End: đầu/cuối  Tab: đổi bên  ↑↓: cuộn  q: quay lại" },
    [M_KEYS_MENU] = { "↑↓/jk: move  Enter: choose  Esc: back  q: quit",
                      "↑↓/jk: di chuyển  Enter: chọn  Esc: quay lại  q: thoát" },
    [M_KEYS_SUMMARY] = { "↑↓ PgUp PgDn: scroll   q/Enter: leave", "↑↓ PgUp PgDn: cuộn   q/Enter: thoát" },

    [M_HELP] = { "Help", "Trợ giúp" },
    [M_HELP_TEXT] = {
        "An incident unfolds turn by turn; each turn is some simulated minutes. You see only "
        "what the team can see: alerts, the results of your own actions, messages.\n"
        "\n"
        "THE SCREEN\n"
        "Top line: scenario, turn, simulated clock, player and acting role, score (training "
        "mode only).\n"
        "Systems: each system and its state in words (ON/OFF, ISOLATED, and what "
        "investigation found: COMPROMISED, CLEAN ...).\n"
        "Signals and messages: alerts, results, notes; * marks new ones.\n"
        "Actions: what the acting role can do, with its cost in action points (AP) and the "
        "turns it takes.\n"
        "Queue: actions queued this turn (cancel with x) and those still running.\n"
        "\n"
        "KEYS\n"
        "Tab, Shift-Tab: next, previous pane.   Arrows or j k: move.   Enter: choose.   "
        "Esc: back, close.\n"
        "t: triage the selected signal.   Enter on a system: act on it.\n"
        "r, R: next, previous acting role (hot seat: players take turns at the keyboard).\n"
        "o: objectives.   h: hint (costs points).   n: end the turn.   q: quit (the "
        "session is saved after every action).   ?: this help.\n"
        "\n"
        "A turn ends when every player has ended it with n. The queued actions then "
        "complete, the scenario moves on, and a new turn begins.",
        "Sự cố diễn ra theo từng lượt; mỗi lượt là một số phút mô phỏng. Bạn chỉ thấy những "
        "gì đội ứng cứu thấy được: cảnh báo, kết quả hành động của đội, tin nhắn.\n"
        "\n"
        "MÀN HÌNH\n"
        "Dòng trên cùng: kịch bản, lượt, đồng hồ mô phỏng, người chơi và vai trò đang thao "
        "tác, điểm (chỉ ở chế độ huấn luyện).\n"
        "Hệ thống: từng hệ thống và trạng thái bằng chữ (BẬT/TẮT, CÔ LẬP, và kết quả điều "
        "tra: BỊ XÂM NHẬP, SẠCH ...).\n"
        "Cảnh báo và tin nhắn: cảnh báo, kết quả, thông báo; dấu * đánh dấu mục mới.\n"
        "Hành động: những gì vai trò đang thao tác có thể làm, kèm số điểm hành động và số "
        "lượt cần.\n"
        "Hàng đợi: hành động đã xếp trong lượt này (hủy bằng x) và hành động đang thực hiện.\n"
        "\n"
        "PHÍM\n"
        "Tab, Shift-Tab: khung kế tiếp, khung trước.   Mũi tên hoặc j k: di chuyển.   "
        "Enter: chọn.   Esc: quay lại, đóng.\n"
        "t: phân loại cảnh báo đang chọn.   Enter trên một hệ thống: hành động trên hệ "
        "thống đó.\n"
        "r, R: vai trò kế tiếp, trước (chơi chung máy: lần lượt dùng bàn phím).\n"
        "o: mục tiêu.   h: gợi ý (bị trừ điểm).   n: kết thúc lượt.   q: thoát (phiên được "
        "lưu sau mỗi thao tác).   ?: trợ giúp này.\n"
        "\n"
        "Lượt kết thúc khi mọi người chơi đã nhấn n. Khi đó các hành động trong hàng đợi "
        "hoàn thành, kịch bản diễn tiến và lượt mới bắt đầu." },
    [M_OBJECTIVES] = { "Objectives", "Mục tiêu" },
    [M_BY_TURN] = { "by turn %d", "trước hết lượt %d" },
    [M_WITHIN] = { "within %d min", "trong %d phút" },
    [M_POINTS] = { "%d pts", "%d điểm" },
    [M_OBJ_HIDDEN] = { "Exercise mode: points and results are shown at the end.",
                       "Chế độ diễn tập: điểm và kết quả được công bố khi kết thúc." },
    [M_HINT] = { "Hint", "Gợi ý" },
    [M_HINT_COST] = { "The next hint costs %d points. Take it?",
                      "Gợi ý tiếp theo bị trừ %d điểm. Xem gợi ý?" },
    [M_HINT_NONE_YET] = { "No hint yet: the next one comes at turn %d.",
                          "Chưa có gợi ý: gợi ý tiếp theo có từ lượt %d." },
    [M_HINT_NONE_LEFT] = { "No hints left.", "Đã hết gợi ý." },
    [M_HINT_DISABLED] = { "Hints are not allowed in this exercise.",
                          "Buổi diễn tập này không cho phép xem gợi ý." },
    [M_HINTS_TAKEN] = { "Hints taken", "Gợi ý đã xem" },
    [M_PICK_ASSET] = { "%s: which system?", "%s: hệ thống nào?" },
    [M_PICK_SIGNAL] = { "%s: which signal?", "%s: cảnh báo nào?" },
    [M_PICK_SUPPORT] = { "%s: whom to ask?", "%s: đề nghị ai hỗ trợ?" },
    [M_PICK_INDICATOR] = { "%s: an address, domain or file hash",
                           "%s: địa chỉ, tên miền hoặc mã băm" },
    [M_PICK_VERDICT] = { "Signal %s: your verdict", "Cảnh báo %s: kết luận của bạn" },
    [M_PICK_NO_SIGNAL] = { "No signal has been received yet.", "Chưa nhận được cảnh báo nào." },
    [M_COMPOSE_REPORT] = { "Report to an authority", "Báo cáo cơ quan có thẩm quyền" },
    [M_COMPOSE_PUBLIC] = { "Public statement", "Thông tin công khai" },
    [M_RECIPIENT] = { "Recipient", "Nơi nhận" },
    [M_AUDIENCE] = { "Audience", "Đối tượng" },
    [M_FACTS] = { "Facts to include", "Thông tin đưa vào" },
    [M_CONFIRM_QUEUE] = { "Queue this action?", "Xếp hành động này vào hàng đợi?" },
    [M_CONFIRM_CANCEL] = { "Cancel action #%d? Its points come back.",
                           "Hủy hành động #%d? Điểm hành động được hoàn lại." },
    [M_END_TURN] = { "End of turn", "Kết thúc lượt" },
    [M_END_TURN_FOR] = { "End turn %d for %s?", "Kết thúc lượt %d cho %s?" },
    [M_AP_UNUSED] = { "%s still has %d action point(s).", "%s còn %d điểm hành động." },
    [M_WAITING_FOR] = { "Still to end the turn: %s", "Chưa kết thúc lượt: %s" },
    [M_QUIT] = { "Quit", "Thoát" },
    [M_QUIT_SAVED] = { "Quit now? Everything is saved; continue later with: irdrill resume %s",
                       "Thoát bây giờ? Mọi thao tác đã được lưu; tiếp tục sau bằng: irdrill resume %s" },
    [M_QUIT_UNSAVED] = { "Quit now? This session is not saved (--no-save) and cannot be resumed.",
                         "Thoát bây giờ? Phiên này không được lưu (--no-save) nên không thể tiếp tục." },
    [M_YES_NO] = { "y/Enter: yes   n/Esc: no", "y/Enter: có   n/Esc: không" },
    [M_SUMMARY] = { "End of the session", "Kết thúc phiên" },
    [M_OUTCOME] = { "Outcome: %s", "Kết cục: %s" },
    [M_SUCCESS] = { "SUCCESS", "THÀNH CÔNG" },
    [M_FAILURE] = { "NOT ACHIEVED", "CHƯA ĐẠT" },
    [M_TIMEOUT] = { "time ran out", "hết thời gian" },
    [M_FINAL_SCORE] = { "Score: %d of %d", "Điểm: %d trên %d" },
    [M_BREAKDOWN] = { "Score breakdown", "Chi tiết điểm" },
    [M_METRICS] = { "Metrics", "Chỉ số" },
    [M_MISSED] = { "Missed objectives, and why they matter", "Mục tiêu chưa đạt và lý do" },
    [M_PENALTIES] = { "Mistakes", "Sai sót" },
    [M_NO_MISSED] = { "Every objective was met.", "Đã đạt mọi mục tiêu." },
    [M_MET_DETECT] = { "Time to detect", "Thời gian phát hiện" },
    [M_MET_CONTAIN] = { "Time to contain", "Thời gian ngăn chặn" },
    [M_MET_RECOVER] = { "Time to recover", "Thời gian khôi phục" },
    [M_MET_REPORTS] = { "Reports sent (on time)", "Báo cáo đã gửi (đúng hạn)" },
    [M_MET_FP] = { "False positives chased", "Báo động giả bị xử lý như thật" },
    [M_MET_DISMISSED] = { "Real signals dismissed", "Cảnh báo thật bị bỏ qua" },
    [M_MET_HINTS] = { "Hints taken", "Gợi ý đã xem" },
    [M_MET_ACTIONS] = { "Actions completed", "Hành động đã hoàn thành" },
    [M_NEVER] = { "never", "không có" },
    [M_MINUTES] = { "%d min", "%d phút" },
    [M_WHAT_HAPPENED] = { "What really happened", "Diễn biến thực tế" },
    [M_DETAIL_TITLE] = { "Details", "Chi tiết" },

    [M_MSG_QUEUED] = { "Queued #%d: %s", "Đã xếp hàng #%d: %s" },
    [M_MSG_CANCELLED] = { "Cancelled #%d.", "Đã hủy #%d." },
    [M_MSG_REFUSED] = { "Refused: %s", "Không thực hiện được: %s" },
    [M_MSG_ROLE] = { "Acting role: %s (%s).", "Vai trò đang thao tác: %s (%s)." },
    [M_MSG_TURN] = { "Turn %d begins (%s): %d new item(s).", "Bắt đầu lượt %d (%s): %d mục mới." },
    [M_MSG_WAITING] = { "%s is ready. Waiting for: %s", "%s đã sẵn sàng. Đang chờ: %s" },
    [M_MSG_NOT_UTF8] = { "The locale is not UTF-8: accented letters show as '?'. Try LANG=C.UTF-8.",
                         "Môi trường không dùng UTF-8: chữ có dấu hiện thành '?'. Hãy đặt LANG=C.UTF-8." },
    [M_MSG_WELCOME] = { "Press ? for help. Act on what you see, then end the turn with n.",
                        "Nhấn ? để xem trợ giúp. Hành động theo những gì thấy, rồi nhấn n để hết lượt." },
    [M_MSG_ENDED] = { "The session is over: %s", "Phiên đã kết thúc: %s" },
    [M_MSG_BAD_INDICATOR] = { "An indicator is one word: no spaces, no '#'.",
                              "Chỉ dấu là một từ: không có dấu cách, không có '#'." },
    [M_MSG_NO_FACTS] = { "Tick at least one fact (Space).",
                         "Hãy đánh dấu ít nhất một thông tin (phím Space)." },
    [M_TOO_SMALL] = { "Terminal too small: %dx%d. Make it at least %dx%d.",
                      "Cửa sổ quá nhỏ: %dx%d. Cần tối thiểu %dx%d." },

    [M_APP_TITLE] = { "irdrill - incident response drills", "irdrill - diễn tập ứng cứu sự cố" },
    [M_MENU_NEW] = { "New drill", "Diễn tập mới" },
    [M_MENU_RESUME] = { "Resume a session", "Tiếp tục phiên đang dở" },
    [M_MENU_REVIEW] = { "After-action review", "Xem lại sau diễn tập" },
    [M_MENU_SCENARIOS] = { "Scenarios", "Danh sách kịch bản" },
    [M_MENU_LANG] = { "Language: English (Enter: Tiếng Việt)", "Ngôn ngữ: Tiếng Việt (Enter: English)" },
    [M_MENU_QUIT] = { "Quit", "Thoát" },
    [M_CHOOSE_SCENARIO] = { "Choose a scenario", "Chọn kịch bản" },
    [M_CHOOSE_MODE] = { "Mode", "Chế độ" },
    [M_MODE_TRAINING_DESC] = { "Training: the score is shown, hints are allowed",
                               "Huấn luyện: hiện điểm, được xem gợi ý" },
    [M_MODE_EXERCISE_DESC] = { "Exercise: the score is hidden until the end, no hints",
                               "Diễn tập: ẩn điểm đến khi kết thúc, không có gợi ý" },
    [M_TEAM_NAME] = { "Team name", "Tên đội" },
    [M_CHOOSE_PLAYERS] = { "Players at this terminal", "Người chơi trên máy này" },
    [M_PLAYERS_ONE] = { "One player holds every role", "Một người giữ mọi vai trò" },
    [M_PLAYERS_EACH] = { "One player per role (hot seat: take turns at the keyboard)",
                         "Mỗi vai trò một người (chơi chung máy, lần lượt dùng bàn phím)" },
    [M_PLAYERS_CUSTOM] = { "Several players: choose who holds each role",
                           "Nhiều người chơi: chọn người giữ từng vai trò" },
    [M_ASSIGN_ROLES] = { "Who holds each role", "Ai giữ vai trò nào" },
    [M_PLAYER_N] = { "Player %d", "Người chơi %d" },
    [M_KEYS_ASSIGN] = { "↑↓: role  ←→/h l: player  Enter: continue  Esc: back",
                        "↑↓: vai trò  ←→/h l: người chơi  Enter: tiếp tục  Esc: quay lại" },
    [M_PLAYER_NAME] = { "Your name", "Tên của bạn" },
    [M_START] = { "Start", "Bắt đầu" },
    [M_DIFF_BASIC] = { "basic", "cơ bản" },
    [M_DIFF_INTERMEDIATE] = { "intermediate", "trung bình" },
    [M_DIFF_ADVANCED] = { "advanced", "nâng cao" },
    [M_TURNS_OF] = { "%d turns of %d min", "%d lượt, mỗi lượt %d phút" },
    [M_NO_SESSIONS] = { "No session has been recorded yet.", "Chưa có phiên nào được ghi lại." },
    [M_NO_ACTIVE] = { "No unfinished session.", "Không có phiên nào đang dở." },
    [M_NO_SCENARIOS] = { "No scenario found on the search path.",
                         "Không tìm thấy kịch bản nào trong đường dẫn tìm kiếm." },
    [M_DB] = { "Sessions: %s", "Dữ liệu phiên: %s" },
    [M_NO_DB] = { "Sessions cannot be opened: %s", "Không mở được dữ liệu phiên: %s" },
    [M_ST_ACTIVE] = { "unfinished", "đang dở" },
    [M_ST_FINISHED] = { "finished", "đã kết thúc" },
    [M_ST_ABORTED] = { "abandoned", "đã bỏ" },
    [M_SESSION_LINE] = { "#%s  %s  %s  turn %d  %s", "#%s  %s  %s  lượt %d  %s" },
    [M_SCEN_LANGS] = { "languages", "ngôn ngữ" },

    [M_REVIEW_OF] = { "Review of session %s", "Xem lại phiên %s" },
    [M_TEAM_VIEW] = { "What the team saw and did", "Đội đã thấy và làm gì" },
    [M_GROUND_TRUTH] = { "What really happened", "Diễn biến thực tế" },
    [M_TURN_OF] = { "Turn %d of %d", "Lượt %d / %d" },
    [M_NOTHING] = { "Nothing this turn.", "Không có gì trong lượt này." },
    [M_START_OF] = { "Before turn 1", "Trước lượt 1" },
};

const char *i18n_raw(lang l, msg_id id)
{
    if ((int)id < 0 || id >= M_COUNT)
        return NULL;
    return strings[id][l == LANG_VI ? 1 : 0];
}

const char *i18n_str(lang l, msg_id id)
{
    const char *s = i18n_raw(l, id);
    if (!s)
        s = i18n_raw(l == LANG_VI ? LANG_EN : LANG_VI, id);
    return s ? s : "?";
}
