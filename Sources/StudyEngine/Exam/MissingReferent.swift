/// Sentences whose meaning hangs on an earlier one, anywhere in the sentence (not only at
/// its start): a person pronoun with no name before it ("Pat visits her", "…,' she said"),
/// "such data", "the six were arrested", "the pair", "both" standing for people, "this CV"
/// before anything was introduced, "the latter", an opening "also" or a closing "too".
/// Such a sentence may still serve a summary; as a question stem it asks about something
/// the student cannot see.
enum MissingReferent {
    /// Pronouns that stand for a person.
    static let personPronouns: Set<String> = ["he", "she", "him", "her", "his", "hers", "himself", "herself"]
    /// Pronouns that stand for a thing or a group.
    static let otherPronouns: Set<String> = ["it", "its", "they", "them", "their", "theirs", "themselves"]
    /// Nouns that only count people already named ("the pair got glammed up").
    static let countNouns: Set<String> = ["pair", "duo", "trio", "couple", "quartet", "both"]
    static let demonstratives: Set<String> = ["this", "these", "those"]
    /// Times that "this" counts from the day a news text was written ("this season").
    static let writingTimes: Set<String> = ["season", "year", "week", "month", "summer", "winter", "spring", "autumn",
                                            "weekend", "morning", "afternoon", "evening"]
    /// Roles news writes after a nationality for someone already named ("the Bosnian defender").
    static let roleNouns: Set<String> = ["defender", "midfielder", "striker", "forward", "goalkeeper", "player", "actor",
                                         "actress", "singer", "star", "politician", "minister", "leader", "president",
                                         "driver", "rider", "champion", "writer", "author", "director", "boxer", "man",
                                         "woman", "teenager", "mother", "father", "coach", "manager"]
    /// Nouns that stand for something said or done before ("the claims", "the incident"),
    /// unless what they mean follows ("the claims that …", "the incident of 2004").
    static let shellNouns: Set<String> = [
        "claim", "claims", "allegation", "allegations", "accusation", "accusations", "incident", "revelation",
        "revelations", "remarks", "comments", "rumours", "rumors", "affair", "scandal", "controversy", "ordeal",
        "episode", "row", "saga", "furore", "outburst", "warning", "matter", "decision", "ruling", "verdict",
        "announcement",
    ]
    static let shellComplements: Set<String> = ["that", "of", "about", "against", "by", "in", "over", "made", "which", "who",
                                                "to", "on"]
    /// "the above-mentioned match", "the aforementioned rule": points at a passage not shown.
    static func pointsAbove(_ word: String) -> Bool {
        ["abovementioned", "above-mentioned", "aforementioned", "aforesaid", "abovenamed", "above-named"].contains(word)
    }
    /// "therefore", "thus", "hence" inside a sentence: a conclusion drawn from givens stated
    /// before it ("The output is therefore 4800 ml").
    static let conclusionWords: Set<String> = ["therefore", "thus", "hence", "consequently"]

    static let timeUnits: Set<String> = ["day", "days", "week", "weeks", "month", "months", "year", "years",
                                         "decade", "decades", "century", "centuries"]

    /// "a year later", "two decades after that", "the next year", "the following month".
    static func opensWithRelativeTime(_ words: [String]) -> Bool {
        guard words.count >= 3 else { return false }
        if ["the", "a"].contains(words[0]), ["next", "following", "same"].contains(words[1]), timeUnits.contains(words[2]) {
            return true
        }
        guard isAmount(words[0]), timeUnits.contains(words[1]) else { return false }
        return words[2] == "later" || words[2] == "earlier" || (words[2] == "after" && ["that", "this"].contains(words.count > 3 ? words[3] : ""))
    }

    /// "a", "two", "12", "several": how many units of time.
    static func isAmount(_ word: String) -> Bool {
        ["a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "some",
         "several", "many", "few"].contains(word) || !word.isEmpty && word.allSatisfy(\.isNumber)
    }

    /// Words before "that" that make it point at a time, amount or thing named before
    /// ("over that time", "all that decrease", "by that point").
    static let pointingThat: Set<String> = ["over", "during", "at", "since", "by", "from", "until", "till", "after",
                                            "all", "throughout", "within", "of", "in", "for", "on", "with", "about"]

