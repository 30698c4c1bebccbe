#if canImport(Glibc)
import Glibc
#endif

/// The interactive app's malloc arenas (issue 13: resident memory).
///
/// glibc gives a thread that allocates while another holds the main arena an arena of its own
/// (up to eight per core). The app's work runs on a handful of dispatch and concurrency
/// threads, so the rooms, the message window and SQLite's page caches ended up in three or
/// four arenas, each keeping its own free space resident (~2.7 MB of arenas after paging a
/// 100k-message room). One arena holds the same data with one pool of free space; the app's
/// threads rarely allocate at the same moment, so they hardly ever wait for its lock.
enum MallocArenas {
    /// `mallopt(M_ARENA_MAX, 1)`. Must run before a second thread allocates. `mallopt` is
    /// looked up at run time because Swift's Glibc module does not export <malloc.h>; on a C
    /// library without it nothing changes.
    static func useOneArena() {
        #if os(Linux)
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        let mArenaMax: Int32 = -8  // M_ARENA_MAX in <malloc.h>
        guard let symbol = dlsym(nil, "mallopt") else { return }  // nil: RTLD_DEFAULT
        _ = unsafeBitCast(symbol, to: Mallopt.self)(mArenaMax, 1)
        #endif
    }
}
