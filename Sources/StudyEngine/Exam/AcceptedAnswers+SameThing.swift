import StudyModel

/// Other names of an answer that say the same thing in other words: a country's or a
/// body's well-known abbreviation, a name with or without its abbreviated prefix ("HMP
/// Altcourse" / "Altcourse"), the office an actor holds ("consulship" where the stem asks
/// for the office), what a named step does ("water splitting" for "photolysis" after "PSII
/// splits water molecules. This step is called photolysis"), and a quantity's appositive
/// ("one third" in "About 3,000 J, one third of the energy, is lost"). Each needs the text's
/// own signal, except the short table of well-known names, which is general English.
extension AcceptedAnswers {
    /// Groups of names for the same country or body, general English knowledge only (no
    /// subject's vocabulary). "America" is left out on purpose: it also names two continents.
    /// Abbreviations are matched with their case and without dots ("U.K." is "UK").
    static let wellKnownNameGroups: [[String]] = [
        ["UK", "United Kingdom", "Britain", "Great Britain"],
        ["US", "USA", "United States", "United States of America"],
        ["UN", "United Nations"],
        ["EU", "European Union"],
        ["USSR", "Soviet Union"],
        ["NATO", "North Atlantic Treaty Organization", "North Atlantic Treaty Organisation"],
    ]

    /// The other well-known names of a country or body (`wellKnownNameGroups`): "United
    /// Kingdom", "Britain" and "Great Britain" for "UK", "UK" for "Britain"; empty for any
    /// other answer.
    static func wellKnownNames(of answer: String) -> [String] {
        let plain = answer.filter { $0 != "." }.trimmingWhitespace()
        let bare = plain.hasPrefix("the ") || plain.hasPrefix("The ") ? String(plain.dropFirst(4)) : plain
        for group in wellKnownNameGroups {
            let hit = group.contains { name in
                // An abbreviation keeps its case ("us" is a pronoun); a name is compared folded.
                ExamLexicon.isAbbreviation(name) ? name == bare : Tokenizer.fold(name) == Tokenizer.fold(bare)
            }
            if hit { return group.filter { Tokenizer.fold($0) != Tokenizer.fold(bare) } }
        }
        return []
    }

    /// Whether a word is a short abbreviation written before a name ("HMP", "HMS", "RAF"):
    /// two to four capital letters.
    static func isNamePrefixAbbreviation(_ word: String) -> Bool {
        (2...4).contains(word.count) && word.allSatisfy { $0.isUppercase && $0.isLetter }
    }

    /// "Altcourse" for "HMP Altcourse": a name of an abbreviated prefix ("HMP", "HMS") and one
    /// capitalised word, when the text also writes that word alone (no capitalised word before
    /// it) and no other name of the text ends in it. The word is no office, title or word for
    /// a kind of place ("Street", "University"), which says too little alone.
    static func withoutNamePrefix(_ name: String, sentences: [String], fullNames: Set<String>) -> String? {
        let words = name.split(separator: " ").map(String.init)
        guard words.count == 2, isNamePrefixAbbreviation(words[0]), let last = words.last, last.count >= 4,
              last.first?.isUppercase == true, last.dropFirst().allSatisfy(\.isLowercase),
              !isTitleOrOffice(last), !placeHeads.contains(Tokenizer.fold(last)) else { return nil }
        guard !fullNames.contains(where: { $0 != name && $0.hasSuffix(" " + last) }) else { return nil }
        for sentence in sentences where sentence.contains(last) {
            let tokens = sentence.split(separator: " ").map(String.init)
            for (i, token) in tokens.enumerated() where token.trimmingAny(of: ".,;:!?'’\")") == last {
                let before = i > 0 ? tokens[i - 1] : ""
                // Alone: first in the sentence, or after a lowercase or function word.
                if before.isEmpty || before.first?.isUppercase != true || StopWords.english.contains(Tokenizer.fold(before)) {
                    return last
                }
            }
        }
        return nil
    }

