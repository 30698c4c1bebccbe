/// The Porter (1980) stemmer for English, on lowercase ASCII words.
///
/// Used only to decide whether two words are "the same" for similarity and term counting
/// ("photosynthesis"/"photosynthetic" stay apart, "cells"/"cell" and "running"/"run"
/// meet). Words with non-ASCII letters and words of one or two letters are returned as is.
public enum PorterStemmer {
    public static func stem(_ word: String) -> String {
        guard word.utf8.count > 2, word.utf8.allSatisfy({ $0 >= 97 && $0 <= 122 }) else { return word }
        var w = Word(Array(word.utf8))
        w.step1a(); w.step1b(); w.step1c(); w.step2(); w.step3(); w.step4(); w.step5a(); w.step5b()
        return String(decoding: w.b, as: UTF8.self)
    }

    private struct Word {
        var b: [UInt8]
        init(_ b: [UInt8]) { self.b = b }

        /// Whether b[i] is a consonant ('y' is one unless it follows a consonant).
        func isConsonant(_ i: Int) -> Bool {
            switch b[i] {
            case 97, 101, 105, 111, 117: return false // a e i o u
            case 121: return i == 0 ? true : !isConsonant(i - 1) // y
            default: return true
            }
        }

        /// m: the number of vowel-consonant sequences in b[0..<end].
        func measure(_ end: Int) -> Int {
            var n = 0
            var i = 0
            while i < end && isConsonant(i) { i += 1 }
            while i < end {
                while i < end && !isConsonant(i) { i += 1 }
                guard i < end else { break }
                n += 1
                while i < end && isConsonant(i) { i += 1 }
            }
            return n
        }

        func hasVowel(_ end: Int) -> Bool { (0..<end).contains { !isConsonant($0) } }

        func endsWithDoubleConsonant(_ end: Int) -> Bool {
            end >= 2 && b[end - 1] == b[end - 2] && isConsonant(end - 1)
        }

        /// cvc where the last c is not w, x or y: "hop", "wil".
        func endsCVC(_ end: Int) -> Bool {
            guard end >= 3, isConsonant(end - 1), !isConsonant(end - 2), isConsonant(end - 3) else { return false }
            let last = b[end - 1]
            return last != 119 && last != 120 && last != 121
        }

        func ends(_ suffix: String) -> Bool {
            let s = Array(suffix.utf8)
            guard s.count <= b.count else { return false }
            return b[(b.count - s.count)...].elementsEqual(s)
        }

        /// The length of the stem if `suffix` were removed.
        func stemLength(_ suffix: String) -> Int { b.count - suffix.utf8.count }

        mutating func replace(_ suffix: String, with replacement: String) {
            b.removeLast(suffix.utf8.count)
            b.append(contentsOf: replacement.utf8)
        }

        /// Replaces `suffix` when the remaining stem has measure > `minMeasure`.
        @discardableResult
        mutating func rule(_ suffix: String, _ replacement: String, minMeasure: Int = 0) -> Bool {
            guard ends(suffix) else { return false }
            if measure(stemLength(suffix)) > minMeasure { replace(suffix, with: replacement) }
            return true
        }

        mutating func step1a() {
            if ends("sses") { replace("sses", with: "ss") }
            else if ends("ies") { replace("ies", with: "i") }
            else if ends("ss") { return }
            else if ends("s") { b.removeLast() }
        }

        mutating func step1b() {
            if ends("eed") {
                if measure(stemLength("eed")) > 0 { replace("eed", with: "ee") }
                return
            }
            var removed = false
            if ends("ed"), hasVowel(stemLength("ed")) { b.removeLast(2); removed = true }
            else if ends("ing"), hasVowel(stemLength("ing")) { b.removeLast(3); removed = true }
            guard removed else { return }
            if ends("at") || ends("bl") || ends("iz") {
                b.append(101)
            } else if endsWithDoubleConsonant(b.count), let last = b.last, last != 108, last != 115, last != 122 {
                b.removeLast()
            } else if measure(b.count) == 1 && endsCVC(b.count) {
                b.append(101)
            }
        }

        mutating func step1c() {
            if ends("y"), hasVowel(b.count - 1) { b[b.count - 1] = 105 }
        }

        static let step2Rules: [(String, String)] = [
                ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
                ("abli", "able"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"),
                ("ization", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"),
                ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"),
            ]

        mutating func step2() {
            for (suffix, replacement) in Self.step2Rules where rule(suffix, replacement) { return }
        }

        static let step3Rules: [(String, String)] = [
            ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
        ]

        mutating func step3() {
            for (suffix, replacement) in Self.step3Rules where rule(suffix, replacement) { return }
        }

        /// Longest first: the first suffix that matches decides, as in the original table.
        static let step4Suffixes = ["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent",
                                    "ion", "ou", "ism", "ate", "iti", "ous", "ive", "ize"]
            .sorted(by: { $0.utf8.count > $1.utf8.count })

        mutating func step4() {
            for suffix in Self.step4Suffixes where ends(suffix) {
                let stem = stemLength(suffix)
                if suffix == "ion" {
                    guard stem > 0, b[stem - 1] == 115 || b[stem - 1] == 116 else { return }
                }
                if measure(stem) > 1 { b.removeLast(suffix.utf8.count) }
                return
            }
        }

        mutating func step5a() {
            guard ends("e") else { return }
            let m = measure(b.count - 1)
            if m > 1 || (m == 1 && !endsCVC(b.count - 1)) { b.removeLast() }
        }

        mutating func step5b() {
            if measure(b.count) > 1, endsWithDoubleConsonant(b.count), b.last == 108 { b.removeLast() }
        }
    }
}
