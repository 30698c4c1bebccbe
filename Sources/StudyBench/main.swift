// `make bench`: every figure as `name value unit`, from a release build.
// `StudyBench storage dynamo ...` runs only the named groups.
import Foundation

let groups: [(name: String, run: () async throws -> Void)] = [
    ("storage", runStorageBench),
    ("bulk", runBulkBench),
    ("dynamo", runDynamoBench),
    ("mongo", runMongoBench),
    ("engine", { try runEngineBench() }),
    ("tui", runTUIBench),
    ("pty", runPtyBench),
    ("rooms", runRoomsBench),
]

let wanted = Set(CommandLine.arguments.dropFirst())
print("# StudyCircle benchmark (release build, \(ProcessInfo.processInfo.activeProcessorCount) cores)")
var failed = false
for group in groups where wanted.isEmpty || wanted.contains(group.name) {
    do {
        try await group.run()
    } catch {
        print("# \(group.name) bench failed: \(error)")
        failed = true
    }
}
if failed { exit(1) }
