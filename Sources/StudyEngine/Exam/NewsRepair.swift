/// Small repairs that make a news sentence a fair stem, the way a teacher edits one before
/// using it: a photo note in brackets ("(right)") and a conversion of a number
/// into other units ("6,000 metres (3.7 miles)") come out, as do an opening connective
/// ("However, …"), an "also" that adds to a sentence not shown, and a time counted from an
/// earlier event when the sentence names its own date ("a year earlier in March 2012"). A
/// quote opened after "said:" and ending with the sentence is closed, and a caption line
/// without its full stop ("Skilful: The kite weighs 200 kilograms …") becomes the
/// statement it makes. Each repair returns the text unchanged when it does not apply.
enum NewsRepair {
    /// Forms of "be", "have" and modals: a phrase with one of them says something.
    static let finiteVerbs: Set<String> = ["is", "are", "was", "were", "has", "have", "had", "will", "would", "can",
                                           "could", "does", "did"]
    /// Connectives that only tie a sentence to the one before; the statement stands without them.
    static let connectives: Set<String> = ["however", "meanwhile", "moreover", "furthermore", "additionally", "indeed",
                                           "nevertheless", "nonetheless"]
    /// Notes in brackets that point into a photo ("King (right) is …").
    static let photoNotes: Set<String> = ["pictured", "left", "right", "centre", "center", "above", "below", "inset",
                                          "far left", "far right", "pictured above", "pictured below", "pictured left",
                                          "pictured right", "file photo", "stock image", "file picture"]
    /// Words that modify a counted time ("nearly a year earlier").
    static let timeHedges: Set<String> = ["nearly", "almost", "about", "just", "some", "roughly", "around", "only"]

    static func repaired(_ text: String) -> String {
        var out = withoutPhotoNotes(text)
        out = withoutConversions(out)
        out = withoutConnective(out)
        out = withoutAlso(out)
        out = withoutRelativeTime(out)
        out = closingQuote(out)
        out = captionStatement(out)
        return out
    }

    // MARK: - Repairs

    /// "Billie Jean King (right) is co-chairing …" → "Billie Jean King is co-chairing …".
    /// (A note between commas, "Tom Riley, centre, was …", stays: `CaptionMarks` reads it as
    /// a caption's, whose names may be run into the next sentence's words.)
    static func withoutPhotoNotes(_ text: String) -> String {
        guard text.contains("(") else { return text }
        var out = text
        for note in photoNotes where out.contains("(" + note + ")") {
            out = out.replacingOccurrences(of: " (" + note + ")", with: "")
        }
        return out
    }

    /// "a kite measuring 6,000 metres (3.7 miles) to …": a bracketed number right after a
    /// number with its unit is the same amount in other units, and would give it away.
    static func withoutConversions(_ text: String) -> String {
        guard text.contains("(") else { return text }
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        var i = 1
        while i < words.count {
            let word = words[i]
            guard word.hasPrefix("("), word.dropFirst().first?.isNumber == true || word.dropFirst().first == "£"
                    || word.dropFirst().first == "$" || word.dropFirst().first == "€" else { i += 1; continue }
            // The amount before: "6,000 metres" or "5,000m" or "$5".
            let previous = words[i - 1]
            let amountBefore = previous.contains(where: \.isNumber)
                || i >= 2 && words[i - 2].contains(where: \.isNumber) && previous.allSatisfy({ $0.isLetter || $0 == "." })
            guard amountBefore, let close = (i..<min(words.count, i + 4)).first(where: { words[$0].contains(")") }) else {
                i += 1; continue
            }
            // Keep what follows the bracket (",", ".").
            let tail = words[close].split(separator: ")", maxSplits: 1, omittingEmptySubsequences: false).last.map(String.init) ?? ""
            words.removeSubrange(i...close)
            if !tail.isEmpty { words[i - 1] += tail }
        }
        return words.joined(separator: " ")
    }

    /// "However, Chinese aviation authorities ruled …" → "Chinese aviation authorities ruled …".
    static func withoutConnective(_ text: String) -> String {
        guard let comma = text.firstIndex(of: ","), text.distance(from: text.startIndex, to: comma) <= 14 else { return text }
        let head = Tokenizer.fold(String(text[..<comma]))
        guard connectives.contains(head) else { return text }
        let rest = text[text.index(after: comma)...].drop(while: { $0 == " " })
        guard let first = rest.first, rest.split(separator: " ").count >= ExamSentence.stemWords.lowerBound else { return text }
        return first.uppercased() + rest.dropFirst()
    }

    /// "Ledbetter also apologized for …" → "Ledbetter apologized for …". ("not only … but
    /// also" and "also known as" keep it.)
    static func withoutAlso(_ text: String) -> String {
        guard text.contains(" also ") else { return text }
        let words = text.split(separator: " ").map(String.init)
        var out: [String] = []
        out.reserveCapacity(words.count)
        for (i, word) in words.enumerated() {
            if word == "also", i > 0, i + 1 < words.count {
                let previous = Tokenizer.fold(words[i - 1])
                let next = Tokenizer.fold(words[i + 1])
                if previous != "but", !["known", "called", "termed", "named", "referred"].contains(next),
                   words[i - 1].last?.isLetter == true || words[i - 1].last == "s" {
                    continue
                }
            }
            out.append(word)
        }
        return out.joined(separator: " ")
    }

