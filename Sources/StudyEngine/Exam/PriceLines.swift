import Foundation

/// Product lines of a review or a shopping round-up ("… Wilko Moisturising Sun Lotion SPF 50
/// £2 for 50ml, from Wilko stores"): a name in capitals, a price and what it buys. Such lines
/// are captions, not sentences, but what they state is a fact a reader is asked about, so
/// each becomes a plain statement ("Wilko Moisturising Sun Lotion SPF 50 costs £2 for
/// 50ml.") with the price as its answer.
enum PriceLines {
    /// A statement written from the line, and the price in it, or nil.
    static func statement(_ text: String) -> (text: String, price: String)? {
        let words = text.split(separator: " ").map(String.init)
        guard let at = words.firstIndex(where: isPrice), at >= 1 else { return nil }
        // The name: capitalised words (and their numbers: "SPF 50", "50+") right before the price.
        var start = at
        while start > 0 {
            let word = words[start - 1]
            let core = word.trimmingCharacters(in: CharacterSet(charactersIn: ","))
            guard let first = core.first, first.isUppercase || first.isNumber && !core.contains("/") else { break }
            // "8/10" is the score of the product before; a sentence's last word ends it.
            if word.hasSuffix(".") || word.hasSuffix(":") { break }
            start -= 1
        }
        // A capitalised sentence opener or a caption's last abbreviation is no part of the name.
        while start < at, let first = words[start].first, !first.isUppercase || StopWords.english.contains(Tokenizer.fold(words[start])) {
            start += 1
        }
        // "UVB Goldfaden MD Sun Visor …": an abbreviation left from the caption before the name.
        while at - start > 2, words[start].count >= 3, words[start].allSatisfy(\.isUppercase),
              words[start + 1].dropFirst().contains(where: \.isLowercase) {
            start += 1
        }
        let name = words[start..<at].joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: ","))
        let nameWords = name.split(separator: " ")
        guard nameWords.count >= 2, nameWords.count <= 10, nameWords.filter({ $0.first?.isUppercase == true }).count >= 2 else { return nil }
        let price = words[at].trimmingCharacters(in: CharacterSet(charactersIn: ",.;"))
        // What the price buys: "for 50ml", "for five 60ml shots and 100ml lotion".
        var what = ""
        if at + 1 < words.count, words[at + 1] == "for" {
            var parts: [String] = []
            for word in words[(at + 2)...] {
                parts.append(word.trimmingCharacters(in: CharacterSet(charactersIn: ",;")))
                if word.hasSuffix(",") || word.hasSuffix(";") || parts.count >= 6 { break }
            }
            guard !parts.isEmpty, parts.contains(where: { $0.contains(where: \.isNumber) }) else { return nil }
            what = " for " + parts.joined(separator: " ")
        }
        return (name + " costs " + price + what + ".", price)
    }

    /// "£2", "$14.95", "€31": a currency sign and a number.
    static func isPrice(_ word: String) -> Bool {
        let core = word.trimmingCharacters(in: CharacterSet(charactersIn: ",.;"))
        guard let first = core.first, "£$€".contains(first), core.count >= 2 else { return false }
        return core.dropFirst().allSatisfy { $0.isNumber || $0 == "." || $0 == "," } && core.dropFirst().first?.isNumber == true
    }
}
