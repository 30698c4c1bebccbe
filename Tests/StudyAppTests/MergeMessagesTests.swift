import StudyApp
import StudyModel
import Testing

/// `mergeMessages` into an empty window (the start's first page) takes an ordered page as it is
/// (issue 13), and still orders and de-duplicates one that is not.
@Suite struct MergeMessagesTests {
    @Test func anOrderedPageIntoAnEmptyWindowIsKeptAsItIs() {
        let page = (1...5).map { message($0) }
        #expect(mergeMessages([], page) == page)
    }

    @Test func anUnorderedPageWithRepeatsIsOrderedAndDeduplicated() {
        let merged = mergeMessages([], [message(3), message(1), message(2), message(1)])
        #expect(merged.map(\.messageId) == [message(1), message(2), message(3)].map(\.messageId))
    }
}
