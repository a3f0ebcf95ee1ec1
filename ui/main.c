/*
 * main.c - the composition root: the command line of irdrill.
 *
 * Parses the arguments of each command, builds the scenario search path
 * and hands over to the command (ui/cli_*.c). Nothing else lives here, so
 * tests and benches can link every piece of the command line without it.
 * The contract is product.md §3; what this version decides where that is
 * silent is in docs/cli.md.
 */
#include "ui/cli.h"
#include "ui/tui/tui.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#ifndef IRDRILL_VERSION
#define IRDRILL_VERSION "0.0.0"
#endif

static const char USAGE[] =
    "usage: irdrill COMMAND [ARGS...]\n"
    "\n"
    "Incident-response drills in the terminal: scenarios in Lua, played turn by turn.\n"
    "\n"
    "commands:\n"
    "  (no command)                   the main menu, in the terminal\n"
    "  play SCENARIO                  play a drill in the terminal (hot seat: --player, --role)\n"
    "  resume [SESSION]               continue an unfinished session in the terminal\n"
    "  replay SESSION                 review a session turn by turn: team view and ground truth\n"
    "  run SCENARIO --inputs FILE|-   play a scenario headless from an inputs script (saved)\n"
    "  resume [SESSION] --inputs FILE|-   continue an unfinished saved session headless\n"
    "  sessions                       list the saved sessions, newest first\n"
    "  verify [SESSION|--all]         replay saved sessions and check their records\n"
    "  report SESSION                 the after-action report of a saved session\n"
    "  check SCENARIO...              validate scenarios without playing them\n"
    "  test SCENARIO...               run the scenarios' self-tests, each twice\n"
    "  scenarios                      list the scenarios on the search path\n"
    "  simulate SCENARIO --runs N     bot playthroughs: outcomes, scores, what no run reached\n"
    "  new-scenario ID                write a commented template scenario to ID.lua\n"
    "\n"
    "  irdrill COMMAND --help         help for one command\n"
    "  irdrill --version              the version\n"
    "\n"
    "SCENARIO is a path to a scenario file or a scenario id found on the search path:\n"
    "--scenarios DIR, $IRDRILL_SCENARIOS, the installed scenarios, ./scenarios.\n"
    "Sessions are saved in --db PATH, else $IRDRILL_DB, else $XDG_DATA_HOME/irdrill/irdrill.db,\n"
    "else ~/.local/share/irdrill/irdrill.db.\n"
    "Exit status: 0 success, 1 wrong input (flag, scenario, inputs, unknown session),\n"
    "2 the environment failed (database unusable, disk full, out of memory).\n"
    "See irdrill(1) and docs/cli.md.\n";

static const char USAGE_RUN[] =
    "usage: irdrill run SCENARIO --inputs FILE|- [--seed N] [--json] [--no-save] [--db PATH]\n"
    "                   [--lang vi|en] [--mode training|exercise] [--team T] [--player NAME]\n"
    "                   [--role R[,R...]]... [--scenarios DIR]...\n"
    "\n"
    "Play SCENARIO headless: read the inputs script (FILE, or - for stdin) line by line\n"
    "as it arrives, apply each line, stop at the end of the session or of the inputs,\n"
    "and print the result. The session is saved (created before the first line is read)\n"
    "and its number printed: irdrill resume, report and verify take it.\n"
    "\n"
    "  --inputs FILE|-    the inputs script: one input per line, '#' comments (required)\n"
    "  --seed N           the session's seed, 0 to 9223372036854775807\n"
    "                     (default: drawn from the clock, and printed)\n"
    "  --json             print the result as one JSON object (the last line of stdout)\n"
    "  --no-save          do not save the session (no database is opened)\n"
    "  --db PATH          the sessions database (default: $IRDRILL_DB, else\n"
    "                     $XDG_DATA_HOME/irdrill/irdrill.db, else ~/.local/share/irdrill/irdrill.db)\n"
    "  --team T           the team's name, recorded with the session\n"
    "  --player NAME      the player's name (default: solo)\n"
    "  --role R[,R...]    the roles the player holds (repeatable; default: every role)\n"
    "  --lang vi|en       language of the output (default: from LC_ALL/LC_MESSAGES/LANG)\n"
    "  --mode training|exercise   default training\n"
    "  --scenarios DIR    look for scenario ids in DIR first (repeatable)\n"
    "\n"
    "An invalid inputs line stops the run with 'irdrill: FILE:LINE: message' and exit 1;\n"
    "the session stays saved up to that line. Inputs that end before the session does give\n"
    "outcome null (exit 0); irdrill resume continues the session. Lines from - (stdin) are\n"
    "each committed to the database before they are applied; the lines of a FILE, which is\n"
    "on disk already, are committed in groups. A database that cannot be used: exit 2.\n";

