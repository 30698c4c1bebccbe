import Testing

@Test func StudyModelTestsBuilds() {}
