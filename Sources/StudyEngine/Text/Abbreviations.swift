/// Word lists that decide whether a full stop ends a sentence.
///
/// Three classes, because abbreviations behave differently at the end of a sentence:
/// titles never end one ("Dr. Smith"), reference words end one unless a number follows
/// ("see Fig. 3" vs "as shown in the fig. The"), and the rest ("etc.", "U.S.", "p.m.")
/// end one only when the next word is a typical sentence opener ("... in the U.S. The
/// economy" splits, "U.S. Army" does not).
enum Abbreviations {
    /// Never followed by a sentence break.
    static let titles: Set<String> = [
        "mr", "mrs", "ms", "mx", "dr", "prof", "st", "mt", "ft", "gen", "col", "lt", "sgt", "capt", "cpt", "maj",
        "gov", "sen", "rep", "rev", "hon", "pres", "supt", "insp", "messrs", "mme", "mlle", "sra",
        "e.g", "i.e", "cf", "viz", "vs", "v", "approx", "ca", "c", "esp", "incl", "resp", "dept", "univ", "assn",
        "ave", "blvd", "rd", "hwy", "ed", "eds", "trans", "comp", "op", "cit", "ibid", "lit", "orig",
        // Ranks and offices written before a name ("Army Spc. Caleb Barnes", "Det. Insp. Reid").
        "spc", "pvt", "pfc", "cpl", "adm", "cmdr", "cdr", "brig", "det", "cllr", "fr",
    ]

    /// Followed by a number or numeral; a sentence may end on them otherwise.
    static let numeric: Set<String> = [
        "no", "nos", "fig", "figs", "vol", "vols", "p", "pp", "ch", "chap", "sec", "secs", "eq", "eqs", "art",
        "para", "pt", "pts", "tab", "ex", "n", "nr", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "ver", "rev", "ref", "refs", "appx", "bk", "lec", "thm", "prop", "def",
    ]

    /// End a sentence only before a typical sentence opener.
    static let weak: Set<String> = [
        "etc", "inc", "ltd", "co", "corp", "plc", "llc", "jr", "sr", "bros", "al", "est", "min", "max", "avg",
        "govt", "intl", "natl", "assoc", "yr", "yrs", "hr", "hrs", "mo", "mos", "wk", "wks", "oz", "lb", "lbs",
        "km", "kg", "cm", "mm", "sq", "tel", "am", "pm",
    ]

    /// Capitalised words that typically open a sentence (and rarely appear capitalised inside
    /// one). Used to confirm a break after an ambiguous full stop, and to find the seams of
    /// photo captions that were glued to the next sentence without any punctuation.
    static let sentenceOpeners: Set<String> = [
        "the", "this", "that", "these", "those", "there", "it", "its", "he", "she", "they", "we", "you", "his",
        "her", "their", "our", "my", "but", "however", "when", "after", "while", "although", "though", "if",
        "in", "on", "at", "as", "a", "an", "i", "and", "so", "yet", "for", "from", "with", "by", "to", "one",
        "some", "many", "most", "all", "both", "each", "other", "others", "then", "now", "since", "because",
        "what", "who", "where", "why", "how", "during", "before", "until", "unlike", "despite", "meanwhile",
        "instead", "also", "still", "thus", "therefore", "moreover", "furthermore", "here", "such", "no",
        "not", "only", "every", "another",
    ]

    /// The subset of openers trusted at a caption seam ("... the club He has ..."), where
    /// nothing but capitalisation marks the break. Words that also open titles and names
    /// ("In", "A", "On", "The" after a stop word) are checked separately by the caller.
    static let seamOpeners: Set<String> = [
        "the", "this", "these", "those", "there", "it", "he", "she", "they", "we", "his", "her", "their",
        "but", "however", "when", "after", "while", "although", "meanwhile", "its", "our", "if",
    ]

    /// Openers trusted right after an opening quote glued to the previous words
    /// ("... on Friday ‘I’d be over the moon ...").
    static let quoteOpeners: Set<String> = [
        "i", "we", "you", "he", "she", "it", "they", "this", "there", "that", "what", "my", "our", "if",
        "but", "so", "when", "everyone", "nobody", "it's", "i'm", "i've", "i'd", "i'll", "we're", "we've",
        "you're", "he's", "she's", "they're", "there's", "that's", "what's",
    ]
}
