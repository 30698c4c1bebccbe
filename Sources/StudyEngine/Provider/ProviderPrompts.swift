import Foundation
import StudyModel

/// What we ask the provider, and the checks its answers must pass before a student sees them.
enum ProviderPrompts {
    /// Documents are cut to this many characters for the provider: enough for a chapter, and
    /// within the context of common models.
    static let maxDocumentCharacters = 24_000

    /// The document's prose (headings, sentences, list items; code left out), one unit a line.
    static func plainText(_ document: StudyDocument) -> String {
        document.split.units.map(\.text).joined(separator: "\n")
    }

    static func documentText(_ document: StudyDocument) -> String {
        let text = plainText(document)
        return text.count > maxDocumentCharacters ? String(text.prefix(maxDocumentCharacters)) : text
    }

    static func summary(client: ChatCompletionsClient, document: StudyDocument, options: SummaryOptions,
                        offlineSentenceCount: Int) async throws -> String {
        let count = options.sentences ?? offlineSentenceCount
        let shape: String
        switch options.type {
        case .brief: shape = "a brief summary of about \(count) sentences, as one paragraph"
        case .detailed: shape = "a detailed summary of about \(count) sentences, in short paragraphs"
        case .bulletPoints: shape = "\(count) bullet points, one per line, each starting with \"- \""
        case .keyTerms: shape = "the \(count) most important key terms, one per line as \"- term: one-sentence definition from the text\""
        }
        let system = "You summarise study material for students. Use only facts stated in the document. Write in a \(options.style.rawValue) style. Reply with the summary only, no preamble."
        let reply = try await client.complete(system: system, user: "Write \(shape).\n\nDocument:\n\(documentText(document))")
        return try validateSummary(reply, type: options.type, sourceLength: plainText(document).count)
    }

    static func validateSummary(_ reply: String, type: Summary.SummaryType, sourceLength: Int) throws -> String {
        var text = reply.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("```") {
            text = text.split(separator: "\n").dropFirst().filter { !$0.hasPrefix("```") }.joined(separator: "\n")
        }
        guard text.count >= 10 else { throw ProviderError("The provider's summary was empty.") }
        guard text.count <= max(2000, sourceLength) else { throw ProviderError("The provider's summary was longer than the document.") }
        if type == .bulletPoints || type == .keyTerms {
            let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            text = lines.map { line in
                for marker in ["- ", "* ", "• ", "– "] where line.hasPrefix(marker) { return "- " + line.dropFirst(marker.count) }
                return "- " + line
            }.joined(separator: "\n")
        }
        return text
    }

    struct ProviderQuestion: Decodable {
        var kind: String
        var prompt: String
        var options: [String]?
        var correct: [Int]?
        var answer: String?
        var source: String
    }

    static func exam(client: ChatCompletionsClient, document: StudyDocument, configuration: Exam.Configuration) async throws -> [Question] {
        let kinds = configuration.questionTypes.map(\.rawValue).joined(separator: ", ")
        let system = """
        You write exam questions for students from a document. Reply with a JSON array only. Each element: \
        {"kind": one of [\(kinds)], "prompt": question text, "options": choices (4 for multiple_choice and multiple_answer, \
        ["True","False"] for true_false, omitted for fill_in_blank), "correct": indexes of the right options, \
        "answer": the missing word(s) for fill_in_blank (the prompt shows ____ in their place), \
        "source": the exact sentence of the document that supports the answer}.
        """
        let reply = try await client.complete(
            system: system,
            user: "Write \(configuration.questionCount) \(configuration.difficulty.rawValue) questions.\n\nDocument:\n\(documentText(document))",
            maxTokens: 3000)
        let questions = try validateExam(reply, document: document, configuration: configuration)
        guard questions.count * 2 >= configuration.questionCount, !questions.isEmpty else {
            throw ProviderError("The provider answered with too few usable questions (\(questions.count) of \(configuration.questionCount)).")
        }
        return questions
    }

    /// Keeps only questions whose structure is sound and whose source sentence is in the document.
    static func validateExam(_ reply: String, document: StudyDocument, configuration: Exam.Configuration) throws -> [Question] {
        guard let start = reply.firstIndex(of: "["), let end = reply.lastIndex(of: "]"), start < end,
              let decoded = try? JSONDecoder().decode([ProviderQuestion].self, from: Data(reply[start...end].utf8))
        else { throw ProviderError("The provider's exam was not the JSON that was asked for.") }
        let haystack = normalize(plainText(document))
        var out: [Question] = []
        var prompts = Set<String>()
        for item in decoded {
            guard let kind = Question.Kind(rawValue: item.kind), configuration.questionTypes.contains(kind) else { continue }
            let prompt = item.prompt.trimmingCharacters(in: .whitespacesAndNewlines)
            let source = item.source.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !prompt.isEmpty, source.count >= 10, haystack.contains(normalize(source)),
                  prompts.insert(normalize(prompt)).inserted else { continue }
            let options = (item.options ?? []).map { $0.trimmingCharacters(in: .whitespaces) }
            let correct = Array(Set(item.correct ?? [])).sorted()
            var question = Question(id: "q\(out.count + 1)", kind: kind, prompt: prompt, options: options, correctOptions: correct,
                                    sourceSentence: source, difficulty: configuration.difficulty)
            switch kind {
            case .multipleChoice, .multipleAnswer:
                guard options.count >= 3, Set(options.map(normalize)).count == options.count, !correct.isEmpty,
                      correct.allSatisfy({ options.indices.contains($0) }),
                      kind == .multipleChoice ? correct.count == 1 : correct.count >= 1 else { continue }
            case .trueFalse:
                guard options.count == 2, correct.count == 1, correct.allSatisfy({ options.indices.contains($0) }) else { continue }
            case .fillInBlank:
                guard let answer = item.answer?.trimmingCharacters(in: .whitespaces), !answer.isEmpty,
                      !normalize(prompt).contains(normalize(answer)) else { continue }
                question.options = []
                question.correctOptions = []
                question.acceptedAnswers = [answer]
            }
            // The offline engine's checks: clean stem, teachable answer, options of one kind.
            guard QuestionCheck.problems(question).isEmpty else { continue }
            question.answerKind = QuestionCheck.answerKind(of: question)
            out.append(question)
            if out.count == configuration.questionCount { break }
        }
        return out
    }

    static func normalize(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
