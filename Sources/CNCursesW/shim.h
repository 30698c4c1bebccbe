#ifndef STUDYCIRCLE_CNCURSESW_SHIM_H
#define STUDYCIRCLE_CNCURSESW_SHIM_H
/* Wide-character curses: these must be defined before the header. */
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <stdio.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* C globals and macros are not visible to Swift 6 as safe values: wrap them. */
static inline WINDOW *sc_stdscr(void) { return stdscr; }
static inline int sc_lines(void) { return LINES; }
static inline int sc_cols(void) { return COLS; }
static inline int sc_colors(void) { return COLORS; }
static inline int sc_color_pairs(void) { return COLOR_PAIRS; }
static inline chtype sc_color_pair(int n) { return COLOR_PAIR(n); }
/* The user's character set only (LC_CTYPE), which is what curses and wcwidth use: the other
   categories are not used by the app, and with a C.UTF-8 locale glibc reads each from its own
   file at start (issue 13). */
static inline int sc_setlocale_ctype(void) { return setlocale(LC_CTYPE, "") != NULL; }
static inline mmask_t sc_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t sc_button5_pressed(void) { return BUTTON5_PRESSED; }

/* wcwidth needs _XOPEN_SOURCE in glibc's headers; expose it through the shim. */
static inline int sc_wcwidth(int c) { return wcwidth((wchar_t)c); }
static inline SCREEN *sc_newterm(void) { return newterm(NULL, stdout, stdin); }
static inline int sc_key_code_f(int n) { return KEY_F(n); }
static inline void sc_flush_stdout(void) { fflush(stdout); }
static inline int sc_codeset_is_utf8(void) { const char *c = nl_langinfo(CODESET); return c && (c[0]=='U'||c[0]=='u') && (c[1]=='T'||c[1]=='t') && (c[2]=='F'||c[2]=='f'); }
/* True when the terminal can move the cursor (terminfo `cup`); a `dumb` terminal cannot. */
static inline int sc_can_address(void) { char *s = tigetstr((char *)"cup"); return s != NULL && s != (char *)-1 && s[0] != 0; }
/* A terminfo string capability, or NULL when the terminal has none (tigetstr's -1 and 0). */
static inline const char *sc_tigetstr(const char *name) { char *s = tigetstr((char *)name); return (s == NULL || s == (char *)-1) ? NULL : s; }
/* tiparm is variadic, which Swift cannot call: one and two numbers. NULL when it fails. */
static inline const char *sc_tiparm1(const char *cap, int a) { return tiparm(cap, a); }
static inline const char *sc_tiparm2(const char *cap, int a, int b) { return tiparm(cap, a, b); }
#endif
