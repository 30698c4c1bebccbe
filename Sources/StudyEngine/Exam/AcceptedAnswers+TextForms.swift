import StudyModel

/// Other names of an answer that the text gives outside the sentence asked about: a section
/// heading's subtitle, the genus of a definition, a person's name behind an office, and the
/// lower-case tail the text uses for a long name. Each rule needs the text's own signal;
/// none knows a subject.
extension AcceptedAnswers {
    /// "Action and Reaction" for "Newton's third law" under "## The Third Law: Action and
    /// Reaction": a heading "X: Y" whose X is the term (or the term without its possessor)
    /// gives Y as another name, when the section's body uses Y's words as one unit: joined by
    /// a hyphen or dash ("action–reaction pairs"), or written out where it names ("the law of
    /// action and reaction", "called …"), not as a topic ("the causes and effects of
    /// inflation", "exponential growth continues"). Y is two to four
    /// plain words that open on no function word and no "-ing" word ("Growing the Window").
    static func headingSubtitle(of term: String, heading: String, body: [String]) -> String? {
        guard let colon = heading.firstIndex(of: ":") else { return nil }
        let title = String(heading[..<colon]).trimmingWhitespace()
        let subtitle = String(heading[heading.index(after: colon)...]).trimmingWhitespace()
        let keys = [ExamLexicon.key(term)] + (withoutPossessor(term).map { [ExamLexicon.key($0)] } ?? [])
        guard keys.contains(ExamLexicon.key(title)) else { return nil }
        let words = subtitle.split(separator: " ").map(String.init)
        guard (2...4).contains(words.count), words.allSatisfy({ $0.allSatisfy { $0.isLetter || $0 == "-" } }),
              let first = words.first.map(Tokenizer.fold), !StopWords.english.contains(first), !first.hasSuffix("ing"),
              let last = words.last.map(Tokenizer.fold), !StopWords.english.contains(last),
              !words.contains(where: { ExamLexicon.labelWords.contains(Tokenizer.fold($0)) }) else { return nil }
        let content = words.map(Tokenizer.fold).filter { !StopWords.english.contains($0) }
        guard content.count >= 2 else { return nil }
        let phrase = words.map(Tokenizer.fold).joined(separator: " ")
        let joined = content.joined(separator: "-")
        for sentence in body {
            let folded = Tokenizer.fold(sentence).replacingOccurrences(of: "\u{2013}", with: "-").replacingOccurrences(of: "\u{2014}", with: "-")
            if WholeWord.contains(joined, in: folded) { return words.map(\.lowercasedUnlessName).joined(separator: " ") }
            // Written out, only in a frame that names: "the rule of give and take" (the term's
            // head before "of"), "called give and take", "known as give and take".
            if let range = WholeWord.range(of: phrase, in: folded), !folded[range.upperBound...].hasPrefix(" of ") {
                let before = folded[..<range.lowerBound].split(separator: " ").suffix(2).map(String.init)
                let head = term.split(separator: " ").last.map { ExamLexicon.singular(Tokenizer.fold(String($0))) }
                let names = before.last == "called" || before == ["known", "as"]
                    || before.count == 2 && before[1] == "of" && ExamLexicon.singular(before[0]) == head
                if names { return words.map(\.lowercasedUnlessName).joined(separator: " ") }
            }
        }
        return nil
    }

