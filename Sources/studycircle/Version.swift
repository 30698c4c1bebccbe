/// The version `studycircle --version` prints. Raise it with each release.
enum StudyCircleVersion {
    static let current = "0.9.0"
}
