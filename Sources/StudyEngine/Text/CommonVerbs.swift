/// Frequent English verbs in all their forms. A noun phrase ends where one of these
/// begins ("the Calvin cycle | takes place"), so key terms and exam answers stay nouns.
enum CommonVerbs {
    static let bases = [
        "take", "make", "give", "get", "go", "come", "know", "think", "see", "look", "want", "use", "find", "tell",
        "ask", "work", "seem", "feel", "try", "leave", "call", "keep", "let", "begin", "help", "show", "hear",
        "play", "run", "move", "live", "believe", "bring", "happen", "write", "provide", "sit", "stand", "lose",
        "pay", "meet", "include", "continue", "set", "learn", "change", "lead", "understand", "watch", "follow",
        "stop", "create", "speak", "read", "allow", "add", "spend", "grow", "open", "walk", "win", "offer",
        "remember", "love", "consider", "appear", "buy", "wait", "serve", "die", "send", "expect", "build", "stay",
        "fall", "cut", "reach", "kill", "remain", "suggest", "raise", "pass", "sell", "require", "report",
        "decide", "pull", "produce", "carry", "contain", "turn", "reduce", "estimate", "capture", "mark",
        "happen", "occur", "describe", "explain", "form", "split", "release", "absorb", "fix", "prove",
        "adopt", "declare", "proclaim", "seize", "execute", "abolish", "overthrow", "storm", "replace", "reply",
        "send", "choose", "recover", "rely", "advertise", "accept", "overwhelm", "complete", "start", "end",
        "receive", "map", "publish", "divide", "multiply", "state", "say", "claim", "announce", "confirm",
        "become", "mean", "need", "put", "hold", "bring", "break", "drive", "eat", "fly", "rise", "shake",
        "sing", "swim", "throw", "wear", "hit", "hurt", "shut", "spread", "tend", "enable", "involve",
    ]

    /// Irregular forms the suffix rules below do not make.
    static let irregular = [
        "took", "taken", "made", "gave", "given", "got", "gotten", "went", "gone", "came", "knew", "known",
        "thought", "saw", "seen", "found", "told", "felt", "left", "kept", "began", "begun", "showed", "shown",
        "heard", "ran", "brought", "wrote", "written", "sat", "stood", "lost", "paid", "met", "led", "understood",
        "spoke", "spoken", "read", "grew", "grown", "won", "bought", "sent", "built", "fell", "fallen", "sold",
        "split", "proved", "proven", "seized", "overthrew", "overthrown", "chose", "chosen", "said", "became",
        "meant", "put", "held", "broke", "broken", "drove", "driven", "ate", "eaten", "flew", "flown", "rose",
        "risen", "shook", "shaken", "sang", "sung", "swam", "swum", "threw", "thrown", "wore", "worn", "hit",
        "hurt", "shut", "spread", "is", "are", "was", "were", "be", "been", "has", "have", "had", "does", "did",
    ]

    /// Comparatives end a noun phrase too: "a natural number | greater than 1".
    static let comparatives = ["greater", "smaller", "larger", "higher", "lower", "fewer", "better", "worse", "longer",
                               "shorter", "bigger", "faster", "slower", "earlier", "later"]

    static let all: Set<String> = {
        var forms = Set(irregular + comparatives)
        for base in bases {
            forms.insert(base)
            let last = base.last
            if last == "y", let beforeY = base.dropLast().last, !"aeiou".contains(beforeY) {
                let stem = base.dropLast()
                forms.insert(stem + "ies")
                forms.insert(stem + "ied")
            } else if last == "s" || last == "x" || base.hasSuffix("sh") || base.hasSuffix("ch") || base.hasSuffix("o") {
                forms.insert(base + "es")
                forms.insert(base + "ed")
            } else {
                forms.insert(base + "s")
                forms.insert(last == "e" ? base + "d" : base + "ed")
            }
            forms.insert(last == "e" && base.count > 2 ? base.dropLast() + "ing" : base + "ing")
        }
        return forms
    }()
}
