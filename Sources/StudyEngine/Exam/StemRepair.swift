/// Repairs and checks for sentences of news-style prose before they become stems: a photo
/// caption or an ALL CAPS label run into the sentence is cut off, the quotation marks around
/// one piece of a longer quote are removed, and a sentence that opens by pointing back
/// ("Since then …", "Meanwhile …", "For example …") or quotes someone saying "I" or "you"
/// with nothing around it to say who or about what is not used.
enum StemRepair {
    /// A paragraph sentence with its caption or label cut off and the quotation marks of a
    /// quote piece removed; `quoted` tells whether it opened with a quotation mark.
    struct Statement {
        var text: String
        var quoted: Bool
        /// Why the sentence is no stem whatever is cut off, or nil.
        var problem: String? = nil
        /// Whether the whole sentence was said inside one quote (its marks now removed): a
        /// speaker's words, whose names and terms are opinions, not facts the text states.
        var isQuotePiece = false
    }

    /// Words of a label run into a sentence must be at least this many before its colon
    /// ("Two versions of Van Gogh's Sunflowers … England: Yellow and orange …"): shorter heads
    /// are a term and its definition ("Newton's first law: An object …") or a caption that
    /// `CaptionMarks` already spots.
    static let minLabelWords = 6
    /// What is left after a cut must still be a sentence.
    static let minRestWords = 6

    static func statement(_ clean: String) -> Statement {
        var text = clean
        // "' 'Inspiration Week' - the free event …": the closing mark of the quote before, left
        // at the start when the sentences were split after its "....".
        if let first = text.first, isQuoteMark(first), text.dropFirst().first == " " {
            text = String(text.dropFirst(2).drop(while: { $0 == " " }))
        }
        if let rest = afterCapsLabel(text) { text = rest }
        if let rest = afterCaptionLabel(text) { text = rest }
        // "… needed entertaining Fall of an Empire: The Story of …": a caption run into a
        // title; cut at the colon, the title would be cut too.
        if isCaptionBeforeTitle(text) { return Statement(text: text, quoted: false, problem: "caption") }
        if let rest = afterPartLabel(text) { text = rest }
        if let rest = afterPositionNote(text) { text = rest }
        if let rest = afterRepeatedSubject(text) { text = rest }
        let quoted = text.first.map(isQuoteMark) ?? false
        var isQuotePiece = false
        if quoted, let inner = quotePiece(text) {
            text = inner
            isQuotePiece = true
        }
        // News prose: the repairs a teacher makes by hand before using a sentence
        // (see `NewsRepair`); each leaves the sentence as it was when it does not apply.
        text = NewsRepair.repaired(text)
        var out = Statement(text: text, quoted: quoted)
        out.isQuotePiece = isQuotePiece
        return out
    }

    static func isQuoteMark(_ c: Character) -> Bool { "'‘’\"“”".contains(c) }

    /// Position notes in brackets that only close a photo caption: "(L-R)", "(left to right)".
    static let positionNotes: Set<String> = ["l-r", "r-l", "l to r", "r to l", "left to right", "right to left",
                                             "from left", "from right", "clockwise from left", "clockwise from top left"]

    /// "… with Ana Diaz and Tom Hill (L-R) But Diaz was later sent off …": a caption that ends
    /// in a position note, run into the next sentence; the sentence after the note, which
    /// opens with a capital. (The caption half is no stem: it points into a photo.)
    static func afterPositionNote(_ text: String) -> String? {
        guard text.contains(")") else { return nil }
        var search = text.startIndex
        while let close = text[search...].firstIndex(of: ")") {
            search = text.index(after: close)
            guard let open = text[..<close].lastIndex(of: "(") else { continue }
            let note = text[text.index(after: open)..<close].lowercased()
            guard positionNotes.contains(note) else { continue }
            let rest = text[search...].trimmingWhitespace()
            guard let first = rest.first, first.isUppercase, rest.split(separator: " ").count >= minRestWords else { return nil }
            // "(L-R) But Kompany was later sent off …": the rest answers the caption, so it is
            // the caption's own sentence and leans on it; nothing is left to ask.
            let opener = rest.split(separator: " ").first.map { Tokenizer.fold(String($0)) } ?? ""
            guard !["but", "and", "yet", "so", "or", "nor", "then"].contains(opener) else { return nil }
            return String(rest)
        }
        return nil
    }

