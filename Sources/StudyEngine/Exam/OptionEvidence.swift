/// What the text itself says about the values that may be offered as options or swapped
/// into a false statement: the words each term stands next to, the lists it is coordinated
/// in, the prepositions each name follows, and how often each capitalised word is written.
///
/// "Same kind" is judged from this evidence, never from a list of subject words: two terms
/// are of a kind when the text coordinates them ("elected consuls, praetors and censors"),
/// governs them with the same word ("elected quaestors"), or names them with the same head
/// noun ("first law", "law of inertia"); a place after "in" has siblings among the names the
/// text writes after "in". Built in one token pass over the sentences read, with hash
/// lookups only (it runs for every exam, 1 MB books included).
struct OptionEvidence {
    /// Term key (`ExamLexicon.key`) → stems of the content words right before it, and of the
    /// word governing the list it stands in.
    private(set) var before: [String: Set<String>] = [:]
    /// Term key → stems of the content words right after it (or after its list).
    private(set) var after: [String: Set<String>] = [:]
    /// Term key → keys of the terms coordinated with it somewhere ("X, Y and Z").
    private(set) var coordinated: [String: Set<String>] = [:]
    /// Name as written → the prepositions it follows in the text ("in", "at", "from").
    private(set) var prepositions: [String: Set<String>] = [:]
    /// Capitalised word → in how many sentences it is written.
    private(set) var capitalMentions: [String: Int] = [:]
    /// Name as written → in how many sentences it is written.
    private(set) var nameMentions: [String: Int] = [:]
    /// Two-word names made of one person's first name and another's last name, written once:
    /// a caption run into the next sentence ("… his older brother Billy Poodle then says").
    private(set) var fusedNames: Set<String> = []
    /// Word of a full name → the full names holding it.
    private(set) var fullNamesByWord: [String: [String]] = [:]
    /// Term key → stems of the verbs governing it or its list ("elected", "conserves").
    private(set) var governors: [String: Set<String>] = [:]
    /// Verb stem → term keys it governs.
    private(set) var termsAfterWord: [String: Set<String>] = [:]
    /// Head noun → term keys named by it.
    private(set) var termsByHead: [String: Set<String>] = [:]
    /// Term key → singular words within five words after it ("Friction, the contact force …").
    private(set) var followers: [String: Set<String>] = [:]
    /// Term key → the word right after it where it opens its sentence ("**Magnitude**
    /// describes …", "**Intensity** describes …"): terms the text defines in parallel.
    private(set) var openingVerbs: [String: Set<String>] = [:]
    /// Term key → the class noun its defining sentence puts it in ("**Photosynthesis** is the
    /// process by which …" → "process"); terms defined as the same class are of a kind.
    private(set) var categories: [String: Set<String>] = [:]
    /// Class noun → keys of the terms defined as one.
    private(set) var termsByCategory: [String: Set<String>] = [:]
    /// Term keys that open a sentence of the text ("A **snapshot** is …", "**Sharding** splits …").
    private(set) var openers: Set<String> = []
    /// Word → keys of the terms that open a sentence followed by it.
    private(set) var termsOpening: [String: Set<String>] = [:]
    /// Names the text writes after "the" as a whole noun phrase ("at the Crucible Theatre"):
    /// a place, a venue or a body; a person's name takes no article.
    private(set) var articleNames: Set<String> = []
    /// Term keys the text uses as the class of something else ("Type 1 diabetes is an
    /// autoimmune disease"): a class is no option for a member, nor a member for a class.
    private(set) var classTerms: Set<String> = []
    /// Units the text writes after a number ("n·s", "kg"), folded: a term that is one of
    /// them is a unit, and a unit is no option for a quantity.
    private(set) var units: Set<String> = []
    /// Names the text treats as a group or a set of things, never one person: counted
    /// ("eight Academy Awards"), followed by a plural verb ("Manchester City have …"), or
    /// ending in the plural of a word the text writes ("US Presidents" beside "President").
    private(set) var groupNames: Set<String> = []
    /// Names the text writes after a possessive ("his North London home") or as "the X"
    /// before a noun ("the La Liga table"): places, bodies and things, never a person.
    private(set) var thingNames: Set<String> = []
    /// Names the text writes as a person's: after a title ("Mr Thompson"), before a speech
    /// verb ("Rhodes said"), or a full name right after a lowercase role noun ("manager Gary
    /// Bowyer", "goalkeeper Simon Eastwood"). A person's options come from these first.
    private(set) var personNames: Set<String> = []
    /// The role nouns written right before a person's name ("manager" for "Liverpool manager
    /// Brendan Rodgers").
    private(set) var personRoles: [String: Set<String>] = [:]
    /// Names the text writes as a body: right after "side", "club", "firm" or the like ("the
    /// Championship side Rovers", "the private firm Castor"), followed by one ("the Castor
    /// firm said"), or ending in a club or company word ("Hull City", "Leeds United", "Acme
    /// Ltd"). Never a person's option.
    private(set) var bodyNames: Set<String> = []
    /// Names written before "side", "club" or the like and another name ("the Premier Division
    /// side Kingsford Rovers"): a league or a description, neither a person nor the club.
    private(set) var leagueNames: Set<String> = []
    /// Lowercase word right before a plain number → the numbers written after it ("type 1",
    /// "type 2"): a number inside a name has only these as siblings.
    private(set) var numbersAfterWord: [String: Set<String>] = [:]
    /// Years the text writes, and the latest one written in a sentence that speaks of the
    /// past or present only (no "will", "next", …): a news story's own time.
    private(set) var latestYear: Int? = nil
    private(set) var latestNonFutureYear: Int? = nil