    /// "maximum price" (and "legal maximum price") for "price ceiling", where the text says
    /// "A price ceiling is a legal maximum price": the genus of the term's definition, when it
    /// is a short noun phrase whose head is one of the term's other words (a ceiling *on*
    /// price). A genus with the term's own head ("a chemical reaction" for "exothermic
    /// reaction") or with a head the term lacks ("a friction force" for "static friction")
    /// names a wider kind, no other name.
    static func definitionGenus(of term: String, sentences: [String]) -> [String] {
        let termWords = term.split(separator: " ").map { ExamLexicon.singular(Tokenizer.fold(String($0))) }
        guard termWords.count >= 2, let termHead = termWords.last else { return [] }
        let others = Set(termWords.dropLast()).subtracting(StopWords.english)
        let stops: Set<Character> = [",", ";", ".", ":", "(", ")", "!", "?"]
        for sentence in sentences.prefix(800) {
            let words = sentence.split(separator: " ").map(String.init)
            let folded = words.map { Tokenizer.fold($0) }
            // "A price ceiling is a …", "The price ceiling is the …", "Price ceilings are …".
            var at = 0
            if let first = folded.first, ["a", "an", "the"].contains(first) { at = 1 }
            let subject = folded.dropFirst(at).prefix(termWords.count).map(ExamLexicon.singular)
            guard subject == termWords, words.count >= at + termWords.count + 4 else { continue }
            var rest = Array(words[(at + termWords.count)...])
            guard ["is", "are"].contains(rest[0]), ["a", "an", "the"].contains(rest[1]) else { continue }
            rest.removeFirst(2)
            var phrase: [String] = []
            for word in rest {
                let bare = String(word.prefix { !stops.contains($0) })
                guard !bare.isEmpty, bare.allSatisfy({ $0.isLetter || $0 == "-" }), bare.first?.isLowercase == true,
                      !StopWords.english.contains(bare), !CommonVerbs.all.contains(bare) else { break }
                phrase.append(bare)
                if bare.count != word.count || phrase.count > 3 { break }
            }
            guard (2...3).contains(phrase.count), let head = phrase.last.map(ExamLexicon.singular), head != termHead,
                  others.contains(head) else { continue }
            // The genus's words must not all be the term's ("a price ceiling price").
            guard phrase.dropLast().contains(where: { !termWords.contains(ExamLexicon.singular($0)) }) else { continue }
            var out = [phrase.joined(separator: " ")]
            if phrase.count == 3 { out.append(phrase.suffix(2).joined(separator: " ")) }
            return out
        }
        return []
    }

    /// Words for an office or rank written before a name: "Education Secretary Nicky Morgan",
    /// "Chief Inspector Jane Hill". Generic English, no subject's vocabulary.
    static let officeWords: Set<String> = [
        "secretary", "minister", "chancellor", "director", "chairman", "chairwoman", "chair", "chief", "captain",
        "judge", "governor", "senator", "professor", "coach", "manager", "inspector", "sergeant", "constable",
        "commissioner", "ambassador", "mayor", "bishop", "archbishop", "prince", "princess", "duke", "duchess",
        "officer", "detective", "superintendent", "lieutenant", "colonel", "admiral", "commander", "spokesman",
        "spokeswoman", "spokesperson", "editor", "executive", "founder", "premier", "leader", "councillor",
        "councilor", "deputy", "assistant", "justice", "attorney", "speaker", "dean", "rabbi", "reverend", "father",
    ]

    /// Last words that make a name a place or a thing ("Prince William Street"). Generic English.
    static let placeHeads: Set<String> = [
        "street", "road", "avenue", "lane", "square", "park", "hospital", "school", "college", "university", "bridge",
        "station", "hall", "house", "palace", "island", "islands", "bay", "lake", "river", "church", "cathedral",
        "airport", "stadium", "centre", "center", "museum", "gardens", "prize", "award", "cup", "memorial", "trust",
        "fund", "foundation", "building", "tower", "court", "gate", "abbey", "academy", "institute", "library",
        "theatre", "theater", "hotel", "county", "city", "town", "land", "sound", "strait", "mountains", "hills",
    ]