    /// "Ana Diaz lost 5st after a stranger asked if she was pregnant Ana had reached a size 22
    /// dress …": a caption without its full stop run into a sentence whose subject is the
    /// caption's first word again, after a lowercase word and before a finite verb. The
    /// sentence after the caption. ("Ana told Tom she …" has no repeated subject and stays.)
    static func afterRepeatedSubject(_ text: String) -> String? {
        let words = text.split(separator: " ")
        guard words.count >= minRestWords + 4, let subject = words.first, subject.count > 1,
              subject.first?.isUppercase == true, subject.allSatisfy(\.isLetter),
              !StopWords.english.contains(Tokenizer.fold(String(subject))) else { return nil }
        for i in 4...(words.count - minRestWords) where words[i] == subject {
            let previous = words[i - 1]
            let folded = Tokenizer.fold(String(previous))
            guard previous.first?.isLowercase == true, previous.last?.isLetter == true, !StopWords.english.contains(folded),
                  !CommonVerbs.all.contains(folded), !SpanExtractor.speechVerbs.contains(folded) else { continue }
            let verb = Tokenizer.fold(String(words[i + 1]))
            guard words[i + 1].first?.isLowercase == true,
                  NewsRepair.finiteVerbs.contains(verb) || verb.count > 4 && verb.hasSuffix("ed") else { continue }
            return words[i...].joined(separator: " ")
        }
        return nil
    }