    /// Names the text writes as the subject of a verb ("Japan had become …", "…, and Japan
    /// regained …"): actors. A place only ever written after "at"/"in" ("trade at Nagasaki")
    /// is a location, no swap for an actor (issue 8, F).
    private(set) var subjectNames: Set<String> = []

    /// Numbers the text writes before "×" ("2.26 × 10⁸ m/s"): the mantissa of a power of ten,
    /// of another role than a plain number ("n is always _____ or more" gets no "2.26").
    private(set) var mantissas: Set<String> = []
    /// Term key → the directional prepositions the text writes right before it (a determiner
    /// between allowed: "along the normal", "towards the normal"): a false statement's swap
    /// must fit that slot too, or it reads as nonsense ("along the incident ray").
    private(set) var slotPrepositions: [String: Set<String>] = [:]
    /// Prepositions that place a thing along a line or direction: the slot they open takes
    /// only some things (a line, a surface, a body), so a swap must be written after one too.
    static let directionalPrepositions: Set<String> = ["along", "towards", "toward", "across", "through", "into", "onto",
                                                       "around", "against", "beneath", "above", "below", "beyond", "via", "within"]

    /// Prepositions that put a name in a place: the ones a place's options must share.
    static let placePrepositions: Set<String> = ["in", "at", "from", "near", "outside", "across", "into", "to"]
    static let prepositionWords: Set<String> = ["in", "at", "from", "near", "to", "into", "outside", "across", "of", "on", "for", "by", "with"]
    /// Words between a determiner-like word and its noun that say nothing about the noun's kind.
    static let determiners: Set<String> = ["the", "a", "an", "its", "their", "his", "her", "this", "these", "those", "both",
                                           "each", "every", "all", "some", "any", "no", "our", "your", "my", "that"]

    init() {}

