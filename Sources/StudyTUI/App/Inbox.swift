import Foundation
import Glibc
import StudyApp

/// Actions posted from any thread for the UI loop. Posting writes a byte to a self-pipe, which
/// makes the loop's poll(2) return, so background results are drawn without waiting for a key.
final class Inbox: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [Action] = []
    /// Readable whenever actions are waiting.
    let fd: Int32
    private let writeFD: Int32

    init() throws {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw TerminalError("cannot create a pipe for the UI inbox") }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        fd = fds[0]
        writeFD = fds[1]
    }

    deinit {
        close(fd)
        close(writeFD)
    }

    func post(_ action: Action) {
        lock.lock()
        pending.append(action)
        lock.unlock()
        // A full pipe already means "wake up"; the write may then fail harmlessly.
        var one: UInt8 = 1
        _ = write(writeFD, &one, 1)
    }

    /// Takes every waiting action, in the order posted.
    func drain() -> [Action] {
        var bytes = [UInt8](repeating: 0, count: 256)
        while read(fd, &bytes, bytes.count) > 0 {}
        lock.lock()
        defer { lock.unlock() }
        let actions = pending
        pending = []
        return actions
    }
}
