/*
 * cli.h - what the commands of the command line share, and what tests and
 * benches may reuse without the composition root (ui/main.c):
 *
 *   - one-line messages on stderr ("irdrill: ..."), always sanitised, so no
 *     text from a scenario, an inputs file or argv reaches a terminal raw;
 *   - a small "--flag value" parser driven by a table;
 *   - the scenario search path and the resolution of a SCENARIO argument
 *     (a path to a file, or an id looked up on the search path);
 *   - starting a session of a loaded scenario and feeding it inputs lines;
 *   - the commands themselves (cli_run.c, cli_check.c, cli_test.c,
 *     cli_scenarios.c), each returning the process exit status.
 *
 * Exit statuses (product.md §3): CLI_OK 0, CLI_EUSER 1 (the user's input is
 * wrong), CLI_EENV 2 (the environment failed: out of memory, unreadable
 * stream, unwritable output).
 *
 * Nothing here keeps state between calls or between processes: every
 * lookup reads the directories again.
 */
#ifndef IRDRILL_CLI_H
#define IRDRILL_CLI_H

#include "engine/engine.h"
#include "engine/lhost.h"
#include "engine/text.h"
#include "saves/store.h"
#include "ui/drill.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

enum { CLI_OK = 0, CLI_EUSER = 1, CLI_EENV = 2 };

/* --- messages ----------------------------------------------------------- */

/* "irdrill: " and the formatted message, as one sanitised line on stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The same with "irdrill: warning: ". */
void cli_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Write s to f without unsafe characters (text_sanitize; allow lists the
 * ASCII controls to keep, e.g. "\n", or NULL). */
void cli_put_safe(FILE *f, const char *s, const char *allow);
/* Report a failed write to stdout (one line, exit status CLI_EENV) and
 * return the status to exit with: CLI_OK when stdout is fine, else
 * CLI_EENV. Call once, at the end of a command. */
int cli_flush_stdout(void);

/* --- columns (cli_text.c) ----------------------------------------------- */

/* Columns a UTF-8 text takes on a terminal: combining marks none, East
 * Asian wide characters two, everything else one (whatever the locale). */
int cli_width(const char *s);
/* Write s sanitised (cli_put_safe), then spaces up to width columns. */
void cli_pad(FILE *f, const char *s, int width);

/* --- arguments ---------------------------------------------------------- */

/* A growable list of borrowed strings (they point into argv). */
typedef struct cli_strv {
    const char **v;
    int n, cap;
} cli_strv;

#define CLI_STRV_INIT { NULL, 0, 0 }

int cli_strv_push(cli_strv *v, const char *s);     /* 0, or -1 on OOM */
void cli_strv_free(cli_strv *v);

typedef enum cli_flag_kind {
    CLI_FLAG_BOOL,      /* dst: bool *, set to true */
    CLI_FLAG_STR,       /* dst: const char **; given twice is an error */
    CLI_FLAG_LIST,      /* dst: cli_strv *, repeatable */
} cli_flag_kind;

typedef struct cli_flag {
    const char *name;   /* without the leading "--" */
    cli_flag_kind kind;
    void *dst;
    const char *value;  /* what the value is, for messages: "FILE|-" */
} cli_flag;

/* Parse a command's arguments (argv[0] is the first one after the command
 * name). Flags are "--name value" or "--name=value"; "--" ends the flags;
 * everything else is appended to pos. "--help" or "-h" anywhere before "--"
 * sets *help and stops (nothing else is checked). On a bad flag, a missing
 * value or a flag given twice, prints "irdrill: CMD: ..." and returns
 * CLI_EUSER; CLI_EENV on OOM; CLI_OK otherwise. */
int cli_parse(const char *cmd, int argc, char **argv, const cli_flag *flags,
              int nflags, cli_strv *pos, bool *help);

/* Parse a command's arguments as cli_parse does; on --help print usage on
 * stdout. *done is true when the command has nothing more to do (help
 * printed, or an error printed: the return value is then the status). */
int cli_parse_cmd(const char *cmd, const char *usage, int argc, char **argv,
                  const cli_flag *flags, int nflags, cli_strv *pos, bool *done);

/* Parse a --lang value ("vi" or "en"); -1 and a message when invalid. An
 * absent value (NULL) gives the language of the environment. */
int cli_lang(const char *cmd, const char *value);

/* --- the scenario search path -------------------------------------------- */

typedef struct cli_search {
    char **dirs;
    int ndirs;
} cli_search;

/* Build the search path, in order: the --scenarios directories (each must
 * exist, or it is an error), the directories of $IRDRILL_SCENARIOS
 * (colon-separated), the installed directory (<exe dir>/../share/irdrill/
 * scenarios, from /proc/self/exe), and ./scenarios. Directories that do not
 * exist are left out, except that user ones are an error. Returns a CLI_
 * status, the message already printed. */
