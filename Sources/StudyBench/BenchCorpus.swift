import Foundation

/// A deterministic document of any size for the engine benchmarks: varied generated
/// sentences about many topics, in paragraphs, with numbers, years and names, so that the
/// summariser and the exam generator have realistic work to do.
enum BenchCorpus {
    static let subjects = ["The chloroplast", "The French Revolution", "The TCP handshake", "The Calvin cycle",
                           "Marie Curie", "The Roman Senate", "The mitochondrion", "Isaac Newton", "The Nile delta",
                           "The Treaty of Versailles", "The Krebs cycle", "Ada Lovelace", "The Pacific Ocean",
                           "The printing press", "The immune system", "Euclid", "The Industrial Revolution",
                           "Quantum tunnelling", "The Amazon rainforest", "The Byzantine Empire"]
    static let verbs = ["transformed", "regulated", "described", "influenced", "produced", "measured", "shaped",
                        "challenged", "explained", "connected", "supported", "limited", "extended", "replaced"]
    static let objects = ["the flow of energy", "trade across the region", "the modern theory of motion",
                          "the structure of proteins", "political power in Paris", "the reliability of networks",
                          "the growth of cities", "agricultural output", "the study of prime numbers",
                          "the spread of literacy", "the climate of the coast", "public health", "scientific method",
                          "the design of bridges", "ocean currents", "the speed of sound"]
    static let tails = ["according to later historians", "in several careful experiments",
                        "over the following decades", "despite strong opposition", "with lasting consequences",
                        "as textbooks still explain", "in a way few had predicted", "for nearly a century"]

    static func document(bytes: Int) -> String {
        var state: UInt64 = 0x5EED_CAFE
        func next(_ n: Int) -> Int {
            // SplitMix64: the same sequence on every machine.
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            return Int(z % UInt64(n))
        }
        var text = ""
        text.reserveCapacity(bytes + 1000)
        var sentenceInParagraph = 0
        var paragraph = 0
        while text.utf8.count < bytes {
            if sentenceInParagraph == 0 && paragraph % 6 == 0 {
                text += "## Part \(paragraph / 6 + 1): \(subjects[next(subjects.count)].replacingOccurrences(of: "The ", with: ""))\n\n"
            }
            let year = 1400 + next(600)
            let amount = 2 + next(9000)
            var sentence = "\(subjects[next(subjects.count)]) \(verbs[next(verbs.count)]) \(objects[next(objects.count)])"
            switch next(4) {
            case 0: sentence += " in \(year)"
            case 1: sentence += ", affecting about \(amount) people"
            case 2: sentence += " \(tails[next(tails.count)])"
            default: sentence += " by \(next(90) + 5)% \(tails[next(tails.count)])"
            }
            text += sentence + ". "
            sentenceInParagraph += 1
            if sentenceInParagraph == 5 + next(4) {
                text += "\n\n"
                sentenceInParagraph = 0
                paragraph += 1
            }
        }
        return text
    }
}