    /// "Nicky Morgan" for "Education Secretary Nicky Morgan": the person's name after the last
    /// office or title word of a longer name, when two or three words written as a person's
    /// name are left that end in no word for a place or thing ("Prince William Street").
    static func nameAfterOffice(_ text: String) -> String? {
        let words = text.split(separator: " ").map(String.init)
        guard words.count >= 3 else { return nil }
        guard let office = words.dropLast(2).lastIndex(where: { word in
            let folded = Tokenizer.fold(word.trimmingAny(of: "."))
            return officeWords.contains(folded) || SpanExtractor.titles.contains(folded)
        }) else { return nil }
        let name = Array(words[(office + 1)...])
        guard (2...3).contains(name.count), PersonNameShape.fits(name.joined(separator: " ")),
              let last = name.last, !placeHeads.contains(Tokenizer.fold(last)),
              !name.contains(where: { officeWords.contains(Tokenizer.fold($0)) || SpanExtractor.titles.contains(Tokenizer.fold($0)) })
        else { return nil }
        return name.joined(separator: " ")
    }

    /// "world record" for "Guinness World Record": the last two or more words of a capitalised
    /// name of three or more, when the text writes them in lower case at least twice, once
    /// after "the" (the same thing, named short), and no other name of the text ends in them
    /// (then the short form would say which). A one-word tail ("Republic" for "Roman Republic")
    /// says too little.
    static func lowercaseTail(of name: String, sentences: [String], fullNames: Set<String>) -> String? {
        let words = name.split(separator: " ").map(String.init)
        guard words.count >= 3, words.allSatisfy({ $0.first?.isUppercase == true && $0.dropFirst().allSatisfy(\.isLowercase) }) else {
            return nil
        }
        for start in 1...(words.count - 2) {
            let tailWords = words[start...]
            guard let first = tailWords.first, !ExamLexicon.connectors.contains(Tokenizer.fold(first)),
                  !tailWords.contains(where: { ExamLexicon.connectors.contains(Tokenizer.fold($0)) }) else { continue }
            let tail = tailWords.joined(separator: " ")
            let lower = tail.lowercased()
            guard !fullNames.contains(where: { $0 != name && $0.hasSuffix(" " + tail) && !name.hasSuffix(" " + $0) }) else { continue }
            var uses = 0, definite = false
            for sentence in sentences.prefix(800) where sentence.contains(lower) {
                let words = sentence.split(separator: " ").map(String.init)
                let want = lower.split(separator: " ").map(String.init)
                guard words.count >= want.count else { continue }
                for i in 0...(words.count - want.count) {
                    let run = words[i..<(i + want.count)].map { $0.trimmingAny(of: ".,;:!?'\"‘’“”()") }
                    guard run == want else { continue }
                    uses += 1
                    if i > 0, Tokenizer.fold(words[i - 1]) == "the" { definite = true }
                }
            }
            if uses >= 2, definite { return lower }
        }
        return nil
    }
}

extension AcceptedAnswers {
    /// "tribunes" for "tribunes of the plebs": the head of a lower-case "X of the Y" name, when
    /// the text calls the same thing by its head alone at least twice (not followed by "of")
    /// and writes no other "X of …" that the head could also mean. Without "the" ("speed of
    /// light", "law of demand") the head is a wider word, no other name.
    static func ofPhraseHead(of term: String, sentences: [String]) -> String? {
        let words = term.split(separator: " ").map(String.init)
        guard words.count >= 4, words[1] == "of", words[2] == "the", term == term.lowercased(),
              let head = words.first, head.count >= 3, head.allSatisfy(\.isLetter) else { return nil }
        let singular = ExamLexicon.singular(head)
        var alone = 0
        for sentence in sentences.prefix(800) {
            let folded = sentence.split(separator: " ").map { Tokenizer.fold(String($0)).trimmingAny(of: ".,;:!?'\"‘’“”()") }
            for (i, word) in folded.enumerated() {
                let bare = ExamLexicon.withoutPossessive(word)
                guard ExamLexicon.singular(bare) == singular else { continue }
                if i + 1 < folded.count, folded[i + 1] == "of" {
                    // Another "X of …" the head could also mean: no short form.
                    let object = folded[(i + 2)...].prefix(words.count - 2).joined(separator: " ")
                    if object != words[2...].joined(separator: " ") { return nil }
                    continue
                }
                alone += 1
            }
        }
        return alone >= 2 ? head : nil
    }