    init(sentences: [String], terms: [String], names: [String], fullNames: Set<String>, units: Set<String> = []) {
        self.units = Set(units.map { AnswerSpan.key($0) })
        // Terms by their first (folded, singular) word, longest first.
        var capitalWords = Set<String>()
        var lowercaseWords = Set<String>()
        var termsByFirst: [String: [[String]]] = [:]
        for term in terms {
            let words = ExamLexicon.key(term).split(separator: " ").map(String.init)
            guard let first = words.first else { continue }
            termsByFirst[first, default: []].append(words)
        }
        for key in termsByFirst.keys { termsByFirst[key]?.sort { $0.count > $1.count } }
        var namesByFirst: [String: [[String]]] = [:]
        // "Thirty Years' War" is matched on the tokens' cores ("Years"), and recorded by its own text.
        var writtenNames: [String: String] = [:]
        for name in names {
            let words = name.split(separator: " ").map { String($0.hasSuffix("'") || $0.hasSuffix("’") ? $0.dropLast() : $0) }
            guard let first = words.first else { continue }
            namesByFirst[first, default: []].append(words)
            if name.contains("' ") || name.contains("’ ") { writtenNames[words.joined(separator: " ")] = name }
        }
        for key in namesByFirst.keys { namesByFirst[key]?.sort { $0.count > $1.count } }
        var pairedNames: [(String, String)] = []

        for sentence in sentences {
            let raw = sentence.split(separator: " ")
            var cores: [String] = []
            var folded: [String] = []
            var endsClause: [Bool] = []
            cores.reserveCapacity(raw.count)
            for token in raw {
                let core = String(token.drop(while: { !$0.isLetter && !$0.isNumber }).reversed()
                    .drop(while: { !$0.isLetter && !$0.isNumber }).reversed())
                let clean = core.hasSuffix("'s") || core.hasSuffix("’s") ? String(core.dropLast(2)) : core
                cores.append(clean)
                folded.append(ExamLexicon.singular(Tokenizer.fold(clean)))
                endsClause.append(token.last.map { ",;:.!?)(\"“”".contains($0) } ?? false)
            }
            var seenCapitals = Set<String>()
            // Terms: occurrences with their span of tokens.
            var occurrences: [(key: String, start: Int, end: Int)] = []
            var i = 0
            while i < folded.count {
                var matched = 0
                if let options = termsByFirst[folded[i]] {
                    for words in options where i + words.count <= folded.count
                        && Array(folded[i..<(i + words.count)]) == words {
                        occurrences.append((words.joined(separator: " "), i, i + words.count - 1))
                        matched = words.count
                        break
                    }
                }
                i += max(matched, 1)
            }
            // Names: prepositions before them and mentions.
            var seenNames = Set<String>()
            var lastName: (name: String, end: Int)? = nil
            i = 0
            while i < cores.count {
                let core = cores[i]
                if core.first?.isUppercase == true, core.count > 2, seenCapitals.insert(core).inserted {
                    capitalMentions[core, default: 0] += 1
                }
                var matched = 0
                if let options = namesByFirst[core] {
                    for words in options where i + words.count <= cores.count && Array(cores[i..<(i + words.count)]) == words {
                        let name = writtenNames[words.joined(separator: " ")] ?? words.joined(separator: " ")
                        if seenNames.insert(name).inserted { nameMentions[name, default: 0] += 1 }
                        if i > 0, !endsClause[i - 1], Self.prepositionWords.contains(folded[i - 1]) {
                            prepositions[name, default: []].insert(folded[i - 1])
                        }
                        // "at the Crucible Theatre in …", "the Crucible Theatre, the venue": the
                        // article marks a thing (a name before a noun, "the Smith family", does not).
                        let end = i + words.count - 1
                        if i > 0, !endsClause[i - 1], folded[i - 1] == "the" {
                            let next = end + 1 < cores.count ? cores[end + 1] : ""
                            // ("The Thirty Years' War devastated …": a verb after it, too.)
                            if endsClause[end] || next.isEmpty || StopWords.english.contains(next.lowercased())
                                || Self.isFiniteVerb(raw[end + 1]) {
                                articleNames.insert(name)
                            }
                        }
                        // "a Downing Street barbecue": no person's name takes "a".
                        if i > 0, !endsClause[i - 1], cores[i - 1] == "a" || cores[i - 1] == "an" {
                            articleNames.insert(name)
                        }
                        if i > 0, !endsClause[i - 1], folded[i - 1] == "the" {
                            // "from the X": the preposition before the article puts the name in a place too.
                            if i > 1, !endsClause[i - 2], Self.placePrepositions.contains(folded[i - 2]) {
                                prepositions[name, default: []].insert(folded[i - 2])
                            }
                        }
                        // A person's name by the words around it; a body's by the noun after it.
                        let nextWord = end + 1 < cores.count && !endsClause[end] ? folded[end + 1] : ""
                        if i > 0, !endsClause[i - 1], Self.personTitles.contains(folded[i - 1]) { personNames.insert(name) }
                        // "Mr Hall and Mr Laviolette": a name written with its title is a person's too.
                        if words.count >= 2, Self.personTitles.contains(Tokenizer.fold(words[0]).filter(\.isLetter)) { personNames.insert(name) }
                        // ("Prof Morgan from the University of Nottingham said": a name after "the" or a
                        // place preposition is where the speaker works, not the speaker.)
                        let placedBefore = i > 0 && !endsClause[i - 1] && (folded[i - 1] == "the" || Self.placePrepositions.contains(folded[i - 1]))
                        if SpanExtractor.speechVerbs.contains(nextWord), !placedBefore { personNames.insert(name) }
                        // ("Striker Leo Grant scored …": a role noun may open the sentence.)
                        if i > 0, words.count >= 2, !endsClause[i - 1], raw[i - 1].first?.isLowercase == true || i == 1,
                           Self.isContent(folded[i - 1]), !CommonVerbs.all.contains(folded[i - 1]),
                           !Self.bodyNouns.contains(folded[i - 1]), !Self.bodyEndings.contains(words[words.count - 1]),
                           !folded[i - 1].hasSuffix("ing"), !folded[i - 1].hasSuffix("ed"), PersonNameShape.fits(name),
                           !Self.modifiesNounAfter(end, cores: cores, endsClause: endsClause) {
                            personNames.insert(name)
                            personRoles[name, default: []].insert(folded[i - 1])
                        }
                        // ("the Premier Division side Kingsford Rovers": the name after "side" is the
                        // club; the one before it, followed by another name, is its league.)
                        let afterNoun = end + 2 < cores.count && !endsClause[end + 1] ? cores[end + 2] : ""
                        if Self.bodyNouns.contains(nextWord), afterNoun.first?.isUppercase == true { leagueNames.insert(name) }
                        if Self.bodyNouns.contains(nextWord) && afterNoun.first?.isUppercase != true
                            || i > 0 && !endsClause[i - 1] && Self.bodyNouns.contains(folded[i - 1]) && raw[i - 1].first?.isLowercase == true
                            || words.count >= 2 && Self.bodyEndings.contains(words[words.count - 1]) {
                            bodyNames.insert(name)
                        }
                        // "eight Academy Awards", "four Golden Globes": counted things; "Manchester
                        // City have apologised": a plural verb takes a group, never one person.
                        if i > 0, !endsClause[i - 1], Self.isCardinal(cores[i - 1]) { groupNames.insert(name) }
                        // "his North London home", "the La Liga table", "Moyes' Real Sociedad": a name
                        // of two or more words after a possessive, or after "the" and before a noun,
                        // is a place, body or thing (no person's name takes a determiner).
                        if i > 0, words.count >= 2, !endsClause[i - 1] {
                            // ("Moyes' Real Sociedad"; a quote closed after "been’" or "rallies'" is no possessive.)
                            let token = raw[i - 1], before = token.lowercased()
                            let possessive = Self.possessives.contains(before) || before.hasSuffix("'s") || before.hasSuffix("’s")
                                || token.first?.isUppercase == true && (before.hasSuffix("s'") || before.hasSuffix("s’"))
                            let next = end + 1 < cores.count && !endsClause[end] ? cores[end + 1] : ""
                            let nounAfter = next.first?.isLowercase == true && Self.isContent(next.lowercased())
                                && !CommonVerbs.all.contains(next.lowercased()) && !next.hasSuffix("ed")
                            if possessive || folded[i - 1] == "the" && nounAfter { thingNames.insert(name) }
                        }
                        // ("…, and Japan regained": "and" opens a clause after a comma only;
                        // "the ports of Shimoda and Hakodate were" is one noun phrase.)
                        let opener = i > 0 && Self.clauseOpeners.contains(folded[i - 1])
                            && (!["and", "but", "so", "then"].contains(folded[i - 1]) || i > 1 && raw[i - 2].hasSuffix(","))
                        if i == 0 || endsClause[i - 1] || opener,
                           !endsClause[end], end + 1 < cores.count, Self.isFiniteVerb(raw[end + 1]) {
                            subjectNames.insert(name)
                        }
                        // (Not the last of a list: "Mark Dunne and Peter Vane were …".)
                        let listed = i > 0 && (endsClause[i - 1] && raw[i - 1].hasSuffix(",") || ["and", "or", "&", "nor"].contains(folded[i - 1]))
                        if !listed, !endsClause[end], end + 1 < cores.count, Self.pluralVerbs.contains(cores[end + 1].lowercased()) {
                            groupNames.insert(name)
                        }
                        // "stars Neil Alexander and Nacho Novo": two names joined by "and", read for
                        // the person marks one of them passes to the other (after the loop).
                        if i >= 2, folded[i - 1] == "and", !endsClause[i - 2], let previous = lastName, previous.end == i - 2 {
                            pairedNames.append((previous.name, name))
                        }
                        lastName = (name, end)
                        matched = words.count
                        break
                    }
                }
                i += max(matched, 1)
            }
            // Numbers after a lowercase word ("type 2"), and the years the sentence speaks of.
            var isFuture = false
            for (k, word) in cores.enumerated() {
                let lower = word.lowercased()
                if Self.futureWords.contains(lower) { isFuture = true }
                // "our effort to elect her in 2016": an aim, not a past event.
                if lower == "to", k + 1 < cores.count, k == 0 || !Self.prepositionalTo.contains(folded[k - 1]), !endsClause[k], let next = cores[k + 1].first, next.isLowercase,
                   Self.isContent(folded[k + 1]), !Self.determiners.contains(folded[k + 1]),
                   !AcceptedAnswers.numberWords.contains(folded[k + 1]), !cores[k + 1].hasSuffix("s") {
                    isFuture = true
                }
                if k > 0, !endsClause[k - 1], word.allSatisfy(\.isNumber), word.count <= 3,
                   let before = cores[k - 1].first, before.isLowercase, Self.isContent(folded[k - 1]) {
                    numbersAfterWord[folded[k - 1], default: []].insert(word)
                }
            }
            for k in raw.indices.dropLast() where raw[k + 1] == "×" || raw[k + 1] == "x" {
                if let first = cores[k].first, first.isNumber { mantissas.insert(cores[k]) }
            }
            for word in cores where SpanExtractor.isYear(word) {
                guard let year = Int(word) else { continue }
                latestYear = max(latestYear ?? year, year)
                if !isFuture { latestNonFutureYear = max(latestNonFutureYear ?? year, year) }
            }
            for word in cores where word.first?.isUppercase == true { capitalWords.insert(word) }
            for word in cores where word.first?.isLowercase == true { lowercaseWords.insert(word) }
            guard !occurrences.isEmpty else { continue }
            // "X is an autoimmune disease", "Y are a kind of …": the term after "is a(n)" is a class.
            for occurrence in occurrences where occurrence.start >= 2 && occurrence.start > occurrences[0].start {
                let article = cores[occurrence.start - 1].lowercased(), verb = cores[occurrence.start - 2].lowercased()
                if ["a", "an"].contains(article), ["is", "was"].contains(verb), !endsClause[occurrence.start - 2] {
                    classTerms.insert(occurrence.key)
                }
            }
            for occurrence in occurrences where occurrence.end + 1 < folded.count {
                followers[occurrence.key, default: []].formUnion(folded[(occurrence.end + 1)..<min(folded.count, occurrence.end + 6)])
            }
            // Lists: neighbouring occurrences joined by commas, "and", "or" and at most one
            // modifier ("quaestors and curule aediles").
            var groups: [[(key: String, start: Int, end: Int)]] = []
            for occurrence in occurrences {
                if let last = groups.last?.last {
                    let gap = Array(folded[(last.end + 1)..<max(last.end + 1, occurrence.start)])
                    // "a luxury rather than a necessity", "supply versus demand": contrasted things are of a kind too.
                    let linked = gap.contains("and") || gap.contains("or") || gap.contains("than") || gap.contains("versus")
                        || gap.contains("vs") || endsClause[last.end] && raw[last.end].hasSuffix(",")
                    let others = gap.filter { !Self.linkWords.contains($0) && !Self.determiners.contains($0) }
                    let wordLinked = gap.contains(where: Self.linkWords.contains)
                    // "X, Y": a bare comma links list items only with nothing else between them.
                    if linked, gap.count <= 3, others.count <= (wordLinked ? 1 : 0), !(endsClause[last.end] && !raw[last.end].hasSuffix(",")) {
                        groups[groups.count - 1].append(occurrence)
                        continue
                    }
                }
                groups.append([occurrence])
            }
            for group in groups {
                guard let first = group.first, let last = group.last else { continue }
                var left: String? = nil
                var j = first.start - 1
                while j >= 0, Self.determiners.contains(folded[j]), !endsClause[j] { j -= 1 }
                var governor: String? = nil
                if j >= 0, !endsClause[j], Self.isContent(folded[j]) {
                    left = PorterStemmer.stem(folded[j])
                    // "is called X", "pores called X": after a naming verb the word before it
                    // says what is named (the step that "is called" photolysis is no pore).
                    if Self.namingVerbs.contains(cores[j].lowercased()) {
                        left = Self.namingContext(before: j >= 1 && !endsClause[j - 1] ? folded[j - 1] : "", verb: folded[j])
                    }
                    // A verb governing the list ("elected", "conserves"): evidence of kind; a
                    // noun or adjective before it ("the object's mass") is not.
                    let raw = cores[j].lowercased()
                    // ("called", "named": a naming verb takes a name of anything, no evidence of kind.)
                    if raw.first?.isLowercase == true, raw.count > 4, raw.hasSuffix("ed") || raw.hasSuffix("es") || raw.hasSuffix("ts"),
                       !Self.namingVerbs.contains(raw) {
                        governor = left
                    }
                }
                var right: String? = nil
                if last.end + 1 < folded.count, !endsClause[last.end], Self.isContent(folded[last.end + 1]) {
                    right = PorterStemmer.stem(folded[last.end + 1])
                }
                if j < 0 { for member in group { openers.insert(member.key) } }
                // "X is the process by which …", "Y is a balanced tree that …": the noun before
                // the first function word or clause end is the class the sentence defines X as.
                // "Friction, the contact force that …": an apposition names the class too.
                let isCopula = !endsClause[last.end] && last.end + 1 < cores.count
                    && ["is", "are", "was", "were"].contains(cores[last.end + 1].lowercased())
                let isApposition = raw[last.end].hasSuffix(",") && last.end + 1 < cores.count
                    && ["a", "an", "the"].contains(cores[last.end + 1].lowercased())
                if j < 0, group.count == 1, last.end + 2 < cores.count, isCopula || isApposition {
                    var k = isCopula ? last.end + 2 : last.end + 1
                    if ["a", "an", "the"].contains(cores[k].lowercased()) { k += 1 }
                    var head: String? = nil
                    while k < cores.count, k <= last.end + 6 {
                        let word = folded[k]
                        guard Self.isContent(word), cores[k].first?.isLowercase == true else { break }
                        head = word
                        if endsClause[k] { break }
                        k += 1
                    }
                    if let head { categories[first.key, default: []].insert(head) }
                }
                // A list or term that opens the sentence, then a lowercase word: its verb.
                if j < 0, let right, cores[last.end + 1].first?.isLowercase == true {
                    for member in group { openingVerbs[member.key, default: []].insert(right) }
                }
                if j >= 0, !endsClause[j], Self.directionalPrepositions.contains(cores[j].lowercased()) {
                    for member in group { slotPrepositions[member.key, default: []].insert(cores[j].lowercased()) }
                }
                for member in group {
                    if let left { before[member.key, default: []].insert(left) }
                    if let governor { governors[member.key, default: []].insert(governor) }
                    if let right { after[member.key, default: []].insert(right) }
                    // The word right before a member inside the list ("plebeian aediles").
                    if member.start > 0, member.start != first.start, !endsClause[member.start - 1],
                       Self.isContent(folded[member.start - 1]) {
                        before[member.key, default: []].insert(PorterStemmer.stem(folded[member.start - 1]))
                    }
                    if group.count > 1 {
                        for other in group where other.key != member.key { coordinated[member.key, default: []].insert(other.key) }
                    }
                }
            }
        }

        // "former stars Neil Alexander and Nacho Novo": a full name joined by "and" to one the
        // text marks as a person's is a person's too (both written as people's names).
        for (a, b) in pairedNames where a.contains(" ") && b.contains(" ") && PersonNameShape.fits(a) && PersonNameShape.fits(b) {
            if personNames.contains(a), !bodyNames.contains(b) { personNames.insert(b) }
            else if personNames.contains(b), !bodyNames.contains(a) { personNames.insert(a) }
        }

        // "David Houldcroft, defending, …" and later "Mr Houldcroft said": the full name of a
        // surname the text marks as a person's is a person's too.
        let markedSurnames = Set(personNames.compactMap { $0.split(separator: " ").last })
        for name in names where !personNames.contains(name) && !bodyNames.contains(name) {
            let words = name.split(separator: " ")
            if (2...3).contains(words.count), PersonNameShape.fits(name), let last = words.last, markedSurnames.contains(last) {
                personNames.insert(name)
            }
        }

        // "US Presidents" where the text writes "President", "Tory MPs": the plural of a word
        // the text uses on its own names a group.
        // "New Yorkers" beside "New York", "Londoners" beside "London": people of a place.
        // (Any name's opening words count: "New York" in "New York City"; a cut of one letter,
        // "Williams" beside "William", is a surname.)
        var namePrefixes = Set<String>()
        for name in names {
            let words = name.split(separator: " ")
            for count in 1...max(1, words.count) { namePrefixes.insert(words.prefix(count).joined(separator: " ")) }
        }
        for name in names where name.hasSuffix("s") {
            guard let last = name.split(separator: " ").last, last.count >= 6 else { continue }
            for cut in 2...4 where last.count - cut >= 4 && namePrefixes.contains(String(name.dropLast(cut))) {
                groupNames.insert(name)
                break
            }
        }
        for name in names {
            guard let last = name.split(separator: " ").last.map(String.init), last.count > 2, last.hasSuffix("s") else { continue }
            let stem = String(last.dropLast())
            if stem.count >= 2, stem.allSatisfy({ $0.isUppercase }) { groupNames.insert(name); continue }
            let singular = ExamLexicon.singular(last.lowercased())
            guard singular != last.lowercased(), !last.hasSuffix("ss") else { continue }
            let capital = singular.prefix(1).uppercased() + singular.dropFirst()
            if capitalWords.contains(capital) || lowercaseWords.contains(singular) { groupNames.insert(name) }
        }
        for (key, words) in governors { for word in words { termsAfterWord[word, default: []].insert(key) } }
        for (key, words) in openingVerbs { for word in words { termsOpening[word, default: []].insert(key) } }
        for (key, words) in categories { for word in words { termsByCategory[word, default: []].insert(key) } }
        for words in termsByFirst.values.joined() {
            let key = words.joined(separator: " ")
            if let head = Self.head(of: key) { termsByHead[head, default: []].insert(key) }
        }

        // Full names by word, and names fused from two people.
        var firstWords: [String: Set<String>] = [:]
        var lastWords: [String: Set<String>] = [:]
        for name in fullNames {
            let words = name.split(separator: " ").map(String.init)
            for word in Set(words) { fullNamesByWord[word, default: []].append(name) }
            guard words.count >= 2, let first = words.first, let last = words.last else { continue }
            firstWords[first, default: []].insert(last)
            lastWords[last, default: []].insert(first)
        }
        for name in fullNames {
            let words = name.split(separator: " ").map(String.init)
            guard words.count == 2, nameMentions[name, default: 1] <= 1 else { continue }
            if firstWords[words[0], default: []].contains(where: { $0 != words[1] }),
               lastWords[words[1], default: []].contains(where: { $0 != words[0] }) {
                fusedNames.insert(name)
            }
        }
    }

