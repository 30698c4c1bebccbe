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
              !name.dropFirst(ListItemProse.articles.contains(first) ? 1 : 0).contains(where: {
                  StopWords.english.contains($0) || ListItemProse.isVerb($0)
              }),
              !StopWords.english.contains(first) || ListItemProse.articles.contains(first) else { return false }
        // The rest is a noun phrase: no finite verb before a relative word ("who favoured …").
        let rest = Array(folded[(comma + 1)...])
        guard let head = rest.first, !head.isEmpty, !StopWords.english.contains(head) || ListItemProse.articles.contains(head),
              !ListItemProse.isVerb(head) else { return false }
        // "deputies led by Robespierre, who …": a verb form before "by" is a participle of the
        // phrase, so the search goes on after it.
        var from = 0
        while from < rest.count, let at = ListItemProse.firstFiniteVerb(Array(rest[from...])).map({ $0 + from }) {
            guard at + 1 < rest.count, rest[at + 1] == "by", !ListItemProse.auxiliaries.contains(rest[at]) else { return false }
            from = at + 2
        }
        return true
    }
}
