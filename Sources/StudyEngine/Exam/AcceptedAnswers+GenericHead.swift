extension AcceptedAnswers {
    /// A name without its last word when that word is the common noun the stem itself uses:
    /// "The _____ (1825) was the first public railway" asks for "Stockton and Darlington
    /// Railway", and a student who reads "railway" in the stem writes "Stockton and
    /// Darlington". What is left must still be a name of two capitalised words or more
    /// ("East India" for "East India Company … the company"), never one word ("Royal" of
    /// "Royal Society"), which could name anything.
    static func withoutGenericHead(_ name: String, stem: String) -> String? {
        let words = name.split(separator: " ").map(String.init)
        guard words.count >= 3, let last = words.last, last.first?.isUppercase == true,
              last.dropFirst().allSatisfy(\.isLowercase), last.count >= 4 else { return nil }
        let rest = Array(words.dropLast())
        guard rest.filter({ $0.first?.isUppercase == true }).count >= 2,
              let end = rest.last, end.first?.isUppercase == true else { return nil }
        // The head noun in lower case, as a word of the stem: the stem names the kind.
        let head = last.lowercased()
        let stemWords = stem.split(separator: " ").map { String($0).trimmingAny(of: ".,;:!?()\"“”'‘’") }
        guard stemWords.contains(head) || stemWords.contains(head + "s") else { return nil }
        return rest.joined(separator: " ")
    }
}
