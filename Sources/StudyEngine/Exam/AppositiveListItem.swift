/// A list item written as a name and an appositive with no verb of its own ("The
/// **Girondins**, moderate deputies from the provinces who favoured a spreading war"): the
/// notes mean "the Girondins were …", but as a stem or a true/false statement it is a
/// fragment, and a teacher would not hand it out (issue 8, C). Such items are no stems.
/// A verb after the appositive ("Mitochondria, the powerhouses of the cell, make ATP") makes
/// a sentence, and an opening phrase ("In 1792, France …") is no name.
enum AppositiveListItem {
    /// Whether `text`, a list item without a "Label:" colon, is "Name, noun phrase" with no
    /// finite verb outside the phrase's own relative clauses.
    static func isFragment(_ text: String) -> Bool {
        let words = text.split(separator: " ").map(String.init)
        guard let comma = words.prefix(6).firstIndex(where: { $0.hasSuffix(",") }), comma + 2 < words.count else { return false }
        let folded = words.map { Tokenizer.fold($0).filter { $0.isLetter || $0.isNumber || $0 == "-" } }
        let name = folded[...comma]
        // The part before the comma names a thing: an article or a capitalised word first, and
        // no preposition, conjunction or verb in it ("In 1792,", "When prices rise,").
        guard let first = name.first, ListItemProse.articles.contains(first) || words[0].first?.isUppercase == true,
              !name.indices.dropFirst(ListItemProse.articles.contains(first) ? 1 : 0).contains(where: { at in
                  (StopWords.english.contains(name[at]) && !isNameConnector(at, in: words)) || ListItemProse.isVerb(name[at])
              }),
              !StopWords.english.contains(first) || ListItemProse.articles.contains(first) else { return false }
        // The rest is a noun phrase: no finite verb before a relative word ("who favoured …").
        let rest = Array(folded[(comma + 1)...])
        let raw = Array(words[(comma + 1)...])
        // "Lightning, whose energy splits N₂ molecules": a name and its relative clause, with
        // no comma after which the name's own verb could come.
        if let head = rest.first, ["who", "whose", "which"].contains(head) {
            return !raw.dropLast().contains { $0.hasSuffix(",") }
        }
        guard let head = rest.first, !head.isEmpty, !StopWords.english.contains(head) || ListItemProse.articles.contains(head),
              !ListItemProse.isVerb(head) || isParticiplePhrase(0, rest: rest, raw: raw) else { return false }
        // "deputies led by Robespierre, who …": a verb form before "by" is a participle of the
        // phrase, so the search goes on after it.
        // "The Index of Forbidden Books, first issued in 1559, and the Roman Inquisition, set
        // up in 1542": a past form set off by a comma and followed by a preposition is one too.
        var from = 0
        while from < rest.count, let at = ListItemProse.firstFiniteVerb(Array(rest[from...])).map({ $0 + from }) {
            // "a positively charged ion": a past form after an article (and an adverb) is an adjective.
            if rest[at].hasSuffix("ed"), at >= 1, ListItemProse.articles.contains(rest[at - 1])
                || at >= 2 && rest[at - 1].hasSuffix("ly") && ListItemProse.articles.contains(rest[at - 2]) {
                from = at + 1
                continue
            }
            guard at + 1 < rest.count, !ListItemProse.auxiliaries.contains(rest[at]),
                  rest[at + 1] == "by" || isParticiplePhrase(at, rest: rest, raw: raw) else { return false }
            from = at + 2
        }
        return true
    }

    /// "of" in "The Index of Forbidden Books": a connector between two capitalised words is
    /// part of the name.
    static func isNameConnector(_ at: Int, in words: [String]) -> Bool {
        guard at > 0, at + 1 < words.count, ExamLexicon.connectors.contains(words[at]) else { return false }
        return words[at - 1].first?.isUppercase == true && words[at + 1].first?.isUppercase == true
    }

    /// Whether the verb form at `at` opens a participle phrase of the noun phrase: a form that
    /// is no present tense, with a preposition or particle after it ("issued in", "set up
    /// in"), right after the name's own comma (or one adverb: "first issued"), after a comma
    /// that closes a second name joined by "and" ("…, and the Roman Inquisition, set up in
    /// 1542"), or straight after the noun of a phrase that opens with an article ("a
    /// positively charged ion held on clay"). "…, the commander, surrendered at …" is the
    /// verb of a sentence, and "…, produced ATP" has an object.
    static func isParticiplePhrase(_ at: Int, rest: [String], raw: [String]) -> Bool {
        guard at + 1 < rest.count, !rest[at].hasSuffix("s"), particles.contains(rest[at + 1]) else { return false }
        // Before the first word of `rest` stands the name's own comma.
        func opensAfterComma(_ i: Int) -> Bool {
            if i < 0 { return true }
            guard raw[i].hasSuffix(",") else { return false }
            // The comma closes a segment: one that opens with "and"/"or" is a second name.
            var start = i
            while start > 0, !raw[start - 1].hasSuffix(",") { start -= 1 }
            return ["and", "or"].contains(rest[start])
        }
        if opensAfterComma(at - 1) { return true }
        if opensAfterComma(at - 2), rest[at - 1].hasSuffix("ly") || adverbs.contains(rest[at - 1]) { return true }
        // "a positively charged ion held on clay": no comma from the article to the participle.
        guard at >= 2, ListItemProse.articles.contains(rest[0]), !raw[..<at].contains(where: { $0.hasSuffix(",") }),
              !StopWords.english.contains(rest[at - 1]) else { return false }
        return true
    }

    private static let particles: Set<String> = ["in", "by", "at", "on", "from", "to", "up", "out", "as", "under", "during",
                                                 "for", "after", "before", "with", "into"]
    private static let adverbs: Set<String> = ["first", "later", "once", "then", "since", "soon", "long", "still"]
}