    /// "… support for gay marriage nearly a year earlier in March 2012." → "… support for
    /// gay marriage in March 2012.": a time counted from an event not shown comes out when
    /// the sentence gives its own date (a year). Without a date the sentence stays as it is
    /// and `MissingReferent` does not use it.
    static func withoutRelativeTime(_ text: String) -> String {
        guard text.contains(" earlier") || text.contains(" later") else { return text }
        let words = text.split(separator: " ").map(String.init)
        guard let range = relativeTime(in: words) else { return text }
        let rest = words[..<range.lowerBound] + words[range.upperBound...]
        guard rest.contains(where: { SpanExtractor.isYear($0.filter(\.isNumber)) && $0.filter(\.isNumber).count == 4 }) else { return text }
        var kept = Array(words[..<range.lowerBound])
        let removedLast = words[range.upperBound - 1]
        // A comma or full stop that closed the phrase closes what is before it.
        if let mark = removedLast.last, ",.;".contains(mark), let last = kept.last {
            if last.last == "," { kept[kept.count - 1] = String(last.dropLast()) }
            kept[kept.count - 1] += mark == "," && range.upperBound == words.count ? "." : String(mark)
        }
        let out = (kept + words[range.upperBound...]).joined(separator: " ")
        return out.replacingOccurrences(of: ",.", with: ".").replacingOccurrences(of: ",,", with: ",")
    }

    /// Word positions of "(nearly) a year earlier", "two days later", or nil.
    static func relativeTime(in words: [String]) -> Range<Int>? {
        let folded = words.map { Tokenizer.fold($0).filter { $0.isLetter || $0.isNumber } }
        for i in folded.indices.dropFirst(2) where folded[i] == "earlier" || folded[i] == "later" {
            guard MissingReferent.timeUnits.contains(folded[i - 1]) else { continue }
            let amount = folded[i - 2]
            guard MissingReferent.isAmount(amount) else { continue }
            var start = i - 2
            if start > 0, timeHedges.contains(folded[start - 1]) { start -= 1 }
            return start..<(i + 1)
        }
        return nil
    }

    /// "… said: 'Hillary Clinton is a proven leader … community." (the quote goes on in the
    /// next sentence): the quoted sentence is whole, so its quote is closed here.
    static func closingQuote(_ text: String) -> String {
        guard text.last == ".", let open = text.range(of: ": '") ?? text.range(of: ": ‘") else { return text }
        let opener = text[text.index(before: open.upperBound)]
        let quoted = text[open.upperBound...]
        // No other quotation mark in the quote (an apostrophe inside a word is fine).
        let chars = Array(quoted)
        for (i, c) in chars.enumerated() where StemRepair.isQuoteMark(c) {
            let before = i > 0 ? chars[i - 1] : " "
            let after = i + 1 < chars.count ? chars[i + 1] : " "
            if (before.isLetter || before.isNumber) && (after.isLetter || after.isNumber) { continue }
            return text
        }
        guard quoted.split(separator: " ").count >= 4 else { return text }
        return text + (opener == "‘" ? "’" : "'")
    }

    /// "Skilful: The kite weighs 200 kilograms and requires three experienced kite flyers to
    /// manoeuvre": a caption line (no full stop) that makes a whole statement, without its
    /// label and with its full stop. A line with no verb, a photo note or two sentences run
    /// together ("… in the melee Footage shows …") stays a caption.
    static func captionStatement(_ text: String) -> String {
        guard let last = text.last, last.isLetter || last.isNumber else { return text }
        var words = text.split(separator: " ").map(String.init)
        if let colon = words.prefix(3).firstIndex(where: { $0.hasSuffix(":") }), colon + 1 < words.count,
           words[colon + 1].first?.isUppercase == true,
           !words[...colon].contains(where: { SpanExtractor.speechVerbs.contains(Tokenizer.fold($0).filter(\.isLetter)) }) {
            words.removeSubrange(...colon)
        }
        guard words.count >= 8, words.count <= 35, words.first?.first?.isUppercase == true else { return text }
        // "… bid for the White": a name cut off at the end is no statement.
        if words.count >= 2, words[words.count - 1].first?.isUppercase == true,
           ["the", "a", "an", "of"].contains(words[words.count - 2]) { return text }
        let folded = words.map { Tokenizer.fold($0).filter { $0.isLetter || $0 == "'" } }
        guard folded.contains(where: { finiteVerbs.contains($0) || $0.count > 3 && CommonVerbs.all.contains($0) })
                || folded.dropFirst().contains(where: { $0.count > 4 && ($0.hasSuffix("ed") || $0.hasSuffix("es")) }) else { return text }
        // Two sentences run together: a lowercase word, a capitalised one, then a verb.
        for i in 1..<(words.count - 1) where words[i].first?.isUppercase == true {
            let previous = words[i - 1]
            guard previous.first?.isLowercase == true, previous.last?.isLetter == true,
                  !StopWords.english.contains(folded[i - 1]) else { continue }
            let next = folded[i + 1]
            if words[i + 1].first?.isLowercase == true, CommonVerbs.all.contains(next) || next.hasSuffix("s") && !next.hasSuffix("ss") || next.hasSuffix("ed") {
                return text
            }
        }
        if CaptionMarks.looksLikeCaption(words.joined(separator: " ")) { return text }
        return words.joined(separator: " ") + "."
    }
}