    /// Heads that name a way of writing or working something out: "Big O notation",
    /// "Monte Carlo method". Generic English, no subject's vocabulary.
    static let methodHeads: Set<String> = ["notation", "method", "algorithm", "theorem", "theory", "equation", "formula",
                                           "principle", "model", "test"]

    /// "Big O" for "Big O notation", "Monte Carlo" for "Monte Carlo method": a name of two or
    /// more capitalised words before a word for a method is what the method is called short.
    /// One capitalised word ("Krebs" for "Krebs cycle", "Bohr" for "Bohr model") is a person
    /// or a place, not the method; nor is a name with a word that ends another name of the
    /// text ("Calvin Benson cycle" beside "Melvin Calvin": people).
    static func methodName(of term: String, people: Set<String>) -> String? {
        let words = term.split(separator: " ").map(String.init)
        guard words.count >= 3, let head = words.last, methodHeads.contains(head),
              words.dropLast().allSatisfy({ $0.first?.isUppercase == true && $0.allSatisfy { $0.isLetter || $0 == "-" } })
        else { return nil }
        let nameWords = words.dropLast()
        let name = nameWords.joined(separator: " ")
        // "Calvin" in "Calvin Benson cycle" where the text names "Melvin Calvin": people's names.
        let named = people.contains { other in
            other != name && !term.hasPrefix(other) && nameWords.contains { other.hasSuffix(" " + $0) || other == $0 }
        }
        return named ? nil : name
    }
}

extension String {
    /// The word in lower case, unless it is an abbreviation or a capitalised name inside
    /// (any capital after the first letter): "Action" → "action", "DNA" stays.
    fileprivate var lowercasedUnlessName: String {
        dropFirst().contains(where: \.isUppercase) ? self : lowercased()
    }
}

extension AcceptedAnswers {
    /// "shogunate" for "shogun" in "the _____ had given in": the body an office makes ("-ate",
    /// "-ship") when the text itself writes it as the actor ("the shogunate signed …") and the
    /// stem asks for the actor too ("the shogun had …"). Either names who acted; nil otherwise.
    static func actingBody(of answer: String, stem: String, sentences: [String]) -> String? {
        guard answer.count >= 4, answer.allSatisfy({ $0.isLetter && $0.isLowercase }) else { return nil }
        func actsIn(_ word: String, _ text: String) -> Bool {
            let tokens = text.split(separator: " ")
            return tokens.indices.dropLast().contains { i in
                i > 0 && Tokenizer.fold(String(tokens[i - 1])) == "the" && tokens[i] == Substring(word)
                    && OptionEvidence.isFiniteVerb(tokens[i + 1])
            }
        }
        guard actsIn(answer, stem) else { return nil }
        for suffix in ["ate", "ship"] {
            let body = answer + suffix
            if sentences.contains(where: { $0.contains(body) && actsIn(body, $0) }) { return body }
        }
        return nil
    }
}

extension AcceptedAnswers {
    /// The fill-in with the words the text writes within typo distance of its answer's words
    /// that are no form of them ("Clarke" beside "Clark", "reflection" beside "refraction"),
    /// so the grader takes none of them for a typo. A term's own endings ("denature" for
    /// "denatured") are forms of it; a name's are not ("Clarke" for "Clark").
    static func withNearMisses(_ question: Question, documentWords: Set<String>) -> Question {
        withNearMisses(question, candidates: nearMissCandidates(documentWords))
    }

    /// The text's words in the grader's canonical form, once per exam (letters only, three or
    /// more): what `withNearMisses` compares each fill-in's answer with.
    static func nearMissCandidates(_ documentWords: Set<String>) -> [String] {
        var seen = Set<String>()
        for word in documentWords where word.count >= 3 {
            guard let candidate = TypedAnswerMatcher.canonicalWords(TypedAnswerMatcher.normalise(word)).first,
                  candidate.count >= 3, candidate.allSatisfy(\.isLetter) else { continue }
            seen.insert(candidate)
        }
        return seen.sorted()
    }

