// A second process for the multi-process tests: writes messages and documents into one
// SQLite file through the real services, one transaction per write, as a terminal would.
// Usage: store-writer DB_PATH PREFIX COUNT
import Foundation
import StudyModel
import StudyStore
import StudyStoreSQLite

let args = CommandLine.arguments
guard args.count == 4, let count = Int(args[3]) else {
    FileHandle.standardError.write(Data("usage: store-writer DB_PATH PREFIX COUNT\n".utf8))
    exit(2)
}
let path = args[1], prefix = args[2]
do {
    let store = try SQLiteStore.open(path: path)
    for i in 0..<count {
        _ = try await store.messages.send(Message(roomId: "shared-room", sender: prefix, text: "\(prefix) \(i)"))
        if i % 10 == 0 {
            _ = try await store.content.create(Content(title: "\(prefix) doc \(i)", owner: prefix, sourceText: "text \(i)"))
        }
    }
} catch {
    FileHandle.standardError.write(Data("store-writer: \(error)\n".utf8))
    exit(1)
}
