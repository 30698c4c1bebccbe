/// Inline Markdown in a sentence: read for structure (what the author emphasised), then
/// removed so that no `**`, backtick or link syntax reaches a question.
///
/// Emphasis markers (`*`, `_`, runs of them) count only at a word edge, so `snake_case`
/// and `2*3` stay as written; code spans keep their text; `[text](url)` keeps the text.
struct ExamInlineMarkup {
    /// The sentence without markup, white space collapsed.
    var clean: String
    /// Bold pieces (`**x**`, `__x__`): how notes mark the terms they define.
    var emphasised: [String]
    /// Italic pieces (`*x*`, `_x_`): stress or titles.
    var italic: [String] = []

    init(_ raw: String) {
        var out: [Character] = []
        var emphasised: [String] = []
        var italic: [String] = []
        var openAt: [String: Int] = [:]  // marker → position in `out` where its span opened
        let chars = Array(raw)
        var i = 0
        func isWord(_ c: Character?) -> Bool { c.map { $0.isLetter || $0.isNumber } ?? false }
        while i < chars.count {
            let c = chars[i]
            if c == "`" {
                i += 1
                continue
            }
            if c == "!" && i + 1 < chars.count && chars[i + 1] == "[" {
                i += 1
                continue
            }
            if c == "[", let close = chars[(i + 1)...].firstIndex(of: "]"), close + 1 < chars.count, chars[close + 1] == "(",
               let end = chars[(close + 1)...].firstIndex(of: ")") {
                out.append(contentsOf: chars[(i + 1)..<close])
                i = end + 1
                continue
            }
            if c == "*" || c == "_" {
                var j = i
                while j < chars.count && chars[j] == c { j += 1 }
                let run = String(chars[i..<j])
                let before: Character? = i > 0 ? chars[i - 1] : nil
                let after: Character? = j < chars.count ? chars[j] : nil
                let opens = !isWord(before) && after.map { !$0.isWhitespace } == true
                let closes = !isWord(after) && before.map { !$0.isWhitespace } == true
                if c == "_" && isWord(before) && isWord(after) {
                    out.append(contentsOf: run)  // snake_case
                } else if closes, let start = openAt[run] {
                    let piece = String(out[start...]).trimmingWhitespace()
                    if !piece.isEmpty {
                        if run.count >= 2 { emphasised.append(piece) } else { italic.append(piece) }
                    }
                    openAt[run] = nil
                } else if opens {
                    openAt[run] = out.count
                } else if !(c == "*" && (isWord(before) || isWord(after))) && (before == nil || after == nil || before == " " || after == " ") {
                    // A stray marker: drop it.
                } else {
                    out.append(contentsOf: run)
                }
                i = j
                continue
            }
            out.append(c)
            i += 1
        }
        var text = String(out)
        if text.hasPrefix(">") { text = String(text.dropFirst()) }
        clean = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        self.emphasised = emphasised.map { $0.split(separator: " ").joined(separator: " ") }
        self.italic = italic.map { $0.split(separator: " ").joined(separator: " ") }
    }
}
