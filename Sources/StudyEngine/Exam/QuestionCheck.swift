import StudyModel

/// The checks every question must pass before a student sees it, whoever wrote it: the
/// offline generator or a provider. A question fails when its stem is not clean prose
/// (Markdown, table pipes, a dangling "It …", unbalanced brackets), when its answer is not
/// of a teachable kind (a function word, a common verb), or when its options are not of the
/// answer's kind (numbers among words, one option with a different shape).
enum QuestionCheck {
    /// What is wrong with the question, or an empty list.
    static func problems(_ question: Question) -> [String] {
        var out: [String] = []
        let statement = quoted(question.prompt) ?? question.prompt
        let texts = [question.prompt] + question.options + question.acceptedAnswers
        if texts.contains(where: hasMarkup) { out.append("Markdown in the question") }
        if !ExamSentence.balanced(statement) { out.append("unbalanced brackets or quotes") }
        let first = statement.split(separator: " ").first.map { Tokenizer.fold(String($0)).filter(\.isLetter) } ?? ""
        if ExamSentence.danglingOpeners.contains(first) { out.append("the stem starts with a reference to something not shown") }
        switch question.kind {
        case .fillInBlank:
            guard let answer = question.acceptedAnswers.first else { out.append("no answer"); break }
            if !isTeachable(answer) { out.append("the answer '\(answer)' is not worth asking") }
            if WholeWord.contains(answer, in: statement) { out.append("the stem gives the answer away") }
        case .multipleChoice, .multipleAnswer:
            let correct = question.correctOptions.filter(question.options.indices.contains).map { question.options[$0] }
            if correct.contains(where: { !isTeachable($0) }) { out.append("an answer is not worth asking") }
            if let answer = correct.first {
                let shape = Shape(answer)
                if question.options.contains(where: { !Shape($0).isCompatible(with: shape) }) {
                    out.append("options of a different kind than the answer")
                }
            }
        case .trueFalse:
            break
        }
        return out
    }

    /// What a provider's question tests, judged from its answer's shape.
    static func answerKind(of question: Question) -> String {
        if question.kind == .trueFalse { return "statement" }
        let answer = question.kind == .fillInBlank
            ? question.acceptedAnswers.first ?? ""
            : question.correctOptions.first.flatMap { question.options.indices.contains($0) ? question.options[$0] : nil } ?? ""
        let words = answer.split(separator: " ").map(String.init)
        if words.contains(where: SpanExtractor.isYear) || words.contains(where: { SpanExtractor.months.contains(Tokenizer.fold($0)) }) {
            return "date"
        }
        switch Shape(answer).kind {
        case .number: return "number"
        case .name: return "name"
        case .abbreviation, .words: return "term"
        }
    }

    /// The text between the first and last quotation mark of a prompt (the stem or statement).
    static func quoted(_ prompt: String) -> String? {
        guard let open = prompt.firstIndex(where: { $0 == "\"" || $0 == "“" }),
              let close = prompt.lastIndex(where: { $0 == "\"" || $0 == "”" }), open < close else { return nil }
        return String(prompt[prompt.index(after: open)..<close])
    }

    static func hasMarkup(_ text: String) -> Bool {
        if text.contains("**") || text.contains("`") || text.contains("|") { return true }
        // A blank is any run of three or more underscores; "__x__" is Markdown.
        var rest = text
        while let range = rest.range(of: "___") {
            var end = range.upperBound
            while end < rest.endIndex, rest[end] == "_" { end = rest.index(after: end) }
            rest.replaceSubrange(range.lowerBound..<end, with: " ")
        }
        if rest.contains("__") { return true }
        let trimmed = text.trimmingWhitespace()
        return trimmed.hasPrefix("#") || trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ")
    }

    /// Not empty, not only function words or common verbs.
    static func isTeachable(_ answer: String) -> Bool {
        let words = Tokenizer.foldedWords(answer)
        guard !words.isEmpty else { return false }
        if answer.contains(where: \.isNumber) { return true }
        return words.contains { !StopWords.english.contains($0) && !CommonVerbs.all.contains($0) }
    }

    /// The rough kind of an option: a number (with its unit), a name, an abbreviation, or words.
    struct Shape: Equatable {
        enum Kind { case number, name, abbreviation, words }
        var kind: Kind
        var unit: String

        init(_ text: String) {
            let words = text.split(separator: " ")
            if let first = words.first, first.contains(where: \.isNumber), NumberForm(String(first)) != nil {
                kind = .number
                unit = words.dropFirst().map { Tokenizer.fold(String($0)) }.joined(separator: " ")
            } else if ExamLexicon.isAbbreviation(text) {
                kind = .abbreviation
                unit = ""
            } else if words.count > 1, words.allSatisfy({ $0.first?.isUppercase == true || ExamLexicon.connectors.contains(String($0)) }) {
                kind = .name
                unit = ""
            } else {
                kind = .words
                unit = ""
            }
        }

        /// Numbers go with numbers of the same unit; names, abbreviations and words mix only
        /// as terms do (an abbreviation may stand among terms).
        func isCompatible(with other: Shape) -> Bool {
            switch (kind, other.kind) {
            case (.number, .number): return unit == other.unit
            case (.number, _), (_, .number): return false
            default: return true
            }
        }
    }
}