    static func withNearMisses(_ question: Question, candidates: [String]) -> Question {
        guard question.kind == .fillInBlank, let kind = question.answerKind,
              ["term", "person", "name", "identifier"].contains(kind) else { return question }
        let isName = kind == "person" || kind == "name"
        let own = Set(question.acceptedAnswers.flatMap { TypedAnswerMatcher.canonicalWords(TypedAnswerMatcher.normalise($0)) })
        let targets = own.filter { $0.count >= 4 && $0.allSatisfy(\.isLetter) }
        guard !targets.isEmpty else { return question }
        var misses: Set<String> = []
        for candidate in candidates where !own.contains(candidate) {
            for target in targets {
                let allowed = max(1, TypedAnswerMatcher.allowedEdits(for: target))
                // Lengths further apart than the edits allowed cannot be within them.
                guard abs(candidate.count - target.count) <= allowed else { continue }
                if !isName, candidate.hasPrefix(target) || target.hasPrefix(candidate) { continue }
                if DamerauLevenshtein.distance(candidate, target, limit: allowed) <= allowed { misses.insert(candidate) }
            }
        }
        var out = question
        if !misses.isEmpty { out.nearMisses = misses.sorted() }
        return out
    }
}

extension AcceptedAnswers {
    /// Whether a word is a title or an office written before a name ("Mr", "President", "Mayor").
    static func isTitleOrOffice(_ word: String) -> Bool {
        let folded = Tokenizer.fold(word.trimmingAny(of: "."))
        return SpanExtractor.titles.contains(folded) || officeWords.contains(folded)
    }

    /// The forms of a person's name the text itself writes, from the forms found so far:
    /// "Barack Obama" for "President Barack Obama" (the name without the office in front);
    /// the surname when no other person of the text has it and the text writes it alone, the
    /// key is the first name alone, or the text marks the name as a person's (`isPerson`, or an
    /// office before it: "Orban" for "Prime Minister Viktor Orban"; never "River" for
    /// "Mississippi River"); "London Mayor Boris Johnson", "London Mayor Johnson" and "LM
    /// Boris Johnson": a capitalised office the text puts directly before the full name, with
    /// the full name, the surname or its initials. The office alone is never an answer:
    /// "Prime Minister" names no one (issue 8, judge round 19, A).
    static func personForms(of key: String, forms: [String], fullNames: Set<String>, loneNames: Set<String>,
                            sentences: [String], isPerson: Bool = false) -> [String] {
        var out: [String] = []
        for form in forms where form.split(separator: " ").count >= 3 {
            if let person = nameAfterOffice(form), !out.contains(person) { out.append(person) }
        }
        let keyWords = key.split(separator: " ").map(String.init)
        guard let keyLast = keyWords.last else { return out }
        // The full name: two or three words written as a person's name, holding the key's last
        // word as its last (the key is the surname) or the key as its first (a first name).
        let candidates = (forms + out).filter { form in
            let words = form.split(separator: " ").map(String.init)
            guard (2...3).contains(words.count), !words.contains(where: isTitleOrOffice), PersonNameShape.fitsWithInitials(form) else { return false }
            return words.last == keyLast || keyWords.count == 1 && words.first == keyWords[0]
        }
        guard let full = candidates.max(by: { $0.count < $1.count }) else { return out }
        let fullWords = full.split(separator: " ").map(String.init)
        // Names with only titles before the surname ("Mr Cameron") are the same person.
        let people = fullNames.filter { name in
            let words = name.split(separator: " ").map(String.init)
            return !words.dropLast().allSatisfy(isTitleOrOffice)
        }
        // The text uses the surname alone, bare ("Cameron's plan") or after a title ("Mr Cameron").
        func usedAlone(_ surname: String) -> Bool {
            loneNames.contains(surname) || fullNames.contains { name in
                let words = name.split(separator: " ").map(String.init)
                return words.last == surname && words.count >= 2 && words.dropLast().allSatisfy(isTitleOrOffice)
            } || sentences.contains { WholeWord.contains(surname + "'s", in: $0) && !$0.contains(fullWords.dropLast().joined(separator: " ") + " " + surname + "'s") }
                || sentences.contains { surnameStandsAlone(surname, in: $0) }
        }
        let roles = capitalisedRoles(before: full, sentences: sentences)
        var surname: String? = nil
        if let last = onlyPersonWithSurname(full, among: people), last != key,
           isPerson || !roles.isEmpty || usedAlone(last) || keyWords.count == 1 && keyWords[0] == fullWords.first {
            surname = last
            out.append(last)
        }
        for role in roles {
            out.append(role + " " + full)
            // "Prime Minister Orban", and the office's initials: "PM Viktor Orban".
            if let surname { out.append(role + " " + surname) }
            let roleWords = role.split(separator: " ")
            if roleWords.count >= 2, roleWords.allSatisfy({ $0.first?.isUppercase == true }) {
                out.append(roleWords.compactMap(\.first).map(String.init).joined() + " " + full)
            }
        }
        return out
    }