    /// Words after which a name may open a clause as its subject ("…, and Japan regained").
    static let clauseOpeners: Set<String> = ["and", "but", "that", "when", "while", "because", "then", "so", "which",
                                             "where", "although", "though", "if", "once"]
    /// Auxiliaries and verbs that follow a subject straight away.
    static let finiteVerbs: Set<String> = ["is", "was", "are", "were", "has", "had", "have", "became", "becomes", "did",
                                           "does", "will", "would", "could", "can", "may", "might", "must", "should"]

    /// Whether a token (as written) is a finite verb after a subject: an auxiliary, or a
    /// lowercase past form ("defeated", "signed"); "-s" forms are left out ("ports").
    static func isFiniteVerb(_ token: Substring) -> Bool {
        guard token.first?.isLowercase == true else { return false }
        let word = token.filter(\.isLetter)
        if finiteVerbs.contains(word) { return true }
        return word.count > 4 && word.hasSuffix("ed")
    }

    /// The left context of a term after a naming verb: the word before the verb with it.
    /// ("is called", "also called": a definition's own naming, one context for all of them;
    /// "pores called", "sacs called": the noun says what kind of thing is named.)
    static func namingContext(before: String, verb: String) -> String {
        (isContent(before) ? PorterStemmer.stem(before) : "") + "+" + PorterStemmer.stem(verb)
    }

