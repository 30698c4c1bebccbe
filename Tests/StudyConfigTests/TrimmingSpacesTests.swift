import Foundation
@testable import StudyConfig
import Testing

/// Settings values are trimmed in plain Swift (issue 13: no NSString on the start-up path);
/// the result must be Foundation's `trimmingCharacters(in: .whitespaces)`.
@Suite struct TrimmingSpacesTests {
    @Test(arguments: ["", "   ", "\t", "plain", "  both  ", "\tx\t", " inner space kept ", "\u{00A0}nbsp\u{2003}",
                      "line\n", "\nline", " \n x \n ", "é ", " 日本 ", "\u{3000}wide\u{3000}", "a\r\n"])
    func itMatchesFoundation(_ text: String) {
        #expect(text.trimmingSpaces == text.trimmingCharacters(in: .whitespaces))
    }
}
