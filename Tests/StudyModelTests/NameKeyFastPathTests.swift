import Foundation
import StudyModel
import Testing

/// ASCII names skip Foundation's folding and normalisation (issue 13: start-up memory); the keys
/// must be exactly what the full path gives.
@Suite struct NameKeyFastPathTests {
    @Test(arguments: ["bench", "Ann", "MIXED_case-1.x", "", "  spaced  Name ", "José", "Jose\u{301}", "ＡＢＣ", "Straße", "ǅemal", "ﬁle"])
    func foldAndNormalFormsMatchFoundation(_ text: String) {
        #expect(NameKey.nfkc(text) == text.precomposedStringWithCompatibilityMapping)
        #expect(Username.normalized(text) == text.precomposedStringWithCompatibilityMapping)
        let full = text.folding(options: [.caseInsensitive], locale: nil).lowercased().precomposedStringWithCompatibilityMapping
        #expect(NameKey.fold(text) == full)
    }
}
