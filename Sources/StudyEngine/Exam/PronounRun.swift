/// A news profile tells of one person in a run of sentences: "Hogwood studied keyboard at
/// Cambridge … He was the artistic director of … He was a tutor at Harvard …". Each "He"
/// means the subject of the sentence that opened the run, so a teacher asks those sentences
/// with the name written in ("Hogwood was the artistic director of …"). Only a run that
/// follows its subject sentence without a break counts: any other sentence in between (a
/// quote, another person's words) ends it, since "he" may then mean someone else.
struct PronounRun {
    /// The person the current run is about, as the subject sentence writes the name.
    private var subject: String?
    /// The index of the run's last sentence (a run continues only with the very next one).
    private var lastIndex = -2

    static let subjectPronouns: Set<String> = ["He", "She"]
    /// "His first positions were …" continues the run too ("Her" may be an object: not read).
    static let possessives: Set<String> = ["His"]

    /// Reads `sentence` in order. Returns its text with the opening pronoun replaced by the
    /// run's subject, when that makes a sentence with no other reference problem; nil otherwise.
    /// - Parameter lowercaseWords: the words the text writes in lower case somewhere; a
    ///   one-word subject among them is a common noun ("Authorities said …"), no person.
    mutating func read(_ sentence: ExamSentence, placeWords: Set<String>, lowercaseWords: Set<String> = []) -> String? {
        let words = sentence.text.split(separator: " ", omittingEmptySubsequences: true)
        guard let first = words.first else { subject = nil; return nil }
        let continues = sentence.index == lastIndex + 1
        if Self.subjectPronouns.contains(String(first)) || Self.possessives.contains(String(first)) {
            guard continues, let subject else { self.subject = nil; return nil }
            lastIndex = sentence.index
            guard sentence.stemProblem == "dangling reference" else { return nil }
            let name = Self.possessives.contains(String(first)) ? subject + (subject.hasSuffix("s") ? "'" : "'s") : subject
            let named = name + sentence.text.dropFirst(first.count)
            guard ExamSentence.problem(raw: named, clean: named, isListItem: sentence.isListItem) == nil,
                  ExamSentence.referenceProblem(named) == nil else { return nil }
            return named
        }
        subject = Self.personSubject(words, placeWords: placeWords, lowercaseWords: lowercaseWords)
        lastIndex = subject == nil ? -2 : sentence.index
        return nil
    }

    /// The name a sentence opens with as its subject: one to three capitalised words (after
    /// an optional title: "Mr Swinney"), then a lowercase verb ("Hogwood studied …",
    /// "Anna Reyes founded …"). Not a place the text writes alone ("Wales has …"), not an
    /// article or a pointer word.
    /// A lone word the text also writes in lower case ("Authorities said …" beside "the
    /// authorities") is a common noun capitalised only to open the sentence: a group, whose
    /// "He" in the next sentence is someone else.
    static func personSubject(_ words: [Substring], placeWords: Set<String>, lowercaseWords: Set<String> = []) -> String? {
        var name: [Substring] = []
        for word in words.prefix(4) {
            guard let initial = word.first, initial.isUppercase, word.dropFirst().allSatisfy({ $0.isLetter || $0 == "-" || $0 == "'" }),
                  word.dropFirst().contains(where: \.isLowercase) else { break }
            name.append(word)
        }
        guard (1...3).contains(name.count), name.count < words.count else { return nil }
        if name.count == 1, lowercaseWords.contains(name[0].lowercased()) { return nil }
        let verb = Tokenizer.fold(String(words[name.count]))
        guard words[name.count].first?.isLowercase == true,
              CommonVerbs.all.contains(verb) || verb.count > 4 && verb.hasSuffix("ed") else { return nil }
        let opener = Tokenizer.fold(String(name[0]))
        guard !StopWords.english.contains(opener), !placeWords.contains(String(name[name.count - 1])),
              !AcceptedAnswers.isTitleOrOffice(String(name[name.count - 1])) else { return nil }
        return name.joined(separator: " ")
    }
}