    /// Whether the text writes the term after this naming context (see `namingContext`).
    func stands(_ term: String, afterNaming context: String) -> Bool {
        before[ExamLexicon.key(term)]?.contains(context) == true
    }

    /// Words that make "to" a preposition ("according to police"), not an infinitive.
    static let prepositionalTo: Set<String> = ["according", "due", "next", "up", "compared", "close", "thank", "thanks", "prior",
                                               "owing", "relative", "similar", "back", "went", "go", "goe", "come", "came", "moved",
                                               "returned", "sentenced", "led", "lead", "point", "pointed", "add", "added"]
    static let possessives: Set<String> = ["his", "her", "their", "its", "our", "my", "your"]
    /// Titles written before a person's name.
    static let personTitles: Set<String> = ["mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "professor", "prof"]
    /// Nouns written right after a body's name ("Championship side", "the G4S firm").
    static let bodyNouns: Set<String> = ["side", "club", "team", "squad", "firm", "company", "outfit", "franchise"]
    /// Last words of a club's or company's name.
    static let bodyEndings: Set<String> = ["FC", "AFC", "United", "City", "Rovers", "Athletic", "Albion", "Wanderers",
                                           "Ltd", "Inc", "plc", "PLC", "Group", "Corporation", "Council"]

    /// Verbs that name what follows ("a process called subduction", "it is called lava"):
    /// what they govern may be of any kind.
    static let namingVerbs: Set<String> = ["called", "named", "termed", "dubbed", "known", "labelled", "labeled", "titled", "entitled"]

    /// Verbs that take a plural subject (a group, never one person).
    static let pluralVerbs: Set<String> = ["have", "are", "were"]
    /// Words that put a sentence in the future: a year written there may lie after the story.
    static let futureWords: Set<String> = ["will", "shall", "next", "upcoming", "until", "won't", "’ll", "'ll"]

    /// "eight", "4": a count before a noun.
    static func isCardinal(_ word: String) -> Bool {
        let lower = word.lowercased()
        if lower.count <= 3, !lower.isEmpty, lower.allSatisfy(\.isNumber), !SpanExtractor.isYear(lower) { return true }
        guard let index = AcceptedAnswers.numberWords.firstIndex(of: lower) else { return false }
        return index >= 2
    }

    /// Whether the text treats a name as a group or things (see `groupNames`).
    func isGroup(_ name: String) -> Bool { groupNames.contains(name) }

    static let linkWords: Set<String> = ["and", "or", "rather", "than", "versus", "vs", "not"]

    static func isContent(_ word: String) -> Bool {
        word.count > 2 && word.first?.isLetter == true && !StopWords.english.contains(word)
    }

    /// The noun a term is named by: the last word, or the word before "of" ("law of inertia").
    static func head(of key: String) -> String? {
        let words = key.split(separator: " ").map(String.init)
        if let of = words.firstIndex(of: "of"), of > 0 { return words[of - 1] }
        return words.count > 1 ? words.last : nil
    }

    /// Whether the text treats two terms as things of one kind: coordinated in a list,
    /// governed by the same verb, or named by the same head noun.
    func areKin(_ a: String, _ b: String) -> Bool {
        let ka = ExamLexicon.key(a), kb = ExamLexicon.key(b)
        if coordinated[ka]?.contains(kb) == true { return true }
        if let x = governors[ka], let y = governors[kb], !x.isDisjoint(with: y) { return true }
        if let h = Self.head(of: ka), h == Self.head(of: kb) { return true }
        if let x = openingVerbs[ka], let y = openingVerbs[kb], !x.isDisjoint(with: y) { return true }
        if let x = categories[ka], let y = categories[kb], !x.isDisjoint(with: y) { return true }
        return false
    }

    /// The keys of every term the text treats as of one kind with the term of `key` (see `areKin`).
    func kin(of key: String) -> Set<String> {
        var out = coordinated[key] ?? []
        for word in governors[key] ?? [] { out.formUnion(termsAfterWord[word] ?? []) }
        for word in openingVerbs[key] ?? [] { out.formUnion(termsOpening[word] ?? []) }
        // A class shared, or a class that is another term's head ("Weight is the force of
        // gravity", "normal force").
        for word in categories[key] ?? [] { out.formUnion(termsByCategory[word] ?? []); out.formUnion(termsByHead[word] ?? []) }
        if let head = Self.head(of: key) ?? (key.contains(" ") ? nil : key) { out.formUnion(termsByCategory[head] ?? []) }
        if let head = Self.head(of: key) { out.formUnion(termsByHead[head] ?? []) }
        out.remove(key)
        return out
    }

    /// Whether the text writes `word` (singular, folded) within five words after the term.
    func writes(_ word: String, after term: String) -> Bool {
        followers[ExamLexicon.key(term)]?.contains(word) == true
    }

    /// Whether the text writes the term right before a word with this stem where the term
    /// opens its sentence (its subject: "HIV infects …").
    func opens(_ term: String, before word: String) -> Bool {
        openingVerbs[ExamLexicon.key(term)]?.contains(PorterStemmer.stem(word)) == true
    }

    /// Whether the term opens a sentence of the text ("**Sharding** splits …", "A **snapshot** is …").
    func opensSentences(_ term: String) -> Bool {
        openers.contains(ExamLexicon.key(term))
    }

    /// Whether the text gives a term any evidence of its kind at all.
    func hasContext(_ term: String) -> Bool {
        let key = ExamLexicon.key(term)
        return coordinated[key] != nil || before[key] != nil || after[key] != nil
    }

    /// Whether `term` has been written right after (`before`) or before (`after`) a word
    /// with this stem, itself or in a list governed by it.
    func stands(_ term: String, after word: String) -> Bool {
        before[ExamLexicon.key(term)]?.contains(PorterStemmer.stem(word)) == true
    }

    func stands(_ term: String, before word: String) -> Bool {
        after[ExamLexicon.key(term)]?.contains(PorterStemmer.stem(word)) == true
    }

    /// How prominent a name is: the most sentences any of its capitalised words is written in.
    func prominence(_ name: String) -> Int {
        name.split(separator: " ").map { capitalMentions[String($0), default: 0] }.max() ?? 0
    }

    /// Whether a name is one of the people a sentence already names, under another name:
    /// it shares a word with a capitalised word of the sentence, or with a full name that
    /// does ("Mama June" where the sentence says "Shannon" and the text "June Shannon").
    func isNamed(_ name: String, in sentenceCapitals: Set<String>) -> Bool {
        // The stem's capitals are written without apostrophes ("O’Toole" → "OToole").
        func bare<S: StringProtocol>(_ word: S) -> String { String(String(word).filter { $0 != "'" && $0 != "’" }) }
        let words: [Substring] = name.split(separator: " ").filter { $0.count > 2 }
        for word in words {
            if sentenceCapitals.contains(String(word)) || sentenceCapitals.contains(bare(word)) { return true }
            for full in fullNamesByWord[String(word)] ?? [] where full != name {
                if full.split(separator: " ").contains(where: { (part: Substring) in sentenceCapitals.contains(String(part)) || sentenceCapitals.contains(bare(part)) }) { return true }
            }
        }
        return false
    }
}

extension OptionEvidence {
    /// Whether the name ending at token `end` describes the lowercase noun right after it
    /// ("his former Leicester West constituency", "a former Chelsea player"): then it is a
    /// place, club or thing used as a modifier, and the word before it ("former") no role
    /// noun of a person. A verb after the name ("striker Leo Grant scored") or a stop word
    /// ("manager Gary Bowyer has") leaves it a person's.
    static func modifiesNounAfter(_ end: Int, cores: [String], endsClause: [Bool]) -> Bool {
        guard end + 1 < cores.count, !endsClause[end] else { return false }
        let next = cores[end + 1]
        guard next.first?.isLowercase == true, next.count > 2 else { return false }
        let word = next.lowercased()
        if StopWords.english.contains(word) || CommonVerbs.all.contains(word) { return false }
        if word.hasSuffix("ed") || word.hasSuffix("s") && !word.hasSuffix("ss") || word.hasSuffix("ing") { return false }
        return isContent(word)
    }
}

