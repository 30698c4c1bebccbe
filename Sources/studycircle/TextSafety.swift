import StudyModel

/// Text from the store printed by the command line goes through the same `Sanitizer` as the
/// terminal UI: control characters and escape sequences come out as visible symbols (`␛`).
enum TextSafety {
    static func plain(_ text: String) -> String { Sanitizer.clean(text) }
}
