/// Fill-in keys a news story makes ambiguous (issue 8, K). In a story a blanked place or body
/// reads as any noun phrase of the story: "G4S insists that _____ runs an effective
/// operation" is filled as well by "the prison" or "Mr Thompson" as by the prison's name.
/// Such a key is asked with options of its kind (multiple choice) or not at all; a person the
/// text marks as one ("manager _____ has said") stays a fill-in, since the stem's role word
/// or verb points at one person.
extension QuestionFactory {
    /// Whether `document` reads as a news story: no headings, no list items, and people quoted
    /// ("… said", "told …") in at least three of its sentences (a story keeps attributing what
    /// it reports; a short paragraph with a quote or two is not judged). Notes have headings or lists.
    static func looksLikeNewsStory(_ material: ExamMaterial) -> Bool {
        guard material.headingKeys.isEmpty else { return false }
        var quoted = 0
        for sentence in material.sentences.prefix(ExamMaterial.maxReadSentences) {
            if sentence.isListItem { return false }
            if quoted < 3, sentence.text.split(separator: " ").contains(where: { word in
                SpanExtractor.speechVerbs.contains(Tokenizer.fold(String(word)).filter(\.isLetter))
            }) { quoted += 1 }
        }
        return quoted >= 3
    }

    /// Whether `span` is a name a news fill-in must not have as its key: a place, body or
    /// abbreviation, or a name the text gives no sign of being a person's, unless the stem
    /// names its kind right before the blank ("the state news agency _____").
    func isAmbiguousFillInKey(_ span: AnswerSpan, stem: String) -> Bool {
        // In running prose (no headings, no lists: a story, not notes) a lower-case phrase the
        // text never names as a term ("special cream", "online sex video") is one of several
        // wordings the text itself uses for the thing; a fill-in would reject the others.
        if span.kind == .term, isPlainProse, material.lexicon.entryIndex(for: span.text) == nil, !Self.rolesBlank(stem) {
            return true
        }
        guard isNewsStory, [.name, .acronym].contains(span.kind) else { return false }
        if span.kind == .name, span.isPerson || span.role == "person" || material.evidence.personNames.contains(span.text)
            || AcceptedAnswers.nameAfterOffice(span.text) != nil { return false }
        return !Self.rolesBlank(stem)
    }

    /// Whether the text is running prose: no headings and no list items.
    var isPlainProse: Bool {
        material.headingKeys.isEmpty && !material.sentences.contains(where: \.isListItem)
    }

    /// Whether a lowercase noun stands right before the blank as its role ("news agency _____",
    /// "the firm _____"): it says which kind of thing fills it.
    static func rolesBlank(_ stem: String) -> Bool {
        let words = stem.split(separator: " ")
        guard let at = words.firstIndex(where: { $0.hasPrefix(blank) }), at > 0 else { return false }
        let before = words[at - 1]
        let word = Tokenizer.fold(String(before)).filter(\.isLetter)
        // "across _____": a preposition says nothing of the kind.
        // "the government's _____": a possessive says whose, not which kind.
        if before.hasSuffix("'s") || before.hasSuffix("’s") || before.hasSuffix("s'") || before.hasSuffix("s’") { return false }
        return before.first?.isLowercase == true && !before.contains(where: { ",;:".contains($0) })
            && !StopWords.english.contains(word) && !ExamMaterial.placePrepositions.contains(word)
            && !["across", "throughout", "near", "around", "outside", "inside", "beyond", "toward", "towards", "via"].contains(word)
            && OptionEvidence.isContent(word) && !CommonVerbs.all.contains(word)
            && !word.hasSuffix("ed") && !word.hasSuffix("ing") && !SpanExtractor.speechVerbs.contains(word)
    }
}
