/// How a person's name is written, for telling people from companies and abbreviations among
/// the names a text uses (options and true/false swaps of a person keep to people).
enum PersonNameShape {
    /// Whether every word is written as a person's name is: a capital, then lower case, with
    /// "Mc"/"Mac", apostrophes and hyphens allowed ("McDaniel", "O'Neill", "Smith-Jones").
    /// "TurnON Britain" or "BBC" is a company or an abbreviation, no person to swap in.
    static func fits(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard !words.isEmpty else { return false }
        return words.allSatisfy { word in
            let letters = Array(word)
            guard let first = letters.first, first.isUppercase else { return false }
            for index in letters.indices.dropFirst() where letters[index].isUppercase {
                let before = String(letters[..<index])
                let allowed = before == "Mc" || before == "Mac" || letters[index - 1] == "'" || letters[index - 1] == "-"
                if !allowed { return false }
            }
            return letters.count == 1 || letters.dropFirst().contains(where: \.isLowercase)
        }
    }
}
