/*
 * i18n.c - the interface strings in English and Vietnamese; see i18n.h.
 * Each entry is { English, Vietnamese }. Badges (B_*) are short, shown in
 * brackets, and carry the meaning colours only repeat.
 */
#include "ui/tui/i18n.h"

#include <stddef.h>
#include <string.h>

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
    [M_D_KEYS_MORE] = { "Enter: read in full", "Enter: đọc toàn bộ" },
    [M_D_KEYS_ASSET] = { "Enter: act on this system", "Enter: hành động trên hệ thống này" },

    [M_COST] = { "%d AP", "%d điểm" },
    [M_TURNS] = { "%d turns", "%d lượt" },
    [M_ACTION_DONE_AT] = { "done at the end of turn %d", "xong cuối lượt %d" },
    [M_NO_ACTIONS] = { "This role has no actions.", "Vai trò này không có hành động nào." },
    [M_TARGET_NONE] = { "(no target)", "(không cần đối tượng)" },

    /* Key hints fit 78 columns (80 minus the margins) in both languages:
     * tests/test_tui_view.c checks it. */
    [M_KEYS_PLAY] = { "?:help Tab:pane Enter:choose r:role o:objectives h:hint n:end turn q:quit",
                      "?:trợ giúp Tab:khung r:vai trò o:mục tiêu h:gợi ý n:hết lượt q:thoát" },
    [M_KEYS_LIST] = { "↑↓/jk: move  Enter: choose  Esc: back", "↑↓/jk: di chuyển  Enter: chọn  Esc: quay lại" },
    [M_KEYS_PICK] = { "↑↓/jk: move  Enter: choose  Esc: back", "↑↓/jk: di chuyển  Enter: chọn  Esc: quay lại" },
    [M_KEYS_CONFIRM] = { "Enter/y: confirm   Esc/n: back", "Enter/y: xác nhận   Esc/n: quay lại" },
    [M_KEYS_COMPOSE] = { "Tab: recipient/facts  ↑↓: move  Space: tick  Enter: send  Esc: back",
                         "Tab: nơi nhận/thông tin  ↑↓: chọn  Space: đánh dấu  Enter: gửi  Esc: về" },
    [M_KEYS_SCROLL] = { "↑↓ PgUp PgDn: scroll   Esc/q: close", "↑↓ PgUp PgDn: cuộn   Esc/q: đóng" },
    [M_KEYS_TEXT] = { "Type, then Enter.  Esc: back", "Nhập rồi nhấn Enter.  Esc: quay lại" },
    [M_KEYS_CANCEL] = { "x: cancel this action", "x: hủy hành động này" },
    [M_KEYS_REPLAY] = { "←→:turn Home/End:first/last Tab:side ↑↓:scroll Enter:read s:summary q:back",
                        "←→:lượt Home/End:đầu/cuối Tab:đổi bên ↑↓:cuộn Enter:đọc s:tổng kết q:thoát" },
    [M_KEYS_MENU] = { "↑↓/jk: move  Enter: choose  Esc: back  q: quit",
                      "↑↓/jk: di chuyển  Enter: chọn  Esc: quay lại  q: thoát" },
    [M_KEYS_SUMMARY] = { "↑↓ PgUp PgDn: scroll   Esc: the board   q/Enter: leave",
                         "↑↓ PgUp PgDn: cuộn   Esc: xem màn hình   q/Enter: thoát" },

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
        "session is saved after every action).   ?: this help.   s: after the end, the "
        "summary again.\n"
        "A list longer than its pane says so on its frame (\u2193 3 more).\n"
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
        "lưu sau mỗi thao tác).   ?: trợ giúp này.   s: sau khi kết thúc, xem lại phần "
        "tổng kết.\n"
        "Danh sách dài hơn khung thì khung ghi rõ còn bao nhiêu mục (\u2193 còn 3).\n"
        "\n"
        "Lượt kết thúc khi mọi người chơi đã nhấn n. Khi đó các hành động trong hàng đợi "
        "hoàn thành, kịch bản diễn tiến và lượt mới bắt đầu." },
    [M_OBJECTIVES] = { "Objectives", "Mục tiêu" },
    [M_BY_TURN] = { "by the end of turn %d", "chậm nhất cuối lượt %d" },
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
    [M_SECONDS] = { "%d s", "%d giây" },
    [M_WHAT_HAPPENED] = { "What really happened", "Diễn biến thực tế" },
    [M_DETAIL_TITLE] = { "Details", "Chi tiết" },
    [M_KIND_OBJECTIVE] = { "objective", "mục tiêu" },
    [M_KIND_PENALTY] = { "penalty", "phạt" },
    [M_KIND_HINT] = { "hint", "gợi ý" },
    [M_KIND_AWARD] = { "award", "thưởng" },
    [M_KIND_FACILITATOR] = { "facilitator", "điều hành" },
    [M_NO_SCORE_LINES] = { "No points were won or lost.", "Không có điểm nào được cộng hay bị trừ." },
    [M_SUMMARY_NEXT] = { "Everything is saved. After-action review (turn by turn, beside what really "
                         "happened): in the main menu, or irdrill replay; the written report: irdrill report.",
                         "Mọi thứ đã được lưu. Xem lại sau diễn tập (từng lượt, bên cạnh diễn biến thực tế): "
                         "trong màn hình chính, hoặc irdrill replay; báo cáo bằng văn bản: irdrill report." },

    [M_MSG_QUEUED] = { "Queued #%d: %s", "Đã xếp hàng #%d: %s" },
    [M_MSG_CANCELLED] = { "Cancelled #%d.", "Đã hủy #%d." },
    [M_MSG_REFUSED] = { "Refused: %s", "Không thực hiện được: %s" },
    [M_MSG_ROLE] = { "Acting role: %s (%s).", "Vai trò đang thao tác: %s (%s)." },
    [M_MSG_TURN] = { "Turn %d begins (%s): %d new items.", "Bắt đầu lượt %d (%s): %d mục mới." },
    [M_MSG_TURN_1] = { "Turn %d begins (%s): %d new item.", "Bắt đầu lượt %d (%s): %d mục mới." },
    [M_MSG_WAITING] = { "%s is ready. Waiting for: %s", "%s đã sẵn sàng. Đang chờ: %s" },
    /* %s: the variable that decides the character set (LC_ALL when set,
     * else LC_CTYPE, else LANG). */
    [M_MSG_NOT_UTF8] = { "The locale is not UTF-8: accented letters show as '?'. Try %s=C.UTF-8.",
                         /* Without diacritics: it is shown where they cannot be. */
                         "Moi truong khong dung UTF-8: chu co dau hien thanh '?'. Hay dat %s=C.UTF-8." },
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
    [M_PLAYER_N] = { "Player %d", "Người chơi %d" },
    [M_START] = { "Start the drill", "Bắt đầu diễn tập" },
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
    /* id, status, turn, started, then the scenario and team (what may be
     * cut at the right edge). */
    [M_SESSION_LINE] = { "#%s  %s  turn %d  %s  %s", "#%s  %s  lượt %d  %s  %s" },
    [M_SCEN_LANGS] = { "languages", "ngôn ngữ" },

    [M_REVIEW_OF] = { "Review of session %s", "Xem lại phiên %s" },
    [M_TEAM_VIEW] = { "What the team saw and did", "Đội đã thấy và làm gì" },
    [M_GROUND_TRUTH] = { "What really happened", "Diễn biến thực tế" },
    [M_TURN_OF] = { "Turn %d of %d", "Lượt %d / %d" },
    [M_NOTHING] = { "Nothing this turn.", "Không có gì trong lượt này." },
    [M_START_OF] = { "Before turn 1", "Trước lượt 1" },

    [M_KEYS_PLAY_FAC] = { "?:help Tab:pane Enter:choose r:role o:goals h:hint n:end turn g:truth q:quit",
                          "?:trợ giúp Tab:khung r:vai trò o:mục tiêu h:gợi ý n:hết lượt g:thực tế q:thoát" },
    [M_KEYS_FAC] = { "g/Esc: back  Enter: this turn in full  a: award  d: deduct  m: message  e: end",
                     "g/Esc: đóng  Enter: đọc hết  a: cộng điểm  d: trừ điểm  m: nhắn  e: hết lượt" },
    [M_HELP_TIMER] = {
        "TURN TIMER\n"
        "Each turn lasts %d:%02d (the countdown is in the top line). When it runs out the turn "
        "ends for everyone, as if the facilitator had ended it. If you are answering a question "
        "then (choosing a target, confirming), the timer waits up to %d seconds for your answer.",
        "ĐỒNG HỒ LƯỢT\n"
        "Mỗi lượt kéo dài %d:%02d (thời gian còn lại ở dòng trên cùng). Khi hết giờ, lượt kết "
        "thúc cho mọi người như khi người điều hành kết thúc lượt. Nếu lúc đó bạn đang trả lời "
        "một câu hỏi (chọn đối tượng, xác nhận), đồng hồ chờ câu trả lời thêm tối đa %d giây." },
    [M_HELP_FAC] = {
        "FACILITATOR\n"
        "This screen is what the players see. g opens the facilitator's view: the real state of "
        "every system, the attacker's moves, each signal marked TRUE or FALSE POSITIVE beside "
        "the team's verdict, and the score (even in exercise mode). There: a awards points, d "
        "deducts points (both with a written reason, recorded), m sends a message to the team, "
        "e ends the turn for everyone; Enter shows this turn's ground truth in full; g or Esc goes back.",
        "NGƯỜI ĐIỀU HÀNH\n"
        "Màn hình này là những gì người chơi thấy. Phím g mở màn hình của người điều hành: "
        "trạng thái thật của mọi hệ thống, các bước của kẻ tấn công, mỗi cảnh báo được đánh dấu "
        "CẢNH BÁO ĐÚNG hoặc BÁO ĐỘNG GIẢ bên cạnh kết luận của đội, và điểm (cả ở chế độ diễn "
        "tập). Tại đó: a cộng điểm, d trừ điểm (đều phải ghi lý do, được lưu lại), m gửi tin "
        "nhắn cho đội, e kết thúc lượt cho mọi người; Enter để đọc toàn bộ diễn biến thực tế của lượt này; g hoặc Esc để quay lại." },
    [M_HELP_RELOAD] = {
        "SCENARIO AUTHORS\n"
        "F5 (or Ctrl-R) reloads the scenario file and replays this session's inputs into a new "
        "saved session, so a change shows at once. If the file has an error, the message line "
        "shows it as file:line and this session goes on unchanged.",
        "NGƯỜI VIẾT KỊCH BẢN\n"
        "F5 (hoặc Ctrl-R) nạp lại tệp kịch bản và chạy lại các thao tác của phiên này trong một "
        "phiên mới được lưu, để thấy ngay thay đổi. Nếu tệp có lỗi, dòng thông báo ghi lỗi dạng "
        "tệp:dòng và phiên này tiếp tục như cũ." },
    [M_FAC_SYSTEMS] = { "Ground truth: systems", "Thực tế: hệ thống" },
    [M_FAC_HIDDEN] = { "hidden from players", "người chơi không thấy" },
    [M_FAC_NO_SCORE] = { "No points yet.", "Chưa có điểm nào." },
    [M_FAC_FEED] = { "Ground truth: attacker's moves and signals, newest first",
                     "Thực tế: các bước của kẻ tấn công và cảnh báo, mới nhất trước" },
    [M_FAC_AWARD] = { "Award points: how many?", "Cộng điểm: bao nhiêu?" },
    [M_FAC_DEDUCT] = { "Deduct points: how many?", "Trừ điểm: bao nhiêu?" },
    [M_FAC_NOTE] = { "Message to the team", "Tin nhắn cho đội" },
    [M_FAC_REASON_FOR] = { "Reason for %+d points (required)", "Lý do %+d điểm (bắt buộc)" },
    [M_FAC_END_ASK] = { "End turn %d for everyone now?", "Kết thúc lượt %d cho mọi người ngay?" },
    [M_FAC_ENDED_EV] = { "the turn was ended by the facilitator or the turn timer",
                         "lượt được kết thúc bởi người điều hành hoặc đồng hồ lượt" },
    [M_TEXT_INDICATOR] = { "One word: an IP address, a domain or a file hash.",
                           "Một từ: địa chỉ IP, tên miền hoặc mã băm tệp." },
    [M_TEXT_POINTS] = { "A number from 1 to 100000.", "Một số từ 1 đến 100000." },
    [M_TEXT_REASON] = { "Why: it is recorded with the points and shown in the report.",
                        "Lý do: được lưu cùng số điểm và ghi trong báo cáo." },
    [M_TEXT_NOTE] = { "The team sees it in Signals and messages.",
                      "Đội sẽ thấy tin này trong khung Cảnh báo và tin nhắn." },
    [M_MSG_BAD_POINTS] = { "Points: a number from 1 to 100000.", "Điểm: một số từ 1 đến 100000." },
    [M_MSG_NEED_REASON] = { "A written reason is required.", "Phải ghi lý do." },
    [M_MSG_NEED_NOTE] = { "The message is empty.", "Tin nhắn đang trống." },
    [M_MSG_NOTE_SENT] = { "Message sent to the team.", "Đã gửi tin nhắn cho đội." },
    [M_MSG_AWARDED] = { "Recorded: %+d points.", "Đã ghi: %+d điểm." },
    [M_MSG_FAC_ENDED] = { "Turn %d ended by the facilitator.", "Lượt %d được người điều hành kết thúc." },
    [M_MSG_OVER] = { "The session is over.", "Phiên đã kết thúc." },
    [M_MSG_TIME_UP] = { "Time is up: turn %d ended.", "Hết giờ: lượt %d đã kết thúc." },
    [M_MSG_TIME_UP_DROP] = { "Time is up: turn %d ended (the action being chosen was not queued).",
                             "Hết giờ: lượt %d đã kết thúc (hành động đang chọn chưa được xếp hàng)." },
    [M_TIMER_LEFT] = { "%d:%02d left", "còn %d:%02d" },
    [M_TIMER_UP] = { "time up", "hết giờ" },
    [M_MSG_NO_RELOAD] = { "This session cannot be reloaded here.",
                          "Không thể nạp lại phiên này ở đây." },
    [M_RELOAD_SAME] = { "%s has not changed since it was loaded.",
                        "%s không thay đổi kể từ lần nạp trước." },
    [M_RELOAD_ROLE_GONE] = { "%s no longer declares the role '%s' a player holds; this session goes on unchanged.",
                             "%s không còn khai báo vai trò '%s' mà một người chơi đang giữ; phiên này tiếp tục như cũ." },
    [M_RELOADED] = { "Reloaded %s as session %s: %d input(s) replayed.",
                     "Đã nạp lại %s thành phiên %s: chạy lại %d thao tác." },
    [M_RELOADED_STOP] = { "Reloaded %s as session %s; the replay stopped at input %d (%s): %s. Session %s is kept as it was.",
                          "Đã nạp lại %s thành phiên %s; việc chạy lại dừng ở thao tác %d (%s): %s. Phiên %s được giữ nguyên." },
    [M_MSG_NO_ROLE_FOR] = { "None of this player's roles can: %s.",
                            "Không vai trò nào của người chơi này làm được: %s." },
    [M_MSG_ACTING_AS] = { "Acting as %s for this action.", "Thao tác với vai trò %s cho hành động này." },
    [M_KEYS_CLOSE] = { "Esc: close", "Esc: đóng" },
    [M_NOTE_SAVED] = { "Session %lld is saved: Resume a session continues it.",
                       "Phiên %lld đã được lưu: chọn Tiếp tục phiên đang dở để chơi tiếp." },
    [M_NOTE_OVER] = { "Session %lld is over: %s, score %d/%d (After-action review shows it).",
                      "Phiên %lld đã kết thúc: %s, điểm %d/%d (xem ở Xem lại sau diễn tập)." },
    [M_NOTE_UNSAVED] = { "The session was not saved.", "Phiên này không được lưu." },
    [M_ABOUT_NEW] = {
        "Start a drill: choose a scenario, then who plays which role. An incident unfolds turn by "
        "turn; the team sees only alerts and the results of its own actions, acts (triage, "
        "investigate, isolate, report to the authorities ...) and is scored on the scenario's "
        "objectives. New to irdrill? Choose the tutorial: ten short turns that teach the screen. "
        "Every action is saved as it is taken.",
        "Bắt đầu một buổi diễn tập: chọn kịch bản, rồi chọn ai giữ vai trò nào. Sự cố diễn ra "
        "theo từng lượt; đội chỉ thấy cảnh báo và kết quả hành động của mình, xử lý (phân loại, "
        "điều tra, cô lập, báo cáo cơ quan chức năng ...) và được chấm điểm theo mục tiêu của "
        "kịch bản. Lần đầu dùng irdrill? Hãy chọn kịch bản hướng dẫn: mười lượt ngắn giới thiệu "
        "màn hình. Mọi thao tác được lưu ngay." },
    [M_ABOUT_RESUME] = { "Continue a drill that was left unfinished, exactly where it stopped.",
                         "Tiếp tục một buổi diễn tập còn dở, đúng chỗ đã dừng." },
    [M_ABOUT_REVIEW] = {
        "Step through a recorded session turn by turn: what the team saw and did beside what "
        "really happened. (The written report: irdrill report SESSION.)",
        "Xem lại từng lượt của một phiên đã ghi: những gì đội đã thấy và làm, bên cạnh diễn biến "
        "thực tế. (Báo cáo bằng văn bản: irdrill report SESSION.)" },
    [M_ABOUT_SCENARIOS] = { "The scenarios available, with their difficulty, length and summary.",
                            "Các kịch bản hiện có, với độ khó, độ dài và tóm tắt." },
    [M_ABOUT_LANG] = { "Switch the interface and the scenarios between English and Vietnamese.",
                       "Chuyển giao diện và kịch bản giữa tiếng Việt và tiếng Anh." },
    [M_ABOUT_QUIT] = { "Leave irdrill (q does the same). Nothing is lost: sessions are saved as they are played.",
                       "Thoát irdrill (phím q cũng vậy). Không mất gì: các phiên được lưu trong khi chơi." },
    [M_NOT_SAVED] = { "(not saved)", "(không lưu)" },
    [M_FORM_PLAYERS] = { "Players at this terminal (hot seat: they take turns at the keyboard)",
                         "Người chơi trên máy này (lần lượt dùng chung bàn phím)" },
    [M_FORM_ROLES] = { "Who holds each role", "Ai giữ vai trò nào" },
    [M_FORM_HINTS] = { "Hints", "Gợi ý" },
    [M_FORM_TIMER] = { "Turn timer", "Đồng hồ lượt" },
    [M_FORM_FACIL] = { "Facilitator view", "Màn hình điều hành" },
    [M_FORM_NO_TIMER] = { "none: a turn ends when every player ends it",
                          "không: lượt kết thúc khi mọi người chơi kết thúc" },
    [M_FORM_HINTS_ON] = { "allowed", "được xem" },
    [M_FORM_HINTS_OFF] = { "not allowed", "không được xem" },
    [M_FORM_ON] = { "on: g shows the ground truth", "bật: phím g hiện diễn biến thực tế" },
    [M_FORM_OFF] = { "off", "tắt" },
    [M_FORM_ADD] = { "+ Add a player", "+ Thêm người chơi" },
    [M_FORM_PER_ROLE] = { "One player per role", "Mỗi vai trò một người chơi" },
    [M_FORM_CONTINUE] = { "Continue the session", "Tiếp tục phiên" },
    [M_FORM_RESUME_OF] = { "Continue session %lld", "Tiếp tục phiên %lld" },
    [M_FORM_DUP] = { "Two players are named %s: give each a different name.",
                     "Có hai người chơi cùng tên %s: hãy đặt tên khác nhau." },
    [M_FORM_NO_ROLE] = { "%s holds no role: give them one below, or remove them (Delete).",
                         "%s chưa giữ vai trò nào: hãy giao một vai trò ở dưới, hoặc xóa người này (Delete)." },
    [M_KEYS_FORM] = { "↑↓/Tab: field  ←→: change  type: name  Enter: next/start  Esc: back",
                      "↑↓/Tab: mục  ←→: đổi  gõ: tên  Enter: tiếp/bắt đầu  Esc: quay lại" },
    [M_FORM_HELP_MODE] = { "Training shows the score as you play and allows hints. Exercise hides the score "
                           "and the objectives' results until the end, as in the annual drill.",
                           "Huấn luyện hiện điểm trong khi chơi và cho xem gợi ý. Diễn tập ẩn điểm và kết quả "
                           "mục tiêu đến khi kết thúc, như buổi diễn tập hằng năm." },
    [M_FORM_HELP_HINTS] = { "Whether players may take hints (each costs points) in this exercise.",
                            "Người chơi có được xem gợi ý (mỗi gợi ý bị trừ điểm) trong buổi diễn tập này không." },
    [M_FORM_HELP_TIMER] = { "With a timer, each turn ends when its time runs out, even if some players have "
                            "not ended it (←→ to choose). The countdown is in the top line.",
                            "Khi có đồng hồ, mỗi lượt kết thúc lúc hết giờ dù có người chưa kết thúc lượt "
                            "(←→ để chọn). Thời gian còn lại ở dòng trên cùng." },
    [M_FORM_HELP_FACIL] = { "For a facilitator at this terminal: g opens the ground truth, the score even in "
                            "exercise mode, awards and deductions with a reason. Players never see it.",
                            "Dành cho người điều hành tại máy này: phím g mở diễn biến thực tế, điểm (cả ở chế độ "
                            "diễn tập), cộng hoặc trừ điểm kèm lý do. Người chơi không thấy phần này." },
    [M_FORM_HELP_TEAM] = { "The team's name, recorded with the session and shown in the report (optional).",
                           "Tên đội, được lưu cùng phiên và ghi trong báo cáo (không bắt buộc)." },
    [M_FORM_HELP_PLAYER] = { "Type the player's name (Vietnamese is fine). Backspace erases a letter; Delete "
                             "removes the player. Left empty, the name shown dim is used.",
                             "Gõ tên người chơi (tiếng Việt có dấu). Backspace xóa một chữ; Delete xóa người chơi. "
                             "Nếu để trống, tên hiện mờ sẽ được dùng." },
    [M_FORM_HELP_ADD] = { "Enter adds a player; then give them roles below.",
                          "Enter để thêm người chơi; sau đó giao vai trò ở dưới." },
    [M_FORM_HELP_PER_ROLE] = { "Enter sets up one player for each role, named after it until you type names.",
                               "Enter để tạo mỗi vai trò một người chơi, mang tên vai trò cho đến khi bạn gõ tên." },
    [M_FORM_HELP_ROLE] = { "←→ chooses the player who holds this role. One player may hold several roles.",
                           "←→ để chọn người giữ vai trò này. Một người có thể giữ nhiều vai trò." },
    [M_FORM_HELP_START] = { "Enter starts the drill. Every action is saved as it is taken: quit at any moment and "
                            "resume later.",
                            "Enter để bắt đầu. Mọi thao tác được lưu ngay: có thể thoát bất cứ lúc nào và tiếp "
                            "tục sau." },
    [M_FORM_HELP_CONTINUE] = { "Enter continues the session exactly where it stopped, with the turn timer it "
                               "was started with (change it above). The facilitator view is not saved with a "
                               "session: choose it again here.",
                               "Enter để tiếp tục phiên đúng chỗ đã dừng, với đồng hồ lượt đã chọn khi bắt đầu "
                               "(có thể đổi ở trên). Màn hình điều hành không được lưu cùng phiên: hãy chọn lại ở đây." },

    [B_S_ISOLATED] = { "ISOL", "CÔ LẬP" },
    [B_S_COMPROMISED] = { "COMP", "XÂM NHẬP" },
    [B_S_DEFACED] = { "DEFACE", "THAY GD" },
    [B_S_ENCRYPTED] = { "ENCR", "MÃ HÓA" },
    [B_S_PATCHED] = { "PATCH", "ĐÃ VÁ" },
    [B_S_EVIDENCE] = { "EVID", "CHỨNG CỨ" },
    [B_S_BACKUP] = { "BKUP", "SAO LƯU" },
    [B_S_UNCHECKED] = { "UNCHK", "CHƯA RÕ" },
    [B_S_NOT_COMPROMISED] = { "NO INTR", "KHÔNG XN" },
    [B_S_SEV_MEDIUM] = { "MED", "TB" },
    [B_S_SEV_CRITICAL] = { "CRIT", "NG.TRỌNG" },
    [B_S_TP] = { "TP", "ĐÚNG" },
    [B_S_FP] = { "FP", "SAI" },
    [B_S_FACILITATOR] = { "FACIL", "Đ.HÀNH" },

    [M_MORE_UP] = { "↑ %d more", "↑ còn %d" },
    [M_MORE_DOWN] = { "↓ %d more", "↓ còn %d" },
    [M_MORE_BOTH] = { "↑ %d ↓ %d more", "↑ %d ↓ %d nữa" },
    [M_EXIT_SAVED] = { "session %lld is saved; continue it with: irdrill resume %lld",
                       "phiên %lld đã được lưu; tiếp tục bằng: irdrill resume %lld" },
    [M_EXIT_OVER] = { "session %lld: %s, score %d/%d; review it with: irdrill replay %lld",
                      "phiên %lld: %s, điểm %d/%d; xem lại bằng: irdrill replay %lld" },
    [M_EXIT_UNSAVED] = { "session not saved (--no-save)", "phiên không được lưu (--no-save)" },

    [M_HINT_COST_1] = { "The next hint costs %d point. Take it?",
                        "Gợi ý tiếp theo bị trừ %d điểm. Xem gợi ý?" },
    [M_POINTS_1] = { "%d pt", "%d điểm" },
    [M_AP_UNUSED_1] = { "%s still has %d action point.", "%s còn %d điểm hành động." },
    [M_MSG_AWARDED_1] = { "Recorded: %+d point.", "Đã ghi: %+d điểm." },
    [M_FAC_REASON_FOR_1] = { "Reason for %+d point (required)", "Lý do %+d điểm (bắt buộc)" },
    [M_RELOADED_1] = { "Reloaded %s as session %s: %d input replayed.",
                       "Đã nạp lại %s thành phiên %s: chạy lại %d thao tác." },

    [M_MSG_TIME_UP_CANCEL] = { "Time is up: turn %d ended (action #%d was not cancelled).",
                               "Hết giờ: lượt %d đã kết thúc (hành động #%d chưa được hủy)." },
    [M_MSG_TIME_UP_HINT] = { "Time is up: turn %d ended (no hint was taken).",
                             "Hết giờ: lượt %d đã kết thúc (chưa xem gợi ý)." },
    [M_MSG_TIME_UP_TEXT] = { "Time is up: turn %d ended (what was being typed was not sent).",
                             "Hết giờ: lượt %d đã kết thúc (nội dung đang gõ chưa được gửi)." },
    [M_MSG_NO_HASH] = { "No '#' here: it would start a comment in the input line.",
                        "Không dùng '#' ở đây: nó sẽ mở đầu một chú thích trong dòng thao tác." },
    [M_MSG_FIELD_FULL] = { "That is as long as this field can be.", "Ô này đã đủ độ dài tối đa." },
    [M_MSG_RUNNING] = { "#%d is under way (done at the end of turn %d): it can no longer be cancelled.",
                        "#%d đang được thực hiện (xong cuối lượt %d): không thể hủy nữa." },
    [M_MSG_X_WHERE] = { "x cancels a queued action: choose it in the Queue pane (Tab).",
                        "Phím x hủy một hành động đã xếp hàng: hãy chọn nó trong khung Hàng đợi (Tab)." },
    [M_MSG_T_WHERE] = { "t triages a signal: choose one in Signals and messages (Tab).",
                        "Phím t phân loại cảnh báo: hãy chọn một cảnh báo trong khung Cảnh báo và tin nhắn (Tab)." },
    [M_MSG_T_NOT_SIGNAL] = { "t triages signals; this item is not a signal.",
                             "Phím t dùng để phân loại cảnh báo; mục này không phải cảnh báo." },
    [M_MSG_NO_AP] = { "%s cannot take %s this turn: it costs %d AP, %d AP left.",
                      "%s không thể %s trong lượt này: cần %d điểm hành động, chỉ còn %d." },
    [M_KEYS_PLAY_OVER] = { "?:help Tab:pane Enter:choose s:summary q:quit",
                           "?:trợ giúp Tab:khung Enter:chọn s:tổng kết q:thoát" },
    [M_MET_DOWNTIME] = { "Downtime", "Thời gian ngừng hoạt động" },
    [M_KEYS_MENU_SCEN] = { "↑↓: move  Tab: summary  Enter: choose  Esc: back  q: quit",
                           "↑↓: di chuyển  Tab: tóm tắt  Enter: chọn  Esc: quay lại  q: thoát" },
    [M_MSG_SUMMARY_WHEN] = { "The summary comes at the end of the session.",
                             "Phần tổng kết có khi phiên kết thúc." },
};

