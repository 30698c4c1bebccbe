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
static inline int sc_key_code_yes(void) { return KEY_CODE_YES; }
static inline chtype sc_color_pair(int n) { return COLOR_PAIR(n); }
static inline int sc_getmouse(MEVENT *event) { return getmouse(event); }
static inline int sc_setlocale_all(void) { return setlocale(LC_ALL, "") != NULL; }
static inline int sc_wadd_wchars(WINDOW *win, const wchar_t *s, int n) { return waddnwstr(win, s, n); }
static inline attr_t sc_a_bold(void) { return A_BOLD; }
static inline attr_t sc_a_reverse(void) { return A_REVERSE; }
static inline attr_t sc_a_underline(void) { return A_UNDERLINE; }
static inline attr_t sc_a_dim(void) { return A_DIM; }
static inline attr_t sc_a_italic(void) { return A_ITALIC; }
static inline attr_t sc_a_normal(void) { return A_NORMAL; }
static inline mmask_t sc_all_mouse_events(void) { return ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION; }
static inline mmask_t sc_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t sc_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline mmask_t sc_button1_clicked(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED; }

/* wcwidth needs _XOPEN_SOURCE in glibc's headers; expose it through the shim. */
static inline int sc_wcwidth(int c) { return wcwidth((wchar_t)c); }
static inline int sc_attr_set(WINDOW *win, attr_t attrs, int pair) { return wattr_set(win, attrs, (short)pair, NULL); }
/* Pairs above 32767 (direct colour) need the extended form, which passes the pair in opts. */
static inline int sc_attr_set_ext(WINDOW *win, attr_t attrs, int pair) { return wattr_set(win, attrs, 0, &pair); }
static inline int sc_key_resize(void) { return KEY_RESIZE; }
static inline int sc_key_mouse(void) { return KEY_MOUSE; }
static inline int sc_err(void) { return ERR; }
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
