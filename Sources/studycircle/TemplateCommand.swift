import ArgumentParser
import Foundation
import StudyModel
import StudyStore

/// `studycircle template add|list|rate|delete`: reusable summary and exam settings.
struct TemplateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template", abstract: "Create, edit, list, rate and delete summary/exam templates.",
        subcommands: [Add.self, Edit.self, List.self, Rate.self, Delete.self], defaultSubcommand: List.self)

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Create a template.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Template name.") var name: String
        @Option(help: "What it is for: summary, exam or both.") var type = "summary"
        @Option(help: "Category, e.g. biology.") var category = "general"
        @Option(help: "Description.") var description = ""
        @Option(name: .customLong("summary-type"), help: "brief, detailed, bullet_points or key_terms.") var summaryType = "brief"
        @Option(help: "Summary style: academic, casual, concise or simple.") var style = "academic"
        @Option(help: "Sentences in the summary.") var sentences: Int?
        @Option(help: "Questions in the exam.") var questions = 10
        @Option(help: "Question types, comma-separated: multiple_choice,multiple_answer,true_false,fill_in_blank.")
        var types = "multiple_choice,multiple_answer,true_false,fill_in_blank"
        @Option(help: "Difficulty: easy, medium or hard.") var difficulty = "medium"
        @Option(name: .customLong("time-limit"), help: "Exam time limit in minutes.") var timeLimit: Int?
        @Flag(name: .customLong("public"), help: "Share it with everyone.") var isPublic = false

        func run() async throws {
            let context = try await CommandContext.open(global)
            let user = try await context.currentUser()
            try await CLIError.wrapAsync {
                let kind = try Template.TemplateType.parse(type, field: "type")
                let summaryConfig = kind == .exam ? nil : Template.SummaryConfig(
                    summaryType: try Summary.SummaryType.parse(summaryType, field: "summaryType"),
                    style: try Summary.Style.parse(style, field: "style"), sentences: sentences)
                let questionTypes = try types.split(separator: ",").map { try Question.Kind.parse(String($0).trimmingCharacters(in: .whitespaces), field: "question type") }
                try Validate.range(questions, 1...Exam.maxQuestions, field: "questions", label: "Number of questions")
                let examConfig = kind == .summary ? nil : Exam.Configuration(
                    questionCount: questions, questionTypes: questionTypes,
                    difficulty: try Question.Difficulty.parse(difficulty, field: "difficulty"),
                    timeLimitSeconds: timeLimit.map { $0 * 60 })
                let template = Template(name: name, description: description, type: kind, category: category,
                                        summaryConfig: summaryConfig, examConfig: examConfig, isPublic: isPublic, createdBy: user.id)
                _ = try await context.store.templates.create(template)
                print("Created template \(template.id) “\(TextSafety.plain(name))”\(isPublic ? " (public)" : "").")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List your templates, or public ones newest first.")
        @OptionGroup var global: GlobalOptions
        @Flag(name: .customLong("public"), help: "Public templates of everyone.") var publicOnes = false
        @Option(help: "How many to show.") var limit = 50

        func run() async throws {
            let context = try await CommandContext.open(global)
            let user = try await context.currentUser()
            let page = try await CLIError.wrapAsync {
                publicOnes ? try await context.store.templates.listPublic(PageRequest(limit: limit))
                    : try await context.store.templates.list(createdBy: user.id, PageRequest(limit: limit))
            }
            for t in page.items {
                let rating = t.ratings.count == 0 ? "unrated" : String(format: "★ %.1f (%d)", t.ratings.average, t.ratings.count)
                print("\(t.id)  \(TextSafety.plain(t.name))  [\(t.type.rawValue), \(TextSafety.plain(t.category))]  used \(t.usage.count)×  \(rating)\(t.isPublic ? "  public" : "")")
            }
            if page.items.isEmpty { print(publicOnes ? "No public templates yet." : "You have no templates yet. Create one with `studycircle template add`.") }
        }
    }

    struct Rate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rate", abstract: "Rate a template from 1 to 5.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Template id.") var id: String
        @Argument(help: "1 to 5.") var score: Int
        func run() async throws {
            let context = try await CommandContext.open(global)
            let user = try await context.currentUser()
            let t = try await CLIError.wrapAsync { try await context.store.templates.rate(id: id, userId: user.id, score: score) }
            print(String(format: "Rated %d. “%@” now has ★ %.1f from %d ratings (one per user; rating again replaces yours).",
                         score, TextSafety.plain(t.name), t.ratings.average, t.ratings.count))
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change one of your templates; only the options given change.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Template id.") var id: String
        @Option(help: "New name.") var name: String?
        @Option(help: "New description.") var description: String?
        @Option(help: "New category.") var category: String?
        @Option(name: .customLong("summary-type"), help: "brief, detailed, bullet_points or key_terms.") var summaryType: String?
        @Option(help: "Sentences in the summary.") var sentences: Int?
        @Option(help: "Questions in the exam.") var questions: Int?
        @Option(help: "Difficulty: easy, medium or hard.") var difficulty: String?
        @Option(name: .customLong("time-limit"), help: "Exam time limit in minutes (0 for none).") var timeLimit: Int?
        @Flag(inversion: .prefixedNo, help: "Share it with everyone (--public) or keep it private (--no-public).")
        var `public`: Bool?

        func run() async throws {
            let context = try await CommandContext.open(global)
            let user = try await context.currentUser()
            try await CLIError.wrapAsync {
                guard var t = try await context.store.templates.get(id: id) else { throw StoreError.notFound(entity: "template", id: id) }
                guard t.createdBy == user.id else { throw CLIError(description: "Only the creator of “\(TextSafety.plain(t.name))” can change it.") }
                if let name { t.name = name }
                if let description { t.description = description }
                if let category { t.category = category }
                if let isPublic = `public` { t.isPublic = isPublic }
                if t.summaryConfig != nil {
                    if let summaryType { t.summaryConfig?.summaryType = try Summary.SummaryType.parse(summaryType, field: "summaryType") }
                    if let sentences { t.summaryConfig?.sentences = sentences }
                }
                if t.examConfig != nil {
                    if let questions {
                        try Validate.range(questions, 1...Exam.maxQuestions, field: "questions", label: "Number of questions")
                        t.examConfig?.questionCount = questions
                    }
                    if let difficulty { t.examConfig?.difficulty = try Question.Difficulty.parse(difficulty, field: "difficulty") }
                    if let timeLimit { t.examConfig?.timeLimitSeconds = timeLimit > 0 ? timeLimit * 60 : nil }
                }
                t.updatedAt = .now()
                _ = try await context.store.templates.update(t)
                print("Updated template \(t.id) “\(TextSafety.plain(t.name))”\(t.isPublic ? " (public)" : "").")
            }
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete one of your templates.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Template id.") var id: String
        func run() async throws {
            let context = try await CommandContext.open(global)
            let user = try await context.currentUser()
            try await CLIError.wrapAsync {
                guard let t = try await context.store.templates.get(id: id) else { throw StoreError.notFound(entity: "template", id: id) }
                guard t.createdBy == user.id else { throw CLIError(description: "Only the creator of “\(TextSafety.plain(t.name))” can delete it.") }
                try await context.store.templates.delete(id: id)
            }
            print("Deleted template \(id).")
        }
    }
}