int cli_search_init(cli_search *sp, const cli_strv *user_dirs);
void cli_search_free(cli_search *sp);

typedef enum cli_found {
    CLI_FOUND,          /* loaded */
    CLI_INVALID,        /* a file was found but does not load: see problems */
    CLI_NOTFOUND,       /* no file of that name, no scenario of that id */
    CLI_NOMEM,
} cli_found;

/* Resolve SCENARIO and load it. An argument that names an existing file
 * (not a directory) is that file. Otherwise, when it looks like an id, each
 * directory of the search path in turn is searched: ID.lua first, then
 * every other *.lua (not stdlib.lua, not hidden), in byte order of name,
 * until one whose scenario id is arg. A file ID.lua that does not load is
 * the answer (CLI_INVALID), since the user most likely meant it.
 * problems receives the "file:line: message" lines of an invalid file. */
lhost *cli_scenario_load(const cli_search *sp, const char *arg, sbuf *problems,
                         cli_found *why);

/* Print the one-line error for a failed cli_scenario_load (for CLI_INVALID:
 * the first problem and how many more there are) and return the exit
 * status: CLI_OK for CLI_FOUND, CLI_EUSER, or CLI_EENV for CLI_NOMEM. */
int cli_scenario_error(const char *cmd, const char *arg, cli_found why, const char *problems);

/* Load a SCENARIO argument for a command that needs exactly one: on failure
 * prints one "irdrill: ..." line and sets *status. */
lhost *cli_scenario_open(const cli_search *sp, const char *cmd, const char *arg,
                         int *status);

/* Call fn for every scenario on the search path, one per id (the first
 * found wins), directory by directory, files in byte order of name. A file
 * that does not load is reported with cli_warn and skipped. fn's scen and
 * path live only during the call. Returns CLI_OK or CLI_EENV (OOM,
 * reported). */
typedef void (*cli_scenario_fn)(void *ctx, const scen *sc, const char *path);
int cli_search_each(const cli_search *sp, cli_scenario_fn fn, void *ctx);

/* The *.lua files of one directory that may hold scenarios (not
 * stdlib.lua, not hidden), sorted by name; full paths, owned by the
 * caller (free each, then the array). Returns the count, 0 for a missing
 * directory, -1 on OOM. */
int cli_dir_scenarios(const char *dir, char ***paths);

/* --- sessions and inputs ------------------------------------------------- */

/* A started session of h's scenario: engine_new with h's hooks and sink,
 * lhost_bind, engine_start. NULL on OOM (or options the engine refuses). */
engine *cli_session_start(lhost *h, const engine_opts *opts, const event_sink *sink);

/* Feed one inputs line (with or without its line ending). Returns ENG_OK,
 * ENG_EMPTY for a blank or comment line, or an error code with the reason
 * in err (engine_errmsg, or the feeder's own: a NUL byte). */
int cli_feed_line(engine *e, const char *line, size_t len, sbuf *err);

/* The length of a UTF-8 byte-order mark (U+FEFF, as some editors write
 * at the start of a text file) that begins line 1 of an inputs script:
 * 3, or 0. Readers of inputs skip it; later U+FEFFs are refused as the
 * invisible characters they are. */
size_t cli_bom_len(const char *line, int lineno);

/* Read in line by line, as lines arrive, and feed each until the end of
 * the stream or of the session. *lineno is the number of the last line
 * read. Returns CLI_OK; CLI_EUSER for an invalid line (reason in err);
 * CLI_EENV for a read error or OOM (reason in err). */
int cli_feed_stream(engine *e, FILE *in, int *lineno, sbuf *err);

/* The same over a string (a self-test's inputs). */
int cli_feed_text(engine *e, const char *src, int *lineno, sbuf *err);

/* A seed for a session whose user gave none: from the clock and the
 * process id, in [1, 2^32). */
uint64_t cli_default_seed(void);

/* A name from the command line as it is recorded or compared: --team and
 * --player, and the --team filter of sessions. Valid UTF-8 with no
 * control, bidi or zero-width character, 1 to 200 bytes once in NFC (the
 * form names are stored in, so "Đội" typed decomposed finds "Đội" typed
 * precomposed). Returns the NFC form (malloc'd), or NULL with one
 * "irdrill: CMD: --FLAG: ..." line printed and *status set (CLI_EUSER;
 * CLI_EENV when out of memory). */
char *cli_name(const char *cmd, const char *flag, const char *value, int *status);


/* A scenario id: letters, digits, '_', '-', '.', starting with a letter,
 * at most 64 bytes (docs/scenario-api.md). */
bool cli_id_ok(const char *s);

/* Parse a --seed value: a decimal integer 0 ... 2^63-1. */
int cli_parse_seed(const char *cmd, const char *value, uint64_t *seed);

/* --- the sessions database (cli_db.c) ----------------------------------- */

/* The exit status for a STORE_E* code: CLI_EUSER for an unknown session or
 * a refused argument, CLI_EENV for everything else (store.h). */