    /// A past form or a common verb ("dated", "said"), the words "even" adds to.
    static func isVerbForm(_ word: String) -> Bool {
        guard word.count > 2, !StopWords.english.contains(word) else { return false }
        return word.hasSuffix("ed") || CommonVerbs.all.contains(word)
    }

    /// Why the sentence needs an earlier one, or nil.
    static func problem(_ text: String) -> String? {
        let raw = text.split(separator: " ").map(String.init)
        // Plain lowercasing (no accent folding): this runs on every sentence read.
        let words = text.lowercased().split(separator: " ").map { String($0.filter { $0.isLetter || $0.isNumber || $0 == "'" }) }
        guard !words.isEmpty else { return nil }
        if words.first == "also" || words.first == "too" { return "missing referent" }
        // "A year later, …", "Two days after that, …", "The next year …": a time counted from
        // an event the sentence does not name.
        if Self.opensWithRelativeTime(words) { return "missing referent" }
        // "The seven-time champion will face …", "The 35-year-old said …": a news epithet for
        // someone named in an earlier sentence.
        if words.count > 2, words[0] == "the", raw[1].contains("-time") || raw[1].contains("-year-old") { return "missing referent" }
        // "The Bosnian midfielder appeared …": a nationality and a role stand for someone named before.
        if words.count > 3, words[0] == "the", raw[1].first?.isUppercase == true, raw[2].first?.isLowercase == true,
           ["ian", "ish", "ese", "can", "ch"].contains(where: { words[1].hasSuffix($0) }), raw[1].last?.isLetter == true,
           roleNouns.contains(words[2]) {
            return "missing referent"
        }
        // "The conductor founded …", "The researcher found …": a person known only by a role,
        // named in an earlier sentence.
        if words.count > 3, words[0] == "the", raw[1].first?.isLowercase == true, isPersonNoun(words[1]), !words[1].hasSuffix("s"),
           raw[2].first?.isLowercase == true, raw[1].last?.isLetter == true, !StopWords.english.contains(words[2]) {
            return "missing referent"
        }
        // "'… to his parents,' he said": a quote whose speaker is only a pronoun.
        for i in raw.indices.dropFirst() where personPronouns.contains(words[i]) || words[i] == "they" {
            let previous = raw[i - 1]
            guard let mark = previous.last, "'’\"”".contains(mark), i + 1 < words.count else { continue }
            if SpanExtractor.speechVerbs.contains(words[i + 1]) || ["says", "said", "told", "added"].contains(words[i + 1]) {
                return "missing referent"
            }
        }
        // "…, too." at the end: in addition to something said before.
        if words.count > 1, words.last == "too", raw[raw.count - 2].hasSuffix(",") { return "missing referent" }
        for (i, word) in words.enumerated() {
            let before = words[..<i]
            let next = i + 1 < words.count ? words[i + 1] : ""
            // "also" inside: "Julia, also a retired hairdresser" adds to someone not shown.
            // ("also known as" and "also called" only give another name.)
            if word == "also", !["known", "called", "termed", "named", "referred"].contains(next), i == 0 || words[i - 1] != "but" {
                return "missing referent"
            }
            // "the latter", "the former was …"; "the former First Lady" is a title, not a pointer.
            if word == "latter" || word == "former", i > 0, ["the", "this", "that"].contains(words[i - 1]),
               word == "latter" || next.isEmpty || StopWords.english.contains(next) || CommonVerbs.all.contains(next)
                || raw[i].last.map({ !$0.isLetter }) == true {
                return "missing referent"
            }
            // "over that time", "all that decrease": "that" before a noun points at what was said before.
            if word == "that", i > 0, pointingThat.contains(words[i - 1]), next.count > 2, !StopWords.english.contains(next),
               raw[i + 1].first?.isLowercase == true {
                return "missing referent"
            }
            // "… nearly a year earlier …", "two days later": counted from an event not shown.
            if word == "earlier" || word == "later", i >= 2, timeUnits.contains(words[i - 1]), isAmount(words[i - 2]) {
                return "missing referent"
            }
            if word == "such", next != "as", !(next == "that") { return "missing referent" }
            // "the same UVA and UVB protection" with no "as …" after: the same as something not shown.
            if word == "same", i > 0, ["the", "this", "that"].contains(words[i - 1]), !words[(i + 1)...].contains("as") {
                return "missing referent"
            }
            // "didn't respond to the claims": a noun that only names what was said or done before.
            // "Sunday's matter": a possessive in front points back just as "the" does.
            let possessed = i > 0 && (raw[i - 1].hasSuffix("'s") || raw[i - 1].hasSuffix("’s"))
            if shellNouns.contains(word), i > 0, ["the", "these", "those"].contains(words[i - 1]) || possessed,
               !shellComplements.contains(next), !raw[i].hasSuffix(":") {
                return "missing referent"
            }
            // "told the newspaper", "the newspaper reported": which one was named before.
            if word == "newspaper", i > 0, words[i - 1] == "the" { return "missing referent" }
            if pointsAbove(word) || word == "above" && i > 0 && words[i - 1] == "the" && !next.isEmpty
                && !StopWords.english.contains(next) { return "missing referent" }
            // "Romans even dated their years …": "even" before a verb adds to something said before.
            if word == "even", i > 0, words[i - 1] != "not", isVerbForm(next) { return "missing referent" }
            if personPronouns.contains(word), !hasName(before: i, raw: raw, words: words) { return "missing referent" }
            if otherPronouns.contains(word), !before.contains(where: isContentWord) { return "missing referent" }
            // "Snellius rediscovered it in 1621", "… won the prize for discovering them": an
            // object pronoun whose only candidates before it are names, not the thing meant.
            // ("to reach it": a verb after "to" takes the pronoun as its object, whatever the verb.)
            if (word == "it" || word == "them"), i > 0, isObjectSlot(words[i - 1]) || i >= 2 && words[i - 2] == "to" && isContentWord(words[i - 1]),
               !hasThingBefore(i, raw: raw, words: words, plural: word == "them"),
               word == "it" || !ownsGroupBefore(i, raw: raw, words: words) {
                return "missing referent"
            }
            // "Temperature, pH and concentration affect their activity": "their" with nothing
            // plural before it (no plural noun, group or pair of names) owns something unseen.
            if word == "their", i > 0, !hasThingBefore(i, raw: raw, words: words, plural: true),
               !namesGroupBefore(i, raw: raw, words: words) {
                return "missing referent"
            }
            // "the six were arrested", "the pair", "the two of them": a number used as a noun.
            if i > 0, words[i - 1] == "the" {
                if countNouns.contains(word) { return "missing referent" }
                if isNumberWord(word), next.isEmpty || StopWords.english.contains(next) || CommonVerbs.all.contains(next)
                    || next.hasSuffix("ed") || raw[i].last.map({ ",.;:".contains($0) }) == true {
                    return "missing referent"
                }
            }
            // "Both were charged": "both" as the subject, not "both X and Y".
            // ("both countries … and" is no pair: the "and" of "both X and Y" comes within a few words.)
            if word == "both", !words[(i + 1)..<min(words.count, i + 6)].contains("and") { return "missing referent" }
            // "this CV", "these results" before the sentence has said anything: what is pointed at
            // is outside. After a clause break ("…; this is called herd immunity") it points back
            // inside the sentence.
            // ("this season", "this year": a time counted from the day of writing, not a pointer.)
            if demonstratives.contains(word), word != "this" || !writingTimes.contains(next) {
                let clauseBreak = raw[..<i].contains { $0.hasSuffix(";") || $0.hasSuffix(",") }
                if i < 4 || !clauseBreak { return "missing referent" }
                // "… assesses the science of these changes": inside a clause, a demonstrative
                // and a noun the sentence has not used point at something said before it.
                if pointsAtUnsaidNoun(i, raw: raw, words: words) { return unsaidNoun }
            }
        }
        return nil
    }

