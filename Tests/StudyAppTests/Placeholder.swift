import Testing

@Test func StudyAppTestsBuilds() {}
