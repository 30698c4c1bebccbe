// `make bench`: every figure as `name value unit`, from a release build.
import Foundation

print("# StudyCircle benchmark (release build, \(ProcessInfo.processInfo.activeProcessorCount) cores)")
do {
    try await runStorageBench()
} catch {
    print("# storage bench failed: \(error)")
    exit(1)
}
