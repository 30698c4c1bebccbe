import Glibc

/// Wakes the UI loop's poll(2) from any thread: `signal` writes a byte to a self-pipe whose read
/// end the loop watches. It carries no actions (those wait in the `AppStore`), only "look".
final class WakePipe: Sendable {
    /// Readable after `signal`.
    let fd: Int32
    private let writeFD: Int32

    init() throws {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw TerminalError("cannot create a pipe to wake the UI loop") }
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

    /// Makes `fd` readable. A full pipe already means "wake up"; the write may then fail harmlessly.
    func signal() {
        var one: UInt8 = 1
        _ = write(writeFD, &one, 1)
    }

    /// Empties the pipe, so the next poll(2) waits again.
    func drain() {
        var bytes = [UInt8](repeating: 0, count: 256)
        while read(fd, &bytes, bytes.count) > 0 {}
    }
}