    /// Words in a stem that describe the blank as an office or post.
    static let officeNouns: Set<String> = ["office", "offices", "post", "posts", "position", "positions", "rank", "ranks"]

    /// "consulship" for "Consul" in "_____ is the highest regular office": the "-ship" noun of
    /// the answer, when the text itself writes it and the stem describes the blank as an
    /// office or post (then the office's own name answers it as well). Nil otherwise.
    static func officeName(of answer: String, stem: String, documentWords: Set<String>) -> String? {
        guard answer.count >= 4, answer.allSatisfy(\.isLetter), !answer.contains(" ") else { return nil }
        let stemWords = Set(Tokenizer.foldedWords(stem))
        guard !stemWords.isDisjoint(with: officeNouns) else { return nil }
        let office = Tokenizer.fold(ExamLexicon.singular(answer)) + "ship"
        return documentWords.contains(office) ? office : nil
    }

    /// Nouns a text uses to name a step of what it describes ("This step is called …").
    static let namedStepNouns: Set<String> = ["step", "process", "reaction", "stage", "phase", "mechanism"]

    /// Words for the countable units of a material ("water molecules"): the material alone
    /// names what is acted on ("water splitting").
    static let unitNouns: Set<String> = ["molecule", "molecules", "atom", "atoms", "ion", "ions", "particle", "particles"]

    /// "water splitting", "splitting water", "splitting of water" for "photolysis" where the
    /// text says "PSII splits water molecules. This step is called photolysis": what the step
    /// does, read from the verb and object of the clause just before the naming sentence
    /// ("This step/process/reaction is called X" or "is known as X"). Only this explicit
    /// naming pattern, and only a short clause "Subject verbs object." with a plain object.
    static func namedStepForms(of answer: String, sentences: [String]) -> [String] {
        let key = Tokenizer.fold(answer)
        guard !key.isEmpty, key.split(separator: " ").count <= 3 else { return [] }
        for (index, sentence) in sentences.enumerated() where index > 0 {
            // A cheap look first: most sentences name nothing.
            guard sentence.contains(" called ") || sentence.contains(" known as ") else { continue }
            let folded = Tokenizer.fold(sentence.filter { $0 != "*" })
            guard folded.contains(key) else { continue }
            let words = folded.split(separator: " ").map { String($0).trimmingAny(of: ".,;:!?'\"‘’“”()") }
            // "this step is called X" / "this process is known as X".
            guard words.count >= 5, ["this", "that"].contains(words[0]), namedStepNouns.contains(words[1]), words[2] == "is" else { continue }
            let named: String
            if words[3] == "called" { named = words.dropFirst(4).joined(separator: " ") }
            else if words[3] == "known", words[4] == "as" { named = words.dropFirst(5).joined(separator: " ") }
            else { continue }
            guard named == key || named.hasPrefix(key + " ") else { continue }
            return actionForms(of: sentences[index - 1])
        }
        return []
    }

    /// "splitting water molecules", "water molecule splitting", … for the clause "PSII splits
    /// water molecules." (the last clause of the sentence): the verb's "-ing" form with its
    /// object, and with the object's unit word dropped ("splitting water"). Empty when the
    /// clause is no short "Subject verbs object".
    static func actionForms(of sentence: String) -> [String] {
        let text = sentence.filter { $0 != "*" }.trimmingWhitespace()
        guard text.hasSuffix(".") else { return [] }
        let clause = text.dropLast().split(whereSeparator: { $0 == "," || $0 == ";" || $0 == ":" }).last.map(String.init) ?? ""
        let words = clause.split(separator: " ").map(String.init)
        // The verb: the first lowercase word ending in "-s" after a subject of one to three words.
        guard let verbAt = words.indices.first(where: { i in
            i >= 1 && i <= 3 && words[i].allSatisfy({ $0.isLowercase && $0.isLetter }) && words[i].hasSuffix("s")
                && !words[i].hasSuffix("ss") && !words[i].hasSuffix("us") && !words[i].hasSuffix("is")
                && !StopWords.english.contains(words[i])
        }) else { return [] }
        let object = Array(words[(verbAt + 1)...])
        guard (1...3).contains(object.count),
              object.allSatisfy({ $0.count >= 3 && $0.allSatisfy { $0.isLowercase && $0.isLetter } && !StopWords.english.contains($0) }),
              let ing = gerund(ofThirdPerson: words[verbAt]) else { return [] }
        var objects = [object.joined(separator: " ")]
        if object.count >= 2, let unit = object.last, unitNouns.contains(unit) {
            objects.append(object.dropLast().joined(separator: " "))
        }
        var out: [String] = []
        for object in objects {
            out.append(object + " " + ing)
            out.append(ing + " " + object)
            out.append(ing + " of " + object)
        }
        return out
    }