    /// "Worked example: a resting athlete has …", "Example 2: …", "Note: …": the text after a
    /// label of the notes themselves, with a capital.
    static func afterPartLabel(_ text: String) -> String? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let head = text[..<colon].split(separator: " ").map { Tokenizer.fold(String($0)).filter { $0.isLetter || $0.isNumber } }
        guard (1...3).contains(head.count), head.contains(where: { !$0.isEmpty && $0.first?.isNumber != true }) else { return nil }
        let label = head.filter { $0.first?.isNumber != true }.joined(separator: " ")
        guard ExamLexicon.labelWords.contains(label) || head.count <= 2 && SpanExtractor.partLabels.contains(head[0])
                && head.dropFirst().allSatisfy({ $0.first?.isNumber == true }) else { return nil }
        let rest = text[text.index(after: colon)...].trimmingWhitespace()
        guard rest.split(separator: " ").count >= minRestWords, let first = rest.first else { return nil }
        return first.uppercased() + rest.dropFirst()
    }

    /// "… from Boots and supermarkets CLAIMS: First mainstream …": the text after the last
    /// ALL CAPS label (one or two words of four or more capitals ending in a colon).
    static func afterCapsLabel(_ text: String) -> String? {
        let words = text.split(separator: " ")
        guard let label = words.lastIndex(where: { word in
            // "CLAIMS:", not "(AIMD):", an abbreviation after the term it shortens.
            guard word.hasSuffix(":"), word.dropLast().allSatisfy(\.isLetter) else { return false }
            return word.count >= 5 && word.dropLast().allSatisfy(\.isUppercase)
        }) else { return nil }
        let rest = words[(label + 1)...]
        guard rest.count >= minRestWords else { return nil }
        return rest.joined(separator: " ")
    }

    /// "Two versions … at the National Gallery in London, England: Yellow and orange are …":
    /// a long head without a verb of speech before a colon and a capital is a caption.
    static func afterCaptionLabel(_ text: String) -> String? {
        let words = text.split(separator: " ")
        guard let colon = words.firstIndex(where: { $0.hasSuffix(":") }), colon + 1 >= minLabelWords,
              words.count - colon - 1 >= minRestWords else { return nil }
        let next = words[colon + 1]
        guard let first = next.first(where: { !isQuoteMark($0) }), first.isUppercase else { return nil }
        // "… when she heard a boy ask his mum: 'Has she got …?'": a long head before a quote
        // introduces what was said; it is no caption.
        if let opener = next.first, isQuoteMark(opener) { return nil }
        let head = words[...colon]
        if let opener = head.first?.first, isQuoteMark(opener) { return nil }
        // "… have been released with Fall of an Empire: The Story of …": a head with a
        // finite verb is a sentence, and a colon between capitalised words is inside a title.
        if head.contains(where: { NewsRepair.finiteVerbs.contains(Tokenizer.fold(String($0)).filter(\.isLetter)) }) { return nil }
        if isTitleColon(words, at: colon) { return nil }
        if head.contains(where: { SpanExtractor.speechVerbs.contains(Tokenizer.fold(String($0)).filter(\.isLetter)) }) { return nil }
        // A quote still open at the colon: the colon is inside it.
        if !ExamSentence.singleQuotesBalanced(head.joined(separator: " ")) { return nil }
        return words[(colon + 1)...].joined(separator: " ")
    }

    /// "Fall of an Empire: The Story of …": the colon stands between capitalised words of a title.
    static func isTitleColon(_ words: [Substring], at colon: Int) -> Bool {
        words[colon].first?.isUppercase == true && colon + 2 < words.count && words[colon + 1].first?.isUppercase == true
            && words[colon + 2].first?.isUppercase == true
    }

    /// A head `afterCaptionLabel` would take for a caption (long, no verb of speech, no
    /// finite verb) that ends in a title with a colon inside.
    static func isCaptionBeforeTitle(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard let colon = words.firstIndex(where: { $0.hasSuffix(":") }), colon + 1 >= minLabelWords,
              isTitleColon(words, at: colon) else { return false }
        let head = words[...colon]
        if let opener = head.first?.first, isQuoteMark(opener) { return false }
        return !head.contains(where: {
            let word = Tokenizer.fold(String($0)).filter(\.isLetter)
            return NewsRepair.finiteVerbs.contains(word) || SpanExtractor.speechVerbs.contains(word)
        })
    }

    /// "'Children are more likely to burn as their skin is still developing." (one piece of a
    /// longer quote): the sentence without its quotation marks, when no other quotation mark
    /// stands inside it.
    static func quotePiece(_ text: String) -> String? {
        var inner = Array(text.dropFirst())
        // The closing mark, before or after the full stop.
        if let last = inner.last, isQuoteMark(last) {
            inner.removeLast()
        } else if inner.count >= 2, isQuoteMark(inner[inner.count - 2]), let last = inner.last, ".!?".contains(last) {
            inner.remove(at: inner.count - 2)
        }
        for (i, c) in inner.enumerated() where isQuoteMark(c) {
            let before = i > 0 ? inner[i - 1] : " "
            let after = i + 1 < inner.count ? inner[i + 1] : " "
            // "I'd", "skin's": an apostrophe inside a word.
            if (before.isLetter || before.isNumber) && (after.isLetter || after.isNumber) { continue }
            return nil
        }
        let out = String(inner).trimmingWhitespace()
        guard let first = out.first, first.isUppercase || first.isNumber else { return nil }
        return out
    }

    /// Openers that tie a sentence to the one before: "Since then", "Meanwhile", "For example".
    static let backOpeners: Set<String> = [
        "then", "meanwhile", "however", "therefore", "thus", "hence", "instead", "moreover", "furthermore",
        "nevertheless", "nonetheless", "likewise", "similarly", "consequently", "accordingly", "afterwards",
        "afterward", "besides", "otherwise", "yet", "others", "still",
    ]
    static let backOpenerPairs: Set<String> = [
        "since then", "after that", "by then", "until then", "for example", "for instance", "even so", "in addition",
        "in contrast", "by contrast", "as a result", "in turn", "at that", "on top", "apart from", "unlike the",
    ]

    /// Why the opening words point back at a sentence not shown, or nil.
    static func backReference(_ words: [Substring]) -> String? {
        let folded = words.prefix(2).map { Tokenizer.fold(String($0)).filter(\.isLetter) }
        guard let first = folded.first else { return nil }
        if backOpeners.contains(first) { return "dangling reference" }
        if folded.count == 2, backOpenerPairs.contains(folded[0] + " " + folded[1]) { return "dangling reference" }
        return nil
    }

    /// Words that say who speaks or is spoken to.
    static let speakerWords: Set<String> = [
        "i", "i'd", "i'm", "i've", "i'll", "me", "my", "mine", "we", "we're", "we've", "we'd", "we'll", "our", "us",
        "you", "you're", "you've", "you'd", "you'll", "your", "yours",
    ]

    /// "'I'd say there are cheaper products that would work as well.'": a quote that opens
    /// the sentence and says "I" or "you" is an opinion of someone the stem does not name,
    /// about something it does not show.
    static func speakerProblem(_ statement: Statement) -> String? {
        guard statement.quoted else { return nil }
        let raw = statement.text.replacingApostrophes().split(separator: " ")
        let words = raw.map { String($0.lowercased().filter { $0.isLetter || $0 == "'" }) }
        // "'I made a visualization …,' said Martin Bellander": the words after the quote name
        // its speaker. (A quote whose marks were removed has no words after it.)
        if let close = raw.firstIndex(where: { $0.count > 1 && ($0.hasSuffix("'") || $0.hasSuffix(",'") || $0.hasSuffix(".'")) }),
           words[(close + 1)...].contains(where: { SpanExtractor.speechVerbs.contains($0) || ["say", "says"].contains($0) }) {
            return nil
        }
        // "'See, Obama is …": a quote that opens with a word spoken to someone is one side of
        // a conversation, not a fact the text states.
        if let first = words.first, ["see", "look", "listen", "yes", "no", "well", "oh", "please", "hey"].contains(first),
           raw.first?.hasSuffix(",") == true {
            return "quote without context"
        }
        return words.contains(where: speakerWords.contains) ? "quote without context" : nil
    }
}