    /// The reason for "these changes" with no change named: a sentence before that names it
    /// may be joined on (see `UnnamedWhole.host`).
    static let unsaidNoun = "unsaid noun"

    /// Words after which a demonstrative opens a clause of its own ("…, and these cells
    /// divide"): it may point back at the clause before, inside the sentence.
    static let clauseLinks: Set<String> = ["and", "but", "so", "or", "yet", "because", "since", "while", "whereas",
                                           "although", "though", "when", "where"]

    /// Whether the demonstrative at `index` stands inside a clause (not at its start) before
    /// a noun that no earlier word of the sentence names ("of these changes" where nothing
    /// changed before). "…; this process is called …" and "the cells divide, and these cells
    /// …" point back inside the sentence.
    static func pointsAtUnsaidNoun(_ index: Int, raw: [String], words: [String]) -> Bool {
        guard index > 0, index + 1 < words.count else { return false }
        let noun = words[index + 1]
        guard noun.count > 2, !StopWords.english.contains(noun), raw[index + 1].first?.isLowercase == true,
              !noun.hasSuffix("ly"), !noun.hasSuffix("ed"), !noun.hasSuffix("ing") else { return false }
        // After "these"/"those" a plural in -s is the noun, whatever verb shares its spelling
        // ("these changes"); a bare verb form is the verb ("these include"). After "this", a
        // common verb is the verb ("this means").
        if CommonVerbs.all.contains(noun), words[index] == "this" || !noun.hasSuffix("s") { return false }
        let previous = raw[index - 1]
        // After a stop ("… to cover the wages. This feedback loop …" in a joined stem) or a
        // clause break, the demonstrative opens a clause and may point at the one before.
        if let last = previous.last, ";:,—–(.!?".contains(last) { return false }
        if clauseLinks.contains(words[index - 1]) { return false }
        // Only a lowercase word introduces the noun: "Climate Change" in a name is no change.
        let stem = PorterStemmer.stem(noun)
        return !(0..<index).contains { j in
            raw[j].first?.isLowercase == true && (words[j] == noun || words[j].count > 2 && PorterStemmer.stem(words[j]) == stem)
        }
    }

