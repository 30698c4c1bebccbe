import Foundation
import StudyApp
import StudyModel

/// The full-screen exam: one question at a time, then the results and review.
///
/// Everything is computed from the `ExamSession` in the state, so a redraw at a new size
/// shows the same question, answers, flags and time left.
struct ExamScreenView {
    let session: ExamSession

    func draw(into canvas: inout Canvas, rows: Int, cols: Int) -> Frame.Cursor? {
        let top = Rect(x: 0, y: 0, width: cols, height: 1)
        canvas.fill(top, role: .status)
        let body = Rect(x: 0, y: 1, width: cols, height: rows - 2)
        let bottom = Rect(x: 0, y: rows - 1, width: cols, height: 1)
        if session.result != nil {
            drawResults(into: &canvas, top: top, body: body, bottom: bottom)
            return nil
        }
        return drawQuestion(into: &canvas, top: top, body: body, bottom: bottom)
    }

    // MARK: Taking

    func drawQuestion(into canvas: inout Canvas, top: Rect, body: Rect, bottom: Rect) -> Frame.Cursor? {
        let exam = session.exam
        let count = exam.questions.count
        var right = "Question \(session.index + 1) of \(count)"
        if let left = session.secondsLeft { right += " · ⏱ " + Self.clock(left) }
        let answered = count - session.unanswered.count
        right += " · \(answered)/\(count) answered "
        canvas.put(ListDrawer.line(" Exam · " + exam.title, .status, right: right,
                                   (session.secondsLeft ?? 999) < 60 ? .statusWarn : .statusOK, width: top.width),
                   row: top.y, col: 0, maxWidth: top.width)
        canvas.box(body, title: "Question \(session.index + 1) of \(count)", focused: true)
        guard let question = session.question else { return nil }
        let inner = body.inner
        let response = session.response(question)
        var lines: [StyledLine] = []
        if response.flagged { lines.append(StyledLine("⚑ Flagged for review", .mention)) }
        lines += Wrap.wrap(question.prompt, width: max(1, inner.width), role: .strong)
        lines.append(StyledLine())
        var cursorLine: Int?
        var cursorCol = 0
        switch question.kind {
        case .fillInBlank:
            let label = "Your answer: "
            let text = response.text ?? ""
            // Keep the end of a long answer in view, where typing happens.
            let room = max(1, inner.width - DisplayWidth.of(label) - 1)
            let shown = DisplayWidth.of(text) > room ? String(text.suffix(room)) : text
            cursorLine = lines.count
            cursorCol = DisplayWidth.of(label) + DisplayWidth.of(shown)
            lines.append(StyledLine([Span(label, .heading), Span(shown, .command)]))
            lines.append(StyledLine("Type the missing word(s); Enter goes on.", .dim))
        default:
            let multiple = question.kind == .multipleAnswer
            if multiple { lines.append(StyledLine("Choose every right answer (keys toggle).", .dim)) }
            for (i, option) in question.options.enumerated() {
                let chosen = response.selectedOptions.contains(i)
                let mark = multiple ? (chosen ? "[x]" : "[ ]") : (chosen ? "(•)" : "( )")
                let letter = Self.letter(i)
                let indent = [Span(String(repeating: " ", count: 8))]
                let wrapped = Wrap.wrap([Span(" \(mark) \(letter)) ", chosen ? .selected : .helpKey),
                                         Span(option, chosen ? .strong : .normal)], width: max(1, inner.width), indent: indent)
                lines += wrapped
            }
        }
        // The question strip: answered (●), unanswered (○), flagged (⚑), current in brackets.
        lines.append(StyledLine())
        var strip: [Span] = []
        for (i, q) in session.exam.questions.enumerated() {
            let mark = session.response(q).flagged ? "⚑" : (session.isAnswered(q) ? "●" : "○")
            let text = i == session.index ? "[\(i + 1)\(mark)]" : " \(i + 1)\(mark) "
            strip.append(Span(text, i == session.index ? .titleFocused : (session.isAnswered(q) ? .normal : .dim)))
        }
        lines += Wrap.wrap(strip, width: max(1, inner.width))
        // Scroll so the answer area stays visible on a short screen.
        let first = max(0, min((cursorLine ?? 0) - inner.height + 2, lines.count - inner.height))
        for (offset, line) in lines.dropFirst(first).prefix(inner.height).enumerated() {
            canvas.put(line, row: inner.y + offset, col: inner.x, maxWidth: inner.width)
        }
        drawFooter(into: &canvas, rect: bottom, fillIn: question.kind == .fillInBlank)
        guard session.confirm == nil, let cursorLine, cursorLine >= first, cursorLine - first < inner.height else { return nil }
        return Frame.Cursor(row: inner.y + cursorLine - first, col: min(inner.x + cursorCol, inner.x + inner.width - 1))
    }

