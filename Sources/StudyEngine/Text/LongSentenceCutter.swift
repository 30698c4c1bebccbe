/// Cuts "sentences" that are really several: photo captions glued to the next sentence
/// with no punctuation ("... manager on Friday ‘I’d be over the moon ..."), and run-on
/// text longer than the limit. Without this a graph ranker happily picks one 200-word
/// "sentence" and the summary balloons.
///
/// Works on Unicode scalars with single spaces between words (as `SentenceSplitter`
/// produces them), since it looks at every word of a possibly huge document.
struct LongSentenceCutter {
    typealias Scalars = ArraySlice<Unicode.Scalar>

    var maxWords: Int
    var maxCharacters: Int
    /// Both sides of a caption seam need at least this many words.
    static let minSeamSide = 4

    func cut(_ s: [Unicode.Scalar]) -> [String] {
        var words: [Range<Int>] = []
        var start = 0
        for i in s.indices where s[i] == " " {
            if i > start { words.append(start..<i) }
            start = i + 1
        }
        if start < s.count { words.append(start..<s.count) }
        guard !words.isEmpty else { return [] }
        if words.count < 2 * Self.minSeamSide && words.count <= maxWords && s.count <= maxCharacters {
            return [ScalarText.string(s[...])]
        }
        var pieces: [Range<Int>] = []  // ranges of word indexes
        var pieceStart = 0
        if words.count >= 2 * Self.minSeamSide {
            for i in Self.minSeamSide..<(words.count - Self.minSeamSide + 1) where i - pieceStart >= Self.minSeamSide {
                let label = words[i..<min(words.count, i + 3)].map { s[$0] }
                if Self.isCaptionSeam(before: s[words[i - 1]], after: s[words[i]])
                    && !Self.isTitleAfterVerb(before: s[words[i - 1]], label: label)
                    || Self.isYearSeam(before: s[words[i - 1]], label: label)
                    || Self.isCaptionLabel(before: s[words[i - 1]], label: label)
                    || Self.isFurnitureSeam(before: s[words[i - 1]], label: label, previous: s[words[i - 1]].count == 5 ? words[max(0, i - 4)..<i].map { s[$0] } : []) {
                    pieces.append(pieceStart..<i)
                    pieceStart = i
                }
            }
        }
        pieces.append(pieceStart..<words.count)
        var out: [String] = []
        for piece in pieces {
            out.append(contentsOf: enforceLimit(s, words: words[piece]))
        }
        return out
    }

    /// A seam: a word with no trailing punctuation, then a capitalised word that only opens
    /// sentences ("club He", "Friday ‘I’d"). Stop words before the seam are excluded, since
    /// titles keep them ("in The Times").
    static func isCaptionSeam(before: Scalars, after: Scalars) -> Bool {
        // Cheapest checks first: this runs on every word of a big document.
        guard let head = after.first, ScalarClass.isUpper(head) || ScalarClass.isOpener(head) else { return false }
        guard let last = before.last, ScalarClass.isLetter(last) || ScalarClass.isDigit(last) else { return false }
        if StopWords.english.contains(ScalarText.lowercased(before)) { return false }
        var rest = after
        var quoted = false
        while let first = rest.first, ScalarClass.isOpener(first) {
            rest = rest.dropFirst()
            quoted = true
        }
        guard let first = rest.first, ScalarClass.isUpper(first) else { return false }
        let word = ScalarText.lowercased(rest.prefix(while: { ScalarClass.isLetter($0) || $0 == "'" || $0 == "\u{2019}" }))
        if quoted {
            return Abbreviations.quoteOpeners.contains(word) || Abbreviations.seamOpeners.contains(word)
        }
        if Abbreviations.seamOpeners.contains(word) { return true }
        // "… Ho Chi Minh City, Vietnam There's only one way …": a contraction of an opener
        // ("there's", "it's", "he's") opens the sentence just as the opener does.
        return word.hasSuffix("'s") && Abbreviations.seamOpeners.contains(String(word.dropLast(2)))
    }

    /// "Linus Pauling (1901–1994) published The Nature of the Chemical Bond in 1939": a
    /// capitalised "The" after a verb, followed by another capitalised word, opens the title
    /// of a work the verb takes as its object, not a new sentence. (A caption seam has a noun
    /// or a name before it: "… in Liverpool The amount …".)
    static func isTitleAfterVerb(before: Scalars, label: [Scalars]) -> Bool {
        guard label.count >= 2, let next = label[1].first, ScalarClass.isUpper(next) else { return false }
        let word = ScalarText.lowercased(before)
        // "co-founded The Flash Pack": a past form the verb list does not hold.
        return CommonVerbs.all.contains(word) || word.count > 5 && word.hasSuffix("ed")
    }

    /// "… 100 years ago In 2006, after …": a capitalised "In" and a year after a word with no
    /// stop opens a new sentence (a headline or caption ran into the story); inside a
    /// sentence the preposition is lowercase.
    static func isYearSeam(before: Scalars, label: [Scalars]) -> Bool {
        guard label.count >= 2, label[0].count == 2, label[0].first == "I", label[0].last == "n" else { return false }
        guard let last = before.last, ScalarClass.isLetter(last) || ScalarClass.isDigit(last) else { return false }
        let year = label[1].filter { ScalarClass.isDigit($0) }
        guard year.count == 4, label[1].count <= 5, let first = year.first, first == "1" || first == "2" else { return false }
        return !Abbreviations.titles.contains(ScalarText.lowercased(before))
    }

    /// Bracketed notes that end a photo caption: "… Nauru (pictured) Former Immigration …".
    static let captionNotes: Set<String> = ["(pictured)", "(stock image)", "image)", "photo)", "picture)", "(left)",
                                            "(right)", "(centre)", "(center)", "(above)", "(file)", "(inset)"]