    /// A capitalised word before `index` that names someone: any but the first word, and the
    /// first too when it is no common word ("Pat says she…", "Mr Wang said he…").
    static func hasName(before index: Int, raw: [String], words: [String]) -> Bool {
        var bodyEnd = -1
        for j in 0..<index where raw[j].first?.isUppercase == true && j > bodyEnd {
            // "Birmingham Magistrates' Court heard he …": a name ending in a body's noun is no
            // one a "he" can be.
            var end = j
            while end + 1 < index, raw[end].last?.isLetter == true || raw[end].hasSuffix("'") || raw[end].hasSuffix("’"),
                  raw[end + 1].first?.isUppercase == true { end += 1 }
            if end > j, bodyNouns.contains(words[end].filter(\.isLetter)) {
                bodyEnd = end
                continue
            }
            if j == 0, StopWords.english.contains(words[0]) || CommonVerbs.all.contains(words[0]) { continue }
            if personPronouns.contains(words[j]) || otherPronouns.contains(words[j]) { continue }
            // "When contacted by the BBC, … to deselect him": a body's initials or a day or month
            // names no one a "he" can be.
            let letters = raw[j].filter(\.isLetter)
            if letters.count >= 2, letters.allSatisfy(\.isUppercase) { continue }
            if SpanExtractor.calendarWords.contains(words[j]) { continue }
            return true
        }
        return false
    }

    /// Last words of the names of courts, councils and other bodies.
    static let bodyNouns: Set<String> = ["court", "council", "university", "committee", "police", "department", "ministry",
                                         "office", "parliament", "commission", "service", "agency", "board", "bank",
                                         "company", "club", "hospital", "school", "college", "trust", "party", "government",
                                         "union", "association", "society", "institute", "authority", "assembly", "senate",
                                         "tribunal", "inquiry", "force", "army", "navy", "church", "house"]

    /// Prepositions after which "it"/"them" is an object ("for it", "of them").
    static let objectPrepositions: Set<String> = ["for", "of", "with", "about", "on", "to", "from", "into", "by", "in", "at"]

    /// Whether the word before "it"/"them" makes the pronoun an object: a verb form
    /// ("rediscovered", "discovering", "regulate") or a preposition. "that it is" or "it"
    /// opening a clause is left to the other checks.
    static func isObjectSlot(_ previous: String) -> Bool {
        if objectPrepositions.contains(previous) { return true }
        guard previous.count > 3, !StopWords.english.contains(previous) else { return CommonVerbs.all.contains(previous) }
        return previous.hasSuffix("ed") || previous.hasSuffix("ing") || CommonVerbs.all.contains(previous)
    }

