import Foundation
import StudyApp
import StudyModel

/// Keys of the generate dialog and of the full-screen exam. They take over all input while
/// their screen is up, so a letter typed as an answer never switches panes.
enum StudyKeys {
    static func dialog(_ key: Key) -> [UICommand] {
        switch key {
        case .up, .char("k"), .backTab: return [.action(.generate(.move(-1)))]
        case .down, .char("j"), .tab: return [.action(.generate(.move(1)))]
        case .left, .char("h"), .char("-"), .wheelUp: return [.action(.generate(.adjust(-1)))]
        case .right, .char("l"), .char("+"), .wheelDown: return [.action(.generate(.adjust(1)))]
        case .char(" "): return [.action(.generate(.toggle))]
        case .enter: return [.action(.generate(.submit))]
        case .escape, .char("q"): return [.action(.generate(.cancel))]
        default: return []
        }
    }

    static func exam(_ key: Key, session: ExamSession) -> [UICommand] {
        if session.result != nil { return results(key) }
        if session.confirm != nil {
            switch key {
            case .char("y"), .char("Y"), .enter: return [.action(.examSession(.confirm(true)))]
            case .char("n"), .char("N"), .escape: return [.action(.examSession(.confirm(false)))]
            default: return []
            }
        }
        // Keys that work on every question.
        switch key {
        case .escape: return [.action(.examSession(.escape))]
        case .right, .pageDown, .tab, .wheelDown: return [.action(.examSession(.navigate(1)))]
        case .left, .pageUp, .backTab, .wheelUp: return [.action(.examSession(.navigate(-1)))]
        case .ctrl("f"), .function(2): return [.action(.examSession(.toggleFlag))]
        case .ctrl("s"), .function(10): return [.action(.examSession(.submit))]
        default: break
        }
        guard let question = session.question else { return [] }
        if question.kind == .fillInBlank { return typed(key, current: session.response(question).text ?? "") }
        switch key {
        case .enter, .char("n"): return [.action(.examSession(.navigate(1)))]
        case .char("p"): return [.action(.examSession(.navigate(-1)))]
        case .char("f"): return [.action(.examSession(.toggleFlag))]
        case .char("s"): return [.action(.examSession(.submit))]
        case let .char(c):
            guard let option = optionIndex(c), question.options.indices.contains(option) else { return [] }
            return [.action(.examSession(.choose(option)))]
        default: return []
        }
    }

    /// `a`…`z` or `1`…`9` to an option index.
    static func optionIndex(_ c: Character) -> Int? {
        if let digit = c.wholeNumberValue, (1...9).contains(digit), c.isASCII { return digit - 1 }
        guard let ascii = c.lowercased().first?.asciiValue, (97...122).contains(ascii) else { return nil }
        return Int(ascii) - 97
    }

    /// The answer line of a fill-in question: typing appends, Backspace deletes, Enter goes on.
    static func typed(_ key: Key, current: String) -> [UICommand] {
        switch key {
        case let .char(c): return [.action(.examSession(.setText(current + String(c))))]
        case let .paste(text):
            let line = KeyHandler.cleanPaste(text).replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ")
            return [.action(.examSession(.setText(current + line)))]
        case .backspace: return current.isEmpty ? [] : [.action(.examSession(.setText(String(current.dropLast()))))]
        case .ctrl("u"): return [.action(.examSession(.setText("")))]
        case .enter: return [.action(.examSession(.navigate(1)))]
        default: return []
        }
    }

    static func results(_ key: Key) -> [UICommand] {
        switch key {
        case .down, .char("j"): return [.action(.examSession(.scrollReview(1)))]
        case .up, .char("k"): return [.action(.examSession(.scrollReview(-1)))]
        case .wheelDown: return [.action(.examSession(.scrollReview(3)))]
        case .wheelUp: return [.action(.examSession(.scrollReview(-3)))]
        case .pageDown, .char(" "): return [.action(.examSession(.scrollReview(10)))]
        case .pageUp: return [.action(.examSession(.scrollReview(-10)))]
        case .home, .char("g"): return [.action(.examSession(.scrollReview(Int.min / 2)))]
        case .escape, .enter, .char("q"): return [.action(.examSession(.escape))]
        default: return []
        }
    }
}
