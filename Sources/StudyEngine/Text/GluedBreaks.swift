/// Repairs of sentence pieces that scraped news text often needs, made after the boundaries
/// are found and before long pieces are cut:
/// - a closing quotation mark carried over to the next sentence ("… for a win. "Chelsea can
///   extend …, and Pochettino added: "If …"), which leaves one sentence with an open quote and
///   the next starting inside one, so that neither reads as a sentence of its own;
/// - a caption glued to the next sentence with no space ("… on this deviceSadio Mane scored …").
enum GluedBreaks {
    typealias Scalars = [Unicode.Scalar]

    /// Moves a straight `"` that opens a piece to the end of the piece before, when that one
    /// has an odd number of straight double quotes (an open quote) and the mark is followed by
    /// a capital letter. Well-formed text never has an open quote followed by a piece that
    /// opens with a quote, so it is left as it is.
    static func carryClosingQuotes(_ pieces: inout [Scalars]) {
        guard pieces.count > 1 else { return }
        for i in 1..<pieces.count {
            let previous = pieces[i - 1]
            guard pieces[i].count > 2, pieces[i][0] == "\"", pieces[i][1] != " ",
                  let last = previous.last, [".", "!", "?"].contains(last),
                  previous.lazy.filter({ $0 == "\"" }).count % 2 == 1 else { continue }
            let rest = pieces[i].dropFirst()
            guard let first = rest.first, ScalarClass.isUpper(first) else { continue }
            // In a story's flattened paragraphs a mark after ". " may as well open the next
            // paragraph of the same quote (each paragraph of a long quote opens with one). Only a
            // piece that goes on to introduce a quote of its own ("… and Pochettino added: \"If
            // …") is narration, so only there is the mark the previous quote's close.
            guard Self.introducesQuote(rest) else { continue }
            pieces[i - 1].append("\"")
            pieces[i] = Array(rest)
        }
    }

    /// Whether the scalars hold `: "` or `, "` followed by a capital: a speaker introduced.
    static func introducesQuote(_ c: ArraySlice<Unicode.Scalar>) -> Bool {
        let a = Array(c)
        guard a.count > 4 else { return false }
        for i in 0..<(a.count - 3) where (a[i] == ":" || a[i] == ",") && a[i + 1] == " " && a[i + 2] == "\"" {
            if ScalarClass.isUpper(a[i + 3]) { return true }
        }
        return false
    }

    /// Splits a piece where a lower-case word runs into a capitalised one with no space, as a
    /// caption glued to the story ("deviceSadio Mane"): the lower-case run is four letters or
    /// more and starts the word (so "McDonald", "iPhone" and "eBay" stay whole), and the
    /// capitalised part ends the word and is followed by another capitalised word or is a
    /// word that opens sentences ("deviceThe club …"), which an identifier
    /// ("querySelector returns …") is not.
    static func splitGluedCaptions(_ pieces: [Scalars]) -> [Scalars] {
        var out: [Scalars] = []
        out.reserveCapacity(pieces.count)
        for piece in pieces {
            var start = 0
            var i = 1
            let n = piece.count
            while i < n {
                if ScalarClass.isUpper(piece[i]), ScalarClass.isLower(piece[i - 1]), let cut = gluedCut(piece, at: i) {
                    out.append(Array(piece[start..<cut]))
                    start = cut
                }
                i += 1
            }
            out.append(start == 0 ? piece : Array(piece[start..<n]))
        }
        return out
    }

    static let openers: Set<String> = ["The", "A", "An", "He", "She", "It", "They", "We", "But", "In", "On", "At", "This",
                                       "That", "There", "When", "After", "Last", "Now"]

    /// The cut at `upper` when it is a glued seam (see `splitGluedCaptions`).
    static func gluedCut(_ c: Scalars, at upper: Int) -> Int? {
        // The lower-case run back to the start of the word: all lower-case, four or more.
        var wordStart = upper
        while wordStart > 0, ScalarClass.isLower(c[wordStart - 1]) { wordStart -= 1 }
        guard upper - wordStart >= 4, wordStart == 0 || c[wordStart - 1] == " " else { return nil }
        // The capitalised part: lower-case letters to the end of the word.
        var end = upper + 1
        while end < c.count, ScalarClass.isLower(c[end]) { end += 1 }
        guard end - upper >= 2, end < c.count, c[end] == " ", end + 1 < c.count else { return nil }
        let part = String(String.UnicodeScalarView(c[upper..<end]))
        guard ScalarClass.isUpper(c[end + 1]) || openers.contains(part) else { return nil }
        return upper
    }
}
