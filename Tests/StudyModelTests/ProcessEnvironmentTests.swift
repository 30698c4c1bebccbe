import Foundation
import StudyModel
import Testing

/// `ProcessEnvironment` reads `environ` itself (issue 13: start-up); it must give what
/// Foundation gives.
@Suite struct ProcessEnvironmentTests {
    @Test func itHoldsTheSameVariablesAsProcessInfo() {
        let ours = ProcessEnvironment.variables
        let foundation = ProcessInfo.processInfo.environment
        #expect(!ours.isEmpty)
        #expect(ours == foundation)
    }
}
