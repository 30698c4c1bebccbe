/// The head of a compound is no answer for it when the stem itself uses the head alone: in
/// "An attribute that belongs to some candidate key is called a _____" (for "prime
/// attribute") the head "attribute" is the wider class the stem narrows, so writing it back
/// is no knowledge of the term, and grading it right rewards a wrong answer (issue 8, K).
enum HeadInStem {
    /// Whether `sentence` writes `head` (or its plural) outside the words of `answer`.
    static func shows(head: String, answer: String, in sentence: String) -> Bool {
        let target = ExamLexicon.singular(Tokenizer.fold(head))
        let count: (String) -> Int = { text in
            Tokenizer.foldedWords(text).filter { ExamLexicon.singular($0) == target }.count
        }
        return count(sentence) > count(answer) * max(1, sentence.components(separatedBy: answer).count - 1)
    }
}
