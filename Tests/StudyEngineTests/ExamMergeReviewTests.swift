import Testing
import StudyModel
@testable import StudyEngine

/// Faults found when the exam rules of four parallel changes were put together and run on
/// the development texts again. The texts are written for these tests.
@Suite struct ExamMergeReviewTests {
    /// "Wardens: three elected every spring …" is a noun phrase with a participle; as
    /// "In wardens, three … elected …" it would be nonsense.
    @Test func aCountedNounWithAParticipleIsNoClauseInsideTheLabel() {
        #expect(ListItemProse.prose(head: "Wardens", clean: "Wardens: three senior guild members elected every spring for a term of two years.") == nil)
        // A finite "-ed" verb after its subject still reads as a clause in the label.
        #expect(ListItemProse.prose(head: "Harbours", clean: "Harbours: the town council dredged them twice a year.")
            == "In harbours, the town council dredged them twice a year.")
    }

    @Test func theHeadOfAnOfTheNameIsAcceptedWhenTheTextUsesItAlone() {
        let sentences = [
            "The wardens of the guild were elected every spring.",
            "A warden could fine any member who broke the rules.",
            "The wardens met in the hall each month.",
        ]
        #expect(AcceptedAnswers.ofPhraseHead(of: "wardens of the guild", sentences: sentences) == "wardens")
        // Used alone only once: too little to call it the same thing.
        #expect(AcceptedAnswers.ofPhraseHead(of: "wardens of the guild", sentences: Array(sentences.prefix(2))) == nil)
        // Another "wardens of …" in the text: the head could mean either.
        #expect(AcceptedAnswers.ofPhraseHead(of: "wardens of the guild",
                                             sentences: sentences + ["The wardens of the port kept the harbour clear."]) == nil)
        // Without "the" the head is a wider word ("speed" of "speed of light").
        #expect(AcceptedAnswers.ofPhraseHead(of: "speed of light", sentences: ["The speed was high.", "Its speed fell."]) == nil)
    }

    /// "After losing the weight Mara joined the club": "weight" is no role of Mara's, so neither
    /// "weight Mara" nor "the weight" is an accepted answer; a bare role before a name still is.
    @Test func aNounWithItsOwnArticleBeforeALoneNameIsNoRole() {
        let sentences = [
            "After losing the weight Mara joined the rowing club in Leeds.",
            "Mara now trains five mornings a week.",
        ]
        let forms = AcceptedAnswers.roleForms(of: "Mara", fullName: nil, sentences: sentences)
        #expect(!forms.contains("weight Mara") && !forms.contains("the weight"), "\(forms)")
        let bare = AcceptedAnswers.roleForms(of: "Mara", fullName: nil, sentences: ["The club said coach Mara would stay for a second season."])
        #expect(bare.contains("coach Mara"), "\(bare)")
    }
}