extension StemRepair {
    /// "Obama is a(n) _____": the stem builder writes "a(n)" before a blank, since the answer
    /// may start with a vowel and its options may not. Once the options are known the stem
    /// reads naturally: the article every option takes ("a"), the answer's own article for a
    /// fill-in, or, when the options differ, no article in the stem and each option with its
    /// own ("an atheist", "a Muslim").
    /// - Returns: the stem and the options, each unchanged when the stem has no "a(n)".
    static func settleArticle(_ stem: String, options: [String], blank: String) -> (stem: String, options: [String]) {
        let lower = "a(n) " + blank
        let upper = "A(n) " + blank
        let capital = stem.hasPrefix(upper)
        guard capital || stem.contains(lower), !options.isEmpty else { return (stem, options) }
        let articles = options.map { QuestionFactory.article(for: $0) }
        if Set(articles).count == 1, let article = articles.first {
            let written = capital ? article.prefix(1).uppercased() + article.dropFirst() : article
            let out = stem.replacingOccurrences(of: capital ? upper : lower, with: written + " " + blank)
            return (out, options)
        }
        let out = stem.replacingOccurrences(of: capital ? upper : lower, with: blank)
        let withArticles = zip(articles, options).map { article, option in
            (capital ? article.prefix(1).uppercased() + article.dropFirst() : article) + " " + option
        }
        return (out, withArticles)
    }
}

extension StemRepair {
    /// "… soprano Dame Emma Kirkby said: "Some of the best players …": a sentence whose verb
    /// of speech and colon open a quote that runs on past the sentence only introduces it;
    /// without the quote it says nothing but who spoke.
    static func introducerProblem(_ text: String) -> String? {
        guard text.contains(":") else { return nil }
        let words = text.split(separator: " ")
        for (i, word) in words.enumerated().dropLast() where word.hasSuffix(":") {
            let verb = Tokenizer.fold(String(word.dropLast())).filter(\.isLetter)
            guard SpanExtractor.speechVerbs.contains(verb) || ["says", "say"].contains(verb),
                  let opener = words[i + 1].first, isQuoteMark(opener) else { continue }
            return ExamSentence.leavesQuoteOpen(String(words[(i + 1)...].joined(separator: " "))) ? "quote introducer" : nil
        }
        return nil
    }

    /// "… two wheels and some clever packing Getting around on two wheels is …": a caption
    /// run into the next sentence with no stop, seen where a capitalised -ing word (the next
    /// sentence's opener) follows a lowercase word that is no verb and precedes a lowercase
    /// word. ("visited Reading and …" has a verb before the name; "in Reading" a stop word.)
    static func fusedCaption(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard words.count > 3 else { return false }
        for i in 1..<(words.count - 1) {
            let word = words[i]
            guard word.count > 5, word.hasSuffix("ing"), let head = word.first, head.isUppercase,
                  word.dropFirst().allSatisfy({ $0.isLowercase }), isVerbForm(Tokenizer.fold(String(word))) else { continue }
            let before = words[i - 1]
            guard let last = before.last, last.isLetter, before.first?.isLowercase == true,
                  words[i + 1].first?.isLowercase == true else { continue }
            let folded = Tokenizer.fold(String(before))
            if StopWords.english.contains(folded) || CommonVerbs.all.contains(folded) || folded.hasSuffix("ed") { continue }
            if LongSentenceCutter.speechVerbs.contains(folded) { continue }
            return true
        }
        return false
    }

    /// Whether an -ing word is a form of a known verb ("getting", "making", "walking"), not a
    /// name that ends like one ("Viking", "Beijing", "Boeing").
    static func isVerbForm(_ word: String) -> Bool {
        if CommonVerbs.all.contains(word) { return true }
        let stem = word.dropLast(3)
        // "getting": the doubled consonant of a short verb.
        if let last = stem.last, stem.dropLast().last == last, CommonVerbs.all.contains(String(stem.dropLast())) { return true }
        return CommonVerbs.all.contains(String(stem)) || CommonVerbs.all.contains(stem + "e")
    }
}