    /// "London Mayor", "Prime Minister": one or two capitalised words ending in an office word
    /// ("Mayor", "Minister") written directly before `name` in the text.
    static func capitalisedRoles(before name: String, sentences: [String]) -> [String] {
        var roles: [String] = []
        for sentence in sentences where sentence.contains(" " + name) {
            var search = sentence[...]
            while let range = search.range(of: " " + name) {
                let before = sentence[..<range.lowerBound].split(separator: " ").suffix(2).map(String.init)
                search = sentence[range.upperBound...]
                guard let office = before.last, officeWords.contains(Tokenizer.fold(office)),
                      office.first?.isUppercase == true, office.allSatisfy(\.isLetter) else { continue }
                var role = office
                if before.count == 2, let first = before.first, first.first?.isUppercase == true, first.allSatisfy(\.isLetter),
                   !StopWords.english.contains(Tokenizer.fold(first)) {
                    role = first + " " + office
                }
                if !roles.contains(role) { roles.append(role) }
            }
        }
        return roles
    }

    /// "Great Depression" for "Depression": the one longer capitalised name the text writes
    /// that ends in a capitalised one-word answer ("The Great Depression was …", "cause the
    /// Depression"). Two such names ("French Revolution", "Industrial Revolution") leave it
    /// open which one is meant, so none is given. A short abbreviation right before the answer
    /// is part of the name too ("HMP Altcourse" for "Altcourse").
    static func longerCapitalisedName(of answer: String, sentences: [String]) -> String? {
        guard !answer.contains(" "), answer.count >= 4, answer.first?.isUppercase == true,
              answer.dropFirst().allSatisfy(\.isLowercase) else { return nil }
        var found: Set<String> = []
        for sentence in sentences where sentence.contains(answer) {
            let words = sentence.split(separator: " ").map(String.init)
            for (i, word) in words.enumerated() where i > 0 && word.trimmingAny(of: ".,;:!?'’\")") == answer {
                var run: [String] = []
                var j = i - 1
                while j >= 0, run.count < 2 {
                    let w = words[j]
                    // "HMP Altcourse": a short abbreviation in front is part of the name too.
                    let capitalised = w.first?.isUppercase == true && w.allSatisfy(\.isLetter) && w.dropFirst().allSatisfy(\.isLowercase)
                    guard capitalised || run.isEmpty && isNamePrefixAbbreviation(w), !StopWords.english.contains(Tokenizer.fold(w)),
                          !isTitleOrOffice(w) else { break }
                    run.insert(w, at: 0)
                    j -= 1
                }
                if !run.isEmpty { found.insert((run + [answer]).joined(separator: " ")) }
                // "in Wales": the answer is a place in its own right, and "Natural Resources
                // Wales" a body named after it, not a longer form of the same name.
                if run.isEmpty, ExamMaterial.placePrepositions.contains(words[i - 1]) { return nil }
            }
        }
        return found.count == 1 ? found.first : nil
    }
}