    /// Page furniture glued into the text: before and after "Scroll down for video", after a
    /// caption note in brackets, and before an ALL CAPS label ("… inflated FACEBOOK FAKERY: …").
    static func isFurnitureSeam(before: Scalars, label: [Scalars], previous: [Scalars]) -> Bool {
        guard let after = label.first, let head = after.first, ScalarClass.isUpper(head) || ScalarClass.isOpener(head) else { return false }
        // Cheap length and character checks first: this runs on every word of a big document.
        if before.last == ")", captionNotes.contains(ScalarText.lowercased(before)) { return true }
        if after.count == 6, label.count >= 2, ScalarText.lowercased(after) == "scroll", ScalarText.lowercased(label[1]) == "down" { return true }
        if before.count == 5, previous.count == 4, previous.map({ ScalarText.lowercased($0) }) == ["scroll", "down", "for", "video"] { return true }
        // An ALL CAPS label of one to three words ending in a colon; "(AIMD):" after its long
        // form is an abbreviation, not a label.
        guard ScalarClass.isUpper(head) else { return false }
        for (offset, word) in label.enumerated() {
            if word.first.map({ !ScalarClass.isUpper($0) }) ?? true { return false }
            let letters = word.filter { ScalarClass.isLetter($0) }
            guard letters.count >= 2, letters.allSatisfy({ ScalarClass.isUpper($0) }) else { return false }
            if word.last == ":" { return offset > 0 || letters.count >= 4 }
        }
        return false
    }

    /// Verbs that introduce a quotation with a colon: "he told Sky News: …" is no seam.
    static let speechVerbs: Set<String> = ["said", "says", "told", "tells", "added", "explained", "wrote", "writes",
                                           "tweeted", "stated", "read", "reads", "announced", "asked", "replied"]

    /// A caption label glued to the previous words: "… last Saturday Skilful: The kite …",
    /// "… 2,000 years Global appeal: Teams …". One to three words in sentence case, the
    /// last ending in a colon.
    static func isCaptionLabel(before: Scalars, label: [Scalars]) -> Bool {
        guard let head = label.first?.first, ScalarClass.isUpper(head),
              label.contains(where: { $0.last == ":" }) else { return false }
        guard let last = before.last, ScalarClass.isLetter(last) || ScalarClass.isDigit(last) else { return false }
        let previous = ScalarText.lowercased(before)
        if StopWords.english.contains(previous) || speechVerbs.contains(previous) { return false }
        if Abbreviations.titles.contains(previous) { return false }
        if let first = before.first, ScalarClass.isUpper(first), before.count <= 3 { return false }
        for (offset, word) in label.enumerated() {
            if offset > 0, let first = word.first, !ScalarClass.isLower(first) { return false }
            // "… soprano Dame Emma Kirkby said: "Some …": a name and its verb of speech
            // introduce a quote; cutting there would cut the name.
            if word.last == ":" { return word.count > 1 && !speechVerbs.contains(ScalarText.lowercased(word.dropLast())) }
            if let end = word.last, !ScalarClass.isLetter(end) { return false }
        }
        return false
    }

    /// Splits word runs longer than the limits: at `;` or `:` nearest the middle, then at a
    /// comma, then hard.
    func enforceLimit(_ s: [Unicode.Scalar], words: ArraySlice<Range<Int>>) -> [String] {
        guard let first = words.first, let last = words.last else { return [] }
        let span = first.lowerBound..<last.upperBound
        guard words.count > maxWords || span.count > maxCharacters else {
            return [ScalarText.string(s[span])]
        }
        if words.count == 1 {
            // One enormous "word": text without spaces (CJK without full stops, a hash).
            return chunk(ScalarText.string(s[span]), size: maxCharacters)
        }
        let base = words.startIndex
        let count = words.count
        let middle = count / 2
        let minSide = max(1, min(8, count / 4))
        func best(_ marks: Set<Unicode.Scalar>) -> Int? {
            var choice: Int? = nil
            guard minSide < count - minSide + 1 else { return nil }
            for i in minSide..<(count - minSide + 1) {
                guard let end = s[words[base + i - 1]].last, marks.contains(end) else { continue }
                if let current = choice, abs(i - middle) >= abs(current - middle) { continue }
                choice = i
            }
            return choice
        }
        let cutAt = best([";", ":"]) ?? best([","]) ?? min(count - 1, max(1, min(maxWords, middle)))
        return enforceLimit(s, words: words[base..<(base + cutAt)]) + enforceLimit(s, words: words[(base + cutAt)...])
    }

    func chunk(_ text: String, size: Int) -> [String] {
        var out: [String] = []
        var current = ""
        var count = 0
        for ch in text {
            current.append(ch)
            count += 1
            if count >= size {
                out.append(current)
                current = ""
                count = 0
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }
}

/// Building strings from scalars quickly.
enum ScalarText {
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        for scalar in scalars {
            if scalar.isASCII {
                bytes.append(UInt8(scalar.value))
            } else {
                bytes.append(contentsOf: scalar.utf8)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Lowercase with typographic apostrophes made ASCII.
    static func lowercased(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        if scalars.allSatisfy({ $0.isASCII }) {
            return String(decoding: scalars.map { s -> UInt8 in
                let v = UInt8(s.value)
                return v >= 65 && v <= 90 ? v + 32 : v
            }, as: UTF8.self)
        }
        return string(scalars).replacingApostrophes().lowercased()
    }
}

extension StringProtocol {
    /// The text with typographic apostrophes (’) as ASCII ones.
    func replacingApostrophes() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\u{2019}" ? "'" : $0 }))
    }
}
