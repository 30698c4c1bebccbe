/// Two dates where one is the other with a part left off ("September 1792" and "21
/// September 1792") are one fact: notes often restate a date in a summary list, and an exam
/// that asks it twice wastes a question (issue 8). A date whose words (two or more: a month
/// and a year, a day and a month) all stand in a date already asked, in order, is not asked
/// again. A bare year ("1792") is not matched: many events share one.
enum SameDate {
    /// Whether `key` (an answer key of a date) and one of `used` (answer keys asked) name one date.
    static func isAsked(_ key: String, used: Set<String>) -> Bool {
        let words = key.split(separator: " ")
        guard words.contains(where: { $0.first?.isLetter == true }), words.contains(where: { $0.first?.isNumber == true }) else { return false }
        return used.contains { other in
            let others = other.split(separator: " ")
            guard others.count != words.count else { return false }
            let (short, long) = words.count < others.count ? (words, others) : (others, words)
            guard short.count >= 2, short.contains(where: { $0.first?.isLetter == true }) else { return false }
            return (0...(long.count - short.count)).contains { Array(long[$0..<($0 + short.count)]) == short }
        }
    }
}
