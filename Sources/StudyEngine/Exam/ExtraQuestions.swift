import Foundation
import StudyModel

/// Questions that do not blank a sentence: a percentage change computed from a worked
/// example's numbers ("rises from $4 to $6"), and a table cell asked from its row and
/// column, with the other cells of its column as options.
struct ExtraQuestion {
    var question: Question
    /// Keys of what it asks, so that no other question asks the same.
    var answers: [String]
    /// The sentence it was made from (nil for a table), so that no other question uses it.
    var sentence: Int?
}

enum ExtraQuestions {
    /// Every extra question the document gives, in document order, of the kinds asked.
    static func make(material: ExamMaterial, kinds: [Question.Kind], difficulty: Question.Difficulty) -> [ExtraQuestion] {
        var out: [ExtraQuestion] = []
        if kinds.contains(.fillInBlank) || kinds.contains(.multipleChoice) {
            out += percentageChanges(material: material, asFill: kinds.contains(.fillInBlank), difficulty: difficulty)
        }
        if kinds.contains(.multipleChoice) {
            out += tableCells(source: material.document.source, difficulty: difficulty)
        }
        return out
    }

    // MARK: - Percentage change from a worked example

    /// "The price … rises from $4 to $6 …": what is the percentage change? Asked only when
    /// the notes work it out themselves in the next few lines (by the simple or the midpoint
    /// method), so the key is the text's own figure and the arithmetic is checked against it.
    static func percentageChanges(material: ExamMaterial, asFill: Bool, difficulty: Question.Difficulty) -> [ExtraQuestion] {
        var out: [ExtraQuestion] = []
        let sentences = material.sentences
        for (position, sentence) in sentences.enumerated() where sentence.stemProblem == nil {
            let words = sentence.text.split(separator: " ").map(String.init)
            guard words.count <= 40, sentence.text.contains(" to ") else { continue }
            let following = sentences[(position + 1)..<min(sentences.count, position + 5)].filter { $0.section == sentence.section }
            let stated = following.flatMap { statedPercentages($0.text) }
            guard !stated.isEmpty else { continue }
            pairs: for i in words.indices where Tokenizer.fold(words[i]) == "from" && i + 3 < words.count && Tokenizer.fold(words[i + 2]) == "to" {
                let first = words[i + 1], second = words[i + 3].trimmingCharacters(in: CharacterSet(charactersIn: ".,;:"))
                guard let a = NumberForm(first), let b = NumberForm(second), a.prefix == b.prefix, a.suffix == b.suffix,
                      a.value > 0, b.value > 0, a.value != b.value else { continue }
                // "from 2010 to 2014" are years, not amounts.
                if SpanExtractor.isYear(first) && SpanExtractor.isYear(second) { continue }
                let simple = abs(b.value - a.value) / a.value * 100
                let midpoint = abs(b.value - a.value) / ((a.value + b.value) / 2) * 100
                for (value, decimals) in stated {
                    let scale = pow(10, Double(decimals))
                    let matchesSimple = (simple * scale).rounded() == (value * scale).rounded()
                    let matchesMidpoint = (midpoint * scale).rounded() == (value * scale).rounded()
                    guard matchesSimple != matchesMidpoint else { continue }
                    let answer = String(format: "%.\(decimals)f", value) + "%"
                    let method = matchesMidpoint ? "the midpoint method the notes use (change ÷ average of the two values)" : "change ÷ starting value"
                    let prompt = "The notes say: \"\(sentence.text)\" Using \(method), what is the percentage change from \(first) to \(second), ignoring the sign?"
                    let question: Question
                    if asFill {
                        question = Question(id: "", kind: .fillInBlank, prompt: prompt,
                                            acceptedAnswers: [answer, String(answer.dropLast()), String(answer.dropLast()) + " percent"],
                                            sourceSentence: sentence.text, difficulty: difficulty, answerKind: "number")
                    } else {
                        // Wrong options are the usual slips: the other base, double, the plain difference.
                        let other = matchesMidpoint ? simple : midpoint
                        var options = [answer]
                        for wrong in [other, value * 2, abs(b.value - a.value), value / 2] {
                            let text = String(format: "%.\(decimals)f", wrong) + "%"
                            if !options.contains(text) && options.count < 4 { options.append(text) }
                        }
                        guard options.count == 4 else { continue }
                        var rng = SeededRandom(text: sentence.text, salt: 7)
                        options = rng.shuffled(options)
                        guard let correct = options.firstIndex(of: answer) else { continue }
                        question = Question(id: "", kind: .multipleChoice, prompt: prompt, options: options, correctOptions: [correct],
                                            sourceSentence: sentence.text, difficulty: difficulty, answerKind: "number")
                    }
                    out.append(ExtraQuestion(question: question, answers: ["%" + sentence.text], sentence: sentence.index))
                    break pairs
                }
            }
        }
        return out
    }