    /// "splitting" for "splits", "releasing" for "releases", "fixing" for "fixes", "carrying"
    /// for "carries"; nil for a word that is no third-person verb form.
    static func gerund(ofThirdPerson verb: String) -> String? {
        guard verb.count >= 4, verb.hasSuffix("s") else { return nil }
        var base: String
        if verb.hasSuffix("ies") { base = String(verb.dropLast(3)) + "y" }
        else if ["shes", "ches", "xes", "sses", "zes"].contains(where: { verb.hasSuffix($0) }) { base = String(verb.dropLast(2)) }
        else { base = String(verb.dropLast()) }
        guard base.count >= 3 else { return nil }
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        if base.hasSuffix("e"), !base.hasSuffix("ee") { return String(base.dropLast()) + "ing" }
        // One syllable ending consonant–vowel–consonant doubles its last letter ("split").
        let chars = Array(base)
        let groups = chars.indices.filter { vowels.contains(chars[$0]) && ($0 == 0 || !vowels.contains(chars[$0 - 1])) }.count
        if groups == 1, chars.count >= 3, let last = chars.last, !vowels.contains(last), !"wxy".contains(last),
           vowels.contains(chars[chars.count - 2]), !vowels.contains(chars[chars.count - 3]) {
            base.append(last)
        }
        return base + "ing"
    }

    /// Fraction words an appositive may give for a quantity.
    static let fractionWords: Set<String> = ["half", "third", "thirds", "quarter", "quarters", "fifth", "fifths",
                                             "tenth", "tenths"]

    /// "one third" for "33,000 J" in "About 33,000 J, one third of the original energy, is
    /// lost": a fraction or percentage written right after the number, set off by a comma or
    /// a bracket, as the same quantity. Only "one/a/two … third/quarter …", "half", "N%" or
    /// "N per cent"/"N percent" followed by "of"; nil otherwise.
    static func quantityAppositive(of number: String, sentences: [String]) -> [String] {
        for sentence in sentences {
            for opener in [", ", " ("] {
                guard let range = sentence.range(of: number + opener) else { continue }
                let after = sentence[range.upperBound...].split(separator: " ").prefix(4).map(String.init)
                guard after.count >= 2 else { continue }
                let first = after[0].lowercased()
                var phrase: [String] = []
                if first == "half" {
                    phrase = ["half"]
                } else if ["one", "a", "two", "three", "four"].contains(first),
                          let second = after.dropFirst().first, fractionWords.contains(second.lowercased().trimmingAny(of: "-")) {
                    phrase = [after[0], second]
                } else if first.contains("-"), first.split(separator: "-").count == 2,
                          let part = first.split(separator: "-").last, fractionWords.contains(String(part)) {
                    phrase = [after[0]]
                } else if first.hasSuffix("%"), NumberForm(first) != nil {
                    phrase = [after[0]]
                } else if NumberForm(first) != nil, after.count >= 3, ["percent", "per"].contains(after[1].lowercased()) {
                    phrase = after[1].lowercased() == "per" ? [after[0], "per", "cent"] : [after[0], "percent"]
                }
                guard !phrase.isEmpty, after.count > phrase.count, after[phrase.count].lowercased() == "of" else { continue }
                return [phrase.joined(separator: " ")]
            }
        }
        return []
    }
}