    func drawFooter(into canvas: inout Canvas, rect: Rect, fillIn: Bool) {
        switch session.confirm {
        case let .submit(unanswered):
            let missing = unanswered.isEmpty ? "All \(session.exam.questions.count) answered."
                : "Unanswered: " + unanswered.map(String.init).joined(separator: ", ") + "."
            canvas.put("Submit now? \(missing)  y/Enter submit · n/Esc keep going", row: rect.y, col: 0,
                       maxWidth: rect.width, role: unanswered.isEmpty ? .notice : .error)
        case .abandon:
            canvas.put("Leave the exam? Your answers will not be saved.  y leave · n/Esc stay", row: rect.y, col: 0,
                       maxWidth: rect.width, role: .error)
        case nil:
            let hint = fillIn ? "type answer · ←/→ Tab move · Ctrl-F flag · Ctrl-S submit · Esc leave"
                : "a-d/1-4 choose · ←/→ n/p move · f flag · s submit · Esc leave"
            canvas.put(hint, row: rect.y, col: 0, maxWidth: rect.width, role: .hint)
        }
    }

    // MARK: Results

    func drawResults(into canvas: inout Canvas, top: Rect, body: Rect, bottom: Rect) {
        let lines = reviewLines(width: max(1, body.width - 2))
        canvas.put(" Results · " + session.exam.title, row: top.y, col: 0, maxWidth: top.width, role: .status)
        canvas.box(body, title: "Results", focused: true)
        let inner = body.inner
        let first = min(session.reviewTop, ReaderView.maxTop(count: lines.count, height: inner.height))
        for (offset, line) in lines.dropFirst(first).prefix(inner.height).enumerated() {
            canvas.put(line, row: inner.y + offset, col: inner.x, maxWidth: inner.width)
        }
        let saved = session.recorded ? "Attempt recorded." : "Recording the attempt…"
        canvas.put("\(saved)  ↑↓ PgUp PgDn scroll the review · Esc/Enter back to the exam's history",
                   row: bottom.y, col: 0, maxWidth: bottom.width, role: .hint)
    }

    /// The score, then every question with the student's answer, the right one and its source.
    func reviewLines(width: Int) -> [StyledLine] {
        guard let result = session.result else { return [] }
        var lines: [StyledLine] = []
        lines.append(StyledLine("Score \(Self.percent(result.score)) · \(result.correctCount) of \(result.questionCount) right", .heading))
        if session.timedOut { lines.append(StyledLine("Time ran out; the exam was submitted for you.", .error)) }
        lines.append(StyledLine())
        let answers = Dictionary(result.answers.map { ($0.questionId, $0) }, uniquingKeysWith: { a, _ in a })
        for (i, question) in session.exam.questions.enumerated() {
            let answer = answers[question.id]
            let correct = answer?.correct == true
            let flag = answer?.flagged == true ? " ⚑" : ""
            let number = "\(i + 1). \(correct ? "✓" : "✗")\(flag) "
            lines += Wrap.wrap(question.prompt, width: max(1, width - DisplayWidth.of(number)), role: .strong)
                .enumerated().map { n, line in
                    StyledLine([Span(n == 0 ? number : String(repeating: " ", count: DisplayWidth.of(number)),
                                     correct ? .statusOK : .error)] + line.spans)
                }
            lines += labelled("Your answer: ", Self.given(question, answer), correct ? .normal : .error, width: width)
            lines += labelled("Right answer: ", Self.expected(question), .statusOK, width: width)
            lines += labelled("Source: ", question.sourceSentence, .quote, width: width)
            lines.append(StyledLine())
        }
        return lines
    }

    /// "   Label: text", the text wrapped under itself (the label is laid out here, not by
    /// `Wrap`, so its spaces are kept exactly).
    func labelled(_ label: String, _ text: String, _ role: Role, width: Int) -> [StyledLine] {
        let head = "   " + label
        let headWidth = DisplayWidth.of(head)
        guard width > headWidth + 4 else { return Wrap.wrap(head + text, width: width, role: role) }
        let body = Wrap.wrap(text, width: width - headWidth, role: role)
        return body.enumerated().map { i, line in
            StyledLine([Span(i == 0 ? head : String(repeating: " ", count: headWidth), .dim)] + line.spans)
        }
    }

    static func given(_ question: Question, _ answer: ExamAttempt.Answer?) -> String {
        guard let answer else { return "(no answer)" }
        if question.kind == .fillInBlank {
            let text = (answer.text ?? "").trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? "(no answer)" : text
        }
        let chosen = answer.selectedOptions.filter { question.options.indices.contains($0) }
        guard !chosen.isEmpty else { return "(no answer)" }
        return chosen.map { "\(letter($0))) \(question.options[$0])" }.joined(separator: "; ")
    }

    static func expected(_ question: Question) -> String {
        if question.kind == .fillInBlank { return question.acceptedAnswers.first ?? "" }
        return question.correctOptions.filter { question.options.indices.contains($0) }
            .map { "\(letter($0))) \(question.options[$0])" }.joined(separator: "; ")
    }

    static func letter(_ index: Int) -> String {
        guard (0..<26).contains(index), let scalar = Unicode.Scalar(97 + index) else { return "\(index + 1)" }
        return String(Character(scalar))
    }

    static func clock(_ seconds: Int) -> String {
        let h = seconds / 3600, m = (seconds % 3600) / 60, s = seconds % 60
        return h > 0 ? "\(h):\(TimeFormat.pad(m)):\(TimeFormat.pad(s))" : "\(TimeFormat.pad(m)):\(TimeFormat.pad(s))"
    }

    static func percent(_ score: Double) -> String {
        score == score.rounded() ? "\(Int(score))%" : "\(score)%"
    }
}