    /// Percentages a line states, unsigned, with their decimals: "= −40%" → (40, 0), "≈ +18.2%" → (18.2, 1).
    static func statedPercentages(_ text: String) -> [(Double, Int)] {
        var out: [(Double, Int)] = []
        for word in text.split(separator: " ") where word.hasSuffix("%") || word.hasSuffix("%.") || word.hasSuffix("%,") {
            let digits = word.drop(while: { !$0.isNumber }).prefix(while: { $0.isNumber || $0 == "." })
            guard let value = Double(digits), value > 0 else { continue }
            let decimals = digits.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count ?? 0
            out.append((value, decimals))
        }
        return out
    }

    // MARK: - Table cells

    /// One question per table: the cell of a data row in the column with the most distinct
    /// short values, the other values of that column as options. Columns whose cells hold
    /// lists ("CO2, H2O, light") or mix kinds are skipped: their cells are no siblings.
    static func tableCells(source: String, difficulty: Question.Difficulty) -> [ExtraQuestion] {
        // Most texts have no table: one byte scan instead of an outline of the whole source.
        guard source.utf8.contains(UInt8(ascii: "|")) else { return [] }
        let cells = MarkdownOutline(source: source).cells
        // Tables start where the row number goes back to 0.
        var tables: [[MarkdownOutline.Cell]] = []
        for cell in cells {
            if cell.row == 0 && cell.column == 0 || tables.isEmpty { tables.append([]) }
            tables[tables.count - 1].append(cell)
        }
        var out: [ExtraQuestion] = []
        for table in tables {
            let header = table.filter { $0.row == 0 }.sorted { $0.column < $1.column }.map { ExamInlineMarkup($0.text).clean }
            guard header.count >= 2, let firstHeader = header.first, !firstHeader.isEmpty else { continue }
            let rows = Dictionary(grouping: table.filter { $0.row > 0 }, by: \.row)
            var rowHeads: [Int: String] = [:]
            for (row, cells) in rows {
                if let head = cells.first(where: { $0.column == 0 }) { rowHeads[row] = ExamInlineMarkup(head.text).clean }
            }
            var best: (column: Int, values: [Int: String])? = nil
            for column in 1..<header.count where isPlainLabel(header[column]) {
                var values: [Int: String] = [:]
                for (row, cells) in rows {
                    if let cell = cells.first(where: { $0.column == column }) { values[row] = ExamInlineMarkup(cell.text).clean }
                }
                let distinct = Set(values.values.map(Tokenizer.fold))
                guard distinct.count >= 4, values.values.allSatisfy(isShortValue) else { continue }
                if best == nil || distinct.count > Set(best?.values.values.map(Tokenizer.fold) ?? []).count { best = (column, values) }
            }
            guard let (column, values) = best else { continue }
            // The row whose value is unique in the column, in a seeded but stable choice.
            let uniqueRows = values.keys.sorted().filter { row in
                let key = Tokenizer.fold(values[row] ?? "")
                return values.values.filter { Tokenizer.fold($0) == key }.count == 1 && !(rowHeads[row] ?? "").isEmpty
            }
            guard !uniqueRows.isEmpty else { continue }
            var rng = SeededRandom(text: header.joined(separator: "|"), salt: 11)
            let row = uniqueRows[rng.below(uniqueRows.count)]
            guard let answer = values[row], let rowHead = rowHeads[row] else { continue }
            var options = [answer]
            for value in rng.shuffled(values.values.sorted()) where !options.contains(where: { Tokenizer.fold($0) == Tokenizer.fold(value) }) && options.count < 4 {
                options.append(value)
            }
            guard options.count == 4 else { continue }
            options = rng.shuffled(options)
            guard let correct = options.firstIndex(of: answer) else { continue }
            let prompt = "According to the table in the notes, what goes in the column \"\(header[column])\" for \(lowerFirst(firstHeader)) \"\(rowHead)\"?"
            let question = Question(id: "", kind: .multipleChoice, prompt: prompt, options: options, correctOptions: [correct],
                                    sourceSentence: "\(firstHeader): \(rowHead); \(header[column]): \(answer)",
                                    difficulty: difficulty, answerKind: "term")
            out.append(ExtraQuestion(question: question, answers: [AnswerSpan.key(answer)], sentence: nil))
        }
        return out
    }

    /// A header that reads as a noun phrase: letters, spaces, hyphens and brackets only.
    static func isPlainLabel(_ text: String) -> Bool {
        !text.isEmpty && text.split(separator: " ").count <= 4 && text.allSatisfy { $0.isLetter || $0 == " " || $0 == "-" || $0 == "(" || $0 == ")" }
    }

    /// A cell that is one value: at most four words, no list, no symbols.
    static func isShortValue(_ text: String) -> Bool {
        !text.isEmpty && text.split(separator: " ").count <= 4 && !text.contains(",") && !text.contains(";")
            && !text.contains(where: { "→←=|`*".contains($0) })
    }

    /// "Description" → "description", "PED" stays.
    static func lowerFirst(_ text: String) -> String {
        guard let first = text.split(separator: " ").first, first.dropFirst().allSatisfy({ !$0.isUppercase }) else { return text }
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