    /// A common noun before `index` that "it" (or, when `plural`, "them") can stand for:
    /// a lowercase content word that is no verb form ("bends the light and reflects it",
    /// "cells regulate them"). Names alone ("Snellius", "Cech and Altman") are the ones
    /// doing something to "it", not what it is.
    static func hasThingBefore(_ index: Int, raw: [String], words: [String], plural: Bool) -> Bool {
        for j in 0..<index {
            let word = words[j]
            // A capitalised first word counts as a noun only before a lowercase word ("Light
            // bends …"); before another capital it opens a name ("Thomas Cech …").
            guard raw[j].first?.isLowercase == true
                    || j == 0 && !StopWords.english.contains(word) && raw.count > 1 && raw[1].first?.isLowercase == true,
                  isContentWord(word), !word.hasSuffix("ed"), !word.hasSuffix("ing") else { continue }
            // "The Dutch mathematician …": a person's role is who acts, not the thing acted on.
            if !plural, isPersonNoun(word) { continue }
            // "about 95 percent of people must be immune to reach it": a plural ("people",
            // "measles" read as one) and a unit counted by a number are no antecedent of "it".
            if !plural, ThingAntecedent.isNoSingularAntecedent(j, raw: raw, words: words) { continue }
            if !plural { return true }
            if word.hasSuffix("s") && !word.hasSuffix("ss") && !word.hasSuffix("'s") || ["people", "children", "men", "women", "data", "media", "bacteria", "criteria"].contains(word) {
                return true
            }
        }
        return false
    }

    /// Words for a body of people that "their" may stand for ("the club … their fans").
    static let groupNouns: Set<String> = ["team", "club", "side", "party", "government", "company", "family", "couple",
                                          "group", "band", "board", "council", "committee", "police", "army", "firm",
                                          "school", "university", "public", "crowd", "staff", "everyone", "anyone",
                                          "someone", "nobody", "each", "every", "both", "all", "pair"]

    /// A group or a name before `index`: a group noun, a name after the first word ("Blackpool
    /// … their fans", "Cech and Altman shared their …") or a capitalised plural opening it ("Romans").
    static func namesGroupBefore(_ index: Int, raw: [String], words: [String]) -> Bool {
        for j in 0..<index {
            if groupNouns.contains(words[j]) { return true }
            // Any name after the first word: a club, a party or a firm may own "their" in news
            // ("Blackpool face a challenge to win back their fans").
            if j > 0, raw[j].first?.isUppercase == true, words[j].count > 1, !StopWords.english.contains(words[j]),
               !MissingReferent.personPronouns.contains(words[j]) { return true }
            // The first word too ("Russia did not escape … their players"), unless it opens a
            // list of things ("Temperature, pH and concentration affect their activity").
            if j == 0, raw[j].first?.isUppercase == true, words[j].count > 1, !raw[j].hasSuffix(","),
               !StopWords.english.contains(words[j]), !CommonVerbs.all.contains(words[j]) { return true }
        }
        return false
    }

    /// A group noun or a possessive name before `index` that "them" may stand for
    /// ("Belgium's win saw them return", "the club thanked them"). Two names that act on
    /// "them" ("Cech and Altman … for discovering them") are not what "them" means.
    static func ownsGroupBefore(_ index: Int, raw: [String], words: [String]) -> Bool {
        (0..<index).contains { j in
            groupNouns.contains(words[j])
                || raw[j].first?.isUppercase == true && (raw[j].hasSuffix("'s") || raw[j].hasSuffix("’s"))
        }
    }

    /// Nouns for people ("mathematician", "physicists", "researcher").
    static func isPersonNoun(_ word: String) -> Bool {
        let singular = word.hasSuffix("s") ? String(word.dropLast()) : word
        if roleNouns.contains(singular) || personNouns.contains(singular) { return true }
        return singular.hasSuffix("ian") || singular.hasSuffix("ist")
    }

    static let personNouns: Set<String> = ["researcher", "inventor", "engineer", "teacher", "student", "scholar",
                                           "philosopher", "astronomer", "professor", "doctor", "officer", "official",
                                           "spokesman", "spokeswoman", "people", "team", "fan", "supporter", "worker",
                                           "conductor", "composer", "musician", "painter", "sculptor", "chairman", "boss",
                                           "victim", "suspect", "pilot", "soldier", "mayor", "governor", "chef", "owner"]

    static func isContentWord(_ word: String) -> Bool {
        word.count > 2 && !StopWords.english.contains(word) && !CommonVerbs.all.contains(word)
    }

    static func isNumberWord(_ word: String) -> Bool {
        if let n = AcceptedAnswers.numberWords.firstIndex(of: word) { return n >= 2 }
        return Int(word) != nil && word.count <= 2
    }
}

