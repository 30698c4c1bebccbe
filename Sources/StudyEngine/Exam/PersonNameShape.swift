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
                let allowed = before == "Mc" || before == "Mac" || letters[index - 1] == "'" || letters[index - 1] == "’" || letters[index - 1] == "-"
                if !allowed { return false }
            }
            return letters.count == 1 || letters.dropFirst().contains(where: \.isLowercase)
        }
    }

    /// Whether the name is a person's written with initials in front: "AP McCoy", "JK Rowling",
    /// "J.K. Rowling". One or two initials (two capitals at most, dots allowed), then words
    /// that `fits`. Only for reading the forms of a name the text already treats as a person's
    /// (a fill-in's accepted surname): "BBC News" has three capitals and stays a body.
    static func fitsWithInitials(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard words.count >= 2 else { return fits(text) }
        var rest = words[...]
        while let first = rest.first, rest.count > 1 {
            let letters = first.filter { $0 != "." }
            guard (1...2).contains(letters.count), letters.allSatisfy(\.isUppercase) else { break }
            rest = rest.dropFirst()
        }
        return fits(rest.joined(separator: " "))
    }
}