int cli_store_status(int store_code);

/* Open the sessions database for cmd: the path from flag (--db), else
 * $IRDRILL_DB, else the default (store_path_resolve). With write, the
 * default directory and the file are created when missing and an older
 * schema is migrated; without, nothing is ever created or changed (an
 * older schema is migrated only when the file is writable, as docs/
 * database.md promises). A database that does not exist yet, when not
 * writing (or, with must_exist, at all), sets *missing and returns NULL
 * with nothing printed: the caller decides whether that is an empty list
 * or an unknown session. Any other failure prints one "irdrill: ..." line
 * naming the file and sets *status (CLI_EENV). *path_out (may be NULL)
 * gets the resolved path, malloc'd, also when missing. */
store *cli_db_open(const char *cmd, const char *flag, bool write, bool must_exist,
                   bool *missing, char **path_out, int *status);

/* Parse a SESSION argument: a session number, 1 or more. */
int cli_parse_session(const char *cmd, const char *arg, int64_t *id);

/* --- headless sessions (cli_play.c) --------------------------------------- */

/* Open an inputs script: "-" is stdin (named "stdin" in messages), else a
 * file, which must not be a directory. *regular is true for a regular file
 * (its lines are durable already: the drill may commit them in groups).
 * NULL with the message printed (CLI_EUSER). */
FILE *cli_inputs_open(const char *cmd, const char *arg, const char **name, bool *regular);
void cli_inputs_close(FILE *in);

/* Read in line by line, as lines arrive, and give each to the drill until
 * the end of the stream or of the session. An invalid line prints
 * "irdrill: NAME:LINE: message" (CLI_EUSER); a database or read failure one
 * line naming the file (CLI_EENV). Either way the session stays as
 * recorded, resumable. */
int cli_feed_drill(drill *d, FILE *in, const char *name);

/* Print the result of a headless session: the human summary or the run
 * --json line (docs/cli.md), with the drill's session number (null or
 * "none" when not saved). CLI_OK, or CLI_EENV when out of memory. */
int cli_print_result(drill *d, bool json, lang l);

/* The event observer of headless commands: each hook failure, as it
 * happens, is a warning on stderr (replayed ones are not repeated). */
typedef struct cli_observer {
    bool resuming;   /* events are replayed until the drill says otherwise */
    drill *d;        /* set once drill_new/drill_resume returned */
} cli_observer;
event_sink cli_observer_sink(cli_observer *o);

/* --- the commands -------------------------------------------------------- */

typedef struct cli_run_opts {
    const cli_search *search;
    const char *scenario;        /* path or id */
    const char *inputs;          /* path, or "-" for stdin */
    uint64_t seed;
    bool has_seed;
    bool json;
    lang lang;
    engine_mode mode;
    bool no_save;
    const char *db;              /* --db, or NULL */
    const char *team;            /* --team, or NULL */
    const char *player;          /* --player, or NULL: "solo" */
    const cli_strv *roles;       /* --role values (each may list roles with
                                    commas); none: every role */
} cli_run_opts;

int cli_run(const cli_run_opts *o);
int cli_check(const cli_search *sp, const cli_strv *scenarios);
int cli_test(const cli_search *sp, const cli_strv *scenarios);
int cli_scenarios(const cli_search *sp, bool json, lang l);

/* The commands of saved sessions parse their own arguments (argv[0] is the
 * first argument after the command's name) and return the exit status. */
int cli_cmd_resume(int argc, char **argv);
int cli_cmd_sessions(int argc, char **argv);
int cli_cmd_verify(int argc, char **argv);
int cli_cmd_report(int argc, char **argv);

/* check (with its linter), simulate and new-scenario parse their own
 * arguments as well (cli_check.c, cli_simulate.c, cli_new.c). */
int cli_cmd_check(int argc, char **argv);
int cli_cmd_simulate(int argc, char **argv);
int cli_cmd_new_scenario(int argc, char **argv);

/* check of the given scenarios; lint adds the warnings of cli_lint. */
int cli_check_lint(const cli_search *sp, const cli_strv *scenarios, bool lint, bool simulate);

/* The linter (cli_lint.c): warnings for a scenario that loads, each on
 * stderr as "file:line: warning: message", in line order. With simulate,
 * 200 bot playthroughs of each policy also show the objectives and endings
 * no run reaches. Returns the number of warnings, or -1 when memory ran
 * out (reported). */
int cli_lint(const lhost *h, bool simulate);

/* The self-tests of one loaded scenario: each test runs twice, and the two
 * event streams must be the same byte for byte, then the expectations are
 * checked. Prints "PASS id/name" or "FAIL id/name: reason" to out per test
 * and adds to *passed and *failed. Returns CLI_OK or CLI_EENV (OOM). */
int cli_test_scenario(const scen *sc, FILE *out, int *passed, int *failed);

#endif