/* Signal sources: the common ones by name; others are shown as they are. */
static const struct { const char *id, *en, *vi; } sources[] = {
    { "api-gateway", "API gateway", "cổng API" },
    { "application", "application", "ứng dụng" },
    { "authority", "an authority", "cơ quan chức năng" },
    { "backup", "backup system", "hệ thống sao lưu" },
    { "bank", "bank", "ngân hàng" },
    { "dns", "DNS", "DNS" },
    { "edr", "EDR (endpoint detection)", "EDR (giám sát máy trạm)" },
    { "email", "e-mail", "thư điện tử" },
    { "endpoint", "endpoint", "máy trạm" },
    { "firewall", "firewall", "tường lửa" },
    { "helpdesk", "helpdesk", "bộ phận hỗ trợ" },
    { "hotline", "hotline", "đường dây nóng" },
    { "ids", "IDS (intrusion detection)", "IDS (phát hiện xâm nhập)" },
    { "isp", "Internet service provider", "nhà cung cấp dịch vụ Internet" },
    { "mail", "e-mail", "thư điện tử" },
    { "mail-gateway", "mail gateway", "cổng thư điện tử" },
    { "malware-monitor", "malware monitoring", "giám sát mã độc" },
    { "monitoring", "monitoring system", "hệ thống giám sát" },
    { "network", "network", "mạng" },
    { "news", "news", "tin tức" },
    { "phone", "phone call", "cuộc gọi điện thoại" },
    { "press", "press", "báo chí" },
    { "proxy", "proxy", "proxy" },
    { "siem", "SIEM", "SIEM" },
    { "social-media", "social media", "mạng xã hội" },
    { "staff", "staff", "cán bộ" },
    { "telco", "telecom operator", "nhà mạng viễn thông" },
    { "threat-intel", "threat intelligence", "tình báo mối đe dọa" },
    { "user", "a user", "người dùng" },
    { "vendor", "vendor", "nhà cung cấp" },
    { "vncert", "VNCERT/CC", "VNCERT/CC" },
    { "vpn", "VPN gateway", "cổng VPN" },
    { "waf", "WAF (web application firewall)", "WAF (tường lửa ứng dụng web)" },
    { "web-monitor", "website monitoring", "giám sát trang web" },
};

const char *i18n_source(lang l, const char *id)
{
    for (size_t i = 0; id && i < sizeof sources / sizeof *sources; i++)
        if (strcmp(sources[i].id, id) == 0)
            return l == LANG_VI ? sources[i].vi : sources[i].en;
    return NULL;
}

const char *i18n_source_at(int i, const char **en, const char **vi)
{
    if (i < 0 || (size_t)i >= sizeof sources / sizeof *sources)
        return NULL;
    *en = sources[i].en;
    *vi = sources[i].vi;
    return sources[i].id;
}

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