static const char USAGE_TEST[] =
    "usage: irdrill test SCENARIO... [--scenarios DIR]...\n"
    "\n"
    "Run the self-tests (test { ... }) of each scenario. Each test runs twice; the two\n"
    "event streams must be identical, and the expectations must hold. Prints\n"
    "'PASS scenario/test' or 'FAIL scenario/test: reason' per test, then\n"
    "'N passed, N failed'. Exit status 1 when any test failed.\n";

static const char USAGE_SCENARIOS[] =
    "usage: irdrill scenarios [--json] [--lang vi|en] [--scenarios DIR]...\n"
    "\n"
    "List the scenarios on the search path (the first of each id wins): id, difficulty,\n"
    "turns, languages, title. With --json, one object per line with id, title,\n"
    "difficulty, max_turns, turn_minutes, languages, version and path.\n"
    "Files that do not load are reported as warnings on stderr and skipped.\n";

/* Parse a command's flags; on --help prints usage and sets *done. */
static int parse(const char *cmd, const char *usage, int argc, char **argv,
                 const cli_flag *flags, int nflags, cli_strv *pos, bool *done)
{
    bool help = false;
    int rc = cli_parse(cmd, argc, argv, flags, nflags, pos, &help);
    *done = rc != CLI_OK || help;
    if (rc == CLI_OK && help)
        fputs(usage, stdout);
    return rc;
}

static int cmd_run(int argc, char **argv)
{
    const char *inputs = NULL, *seed = NULL, *db = NULL, *lang_s = NULL, *mode = NULL;
    const char *team = NULL, *player = NULL;
    bool json = false, no_save = false, done;
    cli_strv dirs = CLI_STRV_INIT, pos = CLI_STRV_INIT, roles = CLI_STRV_INIT;
    const cli_flag flags[] = {
        { "inputs", CLI_FLAG_STR, &inputs, "FILE or -" },
        { "seed", CLI_FLAG_STR, &seed, "N" },
        { "json", CLI_FLAG_BOOL, &json, NULL },
        { "no-save", CLI_FLAG_BOOL, &no_save, NULL },
        { "db", CLI_FLAG_STR, &db, "PATH" },
        { "lang", CLI_FLAG_STR, &lang_s, "vi or en" },
        { "mode", CLI_FLAG_STR, &mode, "training or exercise" },
        { "scenarios", CLI_FLAG_LIST, &dirs, "DIR" },
        { "team", CLI_FLAG_STR, &team, "T" },
        { "player", CLI_FLAG_STR, &player, "NAME" },
        { "role", CLI_FLAG_LIST, &roles, "R[,R...]" },
    };
    cli_run_opts o = { .mode = MODE_TRAINING };
    cli_search sp = { NULL, 0 };
    int rc = parse("run", USAGE_RUN, argc, argv, flags, sizeof flags / sizeof *flags, &pos, &done);
    if (done)
        goto out;
    rc = CLI_EUSER;
    if (pos.n == 0) {
        cli_error("run: missing SCENARIO (a path or a scenario id)");
        goto out;
    }
    if (pos.n > 1) {
        cli_error("run: unexpected argument '%s' (one SCENARIO only)", pos.v[1]);
        goto out;
    }
    if (!inputs) {
        cli_error("run: --inputs FILE|- is required");
        goto out;
    }
    if (seed && cli_parse_seed("run", seed, &o.seed) != CLI_OK)
        goto out;
    int l = cli_lang("run", lang_s);
    if (l < 0)
        goto out;
    if (mode && strcmp(mode, "training") != 0 && strcmp(mode, "exercise") != 0) {
        cli_error("run: --mode: expected training or exercise, not '%s'", mode);
        goto out;
    }
    rc = cli_search_init(&sp, &dirs);
    if (rc != CLI_OK)
        goto out;
    o.search = &sp;
    o.scenario = pos.v[0];
    o.inputs = inputs;
    o.has_seed = seed != NULL;
    o.json = json;
    o.lang = (lang)l;
    o.mode = mode && strcmp(mode, "exercise") == 0 ? MODE_EXERCISE : MODE_TRAINING;
    o.no_save = no_save;
    o.db = db;
    o.team = team;
    o.player = player;
    o.roles = &roles;
    rc = cli_run(&o);
out:
    cli_search_free(&sp);
    cli_strv_free(&dirs);
    cli_strv_free(&roles);
    cli_strv_free(&pos);
    return rc;
}

