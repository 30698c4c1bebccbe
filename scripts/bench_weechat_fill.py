# A weechat script for scripts/bench_pty.py: fills the core buffer with BENCH_LINES lines of
# chat-like text, then prints BENCH_MARKER as the newest line, which the bench waits for.
import os

import weechat

weechat.register("benchfill", "StudyCircle", "1.0", "MIT", "fills the core buffer for the pty benchmark", "", "")

WORDS = ("the lecture notes on cell biology are up, who wants to review chapter four before friday "
         "and does anyone have the slides from tuesday").split()
count = int(os.environ.get("BENCH_LINES", "1000"))
for i in range(count):
    # 20 to 200 bytes, like the StudyCircle bench room's messages.
    length = 3 + (i * 7919) % 30
    text = " ".join(WORDS[(i + k) % len(WORDS)] for k in range(length))
    weechat.prnt("", f"student{i % 20}\t{text}")
weechat.prnt("", "bench\t" + os.environ.get("BENCH_MARKER", "QZ7XK9JV"))
