// GNU readline for Swift 6: the headers, plus accessors for the C globals that
// strict concurrency will not let Swift touch directly (SWIFT-NOTES.md).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <readline/readline.h>
#include <readline/history.h>

static inline void dcq_set_completion_function(rl_completion_func_t *function) {
  rl_attempted_completion_function = function;
}
static inline void dcq_set_completion_over(int over) { rl_attempted_completion_over = over; }
static inline void dcq_set_append_character(int character) { rl_completion_append_character = character; }
static inline void dcq_set_word_breaks(const char *breaks) { rl_completer_word_break_characters = (char *)breaks; }
static inline void dcq_set_readline_name(const char *name) { rl_readline_name = name; }
static inline const char *dcq_line_buffer(void) { return rl_line_buffer; }
static inline int dcq_point(void) { return rl_point; }
static inline void dcq_set_catch_signals(int value) { rl_catch_signals = value; }
static inline void dcq_set_history_length(int length) { history_length = length; }
static inline int dcq_history_length(void) { return history_length; }
static inline int dcq_history_base(void) { return history_base; }
static inline void dcq_set_quote_characters(const char *characters) { rl_completer_quote_characters = characters; }
static inline void dcq_set_bracketed_paste(int on) { rl_variable_bind("enable-bracketed-paste", on ? "on" : "off"); }
// Multi-line entries survive a restart: each entry is written after a
// timestamp line (`#` and the seconds; readline writes none while the comment
// character is unset), and the lines up to the next one are read back as one.
static inline void dcq_set_multiline_history(void) {
  history_comment_char = '#';
  history_write_timestamps = 1;
  history_multiline_entries = 1;
}
// A history file written before timestamps (one entry per line): read it
// line by line, then write it back with a timestamp before each entry, so
// that multi-line reading does not run all its lines into one entry.
static inline void dcq_upgrade_history(const char *path) {
  history_multiline_entries = 0;
  read_history(path);
  HIST_ENTRY **entries = history_list();
  for (int i = 0; entries && entries[i]; i++) {
    if (!entries[i]->timestamp || !entries[i]->timestamp[0]) {
      free(entries[i]->timestamp);
      entries[i]->timestamp = strdup("#0");
    }
  }
  dcq_set_multiline_history();
  write_history(path);
}
static inline void dcq_set_word_break_hook(rl_cpvfunc_t *hook) { rl_completion_word_break_hook = hook; }