/* check and test: SCENARIO... and --scenarios. */
static int cmd_many(const char *cmd, const char *usage, int argc, char **argv,
                    int (*fn)(const cli_search *, const cli_strv *))
{
    bool done;
    cli_strv dirs = CLI_STRV_INIT, pos = CLI_STRV_INIT;
    const cli_flag flags[] = { { "scenarios", CLI_FLAG_LIST, &dirs, "DIR" } };
    cli_search sp = { NULL, 0 };
    int rc = parse(cmd, usage, argc, argv, flags, 1, &pos, &done);
    if (done)
        goto out;
    if (pos.n == 0) {
        cli_error("%s: missing SCENARIO (one or more paths or scenario ids)", cmd);
        rc = CLI_EUSER;
        goto out;
    }
    rc = cli_search_init(&sp, &dirs);
    if (rc == CLI_OK)
        rc = fn(&sp, &pos);
out:
    cli_search_free(&sp);
    cli_strv_free(&dirs);
    cli_strv_free(&pos);
    return rc;
}

static int cmd_scenarios(int argc, char **argv)
{
    const char *lang_s = NULL;
    bool json = false, done;
    cli_strv dirs = CLI_STRV_INIT, pos = CLI_STRV_INIT;
    const cli_flag flags[] = {
        { "json", CLI_FLAG_BOOL, &json, NULL },
        { "lang", CLI_FLAG_STR, &lang_s, "vi or en" },
        { "scenarios", CLI_FLAG_LIST, &dirs, "DIR" },
    };
    cli_search sp = { NULL, 0 };
    int rc = parse("scenarios", USAGE_SCENARIOS, argc, argv, flags, sizeof flags / sizeof *flags,
                   &pos, &done);
    if (done)
        goto out;
    rc = CLI_EUSER;
    if (pos.n > 0) {
        cli_error("scenarios: unexpected argument '%s'", pos.v[0]);
        goto out;
    }
    int l = cli_lang("scenarios", lang_s);
    if (l < 0)
        goto out;
    rc = cli_search_init(&sp, &dirs);
    if (rc == CLI_OK)
        rc = cli_scenarios(&sp, json, (lang)l);
out:
    cli_search_free(&sp);
    cli_strv_free(&dirs);
    cli_strv_free(&pos);
    return rc;
}

static int dispatch(int argc, char **argv)
{
    if (argc < 2) {
        /* The main menu on a terminal; the usage for scripts and pipes. */
        if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))
            return tui_cmd_menu(0, NULL);
        fputs(USAGE, stdout);
        return CLI_OK;
    }
    const char *cmd = argv[1];
    int n = argc - 2;
    char **args = argv + 2;
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
        fputs(USAGE, stdout);
        return CLI_OK;
    }
    if (strcmp(cmd, "--version") == 0) {
        puts("irdrill " IRDRILL_VERSION);
        return CLI_OK;
    }
    if (strcmp(cmd, "run") == 0)
        return cmd_run(n, args);
    if (strcmp(cmd, "check") == 0)
        return cli_cmd_check(n, args);
    if (strcmp(cmd, "test") == 0)
        return cmd_many("test", USAGE_TEST, n, args, cli_test);
    if (strcmp(cmd, "scenarios") == 0)
        return cmd_scenarios(n, args);
    if (strcmp(cmd, "simulate") == 0)
        return cli_cmd_simulate(n, args);
    if (strcmp(cmd, "new-scenario") == 0)
        return cli_cmd_new_scenario(n, args);
    if (strcmp(cmd, "play") == 0)
        return tui_cmd_play(n, args);
    if (strcmp(cmd, "replay") == 0)
        return tui_cmd_replay(n, args);
    if (strcmp(cmd, "resume") == 0) {
        /* With --inputs, headless; without, in the terminal. */
        for (int i = 0; i < n && strcmp(args[i], "--") != 0; i++)
            if (strcmp(args[i], "--inputs") == 0 || strncmp(args[i], "--inputs=", 9) == 0)
                return cli_cmd_resume(n, args);
        return tui_cmd_resume(n, args);
    }
    if (strcmp(cmd, "sessions") == 0)
        return cli_cmd_sessions(n, args);
    if (strcmp(cmd, "verify") == 0)
        return cli_cmd_verify(n, args);
    if (strcmp(cmd, "report") == 0)
        return cli_cmd_report(n, args);
    /* The main menu with the common flags: irdrill --db PATH ... */
    if (tui_menu_flag(cmd))
        return tui_cmd_menu(argc - 1, argv + 1);
    if (cmd[0] == '-')
        cli_error("unknown flag %s (irdrill --help lists the commands)", cmd);
    else
        cli_error("unknown command '%s' (irdrill --help lists the commands)", cmd);
    return CLI_EUSER;
}

int main(int argc, char **argv)
{
    int rc = dispatch(argc, argv);
    int out = cli_flush_stdout();
    return out != CLI_OK ? out : rc;
}
