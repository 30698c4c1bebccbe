/// A number the stem gives as a bound or an estimate ("more than _____", "up to _____",
/// "around _____"): options near the key, or on the wrong side of it, make true sentences
/// too. "A cumulonimbus can grow more than _____ tall" (12 km) cannot offer 10 km or 11 km,
/// which the text implies; "main memory takes around _____" (100 ns) cannot offer 80 ns,
/// which "around" covers (issue 8, K).
enum NumberHedge: Equatable {
    /// "more than", "over", "at least", "above", "exceeding": any smaller value is implied.
    case lowerBound
    /// "less than", "under", "up to", "at most", "below", "fewer than": any larger value is implied.
    case upperBound
    /// "about", "around", "roughly", "nearly", "some": a value close by is covered.
    case estimate

    /// How far (as a ratio) an option must lie from the key: a value this close to an
    /// estimate could be what the estimate means, and one this close beyond a bound reads
    /// as the same claim.
    static let minimumRatio = 1.5

    /// The hedge written right before the blank of `stem`, for a number or percentage answer;
    /// nil for a plain value, a year (whose "over" reads as a span, "over 1914–18") or a
    /// comparison the blank opens ("_____ more than 200", see `comparedValue`).
    static func before(blank: String, in stem: String, kind: AnswerSpan.Kind) -> NumberHedge? {
        guard [.number, .percentage].contains(kind) else { return nil }
        return written(before: blank, in: stem)
    }

    /// The hedge written right before the blank, whatever the answer's kind ("around _____"
    /// before a year too): what `SwapChecks.isHedgedValue` reads for false statements.
    static func written(before blank: String, in stem: String) -> NumberHedge? {
        guard let range = stem.range(of: blank) else { return nil }
        let words = stem[..<range.lowerBound].split(separator: " ").suffix(3).map { Tokenizer.fold(String($0)) }
        guard let last = words.last else { return nil }
        let previous = words.count >= 2 ? words[words.count - 2] : ""
        let third = words.count >= 3 ? words[words.count - 3] : ""
        switch last {
        case "than":
            // "no more than 12" is a ceiling, "no fewer than 12" a floor.
            if ["more", "greater", "higher", "longer", "larger", "bigger", "older"].contains(previous) {
                return third == "no" ? .upperBound : .lowerBound
            }
            if ["less", "fewer", "lower", "shorter", "smaller", "younger"].contains(previous) {
                return third == "no" ? .lowerBound : .upperBound
            }
            return nil
        case "over", "above", "exceeding", "exceeds", "beyond":
            return .lowerBound
        case "least":
            return previous == "at" ? .lowerBound : nil
        case "under", "below", "within":
            return .upperBound
        case "most":
            return previous == "at" ? .upperBound : nil
        case "to":
            return previous == "up" ? .upperBound : nil
        case "of":
            return previous == "upwards" ? .lowerBound : nil
        case "about", "around", "roughly", "approximately", "nearly", "almost", "some", "circa", "c.", "ca.",
             "approx.", "~", "estimated":
            return .estimate
        default:
            return nil
        }
    }

    /// Whether `value` may stand as a wrong option for the hedged key `key`.
    func allows(_ value: Double, key: Double) -> Bool {
        guard key != 0, value != 0, (key > 0) == (value > 0) else { return false }
        let ratio = abs(value / key)
        switch self {
        case .lowerBound: return ratio >= Self.minimumRatio
        case .upperBound: return ratio <= 1 / Self.minimumRatio
        case .estimate: return ratio >= Self.minimumRatio || ratio <= 1 / Self.minimumRatio
        }
    }

    /// Factors for invented options that clear `allows`, in the order they are tried
    /// (shuffled by the caller): away from the key on the side the hedge leaves open.
    var inventedFactors: [Double] {
        switch self {
        // No ×2 or ÷2: a simple multiple points at the key as the base it was made from.
        case .lowerBound: return [1.5, 1.6, 1.75, 2.5]
        case .upperBound: return [0.25, 0.4, 0.6, 0.65]
        case .estimate: return [0.4, 0.6, 0.65, 1.6, 1.75, 2.5]
        }
    }
}
