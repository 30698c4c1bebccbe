import Glibc
import StudyModel

/// Local-time labels for messages, computed with localtime_r (no formatter objects per frame).
enum TimeFormat {
    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func local(_ t: Timestamp) -> tm {
        var seconds = time_t(t.millisecondsSince1970 / 1000)
        var parts = tm()
        localtime_r(&seconds, &parts)
        return parts
    }

    /// `14:05`
    static func clock(_ t: Timestamp) -> String {
        let p = local(t)
        return pad(Int(p.tm_hour)) + ":" + pad(Int(p.tm_min))
    }

    /// A number identifying the local day, for day separators.
    static func day(_ t: Timestamp) -> Int {
        let p = local(t)
        return Int(p.tm_year) * 400 + Int(p.tm_yday)
    }

    /// `Tue 21 Nov 2026`
    static func date(_ t: Timestamp) -> String {
        let p = local(t)
        let weekday = weekdays[Int(p.tm_wday) % 7]
        let month = months[Int(p.tm_mon) % 12]
        return "\(weekday) \(p.tm_mday) \(month) \(Int(p.tm_year) + 1900)"
    }

    /// `21 Nov`
    static func shortDate(_ t: Timestamp) -> String {
        let p = local(t)
        return "\(p.tm_mday) \(months[Int(p.tm_mon) % 12])"
    }

    static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
