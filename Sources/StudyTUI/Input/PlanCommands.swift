import Foundation
import StudyApp

/// Parses `:meeting …` and `:project …`.
enum PlanCommands {
    static let meetingUsage = "Usage: :meeting TITLE at 2026-12-01 14:00 [for 60], or :meeting status N in_progress|completed|cancelled"
    static let projectUsage = "Usage: :project NAME [due 2026-12-15], or :project status N active|completed|archived"

    /// `TITLE at WHEN [for MINUTES]` or `status N STATUS`.
    static func meeting(_ argument: String) -> [UICommand] {
        if let (number, status) = statusArguments(argument) {
            return [.action(.plans(.moveMeeting(number: number, status: status)))]
        }
        guard let at = argument.range(of: " at ", options: .backwards) else { return usage(meetingUsage) }
        let title = String(argument[..<at.lowerBound])
        var when = String(argument[at.upperBound...]).trimmingCharacters(in: .whitespaces)
        var minutes = 60
        if let forRange = when.range(of: " for ", options: .backwards) {
            let tail = when[forRange.upperBound...].trimmingCharacters(in: .whitespaces)
                .replacingOccurrences(of: "min", with: "").trimmingCharacters(in: .whitespaces)
            guard let value = Int(tail) else { return usage(meetingUsage) }
            minutes = value
            when = String(when[..<forRange.lowerBound])
        }
        return [.action(.plans(.scheduleMeeting(title: title, at: when, minutes: minutes)))]
    }

    /// `NAME [due DATE]` or `status N STATUS`.
    static func project(_ argument: String) -> [UICommand] {
        if let (number, status) = statusArguments(argument) {
            return [.action(.plans(.moveProject(number: number, status: status)))]
        }
        guard !argument.isEmpty else { return usage(projectUsage) }
        if let due = argument.range(of: " due ", options: .backwards) {
            return [.action(.plans(.createProject(name: String(argument[..<due.lowerBound]),
                                                  due: String(argument[due.upperBound...]))))]
        }
        return [.action(.plans(.createProject(name: argument, due: nil)))]
    }

    /// `status N STATUS…` → (N, STATUS…).
    static func statusArguments(_ argument: String) -> (Int, String)? {
        let words = argument.split(separator: " ", maxSplits: 2).map(String.init)
        guard words.count == 3, words[0].lowercased() == "status", let number = Int(words[1]) else { return nil }
        return (number, words[2])
    }

    static func usage(_ text: String) -> [UICommand] {
        [.action(.showNotice(Notice(text, isError: true)))]
    }
}
