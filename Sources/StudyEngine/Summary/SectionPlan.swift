import Foundation

/// The main sections of notes with headings, so that a summary can cover each of them.
///
/// The main level is the highest heading level used at least twice (`##` under a single
/// `#` title); deeper headings belong to the section above them. Text before the first
/// main heading is the preamble. A document with fewer than two main sections (news,
/// plain prose) has no plan and keeps the lead-biased selection.
struct SectionPlan {
    /// Per main section, in document order: its content units (indexes into
    /// `StudyDocument.sentences`).
    private(set) var sections: [[Int]] = []
    /// Per content unit: its main section, or -1 for the preamble.
    private(set) var sectionOf: [Int] = []

    /// Whether the document is divided into sections worth covering one by one: two or more,
    /// at least two of them with more than one sentence (a few one-line "sections" are
    /// captions or bylines between paragraphs, not the structure of notes).
    var isSectioned: Bool { sections.count >= 2 && sections.lazy.filter { $0.count >= 2 }.count >= 2 }

    init(document: StudyDocument) {
        let headingCount = document.split.units.count - document.sentences.count
        guard headingCount >= 2 else {
            sectionOf = Array(repeating: -1, count: document.sentences.count)
            return
        }
        let levels = MarkdownOutline(source: document.source).levels(of: document.split)
        var perLevel: [Int: Int] = [:]
        for level in levels.values { perLevel[level, default: 0] += 1 }
        guard let main = perLevel.filter({ $0.value >= 2 }).keys.min() else {
            sectionOf = Array(repeating: -1, count: document.sentences.count)
            return
        }
        var current = -1
        var sentence = 0
        sectionOf.reserveCapacity(document.sentences.count)
        for unit in document.split.units {
            if unit.kind == .heading {
                let level = levels[unit.index] ?? 2
                if level == main {
                    sections.append([])
                    current = sections.count - 1
                } else if level < main {
                    current = -1
                }
                continue
            }
            sectionOf.append(current)
            if current >= 0 { sections[current].append(sentence) }
            sentence += 1
        }
        // Headings with nothing under them are no sections.
        if sections.contains(where: \.isEmpty) {
            var renumber: [Int] = []
            var kept: [[Int]] = []
            for members in sections {
                renumber.append(members.isEmpty ? -1 : kept.count)
                if !members.isEmpty { kept.append(members) }
            }
            sectionOf = sectionOf.map { $0 >= 0 ? renumber[$0] : -1 }
            sections = kept
        }
    }

    /// How much each section adds that earlier text has not said: the share of its term
    /// occurrences whose term is new at that point. A recap or "quick reference" section
    /// repeats earlier terms and scores low; it is the first to go when the summary has
    /// fewer sentences than the notes have sections.
    func novelty(_ document: StudyDocument) -> [Double] {
        var seen = Set<Int>()
        var out: [Double] = []
        var cursor = 0
        for members in sections {
            // Preamble and earlier sections count as said.
            while cursor < (members.first ?? 0) {
                seen.formUnion(document.terms[cursor])
                cursor += 1
            }
            var total = 0
            var fresh = 0
            for unit in members {
                for term in document.terms[unit] {
                    total += 1
                    if !seen.contains(term) { fresh += 1 }
                }
            }
            out.append(total > 0 ? Double(fresh) / Double(total) : 0)
            for unit in members { seen.formUnion(document.terms[unit]) }
            cursor = max(cursor, (members.last ?? 0) + 1)
        }
        return out
    }
}
