/// A defined term swapped into another term's definition ("A(n) _____ is a place where
/// carbon is stored"): the false statement is sound only when the swapped-in term is of the
/// same kind, so its own definition's genus has the same head ("a process" for "a process";
/// not "the movement" for "a place", which anyone rejects without the text, issue 8, F);
/// and it keeps the article the text writes it with ("The carbon cycle", never "A carbon cycle").
struct DefinitionGenus: Equatable {
    /// The article the text writes before the term where it defines it: "the", "a", "an",
    /// or "" when the term opens the sentence bare ("**Evaporation** is …").
    var article: String
    /// The singular head noun after "is"/"are" and an article: "movement" in "… is the movement of …".
    var head: String

    /// The genus of `term` from the first sentence that defines it as "(article) TERM is/are
    /// (article) HEAD …", or nil when the text writes no such definition. Only the sentences
    /// that define the term, or else those of its own paragraph, are read (a handful per swap).
    static func of(_ term: String, in material: ExamMaterial) -> DefinitionGenus? {
        let key = Tokenizer.foldedWords(term)
        guard !key.isEmpty, let entry = material.lexicon.entry(for: term) else { return nil }
        // The defining sentences; when the lexicon marked none ("The **carbon cycle** is …" after
        // its article), the sentences of the paragraph or list that introduced the term.
        let texts = entry.definedIn.isEmpty
            ? material.sentences.filter { $0.group == entry.group }.map(\.text)
            : entry.definedIn.sorted().filter(material.document.sentences.indices.contains).map { material.document.sentences[$0].text }
        for text in texts {
            let words = Tokenizer.foldedWords(text)
            guard words.count > key.count + 1 else { continue }
            for start in 0...(words.count - key.count - 1) where Array(words[start..<(start + key.count)]) == key {
                let at = start + key.count
                guard copulas.contains(words[at]), let head = head(of: words, after: at) else { continue }
                let before = start > 0 ? words[start - 1] : ""
                return DefinitionGenus(article: articles.contains(before) ? before : "", head: head)
            }
        }
        return nil
    }

    static let articles: Set<String> = ["the", "a", "an"]
    static let copulas: Set<String> = ["is", "are", "was", "were"]

    /// The singular head noun of the phrase after the copula at `copula`: "movement" in "was
    /// the Renaissance movement that …", "pair" in "is a shared pair of electrons", "grant" in
    /// "was a grant from the Church". The head is the last word before the phrase ends (a
    /// relative word, a preposition, a conjunction or a verb), at most four words in; the first
    /// word alone would make "Renaissance" the genus and let a movement stand in for a grant.
    /// Nil when the phrase opens with a function word or verb ("is one of", "is used to").
    static func head(of words: [String], after copula: Int) -> String? {
        var at = copula + 1
        if at < words.count, articles.contains(words[at]) || words[at] == "a(n)" { at += 1 }
        var phrase: [String] = []
        while at < words.count, phrase.count < 4 {
            let word = words[at].filter(\.isLetter)
            if phraseEnds.contains(word) || StopWords.english.contains(word) { break }
            if !phrase.isEmpty, CommonVerbs.all.contains(word) || (word.hasSuffix("ed") && word.count > 4) { break }
            phrase.append(word)
            // "a process, in which …": a comma or stop closes the phrase too.
            if let last = words[at].last, ",;:.)".contains(last) { break }
            at += 1
        }
        guard let noun = phrase.last, noun.count > 2, let first = phrase.first, !CommonVerbs.all.contains(first) else { return nil }
        return ExamLexicon.singular(noun)
    }

    /// Words that end a genus phrase: relative words, prepositions and conjunctions.
    private static let phraseEnds: Set<String> = ["that", "which", "who", "whose", "where", "when", "whereby", "of", "in",
                                                  "for", "to", "from", "with", "by", "on", "at", "as", "and", "or", "but",
                                                  "between", "into", "than", "because", "so", "its", "their"]

    /// Whether `swap` may take `original`'s place in a definition stem whose genus is
    /// `category` ("place" in "A(n) _____ is a place where …"): where the text defines the
    /// swap as "X is a …", its genus has the same head. A swap the text describes otherwise
    /// ("**Praetor** (8): served mainly as judge") is left to the picker's other kind checks.
    /// When the text defines `original` itself in that form ("A **covalent bond** is a shared
    /// pair …"), the swap must be defined so too: a list label with no genus ("**simple
    /// molecular** (e.g. H₂O): low melting points") may be a bare adjective, and "A simple
    /// molecular is a shared pair of electrons" is nonsense.
    static func fits(swap: String, category: String, original: String, material: ExamMaterial) -> Bool {
        guard let genus = of(swap, in: material) else { return of(original, in: material) == nil }
        return genus.head == category
    }

    /// Whether two defined terms may stand for each other anywhere in a statement ("such as a
    /// lake or an _____" for "aquifer"): when the text defines both, their genus heads agree
    /// ("a layer of rock" is no "process"); a term without a written genus is not judged here.
    static func sameKindIfKnown(swap: String, original: String, material: ExamMaterial) -> Bool {
        guard let a = of(original, in: material), let b = of(swap, in: material) else { return true }
        return a.head == b.head
    }

    /// The statement's opening with the article the text writes `swap` with: "A(n) _____"
    /// becomes "The carbon cycle" for a term the text writes as "The carbon cycle is …", and a
    /// bare "Evaporation" for one it writes without an article. Other stems are left alone.
    static func settleOpening(_ stem: String, swap: String, blank: String, material: ExamMaterial) -> String {
        guard stem.hasPrefix("A(n) " + blank), let genus = of(swap, in: material) else { return stem }
        let rest = stem.dropFirst(("A(n) " + blank).count)
        switch genus.article {
        case "the": return "The " + swap + rest
        case "": return swap.capitalisedFirst + rest
        default: return stem
        }
    }
}