/// Editorial notes left in a text ("(ITALICISE)", "(PICTURED)") and lines cut out of a list
/// of names ("Adnan Farah, 19; Abdurahman Daud, 21; …"): neither reads as a statement.
enum EditorialMarks {
    /// Words that open a sentence and are never capitalised inside one.
    static let fusedOpeners: Set<String> = ["And", "But", "So", "He", "She", "They", "It", "We", "This", "These",
                                            "Here", "There", "Scroll", "Click"]
    static func problem(_ text: String) -> String? {
        let raw = text.split(separator: " ").map(String.init)
        for (i, word) in raw.enumerated() where word.hasPrefix("(") && word.count >= 6 {
            let letters = word.filter(\.isLetter)
            guard letters.count >= 5, letters.allSatisfy(\.isUppercase),
                  word.filter({ $0.isLetter || $0 == "(" || $0 == ")" || ".,;:".contains($0) }).count == word.count else { continue }
            // An acronym after its expansion: the words before start with its first and last letters.
            let initials = raw[max(0, i - 10)..<i].compactMap { $0.first(where: \.isLetter) }.map { Character($0.uppercased()) }
            if let first = letters.first, let last = letters.last, initials.contains(first), initials.contains(last) { continue }
            return "editorial mark"
        }
        // "… on a Monday morning And here are some more …": a caption or a heading run into the
        // next sentence; a capitalised opener in mid-sentence after a word with no stop.
        for i in 1..<max(1, raw.count) where fusedOpeners.contains(raw[i]) {
            if let last = raw[i - 1].last, last.isLetter || last.isNumber { return "fused sentences" }
        }
        if let reason = NewsFurniture.problem(raw) { return reason }
        // "The Flash Pack, a small group tour company.": a name and its description, no verb.
        let folded = text.lowercased().split(separator: " ").map { $0.filter { $0.isLetter || $0 == "'" } }
        let hasVerb = folded.contains { word in
            CommonVerbs.all.contains(word) || word.count > 3 && (word.hasSuffix("ed") || word.hasSuffix("s") && !word.hasSuffix("'s")
                && !word.hasSuffix("ss"))
        }
        if !hasVerb { return "no verb" }
        // A list of entries separated by semicolons, each a few words: a list, not a statement.
        let parts = text.split(separator: ";")
        if parts.count >= 3, parts.dropLast().allSatisfy({ $0.split(separator: " ").count <= 5 }) { return "list" }
        // "Adnan Farah, 19; …": a name and an age before a semicolon open an entry of a list.
        if let semicolon = raw.prefix(6).firstIndex(where: { $0.hasSuffix(";") }),
           semicolon > 0, Int(raw[semicolon].dropLast()) != nil, raw[semicolon - 1].hasSuffix(",") {
            return "list"
        }
        return nil
    }
}

/// News page furniture fused into a sentence: a photo caption ("A fan walks out of a shop …"),
/// a link headline ("8 things to know about …"), or a caption run into the next sentence with
/// no stop ("… after relegation Jamie O'Hara scored …").
enum NewsFurniture {
    /// Present-tense verbs that describe a photo rather than tell a story.
    static let photoVerbs: Set<String> = ["walks", "celebrates", "poses", "smiles", "waves", "gestures", "reacts",
                                          "applauds", "arrives", "stands", "sits", "looks", "holds", "leaves", "greets",
                                          "shakes", "hugs", "embraces", "watches", "kisses", "laughs", "cheers",
                                          "celebrate", "pose", "walk", "wave", "stand", "watch", "gather", "hold"]
    /// Plural nouns of a list headline ("8 things to know", "5 ways to …").
    static let listNouns: Set<String> = ["things", "ways", "reasons", "facts", "tips", "questions", "lessons", "signs",
                                         "moments", "times", "photos", "pictures", "takeaways"]
    /// Words for people that name someone right after them ("boss Steve Clarke", "wife Michelle").
    static let namingNouns: Set<String> = ["boss", "wife", "husband", "son", "daughter", "brother", "sister", "mother",
                                           "father", "partner", "friend", "colleague", "chairman", "owner", "captain",
                                           "secretary", "chancellor", "mayor", "spokesman", "spokeswoman", "keeper",
                                           "winger", "team-mate", "teammate", "counterpart", "rival", "newcomer",
                                           "signing", "substitute", "skipper", "referee", "pundit", "presenter", "host",
                                           "senator", "governor", "general", "reporter", "correspondent", "editor",
                                           "legend", "icon", "great", "veteran", "hero", "favourite", "youngster", "ace"]
    /// Verbs right after a name that show a new sentence has begun.
    static let clauseVerbs: Set<String> = ["had", "has", "was", "were", "is", "are", "scored", "said", "says", "made",
                                           "won", "lost", "took", "gave", "put", "came", "went"]

