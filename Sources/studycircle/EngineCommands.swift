import ArgumentParser
import Foundation
import StudyConfig
import StudyEngine
import StudyModel
import StudyStore

/// Reads a file, or standard input for `-` (closed or unreadable input is a clear error).
private func readInput(_ path: String) throws -> String {
    guard path == "-" else { return try TextInput.readFile(atPath: path) }
    return try TextInput.decode(data: StandardInput.readAll(limit: TextInput.maxDocumentBytes, what: "text"))
}

/// The assistant for these settings: offline, or the provider metered against the user's plan.
private func assistant(_ global: GlobalOptions) async throws -> StudyAssistant {
    let settings = try CLIError.wrap { try SettingsLoader().load(global.overrides) }
    guard let provider = settings.provider else { return StudyAssistant() }
    let context = try await CommandContext.open(global)
    let user = try await context.currentUser()
    return MeteredProvider.assistant(provider, store: context.store, user: user)
}

/// `studycircle summarize FILE...`: summaries without the app.
struct SummarizeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summarize", abstract: "Summarise files (txt, md; `-` reads standard input) and print the result.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "brief, detailed, bullet_points or key_terms.") var type = "brief"
    @Option(help: "academic, casual, concise or simple.") var style = "academic"
    @Option(help: "How many sentences (or bullets, or terms).") var sentences: Int?
    @Flag(help: "Print JSON.") var json = false
    @Argument(help: "Files to summarise.") var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("Name at least one file, or `-` for standard input.") }
        if let sentences, !(1...100).contains(sentences) { throw ValidationError("--sentences must be from 1 to 100.") }
    }

    func run() async throws {
        let options = try CLIError.wrap {
            let options = SummaryOptions(type: try Summary.SummaryType.parse(type, field: "summary type"),
                                         style: try Summary.Style.parse(style, field: "summary style"), sentences: sentences)
            try options.validate()
            return options
        }
        let assistant = try await assistant(global)
        if assistant.client == nil {
            let report = SummaryReport.make(files: files, options: options, readFile: readInput)
            if json { Output.json(try report.renderJSON()) } else { print(report.renderText()) }
            if report.hasErrors { throw ExitCode(1) }
            return
        }
        var failed = false
        for file in files {
            do {
                let document = try StudyDocument(text: try readInput(file))
                let result = await assistant.summarize(document, options: options)
                if files.count > 1 && !json { print("== \(file) ==") }
                if let reason = result.fallbackReason { Output.error("note: \(reason)") }
                if json {
                    Output.json(try jsonText(["file": file, "engine": result.engine, "text": result.text,
                                              "fallbackReason": result.fallbackReason ?? ""]))
                } else {
                    print(result.text)
                }
            } catch {
                failed = true
                Output.error("\(file): \(CLIError.message(for: error))")
            }
        }
        if failed { throw ExitCode(1) }
    }

    private func jsonText(_ object: [String: String]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(object), as: UTF8.self)
    }
}

/// `studycircle exam FILE` makes an exam; `studycircle exam grade EXAM.json ANSWERS.json` grades one.
struct ExamCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exam", abstract: "Generate an exam from a file, or grade answers to one.",
        subcommands: [ExamMakeCommand.self, ExamGradeCommand.self], defaultSubcommand: ExamMakeCommand.self)
}

/// `studycircle exam grade EXAM.json ANSWERS.json`: grades answers with the app's grader.
struct ExamGradeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade answers to an exam made with `exam FILE --json`.",
        discussion: """
        ANSWERS.json maps question ids to answers: {"q1": "b", "q2": ["a", "c"], "q3": "True", "q4": "congestion window"}.         A choice is an option letter, a 0-based index or the option's text; a fill-in is the typed text, graded as in the app         (case, accents, small typos, plurals, numbers by value and other names the text gives are accepted).
        """)
    @Flag(help: "Print JSON.") var json = false
    @Argument(help: "The exam, as printed by `studycircle exam FILE --json`.") var exam: String
    @Argument(help: "The answers (JSON object from question id to answer).") var answers: String

    func run() async throws {
        let graded: GradedAttempt
        let questions: [Question]
        do {
            questions = try AnswerSheet.questions(from: try Data(contentsOf: URL(fileURLWithPath: exam)))
            let responses = try AnswerSheet.responses(from: try Data(contentsOf: URL(fileURLWithPath: answers)), questions: questions)
            graded = Grader.grade(questions: questions, responses: responses)
        } catch let problem as AnswerSheet.Problem {
            throw CLIError(description: problem.message)
        } catch let error as CocoaError {
            throw CLIError(description: "Cannot read the file: \(error.localizedDescription)")
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(graded), as: UTF8.self))
        } else {
            print(Sanitizer.clean(AnswerSheet.renderText(graded, questions: questions), keepNewlines: true))
        }
    }
}

/// `studycircle exam FILE`: an exam without the app.
struct ExamMakeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make", abstract: "Generate an exam from a file (`-` reads standard input) and print it (the default).")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Number of questions.") var questions = 10
    @Option(help: "Question types, comma-separated: mc, ma, tf, fill (or multiple_choice, ...).")
    var types = "multiple_choice,multiple_answer,true_false,fill_in_blank"
    @Option(help: "easy, medium or hard.") var difficulty = "medium"
    @Option(help: "Seed for the order of options (same seed, same exam).") var seed: UInt64 = 0
    @Flag(help: "Print JSON.") var json = false
    @Flag(name: .customLong("no-answers"), help: "Leave out the answers (to print an exam to take).") var noAnswers = false
    @Argument(help: "The file.") var file: String

    func validate() throws {
        if !(1...Exam.maxQuestions).contains(questions) { throw ValidationError("--questions must be from 1 to \(Exam.maxQuestions).") }
    }

    func run() async throws {
        let configuration = try CLIError.wrap {
            Exam.Configuration(questionCount: questions, questionTypes: try ExamReport.parseTypes(types),
                               difficulty: try Question.Difficulty.parse(difficulty, field: "difficulty"))
        }
        let assistant = try await assistant(global)
        if assistant.client == nil {
            let report = try CLIError.wrap { try ExamReport.make(file: file, configuration: configuration, seed: seed, readFile: readInput) }
            if json { Output.json(try report.renderJSON()) } else { print(report.renderText(showAnswers: !noAnswers)) }
            return
        }
        let result = try await CLIError.wrapAsync {
            try await assistant.exam(try StudyDocument(text: try readInput(file)), configuration: configuration, seed: seed)
        }
        if let reason = result.fallbackReason { Output.error("note: \(reason)") }
        let draft = ExamDraft(questions: result.questions, notes: result.notes, configuration: configuration)
        let report = ExamReport(file: file, draft: draft)
        if json { Output.json(try report.renderJSON()) } else { print(report.renderText(showAnswers: !noAnswers)) }
    }
}