extension AcceptedAnswers {
    /// "porn star" for "18-year-old porn star", "driver" for "a 45-year-old driver": the words
    /// after a leading "N-year-old" (or "N-month-old" …), when two or more letters' worth of
    /// noun phrase is left; nil for any other answer.
    static func withoutLeadingAge(_ answer: String) -> String? {
        let words = answer.split(separator: " ").map(String.init)
        guard words.count >= 2, let first = words.first else { return nil }
        let parts = first.lowercased().split(separator: "-")
        guard parts.count == 3, parts[2] == "old", ["year", "month", "week", "day"].contains(parts[1]),
              parts[0].allSatisfy(\.isNumber) || numberWords.contains(String(parts[0])) else { return nil }
        let rest = words.dropFirst().joined(separator: " ")
        return rest.filter(\.isLetter).count >= 3 ? rest : nil
    }
}

extension AcceptedAnswers {
    /// "commute" for "morning commute": the head of a two-word lower-case term, where the text
    /// itself writes the head alone after an article ("The commute in Vietnam …") and names no
    /// other kind of it ("aerobic respiration" beside "cellular respiration" keeps
    /// "respiration" open, so it is not given). nil for any other term.
    static func headAlone(of term: String, sentences: [String], termsByHead: [String: Set<String>]) -> String? {
        let words = term.split(separator: " ").map(String.init)
        guard words.count == 2, words.allSatisfy({ $0.allSatisfy { $0.isLowercase || $0 == "-" } }),
              let head = words.last, head.count >= 4, !StopWords.english.contains(head) else { return nil }
        let kinds = (termsByHead[head] ?? []).union(termsByHead[ExamLexicon.singular(head)] ?? [])
        guard kinds.count <= 1 else { return nil }
        let modifier = words[0]
        for sentence in sentences where sentence.contains(head) {
            let lower = sentence.lowercased().split(separator: " ").map { $0.filter { $0.isLetter || $0 == "-" } }
            for i in lower.indices.dropFirst() where lower[i] == head && ["the", "a", "an"].contains(lower[i - 1]) {
                if i + 1 < lower.count, lower[i + 1] == modifier { continue }
                return head
            }
        }
        return nil
    }
}

extension AcceptedAnswers {
    /// Whether the sentence writes `surname` as a person's whole name: after a title ("Ms
    /// Henifin told agents"), or after no capitalised word at all ("hand over McCoy’s trophy",
    /// "to McCoy."). A surname with an inner capital ("McCoy") or one only ever written after
    /// a title is still the name the text calls the person by, so a fill-in accepts it.
    static func surnameStandsAlone(_ surname: String, in sentence: String) -> Bool {
        guard sentence.contains(surname) else { return false }
        let words = sentence.split(separator: " ")
        for (j, word) in words.enumerated() {
            var core = String(word).trimmingAny(of: ".,;:!?\"“”()‘’'")
            if core.hasSuffix("’s") || core.hasSuffix("'s") { core = String(core.dropLast(2)) }
            guard core == surname else { continue }
            // The word after must not carry the name on ("McCoy Stakes").
            if j + 1 < words.count, !word.contains(where: { ",.;:!?".contains($0) }), words[j + 1].first?.isUppercase == true { continue }
            guard j > 0 else { continue }
            let previous = words[j - 1]
            if isTitleOrOffice(String(previous)) { return true }
            if previous.first?.isLowercase == true || previous.last.map({ ",;:".contains($0) }) == true { return true }
        }
        return false
    }
}