    /// Adverbs that open a sentence with a comma ("Indeed, …"); capitalised mid-sentence, they
    /// mark two texts run together.
    /// The connectives a news repair strips (`NewsRepair.connectives`) and adverbs of time.
    static let sentenceAdverbs: Set<String> = NewsRepair.connectives.union(["instead", "still", "yet", "now", "today",
                                                                            "earlier", "later", "previously", "afterwards"])

    /// Nouns that end like adverbs.
    static let lyNouns: Set<String> = ["family", "assembly", "rally", "ally", "supply", "reply", "monopoly", "anomaly"]

    static func problem(_ raw: [String]) -> String? {
        let words = raw.map { $0.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "'" } }
        guard words.count >= 3 else { return nil }
        // "8 things to know about …", "Five reasons why …": a list headline.
        if words[0].allSatisfy(\.isNumber) || AcceptedAnswers.numberWords.contains(words[0]), listNouns.contains(words[1]) {
            return "headline"
        }
        // "A fan walks out of …", "Supporters gather outside …": a caption in the present tense
        // within its first few words (before any comma).
        let opening = words.prefix(5)
        for (i, word) in opening.enumerated() where i > 0 && photoVerbs.contains(word) {
            if raw[..<i].contains(where: { $0.hasSuffix(",") }) { break }
            if ["a", "an", "the"].contains(words[0]) || raw[0].first?.isUppercase == true && words[0].hasSuffix("s") {
                return "caption"
            }
        }
        // "… ahead of Wednesday's FA Cup replay Indeed, Bowyer's options …": a sentence adverb
        // capitalised after a lowercase word with no stop is where a caption ran into the story.
        for i in 1..<raw.count where raw[i].hasSuffix(",") && raw[i].first?.isUppercase == true
            && sentenceAdverbs.contains(words[i]) && raw[i - 1].last?.isLetter == true && raw[i - 1].first?.isLowercase == true {
            return "caption run into the story"
        }
        // "… after relegation Jamie O'Hara scored …": a lowercase noun with no stop, then a
        // name and a verb: a caption or headline run into the next sentence.
        for i in 1..<(raw.count - 1) {
            let previous = raw[i - 1]
            guard let last = previous.last, last.isLetter, previous.first?.isLowercase == true,
                  raw[i].first?.isUppercase == true else { continue }
            let before = words[i - 1]
            // "Arsenal legend Ian Wright has …", "Labour leader Ed Miliband said …": a name, a
            // role and a name are one phrase.
            // (A plural, an abstract noun or "family" is no role: "the Marsh family Northgate's …".)
            if i >= 2, raw[i - 2].first?.isUppercase == true, !before.hasSuffix("s"), !before.hasSuffix("tion"),
               !before.hasSuffix("ment"), before != "family" { continue }
            guard before.count > 3, !StopWords.english.contains(before), !CommonVerbs.all.contains(before),
                  !before.hasSuffix("ed"), !before.hasSuffix("ing"), !before.hasSuffix("ly") || lyNouns.contains(before), !namingNouns.contains(before),
                  !MissingReferent.isPersonNoun(before), !before.hasSuffix("er"), !before.hasSuffix("or"),
                  !SpanExtractor.speechVerbs.contains(before) else { continue }
            // The name: capitalised words, then a verb ("Jamie O'Hara scored"), or a possessive
            // name before a lowercase noun ("… family Blackpool's main reception …").
            var j = i
            while j < raw.count, j - i < 3, raw[j].first?.isUppercase == true, raw[j].last?.isLetter == true {
                if raw[j].hasSuffix("'s") || raw[j].hasSuffix("’s") {
                    if j + 1 < raw.count, raw[j + 1].first?.isLowercase == true { return "fused sentences" }
                    break
                }
                j += 1
            }
            if j > i, j < raw.count, clauseVerbs.contains(words[j]) { return "fused sentences" }
        }
        return nil
    }
}
