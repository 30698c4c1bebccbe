@testable import StudyApp
import StudyModel
import Testing

/// File writes go through one serial queue: they never overlap and land in the order asked.
@Suite(.timeLimit(.minutes(1))) struct SerialJobsTests {
    @Test func jobsRunOneAtATimeInTheOrderGiven() async {
        let jobs = SerialJobs()
        let log = Mutex<[Int]>([])
        let running = Mutex(0)
        let overlapped = Mutex(false)
        for n in 0..<200 {
            jobs.enqueue {
                if running.withLock({ $0 += 1; return $0 }) > 1 { overlapped.withLock { $0 = true } }
                // Suspends mid-job, as a file write on another thread would.
                await Task.yield()
                log.withLock { $0.append(n) }
                running.withLock { $0 -= 1 }
            }
        }
        await jobs.finish()
        #expect(log.withLock { $0 } == Array(0..<200))
        #expect(!overlapped.withLock { $0 })
    }

    @Test func cancelAllStopsEveryTrackedTask() async {
        let tasks = TaskSet()
        let clock = ManualClock()
        let finished = Mutex(0)
        for _ in 0..<5 {
            tasks.spawn {
                if (try? await clock.sleep(for: .seconds(60))) != nil { finished.withLock { $0 += 1 } }
            }
        }
        await clock.waitForSleepers(5)
        #expect(tasks.count == 5)
        tasks.cancelAll()
        #expect(clock.pendingSleeps == 0)
        clock.advance(by: .seconds(120))
        #expect(finished.withLock { $0 } == 0, "no cancelled task went on as if its timer had fired")
    }
}
