import Foundation
import StudyApp

/// What a key or a `:` command asks of the frontend: an action for the core, or something
/// only the terminal handles.
public enum UICommand: Equatable, Sendable {
    case action(Action)
    /// `:theme NAME`
    case theme(String)
    /// Ctrl-L: repaint the whole screen.
    case repaint
    /// `:help`: the help overlay.
    case help
}

/// Parses the `:` command line.
public enum CommandParser {
    public static func parse(_ line: String) -> [UICommand] {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return [] }
        let parts = trimmed.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        let name = parts[0].lowercased()
        let argument = parts.count > 1 ? String(parts[1]).trimmingCharacters(in: .whitespaces) : ""
        switch name {
        case "q", "quit", "exit":
            return [.action(.requestQuit(draft: false))]
        case "help", "h", "?":
            return [.help]
        case "resume":
            return [.action(.examSession(.resume))]
        case "join", "j":
            return [.action(.rooms(.join(name: argument)))]
        case "leave", "part":
            return [.action(.rooms(.leave))]
        case "room":
            return room(argument)
        case "run":
            return [.action(.messages(.runCode))]
        case "invite":
            return [.action(.rooms(.invite(username: argument)))]
        case "remove", "kick":
            return [.action(.rooms(.remove(username: argument)))]
        case "meetings", "projects", "members", "messages", "chat":
            let panel = RoomPanel(rawValue: name == "chat" ? "messages" : name) ?? .messages
            return [.action(.plans(.show(panel)))]
        case "meeting":
            return PlanCommands.meeting(argument)
        case "project":
            return PlanCommands.project(argument)
        case "add", "import":
            return [.action(.library(.importFile(path: argument)))]
        case "theme":
            guard !argument.isEmpty else {
                return [.action(.showNotice(Notice("Usage: :theme NAME (dark, light, high-contrast, monochrome)", isError: true)))]
            }
            return [.theme(argument)]
        case "category", "cat":
            return [.action(.library(.setCategory(argument.isEmpty ? nil : argument)))]
        case "search":
            return [.action(.search(argument))]
        case "rate":
            guard let score = Int(argument) else {
                return [.action(.showNotice(Notice("Usage: :rate 1-5", isError: true)))]
            }
            return [.action(.summaries(.rate(score: score)))]
        default:
            return [.action(.showNotice(Notice("Unknown command :\(name). Press ? for the list of commands.", isError: true)))]
        }
    }

    /// `:room new NAME [--private]`, `:room private NAME`.
    static func room(_ argument: String) -> [UICommand] {
        var words = argument.split(separator: " ").map(String.init)
        let usage = [UICommand.action(.showNotice(Notice("Usage: :room new NAME [--private], or :room private NAME", isError: true)))]
        guard let sub = words.first?.lowercased(), sub == "new" || sub == "private" else { return usage }
        words.removeFirst()
        var isPrivate = sub == "private"
        if let flag = words.firstIndex(where: { $0 == "--private" || $0 == "-p" }) {
            isPrivate = true
            words.remove(at: flag)
        }
        let name = words.joined(separator: " ")
        guard !name.isEmpty else { return usage }
        return [.action(.rooms(.create(name: name, isPrivate: isPrivate)))]
    }
}
