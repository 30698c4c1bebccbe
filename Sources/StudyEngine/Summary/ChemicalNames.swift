/// Chemical names and the formulas a text writes for them ("oxygen" ↔ "O2", "carbon
/// dioxide" ↔ "CO2"): a symbol is another name of the substance, the way an abbreviation is.
/// Built from the elements' symbols and the naming rules for binary compounds, not from any
/// text's words.
enum ChemicalNames {
    /// Common elements: name → symbol.
    static let symbols: [String: String] = [
        "hydrogen": "H", "helium": "He", "lithium": "Li", "beryllium": "Be", "boron": "B", "carbon": "C",
        "nitrogen": "N", "oxygen": "O", "fluorine": "F", "neon": "Ne", "sodium": "Na", "magnesium": "Mg",
        "aluminium": "Al", "aluminum": "Al", "silicon": "Si", "phosphorus": "P", "sulfur": "S", "sulphur": "S",
        "chlorine": "Cl", "argon": "Ar", "potassium": "K", "calcium": "Ca", "iron": "Fe", "copper": "Cu",
        "zinc": "Zn", "bromine": "Br", "silver": "Ag", "iodine": "I", "gold": "Au", "mercury": "Hg", "lead": "Pb",
        "uranium": "U", "nickel": "Ni", "tin": "Sn", "manganese": "Mn", "chromium": "Cr", "cobalt": "Co",
    ]

    /// Elements whose free form is a two-atom molecule ("O2").
    static let diatomic: Set<String> = ["H", "N", "O", "F", "Cl", "Br", "I"]

    /// The second element of a binary compound, by its "-ide" name.
    static let anions: [String: String] = [
        "oxide": "O", "dioxide": "O", "trioxide": "O", "monoxide": "O", "tetroxide": "O", "pentoxide": "O",
        "chloride": "Cl", "fluoride": "F", "bromide": "Br", "iodide": "I", "sulfide": "S", "sulphide": "S",
        "nitride": "N", "hydride": "H", "carbide": "C",
    ]

    static let prefixes: [(String, Int)] = [("mono", 1), ("di", 2), ("tri", 3), ("tetra", 4), ("tetr", 4),
                                             ("penta", 5), ("pent", 5), ("hexa", 6)]

    /// Formulas that may stand for a name: "oxygen" → ["O2", "O"], "carbon dioxide" → ["CO2"].
    static func formulas(of name: String) -> [String] {
        let words = name.lowercased().split(separator: " ").map(String.init)
        if words.count == 1, let symbol = symbols[words[0]] {
            return diatomic.contains(symbol) ? [symbol + "2", symbol] : [symbol]
        }
        guard words.count == 2 else { return [] }
        // "carbon dioxide", "dinitrogen tetroxide", "sulfur trioxide".
        let (firstCount, firstName) = counted(words[0])
        let (secondCount, secondName) = counted(words[1])
        guard let first = symbols[firstName], let second = anions[secondName] else { return [] }
        return [first + (firstCount > 1 ? String(firstCount) : "") + second + (secondCount > 1 ? String(secondCount) : "")]
    }

    /// A counting prefix and what follows it ("dioxide" → (2, "oxide")); (1, word) without one.
    static func counted(_ word: String) -> (Int, String) {
        for (prefix, n) in prefixes where word.hasPrefix(prefix) && word.count > prefix.count + 2 {
            let rest = String(word.dropFirst(prefix.count))
            if symbols[rest] != nil || anions[rest] != nil { return (n, rest) }
            // "monoxide", "tetroxide": the prefix's last vowel merges with "oxide".
            if anions["o" + rest] != nil { return (n, "o" + rest) }
        }
        return (1, word)
    }
}
