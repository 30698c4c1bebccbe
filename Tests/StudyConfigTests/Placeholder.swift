import Testing

@Test func StudyConfigTestsBuilds() {}
